#pragma once
/// Test support for the extraction tests: the shipped resources (loaded once) and a helper that
/// runs the whole extraction stage on a text. Header-only; include as "support/extraction.hpp".

#include <memory>
#include <string>
#include <vector>

#include "kg/core/diagnostics.hpp"
#include "kg/extract/extractor.hpp"

namespace kg::test {

/// Parser dictionary, WordNet, catalog and gazetteers, loaded once for all test cases.
inline const extract::Resources& resources() {
  static core::StreamDiagnostics diagnostics(nullptr);
  static std::unique_ptr<extract::Resources> r = extract::Resources::load({}, diagnostics);
  return *r;
}

/// The facts of every sentence of `text`, read as one article (`one_sentence`: as one sentence,
/// the way `--lines` reads each line).
inline std::vector<core::SentenceFacts> extract_text(const std::string& text, bool one_sentence) {
  core::StreamDiagnostics diagnostics(nullptr);
  extract::Extractor extractor(resources(), diagnostics);
  core::Document doc;
  doc.id = "test";
  doc.text = text;
  extract::ExtractionStats stats;
  return extractor.process(doc, one_sentence, stats);
}

}  // namespace kg::test
