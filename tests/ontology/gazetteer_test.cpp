#include "kg/ontology/gazetteer.hpp"

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
using kg::core::EntityType;
using kg::core::Severity;
using kg::core::StreamDiagnostics;
using kg::ontology::Gazetteer;
using kg::ontology::GazetteerEntry;

namespace {

std::vector<fs::path> shipped_files() {
  return kg::ontology::shipped_gazetteer_files(kg::ontology::default_data_dir());
}

const Gazetteer& shipped_gazetteer() {
  static const Gazetteer gazetteer = [] {
    StreamDiagnostics diagnostics(nullptr);
    return Gazetteer::load(shipped_files(), diagnostics);
  }();
  return gazetteer;
}

std::string label_of(const GazetteerEntry* entry) { return entry ? entry->label : "(none)"; }

constexpr const char* prefixes =
    "@prefix kg: <https://w3id.org/kgraph/ns#> .\n"
    "@prefix gaz: <https://w3id.org/kgraph/gazetteer#> .\n"
    "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
    "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
    "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
    "@prefix wd: <http://www.wikidata.org/entity/> .\n";

}  // namespace

TEST_CASE("the shipped gazetteer loads without diagnostics", "[ontology]") {
  StreamDiagnostics diagnostics(nullptr);
  const Gazetteer gazetteer = Gazetteer::load(shipped_files(), diagnostics);
  for (const Diagnostic& d : diagnostics.kept()) INFO(kg::core::format(d));
  CHECK(diagnostics.kept().empty());
  CHECK(gazetteer.size() > 249 + 40);
  std::size_t countries = 0;
  for (const GazetteerEntry& e : gazetteer.entries()) {
    if (e.type == EntityType::country) ++countries;
    if (!e.wikidata.empty()) CHECK(e.wikidata.front() == 'Q');
  }
  CHECK(countries == 248);  // 249 ISO entries, Antarctica is a location
}

TEST_CASE("gazetteer finds people by full name and surname", "[ontology]") {
  const Gazetteer& gazetteer = shipped_gazetteer();
  const GazetteerEntry* putin = gazetteer.find("Putin");
  REQUIRE(putin != nullptr);
  CHECK(gazetteer.find("Vladimir Putin") == putin);
  CHECK(putin->label == "Vladimir Putin");
  CHECK(putin->wikidata == "Q7747");
  CHECK(putin->type == EntityType::person);

  CHECK(label_of(gazetteer.find("Zelensky")) == "Volodymyr Zelenskyy");
  CHECK(label_of(gazetteer.find("Zelenskiy")) == "Volodymyr Zelenskyy");
  CHECK(label_of(gazetteer.find("Joe  Biden")) == "Joe Biden");  // white space runs fold
  CHECK(label_of(gazetteer.find("Peskov")) == "Dmitry Peskov");
  CHECK(gazetteer.find("Peskov")->wikidata.empty());  // no id unless certain
  CHECK(gazetteer.find("Johnson") == nullptr);        // ambiguous surname, not an alias
}

TEST_CASE("gazetteer finds the United States under its news names", "[ontology]") {
  const Gazetteer& gazetteer = shipped_gazetteer();
  for (const char* name : {"U.S.", "US", "USA", "United States", "the United States", "America",
                           "United States of America", "the U.S.", "united states"}) {
    INFO(name);
    const GazetteerEntry* us = gazetteer.find(name);
    REQUIRE(us != nullptr);
    CHECK(us->label == "United States");
    CHECK(us->wikidata == "Q30");
    CHECK(us->type == EntityType::country);
  }
  // Short acronyms match in capitals only: the pronoun is not a country.
  CHECK(gazetteer.find("us") == nullptr);
  CHECK(gazetteer.find("Us") == nullptr);
  CHECK(gazetteer.find("un") == nullptr);
  CHECK(label_of(gazetteer.find("UN")) == "United Nations");
}

