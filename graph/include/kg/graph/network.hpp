#pragma once
/// The network views that Gephi, graph libraries and Graphviz open: entities as nodes, one
/// directed edge per ordered pair of entities (parallel facts aggregated, since Gephi merges
/// parallel edges on import), and node analytics (degree, PageRank) computed on the view.
///
/// Two views of a KnowledgeGraph:
/// - `full`: every entity, and an edge for every pair linked by at least one relation edge of the
///   knowledge graph (agent -> theme, else target, else recipient).
/// - `actors`: only actors (people, organisations, countries, locations and groups). An event
///   links its agent to its first actor among theme, target and recipient; the concepts it names
///   in those roles and in `about` are folded into the edge's label ("request: guarantee").
///
/// A Network borrows the KnowledgeGraph it was made from (it must outlive the network) and is
/// immutable after construction: it may be read from several threads at once.

#include <boost/graph/adjacency_list.hpp>

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "kg/graph/knowledge_graph.hpp"

namespace kg::graph {

/// Which entities and edges a Network keeps (see the file comment).
enum class NetworkView { full, actors };

/// True for the entity types the `actors` view keeps: everything but `Concept`.
bool is_actor(core::EntityType type) noexcept;

/// One relation between the two ends of a network edge, with its evidence.
struct RelationFacet {
  std::string relation;  ///< catalog relation name (`request`)
  std::string cameo;     ///< first non-empty CAMEO code among the evidence, or empty
  std::vector<std::size_t> evidence;  ///< indices into KnowledgeGraph::events(), in input order
  /// `actors` view: labels of the concepts folded into this relation, most frequent first
  /// (ties: first seen); empty in the `full` view.
  std::vector<std::string> concepts;
  std::string first_date;  ///< earliest evidence date (`YYYY-MM-DD`) or empty
  std::string last_date;   ///< latest evidence date or empty

  double weight() const noexcept { return static_cast<double>(evidence.size()); }
  /// `request`, or `request: guarantee, sanctions` when concepts were folded in.
  std::string label() const;
};

/// A node: an entity of the knowledge graph with its analytics in this view.
struct NetworkNode {
  Vertex entity{};               ///< the KnowledgeGraph vertex
  std::size_t in_degree = 0;     ///< edges of the view ending here
  std::size_t out_degree = 0;    ///< edges of the view starting here
  double weighted_in = 0;        ///< sum of the weights of those edges (evidence count)
  double weighted_out = 0;
  double pagerank = 0;           ///< weighted PageRank, damping 0.85, sums to 1 over the view
};

/// An edge: all facts from one entity to another, aggregated.
struct NetworkEdge {
  std::string id;                     ///< `e0`, `e1`, … unique, in creation order
  std::vector<RelationFacet> facets;  ///< by weight (descending), ties in order first seen
  double weight = 0;                  ///< total evidence count; always > 0
  std::string first_date;             ///< earliest evidence date or empty
  std::string last_date;              ///< latest evidence date or empty

  /// The main relation: the facet with the most evidence.
  const RelationFacet& main() const { return facets.front(); }
  /// Facet labels joined with `; ` (`request: guarantee; threaten`).
  std::string label() const;
};

/// The Boost.Graph type of a view: vertices in the order of their entities' local names (IRIs).
using NetworkGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                                           NetworkNode, NetworkEdge>;
using NetworkVertex = boost::graph_traits<NetworkGraph>::vertex_descriptor;
using NetworkEdgeRef = boost::graph_traits<NetworkGraph>::edge_descriptor;

/// A network view of a knowledge graph (see the file comment).
class Network {
 public:
  /// Builds the view and its analytics. Deterministic: the same graph gives the same nodes, edges
  /// (and ids) in the same order.
  Network(const KnowledgeGraph& source, NetworkView view);
  Network(const Network&) = delete;
  Network& operator=(const Network&) = delete;

  const KnowledgeGraph& source() const noexcept { return source_; }
  NetworkView view() const noexcept { return view_; }
  const NetworkGraph& graph() const noexcept { return *graph_; }
  /// Edges in creation order (boost::edges() iterates by source vertex instead).
  const std::vector<NetworkEdgeRef>& edges() const noexcept { return edges_; }

  const NetworkNode& node(NetworkVertex v) const { return (*graph_)[v]; }
  const NetworkEdge& edge(NetworkEdgeRef e) const { return (*graph_)[e]; }
  /// The knowledge graph entity behind a node.
  const Entity& entity(NetworkVertex v) const { return source_.entity((*graph_)[v].entity); }

  std::size_t node_count() const noexcept { return boost::num_vertices(*graph_); }
  std::size_t edge_count() const noexcept { return boost::num_edges(*graph_); }

 private:
  const KnowledgeGraph& source_;
  NetworkView view_;
  std::unique_ptr<NetworkGraph> graph_;  // on the heap: edge descriptors point into it
  std::vector<NetworkEdgeRef> edges_;
};

/// Weighted PageRank of `g` into each node's `pagerank`: damping `damping`, the rank of nodes
/// without outgoing edges spread evenly over all nodes (as networkx and igraph do), iterated until
/// the ranks move less than 1e-12 in total or 1000 rounds. Ranks sum to 1; an empty graph is left
/// alone. Edge weights are NetworkEdge::weight.
void compute_pagerank(NetworkGraph& g, double damping = 0.85);

}  // namespace kg::graph
