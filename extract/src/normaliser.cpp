#include "normaliser.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "entity_linker.hpp"
#include "grammar.hpp"
#include "kg/core/diagnostics.hpp"
#include "kg/core/text.hpp"
#include "mention_text.hpp"

namespace kg::extract::detail {

using core::one_of;

namespace {

/// The relation a preposition of `p` selects (`call for`), its argument the theme when `p` has none.
void choose_by_preposition(const core::Proposition& p, const ontology::RelationCatalog& catalog, RelationChoice& choice) {
  const bool has_theme = std::any_of(p.arguments.begin(), p.arguments.end(),
                                     [](const core::Argument& a) { return a.role == core::Role::theme; });
  for (std::size_t i = 0; i < p.arguments.size(); ++i) {
    const auto& a = p.arguments[i];
    if (a.preposition.empty()) continue;
    const auto* r = catalog.find(p.predicate.lemma, core::ascii_lower(a.preposition));
    if (r != nullptr && r != catalog.find(p.predicate.lemma)) {
      choice.relation = r;
      if (!has_theme && a.role != core::Role::agent) choice.theme_argument = static_cast<int>(i);
      break;
    }
  }
}

/// A stance verb's object naming a relation (`reiterated his support for X`): that relation, its
/// complement (the nearest `for`/`of`/`to` phrase after it) the theme.
void choose_by_stance(const core::Proposition& p, const Resources& resources, RelationChoice& choice) {
  const auto& catalog = resources.catalog();
  for (std::size_t i = 0; i < p.arguments.size() && choice.stance_argument < 0; ++i) {
    const auto& object = p.arguments[i];
    if (object.role != core::Role::theme || !object.preposition.empty()) continue;
    const std::string head = strip_leading_article(object.head);  // the words below view it
    const auto words = split_words(head);
    if (words.size() != 1) continue;
    const auto* r = catalog.find(resources.wordnet().noun_lemma(words.front()));
    if (r == nullptr) continue;
    for (std::size_t j = 0; j < p.arguments.size(); ++j) {
      const auto& c = p.arguments[j];
      const std::string prep = core::ascii_lower(c.preposition);
      if ((prep != "for" && prep != "of" && prep != "to") || c.span.begin < object.span.end) continue;
      if (choice.theme_argument >= 0 && p.arguments[static_cast<std::size_t>(choice.theme_argument)].span.begin <= c.span.begin)
        continue;
      choice.relation = r;
      choice.stance_argument = static_cast<int>(i);
      choice.theme_argument = static_cast<int>(j);
    }
  }
}

/// The head of one conjunct: without determiners and a possessor (`Ukraine's`), up to its first
/// preposition (`a return to diplomacy` -> `return`).
std::string conjunct_head(std::string_view text) {
  std::string spaced(strip_quotes(text));
  std::replace_if(spaced.begin(), spaced.end(), [](char c) { return c == '\t' || c == '\n' || c == '\r'; }, ' ');
  const auto words = split_words(spaced);
  std::size_t begin = 0;
  while (begin < words.size() && (one_of(core::ascii_lower(words[begin]), kDeterminers) ||
                                  (begin + 1 < words.size() && without_possessive(words[begin]) != words[begin])))
    ++begin;
  std::size_t end = begin;
  while (end < words.size() && !one_of(core::ascii_lower(words[end]), kPrepositions)) ++end;
  if (begin >= end) return {};
  const char* from = words[begin].data();
  const char* to = words[end - 1].data() + words[end - 1].size();
  return std::string(from, static_cast<std::size_t>(to - from));
}

/// Byte ranges of the pieces of `text` between coordinators (`, and `, ` or `, `, ` …) outside
/// double quotes; empty when there is none.
std::vector<std::pair<std::size_t, std::size_t>> coordinated_pieces(std::string_view text) {
  std::vector<std::pair<std::size_t, std::size_t>> parts;
  std::size_t start = 0;
  int quotes = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '"') quotes ^= 1;
    if (quotes) continue;
    std::size_t skip = 0;
    for (std::string_view sep : {std::string_view(", and "), std::string_view(", or "), std::string_view(" and "),
                                 std::string_view(" or "), std::string_view(", ")})
      if (text.compare(i, sep.size(), sep) == 0) {
        skip = sep.size();
        break;
      }
    if (skip == 0) continue;
    parts.emplace_back(start, i);
    start = i + skip;
    i = start - 1;
  }
  if (!parts.empty()) parts.emplace_back(start, text.size());
  return parts;
}

