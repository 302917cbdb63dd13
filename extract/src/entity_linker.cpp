#include "entity_linker.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <vector>

#include "grammar.hpp"
#include "kg/core/text.hpp"
#include "mention_text.hpp"

namespace kg::extract::detail {

using core::one_of;

namespace {

using Words = std::vector<std::string_view>;

/// The country a modifier names: a demonym (`Russian`) or the country itself (`US`, `Russia's`).
const ontology::GazetteerEntry* country_of_modifier(std::string_view word, const ontology::Gazetteer& gazetteer) {
  if (const auto* e = gazetteer.country_for_demonym(word)) return e;
  const auto* e = gazetteer.find(without_possessive(word));
  return e != nullptr && e->type == core::EntityType::country ? e : nullptr;
}

/// Step 1: the head or, for a proper name, a shorter tail of it in the gazetteer; a seat of
/// government as the agent.
const ontology::GazetteerEntry* by_name(const core::Argument& argument, std::string_view head, const Words& words,
                                        const ontology::Gazetteer& gazetteer) {
  for (std::size_t skip = 0; skip < words.size(); ++skip) {
    const auto tail_begin = words[skip].data() - head.data();
    const std::string_view tail = head.substr(static_cast<std::size_t>(tail_begin));
    if (const auto* e = gazetteer.find(tail)) return e;
    if (argument.proper) {
      if (const auto* e = gazetteer.country_for_seat(tail); e && argument.role == core::Role::agent) return e;
    }
    if (!argument.proper) break;  // common nouns: only the whole compound
  }
  return nullptr;
}

/// Step 2: an organisation's name before a descriptor noun (`NATO alliance`); `name` is set to it.
const ontology::GazetteerEntry* by_descriptor(std::string_view head, const Words& words, const Resources& resources,
                                              std::string& name) {
  if (words.size() < 2 || !resources.words().descriptor_nouns.contains(core::ascii_lower(words.back()))) return nullptr;
  const std::string_view found = core::trim(head.substr(0, static_cast<std::size_t>(words.back().data() - head.data())));
  const auto* e = resources.gazetteer().find(found);
  if (e == nullptr || e->type != core::EntityType::organization) return nullptr;
  name = std::string(found);
  return e;
}

/// Step 4: a country noun after a demonym or a country's name (`Russian forces`), or a bare
/// demonym. The modifier is the word before the head noun, in the head or just before it in the phrase.
const ontology::GazetteerEntry* by_country_modifier(const Words& words, std::string_view phrase,
                                                    const Resources& resources) {
  const auto& gazetteer = resources.gazetteer();
  const auto phrase_words = split_words(phrase);
  std::string_view noun = words.back(), modifier;
  if (words.size() >= 2) {
    modifier = words[words.size() - 2];
  } else {
    for (std::size_t i = 1; i < phrase_words.size(); ++i)
      if (phrase_words[i] == noun) {
        modifier = phrase_words[i - 1];
        break;
      }
  }
  if (!modifier.empty() && resources.words().country_nouns.contains(resources.wordnet().noun_lemma(noun)))
    if (const auto* e = country_of_modifier(modifier, gazetteer)) return e;
  if (words.size() == 1) return gazetteer.country_for_demonym(noun);
  return nullptr;
}

/// Step 5: `Mr. Quiros`, `Massachusetts Sen. Elizabeth Warren`: the label is the name after the
/// last title word, and the entity a person when a title came with it, in the head or just
/// before it in the phrase (`CEO John Stumpf`).
void name_without_titles(core::EntityRef& ref, std::string_view head, const Words& words, std::string_view phrase,
                         const Resources& resources) {
  std::size_t name_begin = 0;
  for (std::size_t i = 0; i + 1 < words.size(); ++i)
    if (is_title_word(words[i], resources)) name_begin = i + 1;
  const bool titled_head = name_begin > 0;
  if (titled_head && std::all_of(words.begin() + static_cast<std::ptrdiff_t>(name_begin), words.end(), starts_upper))
    ref.label = std::string(head.substr(static_cast<std::size_t>(words[name_begin].data() - head.data())));
  const auto at = phrase.rfind(head);
  const auto before = at == std::string::npos ? Words{} : split_words(phrase.substr(0, at));
  if ((titled_head && ref.label != head) || (!before.empty() && is_title_word(before.back(), resources)))
    ref.type = core::EntityType::person;
}

/// A party-and-state tag after a politician's name (`R-S.C.`, `D-N.J.`, `I-Vt.`): no entity.
bool is_party_tag(std::string_view word) {
  return word.size() >= 3 && (word[0] == 'R' || word[0] == 'D' || word[0] == 'I') && word[1] == '-' &&
         starts_upper(word.substr(2));
}

bool has_letter(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](unsigned char c) { return std::isalpha(c) || c >= 0x80; });
}

