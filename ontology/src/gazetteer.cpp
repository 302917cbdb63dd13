#include "kg/ontology/gazetteer.hpp"

#include <algorithm>
#include <exception>
#include <optional>
#include <utility>

#include "kg/core/text.hpp"
#include "kg/ontology/vocabulary.hpp"
#include "ontology_util.hpp"
#include "turtle_loader.hpp"

namespace kg::ontology {
namespace {

using detail::warn;

constexpr core::EntityType all_types[] = {
    core::EntityType::person,   core::EntityType::organization, core::EntityType::country,
    core::EntityType::location, core::EntityType::group,        core::EntityType::concept_};

/// Trimmed, white space runs (and no-break spaces) folded to one space, typographic apostrophes
/// made straight: names as written in articles vary in exactly these ways.
std::string normalize_name(std::string_view text) {
  text = core::trim(text);
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = true;
      continue;
    }
    if (text.compare(i, 2, "\xC2\xA0") == 0) {  // U+00A0 no-break space
      space = true;
      ++i;
      continue;
    }
    if (space) out += ' ';
    space = false;
    if (text.compare(i, 3, "\xE2\x80\x99") == 0) {  // U+2019 right single quotation mark
      out += '\'';
      i += 2;
      continue;
    }
    out += c;
  }
  return out;
}

/// `name` without a leading "the " / "The " (only when something follows).
std::string_view strip_the(std::string_view name) {
  if (name.size() > 4 && (name.starts_with("the ") || name.starts_with("The "))) {
    return name.substr(4);
  }
  return name;
}

/// The case-insensitive key of a normalised name.
std::string fold_name(std::string_view normalized) {
  const std::string lower = core::ascii_lower(normalized);
  return std::string(strip_the(lower));
}

/// "US", "U.S.", "UN", "AP": at most three capitals, optionally with dots. Such names match
/// only exactly, or ordinary words ("us", "un", "ap") would.
bool is_short_acronym(std::string_view name) {
  std::size_t letters = 0;
  for (const char c : name) {
    if (c >= 'A' && c <= 'Z') {
      ++letters;
    } else if (c != '.') {
      return false;
    }
  }
  return letters >= 1 && letters <= 3;
}

