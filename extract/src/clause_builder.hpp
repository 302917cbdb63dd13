#pragma once
// Private to kg::extract: the propositions of one Link Grammar linkage. ClauseBuilder holds one
// linkage of one sentence and works in steps, each in its own file:
//   clauses.cpp            which verb chains are clauses, with their subjects, and which clause
//                          reports or embeds which (complements, quotations, `according to`);
//   phrases.cpp            the phrase of an argument: its extent, balanced quotes, its name;
//   arguments.cpp          the roles of a clause's phrases, the predicate's text, negation,
//                          modality, condition, nested content: one proposition;
//   noun_phrase_facts.cpp  what noun phrases state without a verb (appositions, titles,
//                          possessives).
// proposition_extractor.cpp runs the steps (ClauseBuilder::run) and ranks the results.

#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kg/core/types.hpp"
#include "kg/extract/proposition_extractor.hpp"
#include "linkage_view.hpp"

namespace kg::extract::detail {

inline constexpr std::size_t npos = LinkageView::npos;
/// A bound on work per sentence, far above real sentences.
inline constexpr std::size_t kMaxClauses = 64;

/// A clause: a verb chain with its subject(s).
struct Clause {
  std::vector<std::size_t> chain;     // finite/first verb … main verb
  std::size_t main = npos;
  std::vector<std::size_t> subjects;  // head words (already expanded through coordination)
  bool passive = false;
  int parent = -1;                    // index of the clause whose content this is
  bool hypothetical = false;          // under if/unless
  bool reduced_relative = false;      // a participle modifying a noun (`forces surrounding Ukraine`)
  bool relative = false;              // a relative clause (`the nominee, who began his speech …`)
  /// For an infinitive sharing its parent's subject (`tries to woo`): the parent's word it hangs
  /// from (the verb, or an adjective as in `able to`); its predicate text starts with the parent's.
  std::size_t catenative_host = npos;
  /// For a conjunct of verbs after one auxiliary: the conjunction, whose modifiers all conjuncts
  /// share (`were arrested and charged by the police`).
  std::size_t coordinator = npos;
};

/// One proposition per combination of conjuncts (`Biden and Putin held talks` -> two), at most
/// eight of them; arguments that share a slot are alternatives.
std::vector<core::Proposition> split_coordination(const core::Proposition& p, const std::vector<int>& slots);

class ClauseBuilder {
 public:
  ClauseBuilder(const core::Sentence& sentence, const Linkage& linkage, const Lexicon& lexicon)
      : sentence_(sentence), view_(linkage), lexicon_(lexicon) {}

  /// The propositions of the linkage, in order of their main verbs, then its noun-phrase facts.
  std::vector<core::Proposition> run();

 private:
  // --- words and spans (clause_builder.cpp) ----------------------------------------------------
  core::Span span_of(std::size_t first, std::size_t last) const;
  std::size_t char_offset(std::size_t byte) const;
  std::string text_of(std::size_t first, std::size_t last) const;

  // --- structure (clauses.cpp) -----------------------------------------------------------------
  std::vector<std::size_t> expand_coordination(std::size_t w, std::string_view type) const;
  std::vector<std::size_t> build_chain(std::size_t start, bool& passive) const;
  void find_clauses();
  /// One clause per verb that `verb_start` coordinates, with `subjects`, each once.
  void add_clause(std::size_t verb_start, std::vector<std::size_t> subjects);
  /// The clauses of verbs coordinated after one auxiliary (`was arrested and charged`).
  void add_verb_conjuncts(const Clause& coordinated, const std::vector<std::size_t>& subjects);
  void find_subject_clauses();
  void find_participle_clauses();
  void find_participle_adjuncts();
  void find_infinitives();
  void attach_complements();
  void attach_quotations();
  /// Whether clause `c`, with a speech verb, is a reporting clause after or before a comma with
  /// nothing reported of its own (`…, the Kremlin added.`).
  bool is_trailing_reporter(const Clause& clause) const;
  void find_according_to();
  int clause_of_verb(std::size_t w) const;
  int owning_clause(std::size_t word, int except) const;
  std::size_t resolve_relative(std::size_t subject) const;
  bool finite_form(std::size_t verb) const;
  bool name_modifier(std::size_t noun, std::size_t prep) const;
  std::size_t preposition_object(std::size_t prep) const;

