#pragma once
/// Reading RDF text with Serd: the one place of kgraph that holds a SerdReader, used for the
/// ontology's Turtle files (the relation catalog, the gazetteers, --gazetteer) and for the graph
/// files kgraph reads back (kg::exporter::read_rdf, for `build --into` and `merge`).
///
/// It also holds the one mapping of Serd's positions to what users see: `file:line:col`, line
/// and column counted from 1, the column in Unicode code points (Serd counts bytes), so that the
/// same bad line is reported at the same place whichever command reads it.
///
/// Serd stays private: nothing of it appears here. Thread-safe for distinct parsers.

#include <cstdio>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kg/core/diagnostics.hpp"

namespace kg::ontology {

/// The RDF syntaxes kgraph reads (and writes: kg::exporter::RdfSyntax is this type). The values
/// are Serd's `SerdSyntax` ones (checked in rdf_parser.cpp), so that the Serd writers convert
/// with a cast.
enum class RdfSyntax {
  turtle = 1,    ///< `graph.ttl`: prefixes, abbreviated (the default graph only)
  ntriples = 2,  ///< `graph.nt`: one triple a line (the default graph only)
  nquads = 3,    ///< `graph.nq`: one triple a line, with its named graph
  trig = 4,      ///< `graph.trig`: Turtle with one `GRAPH { }` block per document
};

/// The name of a syntax in messages: `Turtle`, `N-Triples`, `N-Quads`, `TriG`.
std::string_view syntax_name(RdfSyntax syntax);

/// One term of a statement as read.
struct RdfNode {
  enum class Kind {
    iri,         ///< `value` is an absolute IRI (prefixed names expanded, relative IRIs resolved)
    blank,       ///< `value` is the blank node label (with RdfParseOptions::blank_prefix)
    literal,     ///< `value` is the lexical form
    unresolved,  ///< a prefixed name with an undeclared prefix, or a relative IRI without a
                 ///< base: `value` is the text as written, `prefixed` says which
  };
  Kind kind = Kind::iri;
  std::string value;
  /// Of a typed literal: the absolute datatype IRI, or (datatype_resolved false) the datatype as
  /// written when it could not be expanded. Empty otherwise.
  std::string datatype;
  bool datatype_resolved = true;
  std::string language;   ///< language tag of a literal, else empty
  bool prefixed = false;  ///< unresolved: written as a prefixed name (else a relative IRI)

  bool is_iri() const noexcept { return kind == Kind::iri; }
  bool is_literal() const noexcept { return kind == Kind::literal; }
};

/// One statement, in document order.
struct RdfStatement {
  RdfNode subject;
  RdfNode predicate;
  RdfNode object;
  /// Where the statement's object ends (Serd reports a statement once it has read one byte past
  /// its object): only with RdfParseOptions::positions, else just the file name.
  core::SourcePosition where;
};

/// How to read.
struct RdfParseOptions {
  RdfSyntax syntax = RdfSyntax::turtle;
  /// true: the first error stops the read (Serd's strict mode). false: Serd carries on after an
  /// error so that one read reports them all; it still reports every problem.
  bool strict = true;
  /// Relative IRIs resolve against it (e.g. the file's own `file:` URI); empty: no base.
  std::string base_iri;
  /// Prepended to every blank node label, to keep the labels of several files apart.
  std::string blank_prefix;
  /// Statements carry their position (RdfStatement::where). Serd then pulls the text one byte
  /// at a time: for the small ontology files, not for graphs read back.
  bool positions = false;
};

/// Reads one document (a string or a file) with Serd and hands every statement to a callback.
///
/// Syntax errors are returned as error diagnostics, `message` "invalid <syntax>: <Serd's text>",
/// their position mapped as said above, `token` the rest of the line from there. Nothing is
/// thrown through Serd's C callbacks: an exception from the statement callback stops the read
/// and is rethrown by parse_*() once Serd has returned.
class RdfParser {
 public:
  /// Receives each statement; the reference is valid during the call only.
  using StatementSink = std::function<void(const RdfStatement&)>;

  /// `name` names the document in positions (a file's path as the user gave it).
  RdfParser(std::string name, RdfParseOptions options);
  ~RdfParser();
  RdfParser(const RdfParser&) = delete;
  RdfParser& operator=(const RdfParser&) = delete;

  /// Parses `text`; the syntax errors (none: it was read whole). Call one parse_*() per parser.
  std::vector<core::Diagnostic> parse_string(std::string_view text, const StatementSink& sink);

  /// Parses an open file incrementally; on an error, `path` is read again to map its position.
  /// The caller opens `file` (and checks std::ferror after) so that it words those failures.
  std::vector<core::Diagnostic> parse_file(std::FILE* file, const std::filesystem::path& path,
                                           const StatementSink& sink);

  /// Where `written` (a term just read) last occurs before the read point: the position of an
  /// error about a term. parse_string() with positions only; else the read point.
  core::SourcePosition locate(std::string_view written) const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

/// The `file:` URI of an absolute path (percent-encoded as Serd does), e.g. a base IRI.
std::string file_uri(const std::string& absolute_path);

/// Serd's position of an error (line from 1, column in bytes from 0; see rdf_parser.cpp) in the
/// `line_text` it falls on, as users see it: `name:line:col` with the column in code points from
/// 1. The one mapping behind RdfParser's diagnostics, public for tests.
core::SourcePosition serd_error_position(const std::string& name, std::size_t line,
                                         std::size_t byte_column, std::string_view line_text);

}  // namespace kg::ontology
