#include "kg/exporter/rdf_reader.hpp"

#include <catch2/catch.hpp>

#include <sstream>
#include <string>

#include "kg/core/diagnostics.hpp"
#include "kg/exporter/export_formats.hpp"
#include "support/sample_graph.hpp"
#include "support/temp_dir.hpp"

using kg::exporter::RdfSyntax;
using kg::graph::KnowledgeGraph;

namespace {

namespace fs = std::filesystem;

std::string rdf(const KnowledgeGraph& g, RdfSyntax syntax, const kg::exporter::RdfOptions& options = {}) {
  std::ostringstream out;
  kg::exporter::write_rdf(g, out, syntax, options);
  return out.str();
}

const std::string kPrefixes =
    "@prefix kg: <https://w3id.org/kgraph/ns#> .\n"
    "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
    "@prefix ent: <https://w3id.org/kgraph/id/entity/> .\n"
    "@prefix ev: <https://w3id.org/kgraph/id/event/> .\n"
    "@prefix doc: <https://w3id.org/kgraph/id/doc/> .\n"
    "@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .\n"
    "@prefix schema: <http://schema.org/> .\n";

/// Reads `text` as Turtle into `g`, expecting failure; returns the message.
std::string read_error(const std::string& text, KnowledgeGraph& g) {
  try {
    kg::exporter::read_rdf(text, RdfSyntax::turtle, "bad.ttl", g);
  } catch (const kg::core::Error& e) {
    CHECK(e.exit_code() == 2);
    return e.what();
  }
  FAIL("no error for: " << text);
  return {};
}

}  // namespace

TEST_CASE("a graph read back from any RDF syntax is the graph that was written", "[export][rdf_reader]") {
  const KnowledgeGraph original = kg::test::sample_graph();
  for (RdfSyntax syntax : {RdfSyntax::nquads, RdfSyntax::trig, RdfSyntax::turtle, RdfSyntax::ntriples}) {
    INFO("syntax " << static_cast<int>(syntax));
    const std::string text = rdf(original, syntax);
    KnowledgeGraph back;
    const auto summary = kg::exporter::read_rdf(text, syntax, "graph", back);
    CHECK(summary.ignored == 0);
    CHECK(summary.documents == 2);
    CHECK(summary.events == original.event_count());
    CHECK(back.document_count() == original.document_count());
    CHECK(back.entity_count() == original.entity_count());
    CHECK(back.relation_count() == original.relation_count());
    CHECK(back.event_count() == original.event_count());
    // Written again, byte for byte the same, in every syntax.
    for (RdfSyntax again : {RdfSyntax::nquads, RdfSyntax::turtle}) CHECK(rdf(back, again) == rdf(original, again));

    const auto putin = back.find_entity("Vladimir_Putin");
    REQUIRE(putin);
    const auto& e = back.entity(*putin);
    CHECK(e.label == "Vladimir Putin");
    CHECK(e.type == kg::core::EntityType::person);
    CHECK(e.wikidata == "Q7747");
    CHECK(e.aliases.count("Putin") == 1);
    CHECK(e.mentions == original.entity(*original.find_entity("Vladimir_Putin")).mentions);
    CHECK(e.first_date == "2021-12-07");
    CHECK(e.last_date == "2021-12-08");
  }
}

TEST_CASE("every output file of a graph read back is the same as the original's", "[export][rdf_reader]") {
  const KnowledgeGraph original = kg::test::sample_graph();
  KnowledgeGraph back;
  kg::exporter::read_rdf(rdf(original, RdfSyntax::nquads), RdfSyntax::nquads, "graph.nq", back);
  kg::test::TempDir a, b;
  std::vector<std::string> all;
  for (const auto& f : kg::exporter::output_formats()) all.emplace_back(f.name);
  const auto written = kg::exporter::write_outputs(original, a.path(), all);
  kg::exporter::write_outputs(back, b.path(), all);
  REQUIRE(written.size() == 10);
  for (const auto& file : written) {
    INFO(file.filename().string());
    CHECK(kg::test::read_file(b.path() / file.filename()) == kg::test::read_file(file));
  }
}

TEST_CASE("a syntax error names file, line and column, and leaves the graph alone", "[export][rdf_reader]") {
  KnowledgeGraph g;
  const std::string message = read_error(kPrefixes +
                                             "ent:x a kg:Person ;\n"
                                             "  rdfs:label \"x\"@en .\n"
                                             "ent:y a kg:Person ; rdfs:label \"unterminated .\n",
                                         g);
  INFO(message);
  CHECK(message.rfind("bad.ttl:10:", 0) == 0);
  CHECK(message.find("error:") != std::string::npos);
  CHECK(g.entity_count() == 0);
}

