#pragma once
// Private to kg::extract: the article's mentions (mentions.cpp) read back into its events, so
// that the graph's entities are the mentions' entities — one per actor, typed from all the
// evidence of the article — and a he/she stands for the person it was resolved to, or for none.

#include <vector>

#include "kg/core/types.hpp"
#include "kg/extract/extractor.hpp"

namespace kg::extract::detail {

/// For every role filler and attribution source of every event:
/// - a name (a name mention is the head of its phrase) takes its entity's canonical label, and
///   its type and Wikidata id where the mention's are the better known; a gazetteer entity keeps
///   its own;
/// - a he/she/him/her takes the entity the pronoun resolved to; an unresolved one is no entity;
/// - a capitalised common word or headline phrase in which no name was found is written in
///   lower case, and a letter alone is no entity.
void link_mentions_to_events(std::vector<core::SentenceFacts>& sentences, const Resources& resources);

}  // namespace kg::extract::detail
