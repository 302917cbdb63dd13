#pragma once
/// Private to kg::ontology: reads a Turtle file (through RdfParser, kg/ontology/rdf_parser.hpp)
/// into plain C++ triples, so that the relation catalog and the gazetteer share one reader.

#include <filesystem>
#include <string>
#include <vector>

#include "kg/core/diagnostics.hpp"

namespace kg::ontology::detail {

/// One RDF term as read from Turtle. IRIs are absolute (prefixed names expanded, relative IRIs
/// resolved against the file's URI); blank node labels are made unique per file, so triples of
/// several files can be mixed; literals keep their lexical form.
struct TurtleTerm {
  enum class Kind { iri, blank, literal };
  Kind kind = Kind::iri;
  std::string value;
  std::string datatype;  ///< absolute datatype IRI of a typed literal, else empty
  std::string language;  ///< language tag of a literal, else empty

  bool is_iri() const noexcept { return kind == Kind::iri; }
  bool is_literal() const noexcept { return kind == Kind::literal; }
};

/// One statement of the file, in document order.
struct TurtleTriple {
  TurtleTerm subject;
  std::string predicate;  ///< absolute IRI
  TurtleTerm object;
  /// Where the statement's object ends in the file (the reader reports a statement once it has
  /// read its object): close enough to point a user at the line of a bad value.
  core::SourcePosition where;
};

/// Reads every statement of the Turtle file `file`.
///
/// Syntax errors (and prefixed names whose prefix is not declared) are reported to `diagnostics`
/// as errors with `file:line:col` (column in code points), all of them, after Serd has finished;
/// then a core::Error::reported() is thrown, its message the first error. A file that cannot be read
/// throws core::Error naming it. Nothing is thrown through Serd's C callbacks. Thread-safe: every
/// call uses its own reader.
std::vector<TurtleTriple> read_turtle_file(const std::filesystem::path& file,
                                           core::DiagnosticSink& diagnostics);

}  // namespace kg::ontology::detail
