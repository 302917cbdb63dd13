// Which verb chains of a linkage are clauses, with their subjects, and which clause reports or
// embeds which: complement clauses, quotations, `according to`, conditions.

#include <algorithm>
#include <array>
#include <set>

#include "clause_builder.hpp"
#include "grammar.hpp"

namespace kg::extract::detail {

using core::one_of;

std::vector<std::size_t> ClauseBuilder::expand_coordination(std::size_t w, std::string_view prefix) const {
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

std::vector<std::size_t> ClauseBuilder::build_chain(std::size_t start, bool& passive) const {
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

int ClauseBuilder::clause_of_verb(std::size_t w) const {
  for (std::size_t c = 0; c < clauses_.size(); ++c)
    if (std::find(clauses_[c].chain.begin(), clauses_[c].chain.end(), w) != clauses_[c].chain.end())
      return static_cast<int>(c);
  return -1;
}

int ClauseBuilder::owning_clause(std::size_t word, int except) const {
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

bool ClauseBuilder::name_modifier(std::size_t noun, std::size_t prep) const {
  // A prepositional phrase (not `of`) hung from a proper name in object position.
  if (view_.lower(prep) == "of" || !view_.has_link(prep, "J", true)) return false;
  if (!is_capitalised(view_.word(noun)) || noun <= 1) return false;
  return view_.has_link(noun, "O", false);
}

bool ClauseBuilder::finite_form(std::size_t verb) const {
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

std::size_t ClauseBuilder::preposition_object(std::size_t prep) const {
  // `in -J- China`, `for -TI- Speaker`, `on -ON- May`, `in -IN- 1994`.
  for (std::string_view type : {"J", "TI", "ON", "IN"}) {
    const auto object = view_.first_linked(prep, type, true);
    if (object != npos) return object;
  }
  return npos;
}

std::size_t ClauseBuilder::resolve_relative(std::size_t subject) const {
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

void ClauseBuilder::add_clause(std::size_t verb_start, std::vector<std::size_t> subjects) {
  // `subjects` by value: callers pass a clause's own, which growing clauses_ may move.
  for (auto start : expand_coordination(verb_start, "VJ")) {
    if (!starts_seen_.insert(start).second) continue;
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
    add_verb_conjuncts(c, subjects);
  }
}

void ClauseBuilder::add_verb_conjuncts(const Clause& c, const std::vector<std::size_t>& subjects) {
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

void ClauseBuilder::find_clauses() {
  find_subject_clauses();
  find_participle_clauses();
  find_participle_adjuncts();
  find_infinitives();
}

void ClauseBuilder::find_subject_clauses() {
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
}

void ClauseBuilder::find_participle_clauses() {
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
    if (one_of(view_.lower(link.left), kClausePrepositions) || view_.has_link(link.left, "M", false) ||
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
}

void ClauseBuilder::find_participle_adjuncts() {
  // Participle adjuncts share the clause's subject (`He left the room, saying …`: MVg).
  for (std::size_t c = 0; c < clauses_.size() && clauses_.size() < kMaxClauses; ++c)
    for (const auto& n : view_.neighbours(clauses_[c].main)) {
      if (!n.to_right || link_type(n.label) != "MV" || link_subscript(n.label) != 'g') continue;
      if (clause_of_verb(n.word) >= 0 || clauses_[c].subjects.empty()) continue;
      const std::size_t before = clauses_.size();
      add_clause(n.word, clauses_[c].subjects);
      for (std::size_t added = before; added < clauses_.size(); ++added) clauses_[added].reduced_relative = true;
    }
}

void ClauseBuilder::find_infinitives() {
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

void ClauseBuilder::attach_complements() {
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
      if (one_of(comp, kAdverbialSubordinators)) continue;
      parent = owning_clause(link.left, child);
      if (comp == "if" || comp == "unless") clauses_[static_cast<std::size_t>(child)].hypothetical = true;
    }
    if (parent >= 0 && parent != child) clauses_[static_cast<std::size_t>(child)].parent = parent;
  }
}

bool ClauseBuilder::is_trailing_reporter(const Clause& clause) const {
  if (clause.parent >= 0 || clause.subjects.empty()) return false;
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
  return reports_nothing && ((comma_before && !later_clause) || comma_after);
}

void ClauseBuilder::attach_quotations() {
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
    const bool trailing = !quotation_verb && !has_cp && is_trailing_reporter(clause);
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

void ClauseBuilder::find_according_to() {
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

}  // namespace kg::extract::detail
