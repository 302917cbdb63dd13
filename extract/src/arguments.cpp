// The roles of a clause's phrases (subjects, objects, predicate adjectives, openers,
// prepositional phrases through kPrepositionRoles), the predicate's text, negation, modality and
// condition, and nested content: one proposition per clause. The phrases themselves: phrases.cpp.

#include <algorithm>
#include <array>
#include <cctype>
#include <set>

#include "clause_builder.hpp"
#include "grammar.hpp"

namespace kg::extract::detail {

using core::one_of;

bool ClauseBuilder::negated(const Clause& clause) const {
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

namespace {

/// When a preposition's row in kPrepositionRoles applies.
enum class RoleCondition { passive, addressee, speech_verb };

/// The role a prepositional argument takes from its preposition: `role` when the condition holds,
/// else `otherwise`. A passive `by` is read before a time reading of its object (`by 2020` in a
/// passive clause is its agent), the other rows after it.
struct PrepositionRole {
  std::string_view preposition;
  RoleCondition condition;
  core::Role role;
  core::Role otherwise;
};
constexpr std::array<PrepositionRole, 6> kPrepositionRoles = {{
    {"by", RoleCondition::passive, core::Role::agent, core::Role::other},        // `imposed by the US`
    {"for", RoleCondition::addressee, core::Role::theme, core::Role::other},     // `asked Biden for the guarantee`
    {"about", RoleCondition::speech_verb, core::Role::about, core::Role::other},  // `said about NATO`
    {"over", RoleCondition::speech_verb, core::Role::about, core::Role::other},
    {"on", RoleCondition::speech_verb, core::Role::about, core::Role::other},
    {"to", RoleCondition::speech_verb, core::Role::recipient, core::Role::other},  // `said to reporters`
}};

const PrepositionRole* preposition_role(std::string_view preposition) {
  for (const auto& row : kPrepositionRoles)
    if (row.preposition == preposition) return &row;
  return nullptr;
}

}  // namespace

/// What the steps of add_arguments share about one clause.
struct ClauseBuilder::ArgumentState {
  explicit ArgumentState(std::vector<int>& clause_slots) : slots(clause_slots) {}
  std::vector<int>& slots;
  int next_slot = 0;
  std::vector<std::size_t> objects;  // the main verb's objects, in sentence order
  bool addressed = false;            // the first object is the addressee of a communication verb
  std::vector<std::size_t> verbs;    // words whose prepositional modifiers are the clause's

  void push(core::Proposition& p, core::Argument a) {
    p.arguments.push_back(std::move(a));
    slots.push_back(next_slot++);
  }
};

void ClauseBuilder::add_arguments(const Clause& clause, core::Proposition& p, std::vector<int>& slots) const {
  ArgumentState state(slots);
  add_subjects(clause, p, state);
  add_objects(clause, p, state);
  state.verbs = clause.chain;
  if (clause.coordinator != npos) state.verbs.push_back(clause.coordinator);
  if (state.objects.empty()) add_predicate_adjectives(clause, p, state);
  add_openers(clause, p, state);
  // Their prepositions count as the verb's (name_modifier).
  for (auto o : state.objects) state.verbs.push_back(o);
  add_prepositional(clause, p, state);
}

void ClauseBuilder::add_subjects(const Clause& clause, core::Proposition& p, ArgumentState& state) const {
  // Subjects: agent in the active voice, theme in the passive; conjuncts share a slot.
  const int subject_slot = state.next_slot++;
  for (auto s : clause.subjects) {
    if (view_.word(s).wall) continue;
    p.arguments.push_back(make_argument(s, clause.passive ? core::Role::theme : core::Role::agent, &clause));
    state.slots.push_back(subject_slot);
  }
}

void ClauseBuilder::add_objects(const Clause& clause, core::Proposition& p, ArgumentState& state) const {
  const std::size_t main = clause.main;
  // Objects: with two objects, or an object followed by a complement, the first is the recipient.
  auto& objects = state.objects;
  for (const auto& n : view_.neighbours(main))
    if (n.to_right && link_type(n.label) == "O" && view_.word(n.word).subscript != "j-p")
      objects.push_back(n.word);
  std::sort(objects.begin(), objects.end());
  // Communication verbs (`ask X for Y`, `tell X about Y`) address their object.
  bool has_complement = objects.size() > 1;
  // The object is an addressee only if it can be one: a name, a personal pronoun or a person noun
  // (`asked Biden for …`, not `reiterated his support for …`).
  auto addressee = [&](std::size_t w) {
    return is_capitalised(view_.word(w)) || one_of(view_.lower(w), kObjectPronouns) ||
           lexicon_.is_person_noun(view_.word(w).text);
  };
  if (!objects.empty() && addressee(objects.front()) &&
      lexicon_.is_communication_verb(lexicon_.verb_lemma(view_.word(main).text))) {
    for (const auto& n : view_.neighbours(main))
      if (n.to_right && link_type(n.label) == "MV" && n.word > objects.front()) {
        const std::string prep = view_.lower(n.word);
        if (prep == "for" || prep == "about" || prep == "of" || prep == "on" || prep == "over")
          has_complement = state.addressed = true;
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
    const int slot = state.next_slot++;
    for (auto o : expand_coordination(objects[i], "SJ")) {
      p.arguments.push_back(make_argument(o, role, &clause));
      state.slots.push_back(slot);
    }
  }
}

void ClauseBuilder::add_predicate_adjectives(const Clause& clause, core::Proposition& p, ArgumentState& state) const {
  // A predicate adjective (`remains distinct`, `is ready`) is the theme; its prepositional
  // complements (`distinct from X`) count as the verb's.
  // With such a complement the adjective reads as part of the predicate (`is iconic as`, `are
  // equal to`), as does a participle the parser took for an adjective (`was abandoned at`).
  for (const auto& n : view_.neighbours(clause.main))
    if (n.to_right && link_type(n.label) == "P" && link_subscript(n.label) == 'a') {
      state.verbs.push_back(n.word);
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
      state.push(p, make_argument(n.word, core::Role::theme, &clause));
    }
}

void ClauseBuilder::add_openers(const Clause& clause, core::Proposition& p, ArgumentState& state) const {
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
      if (is_time_word(head) || number || view_.has_link(object, "TY", true) ||
          view_.has_link(object, "NI", false))
        a.role = core::Role::time;
      state.push(p, std::move(a));
    }
}

void ClauseBuilder::add_prepositional(const Clause& clause, core::Proposition& p, ArgumentState& state) const {
  // Prepositional and adverbial arguments of any verb of the chain.
  const auto& objects = state.objects;
  for (auto v : state.verbs) {
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
      const std::size_t prep_object = preposition_object(prep);
      if (prep_object == npos) {
        // A bare time noun (`… held a video call Tuesday`).
        if (is_time_word(view_.lower(prep))) state.push(p, make_argument(prep, core::Role::time, &clause));
        continue;
      }
      core::Argument a = make_argument(prep_object, core::Role::other, &clause);
      a.preposition = preposition_text(prep);  // kept apart from the phrase text
      label_prepositional(clause, state, prep, prep_object, a, p);
      state.push(p, std::move(a));
    }
  }
}

void ClauseBuilder::label_prepositional(const Clause& clause, const ArgumentState& state, std::size_t prep,
                                        std::size_t object, core::Argument& a, core::Proposition& p) const {
  auto& pred = p.predicate;
  const std::string prep_lower = view_.lower(prep);
  const std::string head_lower = core::ascii_lower(view_.word(object).text);
  if (prep == clause.main + 1 && state.objects.empty() && !clause.passive && pred.particle.empty() &&
      one_of(prep_lower, kParticles)) {
    // A particle the parser read as a preposition (`building up its military potential`):
    // part of the predicate, and its noun phrase is the object.
    pred.particle = prep_lower;
    pred.text += " " + view_.word(prep).text;
    pred.span.end = span_of(prep, prep).end;
    a.preposition.clear();
    a.role = core::Role::theme;
    return;
  }
  const PrepositionRole* row = preposition_role(prep_lower);
  if (row != nullptr && row->condition == RoleCondition::passive && clause.passive) {
    a.role = row->role;
    return;
  }
  if (is_time_word(head_lower) ||
      (head_lower.size() == 4 && std::all_of(head_lower.begin(), head_lower.end(), ::isdigit))) {
    a.role = core::Role::time;
    return;
  }
  if (row == nullptr) return;
  bool holds = false;
  switch (row->condition) {
    case RoleCondition::passive: holds = false; break;  // read above
    case RoleCondition::addressee: holds = state.addressed; break;
    case RoleCondition::speech_verb: holds = lexicon_.is_speech_verb(p.predicate.lemma); break;
  }
  a.role = holds ? row->role : row->otherwise;
}

core::Proposition ClauseBuilder::make_proposition(const Clause& clause, std::vector<int>& slots) const {
  core::Proposition p;
  fill_predicate(clause, p.predicate);
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

void ClauseBuilder::fill_predicate(const Clause& clause, core::Predicate& pred) const {
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
}

std::string ClauseBuilder::predicate_text(const Clause& clause, std::size_t& lo, std::size_t& hi) const {
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

std::string ClauseBuilder::preposition_text(std::size_t prep) const {
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

void ClauseBuilder::add_content(int self, core::Proposition& p, std::vector<int>& slots) const {
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

bool ClauseBuilder::opens_condition(std::size_t w) const {
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

}  // namespace kg::extract::detail
