#include "mention_text.hpp"

#include <array>

#include "grammar.hpp"
#include "kg/core/text.hpp"

namespace kg::extract::detail {

std::string_view strip_quotes(std::string_view t) {
  static constexpr std::array<std::string_view, 7> quotes = {"\"", "'", "\u201C", "\u201D",
                                                             "\u2018", "\u2019", "`"};
  bool changed = true;
  while (changed && !t.empty()) {
    changed = false;
    t = core::trim(t);
    for (auto q : quotes) {
      if (t.size() >= q.size() && t.substr(0, q.size()) == q) {
        t.remove_prefix(q.size());
        changed = true;
      }
      if (t.size() >= q.size() && t.substr(t.size() - q.size()) == q) {
        t.remove_suffix(q.size());
        changed = true;
      }
    }
  }
  return t;
}

std::string strip_leading_article(std::string_view text) {
  std::string_view t = strip_quotes(text);
  for (auto w : kLeadingWords) {
    if (t.size() > w.size() + 1 && core::ascii_lower(t.substr(0, w.size())) == w && t[w.size()] == ' ')
      return std::string(core::trim(t.substr(w.size() + 1)));
  }
  return std::string(t);
}

std::vector<std::string_view> split_words(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    std::size_t j = i;
    while (j < text.size() && text[j] != ' ') ++j;
    if (j > i) out.push_back(text.substr(i, j - i));
    i = j;
  }
  return out;
}

std::string word_key(std::string_view word) {
  std::string key = core::ascii_lower(word);
  while (!key.empty() && (key.back() == '.' || key.back() == ',')) key.pop_back();
  return key;
}

std::string_view without_possessive(std::string_view word) {
  for (std::string_view s : {std::string_view("'s"), std::string_view("\u2019s"), std::string_view("'"),
                             std::string_view("\u2019")})
    if (word.size() > s.size() && word.substr(word.size() - s.size()) == s) return word.substr(0, word.size() - s.size());
  return word;
}

std::string bare_phrase(std::string_view text) {
  std::string t = strip_leading_article(text);
  for (std::string_view d : {"his ", "her ", "their ", "its ", "our ", "His ", "Her ", "Their ", "Its ", "Our "})
    if (t.size() > d.size() && t.compare(0, d.size(), d) == 0) return std::string(core::trim(std::string_view(t).substr(d.size())));
  return t;
}

std::string head_phrase(const core::Argument& argument) {
  const std::string head = strip_leading_article(argument.head);
  const std::string phrase = bare_phrase(argument.text);
  const auto head_words = split_words(head);
  if (head_words.empty()) return head;
  const auto words = split_words(phrase);
  for (const auto& w : words)
    if (w == head_words.back()) return std::string(std::string_view(phrase).substr(0, static_cast<std::size_t>(w.data() + w.size() - phrase.data())));
  return head;
}

}  // namespace kg::extract::detail
