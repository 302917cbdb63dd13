#include "kg/extract/sentence_splitter.hpp"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <iterator>
#include <memory>
#include <string>
#include <utility>

#include "kg/core/diagnostics.hpp"
#include "kg/core/text.hpp"

namespace kg::extract {

using core::one_of;
namespace {

using core::Sentence;

// --- word lists -----------------------------------------------------------------------------

// Words that clearly start a sentence: after an abbreviation that may end one (`in the U.S. The
// president said`) they decide for a break; glued to the end of a short heading (`Situation in
// UkraineIn the conversation`) they mark where the heading stops.
constexpr std::array<std::string_view, 72> kSentenceStarters = {
    "The",       "A",         "An",        "This",      "That",       "These",     "Those",
    "There",     "Here",      "He",        "She",       "It",         "They",      "We",
    "I",         "You",       "His",       "Her",       "Its",        "Their",     "Our",
    "My",        "But",       "And",       "Or",        "So",         "Yet",       "In",
    "On",        "At",        "As",        "For",       "With",       "From",      "By",
    "However",   "Meanwhile", "Moreover",  "Furthermore", "Also",     "According", "After",
    "Before",    "During",    "While",     "When",      "If",         "Although",  "Though",
    "Since",     "Despite",   "Amid",      "Following", "Earlier",    "Later",     "Now",
    "Today",     "Yesterday", "Still",     "Then",      "Thus",       "Instead",   "Besides",
    "Nevertheless", "What",   "Why",       "How",       "Some",       "Many",      "Most",
    "Both",      "Last"};

// Words that show a would-be heading is really the start of a clause (pronouns, auxiliaries,
// common speech verbs): `He joined LinkedIn` is not a heading.
constexpr std::array<std::string_view, 44> kClauseWords = {
    "he",    "she",   "they",  "we",    "i",      "you",   "it",     "his",   "her",
    "their", "is",    "are",   "was",   "were",   "be",    "been",   "has",   "have",
    "had",   "do",    "does",  "did",   "will",   "would", "can",    "could", "may",
    "might", "must",  "shall", "should", "said",  "says",  "say",    "told",  "tells",
    "asked", "added", "that",  "which", "who",    "not"};

// Camel-case names whose tail looks like a glued function word.
constexpr std::array<std::string_view, 8> kCamelCaseNames = {
    "LinkedIn", "CheckIn", "SignIn", "LogIn", "PlugIn", "BuiltIn", "WalkIn", "OptIn"};

// Words that end a wrapped line but never a heading.
constexpr std::array<std::string_view, 22> kTrailingFunctionWords = {
    "the", "a",  "an",   "of",   "to",  "in",   "and",  "or",   "for",   "with", "by",
    "on",  "at", "from", "that", "as",  "into", "than", "but",  "their", "his",  "its"};

// --- character classes ----------------------------------------------------------------------

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_letter(char c) { return is_upper(c) || is_lower(c); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Straight quotes and brackets, and the right curly quotes (U+2019, U+201D) and `»`, closing a
// sentence before its final punctuation is looked at.
std::string_view strip_closers(std::string_view s) {
  while (!s.empty()) {
    const char c = s.back();
    if (c == '"' || c == '\'' || c == ')' || c == ']') {
      s.remove_suffix(1);
    } else if (s.size() >= 3 && (s.substr(s.size() - 3) == "\xE2\x80\x9D" || s.substr(s.size() - 3) == "\xE2\x80\x99")) {
      s.remove_suffix(3);
    } else if (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xBB") {
      s.remove_suffix(2);
    } else {
      break;
    }
  }
  return s;
}

// Opening quotes and brackets before a word.
std::string_view strip_openers(std::string_view s) {
  while (!s.empty()) {
    const char c = s.front();
    if (c == '"' || c == '\'' || c == '(' || c == '[') {
      s.remove_prefix(1);
    } else if (s.size() >= 3 && (s.substr(0, 3) == "\xE2\x80\x9C" || s.substr(0, 3) == "\xE2\x80\x98")) {
      s.remove_prefix(3);
    } else if (s.size() >= 2 && s.substr(0, 2) == "\xC2\xAB") {
      s.remove_prefix(2);
    } else {
      break;
    }
  }
  return s;
}

bool ends_with_terminal(std::string_view line) {
  const std::string_view s = strip_closers(core::trim(line));
  if (s.empty()) return false;
  const char c = s.back();
  return c == '.' || c == '!' || c == '?' || (s.size() >= 3 && s.substr(s.size() - 3) == "\xE2\x80\xA6");
}

// The leading ASCII letters of `s`.
std::string_view letters_prefix(std::string_view s) {
  std::size_t n = 0;
  while (n < s.size() && is_letter(s[n])) ++n;
  return s.substr(0, n);
}

// The first white-space separated token of `s` (which starts at a non-space).
std::string_view first_token(std::string_view s) {
  std::size_t n = 0;
  while (n < s.size() && !is_space(s[n])) ++n;
  return s.substr(0, n);
}

template <class F>
void for_each_word(std::string_view s, F&& f) {
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && is_space(s[i])) ++i;
    const std::size_t begin = i;
    while (i < s.size() && !is_space(s[i])) ++i;
    if (i > begin) f(s.substr(begin, i - begin));
  }
}

// `U.S`, `p.m`, `J.P` (the token without its final period): single letters joined by periods.
bool is_dotted_acronym(std::string_view word) {
  if (word.size() < 3) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (i % 2 == 0 ? !is_letter(word[i]) : word[i] != '.') return false;
  }
  return word.size() % 2 == 1;
}

