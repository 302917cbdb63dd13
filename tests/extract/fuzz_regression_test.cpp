// The fuzz corpus in the normal build: every file of tests/fuzz/corpus/<target>/ (the seeds and the
// crashers the fuzzers found) goes through the same entry function as in the libFuzzer target
// (tests/fuzz/fuzz_entry.hpp). A broken promise aborts the test with the check that failed; the
// INFO line names the input.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "fuzz/corpus_files.hpp"
#include "fuzz/fuzz_entry.hpp"
#include "kg/core/diagnostics.hpp"
#include "kg/core/text.hpp"
#include "kg/extract/document_reader.hpp"
#include "kg/extract/link_parser.hpp"
#include "kg/extract/sentence_splitter.hpp"
#include "support/extraction.hpp"
#include "support/temp_dir.hpp"

TEST_CASE("fuzz corpus: document readers", "[extract][fuzz]") {
  const auto files = kg::fuzz::corpus_files("fuzz_document_reader");
  REQUIRE(!files.empty());
  const kg::test::TempDir scratch;
  for (const auto& file : files) {
    INFO(file.string());
    kg::fuzz::read_documents(kg::test::read_file(file), scratch);
  }
}

TEST_CASE("fuzz corpus: sentence splitter", "[extract][fuzz]") {
  const auto files = kg::fuzz::corpus_files("fuzz_sentence_splitter");
  REQUIRE(!files.empty());
  for (const auto& file : files) {
    INFO(file.string());
    kg::fuzz::split_sentences(kg::test::read_file(file));
  }
}

TEST_CASE("fuzz corpus: extractor", "[extract][fuzz]") {
  const auto files = kg::fuzz::corpus_files("fuzz_extractor");
  REQUIRE(!files.empty());
  kg::extract::LinkParser parser(kg::test::resources().dictionary(), kg::fuzz::fuzz_parse_limits());
  for (const auto& file : files) {
    INFO(file.string());
    kg::fuzz::extract_document(kg::test::read_file(file), kg::test::resources(), parser);
  }
}

// What the fuzzers found, as unit tests of the repaired behaviour (the inputs themselves are in
// the corpus above).

TEST_CASE("fuzz finding: a JSON escape of a lone surrogate is reported at the escape and repaired",
          "[extract][fuzz]") {
  // RapidJSON 1.1 decodes a lone low surrogate (`\udc00`) to the ill-formed bytes ED B0 80 and
  // rejects the whole line for a lone high one (`\ud800` not followed by a low half). Each is one
  // ill-formed UTF-16 code unit, so one U+FFFD: the text then has the code points a UTF-16 JSON
  // reader (JavaScript, Python) sees, and offsets agree with theirs. A pair, and an escaped
  // backslash before `udc00`, are left alone.
  const kg::test::TempDir dir;
  const auto file = dir.write("a.jsonl", R"({"text":"a \udc00 b \ud83d\ude00 c \\udc00 \ud800"})" "\n");
  kg::core::StreamDiagnostics diagnostics(nullptr);
  kg::extract::DocumentReader reader(diagnostics);
  std::vector<kg::core::Document> docs;
  reader.read({file.string()}, [&](kg::core::Document&& d) { docs.push_back(std::move(d)); });
  REQUIRE(docs.size() == 1);
  CHECK(docs[0].text == "a \xEF\xBF\xBD b \xF0\x9F\x98\x80 c \\udc00 \xEF\xBF\xBD");
  CHECK(kg::core::count_code_points(docs[0].text) == 18);
  const auto kept = diagnostics.kept();
  REQUIRE(kept.size() == 1);
  CHECK(kept[0].severity == kg::core::Severity::error);
  CHECK(kept[0].where.line == 1);
  CHECK(kept[0].where.column == 12);
  CHECK(kept[0].message == "\\u escape of a lone UTF-16 surrogate, replaced with U+FFFD (1 more in this line)");
  CHECK(kept[0].token.rfind("\\udc00 b", 0) == 0);
}

TEST_CASE("fuzz finding: ill-formed text with no code point boundary near the limit is still cut",
          "[extract][fuzz]") {
  // 2,500 continuation bytes without white space: the cut used to back up to the sentence start
  // looking for a code point boundary and never advanced (an endless loop).
  const std::string text = "a" + std::string(2500, '\x80');
  kg::extract::SentenceSplitter splitter(kg::fuzz::word_lists());
  const auto sentences = splitter.split(text);
  REQUIRE(sentences.size() == 2);
  CHECK(sentences[0].byte_end - sentences[0].byte_begin == kg::extract::SentenceSplitter::max_sentence_bytes);
  CHECK(sentences[1].byte_end == text.size());
}

TEST_CASE("fuzz finding: NUL bytes and empty text never reach Link Grammar as an empty sentence",
          "[extract][fuzz]") {
  // The parser reads a C string: a sentence starting with NUL (`{"text":"\u0000 …"}` in JSON
  // Lines) was an empty sentence to it, on which Link Grammar 5.12 aborts.
  kg::extract::LinkParser parser(kg::test::resources().dictionary());
  CHECK(parser.parse("").empty());
  const std::string sentence("\0 Putin met Biden.", 18);
  const auto linkages = parser.parse(sentence);
  REQUIRE_FALSE(linkages.empty());
  bool putin = false;
  for (const auto& word : linkages.front().words)
    putin = putin || (word.text == "Putin" && word.byte_begin == 2 && word.byte_end == 7);
  CHECK(putin);
}
