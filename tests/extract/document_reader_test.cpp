#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "kg/core/diagnostics.hpp"
#include "kg/core/iri.hpp"
#include "kg/extract/document_reader.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using kg::core::Diagnostic;
using kg::core::Document;
using kg::core::Severity;
using kg::core::StreamDiagnostics;
using kg::extract::DocumentReader;
using kg::extract::InputMode;
using kg::extract::parse_text_article;

namespace {

std::vector<Document> read_all(DocumentReader& reader, const std::vector<std::string>& inputs,
                               std::size_t* count = nullptr) {
  std::vector<Document> docs;
  const std::size_t n = reader.read(inputs, [&](Document&& d) { docs.push_back(std::move(d)); });
  if (count) *count = n;
  return docs;
}

}  // namespace

TEST_CASE("layout 1: date line, blank, title, blank, body", "[extract][reader]") {
  StreamDiagnostics diags(nullptr);
  const std::string url =
      "https://sputniknews.com/20211207/"
      "putin-biden-call-key-points-discussed-by-us-russian-presidents-during-video-meeting-"
      "1091324165.html";
  const std::string content = " date 2021-12-07 " + url + R"(

Putin-Biden Call: Key Points Discussed

Tuesday's "secure" video call constitutes the second meeting.

Russian President Vladimir Putin and his US counterpart Joe Biden have finalised their call.
)";
  const Document doc = parse_text_article(content, "samples/a.txt", diags);
  CHECK(diags.kept().empty());
  CHECK(doc.date == "2021-12-07");
  CHECK(doc.url == url);
  CHECK(doc.title == "Putin-Biden Call: Key Points Discussed");
  CHECK(doc.source_line == 5);
  CHECK(doc.source_file == "samples/a.txt");
  CHECK(doc.text ==
        "Tuesday's \"secure\" video call constitutes the second meeting.\n\n"
        "Russian President Vladimir Putin and his US counterpart Joe Biden have finalised their call.");
  // Long URL: host and path cut at 80 characters plus the first 8 hex digits of its hash.
  const std::string hash = kg::core::to_hex(kg::core::stable_hash(url)).substr(0, 8);
  CHECK(doc.id.size() <= 80 + 9);
  CHECK(doc.id.rfind("sputniknews.com-20211207-putin-biden-call-key-points", 0) == 0);
  CHECK(doc.id.substr(doc.id.size() - 9) == "-" + hash);
}

TEST_CASE("layout 2: title, YYYYMMDD, URL, one paragraph per line", "[extract][reader]") {
  StreamDiagnostics diags(nullptr);
  const Document doc = parse_text_article(R"(Biden Putin hold video call on bilateral ties
20211208
HTTP://en.ce.cn/main/latest/202112/08/t20211208_37153589.shtml
Putin stressed that NATO is making dangerous attempts.
Biden "voiced the deep concerns" of the United States, the White House said.
)",
                                          "002.txt", diags);
  CHECK(diags.kept().empty());
  CHECK(doc.title == "Biden Putin hold video call on bilateral ties");
  CHECK(doc.date == "2021-12-08");
  CHECK(doc.url == "HTTP://en.ce.cn/main/latest/202112/08/t20211208_37153589.shtml");
  CHECK(doc.id == "en.ce.cn-main-latest-202112-08-t20211208_37153589.shtml");
  CHECK(doc.source_line == 4);
  CHECK(doc.text ==
        "Putin stressed that NATO is making dangerous attempts.\n"
        "Biden \"voiced the deep concerns\" of the United States, the White House said.");
}

TEST_CASE("layout 2 with CRLF line endings and a byte order mark", "[extract][reader]") {
  StreamDiagnostics diags(nullptr);
  const Document doc = parse_text_article(
      "\xEF\xBB\xBFTitle here\r\n20200229\r\nhttps://example.org/a?id=7\r\nBody one.\r\nBody two.\r\n",
      "crlf.txt", diags);
  CHECK(diags.kept().empty());
  CHECK(doc.title == "Title here");
  CHECK(doc.date == "2020-02-29");  // leap year
  CHECK(doc.text == "Body one.\nBody two.");
  // A query is dropped from the id but keeps it distinct through the hash suffix.
  CHECK(doc.id == "example.org-a-" +
                      kg::core::to_hex(kg::core::stable_hash("https://example.org/a?id=7")).substr(0, 8));
}

