// The text of input files as the document reader checks and repairs it (input_text.hpp).
#include "input_text.hpp"

#include <algorithm>
#include <cstring>
#include <filesystem>

#include "kg/core/iri.hpp"
#include "kg/core/text.hpp"

namespace kg::extract::detail {

using core::Diagnostic;
using core::DiagnosticSink;
using core::Severity;

namespace {
constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";
}  // namespace

void report(DiagnosticSink& sink, Severity severity, const std::string& file, std::size_t line,
            std::size_t column, std::string message, std::string token) {
  Diagnostic d;
  d.severity = severity;
  d.where.file = file;
  d.where.line = line;
  d.where.column = column;
  d.message = std::move(message);
  d.token = std::move(token);
  sink.report(std::move(d));
}

bool is_blank(std::string_view line) { return core::trim(line).empty(); }

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), is_digit);
}

bool looks_binary(std::string_view content) {
  return content.substr(0, kBinaryProbeBytes).find('\0') != std::string_view::npos;
}

void strip_byte_order_mark(std::string_view& text) {
  if (text.substr(0, kByteOrderMark.size()) == kByteOrderMark) text.remove_prefix(kByteOrderMark.size());
}

void strip_byte_order_mark(std::string& text) {
  if (std::string_view(text).substr(0, kByteOrderMark.size()) == kByteOrderMark)
    text.erase(0, kByteOrderMark.size());
}

void strip_carriage_return(std::string& line) {
  if (!line.empty() && line.back() == '\r') line.pop_back();
}

std::size_t count_occurrences(std::string_view text, std::string_view what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string_view::npos; at = text.find(what, at + what.size()))
    ++n;
  return n;
}

