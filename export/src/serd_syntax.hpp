#pragma once
// Private to kg::exporter: our RdfSyntax as Serd's, for the writers and the reader.

#include <serd/serd.h>

#include "kg/exporter/turtle_writer.hpp"

namespace kg::exporter::detail {

/// RdfSyntax (ontology/rdf_parser.hpp) holds Serd's values, as rdf_parser.cpp checks.
inline SerdSyntax serd_syntax(RdfSyntax syntax) { return static_cast<SerdSyntax>(syntax); }

}  // namespace kg::exporter::detail