bool starts_upper_or_digit(std::string_view s) {
  s = strip_openers(s);
  return !s.empty() && (is_upper(s.front()) || is_digit(s.front()));
}

// A short title-like line (`Situation in Ukraine`, `NATO Expansion`, `What's Next`): few words,
// no sentence punctuation, no pronoun, auxiliary or speech verb, not ending in a function word.
bool looks_like_heading(std::string_view line, std::size_t max_words, bool allow_final_punct) {
  line = core::trim(line);
  if (line.empty() || line.size() > 100 || !starts_upper_or_digit(line)) return false;
  std::size_t words = 0, capitalised = 0;
  bool clause = false;
  std::string_view last;
  for_each_word(line, [&](std::string_view w) {
    ++words;
    last = w;
    const std::string_view bare = strip_openers(w);
    if (!bare.empty() && (is_upper(bare.front()) || is_digit(bare.front()))) ++capitalised;
    const std::string lower = core::ascii_lower(letters_prefix(bare));
    if (one_of(lower, kClauseWords)) clause = true;
    // Lower-case words in -ed are mostly verbs in the past tense.
    if (bare.size() > 4 && is_lower(bare.front()) && bare.substr(bare.size() - 2) == "ed") clause = true;
  });
  if (clause || words == 0 || words > max_words) return false;
  if (one_of(core::ascii_lower(last), kTrailingFunctionWords)) return false;
  if (words > 6 && capitalised * 2 < words) return false;
  const char end = line.back();
  if (end == ',' || end == ';' || end == '-') return false;
  if (!allow_final_punct && (end == '.' || end == '!' || end == '?' || end == ':')) return false;
  return true;
}

// --- ICU --------------------------------------------------------------------------------------

struct UTextCloser {
  void operator()(UText* text) const { utext_close(text); }
};

const icu::BreakIterator& prototype() {
  static const std::unique_ptr<icu::BreakIterator> instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> iterator(
        icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), status));
    if (U_FAILURE(status) || !iterator)
      throw core::Error(std::string("cannot create ICU sentence break iterator: ") + u_errorName(status));
    return iterator;
  }();
  return *instance;
}

// --- the splitting passes ---------------------------------------------------------------------

class Splitter {
 public:
  Splitter(std::string_view text, const ontology::WordList& abbreviations)
      : text_(text), abbreviations_(&abbreviations) {}