  // --- phrases (phrases.cpp) -------------------------------------------------------------------
  /// The words of the phrase headed by `head`; never the verbs of `clause` (a participle that
  /// modifies the noun, `a library housing books`, belongs to its own clause).
  std::pair<std::size_t, std::size_t> phrase_range(std::size_t head, const Clause* clause = nullptr) const;
  core::Argument make_argument(std::size_t head, core::Role role, const Clause* clause = nullptr) const;
  std::string name_of(std::size_t head, bool& proper) const;

  // --- propositions (arguments.cpp) ------------------------------------------------------------
  /// The clause's proposition; `slots[i]` groups arguments that are conjuncts of one slot
  /// (`Biden and Putin`), which split_coordination turns into separate propositions.
  core::Proposition make_proposition(const Clause& clause, std::vector<int>& slots) const;
  /// The predicate's lemma, modality, tense, text, span and particle.
  void fill_predicate(const Clause& clause, core::Predicate& pred) const;
  /// The arguments of a clause, in order: subjects, objects, a predicate adjective, sentence
  /// openers, prepositional and adverbial arguments.
  void add_arguments(const Clause& clause, core::Proposition& p, std::vector<int>& slots) const;
  /// The argument-building state one clause shares between the steps of add_arguments.
  struct ArgumentState;
  void add_subjects(const Clause& clause, core::Proposition& p, ArgumentState& state) const;
  void add_objects(const Clause& clause, core::Proposition& p, ArgumentState& state) const;
  void add_predicate_adjectives(const Clause& clause, core::Proposition& p, ArgumentState& state) const;
  void add_openers(const Clause& clause, core::Proposition& p, ArgumentState& state) const;
  void add_prepositional(const Clause& clause, core::Proposition& p, ArgumentState& state) const;
  /// The role of a prepositional argument whose preposition is `prep` and head `object`.
  /// A particle read as a preposition joins the predicate of `p` instead.
  void label_prepositional(const Clause& clause, const ArgumentState& state, std::size_t prep, std::size_t object,
                           core::Argument& a, core::Proposition& p) const;
  bool negated(const Clause& clause) const;
  /// Whether word `word` stands between quotation marks.
  bool in_quotation(std::size_t word) const;
  std::string preposition_text(std::size_t prep) const;
  void balance_quotes(std::size_t& lo, std::size_t& hi) const;
  std::string predicate_text(const Clause& clause, std::size_t& lo, std::size_t& hi) const;
  void add_content(int self, core::Proposition& p, std::vector<int>& slots) const;
  bool opens_condition(std::size_t word) const;

  // --- attribution and confidence (proposition_extractor.cpp) ----------------------------------
  /// Reported content is attributed to its reporting clause's subject; `according to X` to X.
  void attribute(const Clause& clause, core::Proposition& p) const;
  double clause_confidence(const Clause& clause, const core::Proposition& p, double parse_quality) const;

  // --- noun-phrase facts (noun_phrase_facts.cpp) -----------------------------------------------
  core::Proposition implicit(std::size_t subject, std::string_view relation, std::string_view lemma,
                             std::size_t object, double confidence) const;
  void add_noun_phrase_facts(double parse_quality, std::vector<core::Proposition>& out) const;
  void add_apposition(const ParsedLink& link, double base, std::vector<core::Proposition>& out) const;
  void add_title(const ParsedLink& link, double base, std::vector<core::Proposition>& out) const;
  void add_possessive(const ParsedLink& link, double base, std::vector<core::Proposition>& out) const;

  const core::Sentence& sentence_;
  LinkageView view_;
  const Lexicon& lexicon_;
  std::vector<Clause> clauses_;
  std::set<std::size_t> starts_seen_;     // verbs that start a clause already (add_clause)
  std::size_t according_word_ = npos;    // `according` of `according to X`
  std::size_t according_source_ = npos;  // the head of X
  std::pair<std::size_t, std::size_t> according_range_{npos, npos};  // X when a comma ends it
};

}  // namespace kg::extract::detail
