// End-to-end tests of the kgraph executable: exit codes, diagnostics with positions, outputs that
// independent parsers (serdi, rapper) read, and the seed facts of the samples.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <sstream>
#include <string>

#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using kg::test::read_file;
using kg::test::TempDir;

namespace {

struct Run {
  int exit_code = -1;
  std::string out;
  std::string err;
};

/// Runs a shell command line, capturing stdout and stderr into files of `scratch`.
Run run(const TempDir& scratch, const std::string& args) {
  const auto out = scratch.path() / "stdout.txt";
  const auto err = scratch.path() / "stderr.txt";
  const std::string cmd = std::string(KG_BINARY) + " " + args + " > '" + out.string() + "' 2> '" +
                          err.string() + "' < /dev/null";
  const int status = std::system(cmd.c_str());
  Run r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = read_file(out);
  r.err = read_file(err);
  return r;
}

int shell(const std::string& cmd) {
  const int status = std::system(cmd.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

}  // namespace

TEST_CASE("exit codes: version and help 0, bad options 2", "[cli]") {
  TempDir s;
  auto v = run(s, "--version");
  CHECK(v.exit_code == 0);
  CHECK(v.out.find("kgraph ") != std::string::npos);
  auto h = run(s, "build --help");
  CHECK(h.exit_code == 0);
  CHECK(h.out.find("--output") != std::string::npos);
  CHECK(h.out.find("--formats") != std::string::npos);
  auto bad = run(s, "build --no-such-option x -o y");
  CHECK(bad.exit_code == 2);
  auto missing_output = run(s, "build x");
  CHECK(missing_output.exit_code == 2);
  auto bad_format = run(s, "build x -o " + (s.path() / "o").string() + " --formats ttl,bogus");
  CHECK(bad_format.exit_code == 2);
  CHECK(bad_format.err.find("bogus") != std::string::npos);
}

TEST_CASE("invalid UTF-8 is reported with file, line and column, and the rest is processed", "[cli][input]") {
  TempDir s;
  const auto bad = s.write("in/bad.txt", "Putin met Biden.\nThe Kremlin \xFF" "added a note.\n");
  s.write("in/good.txt", "Biden called Putin.\n");
  const auto outdir = s.path() / "out";
  auto r = run(s, "build '" + (s.path() / "in").string() + "' -o '" + outdir.string() + "'");
  CHECK(r.exit_code == 1);
  CHECK(r.err.find(bad.string() + ":2:13: error:") != std::string::npos);
  CHECK(r.err.find("UTF-8") != std::string::npos);
  const std::string ttl = read_file(outdir / "graph.ttl");
  CHECK(ttl.find("doc:good") != std::string::npos);
  CHECK(ttl.find("doc:bad") != std::string::npos);  // repaired and kept
  CHECK(shell("serdi -i turtle -o ntriples '" + (outdir / "graph.ttl").string() + "' > /dev/null") == 0);
}

TEST_CASE("a malformed JSON line is reported with its position and other lines still count", "[cli][input]") {
  TempDir s;
  const auto jsonl = s.write("news.jsonl",
                             "{\"id\": \"a\", \"text\": \"Putin met Biden.\"}\n"
                             "{\"id\": \"b\", \"text\": \"broken\" \"x\"}\n"
                             "{\"id\": \"c\", \"text\": \"Biden called Putin.\"}\n");
  const auto outdir = s.path() / "out";
  auto r = run(s, "build '" + jsonl.string() + "' -o '" + outdir.string() + "'");
  CHECK(r.exit_code == 1);
  CHECK(r.err.find(jsonl.string() + ":2:30: error: invalid JSON") != std::string::npos);
  const std::string ttl = read_file(outdir / "graph.ttl");
  CHECK(ttl.find("doc:a") != std::string::npos);
  CHECK(ttl.find("doc:c") != std::string::npos);
  CHECK(ttl.find("doc:b") == std::string::npos);
}

TEST_CASE("a missing input file is named, exit 1, and strict mode stops at it", "[cli][input]") {
  TempDir s;
  const auto good = s.write("good.txt", "Biden called Putin.\n");
  const auto outdir = s.path() / "out";
  auto r = run(s, "build '" + (s.path() / "nope.txt").string() + "' '" + good.string() + "' -o '" +
                      outdir.string() + "'");
  CHECK(r.exit_code == 1);
  CHECK(r.err.find((s.path() / "nope.txt").string() + ": error: cannot read input") != std::string::npos);
  CHECK(fs::exists(outdir / "graph.ttl"));
  const auto strict_out = s.path() / "strict";
  auto strict = run(s, "build --strict '" + (s.path() / "nope.txt").string() + "' '" + good.string() +
                           "' -o '" + strict_out.string() + "'");
  CHECK(strict.exit_code == 1);
  CHECK_FALSE(fs::exists(strict_out / "graph.ttl"));
}

TEST_CASE("an unwritable output directory is an environment error (exit 2)", "[cli]") {
  TempDir s;
  const auto good = s.write("good.txt", "Biden called Putin.\n");
  auto r = run(s, "build '" + good.string() + "' -o /proc/kgraph-out");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("/proc/kgraph-out") != std::string::npos);
}

TEST_CASE("extract --lines --format oie echoes each sentence exactly", "[cli][extract]") {
  TempDir s;
  const std::string sentence = "Peskov urged everyone to `` keep a cool head '' .";
  const auto file = s.write("lines.txt", sentence + "\nPutin asked Biden for guarantees.\n");
  auto r = run(s, "extract --lines --format oie -j 2 '" + file.string() + "'");
  CHECK(r.exit_code == 0);
  std::istringstream lines(r.out);
  std::string line;
  std::size_t n = 0;
  bool first_seen = false;
  while (std::getline(lines, line)) {
    ++n;
    const auto tab = line.find('\t');
    REQUIRE(tab != std::string::npos);
    const std::string echoed = line.substr(0, tab);
    CHECK((echoed == sentence || echoed == "Putin asked Biden for guarantees."));
    if (echoed == sentence) first_seen = true;
    CHECK(std::count(line.begin(), line.end(), '\t') >= 3);  // sentence, confidence, relation, arg1
  }
  CHECK(n >= 2);
  CHECK(first_seen);
}

TEST_CASE("extract --format jsonl gives roles, spans and flags", "[cli][extract]") {
  TempDir s;
  const auto file = s.write("a.txt", "NATO will not expand to the east.\n");
  auto r = run(s, "extract --format jsonl '" + file.string() + "'");
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("\"lemma\":\"expand\"") != std::string::npos);
  CHECK(r.out.find("\"negated\":true") != std::string::npos);
  CHECK(r.out.find("\"role\":\"agent\"") != std::string::npos);
}

