// GraphML for Gephi and graph libraries (see network_writers.hpp for the contract).

#include <pugixml.hpp>

#include <ostream>
#include <string>

#include "kg/core/atomic_file.hpp"
#include "kg/core/diagnostics.hpp"
#include "kg/exporter/network_writers.hpp"
#include "network_attributes.hpp"
#include "xml_output.hpp"

namespace kg::exporter {

namespace {

using detail::AttributeType;

const char* graphml_type(AttributeType type) {
  switch (type) {
    case AttributeType::string: return "string";
    case AttributeType::integer: return "int";
    case AttributeType::real: return "double";
  }
  return "string";
}

void add_key(pugi::xml_node root, const std::string& id, const char* for_what,
             std::string_view name, AttributeType type) {
  pugi::xml_node key = root.append_child("key");
  key.append_attribute("id") = id.c_str();
  key.append_attribute("for") = for_what;
  key.append_attribute("attr.name") = std::string(name).c_str();
  key.append_attribute("attr.type") = graphml_type(type);
}

void add_data(pugi::xml_node element, const std::string& key, const std::string& value) {
  if (value.empty()) return;
  pugi::xml_node data = element.append_child("data");
  data.append_attribute("key") = key.c_str();
  data.text().set(value.c_str());
}

/// Edge key ids: Gephi reads the edge label from the id `edgelabel`; names a node key already
/// uses get an `edge_` prefix (key ids are unique per document).
std::string edge_key_id(std::string_view name) {
  if (name == "label") return "edgelabel";
  for (const auto& a : detail::node_attributes())
    if (a.name == name) return "edge_" + std::string(name);
  return std::string(name);
}

}  // namespace

void write_graphml(const graph::Network& net, std::ostream& out) {
  pugi::xml_document doc;
  pugi::xml_node root = detail::add_root(doc, "graphml", "http://graphml.graphdrawing.org/xmlns",
                                         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");

  add_key(root, "label", "node", "label", AttributeType::string);
  for (const auto& a : detail::node_attributes()) add_key(root, std::string(a.name), "node", a.name, a.type);
  add_key(root, edge_key_id("label"), "edge", "label", AttributeType::string);
  add_key(root, "weight", "edge", "weight", AttributeType::real);
  for (const auto& a : detail::edge_attributes()) add_key(root, edge_key_id(a.name), "edge", a.name, a.type);

  pugi::xml_node graph = root.append_child("graph");
  graph.append_attribute("id") =
      net.view() == graph::NetworkView::actors ? "kgraph-actors" : "kgraph";
  graph.append_attribute("edgedefault") = "directed";

  const auto& g = net.graph();
  for (auto [it, end] = boost::vertices(g); it != end; ++it) {
    pugi::xml_node node = graph.append_child("node");
    node.append_attribute("id") = detail::node_id(net, *it).c_str();
    add_data(node, "label", detail::node_label(net, *it));
    for (const auto& a : detail::node_attributes()) add_data(node, std::string(a.name), a.value(net, *it));
  }
  for (graph::NetworkEdgeRef ref : net.edges()) {
    const graph::NetworkEdge& e = net.edge(ref);
    const detail::EdgeFacts facts = detail::edge_facts(e);
    pugi::xml_node edge = graph.append_child("edge");
    edge.append_attribute("id") = e.id.c_str();
    edge.append_attribute("source") = detail::node_id(net, boost::source(ref, g)).c_str();
    edge.append_attribute("target") = detail::node_id(net, boost::target(ref, g)).c_str();
    add_data(edge, edge_key_id("label"), facts.label);
    add_data(edge, "weight", detail::number_text(facts.weight));
    for (const auto& a : detail::edge_attributes()) add_data(edge, edge_key_id(a.name), a.value(net, facts));
  }
  detail::save_xml(doc, out, "GraphML");
}

void write_graphml_file(const graph::Network& net, const std::filesystem::path& path) {
  core::write_atomically(path, [&](std::ostream& out) { write_graphml(net, out); });
}

}  // namespace kg::exporter
