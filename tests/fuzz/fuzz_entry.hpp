#pragma once
/// The entry functions of the libFuzzer targets (tests/fuzz/fuzz_*.cpp), shared with the test that
/// replays the committed corpus in the normal build (tests/extract/fuzz_regression_test.cpp), so
/// that a crasher kept in tests/fuzz/corpus/ is checked by `make test` without clang.
///
/// Each function takes arbitrary bytes, runs one stage the way kgraph runs it, and checks what the
/// stage's header promises about its output. A broken promise is a KG_ASSERT, which aborts naming
/// the check: libFuzzer keeps the input as a crasher, the regression test dies on it.
/// Header-only; include as "fuzz/fuzz_entry.hpp" (tests/ on the include path). Not thread-safe
/// (the fuzzer runs one input at a time).

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "kg/core/diagnostics.hpp"
#include "kg/core/text.hpp"
#include "kg/core/types.hpp"
#include "kg/extract/document_reader.hpp"
#include "kg/extract/extractor.hpp"
#include "kg/extract/link_parser.hpp"
#include "kg/extract/proposition_extractor.hpp"
#include "kg/extract/sentence_splitter.hpp"
#include "kg/ontology/data_dir.hpp"
#include "kg/ontology/word_lists.hpp"
// The text-level attribution passes are private to kg::extract; the fuzz pipeline runs them the
// way Extractor::process does (it cannot take the small parse limits below).
#include "../../extract/src/quoted_speech.hpp"
#include "../../extract/src/mentions.hpp"
#include "../../extract/src/reported_clause.hpp"
#include "support/temp_dir.hpp"

namespace kg::fuzz {

/// Every diagnostic must render (positions, excerpts of bad bytes).
inline void check_diagnostics(const core::StreamDiagnostics& diagnostics) {
  for (const auto& d : diagnostics.kept()) KG_ASSERT(!core::format(d).empty());
}

/// What DocumentReader promises about a document it delivers.
inline void check_document(const core::Document& doc) {
  KG_ASSERT(!core::trim(doc.text).empty());
  KG_ASSERT(!core::find_invalid_utf8(doc.text));
  KG_ASSERT(!core::find_invalid_utf8(doc.title));
  KG_ASSERT(!core::find_invalid_utf8(doc.url));
  KG_ASSERT(!doc.id.empty());
  KG_ASSERT(doc.date.empty() || extract::normalize_date(doc.date) == doc.date);
  KG_ASSERT(doc.source_line >= 1);
}

/// Document readers: `data` as a text article in memory (parse_text_article), and as files read by
/// DocumentReader: a `.jsonl` file, a text article and the same text in lines mode.
inline void read_documents(std::string_view data, const test::TempDir& scratch) {
  core::StreamDiagnostics diagnostics(nullptr);
  const core::Document article = extract::parse_text_article(data, "fuzz.txt", diagnostics);
  if (!article.text.empty()) check_document(article);

  const std::string jsonl = scratch.write("fuzz.jsonl", data).string();
  const std::string text = scratch.write("fuzz.txt", data).string();
  std::size_t seen = 0;
  auto on_document = [&](core::Document&& doc) {
    check_document(doc);
    KG_ASSERT(doc.ordinal == seen);
    ++seen;
  };
  extract::DocumentReader articles(diagnostics);
  KG_ASSERT(articles.read({jsonl, text}, on_document) == seen);
  seen = 0;
  extract::DocumentReader lines(diagnostics, extract::InputMode::lines);
  KG_ASSERT(lines.read({text}, on_document) == seen);
  check_diagnostics(diagnostics);
}

/// The sentences of `text` against SentenceSplitter's promises; `valid_utf8`: also the
/// code-point offsets (they are only defined for valid UTF-8).
inline void check_sentences(std::string_view text, const std::vector<core::Sentence>& sentences,
                            bool valid_utf8) {
  std::size_t previous_end = 0;
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    const core::Sentence& s = sentences[i];
    KG_ASSERT(s.index == i);
    KG_ASSERT(s.byte_begin >= previous_end && s.byte_begin < s.byte_end && s.byte_end <= text.size());
    KG_ASSERT(s.text == text.substr(s.byte_begin, s.byte_end - s.byte_begin));
    KG_ASSERT(s.byte_end - s.byte_begin <= extract::SentenceSplitter::max_sentence_bytes);
    KG_ASSERT(core::trim(s.text) == s.text);
    if (valid_utf8) {
      KG_ASSERT(!core::find_invalid_utf8(s.text));
      KG_ASSERT(s.chars.begin == core::count_code_points(text.substr(0, s.byte_begin)));
      KG_ASSERT(s.chars.end - s.chars.begin == core::count_code_points(s.text));
    }
    previous_end = s.byte_end;
  }
}

