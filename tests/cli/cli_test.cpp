// End-to-end tests of the kgraph executable: exit codes, diagnostics with positions, outputs that
// independent parsers (serdi, rapper) read, and the seed facts of the samples.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "support/run_kgraph.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using kg::test::read_file;
using kg::test::TempDir;

namespace {

using kg::test::Run;
using kg::test::shell;

Run run(const TempDir& scratch, const std::string& args) { return kg::test::run_kgraph(scratch, args); }

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

namespace {

/// The IRIs of one N-Triples statement: subject, predicate, and object when it is an IRI.
struct NtStatement {
  std::string subject, predicate, object;  // object empty for literals
};

std::vector<NtStatement> nt_statements(const std::string& text) {
  std::vector<NtStatement> out;
  std::istringstream in(text);
  std::string line;
  const auto iri_at = [](const std::string& l, std::size_t& i) {
    while (i < l.size() && l[i] == ' ') ++i;
    if (i >= l.size() || l[i] != '<') return std::string();
    const std::size_t end = l.find('>', i);
    std::string iri = l.substr(i + 1, end - i - 1);
    i = end + 1;
    return iri;
  };
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::size_t i = 0;
    NtStatement s;
    s.subject = iri_at(line, i);
    s.predicate = iri_at(line, i);
    s.object = iri_at(line, i);
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace

TEST_CASE("every kg: class and property the samples' graph uses is defined in the ontology", "[cli][ontology]") {
  TempDir s;
  const auto outdir = s.path() / "out";
  auto r = run(s, "build '" KG_SOURCE_DIR "/samples' -o '" + outdir.string() + "' --formats nt -q");
  REQUIRE(r.exit_code == 0);
  const auto onto_nt = s.path() / "kgraph.nt";
  REQUIRE(shell("serdi -i turtle -o ntriples '" KG_SOURCE_DIR "/ontology/kgraph.ttl' > '" +
                onto_nt.string() + "'") == 0);
  const std::string kg = "https://w3id.org/kgraph/ns#";
  const std::string rdf_type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
  const std::string owl = "http://www.w3.org/2002/07/owl#";
  std::set<std::string> labelled, commented, declared;
  for (const auto& st : nt_statements(read_file(onto_nt))) {
    if (st.predicate == "http://www.w3.org/2000/01/rdf-schema#label") labelled.insert(st.subject);
    if (st.predicate == "http://www.w3.org/2000/01/rdf-schema#comment") commented.insert(st.subject);
    if (st.predicate == rdf_type && st.subject.rfind(kg, 0) == 0 &&
        (st.object == owl + "Class" || st.object == owl + "ObjectProperty" ||
         st.object == owl + "DatatypeProperty" || st.object == owl + "AnnotationProperty"))
      declared.insert(st.subject);
  }
  // Every declared term has a label and a comment.
  for (const auto& term : declared) {
    INFO(term);
    CHECK(labelled.count(term) == 1);
    CHECK(commented.count(term) == 1);
  }
  // Every kg: predicate, class (object of rdf:type) and relation (object of kg:relation) of the
  // output is declared there.
  std::set<std::string> used;
  for (const auto& st : nt_statements(read_file(outdir / "graph.nt"))) {
    if (st.predicate.rfind(kg, 0) == 0) used.insert(st.predicate);
    if (st.object.rfind(kg, 0) == 0) used.insert(st.object);
  }
  CHECK(used.count(kg + "agent") == 1);
  CHECK(used.count(kg + "Person") == 1);
  for (const auto& term : used) {
    INFO("used in graph.nt but not declared in ontology/kgraph.ttl: " << term);
    CHECK(declared.count(term) == 1);
  }
}

TEST_CASE("build writes ttl, graphml and jsonld by default, every format on request", "[cli][formats]") {
  TempDir s;
  const auto good = s.write("a.txt", "Putin asked Biden for a guarantee. Biden warned Putin.\n");
  const auto def = s.path() / "default";
  auto r = run(s, "build '" + good.string() + "' -o '" + def.string() + "'");
  CHECK(r.exit_code == 0);
  CHECK(fs::exists(def / "graph.ttl"));
  CHECK(fs::exists(def / "graph.graphml"));
  CHECK(fs::exists(def / "graph.jsonld"));
  CHECK_FALSE(fs::exists(def / "graph.gexf"));
  CHECK(std::distance(fs::directory_iterator(def), fs::directory_iterator()) == 3);  // no temporaries

  const auto all = s.path() / "all";
  r = run(s, "build '" + good.string() + "' -o '" + all.string() +
                 "' --formats ttl,nt,nq,trig,graphml,gexf,jsonld,dot,csv,ttl --actors-only");
  CHECK(r.exit_code == 0);
  for (const char* f : {"graph.ttl", "graph.nt", "graph.nq", "graph.trig", "graph.graphml",
                        "graph.gexf", "graph.jsonld", "graph.dot", "nodes.csv", "edges.csv"}) {
    INFO(f);
    CHECK(fs::exists(all / f));
    CHECK(r.err.find((all / f).string()) != std::string::npos);
  }
  // --actors-only: no concept node in the network formats.
  CHECK(read_file(all / "graph.graphml").find(">Concept<") == std::string::npos);
  CHECK(read_file(all / "graph.graphml").find(">Person<") != std::string::npos);

  auto help = run(s, "build --help");
  CHECK(help.out.find("--actors-only") != std::string::npos);
  CHECK(help.out.find("ttl,graphml,jsonld") != std::string::npos);
  for (const char* f : {"nt:", "nq:", "trig:", "graphml:", "gexf:", "jsonld:", "dot:", "csv:"}) {
    INFO(f);
    CHECK(help.out.find(f) != std::string::npos);
  }
  auto bad = run(s, "build '" + good.string() + "' -o '" + all.string() + "' --formats ttl,svg");
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("unknown format 'svg'") != std::string::npos);
  CHECK(bad.err.find("gexf") != std::string::npos);  // the known formats are listed
}

TEST_CASE("extract --format attributions refuses --lines with a usage error and no output", "[cli][extract]") {
  TempDir s;
  const auto file = s.write("lines.txt", "Putin said the talks went well.\n");
  auto r = run(s, "extract --lines --format attributions '" + file.string() + "'");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--format attributions") != std::string::npos);
  CHECK(r.out.empty());
  // Without --lines the same file gives attributions.
  auto ok = run(s, "extract --format attributions '" + file.string() + "'");
  CHECK(ok.exit_code == 0);
  CHECK(ok.out.find("\"cue\"") != std::string::npos);
}
