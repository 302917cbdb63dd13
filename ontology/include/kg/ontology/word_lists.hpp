#pragma once
/// The open-class word lists the extractor reads (titles, reporting and stance verbs, gender
/// words, country and descriptor nouns, CAMEO refinements, given names, organisation and place
/// words …): data, not code. Each is one TSV file of `<data>/lexicon/` that says in its header
/// comment what the list is for and where its words come from; kgraph loads them all once, at
/// start-up, through WordLists::load.
///
/// File format: UTF-8, one entry a line, `word` or `word<TAB>value`; `#` starts a comment line;
/// blank lines are ignored. Words are lower case (they are compared with lower-cased text) and
/// may hold spaces (`press release`); abbreviations keep their case (`Mr`, `Inc`, `e.g`). A list whose entries carry a value (gender, CAMEO code)
/// requires one on every line, from its allowed set when it has one. A duplicate word, a missing
/// or unexpected value, or a missing file is an error naming file, line and column.

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>


namespace kg::ontology {

/// One word list: its entries in file order, and lookup by word.
class WordList {
 public:
  /// Whether `word` (lower case) is in the list.
  bool contains(std::string_view word) const { return index_.find(word) != index_.end(); }
  /// The value column of `word`, or empty when the word is not in the list.
  std::string_view value(std::string_view word) const {
    const auto it = index_.find(word);
    return it == index_.end() ? std::string_view() : std::string_view(entries_[it->second].second);
  }
  /// (word, value) in file order: the order is the priority where a list says so.
  const std::vector<std::pair<std::string, std::string>>& entries() const { return entries_; }
  std::size_t size() const { return entries_.size(); }

  /// Adds an entry; false (and nothing added) when the word is there already.
  bool add(std::string word, std::string value);

 private:
  std::vector<std::pair<std::string, std::string>> entries_;
  std::map<std::string, std::size_t, std::less<>> index_;
};

/// Every word list of `<data>/lexicon/`, one member per file (the file name is the member's).
struct WordLists {
  WordList reporting_verbs;      ///< verbs that report speech or thought beyond the catalog's speech triggers
  WordList attitude_verbs;       ///< thought, intention, evidence: their clause is attributed (PolNeAR)
  WordList clause_speech_verbs;  ///< speech verbs whose content is a clause, never a bare noun phrase
  WordList stance_verbs;         ///< evaluation, naming, evidence: their object is what the subject holds
  WordList light_verbs;          ///< verbs stating a stance named by their object (`voiced support for`)
  WordList titles;               ///< titles and honorifics before a name (`sen`, `spokeswoman`)
  WordList gender_words;         ///< word -> `female` | `male`, for pronoun agreement
  WordList country_nouns;        ///< nouns through which a country acts or that name its land
  WordList descriptor_nouns;     ///< nouns after an organisation's name that change nothing (`alliance`)
  WordList issued_documents;     ///< documents that speak for their issuer (`readout`, `statement`)
  WordList expletive_verbs;      ///< verbs whose `it` subject is usually empty (`it seems`)
  WordList punitive_measures;    ///< nouns that make a conditional event a threat (`sanctions`)
  WordList threat_refinements;   ///< noun -> CAMEO code of the threat, in priority order
  WordList editorial_labels;     ///< capitalised labels before a quotation that are no speaker (`Editor's note`)
  WordList abbreviations;        ///< abbreviation (as written, no dot) -> `prefix` | `number` | `final`
  WordList given_names;          ///< given name -> `female` | `male` | `either` (stdlib / Moby Word II)
  WordList ambiguous_given_names;  ///< given names that are also words or places (`mark`, `charlotte`): before a surname only
  WordList organization_words;   ///< last words that make a capitalised name an organisation's (`department`)
  WordList place_words;          ///< last words that make a capitalised name a location's (`river`)
  WordList non_entity_words;     ///< pronouns, quantifiers, function words: never an entity (`All`, `There`)
  WordList non_name_acronyms;    ///< words written in capitals that name nothing (`fyi`, `asap`, `rfp`)
  WordList place_names;          ///< names of cities, US states and other places -> `city` | `state` | `place`
  WordList organization_names;   ///< organisations named without an organisation word -> kind (`reuters` media)
  WordList surname_prefixes;     ///< `mc`, `de`: an inner capital after them makes a surname (`McConnell`)
  WordList fronting_words;       ///< words opening an adverbial before the main clause (`throughout`, `unlike`)
  WordList state_abbreviations;  ///< AP abbreviation of a US state (`n.c`, `va`) -> the state's name

  /// Loads every list from `dir` (normally `<data>/lexicon`). Throws core::Error naming the file,
  /// line and column of a missing file or a malformed line.
  static WordLists load(const std::filesystem::path& dir);
};

}  // namespace kg::ontology
