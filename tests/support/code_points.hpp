#pragma once
/// Test support: the text of a code-point span, as kgraph's spans count (header-only; include as
/// "support/code_points.hpp").

#include <cstddef>
#include <string>

namespace kg::test {

/// Code points [begin, end) of UTF-8 `text`; "<span out of range>" when they are not in it.
inline std::string code_points(const std::string& text, std::size_t begin, std::size_t end) {
  std::size_t cp = 0, from = std::string::npos;
  for (std::size_t b = 0; b <= text.size(); ++b) {
    if (b < text.size() && (static_cast<unsigned char>(text[b]) & 0xC0) == 0x80) continue;
    if (cp == begin) from = b;
    if (cp == end) return from == std::string::npos ? std::string() : text.substr(from, b - from);
    ++cp;
  }
  return "<span out of range>";
}

}  // namespace kg::test
