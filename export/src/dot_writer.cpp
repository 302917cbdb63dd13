// Graphviz DOT for a quick picture (see network_writers.hpp for the contract).

#include <algorithm>
#include <cmath>
#include <ostream>
#include <string>

#include "kg/core/atomic_file.hpp"
#include "kg/core/diagnostics.hpp"
#include "kg/exporter/network_writers.hpp"
#include "network_attributes.hpp"

namespace kg::exporter {

namespace {

/// A DOT double-quoted string. In labels a backslash starts an escape (`\n`, `\N`, `\l` …), so
/// backslashes are doubled, quotes escaped, and line breaks become `\n`; tabs become spaces.
std::string dot_string(const std::string& text) {
  std::string out = "\"";
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\' || c == '"') {
      out += '\\';
      out += c;
    } else if (c == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      out += "\\n";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += ' ';
    } else {
      out += c;
    }
  }
  out += '"';
  return out;
}

const char* shape(core::EntityType type) {
  switch (type) {
    case core::EntityType::person: return "ellipse";
    case core::EntityType::organization: return "box";
    case core::EntityType::country: return "doubleoctagon";
    case core::EntityType::location: return "house";
    case core::EntityType::group: return "hexagon";
    case core::EntityType::concept_: return "note";
  }
  return "ellipse";
}

// Graphviz keeps names starting with `%` for its own anonymous nodes, and local names may start
// with a percent-encoded character: node ids are the `ent:` CURIE instead.
std::string dot_id(const graph::Network& net, graph::NetworkVertex v) {
  return dot_string("ent:" + detail::node_id(net, v));
}

}  // namespace

void write_dot(const graph::Network& net, std::ostream& out) {
  out << "digraph kgraph {\n"
         "  graph [charset=\"UTF-8\", rankdir=LR, overlap=false];\n"
         "  node [fontname=\"Helvetica\", fontsize=10];\n"
         "  edge [fontname=\"Helvetica\", fontsize=8];\n";
  const auto& g = net.graph();
  for (auto [it, end] = boost::vertices(g); it != end; ++it) {
    out << "  " << dot_id(net, *it)
        << " [label=" << dot_string(detail::node_label(net, *it))
        << ", shape=" << shape(net.entity(*it).type) << "];\n";
  }
  for (graph::NetworkEdgeRef ref : net.edges()) {
    const graph::NetworkEdge& e = net.edge(ref);
    const double width = 1.0 + std::log2(std::max(1.0, e.weight));
    out << "  " << dot_id(net, boost::source(ref, g)) << " -> " << dot_id(net, boost::target(ref, g))
        << " [id=" << dot_string(e.id) << ", label=" << dot_string(detail::display_text(e.label()))
        << ", weight=" << detail::number_text(e.weight)
        << ", penwidth=" << detail::number_text(std::round(width * 100) / 100) << "];\n";
  }
  out << "}\n";
  out.flush();
  if (!out) throw core::Error("cannot write DOT: output stream failed");
}

void write_dot_file(const graph::Network& net, const std::filesystem::path& path) {
  core::write_atomically(path, [&](std::ostream& out) { write_dot(net, out); });
}

}  // namespace kg::exporter
