#pragma once
/// RDF export of a KnowledgeGraph following ARCHITECTURE's "RDF model" (the public contract for
/// SPARQL users), and the Serd writers built on it: Turtle, N-Triples, N-Quads and TriG.
///
/// for_each_triple() decides *what* the RDF graph is; the writers only decide how it looks.
/// Every RDF serialisation (these, and JSON-LD in jsonld_writer.hpp) is built on
/// for_each_triple(), so that they are the same RDF graph by construction.
///
/// All functions only read the graph: they may run concurrently on the same (read-only) graph.

#include <filesystem>
#include <functional>
#include <iosfwd>
#include <string>

#include "kg/graph/knowledge_graph.hpp"
#include "kg/ontology/rdf_parser.hpp"
#include "kg/ontology/vocabulary.hpp"

namespace kg::exporter {

/// Options shared by the RDF writers.
struct RdfOptions {
  /// Base of instance IRIs (`--base`): ent: = base + "entity/", ev: = base + "event/",
  /// doc: = base + "doc/". Must be an absolute IRI (have a scheme); characters IRIs forbid are
  /// percent-encoded. Nothing is added: give it its trailing `/` or `#`.
  std::string base = std::string(ontology::ns::default_base);
};

/// An RDF term: an absolute IRI, or a literal.
struct RdfTerm {
  enum class Kind { iri, literal };
  Kind kind = Kind::iri;
  /// The IRI (valid inside `<…>`: no spaces, quotes, angle brackets, controls), or the literal's
  /// lexical form (valid UTF-8 without NUL; any other character may occur and is the writer's
  /// job to escape).
  std::string value;
  std::string datatype;  ///< literal datatype IRI; empty for a plain (xsd:string) or tagged literal
  std::string language;  ///< literal language tag (`en`) or empty
};

/// One statement, with the named graph it belongs to in the dataset formats (N-Quads, TriG).
struct RdfTriple {
  RdfTerm subject;
  RdfTerm predicate;
  RdfTerm object;
  /// The IRI of the named graph: the document's `doc:` IRI for what was read from one document
  /// (the document itself, its events and their NIF strings), so that a store can reload one
  /// document atomically; empty for the default graph (entities, which every document adds to).
  std::string graph;
};

/// The RDF syntaxes written with Serd (and read back with the ontology's RdfParser, hence
/// defined there): turtle, ntriples, nquads, trig.
using RdfSyntax = ontology::RdfSyntax;

/// Calls `emit` for every triple of the RDF model of `g`, in a deterministic order with the
/// triples of one subject together and no duplicate triple within a subject:
///  1. entities sorted by IRI: types (kg: and schema.org), one rdfs:label, skos:altLabel per
///     alias, owl:sameAs wd:…, kg:mentions, kg:firstDate and kg:lastDate (the dates of the
///     documents that mention it, when known), then the direct "truthy" triples `ent:a kg:rel ent:b`
///     of its outgoing edges that have at least one asserted, non-negated event as evidence
///     (default graph);
///  2. for each document in graph order: the document (schema:NewsArticle with the fields
///     present), then its events in graph order, each sentence's NIF string
///     (`doc:<id>#char=b,e`) after its events (named graph: the document's IRI).
/// Type mapping to schema.org: Person -> schema:Person, Organization -> schema:Organization,
/// Country -> schema:Country, Location -> schema:Place; Group and Concept get no schema.org class
/// (schema.org has none for an informal group of people or an abstract thing).
/// Throws core::Error when `options.base` is not an absolute IRI. Exceptions from `emit` pass
/// through.
void for_each_triple(const graph::KnowledgeGraph& g, const RdfOptions& options,
                     const std::function<void(const RdfTriple&)>& emit);

/// Writes the whole graph as Turtle to `out` with Serd: `@prefix` directives for kg rdf rdfs owl
/// xsd skos prov schema nif sem wd ent ev doc, then the triples of for_each_triple() grouped by
/// subject. Deterministic: the same graph gives byte-identical output. Literals are always written
/// as single-line `"…"` strings with escapes (Serd 0.30's long-string form is not reliably
/// parseable). Throws core::Error on an invalid base or when writing to `out` fails.
void write_turtle(const graph::KnowledgeGraph& g, std::ostream& out,
                  const RdfOptions& options = {});

/// Same, to a file, atomically (core::write_atomically): `path` holds either its old content or
/// the complete new document. Throws core::Error naming the path on I/O failure.
void write_turtle_file(const graph::KnowledgeGraph& g, const std::filesystem::path& path,
                       const RdfOptions& options = {});

/// Writes the whole graph in `syntax` with Serd (Turtle as write_turtle; N-Triples and N-Quads one
/// statement a line with every IRI in full; TriG with prefixes and one block per named graph).
/// Deterministic. Throws core::Error on an invalid base or when writing to `out` fails.
void write_rdf(const graph::KnowledgeGraph& g, std::ostream& out, RdfSyntax syntax,
               const RdfOptions& options = {});

/// Same, to a file, atomically. Throws core::Error naming the path on I/O failure.
void write_rdf_file(const graph::KnowledgeGraph& g, const std::filesystem::path& path,
                    RdfSyntax syntax, const RdfOptions& options = {});

}  // namespace kg::exporter
