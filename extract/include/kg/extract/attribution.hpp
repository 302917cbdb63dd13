#pragma once
/// Who said what in one article, read off the propositions the extractor produced: the
/// attributions a PolNeAR annotator would mark (source / cue / content), one record each, merged
/// across the document. The pipeline computes them in the worker and hands them to the sink
/// (core::FactSink::add_attributions); `kgraph extract --format attributions` writes them.
/// Nothing is detected here that the extractor did not find. Pure, thread-safe.

#include <vector>

#include "kg/core/types.hpp"
#include "kg/ontology/word_lists.hpp"

namespace kg::extract {

/// The attributions stated by one sentence's propositions, in the order of their predicates:
/// 1. a speech act (Event::speech_act) or a verb of thought or intention (lexicon
///    attitude_verbs: `believe`, `want`, `expect` …) with content arguments: content = those
///    arguments; source and cue = the attribution the extractor gave the reported proposition,
///    else the predicate's agent and the predicate itself;
/// 2. a speech act that takes a noun phrase rather than a clause (`called for de-escalation`,
///    `criticized the plan`; not clause_speech_verbs: `say`, `tell` …), or a verb of evaluation,
///    naming or evidence with a subject (stance_verbs: `attacked the moderators`, `called it a
///    phony system`, `the poll shows Clinton ahead`, `cited the figure`), without content
///    argument: content = its arguments after the predicate, from the first complement on;
/// 3. a proposition attributed without a reporting clause of its own (`according to X, …`):
///    content = the proposition's own extent (predicate and arguments, the source left out);
///    not when its cue is in another sentence (a quotation running over several sentences: the
///    reporting sentence's attribution has the whole quotation as its content).
/// Attributions with the same content are merged (their sources joined). `facts.events` must be
/// parallel to `facts.propositions` (as Extractor::process makes them); missing events count as
/// not speech acts. Each record's `sentence` is facts.sentence.index.
std::vector<core::AttributionRecord> sentence_attributions(const core::SentenceFacts& facts,
                                                           const ontology::WordLists& words);

/// A content that takes in part of a quotation takes in all of it: the parse cuts quotations where
/// its linkage breaks (`she said "If he is asked questions he is unable to answer, he would try to
/// deflect them"` gives `he would try to deflect them`), but what was said is the whole quotation.
/// Not when the quotation holds the cue (the content of a verb inside a quotation is part of it).
/// `quotations`: the words of the document's quotations (find_quotations(), then inside_marks()),
/// in text order; spans that come to overlap are joined.
void extend_to_quotations(core::AttributionRecord& record, const std::vector<core::Span>& quotations);

/// Which attributions of one document are nested in another: an attribution whose cue and content
/// both lie inside another's content (`X said he plans to …` -> `plans`, a quotation's own
/// `I think …`) is part of what that other one reports, not a statement the article attributes in
/// its own right (it stays a nested speech act in the graph). Spans are document offsets.
std::vector<bool> nested_attributions(const std::vector<core::AttributionRecord>& records);

/// The attributions of a whole document, in the order of their sentences: each sentence's
/// (sentence_attributions()), contents extended to whole quotations (extend_to_quotations()), one
/// record per content and per cue across the document (a quotation reported by clauses in two
/// sentences, or the objects of one verb that the propositions split: sources and contents
/// joined), the nested_attributions() left out.
std::vector<core::AttributionRecord> document_attributions(const core::Document& doc,
                                                           const std::vector<core::SentenceFacts>& sentences,
                                                           const ontology::WordLists& words);

}  // namespace kg::extract