TEST_CASE("gazetteer names: case, articles, apostrophes, cleaned noise", "[ontology]") {
  const Gazetteer& gazetteer = shipped_gazetteer();
  CHECK(label_of(gazetteer.find("Britain")) == "United Kingdom");
  CHECK(label_of(gazetteer.find("U.K.")) == "United Kingdom");
  CHECK(label_of(gazetteer.find("Russian Federation")) == "Russia");
  CHECK(label_of(gazetteer.find("the Kremlin")) == "Kremlin");
  CHECK(label_of(gazetteer.find("The Kremlin")) == "Kremlin");
  CHECK(label_of(gazetteer.find("Nato")) == "NATO");
  CHECK(label_of(gazetteer.find("the Netherlands")) == "Netherlands");
  CHECK(label_of(gazetteer.find("Côte d\u2019Ivoire")) == "Ivory Coast");
  CHECK(label_of(gazetteer.find("DRC")) == "Democratic Republic of the Congo");
  CHECK(label_of(gazetteer.find("Iran")) == "Iran");
  CHECK(gazetteer.find("Iran, Isl.Rep.of") == nullptr);
  CHECK(gazetteer.find("Korea, Republic of") == nullptr);
  CHECK(gazetteer.find("island") == nullptr);  // Icelandic "Island" was dropped
  CHECK(gazetteer.find("Moscow") == nullptr);  // a seat, not a name of Russia
  CHECK(gazetteer.find("") == nullptr);
  CHECK(gazetteer.find("Atlantis") == nullptr);
}

TEST_CASE("gazetteer maps demonyms to countries", "[ontology]") {
  const Gazetteer& gazetteer = shipped_gazetteer();
  const GazetteerEntry* russia = gazetteer.country_for_demonym("Russian");
  REQUIRE(russia != nullptr);
  CHECK(russia->label == "Russia");
  CHECK(russia->wikidata == "Q159");
  const GazetteerEntry* ukraine = gazetteer.country_for_demonym("Ukrainian");
  REQUIRE(ukraine != nullptr);
  CHECK(ukraine->label == "Ukraine");
  CHECK(ukraine->wikidata == "Q212");
  CHECK(gazetteer.country_for_demonym("Russians") == russia);
  CHECK(gazetteer.country_for_demonym("russian") == russia);
  CHECK(label_of(gazetteer.country_for_demonym("American")) == "United States");
  CHECK(label_of(gazetteer.country_for_demonym("Dutch")) == "Netherlands");
  CHECK(label_of(gazetteer.country_for_demonym("Swiss")) == "Switzerland");
  CHECK(label_of(gazetteer.country_for_demonym("Bosnian")) == "Bosnia and Herzegovina");
  CHECK(gazetteer.country_for_demonym("Congolese") == nullptr);  // ambiguous
  CHECK(gazetteer.country_for_demonym("Welsh") == nullptr);      // wrong in the seed data
  CHECK(gazetteer.country_for_demonym("Russia") == nullptr);     // a name, not a demonym
}

TEST_CASE("gazetteer maps seats of government to what they stand for", "[ontology]") {
  const Gazetteer& gazetteer = shipped_gazetteer();
  CHECK(label_of(gazetteer.country_for_seat("Washington")) == "United States");
  CHECK(label_of(gazetteer.country_for_seat("Kyiv")) == "Ukraine");
  CHECK(label_of(gazetteer.country_for_seat("Kiev")) == "Ukraine");
  CHECK(label_of(gazetteer.country_for_seat("Moscow")) == "Russia");
  CHECK(label_of(gazetteer.country_for_seat("Beijing")) == "China");
  CHECK(label_of(gazetteer.country_for_seat("The Hague")) == "Netherlands");
  CHECK(label_of(gazetteer.country_for_seat("Brussels")) == "European Union");
  CHECK(gazetteer.country_for_seat("Springfield") == nullptr);
  CHECK(gazetteer.country_for_seat("Russia") == nullptr);
}

TEST_CASE("gazetteer resolves titles held throughout the period", "[ontology]") {
  const Gazetteer& gazetteer = shipped_gazetteer();
  CHECK(label_of(gazetteer.find_by_title("Kremlin spokesman")) == "Dmitry Peskov");
  CHECK(label_of(gazetteer.find_by_title("the Kremlin spokesman")) == "Dmitry Peskov");
  CHECK(label_of(gazetteer.find_by_title("Russian President")) == "Vladimir Putin");
  CHECK(label_of(gazetteer.find_by_title("Russian foreign minister")) == "Sergey Lavrov");
  CHECK(gazetteer.find_by_title("US President") == nullptr);  // three people in 2016-2022
  const GazetteerEntry* peskov = gazetteer.find("Dmitry Peskov");
  REQUIRE(peskov != nullptr);
  CHECK(std::find(peskov->titles.begin(), peskov->titles.end(), "Kremlin spokesman") !=
        peskov->titles.end());
}

