#pragma once
// Private to kg::exporter: our RdfSyntax as Serd's, for the writers and the reader.

#include <serd/serd.h>

#include "kg/exporter/turtle_writer.hpp"

namespace kg::exporter::detail {

inline SerdSyntax serd_syntax(RdfSyntax syntax) {
  switch (syntax) {
    case RdfSyntax::turtle: return SERD_TURTLE;
    case RdfSyntax::ntriples: return SERD_NTRIPLES;
    case RdfSyntax::nquads: return SERD_NQUADS;
    case RdfSyntax::trig: return SERD_TRIG;
  }
  return SERD_TURTLE;
}

}  // namespace kg::exporter::detail
