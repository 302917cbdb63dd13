#include "kg/graph/network.hpp"

#include <catch2/catch.hpp>

#include <numeric>
#include <string>
#include <vector>

#include "support/sample_facts.hpp"

using kg::core::EntityType;
using kg::core::Role;
using kg::graph::KnowledgeGraph;
using kg::graph::Network;
using kg::graph::NetworkView;
using namespace kg::test;  // document, entity, role

namespace {

kg::core::SentenceFacts facts(std::size_t index, std::vector<kg::core::Event> events) {
  kg::core::SentenceFacts f;
  f.sentence.index = index;
  f.sentence.text = "sentence " + std::to_string(index);
  f.sentence.chars = {index * 20, index * 20 + 10};
  f.events = std::move(events);
  return f;
}

kg::core::Event event(std::string relation, std::vector<kg::core::RoleFiller> roles) {
  kg::core::Event e;
  e.relation = std::move(relation);
  e.lemma = e.relation;
  e.roles = std::move(roles);
  return e;
}

const auto putin = [] { return entity("Vladimir Putin", EntityType::person); };
const auto biden = [] { return entity("Joe Biden", EntityType::person); };

/// Putin asks Biden for a guarantee (twice, two dates), threatens Biden, and asks for gas.
KnowledgeGraph sample() {
  KnowledgeGraph g;
  const auto d1 = document("d1", "2021-12-07", 0);
  g.add_sentence(d1, facts(0, {event("request", {role(Role::agent, putin()), role(Role::recipient, biden()),
                                                  role(Role::theme, entity("guarantee"))}),
                               event("threaten", {role(Role::agent, putin()), role(Role::target, biden())})}));
  const auto d2 = document("d2", "2021-12-08", 1);
  g.add_sentence(d2, facts(0, {event("request", {role(Role::agent, putin()), role(Role::recipient, biden()),
                                                  role(Role::theme, entity("guarantee"))}),
                               event("request", {role(Role::agent, putin()), role(Role::theme, entity("gas"))})}));
  return g;
}

const kg::graph::NetworkNode* node_named(const Network& net, const std::string& label) {
  for (auto [it, end] = boost::vertices(net.graph()); it != end; ++it)
    if (net.entity(*it).label == label) return &net.node(*it);
  return nullptr;
}

}  // namespace

TEST_CASE("full network: one edge per ordered pair, parallel relations aggregated", "[graph]") {
  const KnowledgeGraph g = sample();
  const Network net(g, NetworkView::full);
  CHECK(net.node_count() == g.entity_count());  // Putin, Biden, guarantee, gas
  // Knowledge-graph edges: Putin->guarantee request (2), Putin->Biden threaten, Putin->gas request.
  REQUIRE(net.edge_count() == 3);
  std::vector<std::string> ids;
  for (auto ref : net.edges()) {
    const auto& e = net.edge(ref);
    ids.push_back(e.id);
    CHECK(e.weight > 0);
    CHECK(e.weight == std::accumulate(e.facets.begin(), e.facets.end(), 0.0,
                                      [](double w, const auto& f) { return w + f.weight(); }));
  }
  CHECK(ids == std::vector<std::string>{"e0", "e1", "e2"});
  const auto& first = net.edge(net.edges()[0]);
  CHECK(first.label() == "request");
  CHECK(first.weight == 2);
  CHECK(first.first_date == "2021-12-07");
  CHECK(first.last_date == "2021-12-08");
}

TEST_CASE("actor network: concepts folded into labels, relations between the same actors merged", "[graph]") {
  const KnowledgeGraph g = sample();
  const Network net(g, NetworkView::actors);
  CHECK(net.node_count() == 2);  // the concepts are gone
  REQUIRE(net.edge_count() == 1);  // Putin -> Biden: request (2, about the guarantee) and threaten
  const auto& e = net.edge(net.edges()[0]);
  REQUIRE(e.facets.size() == 2);
  CHECK(e.main().relation == "request");  // the heavier facet first
  CHECK(e.main().concepts == std::vector<std::string>{"guarantee"});
  CHECK(e.label() == "request: guarantee; threaten");
  CHECK(e.weight == 3);
  CHECK(net.entity(boost::source(net.edges()[0], net.graph())).label == "Vladimir Putin");
}

TEST_CASE("degrees and PageRank are computed on the view", "[graph]") {
  const KnowledgeGraph g = sample();
  const Network net(g, NetworkView::full);
  const auto* p = node_named(net, "Vladimir Putin");
  const auto* b = node_named(net, "Joe Biden");
  REQUIRE(p);
  REQUIRE(b);
  CHECK(p->out_degree == 3);
  CHECK(p->in_degree == 0);
  CHECK(p->weighted_out == 4);
  CHECK(b->in_degree == 1);
  double total = 0;
  for (auto [it, end] = boost::vertices(net.graph()); it != end; ++it) total += net.node(*it).pagerank;
  CHECK(total == Approx(1.0).epsilon(1e-9));
  // The guarantee gets twice the weight the gas gets from Putin: a higher rank.
  CHECK(node_named(net, "guarantee")->pagerank > node_named(net, "gas")->pagerank);
  CHECK(p->pagerank < b->pagerank);  // nobody points at Putin

  const KnowledgeGraph empty;
  const Network none(empty, NetworkView::full);
  CHECK(none.node_count() == 0);
  CHECK(none.edge_count() == 0);
}
