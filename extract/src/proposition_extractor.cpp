#include "kg/extract/proposition_extractor.hpp"

// The propositions of one linkage: ClauseBuilder's steps in order (clause_builder.hpp), the
// attribution of nested content, coordination split into one proposition per conjunct, and the
// confidence that ranks them. Choosing the linkage is linkage_choice.cpp's; where the parser
// should break the sentence, clause_break.cpp's.

#include <algorithm>
#include <map>

#include "clause_builder.hpp"
#include "grammar.hpp"

namespace kg::extract {

namespace detail {

/// One proposition per combination of conjuncts (`Biden and Putin held talks` -> two), at most
/// kMaxSplits of them; arguments that share a slot are alternatives.
std::vector<core::Proposition> split_coordination(const core::Proposition& p, const std::vector<int>& slots) {
  constexpr std::size_t kMaxSplits = 8;
  std::map<int, std::vector<std::size_t>> by_slot;
  for (std::size_t i = 0; i < slots.size() && i < p.arguments.size(); ++i) by_slot[slots[i]].push_back(i);
  std::vector<std::vector<std::size_t>> choices(1);  // argument indices kept by each split
  for (const auto& [slot, members] : by_slot) {
    (void)slot;
    std::vector<std::vector<std::size_t>> next;
    for (const auto& partial : choices)
      for (auto m : members) {
        if (next.size() == kMaxSplits) break;
        auto extended = partial;
        extended.push_back(m);
        next.push_back(std::move(extended));
      }
    choices.swap(next);
  }
  std::vector<core::Proposition> out;
  for (auto& keep : choices) {
    std::sort(keep.begin(), keep.end());
    core::Proposition q = p;
    q.arguments.clear();
    for (auto i : keep) q.arguments.push_back(p.arguments[i]);
    out.push_back(std::move(q));
  }
  return out;
}

core::Span ClauseBuilder::span_of(std::size_t first, std::size_t last) const {
  const auto& a = view_.word(first);
  const auto& b = view_.word(last);
  core::Span s;
  s.begin = sentence_.chars.begin + char_offset(a.byte_begin);
  s.end = sentence_.chars.begin + char_offset(b.byte_end);
  return s;
}

std::size_t ClauseBuilder::char_offset(std::size_t byte) const {
  return core::count_code_points(std::string_view(sentence_.text).substr(0, byte));
}

std::string ClauseBuilder::text_of(std::size_t first, std::size_t last) const {
  const auto& a = view_.word(first);
  const auto& b = view_.word(last);
  if (b.byte_end <= a.byte_begin) return a.text;
  return sentence_.text.substr(a.byte_begin, b.byte_end - a.byte_begin);
}

namespace {

/// Signals measured against CaRB dev precision (bench/results.md): longer predicates are more
/// often right (`has had to close` vs `is`), sentences yielding many propositions are harder,
/// propositions with almost no argument words say little, negation is often misplaced, and
/// prepositional arguments come from parses that attach them (AUC 29.7 -> 30.2, on both halves).
void rank_by_signals(std::vector<core::Proposition>& out) {
  for (auto& p : out) {
    std::size_t predicate_words = 1, argument_words = 0;
    for (char ch : p.predicate.text) predicate_words += ch == ' ';
    for (const auto& a : p.arguments)
      argument_words += 1 + static_cast<std::size_t>(std::count(a.text.begin(), a.text.end(), ' '));
    double c = p.confidence + 0.06 * static_cast<double>(std::min<std::size_t>(predicate_words, 4) - 1) -
               0.02 * static_cast<double>(std::min<std::size_t>(out.size(), 8) - 1);
    if (argument_words < 4) c -= 0.06;
    if (p.predicate.negated) c -= 0.1;
    for (const auto& a : p.arguments)
      if (!a.preposition.empty()) c += 0.03;
    p.confidence = std::clamp(c, 0.05, 0.99);
  }
}

}  // namespace

std::vector<core::Proposition> ClauseBuilder::run() {
  find_clauses();
  attach_complements();
  attach_quotations();
  find_according_to();
  // Order clauses by the position of their main verb so output follows the sentence.
  std::vector<std::size_t> order(clauses_.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return clauses_[a].main < clauses_[b].main; });
  const double parse_quality = 1.0 / (1.0 + 0.5 * static_cast<double>(view_.linkage().null_count) +
                                      0.1 * std::max(0.0, view_.linkage().disjunct_cost));
  std::vector<core::Proposition> out;
  std::vector<int> out_index(clauses_.size(), -1);  // clause -> position in `out`, -1 if dropped
  std::vector<std::size_t> produced_by;               // position in `out` -> clause
  for (auto ci : order) {
    const auto& clause = clauses_[ci];
    std::vector<int> slots;
    core::Proposition p = make_proposition(clause, slots);
    if (p.arguments.empty()) continue;
    attribute(clause, p);
    if (p.conditional || !p.predicate.modality.empty()) p.asserted = false;
    p.confidence = clause_confidence(clause, p, parse_quality);
    out_index[ci] = static_cast<int>(out.size());
    for (auto& split : split_coordination(p, slots)) {
      produced_by.push_back(ci);
      out.push_back(std::move(split));
    }
  }
  for (std::size_t i = 0; i < out.size(); ++i) {
    const int parent = clauses_[produced_by[i]].parent;
    out[i].content_of = parent >= 0 ? out_index[static_cast<std::size_t>(parent)] : -1;
  }
  add_noun_phrase_facts(parse_quality, out);
  rank_by_signals(out);
  return out;
}

void ClauseBuilder::attribute(const Clause& clause, core::Proposition& p) const {
  if (clause.parent >= 0) {
    const auto& parent = clauses_[static_cast<std::size_t>(clause.parent)];
    p.asserted = false;
    // Reported content is attributed to the reporting clause's subject.
    const std::string parent_lemma = lexicon_.verb_lemma(view_.word(parent.main).text);
    if (lexicon_.is_speech_verb(parent_lemma) && !parent.subjects.empty()) {
      const auto s = parent.subjects.front();
      if (!view_.word(s).wall) {
        const auto [lo, hi] = phrase_range(s);
        p.attribution.source = text_of(lo, hi);
        p.attribution.source_span = span_of(lo, hi);
        p.attribution.source_head = name_of(s, p.attribution.source_proper);
        p.attribution.cue = view_.word(parent.main).text;
        p.attribution.cue_span = span_of(parent.main, parent.main);
      }
    }
  }
  if (clause.parent < 0 && p.attribution.source.empty() && according_source_ != npos) {
    // `according to the White House, Biden reiterated …`
    const auto [lo, hi] = according_range_.first != npos ? according_range_ : phrase_range(according_source_);
    p.attribution.source = text_of(lo, hi);
    p.attribution.source_span = span_of(lo, hi);
    p.attribution.source_head = name_of(according_source_, p.attribution.source_proper);
    p.attribution.cue = "according to";
    p.attribution.cue_span = span_of(according_word_, according_word_ + 1);
    p.asserted = false;
  }
}

double ClauseBuilder::clause_confidence(const Clause& clause, const core::Proposition& p, double parse_quality) const {
  // Parse quality, lower for nested content, few arguments and very long arguments.
  double c = 0.55 + 0.35 * parse_quality;
  if (clause.parent >= 0) c -= 0.1;
  if (clause.reduced_relative) c -= 0.1;
  if (p.arguments.size() < 2) c -= 0.15;
  for (const auto& a : p.arguments)
    if (a.text.size() > 80) c -= 0.05;
  return std::clamp(c, 0.05, 0.99);
}

}  // namespace detail

std::vector<core::Proposition> PropositionExtractor::extract(const core::Sentence& sentence,
                                                             const Linkage& linkage) const {
  detail::ClauseBuilder builder(sentence, linkage, *lexicon_);
  return builder.run();
}

}  // namespace kg::extract
