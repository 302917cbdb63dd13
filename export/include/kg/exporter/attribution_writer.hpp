#pragma once
/// Who said what, as JSON Lines for attribution scoring (`kgraph extract --format attributions`):
/// one attribution a line, `{"doc", "sentence", "source", "cue", "content", "speaker"}`, each of
/// `source`, `cue` and `content` a list of spans `{"start", "end", "text"}` in Unicode code points
/// of the document text, end exclusive — the format `shared/eval/attribution_score.py` reads.
///
/// The writer only serialises: which attributions an article states is decided in extract
/// (kg/extract/attribution.hpp) and arrives through FactSink::add_attributions.

#include <ostream>
#include <string>
#include <vector>

#include "kg/core/types.hpp"

namespace kg::exporter {

/// The document name attribution scorers expect: the file name without its extension for text
/// articles (PolNeAR's `text/<doc>.txt`), else Document::id (JSON Lines records, standard input).
std::string attribution_document_name(const core::Document& doc);

/// Writes each document's attributions as JSON Lines, each span with its text. Offsets count code
/// points of Document::text, which is the whole file for a text article without a header (as
/// PolNeAR's are) and the body after the header otherwise. Not thread-safe: the pipeline calls it
/// from one thread in input order, so output is deterministic.
class AttributionWriter final : public core::FactSink {
 public:
  /// `out` is borrowed and must outlive the writer.
  explicit AttributionWriter(std::ostream& out) : out_(&out) {}
  void add_sentence(const core::Document& doc, const core::SentenceFacts& facts) override;
  void add_attributions(const core::Document& doc, const std::vector<core::AttributionRecord>& records) override;
  void end_document(const core::Document& doc) override;

 private:
  std::ostream* out_;
  std::vector<core::Sentence> sentences_;  // of the current document, for the spans' text
};

}  // namespace kg::exporter
