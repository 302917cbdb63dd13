// The he/she pronouns of an article resolved to the persons its names mention (mention_model.hpp).
#include <algorithm>
#include <string>

#include "mention_model.hpp"

namespace kg::extract::detail {

using core::EntityType;
using core::Role;
using ontology::Gender;

PronounKind pronoun_kind(std::string_view word) {
  const std::string w = core::ascii_lower(word);
  if (w == "he" || w == "him" || w == "his" || w == "himself") return PronounKind::male;
  if (w == "she" || w == "her" || w == "hers" || w == "herself") return PronounKind::female;
  if (w == "they" || w == "them" || w == "their" || w == "theirs" || w == "themselves") return PronounKind::plural;
  if (w == "it" || w == "its" || w == "itself") return PronounKind::thing;
  return PronounKind::none;
}

bool nominative(std::string_view word) {
  const std::string w = core::ascii_lower(word);
  return w == "he" || w == "she" || w == "they";
}

namespace {

/// How far back a pronoun looks for its antecedent, in sentences.
constexpr std::size_t kWindow = 3;
/// How many mentions back it looks at most: an article with no sentence breaks (one line of
/// thousands of mentions) must not cost the square of its length.
constexpr std::size_t kMaxBack = 100;

bool object_role(Role r) { return r == Role::recipient || r == Role::theme || r == Role::target; }

/// Whether the mention heads the argument that contains it: a possessive name never does, the
/// noun after it does (`Milutin's grandson, Stefan Dušan, made Skopje his capital`).
bool heads(const Found& m) {
  return m.in_argument && m.arg_head && !(m.kind == core::MentionKind::name && m.possessive);
}
/// Whether the mention is the head of its clause's subject.
bool head_subject(const Found& m) { return heads(m) && m.arg_role == Role::agent; }
bool head_object(const Found& m) { return heads(m) && object_role(m.arg_role); }

/// Whether entity `ent` may be a he or she at all: a person (2), a name of two to four words that
/// may be one (1), a lone word that may be a surname (0), or not (-1): not an untyped name with
/// an organisation's word or a function word in it, nor a quoted title.
int person_class(const DocEntity& ent, bool name_like) {
  if (ent.type == EntityType::person) return 2;
  if (ent.no_person_name) return -1;
  if (ent.type == EntityType::concept_ && ent.possible_person) return 1;
  if (ent.type == EntityType::concept_ && name_like) return 0;
  return -1;
}

/// The weights of the evidence for an antecedent, set on GAP development (Wikipedia) by
/// coordinate search and rounded, and confirmed on GAP validation; ties within `margin` stay
/// unresolved. A mention is a name or an earlier he/she already resolved to the name's entity.
struct Weights {
  double recency[kWindow + 1] = {10.0, 3.5, -2.0, -2.0};  // by sentences back
  double nearest = 1.0;          // the nearest agreeing mention before the pronoun
  double nearest_possessor = 7.0; // … in the sentence of a `his` / `her` (`helps Maggie cope with her loss`)
  double leftmost = 0.5;         // the first such name of its sentence
  double subject = 3.5;          // the name heads its clause's subject
  double subject_here = -1.0;    // … in the pronoun's own sentence (recency says much of it)
  double in_subject = -1.5;      // the name is inside a subject but does not head it (`the son of Smith`)
  double parallel = 1.5;         // a subject for a subject pronoun, an object for an object pronoun
  double possessor_agent = 3.0;  // `his` in a clause whose subject is the name (`Smith sold his car`)
  double reflexive_agent = 4.0;  // `himself` and its clause's subject
  double cataphor = 2.5;         // `When he …, Smith …`
  double mention_each = 0.5, mention_max = 1.5;
  double repeat = 1.25;          // one more mention in the window
  double known_gender = 1.5;
  double person = 0.0, possible = -0.5, name_like = 0.0;
  double margin = 0.5;
  double chain_gender = 1.5;     // an earlier he/she resolved to the entity tells its gender when no name did
};
constexpr Weights kWeights;

/// The entity the `back` sentences before mention `i` centre on, among the two or more entities
/// their agreeing mentions (names, or pronouns already resolved) stand for: the latest main
/// clause's subject head, else the one mentioned most so far, else the one mentioned first; -1
/// when they mention fewer. Mentions before `lo` are not looked at.
template <typename Agrees>
int previous_centre(std::size_t i, std::size_t lo, std::size_t back, const std::vector<Found>& found,
                    const std::vector<DocEntity>& entities, Agrees agrees) {
  const std::size_t here = found[i].sentence;
  std::vector<int> candidates;
  int main_subject = -1;
  std::size_t main_sentence = 0;
  for (std::size_t k = lo; k < i; ++k) {
    const Found& m = found[k];
    if (m.sentence >= here || m.sentence + back < here || !agrees(m)) continue;
    if (std::find(candidates.begin(), candidates.end(), m.entity) == candidates.end()) candidates.push_back(m.entity);
    if (m.kind == core::MentionKind::name && m.main_subject && !m.possessive &&
        (main_subject < 0 || m.sentence > main_sentence)) {
      main_subject = m.entity;
      main_sentence = m.sentence;
    }
  }
  if (candidates.size() < 2) return -1;
  if (main_subject >= 0) return main_subject;
  std::vector<std::size_t> count(candidates.size(), 0);
  for (std::size_t k = 0; k < i; ++k)
    for (std::size_t c = 0; c < candidates.size(); ++c)
      if (found[k].entity == candidates[c] &&
          (found[k].kind == core::MentionKind::name || found[k].kind == core::MentionKind::pronoun))
        ++count[c];
  const auto most = std::max_element(count.begin(), count.end());
  if (std::count(count.begin(), count.end(), *most) == 1) return candidates[static_cast<std::size_t>(most - count.begin())];
  return *std::min_element(candidates.begin(), candidates.end(), [&](int a, int b) {
    return entities[static_cast<std::size_t>(a)].first < entities[static_cast<std::size_t>(b)].first;
  });
}

/// The antecedent of a he/she pronoun: among the persons of agreeing gender mentioned in this
/// sentence before it (or, for a pronoun in an opening adverbial, the main clause's subject after
/// it) and the few sentences before, the most salient — recent, a subject, in a parallel role,
/// mentioned often — when it clearly beats the next; otherwise none. Earlier pronouns of the same
/// gender count as mentions of the entity they were resolved to (`Collins … She … She`), and an
/// entity an earlier pronoun made a he (she) cannot be a she (he).
void resolve_pronoun(std::size_t i, std::vector<Found>& found_, std::vector<DocEntity>& entities_,
                     const std::vector<bool>& name_like, const std::vector<Gender>& name_gender,
                     std::vector<Gender>& chain_gender) {
  const Weights& w = kWeights;
  Found& p = found_[i];
  if (p.pronoun != PronounKind::male && p.pronoun != PronounKind::female) return;
  const Gender want = p.pronoun == PronounKind::male ? Gender::male : Gender::female;
  const bool p_subject = nominative(p.label) || head_subject(p);
  const bool p_object = !p.possessive && !p_subject && !p.reflexive;
  std::vector<double> score(entities_.size(), 0.0);
  std::vector<bool> seen(entities_.size(), false), bound(entities_.size(), false);
  // A name, or an earlier pronoun of the same gender resolved to its entity, whose entity may be
  // this he or she.
  auto agrees = [&](const Found& m) {
    if (m.entity < 0 || m.parenthetical) return -1;  // `Aria (Lucy Hale)`: the name before it is the one spoken of
    if (m.kind == core::MentionKind::pronoun && m.pronoun != p.pronoun) return -1;
    if (m.kind != core::MentionKind::name && m.kind != core::MentionKind::pronoun) return -1;
    const auto e = static_cast<std::size_t>(m.entity);
    const auto& ent = entities_[e];
    if (ent.gender != Gender::unknown && ent.gender != want) return -1;
    if (ent.gender == Gender::unknown && chain_gender[e] != Gender::unknown && chain_gender[e] != want) return -1;
    if (ent.gender == Gender::unknown && name_gender[e] != Gender::unknown && name_gender[e] != want) return -1;
    return person_class(ent, name_like[static_cast<std::size_t>(m.entity)]);
  };
  bool first_back = true;
  auto bind_of = [&](const Found& m) {
    if (m.sentence == p.sentence && p.clause_agent.end > p.clause_agent.begin && p.clause_agent.contains(m.span) &&
        !p.clause_agent.contains(p.span) && head_subject(m))
      return p.reflexive ? 1 : p.possessive ? 2 : p_object ? 3 : 0;
    return 0;
  };
  // Whether no other mention that may be this he or she stands before `m` in its sentence (within
  // the mentions looked at): the first agreeing mention of each sentence, found in one pass.
  const std::size_t lo = i > kMaxBack ? i - kMaxBack : 0;
  std::vector<std::size_t> first_agreeing;  // by sentence, from found_[lo].sentence
  for (std::size_t k = lo; k < i; ++k) {
    const std::size_t s = found_[k].sentence - found_[lo].sentence;
    if (first_agreeing.size() <= s) first_agreeing.resize(s + 1, found_.size());
    if (first_agreeing[s] == found_.size() && agrees(found_[k]) >= 0) first_agreeing[s] = k;
  }
  auto leftmost = [&](std::size_t k) { return first_agreeing[found_[k].sentence - found_[lo].sentence] == k; };
  auto add = [&](const Found& m, double s, int cls) {
    const auto e = static_cast<std::size_t>(m.entity);
    const auto& ent = entities_[e];
    if (!seen[e]) {
      seen[e] = true;
      s += std::min(w.mention_max, w.mention_each * static_cast<double>(ent.mentions));
      if (ent.gender == want) s += w.known_gender;
      else if (chain_gender[e] == want) s += w.chain_gender;
      s += cls == 2 ? w.person : cls == 1 ? w.possible : w.name_like;
      score[e] = s;
    } else {
      score[e] = std::max(score[e], s) + w.repeat;
    }
  };
  // Cataphora: `When he was a child, Peter the Great used …`.
  bool cataphor = false;
  if (p.fronted) {
    for (std::size_t k = i + 1; k < found_.size() && found_[k].sentence == p.sentence; ++k) {
      const Found& m = found_[k];
      if (m.begin <= p.fronted_end || m.kind != core::MentionKind::name) continue;
      // The main clause's subject: right after the comma, or its head further on (`When he was
      // 14, the soldier Marquis de Lafayette …`); other names on the way are passed over.
      if (!m.clause_initial && !head_subject(m)) continue;
      const int cls = agrees(m);
      if (cls >= 0) add(m, w.recency[0] + w.cataphor + (head_subject(m) ? w.subject : 0.0), cls);
      cataphor = cls >= 0;
      break;
    }
  }
  for (std::size_t k = i; k-- > lo;) {
    const Found& m = found_[k];
    if (p.sentence > m.sentence + kWindow) break;
    const int cls = agrees(m);
    if (cls < 0) continue;
    const std::size_t distance = p.sentence - m.sentence;
    double s = w.recency[distance];
    if (first_back) s += w.nearest + (distance == 0 && p.possessive ? w.nearest_possessor : 0.0);
    first_back = false;
    if (leftmost(k)) s += w.leftmost;
    if (head_subject(m)) s += w.subject + (distance == 0 ? w.subject_here : 0.0);
    else if (m.subject) s += w.in_subject;
    if ((p_subject && head_subject(m)) || (p_object && head_object(m))) s += w.parallel;
    switch (bind_of(m)) {
      case 1: s += w.reflexive_agent; break;
      case 2: s += w.possessor_agent; break;
      case 3: bound[static_cast<std::size_t>(m.entity)] = true; break;  // `him` is not its clause's subject
      default: break;
    }
    add(m, s, cls);
  }
  // A subject or possessive (`She …`, `His father …`, `In 1990 her book …`) with no agreeing name
  // before it in its sentence continues the previous sentence's centre (or the two previous sentences' when the previous one names
  // fewer than two persons): the head of its main clause's subject, else the person mentioned most
  // so far, else the one mentioned first (centering: Grosz, Joshi & Weinstein 1995). Not for a
  // fronted pronoun whose main clause names its antecedent.
  const bool opens = !cataphor && (nominative(p.label) || p.possessive) &&
                     (i == lo || p.sentence - found_[lo].sentence >= first_agreeing.size() ||
                      first_agreeing[p.sentence - found_[lo].sentence] == found_.size());
  if (opens && p.sentence > 0) {
    const auto agreeing = [&](const Found& m) { return agrees(m) >= 0; };
    int centre = previous_centre(i, lo, 1, found_, entities_, agreeing);
    if (centre < 0 && p.sentence > 1) centre = previous_centre(i, lo, 2, found_, entities_, agreeing);
    if (centre >= 0) {
      p.entity = centre;
      if (chain_gender[static_cast<std::size_t>(centre)] == Gender::unknown) chain_gender[static_cast<std::size_t>(centre)] = want;
      return;
    }
  }
  std::size_t best = entities_.size(), second = entities_.size();
  for (std::size_t e = 0; e < score.size(); ++e) {
    if (!seen[e] || bound[e]) continue;
    if (best == entities_.size() || score[e] > score[best]) {
      second = best;
      best = e;
    } else if (second == entities_.size() || score[e] > score[second]) {
      second = e;
    }
  }
  if (best == entities_.size() || score[best] <= 0) return;
  if (second != entities_.size() && score[best] - score[second] < w.margin) return;  // too close to call
  p.entity = static_cast<int>(best);
  if (chain_gender[best] == Gender::unknown) chain_gender[best] = want;
}

}  // namespace

void resolve_pronouns(std::vector<Found>& found, std::vector<DocEntity>& entities) {
  // An untyped entity may be a surname when one of its mentions reads like one.
  std::vector<bool> name_like(entities.size(), false);
  for (const auto& f : found)
    if (f.kind == core::MentionKind::name && f.entity >= 0 && f.name_like)
      name_like[static_cast<std::size_t>(f.entity)] = true;
  // The gender a mention's given name tells, where the entity has none (a title typed it first).
  std::vector<Gender> name_gender(entities.size(), Gender::unknown);
  for (const auto& f : found)
    if (f.kind == core::MentionKind::name && f.entity >= 0 && name_gender[static_cast<std::size_t>(f.entity)] == Gender::unknown)
      name_gender[static_cast<std::size_t>(f.entity)] = f.given_gender;
  std::vector<Gender> chain_gender(entities.size(), Gender::unknown);
  for (std::size_t i = 0; i < found.size(); ++i)
    if (found[i].kind == core::MentionKind::pronoun)
      resolve_pronoun(i, found, entities, name_like, name_gender, chain_gender);
}

}  // namespace kg::extract::detail
