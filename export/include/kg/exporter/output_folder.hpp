#pragma once
/// The rules of an output folder of `kgraph build -o`, `build --into` and `kgraph merge`: how it
/// is made ready and locked, how the graph it holds is read back, which articles are then
/// skipped, and which formats are written into it, so that none is left stale.
///
/// Nothing here prints: what was read or found is returned, and the CLI says it. Failures are
/// core::Error (exit code 2) with the folder or file named.

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "kg/core/atomic_file.hpp"
#include "kg/core/types.hpp"
#include "kg/exporter/export_formats.hpp"
#include "kg/exporter/rdf_reader.hpp"
#include "kg/graph/knowledge_graph.hpp"

namespace kg::exporter {

/// What reading a graph back gave: the RDF file read and what it added.
struct GraphReadBack {
  std::filesystem::path file;
  RdfReadSummary summary;
};

/// Reads the graph `input` holds into `into`: an output folder (its graph.ttl, graph.trig,
/// graph.nt or graph.nq: the first there is, see find_graph_file()) or one such file. Throws
/// core::Error when a folder holds none of them, when `input` does not exist, and as
/// read_rdf_file() does.
GraphReadBack read_graph_back(const std::filesystem::path& input, graph::KnowledgeGraph& into,
                              const RdfOptions& options = {});

/// One output folder. Not thread-safe; one object per run.
class OutputFolder {
 public:
  explicit OutputFolder(std::filesystem::path dir) : dir_(std::move(dir)) {}

  const std::filesystem::path& path() const noexcept { return dir_; }

  /// Creates the folder if missing and removes what a killed run left half-written (its outputs
  /// are still the previous complete ones, see core::write_atomically). Throws core::Error when
  /// it cannot be created.
  void prepare() const;

  /// Takes the folder's lock (core::DirectoryLock) until this object goes, if not taken yet; the
  /// folder must exist. Throws core::Error when another process holds it.
  void lock();
  bool locked() const noexcept { return lock_.has_value(); }

  /// `requested` plus every format whose file the folder holds already (formats_in()), in the
  /// order of output_formats(): adding to a folder or merging into it rewrites them all.
  std::vector<std::string> formats_to_write(const std::vector<std::string>& requested) const;

  /// For `build --into`: reads the folder's graph back into `into`. nullopt, with `into`
  /// unchanged, when the folder (missing, or empty of outputs) holds no graph yet: a new one
  /// starts. Throws core::Error when it holds outputs but no RDF file to read the graph from
  /// (it could not be added to), and as read_graph_back() does.
  std::optional<GraphReadBack> read_existing(graph::KnowledgeGraph& into,
                                             const RdfOptions& options = {}) const;

  /// Writes `formats` of `g` into the folder (write_outputs(): each file atomically) and returns
  /// the paths written.
  std::vector<std::filesystem::path> write(const graph::KnowledgeGraph& g,
                                           const std::vector<std::string>& formats,
                                           const OutputOptions& options = {}) const;

 private:
  std::filesystem::path dir_;
  std::optional<core::DirectoryLock> lock_;
};

/// The skip rule of `build --into`: an article whose document the graph already holds (by the
/// local name its id mints, as the writer names documents) is not extracted again. Read-only
/// after construction, so the extraction workers may ask it at once.
class KnownDocuments {
 public:
  /// The documents of `g` as it is now.
  explicit KnownDocuments(const graph::KnowledgeGraph& g);

  bool empty() const noexcept { return names_.empty(); }
  std::size_t size() const noexcept { return names_.size(); }
  /// Whether `doc` is in the graph already, so skipped.
  bool contains(const core::Document& doc) const;

 private:
  std::unordered_set<std::string> names_;
};

}  // namespace kg::exporter
