// Every error reaches the user once, as one line with `error:` once in it and its position:
// a bad --gazetteer file, a damaged graph given to merge, and --strict stopping at an input error.
#include <catch2/catch.hpp>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "support/run_kgraph.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using kg::test::run_kgraph;
using kg::test::TempDir;

namespace {

std::string q(const fs::path& p) { return kg::test::shell_quote(p); }

const fs::path kSample = fs::path(KG_SOURCE_DIR) / "samples" / "000_8af6a78b48b1a17d.txt";

// The error, code point 47 of line 2 (after four two-byte letters), as in rdf_positions_test.cpp.
const char* const kBadTurtle =
    "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
    "<http://example.org/x> rdfs:label \"Zo\u00eb \u0141\u00f3d\u017a\" ,, \"Y\" .\n";

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

/// The lines of `err` that say `error:`; each must say it once.
std::vector<std::string> error_lines(const std::string& err) {
  std::vector<std::string> lines;
  std::istringstream in(err);
  for (std::string line; std::getline(in, line);)
    if (line.find("error:") != std::string::npos) lines.push_back(line);
  return lines;
}

}  // namespace

TEST_CASE("a bad --gazetteer file: one error line, error: once, file:line:col", "[cli][diagnostics]") {
  TempDir s;
  const fs::path bad = s.write("bad.ttl", kBadTurtle);
  const auto r = run_kgraph(s, "build " + q(kSample) + " --gazetteer " + q(bad) + " -q -o " + q(s.path() / "out"));
  INFO(r.err);
  CHECK(r.exit_code == 2);
  const auto lines = error_lines(r.err);
  REQUIRE(!lines.empty());
  for (const auto& line : lines) CHECK(count(line, "error:") == 1);
  CHECK_THAT(lines.front(), Catch::StartsWith(bad.string() + ":2:47: error: invalid Turtle"));
  CHECK(count(r.err, bad.string() + ":2:47:") == 1);  // not repeated by main
}

TEST_CASE("a damaged graph given to merge: error: once, file:line:col", "[cli][diagnostics]") {
  TempDir s;
  const fs::path graph = s.write("g/graph.ttl", kBadTurtle);
  const auto r = run_kgraph(s, "merge " + q(graph.parent_path()) + " -q -o " + q(s.path() / "m"));
  INFO(r.err);
  CHECK(r.exit_code == 2);
  const auto lines = error_lines(r.err);
  REQUIRE(lines.size() == 1);
  CHECK(count(lines.front(), "error:") == 1);
  CHECK_THAT(lines.front(), Catch::StartsWith("kgraph: " + graph.string() + ":2:47: error: invalid Turtle"));
}

TEST_CASE("strict mode (--strict) stops at the first input error, printed once with error: once", "[cli][diagnostics]") {
  TempDir s;
  const fs::path hostile = fs::path(KG_SOURCE_DIR) / "tests" / "data" / "hostile_article.txt";
  const auto r = run_kgraph(s, "build --strict " + q(hostile) + " -q -o " + q(s.path() / "out"));
  INFO(r.err);
  CHECK(r.exit_code == 1);
  const auto lines = error_lines(r.err);
  REQUIRE(lines.size() == 1);
  CHECK(count(lines.front(), "error:") == 1);
  CHECK_THAT(lines.front(), Catch::StartsWith(hostile.string() + ":10:43: error: invalid UTF-8"));
  CHECK(r.err.find("kgraph: stopped at the first input error (--strict)") != std::string::npos);

  const fs::path bad = s.write("bad.ttl", kBadTurtle);
  const auto g = run_kgraph(s, "build --strict " + q(kSample) + " --gazetteer " + q(bad) + " -q -o " +
                                   q(s.path() / "out2"));
  INFO(g.err);
  CHECK(g.exit_code == 1);
  REQUIRE(error_lines(g.err).size() == 1);
  CHECK_THAT(error_lines(g.err).front(), Catch::StartsWith(bad.string() + ":2:47: error: "));
}

TEST_CASE("a --gazetteer file ending in an empty object list fails at once instead of hanging", "[cli][diagnostics]") {
  // Serd 0.30 in lax mode never returned on this ending; `timeout` turns a hang into exit 124.
  TempDir s;
  const fs::path bad = s.write("bad.ttl", "<http://x.org/s> <http://x.org/p> \"x\" ,, .\n");
  const auto err = s.path() / "stderr.txt";
  const int code = kg::test::shell("timeout 60 " + std::string(KG_BINARY) + " build " + q(kSample) + " --gazetteer " +
                                   q(bad) + " -q -o " + q(s.path() / "out") + " 2> " + q(err) + " < /dev/null");
  const std::string text = kg::test::read_file(err);
  INFO(text);
  CHECK(code == 2);
  CHECK_THAT(text, Catch::Contains(bad.string() + ":1:"));
  CHECK_FALSE(fs::exists(s.path() / "out" / "graph.ttl"));
}
