#pragma once
// Private to kg::exporter: the prefixes every RDF syntax with prefixes (Turtle, TriG, JSON-LD)
// declares, so that they abbreviate the same way.

#include <string>
#include <utility>
#include <vector>

#include "kg/exporter/turtle_writer.hpp"

namespace kg::exporter::detail {

/// (name, namespace IRI) for kg rdf rdfs owl xsd skos prov schema nif sem wd, then ent ev doc
/// under `options.base`. Throws core::Error when the base is not an absolute IRI.
std::vector<std::pair<std::string, std::string>> rdf_prefixes(const RdfOptions& options);

}  // namespace kg::exporter::detail
