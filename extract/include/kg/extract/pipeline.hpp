#pragma once
/// The parallel pipeline: a reader thread yields documents, N workers extract them, and the
/// results reach the sink in input order, so output is byte-identical whatever the thread count.
/// Memory is bounded: at most `4 × threads` documents are in flight at once.

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "kg/core/diagnostics.hpp"
#include "kg/core/types.hpp"
#include "kg/extract/document_reader.hpp"
#include "kg/extract/extractor.hpp"

namespace kg::extract {

struct PipelineOptions {
  unsigned threads = 1;                    ///< workers (≥ 1)
  InputMode mode = InputMode::articles;    ///< lines: each input line is one sentence
  /// Documents for which this returns true are not extracted and never reach the sink (`build
  /// --into`: articles already in the graph); the first five get a note naming file and line, the
  /// rest are counted (PipelineResult::skipped). Called from worker threads at once: it must only
  /// read.
  std::function<bool(const core::Document&)> skip;
  /// Called on the sink thread after each document with the running totals (for a progress line).
  std::function<void(const ExtractionStats&, std::size_t documents)> progress;
};

struct PipelineResult {
  std::size_t documents = 0;  ///< documents delivered to the sink
  std::size_t skipped = 0;    ///< documents PipelineOptions::skip left out
  ExtractionStats stats;
  double seconds = 0.0;
};

/// Runs reader -> extractors -> sink. Worker exceptions (core::Error, e.g. under --strict) stop
/// the run and are rethrown here after all threads have joined.
PipelineResult run_pipeline(const std::vector<std::string>& inputs, const Resources& resources,
                            core::DiagnosticSink& diagnostics, core::FactSink& sink,
                            const PipelineOptions& options);

}  // namespace kg::extract