/// The shipped word lists (ontology/lexicon), loaded once: the splitter's abbreviations.
inline const ontology::WordLists& word_lists() {
  static const auto words = ontology::WordLists::load(ontology::default_data_dir() / "lexicon");
  return words;
}

/// The sentence splitter on `data` as it comes (ill-formed bytes are carried through) and on
/// `data` repaired the way the readers repair it.
inline void split_sentences(std::string_view data) {
  extract::SentenceSplitter splitter(word_lists());
  const bool valid = !core::find_invalid_utf8(data);
  check_sentences(data, splitter.split(data), valid);
  if (!valid) {
    const std::string repaired = core::repair_utf8(data);
    check_sentences(repaired, splitter.split(repaired), true);
  }
}

/// Small parse limits: the fuzzer needs many inputs a second, and the parser's search, not the
/// extraction around it, is what grows with the limits.
inline extract::ParseLimits fuzz_parse_limits() {
  extract::ParseLimits limits;
  limits.max_words = 20;
  limits.max_linkages = 2;
  limits.max_null_links = 1;
  limits.null_budget = 20;
  return limits;
}

/// Spans are code points of the document text.
inline void check_span(const core::Span& span, std::size_t code_points) {
  KG_ASSERT(span.begin <= span.end && span.end <= code_points);
}

/// What the extraction stage promises about the facts of one document.
inline void check_facts(const core::Document& doc, const std::vector<core::SentenceFacts>& facts) {
  const std::size_t code_points = core::count_code_points(doc.text);
  for (const auto& f : facts) {
    for (const auto& p : f.propositions) {
      KG_ASSERT(p.confidence > 0.0 && p.confidence <= 1.0);
      KG_ASSERT(p.content_of >= -1 && p.content_of < static_cast<int>(f.propositions.size()));
      check_span(p.predicate.span, code_points);
      check_span(p.attribution.source_span, code_points);
      check_span(p.attribution.cue_span, code_points);
      for (const auto& a : p.arguments) check_span(a.span, code_points);
    }
    // Mentions (`--format mentions`): in text order, non-empty, inside the document, valid UTF-8
    // of exactly their span's length.
    std::size_t previous = 0;
    for (const auto& m : f.mentions) {
      check_span(m.span, code_points);
      KG_ASSERT(m.span.begin < m.span.end && m.span.begin >= previous);
      KG_ASSERT(!core::find_invalid_utf8(m.text));
      KG_ASSERT(core::count_code_points(m.text) == m.span.end - m.span.begin);
      previous = m.span.begin;
    }
  }
}

/// One document through the whole extraction: reader (parse_text_article; `data` repaired to
/// UTF-8 when that gives no text), splitter, Link Grammar with fuzz_parse_limits(), proposition
/// extraction, then the text-level quotations and reported clauses and the mentions, as
/// Extractor::process runs them. `parser` is kept across inputs (it is cheap to keep, not to make).
inline void extract_document(std::string_view data, const extract::Resources& resources,
                             extract::LinkParser& parser) {
  core::StreamDiagnostics diagnostics(nullptr);
  core::Document doc = extract::parse_text_article(data, "fuzz.txt", diagnostics);
  check_diagnostics(diagnostics);
  // What the text reader turns away (NUL bytes) a JSON Lines `text` field still delivers
  // (`\u0000`): any valid UTF-8 may reach the extractor.
  if (doc.text.empty()) doc.text = core::repair_utf8(data);
  extract::SentenceSplitter splitter(resources.words());
  const extract::PropositionExtractor propositions(resources);
  std::vector<core::SentenceFacts> facts;
  for (auto& sentence : splitter.split(doc.text)) {
    core::SentenceFacts f;
    const auto linkages = parser.parse(sentence.text, propositions.reporting_clause_break(sentence.text));
    parser.take_messages();
    for (const auto& linkage : linkages) {
      for (const auto& word : linkage.words)
        KG_ASSERT(word.byte_begin <= word.byte_end && word.byte_end <= sentence.text.size());
      for (const auto& link : linkage.links)
        KG_ASSERT(link.left < link.right && link.right < linkage.words.size());
    }
    if (!linkages.empty()) f.propositions = propositions.extract_best(sentence, linkages);
    f.sentence = std::move(sentence);
    facts.push_back(std::move(f));
  }
  extract::attach_quoted_speech(facts, doc.text, resources);
  extract::attach_reported_clauses(facts, doc.text, resources, resources.wordnet());
  extract::detail::resolve_document_mentions(facts, resources);
  check_facts(doc, facts);
}

}  // namespace kg::fuzz
