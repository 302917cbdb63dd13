#include "kg/core/types.hpp"

namespace kg::core {

std::string_view role_name(Role role) {
  switch (role) {
    case Role::agent: return "agent";
    case Role::recipient: return "recipient";
    case Role::theme: return "theme";
    case Role::target: return "target";
    case Role::content: return "content";
    case Role::about: return "about";
    case Role::time: return "time";
    case Role::place: return "place";
    case Role::other: return "other";
  }
  return "other";
}

std::string_view entity_type_name(EntityType type) {
  switch (type) {
    case EntityType::person: return "Person";
    case EntityType::organization: return "Organization";
    case EntityType::country: return "Country";
    case EntityType::location: return "Location";
    case EntityType::group: return "Group";
    case EntityType::concept_: return "Concept";
  }
  return "Concept";
}

std::string_view mention_kind_name(MentionKind kind) {
  switch (kind) {
    case MentionKind::name: return "name";
    case MentionKind::nominal: return "nominal";
    case MentionKind::pronoun: return "pronoun";
  }
  return "name";
}

const Argument* Proposition::first(Role role) const {
  for (const auto& a : arguments)
    if (a.role == role) return &a;
  return nullptr;
}

const RoleFiller* Event::first(Role role) const {
  for (const auto& r : roles)
    if (r.role == role) return &r;
  return nullptr;
}

}  // namespace kg::core
