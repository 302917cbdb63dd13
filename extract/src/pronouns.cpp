// The he/she pronouns of an article resolved to the persons its names mention (mention_model.hpp).
#include <algorithm>
#include <string>

#include "mention_model.hpp"

namespace kg::extract::detail {

using core::EntityType;
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

/// The antecedent of a third-person pronoun: among the persons of agreeing gender mentioned in
/// this sentence (before it) and the two before, the most salient — recent, a subject, mentioned
/// often — when it clearly beats the next; otherwise none.
void resolve_pronoun(std::size_t i, std::vector<Found>& found_, std::vector<DocEntity>& entities_) {
  Found& p = found_[i];
  if (p.pronoun != PronounKind::male && p.pronoun != PronounKind::female) return;
  const Gender want = p.pronoun == PronounKind::male ? Gender::male : Gender::female;
  std::vector<double> score(entities_.size(), 0.0);
  std::vector<bool> seen(entities_.size(), false);
  for (std::size_t k = i; k-- > 0;) {
    const Found& m = found_[k];
    if (p.sentence > m.sentence + 2) break;
    if (m.entity < 0) continue;
    const auto e = static_cast<std::size_t>(m.entity);
    const auto& ent = entities_[e];
    if (ent.type != EntityType::person && !(ent.type == EntityType::concept_ && ent.possible_person)) continue;
    if (ent.gender != Gender::unknown && ent.gender != want) continue;
    const std::size_t distance = p.sentence - m.sentence;
    double s = distance == 0 ? 3.0 : distance == 1 ? 2.0 : 1.0;
    if (m.subject) s += nominative(p.label) ? 2.0 : 1.0;
    if (!seen[e]) {
      seen[e] = true;
      s += std::min<double>(2.0, 0.5 * static_cast<double>(ent.mentions));
      if (ent.gender == want) s += 1.0;
      if (ent.first == 0 || found_[ent.first].sentence == 0) s += 1.0;
      if (ent.type == EntityType::person) s += 0.5;
    }
    score[e] = std::max(score[e], s) + (score[e] > 0 ? 0.25 : 0.0);
  }
  std::size_t best = entities_.size(), second = entities_.size();
  for (std::size_t e = 0; e < score.size(); ++e) {
    if (score[e] <= 0) continue;
    if (best == entities_.size() || score[e] > score[best]) {
      second = best;
      best = e;
    } else if (second == entities_.size() || score[e] > score[second]) {
      second = e;
    }
  }
  if (best == entities_.size()) return;
  if (second != entities_.size() && score[best] - score[second] < 0.5) return;  // too close to call
  p.entity = static_cast<int>(best);
  auto& ent = entities_[best];
  if (ent.gender == Gender::unknown) ent.gender = want;
  if (ent.type == EntityType::concept_) {
    ent.type = EntityType::person;  // `he` or `she` refers to a person
    ent.evidence = Evidence::speaker;
  }
}

}  // namespace

void resolve_pronouns(std::vector<Found>& found, std::vector<DocEntity>& entities) {
  for (std::size_t i = 0; i < found.size(); ++i)
    if (found[i].kind == core::MentionKind::pronoun) resolve_pronoun(i, found, entities);
}

}  // namespace kg::extract::detail
