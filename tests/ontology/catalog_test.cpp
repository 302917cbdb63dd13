#include "kg/ontology/catalog.hpp"

#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "kg/core/diagnostics.hpp"
#include "kg/ontology/data_dir.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using kg::core::Diagnostic;
using kg::core::Severity;
using kg::core::StreamDiagnostics;
using kg::ontology::RelationCatalog;
using kg::ontology::RelationInfo;

namespace {

const RelationCatalog& shipped_catalog() {
  static const RelationCatalog catalog = [] {
    StreamDiagnostics diagnostics(nullptr);
    return RelationCatalog::load(kg::ontology::catalog_file(kg::ontology::default_data_dir()),
                                 diagnostics);
  }();
  return catalog;
}

std::string name_of(const RelationInfo* info) { return info ? info->name : "(none)"; }

/// Exit status of a shell command (127 when the tool is missing).
int run(const std::string& command) {
  const int status = std::system(command.c_str());
  if (status == -1 || !WIFEXITED(status)) return -1;
  return WEXITSTATUS(status);
}

constexpr const char* prefixes =
    "@prefix kg: <https://w3id.org/kgraph/ns#> .\n"
    "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n";

}  // namespace

TEST_CASE("the shipped catalog loads without diagnostics", "[ontology]") {
  StreamDiagnostics diagnostics(nullptr);
  const auto catalog = RelationCatalog::load(
      kg::ontology::catalog_file(kg::ontology::default_data_dir()), diagnostics);
  for (const Diagnostic& d : diagnostics.kept()) INFO(kg::core::format(d));
  CHECK(diagnostics.kept().empty());
  CHECK(catalog.relations().size() >= 22);
  for (const RelationInfo& r : catalog.relations()) {
    INFO(r.name);
    CHECK_FALSE(r.label.empty());
    if (&r != catalog.fallback()) {
      CHECK_FALSE(r.triggers.empty());
      REQUIRE(r.cameo.size() >= 2);
      CHECK(r.cameo.find_first_not_of("0123456789") == std::string::npos);
    }
  }
}

TEST_CASE("catalog maps lemmas and particles to relations", "[ontology]") {
  const RelationCatalog& catalog = shipped_catalog();

  SECTION("ask for -> request") {
    const RelationInfo* r = catalog.find("ask", "for");
    REQUIRE(r != nullptr);
    CHECK(r->name == "request");
    CHECK(r->cameo == "020");
    CHECK(r->speech);
    CHECK(name_of(catalog.find("ask")) == "request");
    CHECK(name_of(catalog.find("ask", "about")) == "request");  // falls back to the lemma
  }
  SECTION("urge and call for") {
    const RelationInfo* urge = catalog.find("urge");
    REQUIRE(urge != nullptr);
    CHECK(urge->name == "urge");
    CHECK(urge->cameo == "020");
    CHECK(name_of(catalog.find("call", "for")) == "call_for");
    CHECK(name_of(catalog.find("call", "on")) == "urge");
  }
  SECTION("threaten and warn -> threaten") {
    for (const char* lemma : {"threaten", "warn"}) {
      const RelationInfo* r = catalog.find(lemma);
      REQUIRE(r != nullptr);
      CHECK(r->name == "threaten");
      CHECK(r->cameo == "130");
    }
    CHECK(name_of(catalog.find("prepare", "sanctions")) == "threaten");
  }
  SECTION("say is a speech relation") {
    const RelationInfo* r = catalog.find("say");
    REQUIRE(r != nullptr);
    CHECK(r->name == "say");
    CHECK(r->cameo == "010");
    CHECK(r->speech);
    CHECK(catalog.find("  Say ") == r);  // case and white space do not matter
  }
  SECTION("the particle or object head changes the relation") {
    CHECK(name_of(catalog.find("hold", "talks")) == "meet");
    CHECK(name_of(catalog.find("strike", "deal")) == "agree");
    CHECK(name_of(catalog.find("strike")) == "attack");
    CHECK(name_of(catalog.find("insist", "on")) == "demand");
    CHECK(name_of(catalog.find("insist")) == "say");
    CHECK(name_of(catalog.find("reject", "claims")) == "deny");
    CHECK(name_of(catalog.find("reject")) == "reject");
    CHECK(name_of(catalog.find("impose", "sanctions")) == "sanction");
  }
  SECTION("news verbs beyond the core table") {
    CHECK(catalog.find("condemn")->cameo == "111");
    CHECK(catalog.find("blame")->name == "accuse");
    CHECK(catalog.find("praise")->name == "support");
    CHECK(catalog.find("visit")->cameo == "042");
    CHECK(catalog.find("pledge")->name == "promise");
    CHECK(catalog.find("announce")->name == "say");
    CHECK(catalog.find("invade")->name == "invade");
  }
  SECTION("non-speech relations") {
    CHECK_FALSE(catalog.find("meet")->speech);
    CHECK_FALSE(catalog.find("attack")->speech);
  }
  SECTION("unknown lemmas") {
    CHECK(catalog.find("frobnicate") == nullptr);
    CHECK(catalog.find("expand", "into") == nullptr);
    CHECK(catalog.find("") == nullptr);
    CHECK(catalog.find("   ") == nullptr);
  }
}

