#include "kg/core/text.hpp"

#include <unicode/utf8.h>

#include <cstdint>
#include <cstdio>

namespace kg::core {

std::optional<std::size_t> find_invalid_utf8(std::string_view text) {
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int32_t>(text.size());
  std::int32_t i = 0;
  while (i < length) {
    const std::int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) return static_cast<std::size_t>(start);
  }
  return std::nullopt;
}

std::string repair_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int32_t>(text.size());
  std::int32_t i = 0;
  while (i < length) {
    const std::int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) {
      out += "\xEF\xBF\xBD";
    } else {
      out.append(text.data() + start, static_cast<std::size_t>(i - start));
    }
  }
  return out;
}

std::u32string decode_utf8(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int32_t>(text.size());
  std::int32_t i = 0;
  while (i < length) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    out.push_back(c < 0 ? U'\uFFFD' : static_cast<char32_t>(c));
  }
  return out;
}

std::string encode_utf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char32_t c : text) {
    std::uint8_t buffer[U8_MAX_LENGTH];
    std::int32_t n = 0;
    UBool error = false;
    // U8_APPEND stores its argument in a uint32_t: give it one rather than a signed UChar32.
    U8_APPEND(buffer, n, U8_MAX_LENGTH, static_cast<std::uint32_t>(c), error);
    if (error) {
      out += "\xEF\xBF\xBD";
      continue;
    }
    out.append(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(n));
  }
  return out;
}

std::size_t count_code_points(std::string_view text) {
  std::size_t n = 0;
  for (char c : text)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

LineColumn line_column(std::string_view text, std::size_t byte) {
  LineColumn lc;
  if (byte > text.size()) byte = text.size();
  for (std::size_t i = 0; i < byte; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++lc.line;
      lc.column = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++lc.column;
    }
  }
  return lc;
}

std::string printable_excerpt(std::string_view text, std::size_t max_code_points) {
  std::string out;
  std::size_t n = 0;
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int32_t>(text.size());
  std::int32_t i = 0;
  while (i < length) {
    if (n == max_code_points) {
      out += "\u2026";
      break;
    }
    const std::int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    ++n;
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0 || c < 0x20 || c == 0x7F) {
      for (std::int32_t k = start; k < i; ++k) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned>(s[k]));
        out += buf;
      }
    } else {
      out.append(text.data() + start, static_cast<std::size_t>(i - start));
    }
  }
  return out;
}

namespace {
bool is_space_at(std::string_view t, std::size_t i, std::size_t& width);
}  // namespace

std::size_t space_width_at(std::string_view text, std::size_t i) {
  std::size_t w = 0;
  return i < text.size() && is_space_at(text, i, w) ? w : 0;
}

namespace {
bool is_space_at(std::string_view t, std::size_t i, std::size_t& width) {
  const auto c = static_cast<unsigned char>(t[i]);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
    width = 1;
    return true;
  }
  // U+00A0 no-break space, U+2000..U+200B, U+202F, U+3000 and U+FEFF: common in scraped news.
  if (c == 0xC2 && i + 1 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0xA0) {
    width = 2;
    return true;
  }
  if (i + 2 < t.size()) {
    const auto c1 = static_cast<unsigned char>(t[i + 1]);
    const auto c2 = static_cast<unsigned char>(t[i + 2]);
    if ((c == 0xE2 && c1 == 0x80 && (c2 <= 0x8B || c2 == 0xAF)) ||
        (c == 0xE3 && c1 == 0x80 && c2 == 0x80) || (c == 0xEF && c1 == 0xBB && c2 == 0xBF)) {
      width = 3;
      return true;
    }
  }
  return false;
}
}  // namespace

std::string_view trim(std::string_view text) {
  std::size_t w = 0;
  while (!text.empty() && is_space_at(text, 0, w)) text.remove_prefix(w);
  // Trailing: step back over ASCII space or a multi-byte space ending the string.
  while (!text.empty()) {
    bool cut = false;
    for (std::size_t back = 1; back <= 3 && back <= text.size(); ++back) {
      const std::size_t i = text.size() - back;
      if (is_space_at(text, i, w) && i + w == text.size()) {
        text.remove_suffix(w);
        cut = true;
        break;
      }
    }
    if (!cut) break;
  }
  return text;
}

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

}  // namespace kg::core