TEST_CASE("gazetteer merges user files into shipped entries", "[ontology]") {
  kg::test::TempDir dir;
  const fs::path user = dir.write("user.ttl", std::string(prefixes) +
                                                  "gaz:RU skos:altLabel \"Rossiya\" .\n"
                                                  "gaz:Acme a kg:Organization ;\n"
                                                  "    rdfs:label \"Acme Corp\"@en ;\n"
                                                  "    skos:altLabel \"Acme\", \"Kremlin\" .\n"
                                                  "gaz:Nameless a kg:Person .\n"
                                                  "gaz:Thing rdfs:label \"Thing\" .\n");
  auto files = shipped_files();
  files.push_back(user);
  StreamDiagnostics diagnostics(nullptr);
  const Gazetteer gazetteer = Gazetteer::load(files, diagnostics);

  CHECK(label_of(gazetteer.find("Rossiya")) == "Russia");
  const GazetteerEntry* acme = gazetteer.find("Acme");
  REQUIRE(acme != nullptr);
  CHECK(acme->label == "Acme Corp");
  CHECK(acme->type == EntityType::organization);
  CHECK(label_of(gazetteer.find("Kremlin")) == "Kremlin");  // the first entry keeps a name
  CHECK(gazetteer.find("Thing")->type == EntityType::concept_);

  const auto kept = diagnostics.kept();
  REQUIRE(kept.size() == 3);
  for (const Diagnostic& d : kept) {
    CHECK(d.severity == Severity::warning);
    CHECK(d.where.file == user.string());
  }
  CHECK(kept[0].where.line == 10);
  CHECK_THAT(kept[0].message, Catch::Contains("already names 'Kremlin'"));
  CHECK(kept[0].token == "Kremlin");
  CHECK(kept[1].where.line == 11);
  CHECK_THAT(kept[1].message, Catch::Contains("no rdfs:label"));
  CHECK(kept[2].where.line == 12);
  CHECK_THAT(kept[2].message, Catch::Contains("no entity class"));
}

TEST_CASE("gazetteer syntax errors in any file are reported with positions, then thrown",
          "[ontology]") {
  kg::test::TempDir dir;
  const fs::path bad1 = dir.write("bad1.ttl", std::string(prefixes) +
                                                  "gaz:X a kg:Person ;\n"
                                                  "    rdfs:label \"X\"@en ,, \"Y\" .\n");
  const fs::path good = dir.write("good.ttl", std::string(prefixes) +
                                                  "gaz:Z a kg:Person ; rdfs:label \"Z\" .\n");
  const fs::path bad2 = dir.write("bad2.ttl", std::string(prefixes) +
                                                  "\n"
                                                  "gaz:W a kg:Person ; rdfs:label \"W .\n");
  StreamDiagnostics diagnostics(nullptr);
  std::string message;
  try {
    Gazetteer::load({bad1, good, bad2}, diagnostics);
    FAIL("no exception");
  } catch (const kg::core::Error& e) {
    message = e.what();
  }
  const auto kept = diagnostics.kept();
  REQUIRE(kept.size() >= 2);
  CHECK(kept.front().where.file == bad1.string());
  CHECK(kept.front().where.line == 8);
  CHECK(kept.front().where.column == 24);  // the second comma
  CHECK(kept.back().where.file == bad2.string());
  CHECK(kept.back().where.line == 8);
  CHECK(kept.back().severity == Severity::error);
  CHECK_THAT(message, Catch::StartsWith(bad1.string() + ":8:24: error: invalid Turtle"));
}

TEST_CASE("a missing gazetteer file throws an error naming it", "[ontology]") {
  kg::test::TempDir dir;
  const fs::path missing = dir.path() / "missing.ttl";
  StreamDiagnostics diagnostics(nullptr);
  CHECK_THROWS_WITH(Gazetteer::load({missing}, diagnostics), Catch::Contains(missing.string()));
}