  // Filters ICU's boundaries (positions where a sentence starts) through the abbreviation and
  // newline rules; `icu` is sorted.
  std::vector<std::size_t> filter_icu(const std::vector<std::size_t>& icu) const {
    std::vector<std::size_t> kept;
    for (std::size_t b : icu) {
      if (b == 0 || b >= text_.size()) continue;
      // The white space around the boundary: [end, start).
      std::size_t end = b, start = b;
      while (end > 0 && is_space(text_[end - 1])) --end;
      while (start < text_.size() && is_space(text_[start])) ++start;
      if (end == 0 || start >= text_.size()) continue;
      if (!kept.empty() && kept.back() >= start) continue;
      const auto newlines = static_cast<std::size_t>(
          std::count(text_.begin() + static_cast<std::ptrdiff_t>(end),
                     text_.begin() + static_cast<std::ptrdiff_t>(start), '\n'));
      const bool keep = newlines >= 2   ? true
                        : newlines == 1 ? keep_at_newline(end, start)
                                        : keep_after_punctuation(end, start);
      // ICU counts an opening quote glued to the next sentence (`no.“We`) as closing the previous
      // one; give it back to the sentence it opens.
      if (keep && end == start) {
        for (std::string_view opener : {"\xE2\x80\x9C", "\xE2\x80\x98", "\xC2\xAB"}) {
          if (start >= opener.size() + 1 && text_.substr(start - opener.size(), opener.size()) == opener) {
            start -= opener.size();
            break;
          }
        }
      }
      if (keep && (kept.empty() || kept.back() < start)) kept.push_back(start);
    }
    return kept;
  }

  // Sentence ends glued to the next sentence: `Russia.Despite`, `head".The`, `form.NATO`.
  std::vector<std::size_t> glued_periods() const {
    std::vector<std::size_t> found;
    for (std::size_t i = text_.find('.'); i != std::string_view::npos; i = text_.find('.', i + 1)) {
      if (i == 0 || i + 2 > text_.size() || !is_upper(text_[i + 1])) continue;
      if (i + 2 < text_.size() && text_[i + 2] == '.') continue;  // J.P.
      const char before = text_[i - 1];
      if (is_letter(before)) {
        std::size_t w = i;
        while (w > 0 && is_letter(text_[w - 1])) --w;
        const std::string_view word = text_.substr(w, i - w);
        if (word.size() < 2) continue;  // U.S.A, initials
        if (w > 0 && text_[w - 1] == '.') continue;  // Ph.D.
        if (abbreviation(word, "prefix") || abbreviation(word, "number")) continue;
      } else if (!is_digit(before) && before != '"' && before != '\'' && before != ')' &&
                 !(i >= 3 && (text_.substr(i - 3, 3) == "\xE2\x80\x9D" || text_.substr(i - 3, 3) == "\xE2\x80\x99"))) {
        continue;
      }
      if (in_url(i)) continue;
      found.push_back(i + 1);
    }
    return found;
  }

  // Adds heading breaks (`Situation in UkraineIn the conversation`) to the sorted `boundaries`.
  // A heading must start right after a glued boundary (in `glued`), at the start of the text or
  // of a line: scraped pages lose the block breaks on both sides of a sub-heading.
  std::vector<std::size_t> add_headings(std::vector<std::size_t> boundaries,
                                        const std::vector<std::size_t>& glued) const {
    std::vector<std::size_t> headings;
    std::size_t next_boundary = 0;  // index into boundaries
    std::size_t start = 0;          // start of the sentence being scanned
    bool start_glued = true;        // the text start counts as a clean start
    for (std::size_t j = 1; j + 1 < text_.size(); ++j) {
      while (next_boundary < boundaries.size() && boundaries[next_boundary] <= j) {
        start = boundaries[next_boundary++];
        std::size_t before = start;
        while (before > 0 && (text_[before - 1] == ' ' || text_[before - 1] == '\t')) --before;
        start_glued = std::binary_search(glued.begin(), glued.end(), start) ||
                      (before > 0 && text_[before - 1] == '\n');
      }
      if (!is_lower(text_[j - 1]) || !is_upper(text_[j])) continue;
      if (!start_glued || j - start > 100) continue;
      const std::string_view follower = letters_prefix(text_.substr(j));
      const std::size_t after = j + follower.size();
      if (after >= text_.size() || (text_[after] != ' ' && text_[after] != ',')) continue;
      if (!one_of(follower, kSentenceStarters) || follower.size() < 2) continue;
      std::size_t w = j;
      while (w > 0 && is_letter(text_[w - 1])) --w;
      if (!is_upper(text_[w]) || j - w < 2) continue;
      if (one_of(text_.substr(w, after - w), kCamelCaseNames)) continue;
      if (!looks_like_heading(text_.substr(start, j - start), 8, false)) continue;
      headings.push_back(j);
      start = j;
      start_glued = true;
    }
    std::vector<std::size_t> merged;
    merged.reserve(boundaries.size() + headings.size());
    std::merge(boundaries.begin(), boundaries.end(), headings.begin(), headings.end(),
               std::back_inserter(merged));
    merged.erase(std::unique(merged.begin(), merged.end()), merged.end());
    return merged;
  }

