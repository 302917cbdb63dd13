#pragma once
/// Every output format of `kgraph build`, by name, and the one call that writes a chosen set of
/// them into an output folder. The CLI only parses the list; the names, file names and defaults
/// live here so that `--help`, the README and the code cannot disagree.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "kg/exporter/turtle_writer.hpp"
#include "kg/graph/network.hpp"

namespace kg::exporter {

/// One output format: its `--formats` name, the file(s) it writes, and what it is.
struct OutputFormat {
  std::string_view name;         ///< `ttl`, `nt`, `nq`, `trig`, `graphml`, `gexf`, `jsonld`, `dot`, `csv`
  std::string_view files;        ///< `graph.ttl`, or `nodes.csv, edges.csv`
  std::string_view description;  ///< one line for --help
};

/// All formats, in the order of the list above.
const std::vector<OutputFormat>& output_formats();

/// `ttl,graphml,jsonld`.
inline constexpr std::string_view default_formats = "ttl,graphml,jsonld";

/// Options of write_outputs().
struct OutputOptions {
  RdfOptions rdf;  ///< RDF formats: the instance base
  /// Network formats (graphml, gexf, csv, dot): the full graph or the actor projection.
  graph::NetworkView view = graph::NetworkView::full;
};

/// Parses a comma-separated list of format names (empty items ignored, duplicates merged, order
/// of output_formats() kept). Throws core::Error naming the unknown format and the known ones, or
/// when the list names none.
std::vector<std::string> parse_format_list(std::string_view list);

/// The formats whose (first) file is in `dir`, in the order of output_formats(): what an earlier
/// build wrote there, so that `build --into` rewrites every one and leaves none stale.
std::vector<std::string> formats_in(const std::filesystem::path& dir);

/// The formats named in `a` or `b`, once each, in the order of output_formats().
std::vector<std::string> merge_format_lists(const std::vector<std::string>& a,
                                            const std::vector<std::string>& b);

/// Writes `formats` (names from output_formats()) for `g` into `dir`, each file atomically, and
/// returns the paths written in order. Throws core::Error on an unknown format or an I/O failure.
std::vector<std::filesystem::path> write_outputs(const graph::KnowledgeGraph& g,
                                                 const std::filesystem::path& dir,
                                                 const std::vector<std::string>& formats,
                                                 const OutputOptions& options = {});

}  // namespace kg::exporter
