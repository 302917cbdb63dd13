#include "kg/exporter/export_formats.hpp"

#include <algorithm>
#include <memory>

#include "kg/core/diagnostics.hpp"
#include "kg/exporter/jsonld_writer.hpp"
#include "kg/exporter/network_writers.hpp"

namespace kg::exporter {

const std::vector<OutputFormat>& output_formats() {
  static const std::vector<OutputFormat> formats = {
      {"ttl", "graph.ttl", "Turtle, for any SPARQL 1.1 store"},
      {"nt", "graph.nt", "N-Triples, one triple a line"},
      {"nq", "graph.nq", "N-Quads, one named graph per document"},
      {"trig", "graph.trig", "TriG, one named graph per document"},
      {"graphml", "graph.graphml", "GraphML for Gephi, networkx, igraph"},
      {"gexf", "graph.gexf", "GEXF 1.2 (dynamic) for Gephi's timeline"},
      {"jsonld", "graph.jsonld", "JSON-LD, the same RDF graph as the Turtle"},
      {"dot", "graph.dot", "Graphviz DOT"},
      {"csv", "nodes.csv, edges.csv", "tables for Gephi's data laboratory"},
  };
  return formats;
}

std::vector<std::string> parse_format_list(std::string_view list) {
  std::vector<bool> chosen(output_formats().size(), false);
  std::size_t start = 0;
  while (start <= list.size()) {
    std::size_t comma = list.find(',', start);
    if (comma == std::string_view::npos) comma = list.size();
    const std::string_view item = list.substr(start, comma - start);
    start = comma + 1;
    if (item.empty()) continue;
    const auto& formats = output_formats();
    const auto it = std::find_if(formats.begin(), formats.end(),
                                 [&](const OutputFormat& f) { return f.name == item; });
    if (it == formats.end()) {
      std::string known;
      for (const auto& f : formats) known += (known.empty() ? "" : ", ") + std::string(f.name);
      throw core::Error("unknown format '" + std::string(item) + "' (known: " + known + ")");
    }
    chosen[static_cast<std::size_t>(it - formats.begin())] = true;
  }
  std::vector<std::string> names;
  for (std::size_t i = 0; i < chosen.size(); ++i)
    if (chosen[i]) names.emplace_back(output_formats()[i].name);
  if (names.empty()) throw core::Error("--formats lists no format");
  return names;
}

std::vector<std::string> formats_in(const std::filesystem::path& dir) {
  std::vector<std::string> names;
  for (const auto& f : output_formats()) {
    const std::string_view first = f.files.substr(0, f.files.find(','));
    std::error_code ec;
    if (std::filesystem::is_regular_file(dir / std::string(first), ec)) names.emplace_back(f.name);
  }
  return names;
}

std::vector<std::string> merge_format_lists(const std::vector<std::string>& a,
                                            const std::vector<std::string>& b) {
  std::vector<std::string> names;
  for (const auto& f : output_formats())
    if (std::count(a.begin(), a.end(), f.name) || std::count(b.begin(), b.end(), f.name))
      names.emplace_back(f.name);
  return names;
}

std::vector<std::filesystem::path> write_outputs(const graph::KnowledgeGraph& g,
                                                 const std::filesystem::path& dir,
                                                 const std::vector<std::string>& formats,
                                                 const OutputOptions& options) {
  std::vector<std::filesystem::path> written;
  std::unique_ptr<graph::Network> network;  // built once, for the first network format
  const auto net = [&]() -> const graph::Network& {
    if (!network) network = std::make_unique<graph::Network>(g, options.view);
    return *network;
  };
  const auto rdf = [&](const char* file, RdfSyntax syntax) {
    write_rdf_file(g, dir / file, syntax, options.rdf);
    written.push_back(dir / file);
  };
  for (const std::string& f : formats) {
    if (f == "ttl") {
      rdf("graph.ttl", RdfSyntax::turtle);
    } else if (f == "nt") {
      rdf("graph.nt", RdfSyntax::ntriples);
    } else if (f == "nq") {
      rdf("graph.nq", RdfSyntax::nquads);
    } else if (f == "trig") {
      rdf("graph.trig", RdfSyntax::trig);
    } else if (f == "jsonld") {
      write_jsonld_file(g, dir / "graph.jsonld", options.rdf);
      written.push_back(dir / "graph.jsonld");
    } else if (f == "graphml") {
      write_graphml_file(net(), dir / "graph.graphml");
      written.push_back(dir / "graph.graphml");
    } else if (f == "gexf") {
      write_gexf_file(net(), dir / "graph.gexf");
      written.push_back(dir / "graph.gexf");
    } else if (f == "dot") {
      write_dot_file(net(), dir / "graph.dot");
      written.push_back(dir / "graph.dot");
    } else if (f == "csv") {
      write_csv_files(net(), dir);
      written.push_back(dir / "nodes.csv");
      written.push_back(dir / "edges.csv");
    } else {
      throw core::Error("unknown format '" + f + "'");
    }
  }
  return written;
}

}  // namespace kg::exporter
