#include "kg/core/iri.hpp"

#include "kg/core/text.hpp"

namespace kg::core {

namespace {
constexpr char kHex[] = "0123456789ABCDEF";

void percent_encode(std::string& out, unsigned char c) {
  out += '%';
  out += kHex[c >> 4];
  out += kHex[c & 0xF];
}

bool is_name_char(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == '~' || c == '.';
}
}  // namespace

std::uint64_t stable_hash(std::string_view text) {
  std::uint64_t h = 14695981039346656037ull;
  for (char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h;
}

std::string to_hex(std::uint64_t value, int digits) {
  static constexpr char lower[] = "0123456789abcdef";
  std::string out(static_cast<std::size_t>(digits), '0');
  for (int i = digits - 1; i >= 0; --i) {
    out[static_cast<std::size_t>(i)] = lower[value & 0xF];
    value >>= 4;
  }
  return out;
}

std::string mint_local_name(std::string_view label) {
  const std::string_view trimmed = trim(label);
  constexpr std::size_t kMax = 96;
  std::string out;
  bool pending_space = false;
  bool cut = false;
  std::size_t last_boundary = 0;  // out.size() at the last code-point boundary within kMax
  for (std::size_t i = 0; i < trimmed.size(); ++i) {
    const auto c = static_cast<unsigned char>(trimmed[i]);
    if ((c & 0xC0) != 0x80 && out.size() <= kMax) last_boundary = out.size();
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      pending_space = true;
      continue;
    }
    if (pending_space && !out.empty()) out += '_';
    pending_space = false;
    if (is_name_char(c)) {
      out += static_cast<char>(c);
    } else {
      percent_encode(out, c);
    }
  }
  if (out.size() <= kMax) last_boundary = out.size();
  if (out.size() > kMax) {
    // Cut at a code-point boundary so the percent-encoded UTF-8 stays well-formed, and add a
    // hash so that distinct long names keep distinct IRIs.
    out.resize(last_boundary);
    cut = true;
  }
  // A trailing '.' cannot end a Turtle prefixed name; a leading one confuses some tools.
  while (!out.empty() && out.back() == '.') {
    out.pop_back();
    out += "%2E";
  }
  // In place rather than `"%2E" + ...` or `out = "_"`: GCC 12 reports a false -Wrestrict on those.
  if (!out.empty() && out.front() == '.') out.replace(0, 1, "%2E");
  if (out.empty()) out += '_';
  if (cut) {
    out += '-';
    out += to_hex(stable_hash(trimmed), 8);
  }
  return out;
}

std::string sanitize_iri(std::string_view iri) {
  const std::string valid = repair_utf8(iri);
  std::string out;
  out.reserve(valid.size());
  for (char ch : valid) {
    const auto c = static_cast<unsigned char>(ch);
    if (c <= 0x20 || c == 0x7F || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' ||
        c == '|' || c == '^' || c == '`' || c == '\\') {
      percent_encode(out, c);
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace kg::core
