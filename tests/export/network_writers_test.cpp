// Unit tests of the network writers (GraphML, GEXF, CSV, DOT), JSON-LD and the dataset syntaxes
// on tiny graphs. The independent readers check the same outputs in tests/export/conformance.
#include "kg/exporter/network_writers.hpp"

#include <catch2/catch.hpp>

#include <pugixml.hpp>

#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "kg/exporter/export_formats.hpp"
#include "kg/exporter/jsonld_writer.hpp"
#include "kg/exporter/turtle_writer.hpp"
#include "support/sample_facts.hpp"
#include "support/temp_dir.hpp"

using kg::core::EntityType;
using kg::core::Role;
using kg::graph::KnowledgeGraph;
using kg::graph::Network;
using kg::graph::NetworkView;
using namespace kg::test;

namespace {

// Quotes, markup, a backslash, a tab, a newline, a bell, U+FFFE, an emoji and Hebrew.
const std::string kHostile =
    "A \"B\" <c> & 'd' \\ e\tf\ng\x07h\xEF\xBF\xBEi \xF0\x9F\x9A\x80 \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D";
const std::string kHostileXml =  // what XML formats keep: the bell and U+FFFE dropped
    "A \"B\" <c> & 'd' \\ e\tf\nghi \xF0\x9F\x9A\x80 \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D";

KnowledgeGraph hostile_graph() {
  KnowledgeGraph g;
  const auto d = document("d1", "2022-02-24", 0);
  kg::core::SentenceFacts f;
  f.sentence.text = kHostile;
  f.sentence.chars = {0, 30};
  kg::core::Event e;
  e.relation = "criticize";
  e.lemma = "criticize";
  e.cameo = "111";
  e.roles = {role(Role::agent, entity(kHostile, EntityType::person, "X")),
             role(Role::target, entity("Acme, \"Inc\"", EntityType::organization))};
  kg::core::Event again = e;
  again.relation = "accuse";
  f.events = {e, again};
  g.add_sentence(d, f);
  return g;
}

template <typename Write>
std::string written(const Network& net, Write write) {
  std::ostringstream out;
  write(net, out);
  return out.str();
}

}  // namespace

TEST_CASE("GraphML: named keys with for, unique edge ids, weights, clean text", "[export]") {
  const KnowledgeGraph g = hostile_graph();
  const Network net(g, NetworkView::full);
  const std::string xml = written(net, kg::exporter::write_graphml);
  pugi::xml_document doc;
  const auto parsed = doc.load_string(xml.c_str());
  INFO(xml);
  REQUIRE(parsed);
  // Every key, in order: id, for, attr.name, attr.type. Ids are names (not yEd's d0, d1, …), and the
  // edge keys whose names a node key already uses get an `edge_` prefix, since ids are per document.
  const std::vector<std::string> expected_keys = {
      "label node label string",
      "type node type string",
      "mentions node mentions int",
      "wikidata node wikidata string",
      "aliases node aliases string",
      "first_date node first_date string",
      "last_date node last_date string",
      "in_degree node in_degree int",
      "out_degree node out_degree int",
      "degree node degree int",
      "weighted_degree node weighted_degree double",
      "pagerank node pagerank double",
      "edgelabel edge label string",
      "weight edge weight double",
      "relation edge relation string",
      "relations edge relations string",
      "cameo edge cameo string",
      "edge_first_date edge first_date string",
      "edge_last_date edge last_date string",
      "attributed_to edge attributed_to string",
      "sentence edge sentence string",
      "evidence edge evidence int",
  };
  std::vector<std::string> keys;
  std::map<std::string, std::string> key_for;  // id -> node or edge
  for (auto key : doc.child("graphml").children("key")) {
    keys.push_back(std::string(key.attribute("id").value()) + " " + key.attribute("for").value() + " " +
                   key.attribute("attr.name").value() + " " + key.attribute("attr.type").value());
    key_for[key.attribute("id").value()] = key.attribute("for").value();
  }
  CHECK(keys == expected_keys);
  const auto graph = doc.child("graphml").child("graph");
  // Each data element names a declared key meant for its kind of element.
  for (const char* kind : {"node", "edge"})
    for (auto element : graph.children(kind))
      for (auto data : element.children("data")) {
        INFO(kind << " data key " << data.attribute("key").value());
        CHECK(key_for[data.attribute("key").value()] == kind);
      }
  CHECK(std::string(graph.attribute("edgedefault").value()) == "directed");
  std::vector<std::string> labels;
  for (auto node : graph.children("node"))
    labels.push_back(node.find_child_by_attribute("data", "key", "label").text().get());
  CHECK(labels == std::vector<std::string>{kHostileXml, "Acme, \"Inc\""});
  const auto edges = graph.children("edge");
  REQUIRE(std::distance(edges.begin(), edges.end()) == 1);  // two relations, one pair
  const auto edge = *edges.begin();
  CHECK(std::string(edge.attribute("id").value()) == "e0");
  CHECK(std::string(edge.find_child_by_attribute("data", "key", "weight").text().get()) == "2");
  CHECK(std::string(edge.find_child_by_attribute("data", "key", "edgelabel").text().get()) ==
        "criticize; accuse");
  CHECK(xml.find('\x07') == std::string::npos);
  CHECK(written(net, kg::exporter::write_graphml) == xml);  // deterministic
}

