#pragma once
// Private to kg::extract: propositions -> events. Which catalog relation a proposition names
// (particles, governed prepositions, stance verbs' objects), coordinated arguments split into
// conjuncts, each role filler linked to an entity, threats refined to their CAMEO code, and the
// content role that nests reported events. Pure functions of one sentence's propositions.

#include <vector>

#include "kg/core/types.hpp"
#include "kg/extract/extractor.hpp"

namespace kg::extract::detail {

/// How a proposition maps onto its event: the catalog relation, and which arguments change role.
struct RelationChoice {
  const ontology::RelationInfo* relation = nullptr;  // nullptr: the fallback relation
  int theme_argument = -1;    // a prepositional argument that is the relation's theme
  int stance_argument = -1;   // the object naming the stance (`his support`), dropped
};

/// The relation of `p`: its particle, else a preposition that selects a relation of its own
/// (`call for X` -> call_for, X its theme); a stance verb's object (`reiterated his support for
/// X` -> support, X its theme); else the lemma. Pure, shared by normalisation and coreference so
/// that both read the same roles.
RelationChoice choose_relation(const core::Proposition& p, const Resources& resources);

/// The conjuncts of a coordinated argument (`de-escalation and a return to diplomacy`, `Biden and
/// Putin`), each an argument of its own with its span; the argument itself when it is not one.
/// Coordination is read when the parser's head is the conjunction itself, or when every conjunct
/// ends with a name.
std::vector<core::Argument> conjuncts(const core::Argument& a);

/// The arguments that fill an event's roles, in order: every argument of `p` but its content and
/// the stance object, with its role in the event, coordinations split into their conjuncts.
/// normalise() builds the role fillers from it and coreference reads them back.
std::vector<core::Argument> role_arguments(const core::Proposition& p, const RelationChoice& choice);

/// An attribution's source as an agent argument, for entity linking.
core::Argument source_argument(const core::Attribution& attribution);

/// The events of one sentence, parallel to its propositions.
std::vector<core::Event> normalise(const std::vector<core::Proposition>& propositions, const Resources& resources);

}  // namespace kg::extract::detail