/// The noun lemmas heading the arguments of `p` other than its agent.
std::vector<std::string> complement_nouns(const core::Proposition& p, const WordNet& wordnet) {
  std::vector<std::string> out;
  for (const auto& a : p.arguments) {
    if (a.role == core::Role::agent) continue;
    const auto words = split_words(a.head);
    if (!words.empty()) out.push_back(wordnet.noun_lemma(words.back()));
  }
  return out;
}

/// Whether an argument of `p` is headed by a punitive measure (`sanctions`, `strong measures`).
bool mentions_punitive_measure(const core::Proposition& p, const Resources& resources) {
  const auto nouns = complement_nouns(p, resources.wordnet());
  const auto& measures = resources.words().punitive_measures;
  return std::any_of(nouns.begin(), nouns.end(), [&](const std::string& n) { return measures.contains(n); });
}

/// The CAMEO code of a threat: that of the first line of lexicon/threat_refinements.tsv whose noun
/// heads an argument (sanctions before force), else `fallback`.
std::string threat_cameo(const core::Proposition& p, const Resources& resources, const std::string& fallback) {
  const auto nouns = complement_nouns(p, resources.wordnet());
  for (const auto& [noun, cameo] : resources.words().threat_refinements.entries())
    if (std::find(nouns.begin(), nouns.end(), noun) != nouns.end()) return cameo;
  return fallback;
}

/// The relation, CAMEO code and speech-act flag of `p`'s event.
void set_relation(core::Event& e, const core::Proposition& p, const RelationChoice& choice, const Resources& resources) {
  const auto& catalog = resources.catalog();
  if (const auto* relation = choice.relation) {
    e.relation = relation->name;
    e.cameo = relation->cameo;
    e.speech_act = relation->speech;
  } else {
    // Verbs outside the catalog keep their lemma (kg:lemma) under the catalog's fallback relation.
    const auto* fallback = catalog.fallback();
    KG_ASSERT(fallback != nullptr);  // RelationCatalog::load guarantees one
    e.relation = fallback->name;
  }
  if (resources.is_speech_verb(p.predicate.lemma)) e.speech_act = true;
  // Punitive measures under a condition are threats (`would respond with strong economic
  // measures in the event of escalation`, `preparing sanctions in case of escalation`).
  if (p.conditional && !e.speech_act && mentions_punitive_measure(p, resources)) {
    if (const auto* threaten = catalog.by_name("threaten")) {
      e.relation = threaten->name;
      e.cameo = threaten->cameo;
    }
  }
  if (e.relation == "threaten") e.cameo = threat_cameo(p, resources, e.cameo);
}

/// The event of one proposition, without its nested content.
core::Event event_of(const core::Proposition& p, const Resources& resources) {
  core::Event e;
  e.lemma = p.predicate.lemma;
  const auto choice = choose_relation(p, resources);
  set_relation(e, p, choice, resources);
  // Reported content is the nested event (added by normalise), not an entity.
  for (const auto& a : role_arguments(p, choice)) {
    core::RoleFiller filler;
    filler.role = a.role;
    filler.text = a.text;
    // A time is a value (`kg:time "Monday"`), never an entity.
    if (a.role != core::Role::time) filler.entity = resolve_entity(a, resources, is_predicative(a, p));
    e.roles.push_back(std::move(filler));
  }
  e.asserted = p.asserted;
  e.negated = p.predicate.negated;
  e.conditional = p.conditional;
  e.modality = p.predicate.modality;
  e.confidence = p.confidence;
  e.span = p.predicate.span;
  if (!p.attribution.source.empty()) {
    e.attributed_to = resolve_entity(source_argument(p.attribution), resources);
    e.cue = p.attribution.cue;
  }
  return e;
}

}  // namespace

