// Proper-name mentions found and typed (extract/src/mentions.cpp) through the whole extraction
// stage: which type a name's mention ends up with. One rule a test case; names chosen so that
// only the rule under test can type them.
#include <catch2/catch.hpp>

#include <string>

#include "kg/extract/extractor.hpp"
#include "support/extraction.hpp"

using namespace kg;

namespace {

/// The type of the first name mention written `text`, or "-" when there is none.
std::string type_of(const std::string& article, const std::string& text) {
  for (const auto& facts : test::extract_text(article, false))
    for (const auto& m : facts.mentions)
      if (m.kind == core::MentionKind::name && m.text == text) return std::string(core::entity_type_name(m.type));
  return "-";
}

}  // namespace

TEST_CASE("a city or US state of lexicon/place_names.tsv is a location", "[extract][mentions]") {
  CHECK(type_of("Protesters gathered in Najaf on Friday.", "Najaf") == "Location");
  CHECK(type_of("The storm moved toward Houston and Omaha.", "Omaha") == "Location");
  // Opening a sentence, where a lone word needs evidence to be a name at all.
  CHECK(type_of("Delaware passed the law on Monday.", "Delaware") == "Location");
  CHECK(test::resources().words().place_names.contains("houston"));
  CHECK_FALSE(test::resources().words().place_names.contains("lincoln"));  // the president first
  CHECK_FALSE(test::resources().words().place_names.contains("mobile"));   // a common word
}

TEST_CASE("a place name is weaker than a given name: the surname stays the person's", "[extract][mentions]") {
  CHECK(type_of("Whitney Houston sang on Monday. Houston smiled at the crowd.", "Houston") == "Person");
}

TEST_CASE("capitals that are English words or shorthand are no organisation; other acronyms are",
          "[extract][mentions]") {
  CHECK(type_of("The staff was VERY slow on Monday.", "VERY") == "Concept");     // an adverb
  CHECK(type_of("Please send the report to me ASAP today.", "ASAP") == "Concept");  // non_name_acronyms.tsv
  CHECK(type_of("The deal was signed, I.E. the firm agreed.", "I.E.") == "Concept");  // two dotted letters
  CHECK(type_of("The report was published by the QXZB on Monday.", "QXZB") == "Organization");
}

TEST_CASE("a person noun that is also an adjective gives no title", "[extract][mentions]") {
  // `black` is a person noun in WordNet, and an adjective: no title, so no person.
  CHECK(type_of("Many black Zorbania voters stayed home.", "Zorbania") != "Person");
  CHECK(type_of("The spokeswoman Zorba Quenx said nothing.", "Zorba Quenx") == "Person");
}

TEST_CASE("a no-break space ends a name like any space", "[extract][mentions]") {
  CHECK(type_of("Oz is smart, Pamela Padilla\xC2\xA0wrote.", "Pamela Padilla") == "Person");
}

TEST_CASE("a sentence-initial word is a name when the article names it elsewhere", "[extract][mentions]") {
  // `Lynch` opening a sentence is a common word unless the article has a name ending in it.
  CHECK(type_of("Loretta E. Lynch spoke on Monday. Lynch said the plan fails.", "Lynch") == "Person");
  CHECK(type_of("Officials spoke on Monday. Lynch mobs were feared.", "Lynch") == "-");
}

TEST_CASE("an organisation word before a name makes it an organisation, no title", "[extract][mentions]") {
  CHECK(type_of("Stan Lee won a court battle with comic book company Marvel.", "Marvel") == "Organization");
}

TEST_CASE("two organisation names joined by and stay two", "[extract][mentions]") {
  const std::string text = "The spam came from Leadplex LLC. and Leadplex Inc on Monday.";
  CHECK(type_of(text, "Leadplex Inc") == "Organization");
  CHECK(type_of(text, "Leadplex LLC. and Leadplex Inc") == "-");
  CHECK(type_of("He sued the Securities and Exchange Commission.", "Securities and Exchange Commission") ==
        "Organization");
}

TEST_CASE("month abbreviations and opening adverbs are no part of a name", "[extract][mentions]") {
  CHECK(type_of("The court ruled on Sept. 12 that the Nov election stands.", "Sept.") == "-");
  CHECK(type_of("The court ruled on Sept. 12 that the Nov election stands.", "Nov") == "-");
  CHECK(type_of("Initially Clinton declined to comment.", "Initially Clinton") == "-");
  CHECK(type_of("Initially Clinton declined to comment.", "Clinton") != "-");
}

