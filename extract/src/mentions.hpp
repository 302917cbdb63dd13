#pragma once
// Private to kg::extract: the mentions of one article read off its text — every proper name and
// every third-person pronoun, not only the phrases the parse made arguments of — typed from all
// the evidence the article gives, grouped into one entity per actor.
//
// Precision first: a pronoun with no clear antecedent, or a name with no evidence of what it is,
// stays unresolved or `Concept` rather than guessed.

#include <vector>

#include "kg/core/types.hpp"
#include "kg/extract/extractor.hpp"

namespace kg::extract::detail {

/// Finds, types and resolves the mentions of every sentence (SentenceFacts::mentions). Not yet
/// read back into the events (issue 15: the graph still takes its entities from coreference.cpp).
void resolve_document_mentions(std::vector<core::SentenceFacts>& sentences, const Resources& resources);

}  // namespace kg::extract::detail
