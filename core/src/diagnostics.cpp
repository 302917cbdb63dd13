#include "kg/core/diagnostics.hpp"

#include <cstdio>
#include <cstdlib>
#include <ostream>

#include "kg/core/text.hpp"

namespace kg::core {

std::string format(const Diagnostic& d) {
  std::string out;
  if (!d.where.file.empty()) {
    out += d.where.file;
    if (d.where.line) {
      out += ':' + std::to_string(d.where.line);
      if (d.where.column) out += ':' + std::to_string(d.where.column);
    }
    out += ": ";
  }
  switch (d.severity) {
    case Severity::note: out += "note: "; break;
    case Severity::warning: out += "warning: "; break;
    case Severity::error: out += "error: "; break;
  }
  out += d.message;
  if (!d.token.empty()) out += " \u2014 '" + printable_excerpt(d.token, 40) + "'";
  return out;
}

void StreamDiagnostics::report(Diagnostic d) {
  const bool is_error = d.severity == Severity::error;
  if (is_error) ++errors_;
  if (d.severity == Severity::warning) ++warnings_;
  {
    std::lock_guard lock(mutex_);
    if (stream_) {
      *stream_ << format(d) << '\n';
      stream_->flush();
    } else {
      kept_.push_back(d);
    }
  }
  if (is_error && strict_)
    throw Error::reported(format(d) + " (--strict)", "stopped at the first input error (--strict)", 1);
}

std::vector<Diagnostic> StreamDiagnostics::kept() const {
  std::lock_guard lock(mutex_);
  return kept_;
}

void assertion_failed(const char* expr, const char* file, int line, const char* func) {
  std::fprintf(stderr,
               "kgraph: internal error: assertion '%s' failed in %s at %s:%d; please report it\n",
               expr, func, file, line);
  std::abort();
}

}  // namespace kg::core
