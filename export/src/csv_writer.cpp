// Node and edge tables for Gephi's data laboratory (see network_writers.hpp for the contract).

#include <ostream>
#include <string>
#include <vector>

#include "kg/core/atomic_file.hpp"
#include "kg/core/diagnostics.hpp"
#include "kg/exporter/network_writers.hpp"
#include "network_attributes.hpp"

namespace kg::exporter {

namespace {

/// RFC 4180: quote a field holding a comma, a quote, CR or LF, and double its quotes.
std::string csv_field(const std::string& value) {
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

void write_row(std::ostream& out, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out << ',';
    out << csv_field(fields[i]);
  }
  out << "\r\n";
}

void check(std::ostream& out) {
  out.flush();
  if (!out) throw core::Error("cannot write CSV: output stream failed");
}

}  // namespace

void write_csv_nodes(const graph::Network& net, std::ostream& out) {
  std::vector<std::string> header = {"Id", "Label"};
  for (const auto& a : detail::node_attributes()) header.emplace_back(a.name);
  write_row(out, header);
  const auto& g = net.graph();
  for (auto [it, end] = boost::vertices(g); it != end; ++it) {
    std::vector<std::string> row = {detail::node_id(net, *it), detail::node_label(net, *it)};
    for (const auto& a : detail::node_attributes()) row.push_back(a.value(net, *it));
    write_row(out, row);
  }
  check(out);
}

void write_csv_edges(const graph::Network& net, std::ostream& out) {
  std::vector<std::string> header = {"Source", "Target", "Type", "Id", "Label", "Weight"};
  for (const auto& a : detail::edge_attributes()) header.emplace_back(a.name);
  write_row(out, header);
  const auto& g = net.graph();
  for (graph::NetworkEdgeRef ref : net.edges()) {
    const graph::NetworkEdge& e = net.edge(ref);
    const detail::EdgeFacts facts = detail::edge_facts(e);
    std::vector<std::string> row = {detail::node_id(net, boost::source(ref, g)),
                                    detail::node_id(net, boost::target(ref, g)),
                                    "Directed",
                                    e.id,
                                    facts.label,
                                    detail::number_text(facts.weight)};
    for (const auto& a : detail::edge_attributes()) row.push_back(a.value(net, facts));
    write_row(out, row);
  }
  check(out);
}

void write_csv_files(const graph::Network& net, const std::filesystem::path& dir) {
  core::write_atomically(dir / "nodes.csv", [&](std::ostream& out) { write_csv_nodes(net, out); });
  core::write_atomically(dir / "edges.csv", [&](std::ostream& out) { write_csv_edges(net, out); });
}

}  // namespace kg::exporter
