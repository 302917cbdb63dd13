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

TEST_CASE("a pronoun in an opening phrase of a complex preposition or a participle refers forward",
          "[extract][pronouns]") {
  CHECK(entity_of("Throughout her career, Mary Jones worked in Paris.", "her") == "Mary Jones");
  CHECK(entity_of("Recovering from his injury, Peter Brown returned to the team.", "his") == "Peter Brown");
}

TEST_CASE("cataphora reaches the head of the main clause's subject past its modifiers", "[extract][pronouns]") {
  CHECK(entity_of("When he was 14, the young soldier Peter Brown met Anna Smith.", "he") == "Peter Brown");
}

TEST_CASE("a possessive name does not head its clause's subject", "[extract][pronouns]") {
  // The subject is `brother`, so `his` is not bound to Brown as its clause's subject.
  CHECK(entity_of("Peter Brown's brother John Smith lost his job.", "his") == "John Smith");
}

TEST_CASE("a possessive pronoun prefers the nearest agreeing name of its sentence", "[extract][pronouns]") {
  CHECK(entity_of("Mary Jones was the producer for Anna Smith when her show was broadcast from Utah.", "her") ==
        "Anna Smith");
}

TEST_CASE("an untyped name with a thing's word in it, or a quoted title, is no he or she", "[extract][pronouns]") {
  CHECK(entity_of("The University of Zorblat opened in 1990. He said it was good.", "He") == "(unresolved)");
  CHECK(entity_of("The band released ``Zorblat Quenx'' in May. She sang on it.", "She") == "(unresolved)");
}

TEST_CASE("a subject pronoun opening its sentence continues the previous main clause's subject",
          "[extract][pronouns]") {
  // Anna Smith heads the subject of the opening clause only; Mary Jones heads the main clause's.
  CHECK(entity_of("After Anna Smith left the company, Mary Jones hired Kate Brown. She said the plan would work.",
                  "She") == "Mary Jones");
  // A possessive outside the subject too.
  CHECK(entity_of("After Anna Smith left the company, Mary Jones hired Kate Brown. In May the board praised her work.",
                  "her") == "Mary Jones");
  // A sentence that names no one in between: the centre is the one before it.
  CHECK(entity_of("After Anna Smith left the company, Mary Jones hired Kate Brown. The weather was cold. She said "
                  "the plan would work.",
                  "She") == "Mary Jones");
}

TEST_CASE("a name in parentheses right after a name is no antecedent", "[extract][pronouns]") {
  // `Aria (Lucy Hale)`: the actor in parentheses is not who `her` speaks of.
  const std::string text = "Spencer confronts Aria (Lucy Hale) about her secret.";
  bool resolved = false;
  for (const auto& facts : test::extract_text(text, false))
    for (const auto& m : facts.mentions)
      if (m.kind == core::MentionKind::pronoun && m.text == "her") {
        resolved = true;
        CHECK(m.entity != "Lucy Hale");
      }
  CHECK(resolved);
}
