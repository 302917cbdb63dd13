#pragma once
/// Quotation marks paired in an article's text: shared by quoted speech, reported clauses and
/// attribution (a content that takes in part of a quotation takes in all
/// of it). Pure, thread-safe.

#include <string_view>
#include <vector>

#include "kg/core/types.hpp"

namespace kg::extract {

/// Whether `c` is part of a word: ASCII letters and digits, and letters beyond ASCII; general
/// punctuation (quotes, dashes, ellipsis) is not.
bool is_word_char(char32_t c);

/// The quotations of `text` (code points of a whole article), marks included, in text order, not
/// overlapping: `“`/`”`, straight `"` and `''` (as the New York Times writes) paired within a
/// paragraph (a line); an opening mark with one already open restarts the quotation; one left open
/// at the end of its paragraph, after more than 20 characters, runs to that end, as a quotation
/// continued in the next paragraph does.
std::vector<core::Span> find_quotations(std::u32string_view text);

/// The words of quotation `q` of `text`: without its marks, the spaces inside them and a comma
/// before a reporting clause (`"We will respond,"` -> `We will respond`).
core::Span inside_marks(std::u32string_view text, core::Span q);

}  // namespace kg::extract
