#pragma once
/// Direct quotations and their reporting clauses, read off the text of a whole article, without
/// the parse: the parser often fails on sentences with quotation marks, and a quotation may run
/// over several sentences while its reporting clause sits in one of them
/// (`"We fought the battle. He was a tough opponent," Trump said. "I look forward …"`).
/// Private to kg::extract (Extractor::process attaches what is found to the sentences' propositions).

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "kg/core/types.hpp"
#include "kg/extract/proposition_extractor.hpp"

namespace kg::extract {

/// The words of text[begin, end): runs of letters and digits, joined by inner apostrophes, dots
/// and hyphens (`Mr.`, `don't`, `vice-president`); general punctuation separates them.
std::vector<core::Span> word_spans(std::u32string_view text, std::size_t begin, std::size_t end);

/// A word as speaker_phrase() sees it.
struct PhraseWord {
  std::string_view lower;  ///< ASCII lower case
  bool capitalised = false;  ///< starts with a capital or a digit
  bool reporting_verb = false;  ///< a reporting verb in lower case (`said`), which ends any speaker
};

/// Whether `words` can name who speaks: names, titles, nouns of people, determiners, pronouns and
/// adverbs, and words that modify a name to their right (`campaign` in `Trump campaign spokesman
/// Jason Miller`, `former` in `a former senior aide`); no reporting verb. Pure.
bool speaker_phrase(const std::vector<PhraseWord>& words, const Lexicon& lexicon);

/// One direct quotation, possibly in several pieces around or after its reporting clause, and who
/// is reported to have said it. All spans are code points of the document text.
struct QuotedSpeech {
  std::vector<core::Span> pieces;  ///< the quoted passages, quotation marks included, in order
  core::Span source;               ///< the speaker as written (`Trump`, `McConnell, R-Ky.`)
  core::Span cue;                  ///< the reporting verb (`said`)
};

/// The quotations of `text` (a whole article) that a reporting clause next to them attributes:
/// - quotations pair `“`/`”`, straight `"` and `''` within a paragraph (a line); one left open at the end
///   of its paragraph runs to that end, as a quotation continued in the next paragraph does;
///   quotations of fewer than four words (scare quotes, titles) are left alone;
/// - a trailing clause: the quotation ends with `,` `?` `!` or a dash and is followed, in the same
///   sentence, by a speaker and a reporting verb (`…," Trump said`, `…," McConnell, R-Ky., said`,
///   `…," said Sen. Warren`); the words before the verb may only be names, pronouns, titles,
///   nouns of people, determiners and adverbs;
/// - a leading clause: the quotation follows `SPEAKER VERB:` or `SPEAKER VERB,` in its sentence;
/// - continuation: the quotations that follow a trailing clause, or the quotation itself, in the
///   same paragraph with no words between them and no reporting clause of their own are part of
///   what was said (`"…," she said. "…"`).
/// `sentences` are the article's sentences (for where a trailing clause ends). Pure, thread-safe.
std::vector<QuotedSpeech> find_quoted_speech(std::string_view text, const std::vector<core::Sentence>& sentences,
                                             const Lexicon& lexicon);

/// Gives the propositions of `sentences` (one article, before normalisation) what
/// find_quoted_speech() finds in `text`:
/// - the reporting clause becomes a speech proposition of its sentence (the parser's, when its
///   predicate is the cue; else a new one: the cue's lemma, the speaker as agent) whose content
///   arguments are the quotation's pieces, in whichever sentences they lie;
/// - the propositions inside the quotation get its attribution (source and cue, even when these
///   are in another sentence) and are no longer asserted, unless the parser attributed them
///   already; in the reporting sentence they become its content (Proposition::content_of).
void attach_quoted_speech(std::vector<core::SentenceFacts>& sentences, std::string_view text, const Lexicon& lexicon);

}  // namespace kg::extract
