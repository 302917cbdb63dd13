#include "coreference.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <string>

#include "entity_linker.hpp"
#include "grammar.hpp"
#include "kg/core/text.hpp"
#include "mention_text.hpp"
#include "normaliser.hpp"

namespace kg::extract::detail {

using core::one_of;

namespace {

/// The pronouns resolved to antecedents, by what they can refer to.
enum class PronounKind { none, male, female, thing, plural };

PronounKind pronoun_kind(std::string_view word) {
  const std::string w = core::ascii_lower(word);
  if (w == "he" || w == "him") return PronounKind::male;
  if (w == "she" || w == "her") return PronounKind::female;
  if (w == "it") return PronounKind::thing;
  if (w == "they" || w == "them") return PronounKind::plural;
  return PronounKind::none;
}

/// Grammatical gender of a mention: the gazetteer's, else words of its phrase (`Mrs.`, `spokeswoman`).
ontology::Gender gender_of(const core::EntityRef& ref, std::string_view phrase, const Resources& resources) {
  if (const auto* e = resources.gazetteer().find(ref.label); e && e->gender != ontology::Gender::unknown) return e->gender;
  if (ref.type != core::EntityType::person) return ontology::Gender::unknown;
  for (const auto w : split_words(phrase)) {
    const std::string_view gender = resources.words().gender_words.value(word_key(w));
    if (gender == "female") return ontology::Gender::female;
    if (gender == "male") return ontology::Gender::male;
  }
  return ontology::Gender::unknown;
}

/// Entity resolution across the sentences of one document, in order:
/// - titles: a person named with a title (`Russian Foreign Ministry spokeswoman Maria Zakharova`)
///   is what that title, or its end (`the Foreign Ministry spokeswoman`), names later on;
/// - short names: a proper name that ends a full name seen before (`Clinton` after `Hillary
///   Clinton`, `Stumpf` after `John Stumpf`) is that entity;
/// - pronouns: `he`/`him`, `she`/`her`, `it` and `they`/`them` are the most recent compatible
///   antecedent: a person of agreeing (or unknown) gender; an organisation, country or place for
///   `it` (not the empty `it` of `it is … that`); a group or people (`officials`) for `they` —
///   never a co-argument of the same predicate (`Biden told him`: him is not Biden) nor a
///   mention inside what the pronoun is reported to have said (`"Trump lied," she said`).
///   `it` and `they` look back at most two sentences; resolved pronouns keep the entity's label
///   as their mention, so that `he` never becomes an alternative name;
/// - issued documents: `the readout` or `the statement` that speaks is the organisation or country
///   that spoke last (within two sentences): the White House's readout speaks for it.
class DocumentEntities {
 public:
  explicit DocumentEntities(const Resources& resources) : resources_(&resources) {}

  /// Resolves the entities of the next sentence of the document (events parallel to propositions).
  void resolve(core::SentenceFacts& facts);

 private:
  /// One place in the sentence where an entity stands: a role filler or an attribution source.
  struct Slot {
    core::Span span;
    const core::Argument* argument = nullptr;  // the argument, or the source rebuilt as one
    std::optional<core::EntityRef>* entity = nullptr;
    std::size_t proposition = 0;
    bool source = false;
  };
  /// The slots of one sentence, sorted by span, with the arguments they point at (stable storage:
  /// built once, never resized after the pointers are taken).
  struct SentenceSlots {
    std::vector<std::vector<core::Argument>> fillers;  // per event: its role fillers' arguments
    std::vector<core::Argument> sources;               // attribution sources as arguments
    std::vector<Slot> slots;
  };
  struct Antecedent {
    core::EntityRef ref;
    ontology::Gender gender = ontology::Gender::unknown;
    bool plural = false;
    bool speaker = false;  // the agent of a speech act or the source of an attribution
    std::size_t sentence = 0;
  };