TEST_CASE("catalog relations by name and the fallback", "[ontology]") {
  const RelationCatalog& catalog = shipped_catalog();
  const RelationInfo* call_for = catalog.by_name("call_for");
  REQUIRE(call_for != nullptr);
  CHECK(call_for->label == "call for");
  CHECK(catalog.by_name("deny")->cameo == "016");
  CHECK(catalog.by_name("no_such_relation") == nullptr);
  CHECK(catalog.by_name("Call_For") == nullptr);  // names are exact

  const RelationInfo* fallback = catalog.fallback();
  REQUIRE(fallback != nullptr);
  CHECK(fallback->name == "act");
  CHECK(fallback->cameo.empty());
  CHECK(catalog.by_name("act") == fallback);
}

TEST_CASE("kgraph.ttl declares every catalog relation with the same label, type and CAMEO code",
          "[ontology]") {
  // The vocabulary repeats the catalog's relations (label, speech type, CAMEO code) for SPARQL
  // users who load only kgraph.ttl; reading it as a catalog shows whether the two agree.
  StreamDiagnostics diagnostics(nullptr);
  const auto vocabulary = RelationCatalog::load(
      kg::ontology::vocabulary_file(kg::ontology::default_data_dir()), diagnostics);
  for (const Diagnostic& d : diagnostics.kept()) INFO(kg::core::format(d));
  CHECK(diagnostics.kept().empty());

  const RelationCatalog& catalog = shipped_catalog();
  REQUIRE(vocabulary.relations().size() == catalog.relations().size());
  for (const RelationInfo& r : catalog.relations()) {
    INFO(r.name);
    const RelationInfo* v = vocabulary.by_name(r.name);
    REQUIRE(v != nullptr);
    CHECK(v->label == r.label);
    CHECK(v->cameo == r.cameo);
    CHECK(v->speech == r.speech);
  }
  REQUIRE(vocabulary.fallback() != nullptr);
  CHECK(vocabulary.fallback()->name == catalog.fallback()->name);
}

TEST_CASE("catalog syntax errors are reported with file:line:col and throw", "[ontology]") {
  kg::test::TempDir dir;
  const fs::path file = dir.write("bad.ttl", std::string(prefixes) +
                                                 "kg:say a kg:SpeechRelation ;\n"
                                                 "    rdfs:label \"say\"@en\n"
                                                 "    kg:cameo \"010\" .\n");
  StreamDiagnostics diagnostics(nullptr);
  std::string message;
  try {
    RelationCatalog::load(file, diagnostics);
  } catch (const kg::core::Error& e) {
    message = e.what();
  }
  const auto kept = diagnostics.kept();
  REQUIRE(kept.size() == 1);
  CHECK(kept[0].severity == Severity::error);
  CHECK(kept[0].where.file == file.string());
  CHECK(kept[0].where.line == 5);
  CHECK(kept[0].where.column == 5);
  CHECK_THAT(kept[0].message, Catch::Contains("missing ';' or '.'"));
  CHECK(kept[0].token == "kg:cameo \"010\" .");
  CHECK_THAT(message, Catch::Contains(file.string() + ":5:5: error:"));
}

TEST_CASE("catalog reports undefined prefixes where they are written", "[ontology]") {
  kg::test::TempDir dir;
  const fs::path file = dir.write("prefix.ttl", std::string(prefixes) +
                                                    "kg:say a kg:SpeechRelation ;\n"
                                                    "  rdfs:label \"say\"@en ; ex:note \"x\" .\n");
  StreamDiagnostics diagnostics(nullptr);
  CHECK_THROWS_AS(RelationCatalog::load(file, diagnostics), kg::core::Error);
  const auto kept = diagnostics.kept();
  REQUIRE(kept.size() == 1);
  CHECK(kept[0].where.line == 4);
  CHECK(kept[0].where.column == 25);
  CHECK(kept[0].message == "undefined prefix 'ex:'");
}

