#pragma once
/// UTF-8 helpers shared by the readers, the splitter and the exporters. All offsets that leave
/// kgraph (NIF `#char=b,e`, JSON spans) count Unicode code points, as NIF requires; inside, we keep
/// byte offsets and convert at the edges with these functions. Pure functions, thread-safe.

#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kg::core {

/// Byte offset of the first ill-formed UTF-8 sequence (overlongs, surrogates, > U+10FFFF,
/// truncated sequences), or nullopt when `text` is valid UTF-8.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

/// `text` with every ill-formed sequence replaced by U+FFFD, so that later stages only see UTF-8.
std::string repair_utf8(std::string_view text);

/// Number of code points in valid UTF-8 `text` (ill-formed bytes count one each).
std::size_t count_code_points(std::string_view text);

/// 1-based line and column (in code points) of byte offset `byte` in `text`.
struct LineColumn {
  std::size_t line = 1;
  std::size_t column = 1;
};
LineColumn line_column(std::string_view text, std::size_t byte);

/// At most `max_code_points` of `text`, with control characters shown as `\n`, `\t`, `\xNN` and an
/// ellipsis when cut; used in diagnostics so that a bad token cannot mangle the terminal.
std::string printable_excerpt(std::string_view text, std::size_t max_code_points);

/// The bytes of the white-space character at byte `i` of `text` (ASCII, U+00A0, U+2000–U+200B,
/// U+202F, U+3000, U+FEFF), or 0 when there is none.
std::size_t space_width_at(std::string_view text, std::size_t i);
/// `text` without leading and trailing ASCII/Unicode white space.
std::string_view trim(std::string_view text);

/// ASCII lower case (enough for keys built from gazetteer names and lemmas).
std::string ascii_lower(std::string_view text);

/// UTF-8 to code points and back, for code that indexes text by code point (the offsets of
/// spans). Ill-formed sequences decode to U+FFFD; the readers repair text before it gets here.
std::u32string decode_utf8(std::string_view text);
std::string encode_utf8(std::u32string_view text);

/// Whether `word` is one of `words` (the fixed word lists of the extractors).
template <std::size_t N>
bool one_of(std::string_view word, const std::array<std::string_view, N>& words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

}  // namespace kg::core