TEST_CASE("an invalid header date is a warning and leaves the date empty", "[extract][reader]") {
  StreamDiagnostics diags(nullptr);
  const Document doc =
      parse_text_article("Title\n20211332\nhttp://a.example/b\nBody.\n", "bad-date.txt", diags);
  CHECK(doc.date.empty());
  CHECK(doc.text == "Body.");
  const auto kept = diags.kept();
  REQUIRE(kept.size() == 1);
  CHECK(kept[0].severity == Severity::warning);
  CHECK(kept[0].where.file == "bad-date.txt");
  CHECK(kept[0].where.line == 2);
  CHECK(kept[0].where.column == 1);
  CHECK(kept[0].token == "20211332");

  StreamDiagnostics diags1(nullptr);
  const Document doc1 = parse_text_article("  date 2021-02-30 http://x.example/y\n\nT\n\nB.\n", "d.txt", diags1);
  CHECK(doc1.date.empty());
  REQUIRE(diags1.kept().size() == 1);
  CHECK(diags1.kept()[0].where.line == 1);
  CHECK(diags1.kept()[0].where.column == 8);
}

TEST_CASE("plain text: whole content is the body, id from the file name", "[extract][reader]") {
  StreamDiagnostics diags(nullptr);
  const Document doc =
      parse_text_article("\n\nJust some text, no header.\nA second line.\n\n", "in/my notes.v2.txt", diags);
  CHECK(diags.kept().empty());
  CHECK(doc.title.empty());
  CHECK(doc.url.empty());
  CHECK(doc.date.empty());
  CHECK(doc.text == "Just some text, no header.\nA second line.");
  CHECK(doc.source_line == 3);
  CHECK(doc.id == "my-notes.v2");
  // "date" as an ordinary first word is not a header.
  const Document other = parse_text_article("date of birth unknown\n\nText.", "x.txt", diags);
  CHECK(other.title.empty());
  CHECK(other.text == "date of birth unknown\n\nText.");
}

TEST_CASE("invalid UTF-8 in a text file: error with line and column, repaired text",
          "[extract][reader]") {
  kg::test::TempDir dir;
  const std::string file = dir.write("bad.txt", "Good line.\nBa\xC3\xA9 \xFF byte here.\nLast.\n");
  StreamDiagnostics diags(nullptr);
  DocumentReader reader(diags);
  const auto docs = read_all(reader, {file});
  REQUIRE(docs.size() == 1);
  CHECK(docs[0].text == "Good line.\nBa\xC3\xA9 \xEF\xBF\xBD byte here.\nLast.");
  const auto kept = diags.kept();
  REQUIRE(kept.size() == 1);
  CHECK(kept[0].severity == Severity::error);
  CHECK(kept[0].where.file == file);
  CHECK(kept[0].where.line == 2);
  CHECK(kept[0].where.column == 5);  // code points: B a é space, then the bad byte
  CHECK(kept[0].token.find('\xFF') != std::string::npos);
  CHECK(kept[0].message.find("invalid UTF-8") != std::string::npos);
}

TEST_CASE("empty and binary files give no document", "[extract][reader]") {
  kg::test::TempDir dir;
  const std::string empty = dir.write("empty.txt", "  \n\t\n");
  const std::string binary = dir.write("image.txt", std::string("GIF89a\0\0\x01", 9) + "rest");
  const std::string good = dir.write("good.txt", "Text.");
  StreamDiagnostics diags(nullptr);
  DocumentReader reader(diags);
  const auto docs = read_all(reader, {empty, binary, good});
  REQUIRE(docs.size() == 1);
  CHECK(docs[0].text == "Text.");
  CHECK(docs[0].ordinal == 0);
  const auto kept = diags.kept();
  REQUIRE(kept.size() == 2);
  CHECK(kept[0].severity == Severity::warning);
  CHECK(kept[0].where.file == empty);
  CHECK(kept[1].severity == Severity::error);
  CHECK(kept[1].where.file == binary);
  CHECK(kept[1].message == "binary file skipped");
}