bool valid_qid(std::string_view id) {
  return id.size() >= 2 && id.front() == 'Q' && id[1] != '0' &&
         std::all_of(id.begin() + 1, id.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// A value with the place it was read from (for warnings about it later).
struct Located {
  std::string text;
  core::SourcePosition where;
};

/// Everything the files say about one subject, before it becomes an entry.
struct Draft {
  std::string subject;
  core::SourcePosition first_seen;
  std::vector<Located> labels, aliases, titles, demonyms, seats, wikidata, types, genders;

  bool relevant() const {
    return !labels.empty() || !aliases.empty() || !titles.empty() || !demonyms.empty() ||
           !seats.empty() || !wikidata.empty() || !types.empty() || !genders.empty();
  }
};

/// The first value, warning about any different later one.
std::string first_of(const std::vector<Located>& values, std::string_view what,
                     const std::string& label, core::DiagnosticSink& diagnostics) {
  for (std::size_t i = 1; i < values.size(); ++i) {
    if (values[i].text != values[0].text) {
      warn(diagnostics, values[i].where,
           "'" + label + "' has a second " + std::string(what) + "; kept '" + values[0].text + "'",
           values[i].text);
    }
  }
  return values.empty() ? std::string() : values[0].text;
}

}  // namespace

Gazetteer Gazetteer::load(const std::vector<std::filesystem::path>& files,
                          core::DiagnosticSink& diagnostics) {
  // Read every file before giving up, so that one run shows all syntax errors.
  std::vector<detail::TurtleTriple> triples;
  std::exception_ptr first_failure;
  for (const auto& file : files) {
    try {
      auto more = detail::read_turtle_file(file, diagnostics);
      triples.insert(triples.end(), std::make_move_iterator(more.begin()),
                     std::make_move_iterator(more.end()));
    } catch (const core::Error& e) {
      if (e.exit_code() != 2) throw;  // a strict sink stopping at the first error: obey it
      if (!first_failure) first_failure = std::current_exception();
    }
  }
  if (first_failure) std::rethrow_exception(first_failure);

  std::vector<Draft> drafts;
  std::map<std::string, std::size_t, std::less<>> draft_of;
  for (const auto& t : triples) {
    std::vector<Located> Draft::*field = nullptr;
    bool literal = true;
    if (vocab::label.is(t.predicate)) {
      field = &Draft::labels;
    } else if (vocab::alt_label.is(t.predicate)) {
      field = &Draft::aliases;
    } else if (vocab::title.is(t.predicate)) {
      field = &Draft::titles;
    } else if (vocab::demonym.is(t.predicate)) {
      field = &Draft::demonyms;
    } else if (vocab::seat_alias.is(t.predicate)) {
      field = &Draft::seats;
    } else if (vocab::same_as.is(t.predicate)) {
      if (!t.object.is_iri() || !t.object.value.starts_with(ns::wd)) continue;
      field = &Draft::wikidata;
      literal = false;
    } else if (vocab::type.is(t.predicate)) {
      if (!t.object.is_iri() || !t.object.value.starts_with(ns::kg)) continue;
      field = &Draft::types;
      literal = false;
    } else if (vocab::gender.is(t.predicate)) {
      if (!t.object.is_iri() || (!vocab::male.is(t.object.value) && !vocab::female.is(t.object.value))) {
        warn(diagnostics, t.where, "schema:gender is schema:Male or schema:Female; ignored", t.object.value);
        continue;
      }
      field = &Draft::genders;
      literal = false;
    } else {
      continue;  // other vocabularies (ISO codes, comments …) are allowed and ignored
    }
    auto [it, added] = draft_of.try_emplace(t.subject.value, drafts.size());
    if (added) drafts.push_back(Draft{t.subject.value, t.where, {}, {}, {}, {}, {}, {}, {}, {}});
    Draft& draft = drafts[it->second];
    if (literal) {
      if (!t.object.is_literal()) {
        warn(diagnostics, t.where, "expected a literal name; ignored", t.object.value);
        continue;
      }
      (draft.*field).push_back({t.object.value, t.where});
    } else if (field == &Draft::wikidata) {
      std::string id = t.object.value.substr(ns::wd.size());
      if (!valid_qid(id)) {
        warn(diagnostics, t.where, "owl:sameAs a Wikidata IRI that is not an item (Q…); ignored",
             t.object.value);
        continue;
      }
      draft.wikidata.push_back({std::move(id), t.where});
    } else if (field == &Draft::genders) {
      draft.genders.push_back({t.object.value.substr(ns::schema.size()), t.where});
    } else {
      draft.types.push_back({t.object.value.substr(ns::kg.size()), t.where});
    }
  }

  Gazetteer gazetteer;
  // Adds `name` of entry `index` to `into`; false (after a warning) when it names another entry.
  auto add_name = [&](NameIndex& into, const Located& name, std::size_t index,
                      std::string_view kind) {
    const std::string key = normalize_name(name.text);
    if (key.empty()) {
      warn(diagnostics, name.where, "empty " + std::string(kind) + "; ignored", name.text);
      return false;
    }
    const bool acronym = is_short_acronym(key);
    const std::string folded = fold_name(key);
    std::optional<std::size_t> owner;
    if (auto it = into.exact.find(key); it != into.exact.end() && it->second != index) {
      owner = it->second;
    } else if (auto f = into.folded.find(folded);
               !acronym && f != into.folded.end() && f->second != index) {
      owner = f->second;
    }
    if (owner) {
      warn(diagnostics, name.where,
           std::string(kind) + " already names '" + gazetteer.entries_[*owner].label +
               "'; ignored for '" + gazetteer.entries_[index].label + "'",
           name.text);
      return false;
    }
    const bool added = into.exact.try_emplace(key, index).second;
    if (!acronym) into.folded.try_emplace(folded, index);
    return added;
  };
  // Adds every name of `names` to `into` for entry `index`; those taken go, normalised, to `kept`.
  auto add_names = [&](NameIndex& into, const std::vector<Located>& names, std::size_t index,
                       std::vector<std::string>& kept, std::string_view kind) {
    for (const Located& name : names) {
      if (add_name(into, name, index, kind)) kept.push_back(normalize_name(name.text));
    }
  };

  for (const Draft& draft : drafts) {
    if (!draft.relevant()) continue;
    if (draft.labels.empty()) {
      warn(diagnostics, draft.first_seen, "gazetteer entry has no rdfs:label; ignored",
           draft.subject);
      continue;
    }
    GazetteerEntry entry;
    entry.label = normalize_name(first_of(draft.labels, "rdfs:label", draft.labels[0].text,
                                          diagnostics));
    entry.wikidata = first_of(draft.wikidata, "Wikidata id", entry.label, diagnostics);
    const std::string gender = first_of(draft.genders, "gender", entry.label, diagnostics);
    entry.gender = gender == "Male" ? Gender::male : gender == "Female" ? Gender::female : Gender::unknown;

    std::optional<core::EntityType> type;
    for (const Located& t : draft.types) {
      const auto* match = std::find_if(std::begin(all_types), std::end(all_types),
                                       [&](core::EntityType e) {
                                         return core::entity_type_name(e) == t.text;
                                       });
      if (match == std::end(all_types)) continue;  // another kg: class, e.g. kg:Event
      if (!type) {
        type = *match;
      } else if (*type != *match) {
        warn(diagnostics, t.where,
             "'" + entry.label + "' has a second entity class; kept kg:" +
                 std::string(core::entity_type_name(*type)),
             "kg:" + t.text);
      }
    }
    if (!type) {
      warn(diagnostics, draft.first_seen,
           "'" + entry.label + "' has no entity class (kg:Person, kg:Organization, kg:Country, "
           "kg:Location, kg:Group, kg:Concept); taken as kg:Concept",
           draft.subject);
    }
    entry.type = type.value_or(core::EntityType::concept_);

    const std::size_t index = gazetteer.entries_.size();
    gazetteer.entries_.push_back(std::move(entry));
    GazetteerEntry& added = gazetteer.entries_.back();

    add_name(gazetteer.names_, {added.label, draft.labels[0].where}, index, "name");
    for (const Located& alias : draft.aliases) {
      if (normalize_name(alias.text) == added.label) continue;
      if (add_name(gazetteer.names_, alias, index, "alias")) {
        added.aliases.push_back(normalize_name(alias.text));
      }
    }
    add_names(gazetteer.demonyms_, draft.demonyms, index, added.demonyms, "demonym");
    add_names(gazetteer.seats_, draft.seats, index, added.seats, "seat");
    add_names(gazetteer.titles_, draft.titles, index, added.titles, "title");
  }
  return gazetteer;
}

const GazetteerEntry* Gazetteer::lookup(const NameIndex& index, std::string_view name) const {
  const std::string key = normalize_name(name);
  if (key.empty()) return nullptr;
  if (auto it = index.exact.find(key); it != index.exact.end()) return &entries_[it->second];
  if (const std::string_view bare = strip_the(key); bare.size() != key.size()) {
    if (auto it = index.exact.find(bare); it != index.exact.end()) return &entries_[it->second];
  }
  if (auto it = index.folded.find(fold_name(key)); it != index.folded.end()) {
    return &entries_[it->second];
  }
  return nullptr;
}

const GazetteerEntry* Gazetteer::find(std::string_view name) const { return lookup(names_, name); }

const GazetteerEntry* Gazetteer::country_for_demonym(std::string_view word) const {
  if (const auto* entry = lookup(demonyms_, word)) return entry;
  const std::string key = normalize_name(word);
  if (key.size() > 3 && key.back() == 's') {  // "Russians", "Afghans"
    return lookup(demonyms_, std::string_view(key).substr(0, key.size() - 1));
  }
  return nullptr;
}

const GazetteerEntry* Gazetteer::country_for_seat(std::string_view name) const {
  return lookup(seats_, name);
}

const GazetteerEntry* Gazetteer::find_by_title(std::string_view title) const {
  return lookup(titles_, title);
}

}  // namespace kg::ontology