TEST_CASE("countries.ttl is what make_gazetteer.py generates from the seed table",
          "[ontology][generated]") {
  // The seed table lives in the shared data folder, outside the repository.
  fs::path tsv;
  if (const char* shared = std::getenv("KG_SHARED_DIR"); shared != nullptr && *shared != '\0') {
    tsv = fs::path(shared) / "data" / "gazetteer" / "countries.tsv";
  } else {
    tsv = fs::path(KG_SOURCE_DIR) / ".." / "shared" / "data" / "gazetteer" / "countries.tsv";
  }
  if (!fs::exists(tsv)) {
    WARN("seed table not found, not checked: " << tsv.string());
    return;
  }
  kg::test::TempDir dir;
  const fs::path out = dir.path() / "countries.ttl";
  const fs::path script = fs::path(KG_SOURCE_DIR) / "ontology" / "tools" / "make_gazetteer.py";
  const std::string command = "python3 '" + script.string() + "' '" + tsv.string() + "' -o '" +
                              out.string() + "' 2> /dev/null";
  REQUIRE(std::system(command.c_str()) == 0);
  const fs::path shipped = kg::ontology::default_data_dir() / "gazetteer" / "countries.ttl";
  CHECK(kg::test::read_file(out) == kg::test::read_file(shipped));
}

TEST_CASE("gazetteer: people's gender for pronoun agreement", "[ontology]") {
  const Gazetteer& gazetteer = shipped_gazetteer();
  CHECK(gazetteer.find("Putin")->gender == kg::ontology::Gender::male);
  CHECK(gazetteer.find("Maria Zakharova")->gender == kg::ontology::Gender::female);
  CHECK(gazetteer.find("Hillary Clinton")->gender == kg::ontology::Gender::female);
  CHECK(gazetteer.find("Trump")->gender == kg::ontology::Gender::male);
  CHECK(gazetteer.find("Kremlin")->gender == kg::ontology::Gender::unknown);
  for (const GazetteerEntry& e : gazetteer.entries()) {
    INFO(e.label);
    if (e.type == EntityType::person) CHECK(e.gender != kg::ontology::Gender::unknown);
    else CHECK(e.gender == kg::ontology::Gender::unknown);
  }

  kg::test::TempDir dir;
  const fs::path user = dir.write("gender.ttl", std::string(prefixes) +
                                                    "@prefix schema: <http://schema.org/> .\n"
                                                    "gaz:A a kg:Person ; rdfs:label \"Ann Example\" ;\n"
                                                    "    schema:gender schema:Female .\n"
                                                    "gaz:B a kg:Person ; rdfs:label \"Bo Example\" ;\n"
                                                    "    schema:gender \"male\" .\n");
  StreamDiagnostics diagnostics(nullptr);
  const Gazetteer users = Gazetteer::load({user}, diagnostics);
  CHECK(users.find("Ann Example")->gender == kg::ontology::Gender::female);
  CHECK(users.find("Bo Example")->gender == kg::ontology::Gender::unknown);
  const auto kept = diagnostics.kept();
  REQUIRE(kept.size() == 1);
  CHECK(kept[0].where.line == 11);
  CHECK_THAT(kept[0].message, Catch::Contains("schema:gender is schema:Male or schema:Female"));
}

TEST_CASE("gazetteer: US institutions, parties and papers, surnames only where unambiguous", "[ontology]") {
  const Gazetteer& gazetteer = shipped_gazetteer();
  CHECK(label_of(gazetteer.find("F.B.I.")) == "FBI");
  CHECK(gazetteer.find("FBI")->wikidata == "Q8333");
  CHECK(label_of(gazetteer.find("the Justice Department")) == "US Justice Department");
  CHECK(label_of(gazetteer.find("GOP")) == "Republican Party");
  CHECK(label_of(gazetteer.find("New York Times")) == "The New York Times");
  CHECK(label_of(gazetteer.find("The Washington Post")) == "The Washington Post");
  CHECK(label_of(gazetteer.find("Pence")) == "Mike Pence");
  CHECK(gazetteer.find("Pence")->wikidata.empty());  // no id unless certain
  CHECK(gazetteer.find("Bill Clinton")->wikidata == "Q1124");
  CHECK(gazetteer.find("Clinton") == nullptr);  // Bill or Hillary: linked inside a document instead
  CHECK(gazetteer.find("Warren") == nullptr);
  CHECK(label_of(gazetteer.find_by_title("the Russian president")) == "Vladimir Putin");
}
