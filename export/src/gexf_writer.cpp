// GEXF 1.2draft, dynamic, for Gephi's timeline (see network_writers.hpp for the contract).

#include <pugixml.hpp>

#include <ostream>
#include <set>
#include <string>

#include "kg/core/atomic_file.hpp"
#include "kg/exporter/network_writers.hpp"
#include "network_attributes.hpp"
#include "xml_output.hpp"

namespace kg::exporter {

namespace {

using detail::AttributeType;

const char* gexf_type(AttributeType type) {
  switch (type) {
    case AttributeType::string: return "string";
    case AttributeType::integer: return "integer";
    case AttributeType::real: return "double";
  }
  return "string";
}

template <typename Table>
void declare(pugi::xml_node graph, const char* element_class, const Table& table) {
  pugi::xml_node attributes = graph.append_child("attributes");
  attributes.append_attribute("class") = element_class;
  attributes.append_attribute("mode") = "static";
  for (const auto& a : table) {
    pugi::xml_node attribute = attributes.append_child("attribute");
    const std::string name(a.name);
    attribute.append_attribute("id") = name.c_str();
    attribute.append_attribute("title") = name.c_str();
    attribute.append_attribute("type") = gexf_type(a.type);
  }
}

void add_value(pugi::xml_node values, std::string_view id, const std::string& value) {
  if (value.empty()) return;
  pugi::xml_node v = values.append_child("attvalue");
  v.append_attribute("for") = std::string(id).c_str();
  v.append_attribute("value") = value.c_str();
}

void add_spell(pugi::xml_node spells, const std::string& start, const std::string& end) {
  pugi::xml_node spell = spells.append_child("spell");
  spell.append_attribute("start") = start.c_str();
  spell.append_attribute("end") = end.c_str();
}

}  // namespace

void write_gexf(const graph::Network& net, std::ostream& out) {
  pugi::xml_document doc;
  pugi::xml_node root = detail::add_root(doc, "gexf", "http://www.gexf.net/1.2draft",
                                         "http://www.gexf.net/1.2draft/gexf.xsd");
  root.append_attribute("version") = "1.2";
  pugi::xml_node meta = root.append_child("meta");  // no date: output stays byte-identical
  meta.append_child("creator").text().set("kgraph");
  meta.append_child("description")
      .text()
      .set(net.view() == graph::NetworkView::actors
               ? "Actors and what they did and said to each other, from news articles"
               : "Entities and the relations between them, from news articles");

  pugi::xml_node graph = root.append_child("graph");
  graph.append_attribute("mode") = "dynamic";
  graph.append_attribute("defaultedgetype") = "directed";
  graph.append_attribute("timeformat") = "date";
  declare(graph, "node", detail::node_attributes());
  declare(graph, "edge", detail::edge_attributes());

  const auto& g = net.graph();
  pugi::xml_node nodes = graph.append_child("nodes");
  for (auto [it, end] = boost::vertices(g); it != end; ++it) {
    pugi::xml_node node = nodes.append_child("node");
    node.append_attribute("id") = detail::node_id(net, *it).c_str();
    node.append_attribute("label") = detail::node_label(net, *it).c_str();
    pugi::xml_node values = node.append_child("attvalues");
    for (const auto& a : detail::node_attributes()) add_value(values, a.name, a.value(net, *it));
    const graph::Entity& e = net.entity(*it);
    if (!e.first_date.empty()) add_spell(node.append_child("spells"), e.first_date, e.last_date);
  }

  pugi::xml_node edges = graph.append_child("edges");
  for (graph::NetworkEdgeRef ref : net.edges()) {
    const graph::NetworkEdge& aggregated = net.edge(ref);
    for (std::size_t k = 0; k < aggregated.facets.size(); ++k) {
      const graph::RelationFacet& facet = aggregated.facets[k];
      const detail::EdgeFacts facts = detail::edge_facts(facet);
      pugi::xml_node edge = edges.append_child("edge");
      const std::string id = aggregated.id + "-" + std::to_string(k);
      edge.append_attribute("id") = id.c_str();
      edge.append_attribute("source") = detail::node_id(net, boost::source(ref, g)).c_str();
      edge.append_attribute("target") = detail::node_id(net, boost::target(ref, g)).c_str();
      edge.append_attribute("label") = facts.label.c_str();
      edge.append_attribute("kind") = facts.relation.c_str();
      edge.append_attribute("weight") = detail::number_text(facts.weight).c_str();
      pugi::xml_node values = edge.append_child("attvalues");
      for (const auto& a : detail::edge_attributes()) add_value(values, a.name, a.value(net, facts));
      std::set<std::string> dates;  // sorted and distinct: spells may not overlap
      for (std::size_t i : facet.evidence)
        if (const auto& d = net.source().events()[i].date; !d.empty()) dates.emplace(d);
      if (!dates.empty()) {
        pugi::xml_node spells = edge.append_child("spells");
        for (const auto& d : dates) add_spell(spells, d, d);
      }
    }
  }
  detail::save_xml(doc, out, "GEXF");
}

void write_gexf_file(const graph::Network& net, const std::filesystem::path& path) {
  core::write_atomically(path, [&](std::ostream& out) { write_gexf(net, out); });
}

}  // namespace kg::exporter