// The bytes around `byte`, within its line, widened to code point boundaries so that the excerpt
// shows the bad bytes themselves (format() renders them as \xNN) and the valid text around them.
std::string surroundings(std::string_view text, std::size_t byte, std::size_t before, std::size_t after) {
  const auto line_begin = text.rfind('\n', byte == 0 ? 0 : byte - 1);
  const std::size_t floor = (line_begin == std::string_view::npos || byte == 0) ? 0 : line_begin + 1;
  const auto line_end = text.find('\n', byte);
  const std::size_t ceiling = line_end == std::string_view::npos ? text.size() : line_end;
  std::size_t begin = byte > floor + before ? byte - before : floor;
  std::size_t end = std::min(ceiling, byte + after);
  auto continuation = [&](std::size_t i) { return (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80; };
  for (int k = 0; k < 3 && begin > floor && continuation(begin); ++k) --begin;
  for (int k = 0; k < 3 && end < ceiling && continuation(end); ++k) ++end;
  return std::string(text.substr(begin, end - begin));
}

// Reports the first ill-formed UTF-8 sequence of `text` (counting the others) and returns the
// repaired text, or nullopt when `text` is valid. `line` is the file line `text` sits on, or 0
// when `text` is the whole file (the line then comes from core::line_column too). One report per
// line or file: a Latin-1 file would otherwise give one per accented letter.
std::optional<std::string> check_utf8(std::string_view text, DiagnosticSink& sink,
                                      const std::string& file, std::size_t line) {
  const auto bad = core::find_invalid_utf8(text);
  if (!bad) return std::nullopt;
  std::string repaired = core::repair_utf8(text);
  const std::size_t replaced =
      count_occurrences(repaired, kReplacementCharacter) - count_occurrences(text, kReplacementCharacter);
  const core::LineColumn at = core::line_column(text, *bad);
  std::string message = "invalid UTF-8, replaced with U+FFFD";
  if (replaced > 1)
    message += " (" + std::to_string(replaced - 1) + " more in this " + (line ? "line" : "file") + ")";
  report(sink, Severity::error, file, line ? line : at.line, at.column, std::move(message),
         surroundings(text, *bad));
  return repaired;
}

// The value of four hex digits at the start of `s`, or nullopt.
std::optional<unsigned> hex4(std::string_view s) {
  if (s.size() < 4) return std::nullopt;
  unsigned value = 0;
  for (char c : s.substr(0, 4)) {
    const int digit = is_digit(c) ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
    if (digit < 0) return std::nullopt;
    value = value * 16 + static_cast<unsigned>(digit);
  }
  return value;
}

// Rewrites every `\u` escape of a UTF-16 surrogate that does not pair in JSON line `line` to
// `\ufffd` (same length, so columns stay) and returns the byte offset of the first, or npos.
// A lone surrogate is one ill-formed UTF-16 code unit, so it becomes one U+FFFD, as any JSON
// reader that decodes to UTF-16 (JavaScript, Python) counts it: one code point, and the
// document's offsets agree with theirs. Left to RapidJSON 1.1, a lone high surrogate fails the
// whole line and a lone low one decodes to three bytes of ill-formed UTF-8.
std::size_t replace_lone_surrogate_escapes(std::string& line, std::size_t& count) {
  auto surrogate = [&](std::size_t at, unsigned low, unsigned high) {
    const auto unit = std::string_view(line).substr(at, 2) == "\\u"
                          ? hex4(std::string_view(line).substr(at + 2))
                          : std::nullopt;
    return unit && *unit >= low && *unit <= high;
  };
  std::size_t first = std::string_view::npos;
  count = 0;
  for (std::size_t i = 0; i + 1 < line.size(); ++i) {
    if (line[i] != '\\') continue;
    if (surrogate(i, 0xD800, 0xDBFF) && surrogate(i + 6, 0xDC00, 0xDFFF)) {
      i += 11;  // a pair: both escapes
    } else if (surrogate(i, 0xD800, 0xDFFF)) {
      line.replace(i + 2, 4, "fffd");
      if (count++ == 0) first = i;
      i += 5;
    } else {
      ++i;  // the escaped character
    }
  }
  return first;
}

// Characters kept in ids; everything else becomes '-'. Runs of '-' collapse; '-' and '.' are
// trimmed from both ends (a trailing '.' reads badly in an IRI).
std::string sanitize_id(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (char c : raw) {
    const bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || is_digit(c) || c == '-' ||
                      c == '_' || c == '.';
    const char mapped = keep ? c : '-';
    if (mapped == '-' && !out.empty() && out.back() == '-') continue;
    out += mapped;
  }
  auto edge = [](char c) { return c == '-' || c == '.'; };
  while (!out.empty() && edge(out.back())) out.pop_back();
  std::size_t lead = 0;
  while (lead < out.size() && edge(out[lead])) ++lead;
  out.erase(0, lead);
  return out;
}

// The id stem of a file: its name without extension (`stdin` for standard input).
std::string file_stem_id(const std::string& file) {
  if (file == "-") return "stdin";
  std::string id = sanitize_id(std::filesystem::path(file).stem().string());
  if (id.empty()) id = "doc-" + core::to_hex(core::stable_hash(file)).substr(0, 8);
  return id;
}

bool looks_like_url(std::string_view line) {
  const std::string_view t = core::trim(line);
  if (t.empty() || t.find_first_of(" \t") != std::string_view::npos) return false;
  const std::string lower = core::ascii_lower(t.substr(0, 8));
  return t.find("://") != std::string_view::npos || lower.rfind("www.", 0) == 0;
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t begin = 0;
  while (true) {
    const auto nl = text.find('\n', begin);
    if (nl == std::string_view::npos) {
      lines.push_back(text.substr(begin));
      return lines;
    }
    lines.push_back(text.substr(begin, nl - begin));
    begin = nl + 1;
  }
}

std::string normalize_newlines(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
    out += text[i];
  }
  return out;
}

// Where a text article's body starts: skips blank lines from `first`, returns the line index.
std::size_t skip_blank_lines(const std::vector<std::string_view>& lines, std::size_t first) {
  while (first < lines.size() && is_blank(lines[first])) ++first;
  return first;
}

}  // namespace kg::extract::detail
