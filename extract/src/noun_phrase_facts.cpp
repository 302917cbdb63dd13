// What noun phrases state without a verb: appositions (`Maria Zakharova, the spokeswoman`), titles
// before names (`Kremlin spokesman Dmitry Peskov`) and possessives (`Ukraine's sovereignty`), as
// implicit `be`/`have` propositions with no words of their own.

#include "clause_builder.hpp"
#include "grammar.hpp"

namespace kg::extract::detail {

core::Proposition ClauseBuilder::implicit(std::size_t subject, std::string_view relation, std::string_view lemma,
                                          std::size_t object, double confidence) const {
  core::Proposition p;
  p.predicate.text = std::string(relation);
  p.predicate.lemma = std::string(lemma);
  p.predicate.span = span_of(object, object);
  p.predicate.span.end = p.predicate.span.begin;  // implicit: no words of its own
  p.arguments.push_back(make_argument(subject, core::Role::agent));
  p.arguments.push_back(make_argument(object, core::Role::theme));
  p.confidence = confidence;
  return p;
}

void ClauseBuilder::add_noun_phrase_facts(double parse_quality, std::vector<core::Proposition>& out) const {
  // Facts that noun phrases state without a verb. They rank below verbal ones: they are
  // right less often and a reader can see they were inferred.
  const double base = 0.35 + 0.25 * parse_quality;
  for (const auto& link : view_.linkage().links) {
    const auto type = link_type(link.label);
    if (type == "MX") {
      add_apposition(link, base, out);
    } else if (type == "GN" && is_capitalised(view_.word(link.right)) &&
               lexicon_.is_person_noun(view_.word(link.left).text)) {
      add_title(link, base, out);
    } else if (type == "YS" || type == "YP") {
      add_possessive(link, base, out);
    }
  }
}

void ClauseBuilder::add_apposition(const ParsedLink& link, double base, std::vector<core::Proposition>& out) const {
  // Apposition: `Maria Zakharova, the spokeswoman, …` -> (Maria Zakharova; is; the spokeswoman).
  const std::string lower = view_.lower(link.right);
  if (lower == "who" || lower == "which" || lower == "that" || lower == "whose") return;
  if (view_.has_link(link.right, "J", true)) return;  // `, from Kyiv,`: not a noun
  const auto& tag = view_.word(link.right).subscript;
  if (!tag.empty() && (tag.front() == 'v' || tag.front() == 'g' || tag.front() == 'q' || tag.front() == 'a' ||
                       tag.front() == 'e'))
    return;  // a participle, adjective or adverb (`, dubbed …`, `, carefully measured`)
  if (!has_letter(view_.word(link.left).text) || !has_letter(view_.word(link.right).text))
    return;  // numbers in a list (`held in 862, 996 and 1048`)
  // A bare name beside a bare name is a list (`Science, Math, and Technology`) or a place
  // (`Salt Lake City, Utah`), not an apposition: one side must be a description (a common
  // noun, a phrase with a determiner or possessor, or a person's role).
  auto description = [&](std::size_t w) {
    return !is_capitalised(view_.word(w)) || view_.has_link(w, "D", false) || view_.has_link(w, "DD", false) ||
           lexicon_.is_person_noun(view_.word(w).text);
  };
  if (!description(link.left) && !description(link.right)) return;
  for (auto head : expand_coordination(link.left, "SJ")) out.push_back(implicit(head, "is", "be", link.right, base));
}

void ClauseBuilder::add_title(const ParsedLink& link, double base, std::vector<core::Proposition>& out) const {
  // Only a person's role is a title (`spokesman`, `President`), not `Flemish -GN- Region`.
  // Title before a name: `Kremlin spokesman Dmitry Peskov` -> (Dmitry Peskov; is; Kremlin
  // spokesman). The title keeps its own modifiers but not the name it precedes.
  std::size_t lo = link.left;
  for (const auto& n : view_.neighbours(link.left))
    if (!n.to_right) {
      const auto t = link_type(n.label);
      if ((t == "AN" || t == "A" || t == "G") && n.word < lo) lo = n.word;
    }
  for (std::size_t w = lo; w < link.left; ++w)
    for (const auto& n : view_.neighbours(w))
      if (!n.to_right && link_type(n.label) == "G" && n.word < lo) lo = n.word;
  core::Proposition p = implicit(link.right, "is", "be", link.left, base);
  auto& title = p.arguments.back();
  title.text = text_of(lo, link.left);
  title.span = span_of(lo, link.left);
  title.head = title.text;
  title.proper = false;
  auto& person = p.arguments.front();
  person.text = person.head;  // the name alone, without the title it is said to hold
  out.push_back(std::move(p));
}

void ClauseBuilder::add_possessive(const ParsedLink& link, double base, std::vector<core::Proposition>& out) const {
  // Possessive: `Ukraine's sovereignty` -> (Ukraine; has; sovereignty).
  const std::size_t owned = view_.first_linked(link.right, "D", true);
  if (owned == npos || view_.word(owned).wall) return;
  // The possessor without its `'s`, the possession without its possessor.
  core::Proposition p = implicit(link.left, "has", "have", owned, base - 0.1);
  const std::size_t lo = phrase_range(link.left).first;
  const std::size_t hi = phrase_range(owned).second;
  if (lo >= link.right || link.right >= hi) return;
  p.arguments.front().text = text_of(lo, link.right - 1);
  p.arguments.front().span = span_of(lo, link.right - 1);
  p.arguments.back().text = text_of(link.right + 1, hi);
  p.arguments.back().span = span_of(link.right + 1, hi);
  out.push_back(std::move(p));
}

}  // namespace kg::extract::detail
