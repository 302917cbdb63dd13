#include "network_attributes.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <set>

#include "kg/core/text.hpp"

namespace kg::exporter::detail {

namespace {

std::string count_text(std::size_t n) { return std::to_string(n); }

/// Distinct labels of the sources the evidence is attributed to, in order first seen.
std::string attributed_to(const graph::Network& net, const EdgeFacts& facts) {
  const auto& g = net.source();
  std::vector<std::string> labels;
  for (std::size_t i : facts.evidence) {
    const auto& source = g.events()[i].attributed_to;
    if (!source) continue;
    const std::string& label = g.entity(*source).label;
    if (std::find(labels.begin(), labels.end(), label) == labels.end()) labels.push_back(label);
  }
  std::string text;
  for (const auto& l : labels) text += (text.empty() ? "" : "; ") + l;
  return display_text(text);
}

}  // namespace

std::string display_text(std::string_view text) {
  const std::string valid = core::repair_utf8(text);
  std::string out;
  out.reserve(valid.size());
  for (std::size_t i = 0; i < valid.size(); ++i) {
    const auto c = static_cast<unsigned char>(valid[i]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;
    // U+FFFE and U+FFFF: EF BF BE / EF BF BF.
    if (c == 0xEF && i + 2 < valid.size() && static_cast<unsigned char>(valid[i + 1]) == 0xBF &&
        (static_cast<unsigned char>(valid[i + 2]) == 0xBE ||
         static_cast<unsigned char>(valid[i + 2]) == 0xBF)) {
      i += 2;
      continue;
    }
    out += valid[i];
  }
  return out;
}

std::string number_text(double value) {
  std::array<char, 64> buf{};
  const auto [end, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), value);
  return ec == std::errc() ? std::string(buf.data(), end) : std::string("0");
}

EdgeFacts edge_facts(const graph::NetworkEdge& edge) {
  EdgeFacts f;
  f.label = display_text(edge.label());
  f.relation = edge.main().relation;
  f.cameo = edge.main().cameo;
  f.weight = edge.weight;
  f.first_date = edge.first_date;
  f.last_date = edge.last_date;
  for (const auto& facet : edge.facets) {
    f.relations += (f.relations.empty() ? "" : "; ") + facet.relation;
    f.evidence.insert(f.evidence.end(), facet.evidence.begin(), facet.evidence.end());
  }
  std::sort(f.evidence.begin(), f.evidence.end());
  f.relation = display_text(f.relation);
  f.relations = display_text(f.relations);
  f.cameo = display_text(f.cameo);
  return f;
}

EdgeFacts edge_facts(const graph::RelationFacet& facet) {
  EdgeFacts f;
  f.label = display_text(facet.label());
  f.relation = display_text(facet.relation);
  f.relations = f.relation;
  f.cameo = display_text(facet.cameo);
  f.weight = facet.weight();
  f.first_date = facet.first_date;
  f.last_date = facet.last_date;
  f.evidence = facet.evidence;
  return f;
}

const std::string& node_id(const graph::Network& net, graph::NetworkVertex v) {
  return net.entity(v).local_name;
}

std::string node_label(const graph::Network& net, graph::NetworkVertex v) {
  return display_text(net.entity(v).label);
}

const std::vector<NodeAttribute>& node_attributes() {
  using graph::Network;
  using graph::NetworkVertex;
  static const std::vector<NodeAttribute> table = {
      {"type", AttributeType::string,
       [](const Network& n, NetworkVertex v) {
         return std::string(core::entity_type_name(n.entity(v).type));
       }},
      {"mentions", AttributeType::integer,
       [](const Network& n, NetworkVertex v) { return count_text(n.entity(v).mentions); }},
      {"wikidata", AttributeType::string,
       [](const Network& n, NetworkVertex v) { return display_text(n.entity(v).wikidata); }},
      {"aliases", AttributeType::string,
       [](const Network& n, NetworkVertex v) {
         std::string text;
         for (const auto& a : n.entity(v).aliases) text += (text.empty() ? "" : "; ") + a;
         return display_text(text);
       }},
      {"first_date", AttributeType::string,
       [](const Network& n, NetworkVertex v) { return n.entity(v).first_date; }},
      {"last_date", AttributeType::string,
       [](const Network& n, NetworkVertex v) { return n.entity(v).last_date; }},
      {"in_degree", AttributeType::integer,
       [](const Network& n, NetworkVertex v) { return count_text(n.node(v).in_degree); }},
      {"out_degree", AttributeType::integer,
       [](const Network& n, NetworkVertex v) { return count_text(n.node(v).out_degree); }},
      {"degree", AttributeType::integer,
       [](const Network& n, NetworkVertex v) {
         return count_text(n.node(v).in_degree + n.node(v).out_degree);
       }},
      {"weighted_degree", AttributeType::real,
       [](const Network& n, NetworkVertex v) {
         return number_text(n.node(v).weighted_in + n.node(v).weighted_out);
       }},
      {"pagerank", AttributeType::real,
       [](const Network& n, NetworkVertex v) { return number_text(n.node(v).pagerank); }},
  };
  return table;
}

const std::vector<EdgeAttribute>& edge_attributes() {
  using graph::Network;
  static const std::vector<EdgeAttribute> table = {
      {"relation", AttributeType::string,
       [](const Network&, const EdgeFacts& f) { return f.relation; }},
      {"relations", AttributeType::string,
       [](const Network&, const EdgeFacts& f) { return f.relations; }},
      {"cameo", AttributeType::string, [](const Network&, const EdgeFacts& f) { return f.cameo; }},
      {"first_date", AttributeType::string,
       [](const Network&, const EdgeFacts& f) { return f.first_date; }},
      {"last_date", AttributeType::string,
       [](const Network&, const EdgeFacts& f) { return f.last_date; }},
      {"attributed_to", AttributeType::string, &attributed_to},
      {"sentence", AttributeType::string,
       [](const Network& n, const EdgeFacts& f) {
         return f.evidence.empty()
                    ? std::string()
                    : display_text(n.source().events()[f.evidence.front()].sentence_text);
       }},
      {"evidence", AttributeType::integer,
       [](const Network&, const EdgeFacts& f) { return count_text(f.evidence.size()); }},
  };
  return table;
}

}  // namespace kg::exporter::detail
