// The output-folder rules of `build --into` and `merge` (kg::exporter::OutputFolder,
// KnownDocuments, read_graph_back), without the executable: what is skipped, which formats a folder
// holds and gets rewritten, and what a folder without a readable graph gives.
#include "kg/exporter/output_folder.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "kg/core/diagnostics.hpp"
#include "kg/core/iri.hpp"
#include "support/sample_graph.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using kg::exporter::KnownDocuments;
using kg::exporter::OutputFolder;
using kg::graph::KnowledgeGraph;

namespace {

kg::core::Document article(std::string id) {
  kg::core::Document d;
  d.id = std::move(id);
  return d;
}

std::vector<std::string> names(const std::vector<fs::path>& paths) {
  std::vector<std::string> out;
  for (const auto& p : paths) out.push_back(p.filename().string());
  return out;
}

}  // namespace

TEST_CASE("articles whose document the graph holds are skipped, by the name their id mints",
          "[export][output_folder]") {
  const KnowledgeGraph g = kg::test::sample_graph();
  const KnownDocuments known(g);
  CHECK(known.size() == 2);
  CHECK(known.contains(article("doc-1")));
  CHECK(known.contains(article("doc-2")));
  CHECK_FALSE(known.contains(article("doc-3")));
  // The rule compares minted names, as the writer names documents.
  CHECK(kg::core::mint_local_name("doc-1") == g.documents().front().local_name);

  const KnowledgeGraph empty;
  CHECK(KnownDocuments(empty).empty());
  CHECK_FALSE(KnownDocuments(empty).contains(article("doc-1")));
}

TEST_CASE("a folder rewrites the formats it holds besides those asked for", "[export][output_folder]") {
  kg::test::TempDir dir;
  OutputFolder folder(dir.path() / "out");
  CHECK(folder.formats_to_write({"ttl"}) == std::vector<std::string>{"ttl"});  // missing: nothing held

  folder.prepare();
  const KnowledgeGraph g = kg::test::sample_graph();
  CHECK(names(folder.write(g, {"nq", "gexf", "csv"})) ==
        std::vector<std::string>{"graph.nq", "graph.gexf", "nodes.csv", "edges.csv"});
  // In the order of output_formats(), each once.
  CHECK(folder.formats_to_write({"ttl", "nq"}) == std::vector<std::string>{"ttl", "nq", "gexf", "csv"});
  CHECK(folder.formats_to_write({}) == std::vector<std::string>{"nq", "gexf", "csv"});
}

TEST_CASE("prepare makes the folder and clears what a killed run left", "[export][output_folder]") {
  kg::test::TempDir dir;
  OutputFolder folder(dir.path() / "a" / "b");
  folder.prepare();
  CHECK(fs::is_directory(folder.path()));
  // A temporary of write_atomically() whose process is gone (no pid is that high).
  const fs::path stale = dir.write("a/b/.graph.ttl.tmp-999999999", "half");
  folder.prepare();
  CHECK_FALSE(fs::exists(stale));

  const fs::path file = dir.write("plain", "x");
  CHECK_THROWS_AS(OutputFolder(file).prepare(), kg::core::Error);
  CHECK_FALSE(folder.locked());
  folder.lock();
  CHECK(folder.locked());
  folder.lock();  // once is enough
  CHECK(folder.locked());
}

TEST_CASE("the graph of a folder is read back, and a folder without one starts a new graph",
          "[export][output_folder]") {
  kg::test::TempDir dir;
  const KnowledgeGraph original = kg::test::sample_graph();

  SECTION("missing or empty: nothing read, a new graph") {
    KnowledgeGraph g;
    CHECK_FALSE(OutputFolder(dir.path() / "nowhere").read_existing(g));
    OutputFolder empty(dir.path() / "empty");
    empty.prepare();
    CHECK_FALSE(empty.read_existing(g));
    CHECK(g.document_count() == 0);
  }
  SECTION("the first RDF file there is read, and what it held is said") {
    OutputFolder folder(dir.path() / "out");
    folder.prepare();
    folder.write(original, {"nq", "graphml"});
    KnowledgeGraph g;
    const auto read = folder.read_existing(g);
    REQUIRE(read);
    CHECK(read->file == folder.path() / "graph.nq");
    CHECK(read->summary.documents == 2);
    CHECK(g.document_count() == 2);
    CHECK(KnownDocuments(g).contains(article("doc-2")));
  }
  SECTION("outputs without an RDF file cannot be added to") {
    OutputFolder folder(dir.path() / "net");
    folder.prepare();
    folder.write(original, {"graphml"});
    KnowledgeGraph g;
    CHECK_THROWS_WITH(folder.read_existing(g), Catch::Contains("holds outputs but no RDF file"));
  }
  SECTION("an unreadable graph is an error naming the file, the graph left alone") {
    OutputFolder folder(dir.path() / "bad");
    folder.prepare();
    const fs::path file = dir.write("bad/graph.ttl", "<https://w3id.org/kgraph/id/entity/x> <broken\n");
    KnowledgeGraph g;
    // The newline inside the IRI: Serd has read it, so its position is the next line's start.
    CHECK_THROWS_WITH(folder.read_existing(g), Catch::StartsWith(file.string() + ":2:1: error: invalid Turtle"));
    CHECK(g.entity_count() == 0);
  }
}

TEST_CASE("read_graph_back takes a folder or one of its files, and names what is not there",
          "[export][output_folder]") {
  kg::test::TempDir dir;
  OutputFolder folder(dir.path() / "out");
  folder.prepare();
  folder.write(kg::test::sample_graph(), {"ttl", "graphml"});
  KnowledgeGraph a, b;
  CHECK(kg::exporter::read_graph_back(folder.path(), a).file == folder.path() / "graph.ttl");
  CHECK(kg::exporter::read_graph_back(folder.path() / "graph.ttl", b).summary.documents == 2);
  KnowledgeGraph c;
  CHECK_THROWS_WITH(kg::exporter::read_graph_back(dir.path() / "nowhere", c), Catch::Contains("does not exist"));
  OutputFolder net(dir.path() / "net");
  net.prepare();
  net.write(kg::test::sample_graph(), {"graphml"});
  CHECK_THROWS_WITH(kg::exporter::read_graph_back(net.path(), c), Catch::Contains("holds no graph to read back"));
}
