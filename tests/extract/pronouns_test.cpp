// Third-person pronouns resolved to the article's persons (extract/src/pronouns.cpp) through the
// whole extraction stage: which entity a pronoun's mention ends up with. One rule a test case.
#include <catch2/catch.hpp>

#include <string>

#include "kg/extract/extractor.hpp"
#include "support/extraction.hpp"

using namespace kg;

namespace {

/// The entity of the mention written `text` (the first such mention), or `-` when there is none.
std::string entity_of(const std::string& article, const std::string& text) {
  for (const auto& facts : test::extract_text(article, false))
    for (const auto& m : facts.mentions)
      if (m.text == text) return m.entity.empty() ? "(unresolved)" : m.entity;
  return "-";
}

core::EntityType type_of(const std::string& article, const std::string& text) {
  for (const auto& facts : test::extract_text(article, false))
    for (const auto& m : facts.mentions)
      if (m.text == text) return m.type;
  return core::EntityType::concept_;
}

}  // namespace

TEST_CASE("an object pronoun is not its own clause's subject; a reflexive is", "[extract][pronouns]") {
  CHECK(entity_of("John Smith met Peter Kowalski in Paris. Kowalski thanked him for the visit.", "him") ==
        "John Smith");
  CHECK(entity_of("John Smith met Peter Kowalski in Paris. Kowalski thanked himself for the visit.", "himself") ==
        "Peter Kowalski");
}

TEST_CASE("a subject pronoun prefers the previous subject to the previous object", "[extract][pronouns]") {
  CHECK(entity_of("Mary Jones called Anna Smith on Monday. She said the plan would work.", "She") == "Mary Jones");
}

TEST_CASE("a pronoun in an opening adverbial clause refers to the main clause's subject", "[extract][pronouns]") {
  CHECK(entity_of("When he was a child, Peter Brown lived in Paris.", "he") == "Peter Brown");
}

TEST_CASE("a pronoun does not type the name it resolves to", "[extract][pronouns]") {
  const std::string article = "Zorblat Quenx arrived in Paris on Monday. He left the city on Tuesday.";
  CHECK(entity_of(article, "He") == "Zorblat Quenx");
  CHECK(type_of(article, "Zorblat Quenx") == core::EntityType::concept_);
}

TEST_CASE("an earlier pronoun gives a name without a given name its gender", "[extract][pronouns]") {
  // `She` made Kowalczyk a she, so `He` can only be Nowak, though Kowalczyk is the subject.
  CHECK(entity_of("Kowalczyk opened the meeting in Warsaw. She thanked the staff for their work. "
                  "Kowalczyk later met Nowak at the embassy. He said the talks had gone well.",
                  "He") == "Nowak");
}

TEST_CASE("a common word capitalised inside a sentence may be a surname; after a determiner it is not",
          "[extract][pronouns]") {
  CHECK(entity_of("At the race in Valencia, Button finished third. He called it a good day.", "He") == "Button");
  CHECK(entity_of("At the race in Valencia, the Hulk finished third. He called it a good day.", "He") ==
        "(unresolved)");
}