TEST_CASE("JSON Lines: fields, ids, dates, blank lines", "[extract][reader]") {
  kg::test::TempDir dir;
  const std::string file = dir.write("news.jsonl", R"({"id": "doc-1", "url": "https://a.example/x", "date": "2021-12-07T10:00:00Z", "title": "T1", "text": "First text."}

{"url": "https://www.example.com/news/2021/item one", "date": "20211208", "text": "Second text."}
{"text": "Third text.", "date": null, "id": 42}
{"text": "Fourth text."}
)");
  StreamDiagnostics diags(nullptr);
  DocumentReader reader(diags);
  std::size_t count = 0;
  const auto docs = read_all(reader, {file}, &count);
  CHECK(diags.kept().empty());
  REQUIRE(docs.size() == 4);
  CHECK(count == 4);
  CHECK(docs[0].id == "doc-1");
  CHECK(docs[0].date == "2021-12-07");
  CHECK(docs[0].title == "T1");
  CHECK(docs[0].url == "https://a.example/x");
  CHECK(docs[0].text == "First text.");
  CHECK(docs[0].source_line == 1);
  CHECK(docs[1].id == "www.example.com-news-2021-item-one");
  CHECK(docs[1].date == "2021-12-08");
  CHECK(docs[1].source_line == 3);
  CHECK(docs[2].id == "42");
  CHECK(docs[3].id == "news-5");
  CHECK(docs[3].source_file == file);
  for (std::size_t i = 0; i < docs.size(); ++i) CHECK(docs[i].ordinal == i);
}

TEST_CASE("JSON Lines: a malformed line is reported with line and column, later lines still read",
          "[extract][reader]") {
  kg::test::TempDir dir;
  const std::string file = dir.write("bad.jsonl", "{\"text\": \"one\"}\n"
                                                  "{\"title\": \"Z\xC3\xBCrich\", \"text\": oops}\n"
                                                  "{\"id\": \"x\", \"text\": 5}\n"
                                                  "{\"text\": \"caf\xC3 ok\"}\n"
                                                  "[1, 2]\n"
                                                  "{\"text\": \"last\"}\n");
  StreamDiagnostics diags(nullptr);
  DocumentReader reader(diags);
  const auto docs = read_all(reader, {file});
  REQUIRE(docs.size() == 3);
  CHECK(docs[0].text == "one");
  CHECK(docs[1].text == "caf\xEF\xBF\xBD ok");
  CHECK(docs[1].source_line == 4);
  CHECK(docs[2].text == "last");
  CHECK(docs[2].source_line == 6);
  CHECK(docs[2].ordinal == 2);

  const auto kept = diags.kept();
  REQUIRE(kept.size() == 4);
  // Column 29 counts code points: the `ü` before the error is one column, not two bytes.
  CHECK(kept[0].severity == Severity::error);
  CHECK(kept[0].where.file == file);
  CHECK(kept[0].where.line == 2);
  CHECK(kept[0].where.column == 29);
  CHECK(kept[0].message == "invalid JSON: Invalid value.");
  CHECK(kept[0].token.rfind("oops", 0) == 0);

  CHECK(kept[1].where.line == 3);
  CHECK(kept[1].where.column == 1);
  CHECK(kept[1].message == "missing string field 'text'");

  CHECK(kept[2].where.line == 4);
  CHECK(kept[2].where.column == 14);
  CHECK(kept[2].message.find("invalid UTF-8") != std::string::npos);
  CHECK(kept[2].token.find('\xC3') != std::string::npos);

  CHECK(kept[3].where.line == 5);
  CHECK(kept[3].message == "expected a JSON object");
}

TEST_CASE("a missing path is a diagnostic naming it, and reading goes on", "[extract][reader]") {
  kg::test::TempDir dir;
  const std::string missing = (dir.path() / "no-such-file.txt").string();
  const std::string good = dir.write("ok.txt", "Fine.");
  StreamDiagnostics diags(nullptr);
  DocumentReader reader(diags);
  const auto docs = read_all(reader, {missing, good});
  REQUIRE(docs.size() == 1);
  CHECK(docs[0].id == "ok");
  const auto kept = diags.kept();
  REQUIRE(kept.size() == 1);
  CHECK(kept[0].severity == Severity::error);
  CHECK(kept[0].where.file == missing);
  CHECK(kept[0].where.line == 0);
  CHECK(kg::core::format(kept[0]).find(missing) == 0);
}

