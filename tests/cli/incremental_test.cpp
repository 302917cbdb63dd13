// Incremental builds (`kgraph build --into`) and merges (`kgraph merge`) against one build over all
// the articles: every output file must be byte for byte the same. The articles are the two samples
// and a slice of the BBC corpus (many entities shared between articles).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "support/run_kgraph.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using kg::test::files_of;
using kg::test::run_kgraph;
using kg::test::TempDir;

namespace {

const std::string kAllFormats = "--formats ttl,nt,nq,trig,graphml,gexf,jsonld,dot,csv";

std::string q(const fs::path& p) { return kg::test::shell_quote(p); }

fs::path sample(int n) {
  const fs::path dir = fs::path(KG_SOURCE_DIR) / "samples";
  return dir / (n == 0 ? "000_8af6a78b48b1a17d.txt" : "002_f7e24c83dce2a6b5.txt");
}

/// Lines [first, first + count) of the BBC corpus as a JSON Lines file in `scratch`.
fs::path bbc_slice(const TempDir& scratch, const std::string& name, int first, int count) {
  std::ifstream in(fs::path(KG_SOURCE_DIR) / ".." / "shared" / "data" / "news" / "bbc.jsonl");
  REQUIRE(in);
  std::string line, text;
  for (int i = 0; i < first + count && std::getline(in, line); ++i)
    if (i >= first) text += line + "\n";
  return scratch.write(name, text);
}

void check_same_files(const fs::path& expected, const fs::path& actual) {
  const auto want = files_of(expected), got = files_of(actual);
  REQUIRE(want.size() == 10);
  for (const auto& [name, bytes] : want) {
    INFO(name);
    REQUIRE(got.count(name) == 1);
    CHECK(got.at(name) == bytes);
  }
  CHECK(got.size() == want.size());
}

}  // namespace

TEST_CASE("building A, then adding B with --into, writes what building A and B writes", "[cli][incremental]") {
  TempDir s;
  const auto b1 = bbc_slice(s, "b1.jsonl", 0, 12), b2 = bbc_slice(s, "b2.jsonl", 12, 12);
  const std::string a = q(sample(0)) + " " + q(b1), b = q(sample(1)) + " " + q(b2);
  REQUIRE(run_kgraph(s, "build " + a + " " + b + " -o " + q(s.path() / "all") + " -q " + kAllFormats).exit_code == 0);
  REQUIRE(run_kgraph(s, "build " + a + " -o " + q(s.path() / "inc") + " -q " + kAllFormats).exit_code == 0);
  const auto added = run_kgraph(s, "build --into " + q(s.path() / "inc") + " " + b);
  INFO(added.err);
  REQUIRE(added.exit_code == 0);
  CHECK(added.err.find("kgraph: read " + (s.path() / "inc" / "graph.ttl").string() + ": 13 documents") != std::string::npos);
  CHECK(added.err.find("the graph now holds 26 documents (13 added, 0 skipped") != std::string::npos);
  check_same_files(s.path() / "all", s.path() / "inc");

  SECTION("adding articles already in the graph skips them and changes nothing") {
    const auto again = run_kgraph(s, "build --into " + q(s.path() / "inc") + " " + a + " " + b);
    INFO(again.err);
    CHECK(again.exit_code == 0);
    CHECK(again.err.find("b1.jsonl:1: note: article 'bbc-business-001' is in the graph already; skipped") !=
          std::string::npos);
    CHECK(again.err.find("(further ones are only counted)") != std::string::npos);
    CHECK(again.err.find("26 documents (0 added, 26 skipped") != std::string::npos);
    check_same_files(s.path() / "all", s.path() / "inc");
  }
}

TEST_CASE("graphs built separately merge into what one build over all their articles writes", "[cli][incremental]") {
  TempDir s;
  const auto b1 = bbc_slice(s, "b1.jsonl", 30, 10), b2 = bbc_slice(s, "b2.jsonl", 40, 10);
  const std::string a = q(sample(0)) + " " + q(b1), b = q(sample(1)) + " " + q(b2);
  REQUIRE(run_kgraph(s, "build " + a + " " + b + " -o " + q(s.path() / "all") + " -q " + kAllFormats).exit_code == 0);
  // Shards with different formats: the merge reads whichever RDF file each has.
  REQUIRE(run_kgraph(s, "build " + a + " -o " + q(s.path() / "a") + " -q --formats nq").exit_code == 0);
  REQUIRE(run_kgraph(s, "build " + b + " -o " + q(s.path() / "b") + " -q --formats ttl,graphml").exit_code == 0);
  const auto merged = run_kgraph(s, "merge " + q(s.path() / "a") + " " + q(s.path() / "b" / "graph.ttl") +
                                        " -o " + q(s.path() / "m") + " " + kAllFormats);
  INFO(merged.err);
  REQUIRE(merged.exit_code == 0);
  CHECK(merged.err.find("kgraph: merged 2 graphs: 22 documents") != std::string::npos);
  check_same_files(s.path() / "all", s.path() / "m");

  SECTION("graphs that share an article are not merged: exit 2, nothing written") {
    const auto overlap = run_kgraph(s, "merge " + q(s.path() / "a") + " " + q(s.path() / "all") + " -o " +
                                           q(s.path() / "bad"));
    CHECK(overlap.exit_code == 2);
    CHECK(overlap.err.find((s.path() / "all" / "graph.ttl").string() + ": error: document <") != std::string::npos);
    CHECK(overlap.err.find("is in the graph already: graphs to merge must be built from different articles") !=
          std::string::npos);
    CHECK_FALSE(fs::exists(s.path() / "bad"));
  }
  SECTION("a damaged graph file is an error with its position: exit 2, the output left as it was") {
    const auto before = files_of(s.path() / "m");
    std::ofstream(s.path() / "a" / "graph.nq", std::ios::app) << "<https://w3id.org/kgraph/id/entity/x> <broken\n";
    const auto damaged = run_kgraph(s, "merge " + q(s.path() / "a") + " " + q(s.path() / "b") + " -o " + q(s.path() / "m"));
    CHECK(damaged.exit_code == 2);
    INFO(damaged.err);
    CHECK(damaged.err.find((s.path() / "a" / "graph.nq").string() + ":") != std::string::npos);
    CHECK(damaged.err.find(": error: ") != std::string::npos);
    CHECK(files_of(s.path() / "m") == before);
  }
}