TEST_CASE("organisations named without an organisation word: the list and camel-case brands", "[extract][mentions]") {
  CHECK(type_of("The plan was first reported by Reuters on Monday.", "Reuters") == "Organization");  // organization_names.tsv
  CHECK(type_of("The claim was rated false by PolitiFact on Monday.", "PolitiFact") == "Organization");
  // A capital after a surname prefix (surname_prefixes.tsv) is a surname's.
  CHECK(type_of("The claim was rated false by McLenney on Monday.", "McLenney") != "Organization");
}

TEST_CASE("adjectives and titles before a given name and surname are no part of the name", "[extract][mentions]") {
  CHECK(type_of("He attacked Crooked Hillary Clinton again.", "Hillary Clinton") == "Person");
  CHECK(type_of("He attacked Crooked Hillary Clinton again.", "Crooked Hillary Clinton") == "-");
  // A first given name that is also a noun stays: `Mark` is no modifier.
  CHECK(type_of("The spam came from Mark Stephen Trotter on Monday.", "Mark Stephen Trotter") != "-");
}

TEST_CASE("a name that may be a person's is one when a mention of it speaks", "[extract][mentions]") {
  CHECK(type_of("The show made Quenzo Vatrell famous. Vatrell said the show lied.", "Quenzo Vatrell") == "Person");
  CHECK(type_of("The show made Quenzo Vatrell famous. The show lied.", "Quenzo Vatrell") == "Concept");
  // One word that speaks is not enough.
  CHECK(type_of("Markets fell on Monday, Vatrell reports.", "Vatrell") == "Concept");
}

TEST_CASE("in a Title Case headline only words that are no English words make a name", "[extract][mentions]") {
  const std::string headline = "Wealthy Voters Abandon Republican Party for Hillary Clinton.";
  CHECK(type_of(headline, "Hillary Clinton") == "Person");
  CHECK(type_of(headline, "Wealthy Voters Abandon Republican Party") == "-");
  CHECK(type_of(headline, "Voters") == "-");
  // An English word alone is a name where the article names it elsewhere.
  CHECK(type_of("Trump Urges Supporters To Watch Polls. Donald Trump spoke on Monday.", "Trump") == "Person");
}

TEST_CASE("an apposition of age or of a kind of person makes a person", "[extract][mentions]") {
  CHECK(type_of("Zorvan Pakel, 45, was arrested on Monday.", "Zorvan Pakel") == "Person");
  CHECK(type_of("The plan was backed by Zorvan Pakel, the senator from Ohio.", "Zorvan Pakel") == "Person");
  // `maker` is also a firm (WordNet noun.group): no evidence.
  CHECK(type_of("Shares of Quorvex, a maker of widgets, rose.", "Quorvex") == "Concept");
}

TEST_CASE("a pronoun with a clitic is the pronoun, never a name", "[extract][mentions]") {
  CHECK(type_of("\"It never crossed my mind that I'm losing it,\" she said.", "I'm") == "-");
  CHECK(type_of("She'd left early on Monday.", "She'd") == "-");
}

TEST_CASE("an organisation word alone after `the`, and an AP state abbreviation, are typed", "[extract][mentions]") {
  CHECK(type_of("The bill passed in the Senate on Monday.", "Senate") == "Organization");
  CHECK(type_of("The plant in Richmond, Va., closed.", "Va") == "Location");
  CHECK(type_of("The plant in Tulsa, Okla., closed.", "Okla") == "Location");
}

TEST_CASE("a capitalised adjective before a lower-case noun is no name", "[extract][mentions]") {
  CHECK(type_of("The Democratic nominee spoke on Monday.", "Democratic") == "-");
  // A surname met before in a full name stays the name (`Vile` after `William Vile`).
  CHECK(type_of("William Vile wrote the report. Vile said little.", "Vile") == "Person");
}

TEST_CASE("a word of no list before a WordNet surname makes a person", "[extract][mentions]") {
  CHECK(type_of("The plan was praised by Sherrod Brown on Monday.", "Sherrod Brown") == "Person");
  // An English word before it does not (`Fancy Bear` is a hacking group).
  CHECK(type_of("The attack was blamed on Fancy Bear on Monday.", "Fancy Bear") != "Person");
}

TEST_CASE("a given name that is also a word or a place makes a person only before a surname", "[extract][mentions]") {
  CHECK(type_of("The play was written by Charlotte Meehan last year.", "Charlotte Meehan") == "Person");
  CHECK(type_of("The bill was blocked by Rand Paul on Monday.", "Rand Paul") == "Person");
  // Before an English word it names a team, a garden, a place.
  CHECK(type_of("The crowd cheered the Charlotte Panthers on Monday.", "Charlotte Panthers") != "Person");
  // An adverb opening a sentence is no given name.
  CHECK(type_of("Even Clinton agreed on Monday.", "Even Clinton") == "-");
}

