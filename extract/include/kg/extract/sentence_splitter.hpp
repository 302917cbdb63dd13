#pragma once
/// Sentence splitting for news text: ICU's sentence rules plus repairs for what news articles do
/// to them (abbreviations and initials, sentences and sub-headings glued together without a
/// space, one paragraph per line, runaway text without a full stop).

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

#include "kg/core/types.hpp"
#include "kg/ontology/word_lists.hpp"

namespace kg::extract {

/// Splits a document body into sentences with byte and code-point offsets.
///
/// Rules, on top of ICU's sentence BreakIterator (run directly over the UTF-8 text):
/// - no break after titles and abbreviations (`Mr.`, `Dr.`, `Gen.`, `vs.`, `e.g.`, `No. 5`,
///   `Dec. 7` …), dotted acronyms and initials (`U.S.`, `J.P. Morgan`, `p.m.`, `John F. Kennedy`),
///   unless such a token ends a sentence and the next word clearly starts one
///   (`… in the U.S. The president said`);
/// - a break at sentence ends glued to the next sentence (`Russia.Despite`), but not inside
///   acronyms, decimals or domain names (`sputniknews.com`), and before a capitalised function word
///   glued to a short heading (`Situation in UkraineIn the conversation` gives the heading
///   `Situation in Ukraine` as a sentence of its own);
/// - a blank line always ends a sentence; a single newline ends one when the line before ends with
///   sentence punctuation or looks like a heading; otherwise the sentence runs on;
/// - sentences longer than max_sentence_bytes are cut at the last white space before the limit
///   (or at a code point boundary when there is none).
///
/// Each Sentence is trimmed of surrounding white space, its text is exactly
/// `text.substr(byte_begin, byte_end - byte_begin)`, `chars` is the same range in code points,
/// and indices run 0..n-1. Empty sentences are dropped. Linear in the length of the text.
///
/// Errors: none; the text should be valid UTF-8 (readers repair it), ill-formed bytes are carried
/// through. Throws core::Error only if ICU cannot create its sentence rules (a broken install).
///
/// Thread safety: NOT thread-safe — it holds an ICU BreakIterator that split() mutates. Use one
/// splitter per thread; construction is cheap (a clone of a shared, lazily built prototype).
class SentenceSplitter {
 public:
  /// The length above which a sentence is cut (bytes).
  static constexpr std::size_t max_sentence_bytes = 2000;

  /// `words` (its abbreviations) must outlive the splitter.
  explicit SentenceSplitter(const ontology::WordLists& words);
  ~SentenceSplitter();
  SentenceSplitter(SentenceSplitter&&) noexcept;
  SentenceSplitter& operator=(SentenceSplitter&&) noexcept;
  SentenceSplitter(const SentenceSplitter&) = delete;
  SentenceSplitter& operator=(const SentenceSplitter&) = delete;

  /// The sentences of `text`, in order. `text` need only live for the duration of the call.
  std::vector<core::Sentence> split(std::string_view text);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kg::extract
