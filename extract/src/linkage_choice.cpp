// Choosing among the parser's linkages of a sentence: its order is only a sample, so each linkage
// is judged by how plausible it looks (plausibility) and by how much of the sentence its
// propositions account for (extract_best).

#include <algorithm>
#include <array>

#include "grammar.hpp"
#include "kg/core/diagnostics.hpp"
#include "kg/extract/proposition_extractor.hpp"
#include "linkage_view.hpp"

namespace kg::extract {

using core::one_of;
using detail::has_letter;
using detail::is_capitalised;
using detail::is_wordlike;
using detail::link_subscript;
using detail::link_type;

namespace {

// Weight of coverage against plausibility, measured on CaRB dev (F1 47.2 without coverage;
// 48.3 at weight 8, 48.4 at 12, 48.7 at 50, and the same gain on each random half).
constexpr double kCoverageWeight = 10.0;

/// Adds to `score` the weighted share of the sentence's words inside a verbal proposition with two
/// arguments or more.
void add_coverage(double& score, const core::Sentence& sentence, const Linkage& linkage,
                  const std::vector<core::Proposition>& propositions) {
  std::size_t wordlike = 0, covered = 0;
  for (const auto& w : linkage.words) {
    if (!is_wordlike(w)) continue;
    ++wordlike;
    const std::size_t at = sentence.chars.begin + core::count_code_points(std::string_view(sentence.text).substr(0, w.byte_begin));
    bool inside = false;
    for (const auto& p : propositions) {
      if (p.arguments.size() < 2 || p.predicate.span.begin == p.predicate.span.end) continue;
      if (at >= p.predicate.span.begin && at < p.predicate.span.end) inside = true;
      for (const auto& a : p.arguments)  // content is covered by its own propositions
        if (a.role != core::Role::content && at >= a.span.begin && at < a.span.end) inside = true;
      if (inside) break;
    }
    covered += inside;
  }
  if (wordlike > 0) score += kCoverageWeight * static_cast<double>(covered) / static_cast<double>(wordlike);
}

/// Symptoms of a misparse in what a linkage yields: an argument that starts with a preposition or
/// a conjunction (`of negotiating`), a predicate without a word (CaRB dev: F1 +0.2).
void subtract_misparse_symptoms(double& score, const std::vector<core::Proposition>& propositions) {
  for (const auto& p : propositions) {
    if (p.predicate.span.begin == p.predicate.span.end) continue;  // implicit facts
    if (!has_letter(p.predicate.text)) score -= 1.0;
    for (const auto& a : p.arguments) {
      const std::string first = core::ascii_lower(a.text.substr(0, a.text.find(' ')));
      if (one_of(first, detail::kClausePrepositions) || first == "and" || first == "or" || first == ",") score -= 1.0;
    }
  }
}

}  // namespace

std::vector<core::Proposition> PropositionExtractor::extract_best(const core::Sentence& sentence,
                                                                  const std::vector<Linkage>& linkages) const {
  KG_ASSERT(!linkages.empty());
  std::vector<core::Proposition> best;
  double best_score = 0;
  for (std::size_t i = 0; i < linkages.size(); ++i) {
    auto propositions = extract(sentence, linkages[i]);
    double score = plausibility(linkages[i]);
    add_coverage(score, sentence, linkages[i], propositions);
    subtract_misparse_symptoms(score, propositions);
    if (i == 0 || score > best_score + 1e-9) {
      best_score = score;
      best = std::move(propositions);
    }
  }
  return best;
}


namespace {

/// Adds what the links of `linkage` say of its plausibility to `score` (in the order the links come).
void add_link_evidence(double& score, const Linkage& linkage, bool question, const Lexicon& lexicon) {
  for (const auto& link : linkage.links) {
    const auto type = link_type(link.label);
    if (!question && (type == "Q" || type == "SI") && !linkage.words[link.left].wall) {
      // Subject inversion outside questions is rare except after quotation verbs (`said Putin`).
      const auto& verb = linkage.words[link.left];
      if (!(verb.subscript.size() && verb.subscript.front() == 'q')) score -= 1.5;
    }
    if ((type == "S" || type == "SI") && (linkage.words[link.right].text == "'s" ||
                                          linkage.words[link.right].text == "\u2019s")) {
      // `'s` as `is` after a pronoun (`that's`), but after a noun it is nearly always possessive.
      const std::string subject = core::ascii_lower(linkage.words[link.left].text);
      if (!one_of(subject, detail::kContractingWords)) score -= 3.0;
    }
    if (type == "M" && link_subscript(link.label) == 'p' && link.left > 1 &&
        is_capitalised(linkage.words[link.left]) && core::ascii_lower(linkage.words[link.right].text) != "of") {
      // A name rarely takes a prepositional modifier (`asked Biden for the guarantee` is not about
      // a `Biden for the guarantee`); the preposition belongs to the verb.
      score -= 0.5;
    }
    if (type == "O" && (linkage.words[link.right].subscript.rfind('v', 0) == 0 ||
                        linkage.words[link.right].subscript.rfind('g', 0) == 0)) {
      // A gerund as the object of `be` (`is talking` read as `is [the act of] talking`) is far
      // rarer than the progressive.
      bool negative = false;
      const std::string verb = detail::auxiliary_of(linkage.words[link.left].text, negative);
      const auto& object = linkage.words[link.right].text;
      if (one_of(verb, detail::kBeForms) && object.size() > 4 && object.compare(object.size() - 3, 3, "ing") == 0)
        score -= 3.0;
    }
    if (type == "SJ" && !is_wordlike(linkage.words[link.left]) ) score -= 2.0;
    if (type == "SJ" && !is_wordlike(linkage.words[link.right])) score -= 2.0;
    if (type == "O" && linkage.words[link.right].subscript == "j-p") score -= 1.0;
    if (type == "W" && link_subscript(link.label) == 'a') score -= 2.0;  // a verbless fragment
    if (type == "I" && link.label.find('j') != std::string::npos && !linkage.words[link.left].wall &&
        lexicon.is_speech_verb(lexicon.verb_lemma(linkage.words[link.left].text)))
      score -= 3.0;  // `said [Clinton will] address`: reporting verbs take clauses, not `X do`
    if (type == "CP") {
      // A quotation verb (`…, the Kremlin added`) needs a comma or quote mark before its clause;
      // without one, CP from the wall is a misparse of an ordinary sentence.
      bool punctuated = false;
      for (std::size_t i = 1; i < link.right && i < linkage.words.size(); ++i) {
        const auto& t = linkage.words[i].text;
        if (t == "," || t == "\"" || t == "\u201D" || t == "''" || t == ":") punctuated = true;
      }
      score += punctuated ? 0.5 : -3.0;
    }
  }
}

/// Every finite verb should have a subject, and a finite `be` a complement: subtracts from `score`
/// for each that has not.
void subtract_incomplete_verbs(double& score, const Linkage& linkage) {
  const detail::LinkageView view(linkage);
  for (std::size_t i = 0; i < linkage.words.size(); ++i) {
    const auto& w = linkage.words[i];
    if (w.subscript.rfind("v-d", 0) == 0 || w.subscript.rfind("q-d", 0) == 0) {
      if (!view.has_link(i, "S", false) && !view.has_link(i, "SI", true) &&
          !view.has_link(i, "PP", false) && !view.has_link(i, "P", false) &&
          !view.has_link(i, "VJ", false) && !view.has_link(i, "M", false))
        score -= 1.0;
    }
    // A finite `be` needs a complement (`Washington is preparing …` read as `Washington is`, with
    // `preparing …` the subject of a later verb, is a classic misparse).
    bool negative = false;
    const std::string verb = detail::auxiliary_of(w.text, negative);
    if ((verb == "is" || verb == "are" || verb == "was" || verb == "were" || verb == "am") &&
        w.subscript.rfind('v', 0) == 0) {
      bool complement = false;
      for (const auto& n : view.neighbours(i)) {
        if (!n.to_right) continue;
        const auto t = link_type(n.label);
        if (t == "P" || t == "O" || t == "MV" || t == "I" || t == "TO" || t == "PF" || t == "VJ" || t == "B" ||
            t == "SI" || t == "QU" || t == "TH" || t == "CV" || t == "N")
          complement = true;
      }
      if (!complement && !view.has_link(i, "B", false) && !view.has_link(i, "PF", false)) score -= 2.0;
    }
  }
}

}  // namespace

double PropositionExtractor::plausibility(const Linkage& linkage) const {
  double score = -static_cast<double>(linkage.null_count) * 3.0 - linkage.disjunct_cost -
                 linkage.violations * 2.0;
  bool question = false;
  for (const auto& w : linkage.words)
    if (w.text == "?") question = true;
  add_link_evidence(score, linkage, question, *lexicon_);
  subtract_incomplete_verbs(score, linkage);
  return score;
}

}  // namespace kg::extract
