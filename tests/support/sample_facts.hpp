#pragma once
/// Test support: small builders for hand-made extraction results (documents, entity references,
/// role fillers), shared by the tests that feed the knowledge graph without running extraction.
/// Header-only; include as "support/sample_facts.hpp".

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

#include "kg/core/types.hpp"

namespace kg::test {

/// Document `id`, dated `date` (`YYYY-MM-DD` or empty), the `ordinal`-th of the input; its URL is
/// `site` followed by the id and its title "Title of <id>".
inline core::Document document(std::string id, std::string date, std::size_t ordinal,
                               std::string_view site = "https://example.org/") {
  core::Document d;
  d.id = std::move(id);
  d.date = std::move(date);
  d.url = std::string(site) + d.id;
  d.title = "Title of " + d.id;
  d.ordinal = ordinal;
  return d;
}

/// A reference to the entity `label` of `type`, written `mention` (the label when empty) from
/// code point `begin` of its sentence on, with the Wikidata id `wikidata` (may be empty).
inline core::EntityRef entity(std::string label, core::EntityType type = core::EntityType::concept_,
                              std::string mention = {}, std::size_t begin = 0,
                              std::string wikidata = {}) {
  core::EntityRef e;
  e.label = std::move(label);
  e.type = type;
  e.mention = mention.empty() ? e.label : std::move(mention);
  e.wikidata = std::move(wikidata);
  e.span = {begin, begin + e.mention.size()};
  return e;
}

/// Role `r` filled by the entity `e`.
inline core::RoleFiller role(core::Role r, core::EntityRef e) {
  core::RoleFiller f;
  f.role = r;
  f.entity = std::move(e);
  return f;
}

/// Role `r` filled by the event with index `event` in the same sentence (speech-act content).
inline core::RoleFiller nested(core::Role r, int event) {
  core::RoleFiller f;
  f.role = r;
  f.event = event;
  return f;
}

/// Role `r` filled by the literal text `t` (times, for instance).
inline core::RoleFiller text(core::Role r, std::string t) {
  core::RoleFiller f;
  f.role = r;
  f.text = std::move(t);
  return f;
}

}  // namespace kg::test