TEST_CASE("WordNet's persons give the given names the names list lacks", "[extract][mentions]") {
  CHECK(test::resources().wordnet().is_given_name("Walter"));
  CHECK_FALSE(test::resources().wordnet().is_given_name("Mark"));  // also a common noun
  CHECK_FALSE(test::resources().wordnet().is_given_name("Virginia"));  // also a state: `West Virginia Department`
  CHECK(type_of("He sued the West Virginia Department of Environmental Protection on Monday.",
                "West Virginia Department of Environmental Protection") == "Organization");
  CHECK(type_of("He debated against Walter Mondale in 1984.", "Walter Mondale") == "Person");
}

TEST_CASE("a piece of a longer name joined by of or for is no mention of its own", "[extract][mentions]") {
  CHECK(type_of("The report came from Citizens for Tax Justice on Monday.", "Citizens") == "-");
  CHECK(type_of("The report came from Citizens for Tax Justice on Monday.", "Tax Justice") == "-");
  // A possible person's name keeps its mention (`Stephen` is a given name), and so does a possessive.
  CHECK(type_of("The suit named Mark Stephen Trotter of California.", "Mark Stephen Trotter") != "-");
  CHECK(type_of("Users of Apple's music store must update it.", "Apple") != "-");
  // `for the` after an organisation word joins the name; a verb does not.
  CHECK(type_of("He said the Human Rights Council is the United Nations body for rights.", "Human Rights Council") ==
        "Organization");
  CHECK(type_of("The suit was filed by the Northeast Ohio Coalition for the Homeless on Monday.",
                "Northeast Ohio Coalition for the Homeless") == "Organization");
}

TEST_CASE("English words before a title modify it and are no name", "[extract][mentions]") {
  CHECK(type_of("He sat beside Vice President Joseph R. Biden Jr. on Monday.", "Vice") == "-");
  CHECK(type_of("He sat beside Vice President Joseph R. Biden Jr. on Monday.", "Joseph R. Biden Jr.") == "Person");
  // An organisation or a name before a title stays a name of its own.
  CHECK(type_of("Wells Fargo CEO John Stumpf resigned.", "Wells Fargo") != "-");
}

TEST_CASE("a sentence dense with names and a lower-case verb is no headline", "[extract][mentions]") {
  // As a headline its English words (`Midway`, `Atoll`, `Bay`) would be cut out of the names.
  const std::string text =
      "Julie Hirschfeld Davis reported from Midway Atoll, and Mark Landler and Coral Davenport from Kaneohe Bay, Hawaii.";
  CHECK(type_of(text, "Kaneohe Bay") == "Location");
  CHECK(type_of(text, "Midway Atoll") != "-");
}

TEST_CASE("a name before a comma and a US state is a place", "[extract][mentions]") {
  CHECK(type_of("He made the pledge at a conference in Herndon, Virginia on Monday.", "Herndon") == "Location");
  CHECK(type_of("HEMPSTEAD, N.Y. - The candidate was removed by police.", "HEMPSTEAD") == "Location");
  // Not without a preposition of place: `Kaine, Virginia's senator` is no place.
  CHECK(type_of("The rally was led by Mr. Zorvan, Virginia's new senator.", "Zorvan") != "Location");
}

TEST_CASE("a lone word that speaks and that she was resolved to is a person", "[extract][mentions]") {
  const std::string text =
      "The students met on Monday. McLenney said the plan was vague. \"It is not something that she says,\" she said.";
  CHECK(type_of(text, "McLenney") == "Person");
  // Speaking alone is not enough.
  CHECK(type_of("The students met on Monday. McLenney said the plan was vague.", "McLenney") != "Person");
}

TEST_CASE("a kind of person before a name, or in an apposition without article, makes a person", "[extract][mentions]") {
  // `activist` is also an adjective: no role, but the two-word name after it is a person's.
  CHECK(type_of("His guest, the actress and activist Kamala Lopez, was emotional.", "Kamala Lopez") == "Person");
  CHECK(type_of("Jo-Renee Formicola, political science professor at Seton Hall, disagreed.", "Jo-Renee Formicola") ==
        "Person");
  // The apposition of `X of Nassau, daughter of …` is X's.
  CHECK(type_of("She was the daughter of Princess Marie of Nassau, daughter of William.", "Nassau") != "Person");
  CHECK(type_of("They spoke of the death of Kalief Browder, a young man, in 2015.", "Kalief Browder") == "Person");
  // A plural after the comma is the clause's subject, no apposition.
  CHECK(type_of("In Broward, voters are angry.", "Broward") != "Person");
}
