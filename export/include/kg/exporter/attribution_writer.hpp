#pragma once
/// Who said what, as JSON Lines for attribution scoring (`kgraph extract --format attributions`):
/// one attribution a line, `{"doc", "sentence", "source", "cue", "content", "speaker"}`, each of
/// `source`, `cue` and `content` a list of spans `{"start", "end", "text"}` in Unicode code points
/// of the document text, end exclusive — the format `shared/eval/attribution_score.py` reads.
///
/// The attributions are read off the propositions the extractor produced; nothing is detected
/// here that the extractor did not find (see sentence_attributions() for the rules).

#include <ostream>
#include <string>
#include <vector>

#include "kg/core/types.hpp"

namespace kg::exporter {

/// One attribution: who (source), through which words (cue), said or thought what (content).
/// Spans are document code points; `content` holds several spans when the content is
/// discontinuous (`"…," he said, "…"`), `source` several when coordinated speakers were split.
struct AttributionRecord {
  std::vector<core::Span> source;   ///< empty when the sentence names no source
  std::vector<core::Span> cue;
  std::vector<core::Span> content;  ///< never empty
  std::string speaker;              ///< canonical label of the source entity, or empty
};

/// The attributions stated by one sentence's propositions, in the order of their predicates:
/// 1. a speech act (Event::speech_act) or a verb of thought or intention (`believe`, `want`,
///    `expect` …) with content arguments: content = those arguments; source and cue = the
///    attribution the extractor gave the reported proposition, else the predicate's agent and
///    the predicate itself;
/// 2. a speech act that takes a noun phrase rather than a clause (`called for de-escalation`,
///    `criticized the plan`; not `say`, `tell` …), or a verb of evaluation, naming or evidence
///    with a subject (`attacked the moderators`, `called it a phony system`, `the poll shows
///    Clinton ahead`, `cited the figure`), without content argument: content = its arguments
///    after the predicate, from the first complement on;
/// 3. a proposition attributed without a reporting clause of its own (`according to X, …`):
///    content = the proposition's own extent (predicate and arguments, the source left out);
///    not when its cue is in another sentence (a quotation running over several sentences: the
///    reporting sentence's attribution has the whole quotation as its content).
/// Attributions with the same content are merged (their sources joined). `facts.events` must be
/// parallel to `facts.propositions` (as Extractor::process makes them); missing events count as
/// not speech acts. Pure, thread-safe.
std::vector<AttributionRecord> sentence_attributions(const core::SentenceFacts& facts);

/// A content that takes in part of a quotation takes in all of it: the parse cuts quotations where
/// its linkage breaks (`she said "If he is asked questions he is unable to answer, he would try to
/// deflect them"` gives `he would try to deflect them`), but what was said is the whole quotation.
/// Not when the quotation holds the cue (the content of a verb inside a quotation is part of it).
/// `quotations`: the words of the document's quotations (core::find_quotations(), then
/// core::inside_marks()), in text order; spans that come to overlap are joined. Pure.
void extend_to_quotations(AttributionRecord& record, const std::vector<core::Span>& quotations);

/// Which attributions of one document are nested in another: an attribution whose cue and content
/// both lie inside another's content (`X said he plans to …` -> `plans`, a quotation's own
/// `I think …`) is part of what that other one reports, not a statement the article attributes in
/// its own right (it stays a nested speech act in the graph). Spans are document offsets. Pure.
std::vector<bool> nested_attributions(const std::vector<AttributionRecord>& records);

/// The document name attribution scorers expect: the file name without its extension for text
/// articles (PolNeAR's `text/<doc>.txt`), else Document::id (JSON Lines records, standard input).
std::string attribution_document_name(const core::Document& doc);

/// Writes the sentence_attributions() of each document as JSON Lines, each span with its text, when
/// the document ends: contents extended to whole quotations (extend_to_quotations()), attributions
/// with the same content joined, nested_attributions() left out.
/// Offsets count code points of Document::text, which is the whole file for a text article
/// without a header (as PolNeAR's are) and the body after the header otherwise. Not thread-safe:
/// the pipeline calls it from one thread in input order, so output is deterministic.
class AttributionWriter final : public core::FactSink {
 public:
  /// `out` is borrowed and must outlive the writer.
  explicit AttributionWriter(std::ostream& out) : out_(&out) {}
  void add_sentence(const core::Document& doc, const core::SentenceFacts& facts) override;
  void end_document(const core::Document& doc) override;

 private:
  /// An attribution of the current document, with what writing it needs of its sentence.
  struct Pending {
    AttributionRecord record;
    core::Sentence sentence;
  };
  std::ostream* out_;
  std::vector<Pending> pending_;
};

}  // namespace kg::exporter
