#include "kg/exporter/turtle_writer.hpp"

#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "kg/core/diagnostics.hpp"
#include "support/sample_facts.hpp"
#include "support/sample_graph.hpp"
#include "support/temp_dir.hpp"

using kg::core::EntityType;
using kg::core::Role;
using namespace kg::test;  // document, entity, role, nested, text; TempDir, read_file

namespace {

namespace fs = std::filesystem;

const std::string kEnt = "https://w3id.org/kgraph/id/entity/";
const std::string kEv = "https://w3id.org/kgraph/id/event/";
const std::string kDoc = "https://w3id.org/kgraph/id/doc/";
const std::string kKg = "https://w3id.org/kgraph/ns#";
const std::string kRdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
const std::string kRdfsLabel = "http://www.w3.org/2000/01/rdf-schema#label";
const std::string kXsd = "http://www.w3.org/2001/XMLSchema#";

// ---- builders --------------------------------------------------------------------------------

// (document, entity, role, nested and text: support/sample_facts.hpp)

// (kNewsSite, sentence, request and sample_graph: support/sample_graph.hpp)

std::string turtle(const kg::graph::KnowledgeGraph& g,
                   const kg::exporter::RdfOptions& options = {}) {
  std::ostringstream out;
  kg::exporter::write_turtle(g, out, options);
  return out.str();
}

// ---- running the independent readers ---------------------------------------------------------

/// Runs a shell command; a missing tool gives exit code 127, which fails the test (no skipping).
int run(const std::string& command) {
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string quote(const fs::path& p) { return kg::test::shell_quote(p); }

// ---- a small N-Triples reader, to compare what serdi and rapper read
// -----------------------------

void append_utf8(std::string& out, unsigned long cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

/// Reads up to `end` (exclusive), decoding ECHAR and UCHAR escapes.
std::string unescape_until(const std::string& line, std::size_t& i, char end) {
  std::string out;
  while (i < line.size() && line[i] != end) {
    if (line[i] != '\\') {
      out += line[i++];
      continue;
    }
    const char c = line.at(i + 1);
    i += 2;
    switch (c) {
      case 't': out += '\t'; break;
      case 'b': out += '\b'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 'f': out += '\f'; break;
      case '"': out += '"'; break;
      case '\'': out += '\''; break;
      case '\\': out += '\\'; break;
      case 'u':
      case 'U': {
        const std::size_t n = c == 'u' ? 4 : 8;
        append_utf8(out, std::stoul(line.substr(i, n), nullptr, 16));
        i += n;
        break;
      }
      default: FAIL("unknown escape \\" << c << " in: " << line);
    }
  }
  REQUIRE(i < line.size());
  ++i;  // the closing delimiter
  return out;
}

/// A term in a canonical, escape-free form: `<iri>`, `_:b`, or `"text"` + `@lang` / `^^<dt>`.
std::string read_term(const std::string& line, std::size_t& i) {
  while (i < line.size() && line[i] == ' ') ++i;
  REQUIRE(i < line.size());
  if (line[i] == '<') {
    ++i;
    return "<" + unescape_until(line, i, '>') + ">";
  }
  if (line[i] == '_') {
    const std::size_t end = line.find(' ', i);
    std::string b = line.substr(i, end - i);
    i = end;
    return b;
  }
  REQUIRE(line[i] == '"');
  ++i;
  std::string term = "\"" + unescape_until(line, i, '"') + "\"";
  if (i < line.size() && line[i] == '@') {
    const std::size_t end = line.find(' ', i);
    term += line.substr(i, end - i);
    i = end;
  } else if (line.compare(i, 3, "^^<") == 0) {
    i += 3;
    const std::string datatype = unescape_until(line, i, '>');
    if (datatype != kXsd + "string") term += "^^<" + datatype + ">";  // RDF 1.1: the same literal
  }
  return term;
}

using Triple = std::tuple<std::string, std::string, std::string>;

std::multiset<Triple> parse_ntriples(const std::string& text) {
  std::multiset<Triple> triples;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::size_t i = 0;
    std::string s = read_term(line, i);
    std::string p = read_term(line, i);
    std::string o = read_term(line, i);
    triples.emplace(std::move(s), std::move(p), std::move(o));
  }
  return triples;
}

/// Checks `ttl` with serdi and rapper (both must exist and accept it) and returns what they read,
/// after checking that both read the same triples.
std::multiset<Triple> read_with_tools(const std::string& ttl) {
  TempDir dir;
  const fs::path file = dir.write("graph.ttl", ttl);

  const fs::path serdi_out = dir.path() / "serdi.nt";
  const fs::path serdi_err = dir.path() / "serdi.err";
  const int serdi = run("serdi -i turtle -o ntriples " + quote(file) + " > " + quote(serdi_out) +
                        " 2> " + quote(serdi_err));
  INFO("serdi stderr: " << read_file(serdi_err));
  REQUIRE(serdi == 0);

  const fs::path rapper_err = dir.path() / "rapper.err";
  REQUIRE(run("rapper -q -i turtle -c " + quote(file) + " 2> " + quote(rapper_err)) == 0);
  INFO("rapper stderr: " << read_file(rapper_err));
  REQUIRE(read_file(rapper_err).find("rror") == std::string::npos);

  const fs::path rapper_out = dir.path() / "rapper.nt";
  REQUIRE(run("rapper -q -i turtle -o ntriples " + quote(file) + " > " + quote(rapper_out) +
              " 2> " + quote(rapper_err)) == 0);

  const auto by_serdi = parse_ntriples(read_file(serdi_out));
  const auto by_rapper = parse_ntriples(read_file(rapper_out));
  CHECK(by_serdi == by_rapper);
  return by_serdi;
}

bool contains(const std::multiset<Triple>& triples, const std::string& s, const std::string& p,
              const std::string& o) {
  return triples.count({s, p, o}) > 0;
}

std::string iri(const std::string& value) { return "<" + value + ">"; }
std::string lit(const std::string& value, const std::string& suffix = {}) {
  return "\"" + value + "\"" + suffix;
}

}  // namespace

TEST_CASE("Turtle output holds the RDF model and parses with serdi and rapper", "[export]") {
  const auto g = sample_graph();
  const std::string ttl = turtle(g);
  INFO(ttl);

  CHECK(ttl.find("@prefix kg: <https://w3id.org/kgraph/ns#> .") != std::string::npos);
  CHECK(ttl.find("@prefix ent: <https://w3id.org/kgraph/id/entity/> .") != std::string::npos);
  CHECK(ttl.find("@prefix schema: <http://schema.org/> .") != std::string::npos);
  CHECK(ttl.find("ent:Vladimir_Putin") != std::string::npos);  // readable CURIEs
  CHECK(ttl.find("\"\"\"") == std::string::npos);              // never Serd's long strings

  const auto t = read_with_tools(ttl);
  const std::string putin = iri(kEnt + "Vladimir_Putin");
  const std::string biden = iri(kEnt + "Joe_Biden");
  const std::string us = iri(kEnt + "United_States");
  const std::string wh = iri(kEnt + "White_House");
  const std::string e1 = iri(kEv + "doc-1-s0-e1");
  const std::string say = iri(kEv + "doc-1-s1-e1");
  const std::string threat = iri(kEv + "doc-1-s1-e2");
  const std::string xsd_date = "^^<" + kXsd + "date>";

  // Entities.
  CHECK(contains(t, putin, iri(kRdfType), iri(kKg + "Person")));
  CHECK(contains(t, putin, iri(kRdfType), iri("http://schema.org/Person")));
  CHECK(contains(t, putin, iri(kRdfsLabel), lit("Vladimir Putin", "@en")));
  CHECK(
      contains(t, putin, iri("http://www.w3.org/2004/02/skos/core#altLabel"), lit("Putin", "@en")));
  CHECK(contains(t, putin, iri("http://www.w3.org/2002/07/owl#sameAs"),
                 iri("http://www.wikidata.org/entity/Q7747")));
  CHECK(contains(t, putin, iri(kKg + "mentions"), lit("3", "^^<" + kXsd + "integer>")));
  CHECK(contains(t, us, iri(kRdfType), iri("http://schema.org/Country")));
  CHECK(contains(t, wh, iri(kRdfType), iri("http://schema.org/Organization")));
  CHECK(contains(t, iri(kEnt + "guarantee"), iri(kRdfType), iri(kKg + "Concept")));
  std::size_t labels = 0, guarantee_types = 0;
  for (const auto& [s, p, o] : t) {
    if (s == putin && p == iri(kRdfsLabel)) ++labels;
    if (s == iri(kEnt + "guarantee") && p == iri(kRdfType)) ++guarantee_types;
  }
  CHECK(labels == 1);
  CHECK(guarantee_types == 1);  // Concept: kg:Concept only

  // Documents.
  const std::string doc1 = iri(kDoc + "doc-1");
  CHECK(contains(t, doc1, iri(kRdfType), iri("http://schema.org/NewsArticle")));
  CHECK(contains(t, doc1, iri("http://schema.org/url"), iri("https://example.org/news/doc-1")));
  CHECK(contains(t, doc1, iri("http://schema.org/datePublished"), lit("2021-12-07", xsd_date)));
  CHECK(contains(t, doc1, iri("http://schema.org/headline"), lit("Title of doc-1")));

  // The request event.
  CHECK(contains(t, e1, iri(kRdfType), iri(kKg + "Event")));
  CHECK(contains(t, e1, iri(kRdfType), iri("http://semanticweb.cs.vu.nl/2009/11/sem/Event")));
  CHECK(contains(t, e1, iri(kKg + "relation"), iri(kKg + "request")));
  CHECK(contains(t, e1, iri(kKg + "lemma"), lit("ask")));
  CHECK(contains(t, e1, iri(kKg + "cameo"), lit("020")));
  CHECK(contains(t, e1, iri(kKg + "agent"), putin));
  CHECK(contains(t, e1, iri(kKg + "recipient"), biden));
  CHECK(contains(t, e1, iri(kKg + "theme"), iri(kEnt + "guarantee")));
  CHECK(contains(t, e1, iri(kKg + "confidence"), lit("0.75", "^^<" + kXsd + "decimal>")));
  CHECK(contains(t, e1, iri(kKg + "date"), lit("2021-12-07", xsd_date)));
  CHECK(contains(t, e1, iri("http://www.w3.org/ns/prov#wasDerivedFrom"), doc1));
  const std::string nif = iri(kDoc + "doc-1#char=0,36");
  CHECK(contains(t, e1, iri(kKg + "evidence"), nif));
  const std::string nif_ns = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#";
  CHECK(contains(t, nif, iri(kRdfType), iri(nif_ns + "RFC5147String")));
  CHECK(
      contains(t, nif, iri(nif_ns + "beginIndex"), lit("0", "^^<" + kXsd + "nonNegativeInteger>")));
  CHECK(
      contains(t, nif, iri(nif_ns + "endIndex"), lit("36", "^^<" + kXsd + "nonNegativeInteger>")));
  CHECK(contains(t, nif, iri(nif_ns + "anchorOf"), lit("Putin asked Biden for the guarantee.")));
  CHECK(contains(t, nif, iri(nif_ns + "referenceContext"), doc1));
  for (const auto& [s, p, o] : t) {  // defaults are not written
    if (s != e1) continue;
    CHECK(p != iri(kKg + "asserted"));
    CHECK(p != iri(kKg + "negated"));
    CHECK(p != iri(kKg + "conditional"));
  }

  // The speech act and its reported content.
  CHECK(contains(t, say, iri(kRdfType), iri(kKg + "SpeechAct")));
  CHECK(contains(t, say, iri(kKg + "content"), threat));
  CHECK(contains(t, threat, iri(kKg + "relation"), iri(kKg + "threaten")));
  CHECK(contains(t, threat, iri(kKg + "cameo"), lit("1312")));
  CHECK(contains(t, threat, iri(kKg + "asserted"), lit("false", "^^<" + kXsd + "boolean>")));
  CHECK(contains(t, threat, iri(kKg + "conditional"), lit("true", "^^<" + kXsd + "boolean>")));
  CHECK(contains(t, threat, iri(kKg + "modality"), lit("would")));
  CHECK(contains(t, threat, iri(kKg + "time"), lit("in case of escalation")));
  CHECK(contains(t, threat, iri("http://www.w3.org/ns/prov#wasAttributedTo"), wh));
  CHECK(contains(t, threat, iri(kKg + "cue"), lit("said")));
  CHECK(contains(t, threat, iri(kKg + "evidence"), iri(kDoc + "doc-1#char=37,117")));
  CHECK(contains(t, iri(kEv + "doc-2-s1-e1"), iri(kKg + "negated"),
                 lit("true", "^^<" + kXsd + "boolean>")));

  // Truthy triples: asserted and not negated only.
  CHECK(contains(t, putin, iri(kKg + "request"), iri(kEnt + "guarantee")));
  CHECK_FALSE(contains(t, us, iri(kKg + "threaten"), iri(kEnt + "sanctions")));
  CHECK_FALSE(contains(t, biden, iri(kKg + "criticize"), putin));
  std::size_t direct = 0;
  for (const auto& [s, p, o] : t)
    if (s == putin && p == iri(kKg + "request")) ++direct;
  CHECK(direct == 1);  // two pieces of evidence, one direct triple
}

TEST_CASE("hostile text round-trips through serdi and rapper", "[export]") {
  const std::string hostile =
      "He said \"no\" \\ <script>alert('x')</script> & 'q'\n\tnext\x01\x1f\x7f"
      " \xF0\x9F\x98\x80 \xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 \xE2\x80\x8F\r"
      " \"\"\"end\"";
  const std::string alias = "\"quoted\"\n\"";
  kg::graph::KnowledgeGraph g;
  kg::core::Document doc;
  doc.id = "../weird id \"x\"<>#?.";
  doc.url = "https://example.org/a b?\"q\"=<x>&k={v}|^`\\\xC3\xA9";
  doc.title = hostile;
  doc.date = "2022-02-24";
  g.begin_document(doc);
  kg::core::Event e;
  e.relation = "bad relation!";
  e.lemma = hostile;
  e.cameo = "0\"1\\";
  e.cue = hostile;
  e.modality = "may\n";
  e.roles = {role(Role::agent, entity(hostile, EntityType::person, alias)),
             role(Role::theme, entity("-leading.dash~tilde.", EntityType::group)),
             text(Role::place, hostile), role(Role::about, entity(std::string("nul\0byte", 8)))};
  e.attributed_to = entity("\xD7\xA2\xD7\x91\xD7\xA8\xD7\x99\xD7\xAA", EntityType::location);
  g.add_sentence(doc, sentence(0, hostile, 0, 60, {e}));
  kg::core::Document plain = document("plain", "", 1, kNewsSite);
  plain.url = "not a url";
  g.add_sentence(plain, sentence(0, "x", 0, 1, {}));

  const std::string ttl = turtle(g);
  INFO(ttl);
  CHECK(ttl.find("\"\"\"") == std::string::npos);
  const auto t = read_with_tools(ttl);

  const auto agent = g.find_entity_by_label(hostile);
  REQUIRE(agent);
  const std::string subject = iri(kEnt + g.entity(*agent).local_name);
  CHECK(contains(t, subject, iri(kRdfsLabel), lit(hostile, "@en")));
  CHECK(
      contains(t, subject, iri("http://www.w3.org/2004/02/skos/core#altLabel"), lit(alias, "@en")));

  const std::string doc_iri = iri(kDoc + g.documents()[0].local_name);
  CHECK(contains(t, doc_iri, iri("http://schema.org/headline"), lit(hostile)));
  CHECK(contains(t, doc_iri, iri("http://schema.org/url"),
                 iri("https://example.org/a%20b?%22q%22=%3Cx%3E&k=%7Bv%7D%7C%5E%60%5C\xC3\xA9")));
  CHECK(contains(t, iri(kDoc + "plain"), iri("http://schema.org/url"), lit("not a url")));

  bool found_event = false;
  for (const auto& [s, p, o] : t) {
    if (p != iri(kKg + "relation")) continue;
    found_event = true;
    CHECK(o == iri(kKg + "bad_relation%21"));
    CHECK(contains(t, s, iri(kKg + "lemma"), lit(hostile)));
    CHECK(contains(t, s, iri(kKg + "cue"), lit(hostile)));
    CHECK(contains(t, s, iri(kKg + "place"), lit(hostile)));
    CHECK(contains(t, s, iri(kKg + "cameo"), lit("0\"1\\")));
    CHECK(contains(t, s, iri(kKg + "modality"), lit("may\n")));
    CHECK(contains(t, s, iri(kKg + "about"), iri(kEnt + "nul%00byte")));
  }
  CHECK(found_event);
  CHECK(contains(t, iri(kEnt + "nul%00byte"), iri(kRdfsLabel),
                 lit("nul\xEF\xBF\xBD"
                     "byte",
                     "@en")));
  CHECK(contains(t, iri(kEnt + "-leading.dash~tilde%2E"), iri(kRdfType), iri(kKg + "Group")));
}

TEST_CASE("Turtle output is deterministic", "[export]") {
  const auto a = sample_graph();
  const std::string first = turtle(a);
  CHECK(turtle(a) == first);
  CHECK(turtle(sample_graph()) == first);

  // for_each_triple is the same graph the Turtle holds.
  std::size_t count = 0;
  kg::exporter::for_each_triple(a, {}, [&](const kg::exporter::RdfTriple&) { ++count; });
  CHECK(read_with_tools(first).size() == count);
}

TEST_CASE("the base option moves the instance namespaces and must be absolute", "[export]") {
  const auto g = sample_graph();
  kg::exporter::RdfOptions options;
  options.base = "http://example.org/kg/";
  const std::string ttl = turtle(g, options);
  CHECK(ttl.find("@prefix ent: <http://example.org/kg/entity/> .") != std::string::npos);
  CHECK(ttl.find("@prefix doc: <http://example.org/kg/doc/> .") != std::string::npos);
  const auto t = read_with_tools(ttl);
  CHECK(contains(t, iri("http://example.org/kg/entity/Vladimir_Putin"), iri(kRdfsLabel),
                 lit("Vladimir Putin", "@en")));

  options.base = "relative/base/";
  std::ostringstream out;
  CHECK_THROWS_AS(kg::exporter::write_turtle(g, out, options), kg::core::Error);
  CHECK(out.str().empty());
}

TEST_CASE("write_turtle_file writes atomically and reports I/O failure", "[export]") {
  const auto g = sample_graph();
  TempDir dir;
  const fs::path file = dir.path() / "out.ttl";
  kg::exporter::write_turtle_file(g, file);
  CHECK(read_file(file) == turtle(g));
  CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()) == 1);

  CHECK_THROWS_AS(kg::exporter::write_turtle_file(g, dir.path() / "missing" / "out.ttl"),
                  kg::core::Error);
}

TEST_CASE("an empty graph is a valid Turtle document", "[export]") {
  const kg::graph::KnowledgeGraph g;
  const std::string ttl = turtle(g);
  CHECK(ttl.find("@prefix wd: <http://www.wikidata.org/entity/> .") != std::string::npos);
  CHECK(read_with_tools(ttl).empty());
}