  // Cuts the text at `boundaries` (sorted sentence starts), trims, bounds the length and
  // computes code-point offsets in one forward pass.
  std::vector<Sentence> emit(const std::vector<std::size_t>& boundaries) {
    std::vector<Sentence> sentences;
    std::size_t begin = 0;
    for (std::size_t k = 0; k <= boundaries.size(); ++k) {
      const std::size_t end = k < boundaries.size() ? boundaries[k] : text_.size();
      if (end > begin) emit_bounded(begin, end, sentences);
      begin = std::max(begin, end);
    }
    return sentences;
  }

 private:
  bool keep_at_newline(std::size_t end, std::size_t start) const {
    const auto line_begin = text_.rfind('\n', end - 1);
    const std::size_t from = line_begin == std::string_view::npos ? 0 : line_begin + 1;
    const std::string_view previous = text_.substr(from, end - from);
    if (ends_with_terminal(previous)) {
      // `… met Mr.` / `Smith …` is a wrapped line, not a sentence end.
      std::string_view token = strip_openers(last_token(end));
      if (!token.empty() && token.back() == '.') token.remove_suffix(1);
      return !abbreviation(token, "prefix");
    }
    return starts_upper_or_digit(text_.substr(start)) && looks_like_heading(previous, 10, true);
  }

  bool keep_after_punctuation(std::size_t end, std::size_t start) const {
    std::string_view token = strip_openers(last_token(end));
    if (token.size() < 2 || token.back() != '.') return true;
    const std::string_view word = token.substr(0, token.size() - 1);
    const std::string_view next_token = strip_openers(first_token(text_.substr(start)));
    const bool next_is_number = !next_token.empty() && is_digit(next_token.front());
    // letters_prefix stops at the first non-letter, so `The` matches but `Theory` does not.
    const bool next_starts_sentence = one_of(letters_prefix(next_token), kSentenceStarters);
    if (abbreviation(word, "prefix")) return false;
    if (abbreviation(word, "number")) {
      if (next_is_number) return false;
      // Months may also end a sentence (`… since Dec. The talks …`).
      return word.size() > 2 && word != "Nos" && word != "Art" && word != "Vol" && next_starts_sentence;
    }
    if (abbreviation(word, "final") || is_dotted_acronym(word) ||
        (word.size() == 1 && is_upper(word.front())))
      return next_starts_sentence;
    return true;
  }

  // The white-space separated token ending at `end`.
  std::string_view last_token(std::size_t end) const {
    std::size_t begin = end;
    while (begin > 0 && !is_space(text_[begin - 1])) --begin;
    return text_.substr(begin, end - begin);
  }

  // Whether the period at `dot` belongs to a URL, domain or e-mail address.
  bool in_url(std::size_t dot) const {
    std::size_t begin = dot, end = dot;
    while (begin > 0 && !is_space(text_[begin - 1])) --begin;
    while (end < text_.size() && !is_space(text_[end])) ++end;
    const std::string token = core::ascii_lower(text_.substr(begin, end - begin));
    return token.find("://") != std::string::npos || token.find("www.") != std::string::npos ||
           token.find('@') != std::string::npos || token.find('/') != std::string::npos;
  }

  void emit_bounded(std::size_t begin, std::size_t end, std::vector<Sentence>& out) {
    constexpr std::size_t limit = SentenceSplitter::max_sentence_bytes;
    while (begin < end && is_space(text_[begin])) ++begin;
    while (end - begin > limit) {
      // Cut at the last white space before the limit; look back at most half the limit so that
      // every cut advances by at least that much (linear time on text without spaces).
      std::size_t cut = begin + limit;
      std::size_t space = cut;
      while (space > begin + limit / 2 && !is_space(text_[space])) --space;
      if (is_space(text_[space])) {
        cut = space;
      } else {
        // Back to a code point boundary: a sequence has at most three continuation bytes. Ill-formed
        // text may have no boundary near (a run of continuation bytes): cut at the limit then, or
        // this loop would emit nothing and never advance.
        for (int k = 0; k < 3 && is_continuation(text_[cut]); ++k) --cut;
        if (is_continuation(text_[cut])) cut = begin + limit;
      }
      emit_one(begin, cut, out);
      begin = cut;
      while (begin < end && is_space(text_[begin])) ++begin;
    }
    emit_one(begin, end, out);
  }

