#pragma once
// Private to kg::extract: the text of input files as the document reader checks and repairs it —
// binary files, byte order marks, line ends, invalid UTF-8 and lone surrogate escapes (reported
// with file, line and column), ids from names, and the lines of a text article.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kg/core/diagnostics.hpp"

namespace kg::extract::detail {

/// Files whose first bytes hold a NUL are binary (images, archives, UTF-16 text): parsing them as
/// UTF-8 would only flood the user with invalid-UTF-8 reports. This many bytes are probed.
inline constexpr std::size_t kBinaryProbeBytes = 8192;

/// The longest id kept from a name or URL, in bytes.
inline constexpr std::size_t kMaxIdBytes = 80;

/// Reports a diagnostic at file:line:column.
void report(core::DiagnosticSink& sink, core::Severity severity, const std::string& file, std::size_t line,
            std::size_t column, std::string message, std::string token = {});
bool is_blank(std::string_view line);
bool is_digit(char c);
bool all_digits(std::string_view s);
/// A NUL within the first kBinaryProbeBytes.
bool looks_binary(std::string_view content);
void strip_byte_order_mark(std::string_view& text);
void strip_byte_order_mark(std::string& text);
void strip_carriage_return(std::string& line);
std::size_t count_occurrences(std::string_view text, std::string_view what);
/// The bytes around `byte`, within its line, widened to code point boundaries.
std::string surroundings(std::string_view text, std::size_t byte, std::size_t before = 12, std::size_t after = 12);
/// Reports the first ill-formed UTF-8 sequence of `text` (counting the others) and returns the
/// repaired text, or nullopt when `text` is valid; `line` 0 when `text` is the whole file.
std::optional<std::string> check_utf8(std::string_view text, core::DiagnosticSink& sink, const std::string& file,
                                      std::size_t line);
/// The value of four hex digits at the start of `s`, or nullopt.
std::optional<unsigned> hex4(std::string_view s);
/// Rewrites `\u` escapes of unpaired UTF-16 surrogates in a JSON line to `\ufffd`; the byte
/// offset of the first, or npos; `count` counts them.
std::size_t replace_lone_surrogate_escapes(std::string& line, std::size_t& count);
/// An id from any text: kept characters, others '-', runs collapsed, ends trimmed, bounded length.
std::string sanitize_id(std::string_view raw);
/// The id stem of a file: its name without extension (`stdin` for standard input).
std::string file_stem_id(const std::string& file);
bool looks_like_url(std::string_view line);
std::vector<std::string_view> split_lines(std::string_view text);
/// CR LF -> LF.
std::string normalize_newlines(std::string_view text);
/// Where a text article's body starts: skips blank lines from `first`, returns the line index.
std::size_t skip_blank_lines(const std::vector<std::string_view>& lines, std::size_t first);

}  // namespace kg::extract::detail
