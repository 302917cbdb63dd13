#include "grammar.hpp"

#include <cctype>

namespace kg::extract::detail {

bool is_wordlike(const ParsedWord& w) {
  if (w.wall || w.text.empty()) return false;
  for (const char ch : w.text) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c >= 0x80) return true;
  }
  return false;
}

/// A negative contraction's auxiliary (`won't` -> `will`, `isn't` -> `is`, `can't`/`cannot` ->
/// `can`), in lower case; other words are returned lower-cased and `negative` is false.
std::string auxiliary_of(std::string_view word, bool& negative) {
  std::string lower = core::ascii_lower(word);
  negative = false;
  for (std::string_view suffix : {"n't", "n\u2019t"}) {
    if (lower.size() > suffix.size() && lower.compare(lower.size() - suffix.size(), suffix.size(), suffix) == 0) {
      lower.resize(lower.size() - suffix.size());
      while (!lower.empty() && lower.back() == ' ') lower.pop_back();  // `wo n't` as tokenised
      negative = true;
      break;
    }
  }
  if (!negative && lower == "cannot") {
    negative = true;
    return "can";
  }
  if (!negative) return lower;
  if (lower == "wo") return "will";
  if (lower == "ca") return "can";
  if (lower == "sha") return "shall";
  return lower;
}

bool is_quote(std::string_view t) {
  return t == "\"" || t == "``" || t == "''" || t == "\u201C" || t == "\u201D" || t == "`" || t == "'";
}

bool has_letter(std::string_view text) {
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalpha(c) || c >= 0x80) return true;
  }
  return false;
}

bool is_capitalised(const ParsedWord& w) {
  return !w.text.empty() && std::isupper(static_cast<unsigned char>(w.text.front()));
}

bool is_conjunction(const ParsedWord& w) {
  // `,.j` is a comma acting as a conjunction (`was readmitted …, became …`).
  if (w.subscript == "j") return true;
  return w.subscript.rfind("j-", 0) == 0 && w.subscript != "j-p" && w.subscript != "j-c";
}

}  // namespace kg::extract::detail
