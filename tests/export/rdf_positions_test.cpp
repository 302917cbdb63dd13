// One position mapping for every RDF syntax error, whichever reader meets it: the ontology's
// loader (a --gazetteer file) and the reader of kgraph's own graphs (`build --into`, `merge`)
// both go through kg::ontology::RdfParser, so the same bad line gets the same `file:line:col`,
// the column in code points.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "kg/core/diagnostics.hpp"
#include "kg/exporter/rdf_reader.hpp"
#include "kg/graph/knowledge_graph.hpp"
#include "kg/ontology/gazetteer.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;

namespace {

// Line 2: `<http://example.org/x>` is 22 code points, then ` rdfs:label ` (12), the literal
// (10 code points, 14 bytes: ë Ł ó ź take two each) and ` ,`: the second comma, the error, is
// code point 47 (byte 51).
const char* const kBadTurtle =
    "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
    "<http://example.org/x> rdfs:label \"Zo\u00eb \u0141\u00f3d\u017a\" ,, \"Y\" .\n";

std::string gazetteer_error(const fs::path& file) {
  kg::core::StreamDiagnostics diagnostics(nullptr);
  try {
    kg::ontology::Gazetteer::load({file}, diagnostics);
  } catch (const kg::core::Error& e) {
    return e.what();
  }
  return "no error";
}

std::string graph_reader_error(const fs::path& file) {
  kg::graph::KnowledgeGraph graph;
  try {
    kg::exporter::read_rdf_file(file, graph);
  } catch (const kg::core::Error& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("a Turtle syntax error after non-ASCII text is at the same line:column through the "
          "gazetteer loader and the graph reader, counted in code points",
          "[export][rdf_reader][ontology][diagnostics]") {
  kg::test::TempDir dir;
  const fs::path file = dir.write("bad.ttl", kBadTurtle);
  const std::string expected = file.string() + ":2:47: error: invalid Turtle: ";
  const std::string loader = gazetteer_error(file);
  const std::string reader = graph_reader_error(file);
  CHECK_THAT(loader, Catch::StartsWith(expected));
  CHECK_THAT(reader, Catch::StartsWith(expected));
  // Same message, token and all (the lax loader may count further errors after it).
  CHECK_THAT(loader, Catch::StartsWith(reader));
}

TEST_CASE("the graph reader positions errors of text it was given as a string the same way",
          "[export][rdf_reader][diagnostics]") {
  kg::graph::KnowledgeGraph graph;
  CHECK_THROWS_WITH(kg::exporter::read_rdf(kBadTurtle, kg::exporter::RdfSyntax::turtle, "text.ttl", graph),
                    Catch::StartsWith("text.ttl:2:47: error: invalid Turtle: "));
}