/// What of `head` can name an entity: the head without the closed-class words that open it
/// (`Whether Clinton` -> `Clinton`, `Maybe I` -> `I`) and without a possessive ending
/// (`Trump’s`); a short lower-case noun with the word before it in the phrase (`campaign ad`),
/// alone too vague to be a node. Empty when nothing in it names anything: a pronoun, quantifier
/// or function word, a day or month (a `kg:time` value), a number, a fragment around a dash, a
/// party-and-state tag.
std::string nameable_head(std::string_view head, std::string_view phrase, const Resources& resources) {
  const auto& closed = resources.words().non_entity_words;
  if (head.find(" - ") != std::string_view::npos || head.find("--") != std::string_view::npos ||
      head.find(" \u2013 ") != std::string_view::npos || head.find(" \u2014 ") != std::string_view::npos)
    return {};
  auto words = split_words(head);
  std::size_t first = 0;
  while (first < words.size() && closed.contains(core::ascii_lower(words[first]))) ++first;
  if (first == words.size()) return {};
  std::string name(core::trim(head.substr(static_cast<std::size_t>(words[first].data() - head.data()))));
  name = std::string(without_possessive(name));
  // `U.S` at the end of a sentence has lost its last dot to the full stop.
  if (name.size() >= 3 && name[name.size() - 2] == '.' && starts_upper(name.substr(name.size() - 1)) &&
      std::all_of(name.begin(), name.end(), [](char c) { return (c >= 'A' && c <= 'Z') || c == '.'; }))
    name += '.';
  words = split_words(name);
  if (words.empty() || !has_letter(name) || is_pronoun(words.front())) return {};
  if (words.size() > 1) return name;
  const std::string lower = core::ascii_lower(name);
  if (closed.contains(lower) || is_party_tag(name)) return {};
  // `May` may be Theresa May; in a `kg:time` role it is no entity anyway.
  if (lower != "may" && is_time_word(lower)) return {};
  const bool short_common =
      name.size() <= 3 && std::all_of(name.begin(), name.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  if (!short_common) return name;
  const auto phrase_words = split_words(phrase);
  for (std::size_t i = 1; i < phrase_words.size(); ++i) {
    if (phrase_words[i] != name) continue;
    const std::string_view before = phrase_words[i - 1];
    const bool modifier = !before.empty() && before[0] >= 'a' && before[0] <= 'z' &&
                          std::all_of(before.begin(), before.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '-'; }) &&
                          !closed.contains(before) && !one_of(before, kDeterminers);
    return modifier ? std::string(before) + " " + name : std::string();
  }
  return {};
}

/// A head of title words alone (`President`, `Senator`, `Russian President`) is a description,
/// no name: its label is in lower case but for demonyms (`Russian president`).
bool description_only(const Words& words, const Resources& resources) {
  bool title = false;
  for (const auto w : words) {
    if (is_title_word(w, resources)) {
      title = true;
      continue;
    }
    if (resources.gazetteer().country_for_demonym(w) == nullptr) return false;
  }
  return title;
}

std::string lower_titles(const Words& words, const Resources& resources) {
  std::string out;
  for (const auto w : words) {
    if (!out.empty()) out += ' ';
    const bool acronym = std::none_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    out += is_title_word(w, resources) && !acronym ? core::ascii_lower(w) : std::string(w);
  }
  return out;
}

}  // namespace

bool is_pronoun(std::string_view word) {
  if (word.size() >= 2 && std::all_of(word.begin(), word.end(), [](char c) { return (c >= 'A' && c <= 'Z') || c == '.'; }))
    return false;
  return one_of(core::ascii_lower(word), kPronouns);
}

bool names_group_members(const std::vector<std::string_view>& words, const Resources& resources) {
  if (words.empty()) return false;
  const auto& wordnet = resources.wordnet();
  const std::string lower = core::ascii_lower(words.back());
  const bool plural = wordnet.noun_lemma(words.back()) != lower;
  // A given name is a person's (`Malkia Cyril`, `Cyril said`), whatever else WordNet holds.
  return wordnet.is_member_noun(words.back()) && (words.size() == 1 || plural) &&
         (plural || resources.words().given_names.value(lower).empty());
}

bool is_title_word(std::string_view word, const Resources& resources) {
  if (resources.words().titles.contains(word_key(word))) return true;
  return !word.empty() && word[0] >= 'a' && word[0] <= 'z' && resources.is_person_noun(word);
}

bool is_predicative(const core::Argument& argument, const core::Proposition& p) {
  return argument.role == core::Role::theme && p.predicate.lemma == "be";
}

std::optional<core::EntityRef> resolve_entity(const core::Argument& argument, const Resources& resources,
                                              bool predicative) {
  const auto& gazetteer = resources.gazetteer();
  const std::string written = strip_leading_article(argument.head);
  if (written.empty() || is_pronoun(written)) return std::nullopt;
  const std::string phrase = bare_phrase(argument.text);
  const std::string head = nameable_head(written, phrase, resources);
  if (head.empty()) return std::nullopt;
  core::EntityRef ref;
  ref.mention = head == written ? argument.head : head;
  ref.span = argument.span;
  auto from_entry = [&](const ontology::GazetteerEntry& e, bool named) {
    ref.label = e.label;
    ref.type = e.type;
    ref.wikidata = e.wikidata;
    if (!named) ref.mention = e.label;
    return ref;
  };
  const auto words = split_words(head);
  if (const auto* e = by_name(argument, head, words, gazetteer)) return from_entry(*e, true);
  std::string name;
  if (const auto* e = by_descriptor(head, words, resources, name)) {
    ref.mention = std::move(name);
    return from_entry(*e, true);
  }
  if (!predicative)
    if (const auto* e = gazetteer.find_by_title(head_phrase(argument))) return from_entry(*e, false);
  if (const auto* e = by_country_modifier(words, phrase, resources)) return from_entry(*e, false);
  ref.type = core::EntityType::concept_;
  ref.label = head;
  if (std::all_of(words.begin(), words.end(), starts_upper) && description_only(words, resources)) {
    ref.label = lower_titles(words, resources);
    return ref;
  }
  if (std::all_of(words.begin(), words.end(), starts_upper) && names_group_members(words, resources)) {
    ref.type = core::EntityType::group;
    return ref;
  }
  if (argument.proper || std::all_of(words.begin(), words.end(), starts_upper))
    name_without_titles(ref, head, words, phrase, resources);
  return ref;
}

}  // namespace kg::extract::detail