TEST_CASE("GEXF: 1.2draft dynamic, one edge per relation with kind and a spell per date", "[export]") {
  const KnowledgeGraph g = hostile_graph();
  const Network net(g, NetworkView::full);
  const std::string xml = written(net, kg::exporter::write_gexf);
  pugi::xml_document doc;
  REQUIRE(doc.load_string(xml.c_str()));
  const auto graph = doc.child("gexf").child("graph");
  CHECK(std::string(doc.child("gexf").attribute("xmlns").value()) == "http://www.gexf.net/1.2draft");
  CHECK(std::string(graph.attribute("mode").value()) == "dynamic");
  CHECK(std::string(graph.attribute("timeformat").value()) == "date");
  CHECK(std::string(graph.child("nodes").child("node").attribute("label").value()) == kHostileXml);
  std::vector<std::string> kinds;
  for (auto edge : graph.child("edges").children("edge")) {
    kinds.push_back(edge.attribute("kind").value());
    const auto spell = edge.child("spells").child("spell");
    CHECK(std::string(spell.attribute("start").value()) == "2022-02-24");
    CHECK(std::string(spell.attribute("end").value()) == "2022-02-24");
  }
  CHECK(kinds == std::vector<std::string>{"criticize", "accuse"});
}

TEST_CASE("CSV: Gephi headers and RFC 4180 quoting", "[export]") {
  const KnowledgeGraph g = hostile_graph();
  const Network net(g, NetworkView::full);
  const std::string nodes = written(net, kg::exporter::write_csv_nodes);
  const std::string edges = written(net, kg::exporter::write_csv_edges);
  CHECK(nodes.rfind("Id,Label,type,", 0) == 0);
  CHECK(edges.rfind("Source,Target,Type,Id,Label,Weight,", 0) == 0);
  CHECK(nodes.find(",\"A \"\"B\"\" <c> & 'd' \\ e\tf\nghi ") != std::string::npos);
  CHECK(nodes.find(",\"Acme, \"\"Inc\"\"\",Organization,") != std::string::npos);
  CHECK(edges.find(",Directed,e0,criticize; accuse,2,") != std::string::npos);
  CHECK(nodes.find("\r\n") != std::string::npos);
}

