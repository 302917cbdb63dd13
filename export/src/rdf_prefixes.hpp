#pragma once
// Private to kg::exporter: the instance namespaces, and the prefixes every RDF syntax with prefixes
// (Turtle, TriG, JSON-LD) declares, so that they abbreviate the same way; shared with the reader
// (rdf_reader.cpp), which must take the IRIs apart the way the writer made them.

#include <string>
#include <utility>
#include <vector>

#include "kg/exporter/turtle_writer.hpp"

namespace kg::exporter::detail {

/// The instance namespaces under RdfOptions::base: ent: = base + `entity/`, ev: = base + `event/`,
/// doc: = base + `doc/` (the base with characters IRIs forbid percent-encoded). Throws core::Error
/// when the base is not an absolute IRI.
struct InstanceBases {
  std::string ent;
  std::string ev;
  std::string doc;
};
InstanceBases instance_bases(const RdfOptions& options);

/// (name, namespace IRI) for kg rdf rdfs owl xsd skos prov schema nif sem wd, then ent ev doc
/// under `options.base`. Throws core::Error when the base is not an absolute IRI.
std::vector<std::pair<std::string, std::string>> rdf_prefixes(const RdfOptions& options);

}  // namespace kg::exporter::detail
