// The phrase of an argument: its extent around its head word (phrase_range), quotation marks kept
// balanced, its name or head noun (name_of), and the argument made of them (make_argument).

#include <algorithm>
#include <array>
#include <cctype>
#include <set>

#include "clause_builder.hpp"
#include "grammar.hpp"

namespace kg::extract::detail {

using core::one_of;

std::pair<std::size_t, std::size_t> ClauseBuilder::phrase_range(std::size_t head, const Clause* clause) const {
  std::size_t lo = head, hi = head;
  std::vector<std::size_t> stack{head};
  std::set<std::size_t> seen{head};
  while (!stack.empty()) {
    const std::size_t w = stack.back();
    stack.pop_back();
    const bool is_preposition = view_.has_link(w, "J", true) && !view_.has_link(w, "J", false);
    for (const auto& n : view_.neighbours(w)) {
      if (seen.count(n.word) || view_.word(n.word).wall) continue;
      if (clause && std::find(clause->chain.begin(), clause->chain.end(), n.word) != clause->chain.end()) continue;
      const auto type = link_type(n.label);
      bool follow = false;
      if (!n.to_right) {
        follow = one_of(type, kLeftNounPhraseLinks) || type.rfind("_", 0) == 0;
      } else {
        // A preposition the parser also attached to a verb (MV) belongs to the verb.
        // So does one the parser hung from a name in object position (`asked Biden for …`):
        // names rarely take prepositional modifiers other than `of`.
        const bool verb_owned = type == "M" && (view_.has_link(n.word, "MV", false) || name_modifier(w, n.word));
        // `Putin that Washington is …`, `according to …`: clauses and attributions are not part
        // of a noun phrase.
        const std::string target = view_.lower(n.word);
        if (target == "that" || target == "according" || target == "which" || target == "who")
          continue;
        // A participle inside the phrase keeps its own complements (`the city of melting pot`,
        // `a library housing thousands of books`); dates keep day and year (`April 13, 1987`).
        const char tag = w == head || view_.word(w).subscript.empty() ? '\0' : view_.word(w).subscript.front();
        const bool participle = tag == 'v' || tag == 'g';
        follow = (type == "M" && !verb_owned) || (type == "J" && is_preposition) || type.rfind("_", 0) == 0 ||
                 type == "YS" || type == "YP" || type == "GN" || type == "G" || type == "NM" ||
                 type == "TM" || type == "TY" || (type == "SJ" && is_conjunction(view_.word(w))) ||
                 (participle && (type == "O" || type == "MV" || type == "K" || type == "TO" || type == "I"));
      }
      if (!n.to_right && type == "SJ" && is_conjunction(view_.word(w))) follow = true;
      if (!follow) continue;
      seen.insert(n.word);
      stack.push_back(n.word);
      lo = std::min(lo, n.word);
      hi = std::max(hi, n.word);
    }
  }
  // Trim punctuation at the edges, but keep quotation marks that enclose words of the phrase
  // (`the "plan"`, `` `` Super Robot Wars '' games ``).
  auto dangling = [&](std::size_t w) {  // punctuation, or a conjunction left without its conjunct
    return !is_wordlike(view_.word(w)) || is_conjunction(view_.word(w)) ||
           one_of(view_.lower(w), std::array<std::string_view, 3>{"and", "or", "but"});
  };
  while (lo < hi && dangling(lo)) ++lo;
  while (hi > lo && dangling(hi) && view_.word(hi).text != ")") --hi;
  balance_quotes(lo, hi);
  return {lo, hi};
}

bool ClauseBuilder::in_quotation(std::size_t word) const {
  // Double marks only (a single one is as often an apostrophe: `plants '`). Straight marks
  // alternate; curly and Penn Treebank ones say which way they face.
  bool inside = false;
  for (std::size_t w = 0; w < word; ++w) {
    const auto& t = view_.word(w).text;
    if (t == "\u201C" || t == "``") inside = true;
    else if (t == "\u201D" || t == "''") inside = false;
    else if (t == "\"") inside = !inside;
  }
  return inside;
}

void ClauseBuilder::balance_quotes(std::size_t& lo, std::size_t& hi) const {
  // A phrase with one quotation mark of a pair takes the other from just outside it.
  int open = 0;
  for (std::size_t w = lo; w <= hi; ++w)
    if (is_quote(view_.word(w).text)) open ^= 1;
  if (!open) return;
  if (hi + 1 < view_.size() && is_quote(view_.word(hi + 1).text)) ++hi;
  else if (lo > 0 && is_quote(view_.word(lo - 1).text)) --lo;
}

std::string ClauseBuilder::name_of(std::size_t head, bool& proper) const {
  // A proper name is the head with its capitalised G/GN/idiom neighbours (`Vladimir -G- Putin`,
  // `United -_IEI- States`); a common noun keeps its noun-compound modifiers (`video call`).
  const auto& h = view_.word(head);
  std::size_t first_word = npos;
  for (std::size_t i = 0; i < view_.size(); ++i)
    if (is_wordlike(view_.word(i))) {
      first_word = i;
      break;
    }
  proper = is_capitalised(h) && (head != first_word || h.guessed || h.subscript == "l" ||
                                 h.subscript == "m" || h.subscript == "f" || h.subscript == "b" ||
                                 h.subscript == "s");
  // All-capital acronyms at the start (`NATO`) are names too.
  if (!proper && is_capitalised(h) && h.text.size() > 1 &&
      std::all_of(h.text.begin(), h.text.end(), [](unsigned char c) { return std::isupper(c) || !std::isalpha(c); }))
    proper = true;
  std::size_t lo = head, hi = head;
  bool grew = true;
  while (grew) {
    grew = false;
    for (std::size_t w : {lo, hi}) {
      for (const auto& n : view_.neighbours(w)) {
        const auto type = link_type(n.label);
        // Capitalised modifiers are part of a name (`White -A- House`, `Walloon -GN- Region`).
        // GN joins a title to a name (`spokesman -GN- Peskov`, `President -GN- Bush`): the title
        // is a fact about the person (see add_noun_phrase_facts), not part of the name.
        const bool name_link = type == "G" || type.rfind("_I", 0) == 0 ||
                               (proper && !n.to_right && (type == "A" || type == "AN"));
        const bool compound = !proper && (type == "AN") && !n.to_right;
        if (!(name_link || compound)) continue;
        if (proper && !is_capitalised(view_.word(n.word))) continue;
        if (n.word + 1 == lo) {
          lo = n.word;
          grew = true;
        } else if (n.word == hi + 1) {
          hi = n.word;
          grew = true;
        }
      }
    }
  }
  // Names are runs of capitalised words even where the parser linked a part oddly or not at
  // all (`the White House said` with `White` null-linked).
  if (proper) {
    while (lo > 0 && lo - 1 != first_word) {
      const auto& w = view_.word(lo - 1);
      if (w.wall || !is_wordlike(w) || !is_capitalised(w) || view_.lower(lo - 1) == "the") break;
      if (view_.has_link(lo - 1, "GN", true)) break;  // a title
      --lo;
    }
  }
  std::string text = text_of(lo, hi);
  if (!proper) {
    // Common nouns are written in lower case unless they are acronyms.
    bool acronym = h.text.size() > 1 && std::all_of(h.text.begin(), h.text.end(), [](unsigned char c) {
      return std::isupper(c) || !std::isalpha(c);
    });
    if (!acronym && !text.empty() && std::isupper(static_cast<unsigned char>(text.front())) && lo == first_word)
      text.front() = static_cast<char>(std::tolower(static_cast<unsigned char>(text.front())));
  }
  return text;
}

core::Argument ClauseBuilder::make_argument(std::size_t head, core::Role role, const Clause* clause) const {
  core::Argument a;
  a.role = role;
  const auto [lo, hi] = phrase_range(head, clause);
  a.text = text_of(lo, hi);
  a.span = span_of(lo, hi);
  bool proper = false;
  a.head = name_of(head, proper);
  a.proper = proper;
  return a;
}

}  // namespace kg::extract::detail