TEST_CASE("DOT: escaped labels and CURIE node ids", "[export]") {
  const KnowledgeGraph g = hostile_graph();
  const Network net(g, NetworkView::full);
  const std::string dot = written(net, kg::exporter::write_dot);
  CHECK(dot.rfind("digraph kgraph {", 0) == 0);
  CHECK(dot.find("[label=\"A \\\"B\\\" <c> & 'd' \\\\ e f\\nghi ") != std::string::npos);
  CHECK(dot.find("\"ent:Acme%2C_%22Inc%22\"") != std::string::npos);
  CHECK(dot.find("label=\"criticize; accuse\", weight=2") != std::string::npos);
}

TEST_CASE("JSON-LD: inline context, one node object per subject, typed strings", "[export]") {
  const KnowledgeGraph g = hostile_graph();
  std::ostringstream out;
  kg::exporter::write_jsonld(g, out);
  const std::string json = out.str();
  INFO(json);
  CHECK(json.find("\"@context\": {") != std::string::npos);
  CHECK(json.find("@vocab") == std::string::npos);
  CHECK(json.find("\"@graph\": [") != std::string::npos);
  CHECK(json.find("\"ent\": \"https://w3id.org/kgraph/id/entity/\"") != std::string::npos);
  CHECK(json.find("\"@id\": \"ent:Acme%2C_%22Inc%22\"") != std::string::npos);
  CHECK(json.find("\"mentions\": \"1\"") != std::string::npos);  // exact lexical form
  CHECK(json.find("\"label\": \"A \\\"B\\\" <c> & 'd' \\\\ e\\tf\\ng\\u0007h") != std::string::npos);
  std::ostringstream again;
  kg::exporter::write_jsonld(g, again);
  CHECK(again.str() == json);
}

TEST_CASE("N-Quads and TriG put each document in its own named graph", "[export]") {
  const KnowledgeGraph g = hostile_graph();
  std::ostringstream nq, trig, nt;
  kg::exporter::write_rdf(g, nq, kg::exporter::RdfSyntax::nquads);
  kg::exporter::write_rdf(g, trig, kg::exporter::RdfSyntax::trig);
  kg::exporter::write_rdf(g, nt, kg::exporter::RdfSyntax::ntriples);
  const std::string doc = "<https://w3id.org/kgraph/id/doc/d1>";
  std::istringstream lines(nq.str());
  std::string line;
  std::size_t in_doc = 0, in_default = 0;
  while (std::getline(lines, line)) {
    if (line.size() > doc.size() + 2 && line.compare(line.size() - doc.size() - 2, doc.size(), doc) == 0)
      ++in_doc;
    else
      ++in_default;
  }
  CHECK(in_doc > 0);
  CHECK(in_default > 0);  // entities
  CHECK(trig.str().find("doc:d1 {") != std::string::npos);
  CHECK(nt.str().find("@prefix") == std::string::npos);
}

TEST_CASE("format names: parsing, defaults and the files written", "[export]") {
  using kg::exporter::parse_format_list;
  CHECK(parse_format_list("jsonld,ttl,,ttl") == std::vector<std::string>{"ttl", "jsonld"});
  CHECK(parse_format_list(kg::exporter::default_formats) ==
        std::vector<std::string>{"ttl", "graphml", "jsonld"});
  CHECK_THROWS_WITH(parse_format_list("ttl,xml"), Catch::Contains("unknown format 'xml'"));
  CHECK_THROWS_WITH(parse_format_list(","), Catch::Contains("no format"));
  const KnowledgeGraph g = hostile_graph();
  TempDir dir;
  std::vector<std::string> all;
  for (const auto& f : kg::exporter::output_formats()) all.emplace_back(f.name);
  const auto files = kg::exporter::write_outputs(g, dir.path(), all);
  CHECK(files.size() == 10);
  for (const auto& f : files) CHECK(std::filesystem::file_size(f) > 0);
  CHECK(std::distance(std::filesystem::directory_iterator(dir.path()),
                      std::filesystem::directory_iterator()) == 10);
}
