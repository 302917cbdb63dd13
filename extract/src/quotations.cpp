#include "kg/extract/quotations.hpp"

#include <algorithm>

namespace kg::extract {

namespace {

constexpr char32_t kOpenQuote = U'\u201C';
constexpr char32_t kCloseQuote = U'\u201D';
constexpr std::size_t kNone = static_cast<std::size_t>(-1);

/// The width of a straight quotation mark at `k`: 1 for `"`, 2 for two apostrophes, else 0.
std::size_t straight_mark(std::u32string_view text, std::size_t k) {
  if (text[k] == '"') return 1;
  return text[k] == '\'' && k + 1 < text.size() && text[k + 1] == '\'' ? 2 : 0;
}

}  // namespace

bool is_word_char(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return c >= 0xC0 && !(c >= 0x2000 && c <= 0x206F);
}

std::vector<core::Span> find_quotations(std::u32string_view text) {
  std::vector<core::Span> out;
  std::size_t line = 0;
  while (line < text.size()) {
    std::size_t end = text.find(U'\n', line);
    if (end == std::u32string_view::npos) end = text.size();
    std::size_t open = kNone;
    for (std::size_t k = line; k < end; ++k) {
      const char32_t c = text[k];
      const std::size_t width = straight_mark(text, k);
      if (c == kOpenQuote || (width > 0 && open == kNone && (k == line || !is_word_char(text[k - 1])))) {
        open = k;
        if (width == 2) ++k;
        continue;
      }
      if ((c == kCloseQuote || width > 0) && open != kNone) {
        out.push_back({open, k + std::max<std::size_t>(width, 1)});
        open = kNone;
        if (width == 2) ++k;
      }
    }
    if (open != kNone && end - open > 20) out.push_back({open, end});
    line = end + 1;
  }
  return out;
}

core::Span inside_marks(std::u32string_view text, core::Span s) {
  if (s.end > text.size() || s.begin >= s.end) return s;
  auto mark = [](char32_t c) { return c == '"' || c == kOpenQuote || c == kCloseQuote; };
  auto apostrophes = [&](std::size_t k) { return k + 1 < s.end && text[k] == '\'' && text[k + 1] == '\''; };
  if (mark(text[s.begin])) ++s.begin;
  else if (apostrophes(s.begin)) s.begin += 2;
  if (s.end > s.begin && mark(text[s.end - 1])) --s.end;
  else if (s.end >= s.begin + 2 && apostrophes(s.end - 2)) s.end -= 2;
  while (s.end > s.begin && (text[s.end - 1] == ' ' || text[s.end - 1] == ',')) --s.end;
  while (s.begin < s.end && text[s.begin] == ' ') ++s.begin;
  return s;
}

}  // namespace kg::extract
