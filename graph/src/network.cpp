#include "kg/graph/network.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <utility>

namespace kg::graph {

namespace {

void widen_dates(std::string& first, std::string& last, std::string_view date) {
  if (date.empty()) return;
  if (first.empty() || date < first) first = date;
  if (last.empty() || date > last) last = date;
}

std::optional<Vertex> first_entity_in(const KnowledgeGraph& g, const EventRecord& event,
                                      core::Role role, bool actors_only) {
  for (const EventRole& filler : event.roles) {
    if (filler.role != role || !filler.entity) continue;
    if (!actors_only || is_actor(g.entity(*filler.entity).type)) return filler.entity;
  }
  return std::nullopt;
}

/// Collects facets per ordered pair, in the order pairs and relations are first seen.
class EdgeBuilder {
 public:
  EdgeBuilder(const KnowledgeGraph& source, NetworkGraph& graph, std::vector<NetworkEdgeRef>& edges)
      : source_(source), graph_(graph), edges_(edges) {}

  RelationFacet& facet(NetworkVertex from, NetworkVertex to, std::string_view relation) {
    auto [it, inserted] = pairs_.try_emplace({from, to});
    if (inserted) {
      NetworkEdge edge;
      edge.id = "e";  // built in two steps: GCC 12 warns (-Wrestrict) on "e" + std::string
      edge.id += std::to_string(edges_.size());
      it->second = boost::add_edge(from, to, std::move(edge), graph_).first;
      edges_.push_back(it->second);
    }
    auto& facets = graph_[it->second].facets;
    auto found = std::find_if(facets.begin(), facets.end(),
                              [&](const RelationFacet& f) { return f.relation == relation; });
    if (found != facets.end()) return *found;
    facets.push_back(RelationFacet{std::string(relation), {}, {}, {}, {}, {}});
    return facets.back();
  }

  void add_evidence(RelationFacet& facet, std::size_t event_index) {
    const EventRecord& event = source_.events()[event_index];
    facet.evidence.push_back(event_index);
    if (facet.cameo.empty()) facet.cameo = event.cameo;
    widen_dates(facet.first_date, facet.last_date, event.date);
  }

  /// Orders facets, sums weights and dates, once every facet is complete.
  void finish() {
    for (NetworkEdgeRef ref : edges_) {
      NetworkEdge& edge = graph_[ref];
      std::stable_sort(edge.facets.begin(), edge.facets.end(),
                       [](const RelationFacet& a, const RelationFacet& b) {
                         return a.evidence.size() > b.evidence.size();
                       });
      edge.weight = 0;
      for (const RelationFacet& f : edge.facets) {
        edge.weight += f.weight();
        widen_dates(edge.first_date, edge.last_date, f.first_date);
        widen_dates(edge.first_date, edge.last_date, f.last_date);
      }
    }
  }

