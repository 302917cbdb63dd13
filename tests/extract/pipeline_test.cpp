// The parallel pipeline (extract/pipeline.hpp) on small JSON Lines inputs: documents reach the sink
// in input order whatever the thread count, skipped and malformed documents are reported while the
// others still come out, and an exception from the sink or from a strict diagnostic sink stops the
// run and reaches the caller after every thread has joined.
#include "kg/extract/pipeline.hpp"

#include <catch2/catch.hpp>

#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "kg/core/diagnostics.hpp"
#include "support/extraction.hpp"
#include "support/temp_dir.hpp"

using kg::core::Diagnostic;
using kg::core::Document;
using kg::core::SentenceFacts;
using kg::core::Severity;
using kg::core::StreamDiagnostics;
using kg::extract::PipelineOptions;
using kg::extract::PipelineResult;
using kg::extract::run_pipeline;
using kg::test::TempDir;

namespace {

/// Records every call it receives, as `begin d03`, `sentence d03 0 <text>`, `end d03`.
class RecordingSink : public kg::core::FactSink {
 public:
  void begin_document(const Document& doc) override {
    calls.push_back("begin " + doc.id);
    ids.push_back(doc.id);
  }
  void add_sentence(const Document& doc, const SentenceFacts& facts) override {
    calls.push_back("sentence " + doc.id + " " + std::to_string(facts.sentence.index) + " " +
                    facts.sentence.text + " / " + std::to_string(facts.propositions.size()));
  }
  void end_document(const Document& doc) override { calls.push_back("end " + doc.id); }

  std::vector<std::string> calls;
  std::vector<std::string> ids;
};

/// A sink that throws when document `stop_at` begins.
class FailingSink : public RecordingSink {
 public:
  explicit FailingSink(std::string stop_at) : stop_at_(std::move(stop_at)) {}
  void begin_document(const Document& doc) override {
    if (doc.id == stop_at_) throw std::runtime_error("sink failed at " + doc.id);
    RecordingSink::begin_document(doc);
  }

 private:
  std::string stop_at_;
};

std::string doc_id(std::size_t i) { return (i < 10 ? "d0" : "d") + std::to_string(i); }

/// `n` JSON Lines documents d00, d01, …; the first is much longer than the others, so that with
/// several workers the later ones are done before it.
std::string corpus(std::size_t n) {
  std::string jsonl;
  for (std::size_t i = 0; i < n; ++i) {
    std::string text = "Biden called Putin on day " + std::to_string(i) + ".";
    if (i == 0)
      for (int k = 0; k < 8; ++k)
        text += " The Kremlin said that Putin asked Biden for guarantees about NATO in Europe.";
    jsonl += "{\"id\": \"" + doc_id(i) + "\", \"text\": \"" + text + "\"}\n";
  }
  return jsonl;
}

std::vector<std::string> ids_upto(std::size_t n) {
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < n; ++i) ids.push_back(doc_id(i));
  return ids;
}

PipelineOptions with_threads(unsigned threads) {
  PipelineOptions options;
  options.threads = threads;
  return options;
}

}  // namespace

TEST_CASE("pipeline: documents reach the sink in input order with 1, 2 and 4 threads", "[extract][pipeline]") {
  TempDir s;
  const auto input = s.write("news.jsonl", corpus(12));
  std::vector<std::vector<std::string>> calls_per_run;
  for (unsigned threads : {1u, 2u, 4u}) {
    INFO("threads " << threads);
    StreamDiagnostics diagnostics(nullptr);
    RecordingSink sink;
    const PipelineResult result =
        run_pipeline({input.string()}, kg::test::resources(), diagnostics, sink, with_threads(threads));
    CHECK(diagnostics.kept().empty());
    CHECK(sink.ids == ids_upto(12));
    CHECK(result.documents == 12);
    CHECK(result.skipped == 0);
    CHECK(result.stats.sentences == 12 + 8);
    CHECK(result.stats.propositions > 0);
    CHECK(result.seconds > 0);
    // Every document is begun, filled and ended before the next one begins.
    REQUIRE(sink.calls.size() == 12 * 2 + result.stats.sentences);
    CHECK(sink.calls.front() == "begin d00");
    CHECK(sink.calls[1].rfind("sentence d00 0 Biden called Putin on day 0. / ", 0) == 0);
    CHECK(sink.calls[9].rfind("sentence d00 8 ", 0) == 0);
    CHECK(sink.calls[10] == "end d00");
    CHECK(sink.calls[11] == "begin d01");
    CHECK(sink.calls.back() == "end d11");
    calls_per_run.push_back(sink.calls);
  }
  // The same facts, not only the same order.
  CHECK(calls_per_run[1] == calls_per_run[0]);
  CHECK(calls_per_run[2] == calls_per_run[0]);
}

TEST_CASE("pipeline: zero threads means one worker", "[extract][pipeline]") {
  TempDir s;
  const auto input = s.write("news.jsonl", corpus(3));
  StreamDiagnostics diagnostics(nullptr);
  RecordingSink sink;
  const auto result =
      run_pipeline({input.string()}, kg::test::resources(), diagnostics, sink, with_threads(0));
  CHECK(sink.ids == ids_upto(3));
  CHECK(result.documents == 3);
}

