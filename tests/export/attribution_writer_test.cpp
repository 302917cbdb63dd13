// Unit tests of the attribution writer (`kgraph extract --format attributions`): the JSON Lines
// attribution_score.py reads, from records given by hand (which propositions become attributions
// is tested in tests/extract/attribution_test.cpp); the last test runs the real binary on an article.
#include "kg/exporter/attribution_writer.hpp"

#include <catch2/catch.hpp>

#include <rapidjson/document.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "support/code_points.hpp"
#include "support/temp_dir.hpp"

using kg::core::Span;
using kg::core::AttributionRecord;

namespace {

}  // namespace

TEST_CASE("the document name is the article's file name, else its id", "[export][attribution]") {
  kg::core::Document d;
  d.id = "breitbart_2016-09-25_pence-gennifer-flowers-won-t-be";  // ids lose a trailing '-'
  d.source_file = "/data/polnear/text/breitbart_2016-09-25_pence-gennifer-flowers-won-t-be-.txt";
  CHECK(kg::exporter::attribution_document_name(d) == "breitbart_2016-09-25_pence-gennifer-flowers-won-t-be-");
  d.source_file = "news.jsonl";
  CHECK(kg::exporter::attribution_document_name(d) == d.id);
  d.source_file = "-";
  CHECK(kg::exporter::attribution_document_name(d) == d.id);
}

TEST_CASE("JSON Lines: code-point spans with their text, as attribution_score.py reads them", "[export][attribution]") {
  // Curly quotes and an accent before the spans: offsets count code points, not bytes.
  const std::string text = "Intro \xC3\xA9t\xC3\xA9.\n\xE2\x80\x9CWe will respond,\xE2\x80\x9D Biden said.";
  kg::core::Document d;
  d.id = "doc";
  d.source_file = "doc.txt";
  d.text = text;
  kg::core::SentenceFacts f;
  f.sentence.index = 1;
  f.sentence.byte_begin = 13;
  f.sentence.byte_end = text.size();
  f.sentence.text = text.substr(13);
  f.sentence.chars = {11, 41};
  AttributionRecord r;
  r.source = {{30, 35}};
  r.cue = {{36, 40}};
  r.content = {{12, 27}};
  r.speaker = "Joe Biden";
  r.sentence = 1;
  std::ostringstream out;
  kg::exporter::AttributionWriter writer(out);
  writer.begin_document(d);
  writer.add_sentence(d, f);
  writer.add_attributions(d, {r});
  writer.end_document(d);
  rapidjson::Document json;
  json.Parse(out.str().c_str());
  REQUIRE_FALSE(json.HasParseError());
  CHECK(std::string(json["doc"].GetString()) == "doc");
  CHECK(json["sentence"].GetUint() == 1);
  CHECK(std::string(json["content"][0]["text"].GetString()) == "We will respond");
  CHECK(json["content"][0]["start"].GetUint() == 12);
  CHECK(json["content"][0]["end"].GetUint() == 27);
  CHECK(std::string(json["source"][0]["text"].GetString()) == "Biden");
  CHECK(std::string(json["cue"][0]["text"].GetString()) == "said");
  CHECK(std::string(json["speaker"].GetString()) == "Joe Biden");
  CHECK(out.str().find('\n') == out.str().size() - 1);  // one line per attribution
}

TEST_CASE("kgraph extract --format attributions on an article: spans point into the file", "[export][attribution][slow]") {
  kg::test::TempDir dir;
  const std::string article =
      "Putin-Biden Call: Key Points.\n\n"
      "The White House said that Biden and Putin discussed a set of other issues like strategic "
      "stability and ransomware.\n\n\xE2\x80\x9CWe will respond with strong measures,\xE2\x80\x9D Biden said.\n";
  const auto path = dir.write("article.txt", article);
  const auto out = dir.path() / "out.jsonl";
  const std::string command = std::string(KG_BINARY) + " extract --format attributions -q '" + path.string() +
                              "' > '" + out.string() + "'";
  REQUIRE(std::system(command.c_str()) == 0);
  std::ifstream in(out);
  std::string line;
  std::vector<std::string> contents;
  while (std::getline(in, line)) {
    rapidjson::Document json;
    json.Parse(line.c_str());
    REQUIRE_FALSE(json.HasParseError());
    CHECK(std::string(json["doc"].GetString()) == "article");
    for (const char* field : {"source", "cue", "content"})
      for (const auto& span : json[field].GetArray()) {
        const auto start = span["start"].GetUint(), end = span["end"].GetUint();
        // The span's text is the file's text at those code points.
        const std::string expected = kg::test::code_points(article, start, end);
        CHECK(std::string(span["text"].GetString()) == expected);
      }
    contents.push_back(json["content"][0]["text"].GetString());
  }
  CHECK(std::find(contents.begin(), contents.end(),
                  "that Biden and Putin discussed a set of other issues like strategic stability and ransomware") !=
        contents.end());
  CHECK(std::find(contents.begin(), contents.end(), "We will respond with strong measures") != contents.end());
}

