#pragma once
/// Turns one Link Grammar linkage of a sentence into propositions: predicates with role-labelled
/// arguments, nested content for speech and infinitival complements, attribution, and flags.
/// Stateless apart from configuration; thread-safe for concurrent calls.

#include <string_view>
#include <vector>

#include "kg/core/types.hpp"
#include "kg/extract/link_parser.hpp"
#include "kg/ontology/word_lists.hpp"

namespace kg::extract {

/// Verb knowledge the extractor needs (provided by the ontology and WordNet).
class Lexicon {
 public:
  virtual ~Lexicon() = default;
  /// Base form of a verb as written (`asked` -> `ask`, `said` -> `say`).
  virtual std::string verb_lemma(std::string_view word) const = 0;
  /// Whether a lemma reports speech or thought (say, tell, add, warn, believe …).
  virtual bool is_speech_verb(std::string_view lemma) const = 0;
  /// Whether a lemma is a verb of communication (WordNet verb.communication: ask, tell, urge …),
  /// whose direct object is the addressee when another argument follows.
  virtual bool is_communication_verb(std::string_view lemma) const = 0;
  /// Whether a noun (any form) names a role a person holds (spokesman, president, minister …).
  virtual bool is_person_noun(std::string_view word) const = 0;
  /// The open-class word lists of <data>/lexicon (titles, stance verbs, gender words …).
  virtual const ontology::WordLists& words() const = 0;
};

/// Extracts propositions from a linkage. Spans are document code points, computed from the
/// sentence's own offsets.
class PropositionExtractor {
 public:
  explicit PropositionExtractor(const Lexicon& lexicon) : lexicon_(&lexicon) {}

  /// All propositions of `linkage` (parsed from `sentence.text`), in order of their predicates.
  std::vector<core::Proposition> extract(const core::Sentence& sentence, const Linkage& linkage) const;

  /// The propositions of the best of `linkages` (not empty): the parser's order is only a sample,
  /// so each linkage is judged by its plausibility and by how much of the sentence its
  /// propositions account for.
  std::vector<core::Proposition> extract_best(const core::Sentence& sentence,
                                              const std::vector<Linkage>& linkages) const;

  /// How plausible a linkage looks for extraction (higher is better); used to choose among the
  /// parser's top linkages. Penalises questions without '?', dangling clauses and the like.
  double plausibility(const Linkage& linkage) const;

  /// The byte offset of the comma that sets off an attribution, or npos: the comma after a leading
  /// `According to X,`, or the one before a trailing reporting clause (`…, the Kremlin added.`,
  /// `…, said Peskov.`, `…," he told reporters.`: at most eight words after the sentence's last
  /// comma that start or end with a reporting verb). The parser reads the two parts apart at that
  /// comma (LinkParser::parse), which it otherwise often garbles.
  std::size_t reporting_clause_break(std::string_view sentence) const;

 private:
  const Lexicon* lexicon_;
};

}  // namespace kg::extract