TEST_CASE("pipeline: the progress callback sees every document once, with running totals",
          "[extract][pipeline]") {
  TempDir s;
  const auto input = s.write("news.jsonl", corpus(5));
  StreamDiagnostics diagnostics(nullptr);
  RecordingSink sink;
  PipelineOptions options = with_threads(2);
  std::vector<std::size_t> documents, sentences;
  options.progress = [&](const kg::extract::ExtractionStats& stats, std::size_t done) {
    documents.push_back(done);
    sentences.push_back(stats.sentences);
  };
  const auto result = run_pipeline({input.string()}, kg::test::resources(), diagnostics, sink, options);
  CHECK(documents == std::vector<std::size_t>{1, 2, 3, 4, 5});
  CHECK(sentences == std::vector<std::size_t>{9, 10, 11, 12, 13});
  CHECK(result.stats.sentences == 13);
}

TEST_CASE("pipeline: skipped documents never reach the sink, the first five are named and the rest counted",
          "[extract][pipeline]") {
  TempDir s;
  const auto input = s.write("news.jsonl", corpus(12));
  const std::set<std::string> known = {"d01", "d02", "d04", "d05", "d07", "d08", "d10"};
  StreamDiagnostics diagnostics(nullptr);
  RecordingSink sink;
  PipelineOptions options = with_threads(2);
  options.skip = [&](const Document& doc) { return known.count(doc.id) > 0; };
  const auto result = run_pipeline({input.string()}, kg::test::resources(), diagnostics, sink, options);
  CHECK(sink.ids == std::vector<std::string>{"d00", "d03", "d06", "d09", "d11"});
  CHECK(result.documents == 5);
  CHECK(result.skipped == 7);
  CHECK(result.stats.sentences == 9 + 4);  // skipped documents are not extracted
  const auto notes = diagnostics.kept();
  REQUIRE(notes.size() == 5);
  const std::vector<std::string> named = {"d01", "d02", "d04", "d05", "d07"};
  const std::vector<std::size_t> lines = {2, 3, 5, 6, 8};
  for (std::size_t i = 0; i < notes.size(); ++i) {
    INFO(kg::core::format(notes[i]));
    CHECK(notes[i].severity == Severity::note);
    CHECK(notes[i].where.file == input.string());
    CHECK(notes[i].where.line == lines[i]);
    CHECK(notes[i].message.rfind("article '" + named[i] + "' is in the graph already; skipped", 0) == 0);
  }
  CHECK(notes[3].message.find("further ones") == std::string::npos);
  CHECK(notes[4].message.find("(further ones are only counted)") != std::string::npos);
}

TEST_CASE("pipeline: a malformed line is reported with its position and the other documents come out",
          "[extract][pipeline]") {
  TempDir s;
  const auto input = s.write("news.jsonl",
                             "{\"id\": \"a\", \"text\": \"Putin met Biden.\"}\n"
                             "{\"id\": \"b\", \"text\": \"broken\" \"x\"}\n"
                             "{\"id\": \"c\", \"text\": \"Biden called Putin.\"}\n"
                             "{\"id\": \"d\"}\n"
                             "{\"id\": \"e\", \"text\": \"The Kremlin added a note.\"}\n");
  StreamDiagnostics diagnostics(nullptr);
  RecordingSink sink;
  const auto result =
      run_pipeline({input.string()}, kg::test::resources(), diagnostics, sink, with_threads(2));
  CHECK(sink.ids == std::vector<std::string>{"a", "c", "e"});
  CHECK(result.documents == 3);
  CHECK(diagnostics.errors() == 2);
  std::vector<std::size_t> error_lines;
  for (const Diagnostic& d : diagnostics.kept()) {
    INFO(kg::core::format(d));
    CHECK(d.where.file == input.string());
    if (d.severity == Severity::error) error_lines.push_back(d.where.line);
  }
  CHECK(error_lines == std::vector<std::size_t>{2, 4});
}

TEST_CASE("pipeline: an exception from the sink stops the run and reaches the caller", "[extract][pipeline]") {
  TempDir s;
  // More documents than the 4 × threads in flight, so the reader is still blocked when the sink fails.
  const auto input = s.write("news.jsonl", corpus(40));
  for (unsigned threads : {1u, 2u}) {
    INFO("threads " << threads);
    StreamDiagnostics diagnostics(nullptr);
    FailingSink sink("d03");
    CHECK_THROWS_WITH(
        run_pipeline({input.string()}, kg::test::resources(), diagnostics, sink, with_threads(threads)),
        "sink failed at d03");
    CHECK(sink.ids == ids_upto(3));  // nothing after the failure
    CHECK(sink.calls.back() == "end d02");
    CHECK(diagnostics.kept().empty());
  }
}

TEST_CASE("pipeline: under strict diagnostics the first input error stops the run", "[extract][pipeline]") {
  TempDir s;
  std::string jsonl = corpus(30);
  jsonl.insert(jsonl.find("{\"id\": \"d02\""), "{\"id\": \"bad\", \"text\": }\n");  // line 3
  const auto input = s.write("news.jsonl", jsonl);
  StreamDiagnostics diagnostics(nullptr, /*strict=*/true);
  RecordingSink sink;
  try {
    run_pipeline({input.string()}, kg::test::resources(), diagnostics, sink, with_threads(2));
    FAIL("run_pipeline returned under --strict after a malformed line");
  } catch (const kg::core::Error& e) {
    CHECK(e.exit_code() == 1);
    CHECK(std::string(e.what()).find(input.string() + ":3:") != std::string::npos);
  }
  CHECK(diagnostics.errors() == 1);
  // The documents before the bad line may have come out, none after it and never out of order.
  REQUIRE(sink.ids.size() <= 2);
  for (std::size_t i = 0; i < sink.ids.size(); ++i) CHECK(sink.ids[i] == doc_id(i));
}
