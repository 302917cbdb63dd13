#include "kg/extract/proposition_extractor.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <set>

#include "kg/core/diagnostics.hpp"
#include "kg/core/text.hpp"
#include "linkage_view.hpp"

namespace kg::extract {

using core::one_of;

namespace {

using detail::link_subscript;
using detail::link_type;
using detail::LinkageView;
constexpr std::size_t npos = LinkageView::npos;
constexpr std::size_t kMaxClauses = 64;  // a bound on work per sentence, far above real sentences

constexpr std::array<std::string_view, 9> kModals = {"would", "may",   "might", "could", "can",
                                                     "should", "must", "shall", "will"};
constexpr std::array<std::string_view, 8> kBeForms = {"be", "is", "am", "are", "was", "were", "been", "being"};
constexpr std::array<std::string_view, 22> kPrepositions = {
    "of", "in", "on", "for", "by", "with", "about", "after", "before", "without", "from",
    "to", "at", "through", "over", "into", "upon", "against", "despite", "since", "while", "via"};
constexpr std::array<std::string_view, 4> kNegations = {"not", "n't", "never", "no"};
// Link types that build a noun phrase leftwards of its head (determiners, adjectives, noun
// compounds, name parts, possessives, numbers).
constexpr std::array<std::string_view, 19> kLeftNp = {"D", "DD", "DG", "DT", "A", "AN", "G", "GN",
                                                      "EA", "L", "NN", "ND", "NA", "NI", "YS",
                                                      "YP", "H", "AA", "AM"};
// Time words that make a prepositional or bare noun argument a `time` role.
constexpr std::array<std::string_view, 31> kTimeWords = {
    "monday", "tuesday", "wednesday", "thursday", "friday",  "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "today", "yesterday", "tomorrow", "week", "month", "year", "day",
    "morning", "evening", "night", "weekend", "afternoon"};

bool is_wordlike(const ParsedWord& w) {
  if (w.wall || w.text.empty()) return false;
  for (unsigned char c : w.text)
    if (std::isalnum(c) || c >= 0x80) return true;
  return false;
}

/// A negative contraction's auxiliary (`won't` -> `will`, `isn't` -> `is`, `can't`/`cannot` ->
/// `can`), in lower case; other words are returned lower-cased and `negative` is false.
std::string auxiliary_of(std::string_view word, bool& negative) {
  std::string lower = core::ascii_lower(word);
  negative = false;
  for (std::string_view suffix : {"n't", "n\u2019t"}) {
    if (lower.size() > suffix.size() && lower.compare(lower.size() - suffix.size(), suffix.size(), suffix) == 0) {
      lower.resize(lower.size() - suffix.size());
      while (!lower.empty() && lower.back() == ' ') lower.pop_back();  // `wo n't` as tokenised
      negative = true;
      break;
    }
  }
  if (!negative && lower == "cannot") {
    negative = true;
    return "can";
  }
  if (!negative) return lower;
  if (lower == "wo") return "will";
  if (lower == "ca") return "can";
  if (lower == "sha") return "shall";
  return lower;
}

bool is_quote(std::string_view t) {
  return t == "\"" || t == "``" || t == "''" || t == "\u201C" || t == "\u201D" || t == "`" || t == "'";
}

bool has_letter(std::string_view text) {
  for (unsigned char c : text)
    if (std::isalpha(c) || c >= 0x80) return true;
  return false;
}

bool is_capitalised(const ParsedWord& w) {
  return !w.text.empty() && std::isupper(static_cast<unsigned char>(w.text.front()));
}

bool is_conjunction(const ParsedWord& w) {
  // `,.j` is a comma acting as a conjunction (`was readmitted …, became …`).
  if (w.subscript == "j") return true;
  return w.subscript.rfind("j-", 0) == 0 && w.subscript != "j-p" && w.subscript != "j-c";
}

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

class Builder {
 public:
  Builder(const core::Sentence& sentence, const Linkage& linkage, const Lexicon& lexicon)
      : sentence_(sentence), view_(linkage), lexicon_(lexicon) {}

  std::vector<core::Proposition> run();

 private:
  // --- words and spans ---------------------------------------------------------------------
  core::Span span_of(std::size_t first, std::size_t last) const {
    const auto& a = view_.word(first);
    const auto& b = view_.word(last);
    core::Span s;
    s.begin = sentence_.chars.begin + char_offset(a.byte_begin);
    s.end = sentence_.chars.begin + char_offset(b.byte_end);
    return s;
  }
  std::size_t char_offset(std::size_t byte) const {
    return core::count_code_points(std::string_view(sentence_.text).substr(0, byte));
  }
  std::string text_of(std::size_t first, std::size_t last) const {
    const auto& a = view_.word(first);
    const auto& b = view_.word(last);
    if (b.byte_end <= a.byte_begin) return a.text;
    return sentence_.text.substr(a.byte_begin, b.byte_end - a.byte_begin);
  }

  // --- structure -----------------------------------------------------------------------------
  std::vector<std::size_t> expand_coordination(std::size_t w, std::string_view type) const;
  std::vector<std::size_t> build_chain(std::size_t start, bool& passive) const;
  void find_clauses();
  void attach_complements();
  void attach_quotations();
  void find_according_to();
  int clause_of_verb(std::size_t w) const;
  int owning_clause(std::size_t word, int except) const;
  std::size_t resolve_relative(std::size_t subject) const;
  bool finite_form(std::size_t verb) const;
  bool name_modifier(std::size_t noun, std::size_t prep) const;
  std::size_t preposition_object(std::size_t prep) const;

  // --- phrases -------------------------------------------------------------------------------
  /// The words of the phrase headed by `head`; never the verbs of `clause` (a participle that
  /// modifies the noun, `a library housing books`, belongs to its own clause).
  std::pair<std::size_t, std::size_t> phrase_range(std::size_t head, const Clause* clause = nullptr) const;
  core::Argument make_argument(std::size_t head, core::Role role, const Clause* clause = nullptr) const;
  std::string name_of(std::size_t head, bool& proper) const;

  // --- propositions --------------------------------------------------------------------------
  /// The clause's proposition; `slots[i]` groups arguments that are conjuncts of one slot
  /// (`Biden and Putin`), which split_coordination turns into separate propositions.
  core::Proposition make_proposition(const Clause& clause, std::vector<int>& slots) const;
  void add_arguments(const Clause& clause, core::Proposition& p, std::vector<int>& slots) const;
  bool negated(const Clause& clause) const;
  /// Whether word `word` stands between quotation marks.
  bool in_quotation(std::size_t word) const;
  std::string preposition_text(std::size_t prep) const;
  void balance_quotes(std::size_t& lo, std::size_t& hi) const;
  std::string predicate_text(const Clause& clause, std::size_t& lo, std::size_t& hi) const;
  void add_content(int self, core::Proposition& p, std::vector<int>& slots) const;
  bool opens_condition(std::size_t word) const;
  core::Proposition implicit(std::size_t subject, std::string_view relation, std::string_view lemma,
                             std::size_t object, double confidence) const;
  void add_noun_phrase_facts(double parse_quality, std::vector<core::Proposition>& out) const;

