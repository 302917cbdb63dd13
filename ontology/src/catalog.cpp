#include "kg/ontology/catalog.hpp"

#include <algorithm>
#include <utility>

#include "kg/core/text.hpp"
#include "kg/ontology/vocabulary.hpp"
#include "ontology_util.hpp"
#include "turtle_loader.hpp"

namespace kg::ontology {
namespace {

using detail::warn;

/// Lower case, trimmed, inner white space runs folded to one space: the form triggers are
/// stored in and lemmas are looked up in.
std::string normalize_pattern(std::string_view text) {
  const std::string lower = core::ascii_lower(core::trim(text));
  std::string out;
  out.reserve(lower.size());
  bool space = false;
  for (const char c : lower) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

/// A trigger is one or more lower-case words: letters, inner hyphens and apostrophes.
bool valid_pattern(std::string_view pattern) {
  if (pattern.empty()) return false;
  bool word_start = true;
  for (const char c : pattern) {
    if (c == ' ') {
      if (word_start) return false;
      word_start = true;
    } else if (c >= 'a' && c <= 'z') {
      word_start = false;
    } else if ((c == '-' || c == '\'') && !word_start) {
      // inner punctuation, as in "co-operate"
    } else {
      return false;
    }
  }
  return !word_start;
}

/// CAMEO codes are 2 to 4 digits ("01" a root, "010" an event, "1312" a sub-event).
bool valid_cameo(std::string_view code) {
  return code.size() >= 2 && code.size() <= 4 &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool valid_name(std::string_view name) {
  return !name.empty() && name.front() >= 'a' && name.front() <= 'z' &&
         std::all_of(name.begin(), name.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
         });
}

/// Stores the literal of `t` in `slot`, a single-valued property of relation `info`, unless it
/// already holds one: the first value is kept, and a different later one is warned about.
void keep_first(std::string& slot, const RelationInfo& info, std::string_view what,
                const detail::TurtleTriple& t, core::DiagnosticSink& diagnostics) {
  if (slot.empty()) {
    slot = t.object.value;
  } else if (slot != t.object.value) {
    warn(diagnostics, t.where,
         "relation '" + info.name + "' has a second " + std::string(what) + "; kept '" + slot + "'",
         t.object.value);
  }
}

}  // namespace

RelationCatalog RelationCatalog::load(const std::filesystem::path& file,
                                      core::DiagnosticSink& diagnostics) {
  const std::vector<detail::TurtleTriple> triples = detail::read_turtle_file(file, diagnostics);

  RelationCatalog catalog;
  std::map<std::string, std::size_t, std::less<>> by_iri;
  std::vector<bool> fallback_typed;
  std::vector<core::SourcePosition> declared_at;

  // Pass 1: the relations, in the order the file types them.
  for (const auto& t : triples) {
    if (!vocab::type.is(t.predicate) || !t.object.is_iri()) continue;
    const bool speech = vocab::speech_relation.is(t.object.value);
    const bool fallback = vocab::fallback_relation.is(t.object.value);
    if (!speech && !fallback && !vocab::relation_class.is(t.object.value)) continue;
    if (!t.subject.is_iri() || !t.subject.value.starts_with(ns::kg)) {
      warn(diagnostics, t.where, "a catalog relation must be a kg: IRI; ignored", t.subject.value);
      continue;
    }
    const std::string name = t.subject.value.substr(ns::kg.size());
    if (!valid_name(name)) {
      warn(diagnostics, t.where, "relation names are snake_case (a-z, 0-9, _); ignored", name);
      continue;
    }
    auto [it, added] = by_iri.try_emplace(t.subject.value, catalog.relations_.size());
    if (added) {
      RelationInfo info;
      info.name = name;
      catalog.relations_.push_back(std::move(info));
      fallback_typed.push_back(false);
      declared_at.push_back(t.where);
    }
    if (speech) catalog.relations_[it->second].speech = true;
    if (fallback) fallback_typed[it->second] = true;
  }
  if (catalog.relations_.empty()) {
    throw core::Error("relation catalog '" + file.string() +
                      "' defines no relation (nothing is typed kg:Relation, kg:SpeechRelation or "
                      "kg:FallbackRelation)");
  }

  // Pass 2: labels, CAMEO codes and triggers.
  for (const auto& t : triples) {
    const bool is_label = vocab::label.is(t.predicate);
    const bool is_cameo = vocab::cameo.is(t.predicate);
    const bool is_trigger = vocab::trigger.is(t.predicate);
    if (!is_label && !is_cameo && !is_trigger) continue;
    const auto found = by_iri.find(t.subject.value);
    if (found == by_iri.end()) {
      if (!is_label) {
        warn(diagnostics, t.where,
             "kg:cameo or kg:trigger on a subject that is not typed kg:Relation; ignored",
             t.subject.value);
      }
      continue;
    }
    RelationInfo& info = catalog.relations_[found->second];
    if (!t.object.is_literal()) {
      warn(diagnostics, t.where, "expected a literal for relation '" + info.name + "'; ignored",
           t.object.value);
      continue;
    }
    if (is_label) {
      keep_first(info.label, info, "rdfs:label", t, diagnostics);
    } else if (is_cameo) {
      if (!valid_cameo(t.object.value)) {
        warn(diagnostics, t.where,
             "CAMEO code of '" + info.name + "' must be 2 to 4 digits, as a string; ignored",
             t.object.value);
      } else {
        keep_first(info.cameo, info, "CAMEO code", t, diagnostics);
      }
    } else {
      const std::string pattern = normalize_pattern(t.object.value);
      if (!valid_pattern(pattern)) {
        warn(diagnostics, t.where,
             "a trigger is a lemma optionally followed by particle words (letters only); ignored",
             t.object.value);
        continue;
      }
      auto [it, added] = catalog.by_trigger_.try_emplace(pattern, found->second);
      if (added) {
        info.triggers.push_back(pattern);
      } else if (it->second != found->second) {
        warn(diagnostics, t.where,
             "trigger already selects relation '" + catalog.relations_[it->second].name +
                 "'; ignored for '" + info.name + "'",
             pattern);
      }
    }
  }

  for (std::size_t i = 0; i < catalog.relations_.size(); ++i) {
    RelationInfo& info = catalog.relations_[i];
    catalog.by_name_.emplace(info.name, i);
    if (info.label.empty()) {
      warn(diagnostics, declared_at[i],
           "relation '" + info.name + "' has no rdfs:label; using its name", info.name);
      info.label = info.name;
      std::replace(info.label.begin(), info.label.end(), '_', ' ');
    }
    if (fallback_typed[i]) {
      if (catalog.fallback_ == npos) {
        catalog.fallback_ = i;
      } else {
        warn(diagnostics, declared_at[i],
             "more than one kg:FallbackRelation; using '" +
                 catalog.relations_[catalog.fallback_].name + "'",
             info.name);
      }
    }
  }
  return catalog;
}

const RelationInfo* RelationCatalog::find(std::string_view lemma, std::string_view particle) const {
  const std::string key_lemma = normalize_pattern(lemma);
  if (key_lemma.empty()) return nullptr;
  const std::string key_particle = normalize_pattern(particle);
  if (!key_particle.empty()) {
    if (auto it = by_trigger_.find(key_lemma + ' ' + key_particle); it != by_trigger_.end()) {
      return &relations_[it->second];
    }
  }
  if (auto it = by_trigger_.find(key_lemma); it != by_trigger_.end()) return &relations_[it->second];
  return nullptr;
}

const RelationInfo* RelationCatalog::by_name(std::string_view name) const {
  const auto it = by_name_.find(name);
  return it == by_name_.end() ? nullptr : &relations_[it->second];
}

const RelationInfo* RelationCatalog::fallback() const {
  return fallback_ == npos ? nullptr : &relations_[fallback_];
}

}  // namespace kg::ontology
