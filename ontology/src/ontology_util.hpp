#pragma once
/// Private to kg::ontology: small helpers the relation catalog and the gazetteer share while they
/// turn Turtle triples into their tables.

#include <string>
#include <string_view>
#include <utility>

#include "kg/core/diagnostics.hpp"

namespace kg::ontology::detail {

/// Reports a warning about the value `token` read at `where`: the loaders skip such values and
/// carry on.
inline void warn(core::DiagnosticSink& diagnostics, const core::SourcePosition& where,
                 std::string message, std::string token) {
  core::Diagnostic d;
  d.severity = core::Severity::warning;
  d.where = where;
  d.message = std::move(message);
  d.token = std::move(token);
  diagnostics.report(std::move(d));
}

}  // namespace kg::ontology::detail