TEST_CASE("samples: the graph parses in serdi and rapper and holds the seed facts", "[cli][samples]") {
  TempDir s;
  const auto outdir = s.path() / "out";
  auto r = run(s, "build '" KG_SOURCE_DIR "/samples' -o '" + outdir.string() + "' --threads 2");
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("2 documents") != std::string::npos);
  const auto ttl = outdir / "graph.ttl";
  REQUIRE(fs::exists(ttl));
  CHECK(shell("rapper -q -i turtle -c '" + ttl.string() + "' 2> /dev/null") == 0);
  const auto nt = s.path() / "graph.nt";
  REQUIRE(shell("serdi -i turtle -o ntriples '" + ttl.string() + "' > '" + nt.string() + "'") == 0);
  const std::string triples = read_file(nt);
  const std::string id = "https://w3id.org/kgraph/id/";
  const std::string schema = "http://schema.org/";
  // Both documents, with their dates and URLs.
  CHECK(triples.find("<" + schema + "datePublished> \"2021-12-07\"^^<http://www.w3.org/2001/XMLSchema#date>") != std::string::npos);
  CHECK(triples.find("<" + schema + "datePublished> \"2021-12-08\"^^<http://www.w3.org/2001/XMLSchema#date>") != std::string::npos);
  CHECK(triples.find("<https://sputniknews.com/20211207/putin-biden-call-key-points-discussed-by-us-russian-presidents-during-video-meeting-1091324165.html>") != std::string::npos);
  CHECK(triples.find("<HTTP://en.ce.cn/main/latest/202112/08/t20211208_37153589.shtml>") != std::string::npos);
  // Relations whose agents include Putin and Biden.
  CHECK(triples.find("<https://w3id.org/kgraph/ns#agent> <" + id + "entity/Vladimir_Putin>") != std::string::npos);
  CHECK(triples.find("<https://w3id.org/kgraph/ns#agent> <" + id + "entity/Joe_Biden>") != std::string::npos);
  // Putin asked Biden for the guarantee: a request with Biden as recipient.
  CHECK(triples.find("<" + id + "entity/Vladimir_Putin> <https://w3id.org/kgraph/ns#request> ") != std::string::npos);
  CHECK(triples.find("<https://w3id.org/kgraph/ns#recipient> <" + id + "entity/Joe_Biden>") != std::string::npos);
}

TEST_CASE("same input, same bytes with 1 and 2 threads", "[cli][determinism]") {
  TempDir s;
  auto one = run(s, "build '" KG_SOURCE_DIR "/samples' -o '" + (s.path() / "one").string() + "' -j 1 -q");
  auto two = run(s, "build '" KG_SOURCE_DIR "/samples' -o '" + (s.path() / "two").string() + "' -j 2 -q");
  REQUIRE(one.exit_code == 0);
  REQUIRE(two.exit_code == 0);
  CHECK(read_file(s.path() / "one" / "graph.ttl") == read_file(s.path() / "two" / "graph.ttl"));
  CHECK_FALSE(read_file(s.path() / "one" / "graph.ttl").empty());
}

TEST_CASE("a malformed gazetteer file is reported with its position and nothing is written", "[cli][input]") {
  TempDir s;
  const auto good = s.write("good.txt", "Biden called Putin.\n");
  const auto gazetteer = s.write("mine.ttl",
                                 "@prefix kg: <https://w3id.org/kgraph/ns#> .\n"
                                 "<https://example.org/x> a kg:Person ;\n"
                                 "  kg:label \"unterminated .\n");
  const auto outdir = s.path() / "out";
  auto r = run(s, "build '" + good.string() + "' -o '" + outdir.string() + "' --gazetteer '" +
                      gazetteer.string() + "'");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find(gazetteer.string() + ":3:") != std::string::npos);
  CHECK(r.err.find("error:") != std::string::npos);
  CHECK_FALSE(fs::exists(outdir / "graph.ttl"));
}

TEST_CASE("a missing gazetteer, a relative base IRI and zero threads are usage errors", "[cli]") {
  TempDir s;
  const auto good = s.write("good.txt", "Biden called Putin.\n");
  const std::string out = " -o '" + (s.path() / "out").string() + "'";
  auto missing = run(s, "build '" + good.string() + "'" + out + " --gazetteer '" +
                            (s.path() / "none.ttl").string() + "'");
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("none.ttl") != std::string::npos);
  auto base = run(s, "build '" + good.string() + "'" + out + " --base not-an-iri");
  CHECK(base.exit_code == 2);
  CHECK(base.err.find("--base") != std::string::npos);
  auto threads = run(s, "build '" + good.string() + "'" + out + " --threads 0");
  CHECK(threads.exit_code == 2);
  CHECK_FALSE(fs::exists(s.path() / "out" / "graph.ttl"));
}
