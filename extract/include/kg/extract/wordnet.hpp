#pragma once
/// WordNet 3.0, read directly from its database files (Debian `wordnet-base`) into hash maps:
/// the C library is slow and not thread-safe. Loaded once (~0.1 s for what we read), then shared
/// read-only across threads.

#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace kg::extract {

class WordNet {
 public:
  /// Reads index.verb, verb.exc, data.verb, index.noun, noun.exc, data.noun, index.adj and index.adv from `dir`. Throws core::Error naming
  /// the missing file when one cannot be read.
  static WordNet load(const std::filesystem::path& dir);
  /// Default folder: $KG_WORDNET_DIR, else the compiled-in location (/usr/share/wordnet).
  static std::filesystem::path default_dir();

  /// Base form of a verb (`asked` -> `ask`, `said` -> `say`, `expressed` -> `express`); the
  /// lower-cased word itself when WordNet does not know it.
  std::string verb_lemma(std::string_view word) const;
  /// Base form of a noun (`sanctions` -> `sanction`, `women` -> `woman`).
  std::string noun_lemma(std::string_view word) const;
  bool is_verb(std::string_view lemma) const { return verbs_.count(std::string(lemma)) > 0; }
  bool is_noun(std::string_view lemma) const { return nouns_.count(std::string(lemma)) > 0; }
  /// Whether WordNet has the lower-case word as an adjective or an adverb (`black`, `very`, `huge`).
  bool is_adjective_or_adverb(std::string_view word) const { return modifiers_.count(std::string(word)) > 0; }
  /// Whether any sense of the verb is in the lexicographer file verb.communication (ask, tell,
  /// urge, say, warn …), read from data.verb.
  bool is_communication_verb(std::string_view lemma) const {
    return communication_verbs_.count(std::string(lemma)) > 0;
  }
  /// Whether a sense of the verb in verb.cognition, verb.communication or verb.emotion has the
  /// frame `Somebody ----s that CLAUSE` (say, tell, believe, know, find, argue, hope …): a verb
  /// whose clausal complement is what its subject says, thinks or feels.
  bool reports_clause(std::string_view lemma) const { return clause_verbs_.count(std::string(lemma)) > 0; }
  /// Whether any sense of the noun is in noun.person (spokesman, president, minister, bride …),
  /// read from data.noun: the nouns that name a role a person can hold.
  bool is_person_noun(std::string_view lemma) const { return person_nouns_.count(std::string(lemma)) > 0; }
  /// Whether any sense of the noun is in noun.group (company, maker, producer, publisher …).
  bool is_group_noun(std::string_view lemma) const { return group_nouns_.count(std::string(lemma)) > 0; }
  /// What a proper name of WordNet names, from the lexicographer file of its noun senses
  /// (noun.person, noun.location, noun.group): `Lincoln` a person, `Seattle` a location,
  /// `Congress` a group; `none` for names WordNet lacks or whose senses disagree (`Washington`).
  /// `name` as written, words separated by spaces.
  /// Whether `word`, capitalised, names a member of a group: a kind of person WordNet writes with
  /// a capital (`Democrats`, `Muslim`, `Hispanics`, `Europeans`), from noun.person.
  bool is_member_noun(std::string_view word) const {
    return !word.empty() && word[0] >= 'A' && word[0] <= 'Z' && member_nouns_.count(noun_lemma(word)) > 0;
  }
  /// Whether `word` (as written) ends the name of a person WordNet holds (`Kelly` of `Gene
  /// Kelly`, `Brown` of `John Brown`): a surname, whatever else the word names.
  bool is_surname(std::string_view word) const { return surnames_.count(std::string(word)) > 0; }
  /// Whether `word` (as written) opens the name of a person WordNet holds and is no common noun
  /// (`Walter` of `Bruno Walter`… `Walter Scott`, `Mikhail`, `Donald`): a given name the names
  /// list may lack. No gender: WordNet has none.
  bool is_given_name(std::string_view word) const { return given_names_.count(std::string(word)) > 0; }
  enum class NameClass : unsigned char { none, person, location, group, ambiguous };
  /// Whether WordNet holds `name` (as written) as the name of a person, place or organisation,
  /// of whichever class (`Clinton`, `Washington`).
  bool is_proper_name(std::string_view name) const { return proper_names_.count(std::string(name)) > 0; }
  NameClass proper_name_class(std::string_view name) const {
    const auto it = proper_names_.find(std::string(name));
    return it == proper_names_.end() || it->second == NameClass::ambiguous ? NameClass::none : it->second;
  }

 private:
  std::string lemma(std::string_view word, const std::unordered_set<std::string>& index,
                    const std::unordered_map<std::string, std::string>& exceptions, bool verb) const;
  std::unordered_set<std::string> verbs_;
  std::unordered_set<std::string> nouns_;
  std::unordered_set<std::string> modifiers_;  // adjectives and adverbs
  std::unordered_set<std::string> communication_verbs_;
  std::unordered_set<std::string> person_nouns_;
  std::unordered_set<std::string> group_nouns_;
  std::unordered_set<std::string> clause_verbs_;
  std::unordered_map<std::string, NameClass> proper_names_;
  std::unordered_set<std::string> member_nouns_;
  std::unordered_set<std::string> surnames_;
  std::unordered_set<std::string> given_names_;
  std::unordered_map<std::string, std::string> verb_exceptions_;
  std::unordered_map<std::string, std::string> noun_exceptions_;
};

}  // namespace kg::extract