RelationChoice choose_relation(const core::Proposition& p, const Resources& resources) {
  const auto& catalog = resources.catalog();
  RelationChoice choice;
  if (!p.predicate.particle.empty()) choice.relation = catalog.find(p.predicate.lemma, p.predicate.particle);
  if (choice.relation == nullptr) choose_by_preposition(p, catalog, choice);
  if (choice.relation == nullptr && resources.words().light_verbs.contains(p.predicate.lemma)) choose_by_stance(p, resources, choice);
  if (choice.relation == nullptr) choice.relation = catalog.find(p.predicate.lemma);
  return choice;
}

std::vector<core::Argument> conjuncts(const core::Argument& a) {
  const std::string_view text = a.text;
  const auto parts = coordinated_pieces(text);
  if (parts.empty()) return {a};
  const std::string head = core::ascii_lower(strip_leading_article(a.head));
  const bool conjunction_head = head == "and" || head == "or";
  std::vector<core::Argument> out;
  for (const auto& [from, to] : parts) {
    const std::string_view piece = core::trim(text.substr(from, to - from));
    const auto words = split_words(piece);
    if (words.empty()) return {a};
    if (!conjunction_head && !starts_upper(words.back())) return {a};  // `Biden and Putin`, names only
    core::Argument part = a;
    part.text = std::string(piece);
    const std::size_t offset = static_cast<std::size_t>(piece.data() - text.data());
    part.span.begin = a.span.begin + core::count_code_points(text.substr(0, offset));
    part.span.end = part.span.begin + core::count_code_points(piece);
    part.head = conjunct_head(piece);
    if (part.head.empty()) return {a};
    const auto head_words = split_words(part.head);
    part.proper = std::all_of(head_words.begin(), head_words.end(), starts_upper);
    out.push_back(std::move(part));
  }
  return out;
}

std::vector<core::Argument> role_arguments(const core::Proposition& p, const RelationChoice& choice) {
  std::vector<core::Argument> out;
  for (std::size_t i = 0; i < p.arguments.size(); ++i) {
    const auto& a = p.arguments[i];
    if (a.role == core::Role::content || static_cast<int>(i) == choice.stance_argument) continue;
    for (auto& part : conjuncts(a)) {
      if (static_cast<int>(i) == choice.theme_argument) part.role = core::Role::theme;
      out.push_back(std::move(part));
    }
  }
  return out;
}

core::Argument source_argument(const core::Attribution& attribution) {
  core::Argument source;
  source.role = core::Role::agent;
  source.text = attribution.source;
  source.head = attribution.source_head.empty() ? attribution.source : attribution.source_head;
  source.span = attribution.source_span;
  source.proper = attribution.source_proper;
  return source;
}

std::vector<core::Event> normalise(const std::vector<core::Proposition>& propositions, const Resources& resources) {
  std::vector<core::Event> events;
  events.reserve(propositions.size());
  for (const auto& p : propositions) events.push_back(event_of(p, resources));
  // Nested content: the reporting event gets a `content` role pointing at the reported one.
  for (std::size_t i = 0; i < propositions.size(); ++i) {
    const int parent = propositions[i].content_of;
    if (parent < 0 || static_cast<std::size_t>(parent) >= events.size()) continue;
    core::RoleFiller filler;
    filler.role = core::Role::content;
    filler.event = static_cast<int>(i);
    events[static_cast<std::size_t>(parent)].roles.push_back(std::move(filler));
  }
  return events;
}

}  // namespace kg::extract::detail
