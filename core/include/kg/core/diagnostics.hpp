#pragma once
/// Diagnostics: how every stage reports bad input without printing and without stopping.
///
/// A stage that meets bad input (invalid UTF-8, a malformed JSON line, a sentence the parser
/// cannot handle) builds a Diagnostic and hands it to a DiagnosticSink, then carries on. Only the
/// CLI decides what to do with them (print, count, or stop at the first one under --strict).

#include <atomic>
#include <cstddef>
#include <iosfwd>
#include <mutex>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace kg::core {

/// How bad a diagnostic is. Errors mean some input was skipped; they make `kgraph` exit with 1.
enum class Severity { note, warning, error };

/// A position in an input file. Lines and columns count from 1; column counts Unicode code points
/// (bytes for invalid UTF-8). Zero means "unknown" and is left out when printed.
struct SourcePosition {
  std::string file;
  std::size_t line = 0;
  std::size_t column = 0;
};

/// One report about the input: `file:line:col: error: message — 'token'`.
struct Diagnostic {
  Severity severity = Severity::error;
  SourcePosition where;
  std::string message;
  std::string token;  ///< offending text, shortened and made printable by format()
};

/// Renders a diagnostic in the compiler-like form users grep for.
std::string format(const Diagnostic& d);

/// Receives diagnostics. Implementations must be safe to call from several threads at once.
class DiagnosticSink {
 public:
  virtual ~DiagnosticSink() = default;
  virtual void report(Diagnostic d) = 0;
};

/// Thrown by a sink in strict mode and by stages for environment failures (cannot open output,
/// bad option). Caught only in main; exit code 2 for environment errors, 1 for strict input errors.
///
/// main prints every error once, with `error:` once: a plain message as `kgraph: error: what`; a
/// located() one, whose message is already a formatted diagnostic (`file:line:col: error: …`),
/// as `kgraph: what`; a reported() one, whose diagnostics a DiagnosticSink has had already, only
/// as its note (`kgraph: stopped at the first input error (--strict)`).
class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& what, int exit_code = 2)
      : std::runtime_error(what), exit_code_(exit_code) {}

  /// An error whose message `formatted` is a diagnostic as format() renders it.
  static Error located(const std::string& formatted, int exit_code = 2) {
    Error e(formatted, exit_code);
    e.located_ = true;
    return e;
  }
  /// An error whose diagnostics were handed to a sink already: what() keeps them for callers
  /// that catch it, `note` (without `error:`) is what main adds to what the sink printed.
  static Error reported(const std::string& formatted, std::string note, int exit_code = 2) {
    Error e = located(formatted, exit_code);
    e.note_ = std::move(note);
    return e;
  }

  int exit_code() const noexcept { return exit_code_; }
  bool located() const noexcept { return located_; }
  bool reported() const noexcept { return !note_.empty(); }
  const std::string& note() const noexcept { return note_; }

 private:
  int exit_code_;
  bool located_ = false;
  std::string note_;
};

/// The sink the CLI uses: prints each diagnostic to a stream (or keeps them, when stream is null),
/// counts them, and under `strict` throws Error(…, 1) on the first error. Thread-safe.
class StreamDiagnostics final : public DiagnosticSink {
 public:
  explicit StreamDiagnostics(std::ostream* stream, bool strict = false)
      : stream_(stream), strict_(strict) {}
  void report(Diagnostic d) override;
  std::size_t errors() const noexcept { return errors_; }
  std::size_t warnings() const noexcept { return warnings_; }
  /// Diagnostics kept when no stream was given (for tests).
  std::vector<Diagnostic> kept() const;

 private:
  std::ostream* stream_;
  bool strict_;
  std::atomic<std::size_t> errors_{0};
  std::atomic<std::size_t> warnings_{0};
  mutable std::mutex mutex_;
  std::vector<Diagnostic> kept_;
};

}  // namespace kg::core

/// Bug checks in our own code: aborts naming the source location. Not for bad input.
#define KG_ASSERT(cond)                                                                     \
  do {                                                                                      \
    if (!(cond)) ::kg::core::assertion_failed(#cond, __FILE__, __LINE__, __func__);         \
  } while (false)

namespace kg::core {
[[noreturn]] void assertion_failed(const char* expr, const char* file, int line, const char* func);
}