  void emit_one(std::size_t begin, std::size_t end, std::vector<Sentence>& out) {
    const std::string_view piece = core::trim(text_.substr(begin, end - begin));
    if (piece.empty()) return;
    const auto b = static_cast<std::size_t>(piece.data() - text_.data());
    const std::size_t e = b + piece.size();
    Sentence s;
    s.index = out.size();
    s.text = std::string(piece);
    s.byte_begin = b;
    s.byte_end = e;
    s.chars.begin = code_points_to(b);
    s.chars.end = code_points_to(e);
    out.push_back(std::move(s));
  }

  // Code points before byte `byte`; calls come with non-decreasing bytes, so the total is O(n).
  std::size_t code_points_to(std::size_t byte) {
    cp_count_ += core::count_code_points(text_.substr(cp_byte_, byte - cp_byte_));
    cp_byte_ = byte;
    return cp_count_;
  }

  /// Whether `word` (as written, without its dot) is an abbreviation of `kind` (lexicon/abbreviations.tsv).
  bool abbreviation(std::string_view word, std::string_view kind) const { return abbreviations_->value(word) == kind; }

  std::string_view text_;
  const ontology::WordList* abbreviations_;
  std::size_t cp_byte_ = 0;
  std::size_t cp_count_ = 0;
};

}  // namespace

struct SentenceSplitter::Impl {
  std::unique_ptr<icu::BreakIterator> iterator;
  const ontology::WordList* abbreviations = nullptr;
};

SentenceSplitter::SentenceSplitter(const ontology::WordLists& words) : impl_(std::make_unique<Impl>()) {
  impl_->abbreviations = &words.abbreviations;
  impl_->iterator.reset(prototype().clone());
  if (!impl_->iterator) throw core::Error("cannot clone ICU sentence break iterator");
}

SentenceSplitter::~SentenceSplitter() = default;
SentenceSplitter::SentenceSplitter(SentenceSplitter&&) noexcept = default;
SentenceSplitter& SentenceSplitter::operator=(SentenceSplitter&&) noexcept = default;

std::vector<core::Sentence> SentenceSplitter::split(std::string_view text) {
  if (core::trim(text).empty()) return {};
  KG_ASSERT(impl_ != nullptr);  // use after move
  // ICU indexes are int32_t: texts beyond 2 GB are split in pieces by the caller's reader limits.
  KG_ASSERT(text.size() < static_cast<std::size_t>(INT32_MAX));

  std::vector<std::size_t> icu_boundaries;
  {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UText, UTextCloser> utext(
        utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status));
    if (U_FAILURE(status)) throw core::Error(std::string("ICU cannot open text: ") + u_errorName(status));
    icu::BreakIterator& iterator = *impl_->iterator;
    iterator.setText(utext.get(), status);
    if (U_FAILURE(status)) throw core::Error(std::string("ICU cannot set text: ") + u_errorName(status));
    for (int32_t b = iterator.next(); b != icu::BreakIterator::DONE; b = iterator.next())
      icu_boundaries.push_back(static_cast<std::size_t>(b));
  }

  Splitter splitter(text, *impl_->abbreviations);
  const std::vector<std::size_t> icu_kept = splitter.filter_icu(icu_boundaries);
  const std::vector<std::size_t> glued = splitter.glued_periods();
  std::vector<std::size_t> boundaries;
  boundaries.reserve(icu_kept.size() + glued.size());
  std::merge(icu_kept.begin(), icu_kept.end(), glued.begin(), glued.end(), std::back_inserter(boundaries));
  boundaries.erase(std::unique(boundaries.begin(), boundaries.end()), boundaries.end());
  boundaries = splitter.add_headings(std::move(boundaries), glued);
  return splitter.emit(boundaries);
}

}  // namespace kg::extract
