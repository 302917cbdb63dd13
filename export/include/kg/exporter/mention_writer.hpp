#pragma once
/// The entity mentions of each article as JSON Lines (`kgraph extract --format mentions`): one
/// mention a line, in document order,
///     {"doc", "start", "end", "text", "type", "entity", "kind"}
/// with `start`/`end` in Unicode code points of the document text (end exclusive, as
/// `--format attributions` counts them), `type` one of Person|Organization|Country|Location|Group|
/// Concept, `entity` the entity's IRI (`ent:` as the Turtle export mints it) or null for an
/// unresolved pronoun, `kind` name|nominal|pronoun — the format `shared/eval/gap_eval.py` and
/// `ner_eval.py` read.
///
/// The writer only serialises: which mentions an article has, and which entity each is, is decided
/// in extract (SentenceFacts::mentions).

#include <ostream>
#include <string>

#include "kg/core/types.hpp"

namespace kg::exporter {

/// Writes every sentence's mentions as JSON Lines. Not thread-safe: the pipeline calls it from
/// one thread in input order, so output is deterministic.
class MentionWriter final : public core::FactSink {
 public:
  /// `out` is borrowed and must outlive the writer; entity IRIs are `base` + "entity/" + the
  /// label's local name, as in the Turtle export.
  explicit MentionWriter(std::ostream& out, std::string base);
  void add_sentence(const core::Document& doc, const core::SentenceFacts& facts) override;

 private:
  std::ostream* out_;
  std::string entity_base_;
};

}  // namespace kg::exporter