TEST_CASE("build --into rewrites every format already in the folder and can start a new graph", "[cli][incremental]") {
  TempDir s;
  const fs::path out = s.path() / "out";
  const auto first = run_kgraph(s, "build --into " + q(out) + " " + q(sample(0)) + " --formats nq,gexf");
  INFO(first.err);
  REQUIRE(first.exit_code == 0);
  CHECK(first.err.find("holds no graph yet: starting a new one") != std::string::npos);
  CHECK(files_of(out).size() == 2);
  // Default formats this time: graph.nq and graph.gexf are written again too, none is left stale.
  REQUIRE(run_kgraph(s, "build --into " + q(out) + " " + q(sample(1)) + " -q").exit_code == 0);
  REQUIRE(run_kgraph(s, "build " + q(sample(0)) + " " + q(sample(1)) + " -o " + q(s.path() / "all") +
                            " -q --formats nq,gexf,ttl,graphml,jsonld").exit_code == 0);
  CHECK(files_of(out) == files_of(s.path() / "all"));

  // A merge into a folder of outputs rewrites them all as well.
  REQUIRE(run_kgraph(s, "build " + q(sample(0)) + " -o " + q(s.path() / "a") + " -q --formats nq,gexf").exit_code == 0);
  REQUIRE(run_kgraph(s, "build " + q(sample(1)) + " -o " + q(s.path() / "b") + " -q --formats ttl").exit_code == 0);
  REQUIRE(run_kgraph(s, "merge " + q(s.path() / "a") + " " + q(s.path() / "b") + " -o " + q(s.path() / "a") + " -q").exit_code == 0);
  CHECK(files_of(s.path() / "a") == files_of(s.path() / "all"));
}

TEST_CASE("build and merge refuse what they cannot do, with exit code 2", "[cli][incremental]") {
  TempDir s;
  REQUIRE(run_kgraph(s, "build " + q(sample(0)) + " -o " + q(s.path() / "net") + " -q --formats graphml").exit_code == 0);
  const auto no_rdf = run_kgraph(s, "build --into " + q(s.path() / "net") + " " + q(sample(1)));
  CHECK(no_rdf.exit_code == 2);
  CHECK(no_rdf.err.find("holds outputs but no RDF file to read the graph back from") != std::string::npos);
  const auto nothing = run_kgraph(s, "merge " + q(s.path() / "net") + " -o " + q(s.path() / "m"));
  CHECK(nothing.exit_code == 2);
  CHECK(nothing.err.find("holds no graph to read back") != std::string::npos);
  const auto missing = run_kgraph(s, "merge " + q(s.path() / "nowhere") + " -o " + q(s.path() / "m"));
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("does not exist") != std::string::npos);
  const auto neither = run_kgraph(s, "build " + q(sample(0)));
  CHECK(neither.exit_code == 2);
  CHECK(neither.err.find("-o OUTDIR, or --into OUTDIR") != std::string::npos);
  const auto both = run_kgraph(s, "build " + q(sample(0)) + " -o a --into b");
  CHECK(both.exit_code == 2);
  CHECK(both.err.find("excludes") != std::string::npos);
  CHECK_FALSE(fs::exists(s.path() / "m"));

  // Another process writing the folder (here util-linux flock(1) holding it): refused, unchanged.
  const auto before = files_of(s.path() / "net");
  const auto locked = run_kgraph(s, "--version && flock " + q(s.path() / "net") + " " + std::string(KG_BINARY) +
                                        " build --into " + q(s.path() / "net") + " " + q(sample(1)));
  CHECK(locked.exit_code == 2);
  CHECK(locked.err.find("another kgraph is writing '" + (s.path() / "net").string() + "'") != std::string::npos);
  CHECK(files_of(s.path() / "net") == before);
}
