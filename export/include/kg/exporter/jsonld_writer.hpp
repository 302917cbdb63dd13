#pragma once
/// JSON-LD export (RapidJSON): the same RDF graph as the Turtle output, for web applications.
///
/// The document is `{"@context": {…}, "@graph": [ … ]}`: an inline context (no remote context,
/// no `@vocab`) with the prefixes of the Turtle output and short terms for the vocabulary
/// (`label`, `agent`, `relation`, `date` …) carrying `@type: @id`, datatype or language
/// coercion; a flattened, compacted `@graph` with one node object per subject, references by
/// `@id` only. Literals are always strings (typed through the context), so numbers keep the
/// exact lexical form of the Turtle. Built on for_each_triple(): a JSON-LD processor's RDF is
/// isomorphic to the Turtle's (the conformance tests check it with jsonld.js and rdflib).
///
/// Only reads the graph; thread-safe like for_each_triple().

#include <filesystem>
#include <iosfwd>

#include "kg/exporter/turtle_writer.hpp"

namespace kg::exporter {

/// Writes the graph as JSON-LD to `out` (UTF-8, indented, deterministic). Throws core::Error on
/// an invalid base or when writing fails.
void write_jsonld(const graph::KnowledgeGraph& g, std::ostream& out, const RdfOptions& options = {});

/// Same, to a file, atomically. Throws core::Error naming the path on I/O failure.
void write_jsonld_file(const graph::KnowledgeGraph& g, const std::filesystem::path& path,
                       const RdfOptions& options = {});

}  // namespace kg::exporter
