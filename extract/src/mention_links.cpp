#include "mention_links.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <string_view>

#include "entity_linker.hpp"
#include "grammar.hpp"
#include "kg/core/text.hpp"
#include "mention_model.hpp"
#include "mention_text.hpp"
#include "mentions.hpp"
#include "normaliser.hpp"

namespace kg::extract::detail {

namespace {

bool ends_with_words(std::string_view text, std::string_view tail) {
  if (tail.empty() || text.size() < tail.size() || text.compare(text.size() - tail.size(), tail.size(), tail) != 0)
    return false;
  return text.size() == tail.size() || text[text.size() - tail.size() - 1] == ' ';
}

/// Whether `words` occur in `text` as whole words (`Hofstra` in `Hofstra University`).
bool has_words(std::string_view text, std::string_view words) {
  for (std::size_t at = text.find(words); at != std::string_view::npos; at = text.find(words, at + 1)) {
    const std::size_t end = at + words.size();
    if ((at == 0 || text[at - 1] == ' ') && (end == text.size() || text[end] == ' ')) return true;
  }
  return false;
}

/// The name mention that heads the phrase `argument` (the name itself, or the name after its
/// titles: `Fed Chair Janet L. Yellen`), if there is one. The parse may give a phrase only part
/// of the name (`Mosko` of `Steve Mosko wrote`, `Hofstra` of `Hofstra University security`): a
/// name that overlaps the phrase and holds its head heads it too.
const core::Mention* heading_name(const core::Argument& argument, const core::EntityRef& ref,
                                  const std::vector<core::Mention>& mentions) {
  const core::Mention* best = nullptr;
  for (const auto& m : mentions) {
    if (m.kind != core::MentionKind::name || m.entity.empty() || !m.span.overlaps(argument.span)) continue;
    if (m.text == ref.mention || m.entity == ref.label || ends_with_words(ref.mention, m.text) ||
        ends_with_words(ref.label, m.text) || has_words(m.text, ref.mention))
      best = &m;  // the last one: a phrase's head comes last
  }
  return best;
}

const core::Mention* pronoun_at(const core::Argument& argument, std::string_view word,
                                const std::vector<core::Mention>& mentions) {
  for (const auto& m : mentions)
    if (m.kind == core::MentionKind::pronoun && argument.span.contains(m.span) &&
        core::ascii_lower(m.text) == core::ascii_lower(word))
      return &m;
  return nullptr;
}

/// Whether `argument` opens its sentence (after quotation marks at most).
bool opens_sentence(const core::Argument& argument, const core::Sentence& sentence) {
  std::size_t before = 0;  // code points before the first letter or digit
  for (std::size_t i = 0; i < sentence.text.size(); ++i) {
    const auto c = static_cast<unsigned char>(sentence.text[i]);
    if (std::isalnum(c)) break;
    if ((c & 0xC0) != 0x80) ++before;
  }
  return argument.span.begin == sentence.chars.begin + before;
}

/// A capitalised word in which the mention pass found no name is a common word written in lower
/// case: a plural noun opening the sentence (`Protesters gathered …` -> protesters), a word that
/// is no noun (`Additional`, `Considering`, `Initially`), and a singular noun that does not speak
/// (`the Committee ruled` -> committee). A singular that speaks (`Fortune reported`) may be a name
/// the pass missed, and keeps its capital. A word the mention pass took for a name (`named`) is
/// lowered only when it is no noun: an adjective or adverb (`the Democratic nominee`).
void lower_common_word(core::EntityRef& ref, const core::Argument& argument, const core::Sentence& sentence,
                       bool speaking, bool named, const Resources& resources) {
  if (ref.type != core::EntityType::concept_ || ref.label.find(' ') != std::string::npos || !starts_upper(ref.label))
    return;
  if (std::any_of(ref.label.begin() + 1, ref.label.end(), [](char c) { return (c >= 'A' && c <= 'Z') || c == '.'; }))
    return;
  const std::string lower = core::ascii_lower(ref.label);
  if (lower.size() <= 3) return;  // `Ban` (Ki-moon), `Fed`: a short word lower case is no node of its own
  const auto& wordnet = resources.wordnet();
  const auto& words = resources.words();
  if (wordnet.proper_name_class(ref.label) != WordNet::NameClass::none || !words.given_names.value(lower).empty() ||
      words.place_names.contains(lower) || is_time_word(lower))
    return;  // `May's FA Cup final` is the month
  const std::string noun = wordnet.noun_lemma(lower);
  bool lowered = false;
  if (wordnet.is_noun(noun)) {
    if (named) return;  // a noun capitalised mid-sentence may be a name (`the Constitution`)
    const bool plural = noun != lower;
    lowered = plural ? opens_sentence(argument, sentence) && !words.organization_words.contains(lower) : !speaking;
  } else {
    lowered = wordnet.is_adjective_or_adverb(lower) || wordnet.is_verb(wordnet.verb_lemma(lower));
  }
  if (!lowered) return;
  ref.label = lower;
  ref.mention = lower;
}

/// A capitalised phrase ending in a title or a kind of person, in which no word may be a name,
/// describes someone rather than naming them (`Attorney General`, `Senior Fellow`, `Afghanistan
/// Veterans`): its English words are written in lower case, and the countries, peoples, places
/// and organisations it names keep their capitals (`Australian prime minister`, `Charlotte mayor`,
/// `Virginia AFL-CIO president`, `White House doctor`). A word no list knows (`Megyn Baker`) may be
/// a name, and a name's last word (`Labor Day`) or an organisation word (`Air Force`) ends no
/// description: the phrase is then left as it is, as is any phrase with a lower-case word.
void lower_description(core::EntityRef& ref, bool named, const Resources& resources) {
  if (ref.type != core::EntityType::concept_ || !starts_upper(ref.label)) return;
  const auto words = split_words(ref.label);
  if (named && words.size() == 1 && !resources.words().titles.contains(word_key(words.front())))
    return;  // `the Teamsters`: one capitalised word mid-sentence may be a name
  if (!std::all_of(words.begin(), words.end(), [](std::string_view w) { return starts_upper(w); }))
    return;  // `American Association for Justice`, `African American woman`
  const auto& wordnet = resources.wordnet();
  const auto& lists = resources.words();
  const auto& gazetteer = resources.gazetteer();
  const std::string last = word_key(words.back());
  if (!lists.titles.contains(last) && !wordnet.is_person_noun(wordnet.noun_lemma(last))) return;
  // The longest opening that the gazetteer or the organisation names know keeps its capitals.
  std::size_t kept = 0;
  for (std::size_t n = words.size() - 1; n >= 2 && kept == 0; --n) {
    std::string opening(words[0].data(), static_cast<std::size_t>(words[n - 1].data() + words[n - 1].size() - words[0].data()));
    if (gazetteer.find(opening) != nullptr || lists.organization_names.contains(core::ascii_lower(opening))) kept = n;
  }
  std::string label;
  bool lowered = false;
  for (std::size_t k = 0; k < words.size(); ++k) {
    const std::string_view w = words[k];
    const std::string lower = core::ascii_lower(w);
    std::string singular = wordnet.noun_lemma(lower);
    if (!singular.empty()) singular[0] = w[0];  // `Clintons` -> `Clinton`
    const bool name = k < kept || gazetteer.find(w) != nullptr || gazetteer.country_for_demonym(w) != nullptr ||
                      lists.place_names.contains(lower) || lists.state_abbreviations.contains(word_key(w)) ||
                      lists.organization_names.contains(lower) || wordnet.is_proper_name(w) ||
                      wordnet.is_proper_name(singular) || is_time_word(lower) ||
                      (k + 1 < words.size() && wordnet.is_member_noun(w)) ||  // `Korean`; not `President`
                      lists.organization_words.contains(word_key(w)) ||
                      std::any_of(w.begin() + 1, w.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    if (!name && (!is_common_word(w, resources) || !lists.given_names.value(lower).empty())) return;
    if (name && k + 1 == words.size()) return;  // `Labor Day`, `Fort Pierce`: a name's last word
    if (!label.empty()) label += ' ';
    label += name ? std::string(w) : lower;
    lowered = lowered || !name;
  }
  if (!lowered) return;
  ref.label = label;
  ref.mention = label;
}

/// The mentions of the sentence that holds `span`: an attribution's source may stand sentences
/// after the quotation it closes (`“…. … .” ― Pamela Padilla`).
const std::vector<core::Mention>& mentions_at(const core::Span& span, const std::vector<core::SentenceFacts>& sentences,
                                              std::size_t s) {
  if (sentences[s].sentence.chars.contains(span)) return sentences[s].mentions;
  const auto it = std::partition_point(sentences.begin(), sentences.end(), [&](const core::SentenceFacts& f) {
    return f.sentence.chars.end <= span.begin;
  });
  return it != sentences.end() && it->sentence.chars.overlaps(span) ? it->mentions : sentences[s].mentions;
}

/// A capitalised phrase of English words in which the mention pass found no name is written in
/// lower case: a headline's (`Voters Abandon Republican` -> voters abandon republican), or words
/// capitalised at a sentence's start (`Authorities said`, `Protesters gathered`). A word that may
/// be a name keeps the phrase as it is: a given name, a place, a name WordNet or the gazetteer
/// knows (`Miller`, `Price`), a people's (`Australian`), a short word (`Ban` of Ban Ki-moon), or a singular noun alone that
/// speaks (`Fortune reported`).
void lower_unnamed_words(core::EntityRef& ref, bool speaking, const Resources& resources) {
  if (ref.type != core::EntityType::concept_ || !starts_upper(ref.label)) return;
  const auto& words = resources.words();
  const auto all = split_words(ref.label);
  if (all.size() == 1 && all.front().size() <= 3) return;
  if (all.size() == 1 && speaking && resources.wordnet().noun_lemma(core::ascii_lower(all.front())) == core::ascii_lower(all.front()))
    return;
  for (const auto w : all) {
    const std::string lower = core::ascii_lower(w);
    if (!starts_upper(w) || !is_common_word(w, resources) || !words.given_names.value(lower).empty() ||
        resources.gazetteer().country_for_demonym(w) != nullptr ||
        !words.ambiguous_given_names.value(lower).empty() || words.place_names.contains(lower) ||
        words.organization_names.contains(lower) || resources.wordnet().is_proper_name(w) ||
        resources.gazetteer().find(w) != nullptr)
      return;
  }
  ref.label = core::ascii_lower(ref.label);
  ref.mention = ref.label;
}

void link(std::optional<core::EntityRef>& ref, const core::Argument& argument,
          const std::vector<core::SentenceFacts>& sentences, std::size_t s, bool speaking, bool headline,
          const Resources& resources) {
  const auto& facts = sentences[s];
  const auto& mentions = mentions_at(argument.span, sentences, s);
  const std::string head = strip_leading_article(argument.head);
  if (is_pronoun(head)) {
    const auto kind = pronoun_kind(head);
    if (kind != PronounKind::male && kind != PronounKind::female) return;  // it, they: coreference.cpp
    const core::Mention* m = pronoun_at(argument, head, mentions);
    if (m == nullptr || m->entity.empty()) {
      ref.reset();  // no clear antecedent: no entity rather than a guess
      return;
    }
    core::EntityRef resolved;
    resolved.label = m->entity;
    resolved.mention = m->entity;  // `he` is no alternative name
    resolved.type = m->type;
    resolved.wikidata = m->wikidata;
    resolved.span = argument.span;
    ref = std::move(resolved);
    return;
  }
  if (!ref) return;
  const core::Mention* m = heading_name(argument, *ref, mentions);
  if (m == nullptr) {
    if (ref->label.size() == 1) {
      ref.reset();  // a letter alone (`D` of a cut `D-Mo.`) names no one
      return;
    }
    if (ref->type == core::EntityType::concept_ && is_state_abbreviation(ref->label, resources)) {
      ref->type = core::EntityType::location;  // `Richmond, Va.`: the parse's phrase, no mention
      return;
    }
    // A capitalised phrase that cuts across a name the mention pass found is a misparse
    // (`Obama Sees` of a headline, `Gennifer Flowers Won't Be`): no entity rather than a wrong one.
    const auto phrase = split_words(ref->label);
    if (ref->type == core::EntityType::concept_ && ref->wikidata.empty() && phrase.size() >= 2 && std::all_of(phrase.begin(), phrase.end(), [](std::string_view w) { return starts_upper(w); }) &&
        std::any_of(mentions.begin(), mentions.end(), [&](const core::Mention& n) {
          // `PayPerAction LLC.` of the mention pass is the parse's `PayPerAction LLC`.
          const bool same = n.text.size() == ref->label.size() + 1 && n.text.ends_with('.') && n.text.starts_with(ref->label);
          return n.kind == core::MentionKind::name && !n.entity.empty() && n.span.overlaps(argument.span) && !same;
        })) {
      ref.reset();
      return;
    }
    if (!headline) lower_common_word(*ref, argument, facts.sentence, speaking, false, resources);
    lower_description(*ref, false, resources);
    lower_unnamed_words(*ref, speaking && !headline, resources);
    return;
  }
  if (!ref->wikidata.empty() && ref->wikidata != m->wikidata) return;  // the gazetteer knows it
  ref->label = m->entity;
  if (m->type != core::EntityType::concept_) ref->type = m->type;
  if (!m->wikidata.empty()) ref->wikidata = m->wikidata;
  if (ref->type == core::EntityType::concept_ && m->text == ref->label) {
    lower_common_word(*ref, argument, facts.sentence, speaking, true, resources);
    lower_description(*ref, true, resources);
  }
}

}  // namespace

void link_mentions_to_events(std::vector<core::SentenceFacts>& sentences, const Resources& resources) {
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    auto& facts = sentences[s];
    const std::size_t n = std::min(facts.propositions.size(), facts.events.size());
    const bool headline = n > 0 && is_headline_sentence(facts.sentence.text, resources);
    for (std::size_t i = 0; i < n; ++i) {
      const auto& p = facts.propositions[i];
      auto& e = facts.events[i];
      const auto arguments = role_arguments(p, choose_relation(p, resources));
      for (std::size_t k = 0; k < arguments.size() && k < e.roles.size(); ++k)
        link(e.roles[k].entity, arguments[k], sentences, s,
             e.speech_act && e.roles[k].role == core::Role::agent, headline, resources);
      if (!p.attribution.source.empty()) link(e.attributed_to, source_argument(p.attribution), sentences, s, true, headline, resources);
    }
  }
}

}  // namespace kg::extract::detail