TEST_CASE("descriptions that do not fit the RDF model are errors naming the subject", "[export][rdf_reader]") {
  KnowledgeGraph g;
  const std::string doc = "doc:d a schema:NewsArticle .\n"
                          "<https://w3id.org/kgraph/id/doc/d#char=0,5> a nif:RFC5147String ;\n"
                          "  nif:beginIndex 0 ; nif:endIndex 5 ; nif:anchorOf \"Hello\" .\n";
  const std::string known = "ent:a a kg:Person ; rdfs:label \"A\"@en ; kg:mentions 1 .\n";
  SECTION("an event naming an entity the file does not describe") {
    const auto m = read_error(kPrefixes + doc + known +
                                  "ev:d-s0-e1 a kg:Event ; kg:agent ent:a ; kg:theme ent:ghost ;"
                                  " kg:evidence <https://w3id.org/kgraph/id/doc/d#char=0,5> .\n",
                              g);
    CHECK(m.find("<https://w3id.org/kgraph/id/event/d-s0-e1>") != std::string::npos);
    CHECK(m.find("entity/ghost") != std::string::npos);
  }
  SECTION("an event IRI without sentence and number") {
    const auto m = read_error(kPrefixes + doc + "ev:d-first a kg:Event .\n", g);
    CHECK(m.find("<doc>-s<sentence>-e<number>") != std::string::npos);
  }
  SECTION("an event without its sentence") {
    const auto m = read_error(kPrefixes + doc + known + "ev:d-s0-e1 a kg:Event ; kg:agent ent:a .\n", g);
    CHECK(m.find("kg:evidence") != std::string::npos);
  }
  SECTION("an event of a document the file does not describe") {
    const auto m = read_error(kPrefixes + known + "ev:other-s0-e1 a kg:Event ; kg:agent ent:a .\n", g);
    CHECK(m.find("belongs to no document") != std::string::npos);
  }
  SECTION("a mention count that is not a number") {
    const auto m = read_error(kPrefixes + "ent:a a kg:Person ; rdfs:label \"A\"@en ; kg:mentions \"many\" .\n", g);
    CHECK(m.find("kg:mentions") != std::string::npos);
    CHECK(m.find("'many'") != std::string::npos);
  }
  SECTION("an entity without a label") {
    const auto m = read_error(kPrefixes + "ent:a a kg:Person .\n", g);
    CHECK(m.find("rdfs:label") != std::string::npos);
  }
  CHECK(g.entity_count() == 0);
  CHECK(g.document_count() == 0);
  CHECK(g.event_count() == 0);
}

TEST_CASE("a document already in the graph is an error, not a double count", "[export][rdf_reader]") {
  const KnowledgeGraph original = kg::test::sample_graph();
  const std::string text = rdf(original, RdfSyntax::nquads);
  KnowledgeGraph g;
  kg::exporter::read_rdf(text, RdfSyntax::nquads, "a.nq", g);
  const std::string before = rdf(g, RdfSyntax::nquads);
  try {
    kg::exporter::read_rdf(text, RdfSyntax::nquads, "b.nq", g);
    FAIL("read the same documents twice");
  } catch (const kg::core::Error& e) {
    CHECK(std::string(e.what()).find("b.nq: error: document <https://w3id.org/kgraph/id/doc/doc-1> is in "
                                     "the graph already") != std::string::npos);
  }
  CHECK(rdf(g, RdfSyntax::nquads) == before);
}

TEST_CASE("a graph written under another base is read with that base only", "[export][rdf_reader]") {
  kg::exporter::RdfOptions other;
  other.base = "https://example.org/kg/";
  const std::string text = rdf(kg::test::sample_graph(), RdfSyntax::nquads, other);
  KnowledgeGraph g;
  try {
    kg::exporter::read_rdf(text, RdfSyntax::nquads, "x.nq", g);
    FAIL("read under the wrong base");
  } catch (const kg::core::Error& e) {
    CHECK(std::string(e.what()).find("another --base") != std::string::npos);
  }
  CHECK(kg::exporter::read_rdf(text, RdfSyntax::nquads, "x.nq", g, other).documents == 2);
  CHECK(rdf(g, RdfSyntax::nquads, other) == text);
}

TEST_CASE("statements outside the RDF model are counted and left out", "[export][rdf_reader]") {
  const KnowledgeGraph original = kg::test::sample_graph();
  const std::string text = rdf(original, RdfSyntax::nquads) +
                           "<http://example.org/x> <http://example.org/p> \"v\" .\n"
                           "<https://w3id.org/kgraph/id/entity/Joe_Biden> <http://example.org/note> \"n\" .\n"
                           "_:b <http://example.org/p> <http://example.org/x> .\n";
  KnowledgeGraph g;
  const auto summary = kg::exporter::read_rdf(text, RdfSyntax::nquads, "x.nq", g);
  CHECK(summary.ignored == 3);
  CHECK(rdf(g, RdfSyntax::nquads) == rdf(original, RdfSyntax::nquads));
}

TEST_CASE("the file read back from an output folder, and syntaxes by extension", "[export][rdf_reader]") {
  kg::test::TempDir dir;
  CHECK_FALSE(kg::exporter::find_graph_file(dir.path()));
  dir.write("graph.graphml", "<graphml/>");
  CHECK_FALSE(kg::exporter::find_graph_file(dir.path()));
  dir.write("graph.nq", "");
  CHECK(kg::exporter::find_graph_file(dir.path()) == dir.path() / "graph.nq");
  dir.write("graph.trig", "");
  CHECK(kg::exporter::find_graph_file(dir.path()) == dir.path() / "graph.trig");
  dir.write("graph.ttl", "");
  CHECK(kg::exporter::find_graph_file(dir.path()) == dir.path() / "graph.ttl");
  CHECK(kg::exporter::syntax_of("a/graph.trig") == RdfSyntax::trig);
  CHECK_FALSE(kg::exporter::syntax_of("graph.jsonld"));
  KnowledgeGraph g;
  CHECK_THROWS_WITH(kg::exporter::read_rdf_file(dir.path() / "graph.jsonld", g),
                    Catch::Contains("not an RDF file kgraph writes"));
  CHECK_THROWS_WITH(kg::exporter::read_rdf_file(dir.path() / "missing.nq", g),
                    Catch::Contains("cannot open"));
}