TEST_CASE("directories: recursive, sorted, only article files, hidden entries skipped", "[extract][reader]") {
  kg::test::TempDir dir;
  dir.write("corpus/c.txt", "C.");
  dir.write("corpus/b.txt", "B.");
  dir.write("corpus/a/z.txt", "AZ.");
  dir.write("corpus/a/y.jsonl", "{\"text\": \"AY1.\"}\n{\"text\": \"AY2.\"}\n");
  dir.write("corpus/.hidden.txt", "hidden");
  dir.write("corpus/.git/config.txt", "hidden too");
  dir.write("corpus/README.md", "not an article");
  dir.write("corpus/queries/q.rq", "SELECT * {}");
  dir.write("corpus/NOEXT", "N.");
  const std::string root = (dir.path() / "corpus").string();
  StreamDiagnostics diags(nullptr);
  DocumentReader reader(diags);
  const auto docs = read_all(reader, {root, (dir.path() / "corpus" / "b.txt").string()});
  CHECK(diags.kept().empty());
  std::vector<std::string> texts;
  for (const auto& d : docs) texts.push_back(d.text);
  CHECK(texts == std::vector<std::string>{"N.", "AY1.", "AY2.", "AZ.", "B.", "C.", "B."});
  for (std::size_t i = 0; i < docs.size(); ++i) CHECK(docs[i].ordinal == i);
  CHECK(docs[1].id == "y-1");
  CHECK(docs[1].source_file == (fs::path(root) / "a" / "y.jsonl").string());
  CHECK(docs[3].id == "z");
}

TEST_CASE("lines mode: every non-blank line is a document, echoed exactly", "[extract][reader]") {
  kg::test::TempDir dir;
  const std::string file =
      dir.write("bench.txt", " `` ' -LRB- odd  spacing -RRB- ''  \r\nSecond line.\n\n   \nThird\t line");
  StreamDiagnostics diags(nullptr);
  DocumentReader reader(diags, InputMode::lines);
  const auto docs = read_all(reader, {file});
  CHECK(diags.kept().empty());
  REQUIRE(docs.size() == 3);
  CHECK(docs[0].text == " `` ' -LRB- odd  spacing -RRB- ''  ");
  CHECK(docs[0].id == "bench-L1");
  CHECK(docs[0].source_line == 1);
  CHECK(docs[1].text == "Second line.");
  CHECK(docs[1].id == "bench-L2");
  CHECK(docs[2].text == "Third\t line");
  CHECK(docs[2].id == "bench-L5");
  CHECK(docs[2].source_line == 5);
  CHECK(docs[2].ordinal == 2);
  CHECK(docs[2].title.empty());
}

TEST_CASE("lines mode: invalid UTF-8 is reported per line and repaired", "[extract][reader]") {
  kg::test::TempDir dir;
  const std::string file = dir.write("l.txt", "ok\n\xE2\x80\x9C" "a\xC0 b\n");
  StreamDiagnostics diags(nullptr);
  DocumentReader reader(diags, InputMode::lines);
  const auto docs = read_all(reader, {file});
  REQUIRE(docs.size() == 2);
  CHECK(docs[1].text == "\xE2\x80\x9C" "a\xEF\xBF\xBD b");
  const auto kept = diags.kept();
  REQUIRE(kept.size() == 1);
  CHECK(kept[0].where.line == 2);
  CHECK(kept[0].where.column == 3);
}

TEST_CASE("ids from URLs and date normalisation", "[extract][reader]") {
  using kg::extract::document_id_from_url;
  using kg::extract::normalize_date;
  CHECK(document_id_from_url("https://User@Example.COM:8080/a/b.html#top") == "example.com-8080-a-b.html");
  CHECK(document_id_from_url("http://x.org/") == "x.org");
  CHECK(document_id_from_url("http://") == "");
  CHECK(normalize_date("2021-12-07") == "2021-12-07");
  CHECK(normalize_date(" 20211207 ") == "2021-12-07");
  CHECK(normalize_date("2021-12-07T08:30:00+03:00") == "2021-12-07");
  CHECK(normalize_date("2021-12-07garbage").empty());
  CHECK(normalize_date("2021-13-01").empty());
  CHECK(normalize_date("2021-02-29").empty());
  CHECK(normalize_date("2000-02-29") == "2000-02-29");
  CHECK(normalize_date("1900-02-29").empty());
  CHECK(normalize_date("Dec 7").empty());
}
