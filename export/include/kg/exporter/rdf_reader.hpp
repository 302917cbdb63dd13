#pragma once
/// Reading a graph back from kgraph's own RDF output, for incremental builds (`kgraph build
/// --into`) and for `kgraph merge`: the inverse of for_each_triple() (turtle_writer.hpp).
///
/// Any of the four syntaxes the writers produce is read with Serd (N-Quads, TriG, Turtle,
/// N-Triples: the same triples; the dataset formats also name each document's graph). What the RDF
/// model says is rebuilt into graph::KnowledgeGraph records through its merge interface
/// (add_entity, add_document, add_events), so that reading graph A and then extracting articles B
/// into it gives what extracting A's and B's articles in one run gives.
///
/// Order of statements does not matter, except that documents are added in the order their
/// subjects first appear, and fillers of one role of an event keep their order (both as written).
/// Statements the RDF model does not define (another vocabulary added by hand, blank nodes) are
/// counted and left out. Thread-safe for distinct target graphs.

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "kg/exporter/turtle_writer.hpp"
#include "kg/graph/knowledge_graph.hpp"

namespace kg::exporter {

/// What one read added to the graph.
struct RdfReadSummary {
  std::size_t statements = 0;  ///< statements read
  std::size_t ignored = 0;     ///< statements outside the RDF model, left out
  std::size_t documents = 0;   ///< documents added
  std::size_t entities = 0;    ///< entity descriptions read (new or merged into existing ones)
  std::size_t events = 0;      ///< events added
};

/// The file of an output folder to read back: the first of `graph.ttl`, `graph.trig`, `graph.nt`,
/// `graph.nq` that exists there (they hold the same triples), or nullopt when there is none.
std::optional<std::filesystem::path> find_graph_file(const std::filesystem::path& dir);

/// The syntax of `file` by its extension (`.nq`, `.trig`, `.ttl`, `.nt`), or nullopt.
std::optional<RdfSyntax> syntax_of(const std::filesystem::path& file);

/// Reads RDF text in `syntax` (`name` is used in messages, e.g. the file's path) and adds it to
/// `into`. Instance IRIs must lie under `options.base`, as the graph was written.
///
/// All or nothing: on any error `into` is left as it was and core::Error is thrown, its message
/// `name:line:col: error: invalid Turtle: …` for a syntax error (kg::ontology::RdfParser: the
/// column in code points, as the ontology's loader reports it), or naming the
/// subject whose description does not fit the RDF model, or the document that `into` already
/// holds (graphs to merge must come from different articles: entity mention counts of the two
/// could not be told apart otherwise).
RdfReadSummary read_rdf(std::string_view text, RdfSyntax syntax, const std::string& name,
                        graph::KnowledgeGraph& into, const RdfOptions& options = {});

/// Same for a file, read incrementally (syntax by its extension). Also throws core::Error naming
/// the path when it cannot be opened or its extension is not one of the four.
RdfReadSummary read_rdf_file(const std::filesystem::path& path, graph::KnowledgeGraph& into,
                             const RdfOptions& options = {});

}  // namespace kg::exporter
