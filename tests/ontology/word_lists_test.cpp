// The word lists of ontology/lexicon (kg::ontology::WordLists): the shipped files load, lookups
// and file order, and every malformed line is an error naming file, line and column.
#include "kg/ontology/word_lists.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "kg/core/diagnostics.hpp"
#include "kg/ontology/data_dir.hpp"
#include "support/temp_dir.hpp"

using kg::ontology::WordLists;

namespace {

std::string load_error(const std::filesystem::path& dir) {
  try {
    WordLists::load(dir);
  } catch (const kg::core::Error& e) {
    return e.what();
  }
  return "<no error>";
}

/// The error of loading the shipped lists with `file` replaced by `text`.
std::string load_error(const std::string& file, const std::string& text) {
  kg::test::TempDir dir;
  for (const auto& entry : std::filesystem::directory_iterator(kg::ontology::default_data_dir() / "lexicon"))
    std::filesystem::copy_file(entry.path(), dir.path() / entry.path().filename());
  dir.write(file, text);
  return load_error(dir.path());
}

}  // namespace

TEST_CASE("the shipped word lists load, with values and file order", "[ontology][lexicon]") {
  const auto words = WordLists::load(kg::ontology::default_data_dir() / "lexicon");
  CHECK(words.titles.contains("sen"));
  CHECK_FALSE(words.titles.contains("Sen"));  // lists are lower case; callers fold
  CHECK(words.gender_words.value("spokeswoman") == "female");
  CHECK(words.gender_words.value("spokesman") == "male");
  CHECK(words.gender_words.value("senator").empty());
  CHECK(words.issued_documents.contains("press release"));
  // Sanctions come before force: the first noun found gives the code.
  REQUIRE(words.threat_refinements.size() >= 2);
  CHECK(words.threat_refinements.entries().front() == std::pair<std::string, std::string>{"sanction", "1312"});
  CHECK(words.threat_refinements.value("invasion") == "138");
  CHECK(words.reporting_verbs.contains("tweet"));
  // Abbreviations keep their case and say which kind they are.
  CHECK(words.abbreviations.value("Mr") == "prefix");
  CHECK(words.abbreviations.value("Dec") == "number");
  CHECK(words.abbreviations.value("Inc") == "final");
  CHECK(words.abbreviations.value("mr").empty());
  // Speech triggers of the catalog are not repeated here.
  CHECK_FALSE(words.reporting_verbs.contains("say"));
  // Given names say their gender; names that are also words, places or months are left out.
  CHECK(words.given_names.value("angela") == "female");
  CHECK(words.given_names.value("vladimir") == "male");
  CHECK(words.given_names.value("hillary") == "either");  // in both source lists
  CHECK_FALSE(words.given_names.contains("may"));
  CHECK_FALSE(words.given_names.contains("bill"));
  CHECK_FALSE(words.given_names.contains("georgia"));
  CHECK_FALSE(words.given_names.contains("Angela"));
  CHECK(words.organization_words.contains("department"));
  CHECK_FALSE(words.organization_words.contains("house"));  // Rowan House is a building
  CHECK(words.place_words.contains("river"));
  CHECK_FALSE(words.place_words.contains("state"));  // Islamic State is an organisation
  // State abbreviations are keyed without their final dot and name the state.
  CHECK(words.state_abbreviations.value("n.c") == "north carolina");
  CHECK(words.state_abbreviations.value("va") == "virginia");
  CHECK_FALSE(words.state_abbreviations.contains("del"));  // also a delegate's title
  // Given names that are also words or places are in a list of their own, not in given_names.
  CHECK(words.ambiguous_given_names.value("mark") == "male");
  CHECK(words.ambiguous_given_names.value("charlotte") == "female");
  CHECK_FALSE(words.ambiguous_given_names.contains("may"));  // a month: no name at all
  CHECK_FALSE(words.ambiguous_given_names.contains("dean"));  // a title first
  CHECK_FALSE(words.given_names.contains("mark"));
  CHECK(words.organization_names.value("afl-cio") == "union");
  CHECK(words.organization_names.value("islamic state") == "movement");
}

TEST_CASE("a malformed word list is an error with file, line and column", "[ontology][lexicon]") {
  CHECK_THAT(load_error("titles.tsv", "# comment\nmr\n\nmr\n"),
             Catch::Contains("titles.tsv:4:1: word listed twice") && Catch::Contains("'mr'"));
  CHECK_THAT(load_error("gender_words.tsv", "mrs\tfemale\nmr\tmasculine\n"),
             Catch::Contains("gender_words.tsv:2:4: value must be 'female' or 'male'"));
  CHECK_THAT(load_error("given_names.tsv", "angela\tfemale\nalex\tboth\n"),
             Catch::Contains("given_names.tsv:2:6: value must be 'female', 'male' or 'either'") &&
                 Catch::Contains("'both'"));
  CHECK_THAT(load_error("ambiguous_given_names.tsv", "mark\tmale\nrose\tflower\n"),
             Catch::Contains("ambiguous_given_names.tsv:2:6: value must be 'female', 'male' or 'either'"));
  CHECK_THAT(load_error("place_words.tsv", "river\nriver\n"), Catch::Contains("place_words.tsv:2:1: word listed twice"));
  CHECK_THAT(load_error("organization_words.tsv", "bank\tx\n"),
             Catch::Contains("organization_words.tsv:1:6: this list takes words only"));
  CHECK_THAT(load_error("gender_words.tsv", "mrs\n"), Catch::Contains("gender_words.tsv:1:5: missing value"));
  CHECK_THAT(load_error("state_abbreviations.tsv", "va\tvirginia\nokla\n"),
             Catch::Contains("state_abbreviations.tsv:2:6: missing value"));
  CHECK_THAT(load_error("titles.tsv", "mr\tx\n"),
             Catch::Contains("titles.tsv:1:4: this list takes words only"));
  CHECK_THAT(load_error("titles.tsv", "Mr\n"), Catch::Contains("titles.tsv:1:1: words are lower case"));
  CHECK_THAT(load_error("abbreviations.tsv", "Mr\tprefix\nInc\tsuffix\n"),
             Catch::Contains("abbreviations.tsv:2:5: value must be 'prefix', 'number' or 'final'"));
  // Columns count code points: `é` is one.
  CHECK_THAT(load_error("threat_refinements.tsv", "\u00e9tat\t1\t2\n"),
             Catch::Contains("threat_refinements.tsv:1:6: more than two columns"));
  kg::test::TempDir empty;
  CHECK_THAT(load_error(empty.path()), Catch::Contains("reporting_verbs.tsv: cannot read word list"));
}
