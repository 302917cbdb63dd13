#include "kg/exporter/output_folder.hpp"

#include <system_error>
#include <utility>

#include "kg/core/diagnostics.hpp"
#include "kg/core/iri.hpp"

namespace kg::exporter {

namespace fs = std::filesystem;

GraphReadBack read_graph_back(const fs::path& input, graph::KnowledgeGraph& into,
                              const RdfOptions& options) {
  fs::path file = input;
  if (fs::is_directory(file)) {
    const auto found = find_graph_file(file);
    if (!found)
      throw core::Error("'" + input.string() + "' holds no graph to read back (graph.ttl, graph.trig, "
                        "graph.nt or graph.nq): build it with one of ttl, trig, nt, nq in --formats");
    file = *found;
  } else if (!fs::exists(file)) {
    throw core::Error("'" + input.string() + "' does not exist");
  }
  GraphReadBack read;
  read.summary = read_rdf_file(file, into, options);
  read.file = std::move(file);
  return read;
}

void OutputFolder::prepare() const {
  std::error_code ec;
  fs::create_directories(dir_, ec);
  if (ec || !fs::is_directory(dir_))
    throw core::Error("cannot create output directory '" + dir_.string() + "': " + ec.message());
  core::remove_stale_temporaries(dir_);
}

void OutputFolder::lock() {
  if (!lock_) lock_.emplace(dir_);
}

std::vector<std::string> OutputFolder::formats_to_write(const std::vector<std::string>& requested) const {
  return merge_format_lists(requested, formats_in(dir_));
}

std::optional<GraphReadBack> OutputFolder::read_existing(graph::KnowledgeGraph& into,
                                                         const RdfOptions& options) const {
  if (find_graph_file(dir_)) return read_graph_back(dir_, into, options);
  if (!formats_in(dir_).empty())
    throw core::Error("'" + dir_.string() + "' holds outputs but no RDF file to read the graph back "
                      "from (graph.ttl, graph.trig, graph.nt or graph.nq), so it cannot be "
                      "added to; rebuild it with one of ttl, trig, nt, nq in --formats");
  return std::nullopt;
}

std::vector<fs::path> OutputFolder::write(const graph::KnowledgeGraph& g,
                                          const std::vector<std::string>& formats,
                                          const OutputOptions& options) const {
  return write_outputs(g, dir_, formats, options);
}

KnownDocuments::KnownDocuments(const graph::KnowledgeGraph& g) {
  for (const auto& d : g.documents()) names_.insert(d.local_name);
}

bool KnownDocuments::contains(const core::Document& doc) const {
  return names_.count(core::mint_local_name(doc.id)) > 0;
}

}  // namespace kg::exporter