TEST_CASE("a missing catalog file throws an error naming it", "[ontology]") {
  kg::test::TempDir dir;
  StreamDiagnostics diagnostics(nullptr);
  const fs::path missing = fs::path("no") / "such" / "catalog.ttl";
  try {
    RelationCatalog::load(missing, diagnostics);
    FAIL("no exception");
  } catch (const kg::core::Error& e) {
    CHECK_THAT(e.what(), Catch::Contains(missing.string()));
    CHECK(e.exit_code() == 2);
  }
  CHECK(diagnostics.kept().empty());
}

TEST_CASE("catalog content problems are warnings with positions", "[ontology]") {
  kg::test::TempDir dir;
  const fs::path file = dir.write("content.ttl", std::string(prefixes) +
                                                     "kg:say a kg:SpeechRelation ;\n"
                                                     "    rdfs:label \"say\"@en ;\n"
                                                     "    kg:cameo \"10a\" ;\n"
                                                     "    kg:trigger \"say\", \"Point  OUT\" .\n"
                                                     "kg:tell a kg:Relation ;\n"
                                                     "    kg:cameo \"010\" ;\n"
                                                     "    kg:trigger \"say\", \"tell!\" .\n");
  StreamDiagnostics diagnostics(nullptr);
  const auto catalog = RelationCatalog::load(file, diagnostics);
  const auto kept = diagnostics.kept();
  REQUIRE(kept.size() == 4);
  for (const Diagnostic& d : kept) CHECK(d.severity == Severity::warning);
  CHECK(kept[0].where.line == 5);  // bad CAMEO code
  CHECK(kept[0].token == "10a");
  CHECK(kept[1].where.line == 9);  // "say" already selects kg:say
  CHECK_THAT(kept[1].message, Catch::Contains("already selects relation 'say'"));
  CHECK(kept[2].where.line == 9);  // not a pattern
  CHECK(kept[2].token == "tell!");
  CHECK_THAT(kept[3].message, Catch::Contains("'tell' has no rdfs:label"));
  CHECK(kept[3].where.line == 7);

  CHECK(catalog.by_name("say")->cameo.empty());
  CHECK(name_of(catalog.find("point", "out")) == "say");
  CHECK(name_of(catalog.find("say")) == "say");
  CHECK(catalog.by_name("tell")->label == "tell");
  CHECK(catalog.fallback() == nullptr);
}

TEST_CASE("a catalog without relations is an error", "[ontology]") {
  kg::test::TempDir dir;
  const fs::path file = dir.write("empty.ttl", std::string(prefixes));
  StreamDiagnostics diagnostics(nullptr);
  CHECK_THROWS_WITH(RelationCatalog::load(file, diagnostics), Catch::Contains("defines no relation"));
}

TEST_CASE("every shipped Turtle file parses with serdi and rapper", "[ontology][conformance]") {
  // Independent parsers: if these tools are missing the test fails rather than passing quietly.
  REQUIRE(run("command -v serdi > /dev/null") == 0);
  REQUIRE(run("command -v rapper > /dev/null") == 0);
  const fs::path dir = kg::ontology::default_data_dir();
  for (const char* name :
       {"kgraph.ttl", "catalog.ttl", "gazetteer/countries.ttl", "gazetteer/actors.ttl"}) {
    const fs::path file = dir / name;
    INFO(file.string());
    REQUIRE(fs::exists(file));
    CHECK(run("serdi -i turtle '" + file.string() + "' > /dev/null") == 0);
    CHECK(run("rapper -q -i turtle -c '" + file.string() + "' > /dev/null 2>&1") == 0);
  }
}

TEST_CASE("KG_DATA_DIR overrides the compiled-in data folder", "[ontology]") {
  const char* old = std::getenv("KG_DATA_DIR");
  const std::string saved = old ? old : "";
  const fs::path compiled = [] {
    ::unsetenv("KG_DATA_DIR");
    return kg::ontology::default_data_dir();
  }();
  CHECK(fs::exists(kg::ontology::catalog_file(compiled)));
  ::setenv("KG_DATA_DIR", "/opt/kgraph-data", 1);
  CHECK(kg::ontology::default_data_dir() == fs::path("/opt/kgraph-data"));
  ::setenv("KG_DATA_DIR", "", 1);  // empty means unset
  CHECK(kg::ontology::default_data_dir() == compiled);
  if (old) {
    ::setenv("KG_DATA_DIR", saved.c_str(), 1);
  } else {
    ::unsetenv("KG_DATA_DIR");
  }
  const auto files = kg::ontology::shipped_gazetteer_files(compiled);
  REQUIRE(files.size() == 2);
  CHECK(files[0].filename() == "countries.ttl");
  CHECK(files[1].filename() == "actors.ttl");
}