 private:
  const KnowledgeGraph& source_;
  NetworkGraph& graph_;
  std::vector<NetworkEdgeRef>& edges_;
  std::map<std::pair<NetworkVertex, NetworkVertex>, NetworkEdgeRef> pairs_;
};

/// Concept labels of an event in the roles an actor edge leaves out, counted per facet.
void fold_concepts(const KnowledgeGraph& g, const EventRecord& event,
                   std::vector<std::pair<std::string, std::size_t>>& counts) {
  for (const EventRole& filler : event.roles) {
    if (!filler.entity) continue;
    if (filler.role != core::Role::theme && filler.role != core::Role::target &&
        filler.role != core::Role::recipient && filler.role != core::Role::about)
      continue;
    const Entity& e = g.entity(*filler.entity);
    if (is_actor(e.type)) continue;
    auto it = std::find_if(counts.begin(), counts.end(),
                           [&](const auto& c) { return c.first == e.label; });
    if (it == counts.end())
      counts.emplace_back(e.label, 1);
    else
      ++it->second;
  }
}

}  // namespace

bool is_actor(core::EntityType type) noexcept { return type != core::EntityType::concept_; }

std::string RelationFacet::label() const {
  std::string text = relation;
  for (std::size_t i = 0; i < concepts.size(); ++i) {
    text += i == 0 ? ": " : ", ";
    text += concepts[i];
  }
  return text;
}

std::string NetworkEdge::label() const {
  std::string text;
  for (const RelationFacet& f : facets) {
    if (!text.empty()) text += "; ";
    text += f.label();
  }
  return text;
}

Network::Network(const KnowledgeGraph& source, NetworkView view)
    : source_(source), view_(view), graph_(std::make_unique<NetworkGraph>()) {
  const Graph& kg = source.graph();
  // Nodes in IRI order, not in the order entities were first mentioned: a graph read back from RDF
  // or merged from shards has other vertex numbers, and must give the same files.
  std::vector<Vertex> order;
  order.reserve(boost::num_vertices(kg));
  for (auto [it, end] = boost::vertices(kg); it != end; ++it) order.push_back(*it);
  std::sort(order.begin(), order.end(),
            [&](Vertex a, Vertex b) { return kg[a].local_name < kg[b].local_name; });
  std::vector<std::optional<NetworkVertex>> node_of(boost::num_vertices(kg));
  for (Vertex v : order) {
    if (view == NetworkView::actors && !is_actor(kg[v].type)) continue;
    NetworkNode node;
    node.entity = v;
    node_of[v] = boost::add_vertex(node, *graph_);
  }

  EdgeBuilder builder(source, *graph_, edges_);
  if (view == NetworkView::full) {
    for (Edge e : source.relations()) {
      const Relation& r = kg[e];
      RelationFacet& facet =
          builder.facet(*node_of[boost::source(e, kg)], *node_of[boost::target(e, kg)], r.relation);
      for (std::size_t i : r.evidence) builder.add_evidence(facet, i);
    }
  } else {
    // Concept counts per facet, keyed by (edge id, relation): facets move when sorted.
    std::map<std::pair<std::string, std::string>, std::vector<std::pair<std::string, std::size_t>>>
        concepts;
    const auto& events = source.events();
    for (std::size_t i = 0; i < events.size(); ++i) {
      const EventRecord& event = events[i];
      if (event.relation.empty()) continue;
      const auto agent = first_entity_in(source, event, core::Role::agent, true);
      if (!agent) continue;
      auto other = first_entity_in(source, event, core::Role::theme, true);
      if (!other) other = first_entity_in(source, event, core::Role::target, true);
      if (!other) other = first_entity_in(source, event, core::Role::recipient, true);
      if (!other) continue;
      const NetworkVertex from = *node_of[*agent];
      const NetworkVertex to = *node_of[*other];
      builder.add_evidence(builder.facet(from, to, event.relation), i);
      const std::string& id = (*graph_)[boost::edge(from, to, *graph_).first].id;
      fold_concepts(source, event, concepts[{id, std::string(event.relation)}]);
    }
    for (NetworkEdgeRef ref : edges_) {
      NetworkEdge& edge = (*graph_)[ref];
      for (RelationFacet& facet : edge.facets) {
        auto counts = concepts[{edge.id, facet.relation}];
        std::stable_sort(counts.begin(), counts.end(),
                         [](const auto& a, const auto& b) { return a.second > b.second; });
        for (auto& [label, n] : counts) facet.concepts.push_back(std::move(label));
      }
    }
  }
  builder.finish();

  NetworkGraph& g = *graph_;
  for (auto [it, end] = boost::vertices(g); it != end; ++it) {
    NetworkNode& node = g[*it];
    node.in_degree = boost::in_degree(*it, g);
    node.out_degree = boost::out_degree(*it, g);
    for (auto [e, e_end] = boost::in_edges(*it, g); e != e_end; ++e) node.weighted_in += g[*e].weight;
    for (auto [e, e_end] = boost::out_edges(*it, g); e != e_end; ++e)
      node.weighted_out += g[*e].weight;
  }
  compute_pagerank(g);
}

// boost::page_rank is not used: it leaks the rank of nodes without out-edges (news graphs are
// full of them: every concept), ignores weights and does not normalise, so its numbers would not
// match what Gephi, networkx or igraph report for the same file.
void compute_pagerank(NetworkGraph& g, double damping) {
  const std::size_t n = boost::num_vertices(g);
  if (n == 0) return;
  const double uniform = 1.0 / static_cast<double>(n);
  std::vector<double> rank(n, uniform), next(n);
  std::vector<double> out_weight(n, 0.0);
  for (auto [it, end] = boost::vertices(g); it != end; ++it)
    for (auto [e, e_end] = boost::out_edges(*it, g); e != e_end; ++e) out_weight[*it] += g[*e].weight;

  for (int round = 0; round < 1000; ++round) {
    double dangling = 0;
    for (std::size_t v = 0; v < n; ++v)
      if (out_weight[v] <= 0) dangling += rank[v];
    std::fill(next.begin(), next.end(), (1.0 - damping) * uniform + damping * dangling * uniform);
    for (auto [it, end] = boost::vertices(g); it != end; ++it) {
      if (out_weight[*it] <= 0) continue;
      const double share = damping * rank[*it] / out_weight[*it];
      for (auto [e, e_end] = boost::out_edges(*it, g); e != e_end; ++e)
        next[boost::target(*e, g)] += share * g[*e].weight;
    }
    double change = 0;
    for (std::size_t v = 0; v < n; ++v) change += std::abs(next[v] - rank[v]);
    rank.swap(next);
    if (change < 1e-12) break;
  }
  for (auto [it, end] = boost::vertices(g); it != end; ++it) g[*it].pagerank = rank[*it];
}

}  // namespace kg::graph
