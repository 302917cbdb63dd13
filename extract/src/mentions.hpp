#pragma once
// Private to kg::extract: the mentions of one article read off its text — every proper name and
// every third-person pronoun, not only the phrases the parse made arguments of — typed from all
// the evidence the article gives, grouped into one entity per actor.
//
// Precision first: a pronoun with no clear antecedent, or a name with no evidence of what it is,
// stays unresolved or `Concept` rather than guessed.

#include <string_view>
#include <vector>

#include "kg/core/types.hpp"
#include "kg/extract/extractor.hpp"

namespace kg::extract::detail {

/// Finds, types and resolves the mentions of every sentence (SentenceFacts::mentions); they are
/// read back into the events by mention_links.cpp.
void resolve_document_mentions(std::vector<core::SentenceFacts>& sentences, const Resources& resources);

/// Whether a sentence is a headline in Title Case or capitals, where a capital is no evidence of
/// a name (`Wealthy Voters Abandon Republican Party for Hillary Clinton`).
bool is_headline_sentence(std::string_view text, const Resources& resources);

/// A word of English: a WordNet noun or verb, or a function word (`voters`, `abandon`, `for`).
bool is_common_word(std::string_view word, const Resources& resources);

/// One word that abbreviates a US state as AP style writes it (`Va.`, `N.C.`, `Okla`;
/// lexicon/state_abbreviations.tsv); not a word in capitals without a dot (`VA` is Veterans Affairs).
bool is_state_abbreviation(std::string_view word, const Resources& resources);

}  // namespace kg::extract::detail
