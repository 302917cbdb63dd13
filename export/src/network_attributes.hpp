#pragma once
// Private to kg::exporter: the node and edge attributes that GraphML, GEXF and CSV all write, in
// one table so that the three formats cannot drift apart, and the text clean-up they share.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "kg/graph/network.hpp"

namespace kg::exporter::detail {

/// Value types, named as GraphML (`attr.type`) spells them; GEXF uses the same names except
/// `int` -> `integer`.
enum class AttributeType { string, integer, real };

/// What an edge attribute reads: either an aggregated network edge (GraphML, CSV, DOT) or one
/// relation facet of it (GEXF, one edge per relation). Built by edge_facts().
struct EdgeFacts {
  std::string label;
  std::string relation;   ///< the main relation
  std::string relations;  ///< every relation, by weight: `request; threaten`
  std::string cameo;
  double weight = 0;
  std::string first_date;
  std::string last_date;
  std::vector<std::size_t> evidence;  ///< event indices, ascending
};

EdgeFacts edge_facts(const graph::NetworkEdge& edge);
EdgeFacts edge_facts(const graph::RelationFacet& facet);

struct NodeAttribute {
  std::string_view name;
  AttributeType type;
  std::string (*value)(const graph::Network&, graph::NetworkVertex);
};

struct EdgeAttribute {
  std::string_view name;
  AttributeType type;
  std::string (*value)(const graph::Network&, const EdgeFacts&);
};

/// Node attributes after the label: type, mentions, wikidata, aliases, first_date, last_date,
/// in_degree, out_degree, degree, weighted_degree, pagerank. Empty values are not written.
const std::vector<NodeAttribute>& node_attributes();
/// Edge attributes after label and weight: relation, relations, cameo, first_date, last_date,
/// attributed_to, sentence, evidence.
const std::vector<EdgeAttribute>& edge_attributes();

/// The node's label (the entity's canonical label), as display text.
std::string node_label(const graph::Network& net, graph::NetworkVertex v);
/// The node's id: the entity's local name (ASCII, unique, the `ent:` IRI's local part).
const std::string& node_id(const graph::Network& net, graph::NetworkVertex v);

/// Article text made safe for every network format: ill-formed UTF-8 repaired, and the
/// characters XML 1.0 forbids (C0 controls but tab, LF and CR; U+FFFE, U+FFFF) dropped.
std::string display_text(std::string_view text);

/// Shortest text that reads back as the same double (`2`, `0.125`, `1e-05`).
std::string number_text(double value);

}  // namespace kg::exporter::detail
