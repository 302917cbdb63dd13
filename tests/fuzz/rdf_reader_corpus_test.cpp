// The RDF reader's fuzz corpus in the normal build: every file of
// tests/fuzz/corpus/fuzz_rdf_reader/ (seeds and the crashers the fuzzer found) goes through the
// libFuzzer target's entry function (fuzz_rdf_entry.hpp). A broken promise aborts the test with
// the check that failed; the INFO line names the input. (The other targets' corpora are replayed
// by tests/extract/fuzz_regression_test.cpp.)
#include <catch2/catch.hpp>

#include <string>

#include "fuzz/corpus_files.hpp"
#include "fuzz/fuzz_rdf_entry.hpp"
#include "kg/core/diagnostics.hpp"
#include "kg/exporter/rdf_reader.hpp"
#include "kg/graph/knowledge_graph.hpp"
#include "support/temp_dir.hpp"

TEST_CASE("fuzz corpus: RDF reader", "[export][fuzz]") {
  const auto files = kg::fuzz::corpus_files("fuzz_rdf_reader");
  REQUIRE(!files.empty());
  for (const auto& file : files) {
    INFO(file.string());
    kg::fuzz::read_rdf(kg::test::read_file(file));
  }
}

// What the fuzzer found, as unit tests of the repaired behaviour (the inputs are in the corpus).

TEST_CASE("fuzz finding: a kg:relation that is not a relation name is an error naming the event",
          "[export][fuzz]") {
  // The name was taken as it stood (`a:b/c`) and written back minted (`a%3Ab%2Fc`), then minted
  // again on the next read (`a%253A…`): a graph that changed each time it was read and written.
  kg::graph::KnowledgeGraph g;
  const std::string text =
      "@prefix kg: <https://w3id.org/kgraph/ns#> .\n"
      "@prefix ev: <https://w3id.org/kgraph/id/event/> .\n"
      "ev:d-s0-e1 a kg:Event ;\n"
      "  kg:relation <https://w3id.org/kgraph/ns#a:b/c> .\n";
  try {
    kg::exporter::read_rdf(text, kg::exporter::RdfSyntax::turtle, "bad.ttl", g);
    FAIL("read a relation name the writer would mint");
  } catch (const kg::core::Error& e) {
    CHECK(std::string(e.what()) ==
          "bad.ttl: error: event <https://w3id.org/kgraph/id/event/d-s0-e1> has a kg:relation that is not "
          "a relation name: <https://w3id.org/kgraph/ns#a:b/c>");
  }
  CHECK(g.event_count() == 0);
  CHECK(g.entity_count() == 0);
}