  const core::Sentence& sentence_;
  LinkageView view_;
  const Lexicon& lexicon_;
  std::vector<Clause> clauses_;
  std::size_t according_word_ = npos;    // `according` of `according to X`
  std::size_t according_source_ = npos;  // the head of X
  std::pair<std::size_t, std::size_t> according_range_{npos, npos};  // X when a comma ends it
};

std::vector<std::size_t> Builder::expand_coordination(std::size_t w, std::string_view prefix) const {
  // `and.j-n` / `and.j-v` joins conjuncts with SJl/SJr (nouns) or VJl/VJr (verbs); conjunctions
  // nest (`A, B and C or D`), and links are undirected, so walk with a visited set.
  std::vector<std::size_t> out;
  std::set<std::size_t> seen{w};
  std::vector<std::size_t> stack{w};
  while (!stack.empty()) {
    const std::size_t current = stack.back();
    stack.pop_back();
    std::vector<std::size_t> parts;
    // `and.v-fill` also joins verbs after an auxiliary (`was vaulted and retains`).
    if (is_conjunction(view_.word(current)) || view_.word(current).subscript == "v-fill")
      for (const auto& n : view_.neighbours(current))
        if (link_type(n.label) == prefix && seen.insert(n.word).second) parts.push_back(n.word);
    if (parts.empty()) {
      out.push_back(current);
      continue;
    }
    // Depth-first in sentence order: push right-most first.
    std::sort(parts.rbegin(), parts.rend());
    for (auto p : parts) stack.push_back(p);
  }
  return out;
}

std::vector<std::size_t> Builder::build_chain(std::size_t start, bool& passive) const {
  std::vector<std::size_t> chain{start};
  passive = false;
  std::size_t current = start;
  for (int guard = 0; guard < 8; ++guard) {
    std::size_t next = npos;
    for (const auto& n : view_.neighbours(current)) {
      if (!n.to_right) continue;
      const auto type = link_type(n.label);
      const char sub = link_subscript(n.label);
      if (type == "I" && view_.lower(current) != "to") {
        next = n.word;
      } else if (type == "PP") {
        next = n.word;
      } else if (type == "P" && (sub == 'g' || sub == 'v')) {
        next = n.word;
        passive = sub == 'v';
      }
      if (next != npos) break;
    }
    if (next == npos) break;
    chain.push_back(next);
    current = next;
  }
  return chain;
}

int Builder::clause_of_verb(std::size_t w) const {
  for (std::size_t c = 0; c < clauses_.size(); ++c)
    if (std::find(clauses_[c].chain.begin(), clauses_[c].chain.end(), w) != clauses_[c].chain.end())
      return static_cast<int>(c);
  return -1;
}

int Builder::owning_clause(std::size_t word, int except) const {
  // Climb leftwards through whatever links a word hangs from (`that` <- guarantee <- for <- asked)
  // to the nearest verb of a clause other than `except`.
  std::vector<std::size_t> frontier{word};
  std::set<std::size_t> seen{word};
  for (int depth = 0; depth < 6 && !frontier.empty(); ++depth) {
    std::vector<std::size_t> next;
    for (auto w : frontier)
      for (const auto& n : view_.neighbours(w)) {
        if (n.to_right || view_.word(n.word).wall || !seen.insert(n.word).second) continue;
        const int c = clause_of_verb(n.word);
        if (c >= 0 && c != except) return c;
        next.push_back(n.word);
      }
    frontier.swap(next);
  }
  return -1;
}

bool Builder::name_modifier(std::size_t noun, std::size_t prep) const {
  // A prepositional phrase (not `of`) hung from a proper name in object position.
  if (view_.lower(prep) == "of" || !view_.has_link(prep, "J", true)) return false;
  if (!is_capitalised(view_.word(noun)) || noun <= 1) return false;
  return view_.has_link(noun, "O", false);
}

bool Builder::finite_form(std::size_t verb) const {
  // Participles and bare infinitives follow an auxiliary; `retains`, `said` (past tense is
  // ambiguous and read as a participle after an auxiliary, which is what a conjunct there is).
  const std::string lower = view_.lower(verb);
  if (lower.size() > 3 && (lower.compare(lower.size() - 3, 3, "ing") == 0)) return false;
  if (lower.size() > 2 && (lower.compare(lower.size() - 2, 2, "ed") == 0 || lower.compare(lower.size() - 2, 2, "en") == 0))
    return false;
  const std::string lemma = lexicon_.verb_lemma(lower);
  if (lemma == lower) return false;                                // bare form
  return lower.back() == 's';                                      // third person singular
}

std::size_t Builder::preposition_object(std::size_t prep) const {
  // `in -J- China`, `for -TI- Speaker`, `on -ON- May`, `in -IN- 1994`.
  for (std::string_view type : {"J", "TI", "ON", "IN"}) {
    const auto object = view_.first_linked(prep, type, true);
    if (object != npos) return object;
  }
  return npos;
}

std::size_t Builder::resolve_relative(std::size_t subject) const {
  // `the country that invaded`: noun -R- that -RS- invaded; the subject is the noun.
  const auto& w = view_.word(subject);
  const std::string lower = core::ascii_lower(w.text);
  if (lower == "who" || lower == "which" || lower == "that") {
    const auto noun = view_.first_linked(subject, "R", false);
    if (noun != npos) return noun;
  }
  // A non-restrictive relative the parser read as a new clause after the comma (`… John Buchan,
  // who described it …`): the antecedent is the noun just before the comma.
  if ((lower == "who" || lower == "which") && subject >= 2 && view_.word(subject - 1).text == ",") {
    const auto& before = view_.word(subject - 2);
    const char tag = before.subscript.empty() ? '\0' : before.subscript.front();
    if (is_wordlike(before) && tag != 'v' && tag != 'q' && tag != 'a' && tag != 'e') {
      // The whole noun phrase ends there: climb out of its prepositional modifiers (`a short feud
      // with the evil Jillian Hall, which led to …`).
      std::size_t noun = subject - 2;
      for (int step = 0; step < 3; ++step) {
        const auto prep = view_.first_linked(noun, "J", false);
        const auto owner = prep == npos ? npos : view_.first_linked(prep, "M", false);
        if (owner == npos || view_.word(owner).wall) break;
        noun = owner;
      }
      return noun;
    }
  }
  return subject;
}

void Builder::find_clauses() {
  std::set<std::size_t> starts_seen;
  auto add_clause = [&](std::size_t verb_start, std::vector<std::size_t> subjects) {
    for (auto start : expand_coordination(verb_start, "VJ")) {
      if (!starts_seen.insert(start).second) continue;
      Clause c;
      c.chain = build_chain(start, c.passive);
      c.main = c.chain.back();
      c.subjects = subjects;
      // `:` read as a clause by a poor parse (a comma may be a conjunction, expanded below).
      if (!is_wordlike(view_.word(c.main)) && !is_conjunction(view_.word(c.main))) continue;
      if (!is_conjunction(view_.word(c.main)) && view_.word(c.main).subscript != "v-fill") {
        clauses_.push_back(std::move(c));
        continue;
      }
      // Coordinated verbs after an auxiliary (`was never vaulted and retains …`, `will lift and
      // restore …`): one clause per conjunct; a participle or infinitive keeps the auxiliaries,
      // a finite verb stands alone.
      std::vector<std::size_t> prefix(c.chain.begin(), c.chain.end() - 1);
      for (auto conjunct : expand_coordination(c.main, "VJ")) {
        if (conjunct == c.main || clause_of_verb(conjunct) >= 0 || clauses_.size() >= kMaxClauses) continue;
        Clause part;
        part.chain = build_chain(conjunct, part.passive);
        if (!finite_form(conjunct)) {
          // After a form of `be`, a participle that is not in -ing is passive (`was arrested and
          // charged`).
          const std::string verb = view_.lower(conjunct);
          const bool after_be = !prefix.empty() && one_of(view_.lower(prefix.back()), kBeForms);
          const bool progressive = verb.size() > 4 && verb.compare(verb.size() - 3, 3, "ing") == 0;
          part.chain.insert(part.chain.begin(), prefix.begin(), prefix.end());
          part.passive = part.passive || c.passive || (after_be && !progressive);
        }
        part.main = part.chain.back();
        part.subjects = subjects;
        part.coordinator = c.main;
        clauses_.push_back(std::move(part));
      }
    }
  };
  for (const auto& link : view_.linkage().links) {
    const auto type = link_type(link.label);
    if (type == "S" || type == "SF" || type == "RS") {
      std::size_t subj = link.left;
      std::size_t verb = link.right;
      if (type == "RS") {
        subj = view_.first_linked(link.left, "R", false);
        if (subj == npos) continue;
      }
      if (view_.word(verb).wall) continue;
      const std::size_t antecedent = resolve_relative(subj);
      const std::size_t before = clauses_.size();
      add_clause(verb, expand_coordination(antecedent, "SJ"));
      for (std::size_t c = before; c < clauses_.size(); ++c) clauses_[c].relative = type == "RS" || antecedent != subj;
    } else if (type == "SI" || type == "SFI") {
      if (view_.word(link.left).wall) continue;
      add_clause(link.left, expand_coordination(link.right, "SJ"));
    }
  }
  // Participles modifying a noun are reduced relative clauses: `forces surrounding Ukraine`
  // (Mg: the noun is the agent), `sanctions imposed by the US` (Mv: the noun is the theme).
  // A participle set off by commas (`The first part, consisting of …, was priced`) is linked by
  // MX; -ing forms are active, others passive.
  for (const auto& link : view_.linkage().links) {
    const auto ltype = link_type(link.label);
    char sub = link_subscript(link.label);
    if (ltype == "MX") {
      const auto& participle = view_.word(link.right);
      if (participle.subscript.rfind('v', 0) != 0 && participle.subscript.rfind('g', 0) != 0) continue;
      const std::string lower = core::ascii_lower(participle.text);
      sub = lower.size() > 4 && lower.compare(lower.size() - 3, 3, "ing") == 0 ? 'g' : 'v';
    } else if (ltype != "M") {
      continue;
    }
    if ((sub != 'g' && sub != 'v') || view_.word(link.left).wall) continue;
    if (clause_of_verb(link.right) >= 0 || clauses_.size() >= kMaxClauses) continue;
    std::vector<std::size_t> subjects{link.left};
    if (one_of(view_.lower(link.left), kPrepositions) || view_.has_link(link.left, "M", false) ||
        view_.has_link(link.left, "MV", false)) {
      // A gerund after a preposition (`by putting together a petition`, `the idea of running
      // workshops`): its subject is the clause's when the preposition hangs from a verb, and
      // unknown (no clause) when it hangs from a noun.
      int owner = -1;
      for (const auto& n : view_.neighbours(link.left))
        if (!n.to_right && (link_type(n.label) == "MV" || link_type(n.label) == "OF")) owner = clause_of_verb(n.word);
      if (owner < 0) continue;
      subjects = clauses_[static_cast<std::size_t>(owner)].subjects;
    }
    const std::size_t before = clauses_.size();
    add_clause(link.right, subjects);
    for (std::size_t c = before; c < clauses_.size(); ++c) {
      if (sub == 'v') clauses_[c].passive = true;
      clauses_[c].reduced_relative = true;
    }
  }
  // Participle adjuncts share the clause's subject (`He left the room, saying …`: MVg).
  for (std::size_t c = 0; c < clauses_.size() && clauses_.size() < kMaxClauses; ++c)
    for (const auto& n : view_.neighbours(clauses_[c].main)) {
      if (!n.to_right || link_type(n.label) != "MV" || link_subscript(n.label) != 'g') continue;
      if (clause_of_verb(n.word) >= 0 || clauses_[c].subjects.empty()) continue;
      const std::size_t before = clauses_.size();
      add_clause(n.word, clauses_[c].subjects);
      for (std::size_t added = before; added < clauses_.size(); ++added) clauses_[added].reduced_relative = true;
    }
  // Infinitival complements: `urged everyone -IV- keep`, `offered Biden -MVi- to -I- lift`,
  // `urged -TO- to -I- keep`. Their subject is the parent's object when it has one.
  std::set<std::size_t> infinitives_seen;
  for (std::size_t c = 0; c < clauses_.size(); ++c) {
    const std::size_t main = clauses_[c].main;
    // The infinitive hangs from the verb or from its predicate adjective (`were able to …`).
    std::vector<std::size_t> hosts{main};
    for (const auto& n : view_.neighbours(main))
      if (n.to_right && link_type(n.label) == "P" && link_subscript(n.label) == 'a') hosts.push_back(n.word);
    std::vector<std::pair<std::size_t, std::size_t>> infinitives;  // (host, infinitive)
    for (auto host : hosts)
      for (const auto& n : view_.neighbours(host)) {
        if (!n.to_right) continue;
        const auto type = link_type(n.label);
        if (type == "IV") {
          infinitives.emplace_back(host, n.word);
        } else if (type == "TO" || (type == "MV" && link_subscript(n.label) == 'i')) {
          const auto inf = view_.first_linked(n.word, "I", true);
          if (inf != npos) infinitives.emplace_back(host, inf);
        }
      }
    for (auto [host, inf] : infinitives) {
      // Each infinitive once: a coordinated one (`to lift and restore`) is a conjunction word
      // that no chain contains, so checking chains alone would add it again on every pass.
      if (!infinitives_seen.insert(inf).second || clause_of_verb(inf) >= 0) continue;
      for (auto start : expand_coordination(inf, "VJ")) {
        if (clause_of_verb(start) >= 0 || clauses_.size() >= kMaxClauses) continue;
        Clause sub;
        sub.chain = build_chain(start, sub.passive);
        sub.main = sub.chain.back();
        sub.parent = static_cast<int>(c);
        const auto object = view_.first_linked(main, "O", true);
        if (object != npos && !is_conjunction(view_.word(object)) &&
            view_.word(object).subscript != "j-p") {
          sub.subjects = {object};
        } else {
          sub.subjects = clauses_[c].subjects;
          sub.catenative_host = host;  // `tries to woo`, `were able to reinforce`
        }
        clauses_.push_back(std::move(sub));
      }
    }
  }
}

void Builder::attach_complements() {
  // `said -TH- that -CV- voiced`, `said -CV- respond`, `asked -Osn- that -CV- …`: the clause
  // holding the CV target becomes content of the clause whose verb (or complementiser) links it.
  for (const auto& link : view_.linkage().links) {
    if (link_type(link.label) != "CV") continue;
    int child = clause_of_verb(link.right);
    if (child < 0) continue;
    // CV may reach the innermost verb of the complement (`said … is n't likely to meet … to
    // respond`): the content is the outermost clause of that infinitive chain.
    for (int guard = 0; guard < 8 && clauses_[static_cast<std::size_t>(child)].parent >= 0 &&
                        clauses_[static_cast<std::size_t>(child)].catenative_host != npos;
         ++guard)
      child = clauses_[static_cast<std::size_t>(child)].parent;
    if (clauses_[static_cast<std::size_t>(child)].parent >= 0) continue;
    int parent = clause_of_verb(link.left);
    if (parent < 0) {
      // A complementiser: climb leftwards (`asked … for the guarantee that …`: that <- guarantee
      // <- for <- asked) to the nearest verb of another clause.
      const std::string comp = view_.lower(link.left);
      // Adverbial clauses (`when …`, `because …`, `after …`) are circumstances, not content.
      static constexpr std::array<std::string_view, 12> kAdverbial = {
          "when", "because", "while", "after", "before", "although", "though", "since", "until", "as",
          "where", "once"};
      if (one_of(comp, kAdverbial)) continue;
      parent = owning_clause(link.left, child);
      if (comp == "if" || comp == "unless") clauses_[static_cast<std::size_t>(child)].hypothetical = true;
    }
    if (parent >= 0 && parent != child) clauses_[static_cast<std::size_t>(child)].parent = parent;
  }
}

void Builder::attach_quotations() {
  // `"We will respond," Biden said.` / `…, the Kremlin added.`: a quotation verb (subscript q)
  // with a CP link reports every other top-level clause of the sentence.
  for (std::size_t c = 0; c < clauses_.size(); ++c) {
    const auto& clause = clauses_[c];
    const auto& first = view_.word(clause.chain.front());
    const bool quotation_verb = !first.subscript.empty() && first.subscript.front() == 'q';
    const bool has_cp = view_.has_link(clause.chain.front(), "CP", false);  // CP, CPx, CPa …
    if (!lexicon_.is_speech_verb(lexicon_.verb_lemma(view_.word(clause.main).text))) continue;
    // A reporting clause after the last comma with nothing reported of its own (`…, the Kremlin
    // added.`, parsed apart from its content: see reporting_clause_break).
    bool trailing = false;
    if (!quotation_verb && !has_cp && clause.parent < 0 && !clause.subjects.empty()) {
      const std::size_t start = std::min(clause.subjects.front(), clause.chain.front());
      bool comma_before = false, later_clause = false;
      for (std::size_t w = start; w-- > 0;) {
        if (view_.word(w).text == ",") comma_before = true;
        if (is_wordlike(view_.word(w)) || comma_before) break;
      }
      for (std::size_t w = start; w > 0 && !comma_before; --w)
        if (view_.word(w - 1).text == ",") comma_before = true;
      // `Trump said, "…"`: the reporting clause comes first, right before a comma.
      std::size_t after = clause.main + 1;
      while (after < view_.size() && (view_.has_link(after, "MV", false) || view_.has_link(after, "E", false)) &&
             is_wordlike(view_.word(after)) && after < clause.main + 3)
        ++after;
      // (only at a clause break the parser did not bridge: see reporting_clause_break).
      const bool comma_after = after < view_.size() && view_.word(after).text == "," && view_.word(after).null_linked;
      for (const auto& other : clauses_)
        if (other.main > clause.main) later_clause = true;
      const bool reports_nothing = !view_.has_link(clause.main, "O", true) && !view_.has_link(clause.main, "TH", true) &&
                                   !view_.has_link(clause.main, "CV", true) && !view_.has_link(clause.main, "Ce", true);
      trailing = reports_nothing && ((comma_before && !later_clause) || comma_after);
    }
    if (!quotation_verb && !has_cp && !trailing) continue;
    // With a quotation (quotation marks around a verb), what is reported is what they enclose
    // (`"…," Melanie said to the nominee, who began …`); without, every other top-level clause but
    // those hanging from the reporting clause itself: its relatives and participles (`… he said,
    // looking out on the crowd`).
    const bool quoted = std::any_of(clauses_.begin(), clauses_.end(), [&](const Clause& x) { return in_quotation(x.main); });
    const std::size_t reporter_start = std::min(clause.chain.front(), clause.subjects.empty() ? clause.chain.front() : clause.subjects.front());
    auto hangs_from_reporter = [&](const Clause& x) {
      if (x.reduced_relative) return !x.subjects.empty() && x.subjects == clause.subjects;
      return x.relative && !x.subjects.empty() && x.subjects.front() >= reporter_start && x.subjects.front() < x.main;
    };
    for (std::size_t other = 0; other < clauses_.size(); ++other) {
      auto& reported = clauses_[other];
      if (other == c || reported.parent >= 0) continue;
      if (quoted ? !in_quotation(reported.main) : hangs_from_reporter(reported)) continue;
      reported.parent = static_cast<int>(c);
    }
  }
}

void Builder::find_according_to() {
  for (std::size_t w = 0; w + 1 < view_.size(); ++w) {
    if (view_.lower(w) != "according" || view_.lower(w + 1) != "to") continue;
    std::size_t source = view_.first_linked(w + 1, "J", true);
    // `according to X,`: X runs to the comma whatever the parser made of it; its head is last.
    std::size_t comma = w + 2;
    while (comma < view_.size() && view_.word(comma).text != "," && !view_.word(comma).wall) ++comma;
    if (comma < view_.size() && comma > w + 2 && comma - w <= 10 && is_wordlike(view_.word(comma - 1))) {
      source = comma - 1;
      according_range_ = {w + 2, comma - 1};
    }
    if (source == npos) continue;
    according_word_ = w;
    according_source_ = source;
    return;
  }
}

std::pair<std::size_t, std::size_t> Builder::phrase_range(std::size_t head, const Clause* clause) const {
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
        follow = one_of(type, kLeftNp) || type.rfind("_", 0) == 0;
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

bool Builder::in_quotation(std::size_t word) const {
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

void Builder::balance_quotes(std::size_t& lo, std::size_t& hi) const {
  // A phrase with one quotation mark of a pair takes the other from just outside it.
  int open = 0;
  for (std::size_t w = lo; w <= hi; ++w)
    if (is_quote(view_.word(w).text)) open ^= 1;
  if (!open) return;
  if (hi + 1 < view_.size() && is_quote(view_.word(hi + 1).text)) ++hi;
  else if (lo > 0 && is_quote(view_.word(lo - 1).text)) --lo;
}

std::string Builder::name_of(std::size_t head, bool& proper) const {
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

core::Argument Builder::make_argument(std::size_t head, core::Role role, const Clause* clause) const {
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

bool Builder::negated(const Clause& clause) const {
  for (auto w : clause.chain) {
    bool contracted = false;
    auxiliary_of(view_.word(w).text, contracted);  // `won't`, `isn't`
    if (contracted) return true;
    for (const auto& n : view_.neighbours(w)) {
      const auto type = link_type(n.label);
      if ((type == "N" || type == "E" || type == "EN") && one_of(view_.lower(n.word), kNegations))
        return true;
    }
  }
  return false;
}

void Builder::add_arguments(const Clause& clause, core::Proposition& p, std::vector<int>& slots) const {
  const std::size_t main = clause.main;
  int next_slot = 0;
  // Subjects: agent in the active voice, theme in the passive; conjuncts share a slot.
  const int subject_slot = next_slot++;
  for (auto s : clause.subjects) {
    if (view_.word(s).wall) continue;
    p.arguments.push_back(make_argument(s, clause.passive ? core::Role::theme : core::Role::agent, &clause));
    slots.push_back(subject_slot);
  }
  // Objects: with two objects, or an object followed by a complement, the first is the recipient.
  std::vector<std::size_t> objects;
  for (const auto& n : view_.neighbours(main))
    if (n.to_right && link_type(n.label) == "O" && view_.word(n.word).subscript != "j-p")
      objects.push_back(n.word);
  std::sort(objects.begin(), objects.end());
  // Communication verbs (`ask X for Y`, `tell X about Y`) address their object.
  bool has_complement = objects.size() > 1;
  bool addressed = false;  // the object is the addressee of a communication verb
  // The object is an addressee only if it can be one: a name, a personal pronoun or a person noun
  // (`asked Biden for …`, not `reiterated his support for …`).
  auto addressee = [&](std::size_t w) {
    static constexpr std::array<std::string_view, 6> kPersonal = {"him", "her", "them", "us", "me", "you"};
    return is_capitalised(view_.word(w)) || one_of(view_.lower(w), kPersonal) ||
           lexicon_.is_person_noun(view_.word(w).text);
  };
  if (!objects.empty() && addressee(objects.front()) &&
      lexicon_.is_communication_verb(lexicon_.verb_lemma(view_.word(main).text))) {
    for (const auto& n : view_.neighbours(main))
      if (n.to_right && link_type(n.label) == "MV" && n.word > objects.front()) {
        const std::string prep = view_.lower(n.word);
        if (prep == "for" || prep == "about" || prep == "of" || prep == "on" || prep == "over")
          has_complement = addressed = true;
      }
  }
  for (const auto& n : view_.neighbours(main)) {
    const auto type = link_type(n.label);
    if (n.to_right && (type == "IV" || type == "TO" || type == "TH" || type == "CV" ||
                       (type == "MV" && link_subscript(n.label) == 'i')))
      has_complement = true;
  }
  for (std::size_t i = 0; i < objects.size(); ++i) {
    const core::Role role = (i == 0 && has_complement) ? core::Role::recipient : core::Role::theme;
    const int slot = next_slot++;
    for (auto o : expand_coordination(objects[i], "SJ")) {
      p.arguments.push_back(make_argument(o, role, &clause));
      slots.push_back(slot);
    }
  }
  // A predicate adjective (`remains distinct`, `is ready`) is the theme; its prepositional
  // complements (`distinct from X`) count as the verb's.
  // With such a complement the adjective reads as part of the predicate (`is iconic as`, `are
  // equal to`), as does a participle the parser took for an adjective (`was abandoned at`).
  std::vector<std::size_t> verbs = clause.chain;
  if (clause.coordinator != npos) verbs.push_back(clause.coordinator);
  if (objects.empty()) {
    for (const auto& n : view_.neighbours(main))
      if (n.to_right && link_type(n.label) == "P" && link_subscript(n.label) == 'a') {
        verbs.push_back(n.word);
        bool complemented = false;
        for (const auto& m : view_.neighbours(n.word)) {
          if (!m.to_right) continue;
          const auto t = link_type(m.label);
          if ((t == "MV" && preposition_object(m.word) != npos) || t == "TO" || t == "IV") complemented = true;
        }
        if (complemented) {
          p.predicate.text += " " + view_.word(n.word).text;
          p.predicate.span.end = span_of(n.word, n.word).end;
          continue;
        }
        p.arguments.push_back(make_argument(n.word, core::Role::theme, &clause));
        slots.push_back(next_slot++);
      }
  }
  // Sentence openers hang from the subject (`On 12 July 2006, Hezbollah launched …`).
  for (auto subject : clause.subjects)
    for (const auto& n : view_.neighbours(subject)) {
      if (n.to_right || link_type(n.label) != "CO") continue;
      const std::size_t object = preposition_object(n.word);
      if (object == npos) continue;
      core::Argument a = make_argument(object, core::Role::other, &clause);
      a.preposition = view_.word(n.word).text;
      const std::string head = core::ascii_lower(view_.word(object).text);
      const bool number = !head.empty() && std::all_of(head.begin(), head.end(), ::isdigit);
      if (one_of(head, kTimeWords) || number || view_.has_link(object, "TY", true) ||
          view_.has_link(object, "NI", false))
        a.role = core::Role::time;
      p.arguments.push_back(std::move(a));
      slots.push_back(next_slot++);
    }
  // Prepositional and adverbial arguments of any verb of the chain.
  for (auto o : objects) verbs.push_back(o);  // their prepositions count as the verb's (name_modifier)
  for (auto v : verbs) {
    const bool object = std::find(objects.begin(), objects.end(), v) != objects.end();
    for (const auto& n : view_.neighbours(v)) {
      if (!n.to_right) continue;
      const auto type = link_type(n.label);
      const char sub = link_subscript(n.label);
      // MV: a verb's modifier; Pp: a copula's prepositional complement (`is in China`); OF: a
      // verb's `of` complement (`consisting of`); M from a name object (see name_modifier).
      if (object) {
        if (!(type == "M" && name_modifier(v, n.word))) continue;
        if (view_.has_link(n.word, "MV", false)) continue;  // also the verb's: taken there
      } else if (!((type == "MV" && sub != 'i') || (type == "P" && sub == 'p') || type == "OF")) {
        continue;
      }
      const std::size_t prep = n.word;
      const std::string prep_lower = view_.lower(prep);
      if (prep_lower == "if" || prep_lower == "unless") {
        p.conditional = true;
        continue;
      }
      const std::size_t object = preposition_object(prep);
      if (object == npos) {
        // A bare time noun (`… held a video call Tuesday`).
        if (one_of(view_.lower(prep), kTimeWords)) {
          p.arguments.push_back(make_argument(prep, core::Role::time, &clause));
          slots.push_back(next_slot++);
        }
        continue;
      }
      core::Argument a = make_argument(object, core::Role::other, &clause);
      a.preposition = preposition_text(prep);  // kept apart from the phrase text
      const std::string head_lower = core::ascii_lower(view_.word(object).text);
      static constexpr std::array<std::string_view, 6> kParticles = {"up", "down", "out", "off", "away", "back"};
      if (prep == main + 1 && objects.empty() && !clause.passive && p.predicate.particle.empty() &&
          one_of(prep_lower, kParticles)) {
        // A particle the parser read as a preposition (`building up its military potential`):
        // part of the predicate, and its noun phrase is the object.
        p.predicate.particle = prep_lower;
        p.predicate.text += " " + view_.word(prep).text;
        p.predicate.span.end = span_of(prep, prep).end;
        a.preposition.clear();
        a.role = core::Role::theme;
      } else if (clause.passive && prep_lower == "by") {
        a.role = core::Role::agent;
      } else if (one_of(head_lower, kTimeWords) ||
                 (head_lower.size() == 4 && std::all_of(head_lower.begin(), head_lower.end(), ::isdigit))) {
        a.role = core::Role::time;
      } else if (addressed && prep_lower == "for") {
        a.role = core::Role::theme;  // `asked Biden for the guarantee`
      } else if (prep_lower == "about" || prep_lower == "over" || prep_lower == "on") {
        a.role = lexicon_.is_speech_verb(p.predicate.lemma) ? core::Role::about : core::Role::other;
      } else if (prep_lower == "to" && lexicon_.is_speech_verb(p.predicate.lemma)) {
        a.role = core::Role::recipient;
      }
      p.arguments.push_back(std::move(a));
      slots.push_back(next_slot++);
    }
  }
}

core::Proposition Builder::make_proposition(const Clause& clause, std::vector<int>& slots) const {
  core::Proposition p;
  auto& pred = p.predicate;
  const auto& main_word = view_.word(clause.main);
  pred.negated = negated(clause);
  bool contracted = false;
  pred.lemma = lexicon_.verb_lemma(auxiliary_of(main_word.text, contracted));
  for (std::size_t i = 0; i + 1 < clause.chain.size(); ++i) {
    const std::string lower = auxiliary_of(view_.word(clause.chain[i]).text, contracted);
    if (!one_of(lower, kModals)) continue;
    if (lower == "will" || lower == "shall") pred.tense = "future";
    else pred.modality = lower;
  }
  std::size_t lo = clause.chain.front(), hi = clause.main;
  pred.text = predicate_text(clause, lo, hi);
  const auto particle = view_.first_linked(clause.main, "K", true);
  if (particle != npos) pred.particle = view_.lower(particle);
  if (clause.parent >= 0 && clause.catenative_host != npos) {
    // `tries to woo`, `were able to reinforce`, `has had to close`: the infinitive's predicate
    // reads with its parent's, as OpenIE relations do; the span stays the infinitive's own.
    const auto& parent = clauses_[static_cast<std::size_t>(clause.parent)];
    std::size_t plo = parent.chain.front(), phi = parent.main;
    std::string prefix = predicate_text(parent, plo, phi);
    if (clause.catenative_host != parent.main) prefix += " " + view_.word(clause.catenative_host).text;
    auto to = view_.first_linked(clause.chain.front(), "I", false);
    if (to == npos)  // a conjunct (`to reinforce the hotel and defeat …`): `to` links the conjunction
      for (const auto& n : view_.neighbours(clause.chain.front()))
        if (link_type(n.label) == "VJ" && is_conjunction(view_.word(n.word)) && to == npos)
          to = view_.first_linked(n.word, "I", false);
    if (to != npos && view_.lower(to) == "to") prefix += " " + view_.word(to).text;
    pred.text = prefix + " " + pred.text;
  }
  pred.span = span_of(lo, hi);
  const auto& first = view_.word(clause.chain.front());
  if (pred.tense.empty()) {
    if (first.subscript.find("-d") != std::string::npos || core::ascii_lower(first.text) == "did")
      pred.tense = "past";
    else if (first.subscript.find("v") == 0 || first.subscript.find("q") == 0)
      pred.tense = "present";
  }
  add_arguments(clause, p, slots);
  add_content(clause_of_verb(clause.main), p, slots);
  if (clause.hypothetical) p.conditional = true;
  // `in case of …` / `in the event of …` anywhere under this clause (the parser hangs it from
  // the verb or from the object: `measures in the event of escalation`) makes it conditional.
  const int self = clause_of_verb(clause.main);
  for (std::size_t w = clause.main + 1; w < view_.size() && !p.conditional; ++w)
    if (opens_condition(w) && owning_clause(w, -1) == self) p.conditional = true;
  return p;
}

std::string Builder::predicate_text(const Clause& clause, std::size_t& lo, std::size_t& hi) const {
  // The verb chain with the negation and adverbs inside it (`has not yet been`, `are also known`),
  // a negation or adverb right before a one-word chain (`never said`, `often refers`), and the
  // particle (`step up`). `lo`/`hi` grow to the words used.
  std::set<std::size_t> words(clause.chain.begin(), clause.chain.end());
  lo = clause.chain.front();
  hi = clause.main;
  for (auto v : clause.chain)
    for (const auto& n : view_.neighbours(v)) {
      const auto type = link_type(n.label);
      const bool modifier = type == "N" || type == "E" || type == "EN" || type == "EB" ||
                            (type == "MV" && link_subscript(n.label) == 'a');
      if (!modifier || !is_wordlike(view_.word(n.word))) continue;
      const bool inside = n.word > lo && n.word < hi;
      const bool just_before = n.word + 1 == lo && !n.to_right;
      if (inside || just_before) words.insert(n.word);
    }
  const auto particle = view_.first_linked(clause.main, "K", true);
  if (particle != npos) words.insert(particle);
  std::string text;
  for (auto w : words) {
    if (!text.empty()) text += ' ';
    text += view_.word(w).text;
  }
  lo = *words.begin();
  hi = *words.rbegin();
  return text;
}

std::string Builder::preposition_text(std::size_t prep) const {
  // Multi-word prepositions are idioms in the dictionary (`subject -_IBKE- to`, `because -_I- of`).
  std::size_t lo = prep;
  for (bool grew = true; grew;) {  // `in -_I- case -_I- of`
    grew = false;
    for (const auto& n : view_.neighbours(lo))
      if (!n.to_right && link_type(n.label).rfind("_I", 0) == 0 && n.word < lo) {
        lo = n.word;
        grew = true;
        break;
      }
  }
  return text_of(lo, prep);
}

void Builder::add_content(int self, core::Proposition& p, std::vector<int>& slots) const {
  // What a clause reports or asks for: `said that …`, `"…," Biden said`, `urged everyone to keep
  // …`. Each child clause's words become one `content` argument, found by walking the linkage
  // from the child's verbs without crossing the parent's verbs, subjects, objects and
  // prepositional arguments (those are the parent's own arguments).
  if (self < 0) return;
  const auto& parent = clauses_[static_cast<std::size_t>(self)];
  std::set<std::size_t> blocked(parent.chain.begin(), parent.chain.end());
  blocked.insert(parent.subjects.begin(), parent.subjects.end());
  for (auto v : parent.chain)
    for (const auto& n : view_.neighbours(v)) {
      if (!n.to_right) continue;
      const auto type = link_type(n.label);
      if (type == "O" || type == "MV" || type == "K") {
        blocked.insert(n.word);
        for (auto j : view_.linked(n.word, "J", true)) blocked.insert(j);
      }
    }
  int next_slot = slots.empty() ? 0 : *std::max_element(slots.begin(), slots.end()) + 1;
  for (const auto& child : clauses_) {
    if (child.parent != self) continue;
    std::set<std::size_t> seen(child.chain.begin(), child.chain.end());
    std::vector<std::size_t> stack(child.chain.begin(), child.chain.end());
    for (auto s : child.subjects)
      if (!blocked.count(s) && seen.insert(s).second) stack.push_back(s);
    while (!stack.empty()) {
      const auto w = stack.back();
      stack.pop_back();
      for (const auto& n : view_.neighbours(w))
        if (!view_.word(n.word).wall && !blocked.count(n.word) && seen.insert(n.word).second)
          stack.push_back(n.word);
    }
    std::size_t lo = *seen.begin(), hi = *seen.rbegin();
    // A content never straddles the reporting verb (`"…," he said, "…"` keeps the side of its verb).
    if (lo < parent.main && parent.main < hi) {
      if (child.main < parent.main) hi = parent.main - 1;
      else lo = parent.main + 1;
    }
    while (lo < hi && !is_wordlike(view_.word(lo))) ++lo;
    while (hi > lo && !is_wordlike(view_.word(hi))) --hi;
    if (!is_wordlike(view_.word(lo))) continue;
    balance_quotes(lo, hi);
    const auto span = span_of(lo, hi);
    if (std::any_of(p.arguments.begin(), p.arguments.end(), [&](const core::Argument& x) {
          return x.role == core::Role::content && x.span.begin == span.begin && x.span.end == span.end;
        }))
      continue;  // two clauses of one quotation
    core::Argument a;
    a.role = core::Role::content;
    a.text = text_of(lo, hi);
    a.span = span_of(lo, hi);
    a.head = view_.word(child.main).text;
    p.arguments.push_back(std::move(a));
    slots.push_back(next_slot++);
  }
}

bool Builder::opens_condition(std::size_t w) const {
  // The parser reads `in case of` either as a phrase (`in -J- case`) or as an idiom that hangs
  // `of` from the verb; recognise both.
  const std::string word = view_.lower(w);
  if (word == "in") {
    const auto noun = view_.first_linked(w, "J", true);
    if (noun == npos) return false;
    const std::string head = view_.lower(noun);
    return head == "case" || head == "event";
  }
  if (word == "of" && w >= 2) {
    const std::string before = view_.lower(w - 1);
    const std::string before2 = view_.lower(w - 2);
    return (before == "case" || before == "event") && (before2 == "in" || before2 == "the");
  }
  return false;
}

std::vector<core::Proposition> Builder::run() {
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
    if (p.conditional || !p.predicate.modality.empty()) p.asserted = false;
    // Confidence: parse quality, lower for nested content, few arguments and very long arguments.
    double c = 0.55 + 0.35 * parse_quality;
    if (clause.parent >= 0) c -= 0.1;
    if (clause.reduced_relative) c -= 0.1;
    if (p.arguments.size() < 2) c -= 0.15;
    for (const auto& a : p.arguments)
      if (a.text.size() > 80) c -= 0.05;
    p.confidence = std::clamp(c, 0.05, 0.99);
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
  // Signals measured against CaRB dev precision (bench/results.md): longer predicates are more
  // often right (`has had to close` vs `is`), sentences yielding many propositions are harder,
  // propositions with almost no argument words say little, negation is often misplaced, and
  // prepositional arguments come from parses that attach them (AUC 29.7 -> 30.2, on both halves).
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
  return out;
}

core::Proposition Builder::implicit(std::size_t subject, std::string_view relation,
                                    std::string_view lemma, std::size_t object,
                                    double confidence) const {
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

void Builder::add_noun_phrase_facts(double parse_quality, std::vector<core::Proposition>& out) const {
  // Facts that noun phrases state without a verb. They rank below verbal ones: they are
  // right less often and a reader can see they were inferred.
  const double base = 0.35 + 0.25 * parse_quality;
  for (const auto& link : view_.linkage().links) {
    const auto type = link_type(link.label);
    if (type == "MX") {
      // Apposition: `Maria Zakharova, the spokeswoman, …` -> (Maria Zakharova; is; the spokeswoman).
      const std::string lower = view_.lower(link.right);
      if (lower == "who" || lower == "which" || lower == "that" || lower == "whose") continue;
      if (view_.has_link(link.right, "J", true)) continue;  // `, from Kyiv,`: not a noun
      const auto& tag = view_.word(link.right).subscript;
      if (!tag.empty() && (tag.front() == 'v' || tag.front() == 'g' || tag.front() == 'q' || tag.front() == 'a' ||
                           tag.front() == 'e'))
        continue;  // a participle, adjective or adverb (`, dubbed …`, `, carefully measured`)
      if (!has_letter(view_.word(link.left).text) || !has_letter(view_.word(link.right).text))
        continue;  // numbers in a list (`held in 862, 996 and 1048`)
      // A bare name beside a bare name is a list (`Science, Math, and Technology`) or a place
      // (`Salt Lake City, Utah`), not an apposition: one side must be a description (a common
      // noun, a phrase with a determiner or possessor, or a person's role).
      auto description = [&](std::size_t w) {
        return !is_capitalised(view_.word(w)) || view_.has_link(w, "D", false) ||
               view_.has_link(w, "DD", false) || lexicon_.is_person_noun(view_.word(w).text);
      };
      if (!description(link.left) && !description(link.right)) continue;
      for (auto head : expand_coordination(link.left, "SJ"))
        out.push_back(implicit(head, "is", "be", link.right, base));
    } else if (type == "GN" && is_capitalised(view_.word(link.right)) &&
               lexicon_.is_person_noun(view_.word(link.left).text)) {
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
    } else if (type == "YS" || type == "YP") {
      // Possessive: `Ukraine's sovereignty` -> (Ukraine; has; sovereignty).
      const std::size_t owned = view_.first_linked(link.right, "D", true);
      if (owned == npos || view_.word(owned).wall) continue;
      // The possessor without its `'s`, the possession without its possessor.
      core::Proposition p = implicit(link.left, "has", "have", owned, base - 0.1);
      const std::size_t lo = phrase_range(link.left).first;
      const std::size_t hi = phrase_range(owned).second;
      if (lo >= link.right || link.right >= hi) continue;
      p.arguments.front().text = text_of(lo, link.right - 1);
      p.arguments.front().span = span_of(lo, link.right - 1);
      p.arguments.back().text = text_of(link.right + 1, hi);
      p.arguments.back().span = span_of(link.right + 1, hi);
      out.push_back(std::move(p));
    }
  }
}

}  // namespace

std::vector<core::Proposition> PropositionExtractor::extract(const core::Sentence& sentence,
                                                             const Linkage& linkage) const {
  Builder builder(sentence, linkage, *lexicon_);
  return builder.run();
}

std::size_t PropositionExtractor::reporting_clause_break(std::string_view sentence) const {
  constexpr std::size_t none = static_cast<std::size_t>(-1);
  // `According to the White House, Biden reiterated …`: the source before the first comma after
  // `according to` (the parser otherwise makes `according` the subject of the main verb).
  {
    const std::string lower = core::ascii_lower(sentence.substr(0, std::min<std::size_t>(sentence.size(), 80)));
    const std::size_t according = lower.find("according to ");
    if (according != std::string::npos && (according == 0 || lower[according - 1] == ' ')) {
      const std::size_t comma = sentence.find(',', according);
      // Only an opener: nothing but an adverbial and a comma may precede it.
      const std::string_view head = sentence.substr(0, according);
      const bool opener = head.find(',') == std::string_view::npos || head.find(',') + 2 >= head.size();
      if (comma != std::string_view::npos && opener && head.size() < 20 &&
          sentence.find(' ', comma + 2) != std::string_view::npos)
        return comma;
    }
  }
  // Words of sentence[from, to), without quotes and final punctuation.
  auto words_of = [&](std::size_t from, std::size_t to) {
    std::vector<std::string> words;
    std::string word;
    auto flush = [&] {
      if (!word.empty()) words.push_back(word);
      word.clear();
    };
    for (std::size_t i = from; i < to; ++i) {
      const unsigned char c = static_cast<unsigned char>(sentence[i]);
      if (c == 0xE2 && i + 2 < to && static_cast<unsigned char>(sentence[i + 1]) == 0x80) {
        flush();  // a curly quote or dash: a separator
        i += 2;
        continue;
      }
      if (std::isalnum(c) || c >= 0x80 || c == '-' || c == '\'' || c == '.') word += static_cast<char>(c);
      else flush();
    }
    flush();
    while (!words.empty() && words.back().find_first_not_of(".'") == std::string::npos) words.pop_back();
    if (!words.empty()) {
      auto& last = words.back();
      while (!last.empty() && last.back() == '.') last.pop_back();  // `added.`
    }
    return words;
  };
  auto reporting = [&](const std::string& w) { return lexicon_->is_speech_verb(lexicon_->verb_lemma(w)); };
  auto named = [](const std::string& w) {  // a pronoun or a capitalised word: a reporter
    static constexpr std::array<std::string_view, 6> kPronouns = {"he", "she", "they", "it", "we", "i"};
    return !w.empty() && (one_of(core::ascii_lower(w), kPronouns) || std::isupper(static_cast<unsigned char>(w.front())));
  };
  auto opens_quote = [&](std::size_t at) {  // a quotation mark at `at`, after spaces
    while (at < sentence.size() && sentence[at] == ' ') ++at;
    return sentence.substr(at, 1) == "\"" || sentence.substr(at, 2) == "``" || sentence.substr(at, 2) == "''" ||
           sentence.substr(at, 3) == "\u201C" || sentence.substr(at, 3) == "\u201D";
  };
  auto words_before = [&](std::size_t at) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < at; ++i) n += sentence[i] == ' ';
    return n;
  };
  // `"…," Senate Majority Leader Mitch McConnell, R-Ky., said Tuesday.`: the comma that closes a
  // quotation, followed by a short clause with a reporting verb anywhere in it.
  for (std::size_t comma = sentence.rfind(','); comma != std::string_view::npos && comma > 0;
       comma = sentence.rfind(',', comma - 1)) {
    if (!opens_quote(comma + 1)) continue;
    const auto words = words_of(comma + 1, sentence.size());
    if (words.size() >= 2 && words.size() <= 12 && words_before(comma) >= 3 &&
        std::any_of(words.begin(), words.end(), reporting))
      return comma;
    break;  // only the last closing quotation
  }
  // `Trump said, "When people come back …"`: a short reporting clause, a comma, a quotation.
  if (const std::size_t comma = sentence.find(','); comma != std::string_view::npos && opens_quote(comma + 1)) {
    const auto words = words_of(0, comma);
    if (words.size() >= 2 && words.size() <= 6 && named(words.front()) &&
        (reporting(words.back()) || (words.size() > 2 && reporting(words[words.size() - 2]))))
      return comma;
  }
  // `…, the Kremlin added.`, `…, said Peskov.`, `…, he told reporters.`, `…, he said Tuesday.`
  const std::size_t comma = sentence.rfind(',');
  if (comma == std::string_view::npos || comma == 0) return none;
  auto words = words_of(comma + 1, sentence.size());
  if (words.size() < 2 || words.size() > 8) return none;
  if (one_of(core::ascii_lower(words.back()), kTimeWords)) words.pop_back();  // `said Tuesday`
  if (words.size() < 2) return none;
  bool found = reporting(words.back());                                                  // the Kremlin added
  if (!found && words.size() <= 4 && reporting(words.front())) found = named(words[1]);  // said Peskov
  if (!found && named(words.front()))                                                    // he told reporters
    found = reporting(words[1]) || (words.size() > 2 && named(words[1]) && reporting(words[2]));
  if (!found) return none;
  return words_before(comma) >= 3 ? comma : none;  // enough of a clause to parse alone
}

std::vector<core::Proposition> PropositionExtractor::extract_best(const core::Sentence& sentence,
                                                                  const std::vector<Linkage>& linkages) const {
  KG_ASSERT(!linkages.empty());
  // Weight of coverage against plausibility, measured on CaRB dev (F1 47.2 without coverage;
  // 48.3 at weight 8, 48.4 at 12, 48.7 at 50, and the same gain on each random half).
  constexpr double coverage_weight = 10.0;
  std::vector<core::Proposition> best;
  double best_score = 0;
  for (std::size_t i = 0; i < linkages.size(); ++i) {
    auto propositions = extract(sentence, linkages[i]);
    double score = plausibility(linkages[i]);
    {
      // Share of the sentence's words inside a verbal proposition with two arguments or more.
      const auto& words = linkages[i].words;
      std::size_t wordlike = 0, covered = 0;
      for (const auto& w : words) {
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
      if (wordlike > 0) score += coverage_weight * static_cast<double>(covered) / static_cast<double>(wordlike);
      // Symptoms of a misparse in what it yields: an argument that starts with a preposition or
      // a conjunction (`of negotiating`), a predicate without a word (CaRB dev: F1 +0.2).
      for (const auto& p : propositions) {
        if (p.predicate.span.begin == p.predicate.span.end) continue;  // implicit facts
        if (!has_letter(p.predicate.text)) score -= 1.0;
        for (const auto& a : p.arguments) {
          const std::string first = core::ascii_lower(a.text.substr(0, a.text.find(' ')));
          if (one_of(first, kPrepositions) || first == "and" || first == "or" || first == ",") score -= 1.0;
        }
      }
    }
    if (i == 0 || score > best_score + 1e-9) {
      best_score = score;
      best = std::move(propositions);
    }
  }
  return best;
}

double PropositionExtractor::plausibility(const Linkage& linkage) const {
  LinkageView view(linkage);
  double score = -static_cast<double>(linkage.null_count) * 3.0 - linkage.disjunct_cost -
                 linkage.violations * 2.0;
  bool question = false;
  for (const auto& w : linkage.words)
    if (w.text == "?") question = true;
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
      static constexpr std::array<std::string_view, 10> kPronouns = {
          "it", "that", "he", "she", "there", "what", "who", "here", "where", "this"};
      if (!one_of(subject, kPronouns)) score -= 3.0;
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
      const std::string verb = auxiliary_of(linkage.words[link.left].text, negative);
      const auto& object = linkage.words[link.right].text;
      if (one_of(verb, kBeForms) && object.size() > 4 && object.compare(object.size() - 3, 3, "ing") == 0)
        score -= 3.0;
    }
    if (type == "SJ" && !is_wordlike(linkage.words[link.left]) ) score -= 2.0;
    if (type == "SJ" && !is_wordlike(linkage.words[link.right])) score -= 2.0;
    if (type == "O" && linkage.words[link.right].subscript == "j-p") score -= 1.0;
    if (type == "W" && link_subscript(link.label) == 'a') score -= 2.0;  // a verbless fragment
    if (type == "I" && link.label.find('j') != std::string::npos && !linkage.words[link.left].wall &&
        lexicon_->is_speech_verb(lexicon_->verb_lemma(linkage.words[link.left].text)))
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
  // Every finite verb should have a subject.
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
    const std::string verb = auxiliary_of(w.text, negative);
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
  return score;
}

}  // namespace kg::extract
