#pragma once
// Private to kg::extract: the text of a mention as entity linking and coreference read it — the
// phrase without quotes, articles or possessive determiners, its words, its head phrase. Pure
// string functions over the argument texts the proposition extractor produced.

#include <string>
#include <string_view>
#include <vector>

#include "kg/core/types.hpp"

namespace kg::extract::detail {

/// `text` without surrounding quotation marks (straight or curly) and white space.
std::string_view strip_quotes(std::string_view text);
/// `text` without quotes and one leading article or determiner (`the Kremlin` -> `Kremlin`).
std::string strip_leading_article(std::string_view text);
/// The words of `text`, split at spaces.
std::vector<std::string_view> split_words(std::string_view text);
/// Lower case without a final dot or comma (`Sen.` -> `sen`).
std::string word_key(std::string_view word);
/// `Russia's` -> `Russia` (straight or typographic apostrophe); other words unchanged.
std::string_view without_possessive(std::string_view word);
/// Starts with an ASCII capital.
inline bool starts_upper(std::string_view word) { return !word.empty() && word[0] >= 'A' && word[0] <= 'Z'; }
/// The phrase of an argument without a leading article or possessive determiner and quotes.
std::string bare_phrase(std::string_view text);
/// The argument's phrase up to its head noun: `the Russian president highlighted that …` ->
/// `Russian president`; the head itself when it does not occur in the phrase.
std::string head_phrase(const core::Argument& argument);

}  // namespace kg::extract::detail