  void collect_slots(core::SentenceFacts& facts, SentenceSlots& out) const;
  std::optional<core::EntityRef> resolve_pronoun(PronounKind kind, const std::vector<Slot>& group,
                                                 const core::SentenceFacts& facts) const;
  std::optional<core::EntityRef> resolve_name(const std::vector<Slot>& group, const core::SentenceFacts& facts);
  void remember(const core::EntityRef& resolved, const std::vector<Slot>& group, const core::SentenceFacts& facts);
  std::optional<core::EntityRef> antecedent_for(PronounKind kind, bool speaking, const std::vector<Slot>& group,
                                                const core::SentenceFacts& facts) const;
  static bool is_speaker(const std::vector<Slot>& group, const core::SentenceFacts& facts);
  std::optional<core::EntityRef> by_title(std::string_view phrase) const;
  std::optional<core::EntityRef> issuer() const;
  std::optional<core::EntityRef> by_short_name(const core::EntityRef& ref) const;
  void learn_title(const core::Argument& argument, const core::EntityRef& ref);
  bool is_plural_people(const core::EntityRef& ref) const;

  const Resources* resources_;
  std::vector<Antecedent> seen_;  // in order of mention
  std::vector<std::pair<std::string, core::EntityRef>> titles_;  // folded title -> person
  std::size_t sentence_ = 0;
};

bool DocumentEntities::is_plural_people(const core::EntityRef& ref) const {
  if (ref.type == core::EntityType::group) return true;
  if (ref.type != core::EntityType::concept_) return false;
  const auto words = split_words(ref.label);
  if (words.empty()) return false;
  const std::string word = core::ascii_lower(words.back());
  const std::string lemma = resources_->wordnet().noun_lemma(word);
  return lemma != word && resources_->is_person_noun(lemma);
}

std::optional<core::EntityRef> DocumentEntities::by_title(std::string_view phrase) const {
  const std::string key = core::ascii_lower(phrase);
  if (key.empty()) return std::nullopt;
  const bool several_words = key.find(' ') != std::string::npos;
  for (auto it = titles_.rbegin(); it != titles_.rend(); ++it) {
    const std::string& title = it->first;
    if (title == key) return it->second;
    if (several_words && title.size() > key.size() && title.compare(title.size() - key.size(), key.size(), key) == 0 &&
        title[title.size() - key.size() - 1] == ' ')
      return it->second;
  }
  return std::nullopt;
}

std::optional<core::EntityRef> DocumentEntities::issuer() const {
  for (auto it = seen_.rbegin(); it != seen_.rend() && sentence_ <= it->sentence + 2; ++it)
    if (it->speaker && (it->ref.type == core::EntityType::organization || it->ref.type == core::EntityType::country))
      return it->ref;
  return std::nullopt;
}

std::optional<core::EntityRef> DocumentEntities::by_short_name(const core::EntityRef& ref) const {
  const auto words = split_words(ref.label);
  if (words.empty() || !std::all_of(words.begin(), words.end(), starts_upper)) return std::nullopt;
  for (auto it = seen_.rbegin(); it != seen_.rend(); ++it) {
    const auto& full = it->ref;
    if (full.type != core::EntityType::person && full.type != core::EntityType::organization) continue;
    const auto full_words = split_words(full.label);
    if (full_words.size() <= words.size()) continue;
    if (std::equal(words.rbegin(), words.rend(), full_words.rbegin())) return full;
  }
  return std::nullopt;
}

void DocumentEntities::learn_title(const core::Argument& argument, const core::EntityRef& ref) {
  const std::string phrase = bare_phrase(argument.text);
  const std::string head = strip_leading_article(argument.head);
  const auto at = phrase.rfind(head);
  if (at == std::string::npos || at == 0) return;
  std::string_view title = core::trim(std::string_view(phrase).substr(0, at));
  while (!title.empty() && title.back() == ',') title.remove_suffix(1);
  const auto words = split_words(title);
  if (words.empty() || !is_title_word(words.back(), *resources_)) return;
  core::EntityRef person = ref;
  person.mention = person.label;  // a title is not a name
  titles_.emplace_back(core::ascii_lower(title), std::move(person));
}

bool DocumentEntities::is_speaker(const std::vector<Slot>& group, const core::SentenceFacts& facts) {
  return std::any_of(group.begin(), group.end(), [&](const Slot& s) {
    return s.source || (s.argument->role == core::Role::agent && facts.events[s.proposition].speech_act);
  });
}

std::optional<core::EntityRef> DocumentEntities::antecedent_for(PronounKind kind, bool speaking,
                                                                const std::vector<Slot>& group,
                                                                const core::SentenceFacts& facts) const {
  // What the pronoun cannot refer to: its co-arguments, and what it is reported to have said.
  std::vector<std::string> excluded_labels;
  std::vector<core::Span> excluded_spans;
  for (const auto& slot : group) {
    const auto& p = facts.propositions[slot.proposition];
    for (const auto& a : p.arguments) {
      if (slot.source || a.role == core::Role::content) excluded_spans.push_back(a.span);
      if (slot.source || a.role == core::Role::content) continue;
      for (const auto& part : conjuncts(a)) {
        if (part.span.begin == slot.span.begin && part.span.end == slot.span.end) continue;
        if (const auto ref = resolve_entity(part, *resources_)) excluded_labels.push_back(ref->label);
      }
    }
  }
  auto excluded = [&](const Antecedent& a) {
    if (std::find(excluded_labels.begin(), excluded_labels.end(), a.ref.label) != excluded_labels.end()) return true;
    return a.sentence == sentence_ && std::any_of(excluded_spans.begin(), excluded_spans.end(), [&](const core::Span& s) {
             return a.ref.span.begin >= s.begin && a.ref.span.end <= s.end;
           });
  };
  auto compatible = [&](const Antecedent& a) {
    switch (kind) {
      case PronounKind::male:
      case PronounKind::female:
        return a.ref.type == core::EntityType::person &&
               a.gender != (kind == PronounKind::male ? ontology::Gender::female : ontology::Gender::male);
      case PronounKind::thing:
        return a.ref.type == core::EntityType::organization || a.ref.type == core::EntityType::country ||
               a.ref.type == core::EntityType::location;
      case PronounKind::plural:
        return a.plural;
      case PronounKind::none:
        break;
    }
    return false;
  };
  // A speaking `it` (`"…," it said`) continues the last thing that spoke, a readout or statement
  // included; otherwise, and failing that, the most recent compatible mention.
  for (int pass = (speaking && kind == PronounKind::thing) ? 0 : 1; pass < 2; ++pass)
    for (auto it = seen_.rbegin(); it != seen_.rend(); ++it) {
      const auto& a = *it;
      if ((kind == PronounKind::thing || kind == PronounKind::plural) && sentence_ > a.sentence + 2) break;
      const bool fits = pass == 0 ? a.speaker && a.ref.type != core::EntityType::person &&
                                        a.ref.type != core::EntityType::group && !a.plural
                                  : compatible(a);
      if (fits && !excluded(a)) return a.ref;
    }
  return std::nullopt;
}

void DocumentEntities::collect_slots(core::SentenceFacts& facts, SentenceSlots& out) const {
  const std::size_t n = std::min(facts.propositions.size(), facts.events.size());
  // The arguments behind each event's role fillers, as normalise() read them.
  out.fillers.resize(n);
  out.sources.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    const auto& p = facts.propositions[i];
    auto& e = facts.events[i];
    out.fillers[i] = role_arguments(p, choose_relation(p, *resources_));
    for (std::size_t k = 0; k < out.fillers[i].size() && k < e.roles.size(); ++k)
      out.slots.push_back({out.fillers[i][k].span, &out.fillers[i][k], &e.roles[k].entity, i, false});
    if (!p.attribution.source.empty()) {
      out.sources.push_back(source_argument(p.attribution));
      out.slots.push_back({p.attribution.source_span, &out.sources.back(), &e.attributed_to, i, true});
    }
  }
  std::stable_sort(out.slots.begin(), out.slots.end(), [](const Slot& a, const Slot& b) {
    return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : a.span.end < b.span.end;
  });
}

std::optional<core::EntityRef> DocumentEntities::resolve_pronoun(PronounKind kind, const std::vector<Slot>& group,
                                                                 const core::SentenceFacts& facts) const {
  const bool expletive = kind == PronounKind::thing && std::any_of(group.begin(), group.end(), [&](const Slot& s) {
    return !s.source && s.argument->role == core::Role::agent &&
           resources_->words().expletive_verbs.contains(facts.propositions[s.proposition].predicate.lemma);
  });
  if (expletive) return std::nullopt;
  auto resolved = antecedent_for(kind, is_speaker(group, facts), group, facts);
  if (!resolved) return std::nullopt;
  resolved->mention = resolved->label;
  resolved->span = group.front().span;
  return resolved;
}

std::optional<core::EntityRef> DocumentEntities::resolve_name(const std::vector<Slot>& group,
                                                              const core::SentenceFacts& facts) {
  const Slot& first = group.front();
  // The slots of one span may have been read from different phrases (`CEO John Stumpf` as a
  // role, `John Stumpf` in the title fact): the most specific reading wins.
  const std::optional<core::EntityRef>* current = nullptr;
  for (const auto& s : group)
    if (s.entity->has_value() && (current == nullptr || ((*current)->type == core::EntityType::concept_ &&
                                                         (*s.entity)->type != core::EntityType::concept_)))
      current = s.entity;
  if (current == nullptr) return std::nullopt;
  std::optional<core::EntityRef> resolved = **current;
  if (resolved->type == core::EntityType::concept_ || resolved->type == core::EntityType::person) {
    const bool predicative = std::any_of(group.begin(), group.end(), [&](const Slot& s) {
      return !s.source && is_predicative(*s.argument, facts.propositions[s.proposition]);
    });
    if (resolved->type == core::EntityType::concept_ && !predicative) {
      if (auto person = by_title(head_phrase(*first.argument))) {
        person->span = resolved->span;
        resolved = std::move(person);
      } else if (resources_->words().issued_documents.contains(core::ascii_lower(resolved->label)) && is_speaker(group, facts)) {
        if (auto source = issuer()) {
          source->mention = source->label;  // `the readout` is not a name of the White House
          source->span = resolved->span;
          resolved = std::move(source);
        }
      }
    }
    if (first.argument->proper && resolved->wikidata.empty())
      if (auto full = by_short_name(*resolved)) {
        full->mention = resolved->mention;
        full->span = resolved->span;
        resolved = std::move(full);
      }
  }
  if (resolved->type == core::EntityType::person) learn_title(*first.argument, *resolved);
  return resolved;
}

void DocumentEntities::remember(const core::EntityRef& resolved, const std::vector<Slot>& group,
                                const core::SentenceFacts& facts) {
  Antecedent record;
  record.sentence = sentence_;
  record.ref = resolved;
  record.gender = gender_of(resolved, group.front().argument->text, *resources_);
  // A short name or pronoun inherits what its antecedent told about gender.
  for (auto it = seen_.rbegin(); record.gender == ontology::Gender::unknown && it != seen_.rend(); ++it)
    if (it->ref.label == resolved.label) record.gender = it->gender;
  record.plural = is_plural_people(resolved);
  record.speaker = is_speaker(group, facts);
  seen_.push_back(std::move(record));
}

void DocumentEntities::resolve(core::SentenceFacts& facts) {
  SentenceSlots sentence;
  collect_slots(facts, sentence);
  const auto& slots = sentence.slots;
  for (std::size_t g = 0; g < slots.size();) {
    std::size_t end = g + 1;
    while (end < slots.size() && slots[end].span.begin == slots[g].span.begin && slots[end].span.end == slots[g].span.end)
      ++end;
    const std::vector<Slot> group(slots.begin() + static_cast<std::ptrdiff_t>(g), slots.begin() + static_cast<std::ptrdiff_t>(end));
    g = end;
    const std::string head = strip_leading_article(group.front().argument->head);
    const auto kind = pronoun_kind(head);
    const auto resolved = kind != PronounKind::none ? resolve_pronoun(kind, group, facts) : resolve_name(group, facts);
    if (!resolved) continue;
    for (const auto& s : group) *s.entity = *resolved;
    remember(*resolved, group, facts);
  }
  ++sentence_;
}

}  // namespace

void resolve_document_entities(std::vector<core::SentenceFacts>& sentences, const Resources& resources) {
  DocumentEntities entities(resources);
  for (auto& facts : sentences) entities.resolve(facts);
}

}  // namespace kg::extract::detail
