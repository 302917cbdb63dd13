#pragma once
// Private to kg::extract: entity resolution across the sentences of one article — titles given to
// people earlier, short names after full ones, pronouns' antecedents, issued documents speaking
// for their issuer. Deterministic: a function of the document alone, so the same mention gets the
// same entity (and IRI) in any run or shard.

#include <vector>

#include "kg/core/types.hpp"
#include "kg/extract/extractor.hpp"

namespace kg::extract::detail {

/// Resolves the entities of every sentence's events (parallel to its propositions), in order.
void resolve_document_entities(std::vector<core::SentenceFacts>& sentences, const Resources& resources);

}  // namespace kg::extract::detail
