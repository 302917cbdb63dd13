// Direct quotations read off an article's text (extract/src/quoted_speech.cpp) through the whole
// extraction stage: the reporting clause becomes a speech proposition whose content is the whole
// quotation (inside its marks, without the comma before the clause), in whichever sentences it lies, and what is said inside is attributed to the speaker.
// The articles are ASCII, so that code points are bytes.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "kg/extract/extractor.hpp"
#include "support/extraction.hpp"

using namespace kg;

namespace {

struct Found {
  const core::Proposition* proposition = nullptr;
  const core::Event* event = nullptr;
};

/// The proposition (and its event) whose predicate is written `cue`.
Found by_cue(const std::vector<core::SentenceFacts>& facts, const std::string& text, const std::string& cue) {
  for (const auto& f : facts)
    for (std::size_t i = 0; i < f.propositions.size(); ++i) {
      const auto& s = f.propositions[i].predicate.span;
      if (text.substr(s.begin, s.end - s.begin) == cue)
        return {&f.propositions[i], i < f.events.size() ? &f.events[i] : nullptr};
    }
  return {};
}

std::vector<std::string> contents(const core::Proposition& p, const std::string& text) {
  std::vector<std::string> out;
  for (const auto& a : p.arguments)
    if (a.role == core::Role::content) out.push_back(text.substr(a.span.begin, a.span.end - a.span.begin));
  return out;
}

std::string agent(const core::Proposition& p, const std::string& text) {
  const auto* a = p.first(core::Role::agent);
  return a == nullptr ? std::string() : text.substr(a->span.begin, a->span.end - a->span.begin);
}

}  // namespace

TEST_CASE("a quotation over several sentences, continued after its reporting clause", "[extract][quotation]") {
  // As in PolNeAR dev (huff-post 2016-09-27): the quotation's first part ends at the clause and
  // goes on in the next sentences.
  const std::string text =
      "\"It is not what worked in 2012. Those are just distractions,\" he said. \"What really works is "
      "a plan for the country. Most people are very upset with the economy.\"";
  const auto facts = test::extract_text(text, false);
  const auto said = by_cue(facts, text, "said");
  REQUIRE(said.proposition != nullptr);
  CHECK(agent(*said.proposition, text) == "he");
  CHECK(contents(*said.proposition, text) ==
        std::vector<std::string>{"It is not what worked in 2012. Those are just distractions",
                                 "What really works is a plan for the country. Most people are very upset with the "
                                 "economy."});
  REQUIRE(said.event != nullptr);
  CHECK(said.event->speech_act);
  // What is said in the other sentences is the speaker's, not the article's.
  const auto worked = by_cue(facts, text, "worked");
  REQUIRE(worked.proposition != nullptr);
  CHECK(worked.proposition->attribution.source == "he");
  CHECK(worked.proposition->attribution.cue == "said");
  CHECK_FALSE(worked.proposition->asserted);
}

TEST_CASE("a leading reporting clause with a titled speaker: the quotation is the content", "[extract][quotation]") {
  const std::string text =
      "Trump campaign spokesman Jason Miller added, \"The Clinton camp has chased after this game. "
      "Mr. Trump has made no bones about it.\"";
  const auto facts = test::extract_text(text, false);
  const auto added = by_cue(facts, text, "added");
  REQUIRE(added.proposition != nullptr);
  CHECK(contents(*added.proposition, text) ==
        std::vector<std::string>{"The Clinton camp has chased after this game. Mr. Trump has made no bones about it."});
  const auto made = by_cue(facts, text, "has made");
  REQUIRE(made.proposition != nullptr);
  REQUIRE(made.event != nullptr);
  REQUIRE(made.event->attributed_to);
  CHECK(made.event->attributed_to->label == "Jason Miller");  // prov:wasAttributedTo in the graph
}

TEST_CASE("a trailing clause with an apposition after the speaker", "[extract][quotation]") {
  const std::string text = "\"We will not let this bill pass the Senate this year,\" McConnell, R-Ky., said on Tuesday.";
  const auto facts = test::extract_text(text, false);
  const auto said = by_cue(facts, text, "said");
  REQUIRE(said.proposition != nullptr);
  CHECK(contents(*said.proposition, text) ==
        std::vector<std::string>{"We will not let this bill pass the Senate this year"});
  REQUIRE(said.proposition->first(core::Role::agent) != nullptr);
  CHECK(said.proposition->first(core::Role::agent)->text == "McConnell");
  CHECK(agent(*said.proposition, text) == "McConnell, R-Ky");  // the span keeps the apposition
}

TEST_CASE("no quoted speech without a reporting verb next to the quotation", "[extract][quotation]") {
  // A clause after the quotation that is not a reporting clause, and a short scare quote.
  const std::string text =
      "\"We are going to win this election in November,\" was the message of the rally. "
      "The senator called the plan a \"complete disaster\" on Monday.";
  const auto facts = test::extract_text(text, false);
  for (const auto& f : facts)
    for (const auto& p : f.propositions) {
      CHECK(p.attribution.source.empty());
      for (const auto& c : contents(p, text)) CHECK(c.find("We are going") == std::string::npos);
    }
}

TEST_CASE("quotations between two apostrophes, as the New York Times writes them", "[extract][quotation]") {
  // As in PolNeAR dev (nyt 2016-09-16): `''` opens and closes the quotation.
  const std::string text =
      "The plan adds new rules for the rich. ''There's a lot of new complexity,'' Mr. Burman said.";
  const auto facts = test::extract_text(text, false);
  const auto said = by_cue(facts, text, "said");
  REQUIRE(said.proposition != nullptr);
  CHECK(agent(*said.proposition, text) == "Mr. Burman");
  CHECK(contents(*said.proposition, text) == std::vector<std::string>{"There's a lot of new complexity"});
}

TEST_CASE("a colon introduces what a transcript's speaker or a reporting clause says, to the line's end",
          "[extract][quotation]") {
  // As in PolNeAR dev (breitbart 2016-09-25, west-journal 2016-09-21): a speaker's label at the
  // start of a line, and a reporting clause ending in a colon, before unquoted words.
  const std::string text =
      "PENCE: Well, look, Hillary Clinton apparently thinks this is an episode of reality television.\n"
      "The governor added: It is typical of her. She knows nothing, but the mouth never stops.\n"
      "Update: The story was changed to add the governor's words.\n";
  const auto facts = test::extract_text(text, false);
  const auto label = by_cue(facts, text, ":");
  REQUIRE(label.proposition != nullptr);
  CHECK(label.proposition->predicate.lemma == "say");
  CHECK(agent(*label.proposition, text) == "PENCE");
  CHECK(contents(*label.proposition, text) ==
        std::vector<std::string>{"Well, look, Hillary Clinton apparently thinks this is an episode of reality television."});
  const auto added = by_cue(facts, text, "added");
  REQUIRE(added.proposition != nullptr);
  CHECK(agent(*added.proposition, text) == "The governor");
  CHECK(contents(*added.proposition, text) ==
        std::vector<std::string>{"It is typical of her. She knows nothing, but the mouth never stops."});
  // An editorial label names no speaker.
  for (const auto& f : facts)
    for (const auto& p : f.propositions) CHECK(agent(p, text) != "Update");
}

TEST_CASE("a quotation signed with a dash and a name is that person's", "[extract][quotation]") {
  // As in PolNeAR dev (huff-post 2016-09-27): readers' quotations, each signed on its line.
  const std::string text =
      "\"Trump must stop portraying Latinos as dangerous gangsters.\" - Carla Sanchez\n"
      "\"The debate was a real fiasco for everyone involved.\" - a long line that is no name at all\n";
  const auto facts = test::extract_text(text, false);
  const auto dash = by_cue(facts, text, "-");
  REQUIRE(dash.proposition != nullptr);
  CHECK(agent(*dash.proposition, text) == "Carla Sanchez");
  CHECK(contents(*dash.proposition, text) ==
        std::vector<std::string>{"Trump must stop portraying Latinos as dangerous gangsters."});
  for (const auto& f : facts)
    for (const auto& p : f.propositions)
      for (const auto& c : contents(p, text)) CHECK(c.find("real fiasco") == std::string::npos);
}

TEST_CASE("a trailing clause whose speaker has a long apposition names the speaker, not the topic",
          "[extract][quotation]") {
  // As in PolNeAR dev (nyt 2016-09-16): the parse takes `Mrs. Clinton's plan` for the speaker.
  const std::string text =
      "''It has the important virtue of being fiscally responsible,'' Leonard E. Burman, director of the centrist "
      "Urban-Brookings Tax Policy Center and a professor at the Maxwell School of Syracuse University, said of "
      "Mrs. Clinton's plan.";
  const auto facts = test::extract_text(text, false);
  const auto said = by_cue(facts, text, "said");
  REQUIRE(said.proposition != nullptr);
  CHECK(agent(*said.proposition, text) == "Leonard E. Burman");
  CHECK(contents(*said.proposition, text) ==
        std::vector<std::string>{"It has the important virtue of being fiscally responsible"});
  for (const auto& f : facts)
    for (const auto& p : f.propositions)
      if (p.attribution.cue == "said") CHECK(p.attribution.source == "Leonard E. Burman");
}

TEST_CASE("a reporting clause ending its line with a colon introduces the next paragraph", "[extract][quotation]") {
  // As in PolNeAR dev (west-journal 2016-09-21).
  const std::string text = "The governor added:\n\nIt is typical of her. She knows nothing, but the mouth never stops.\n";
  const auto facts = test::extract_text(text, false);
  const auto added = by_cue(facts, text, "added");
  REQUIRE(added.proposition != nullptr);
  CHECK(agent(*added.proposition, text) == "The governor");
  CHECK(contents(*added.proposition, text) ==
        std::vector<std::string>{"It is typical of her. She knows nothing, but the mouth never stops."});
}

TEST_CASE("a participle after a comma quotes for its clause's subject", "[extract][quotation]") {
  // As in PolNeAR dev (usa-today 2016-09-20).
  const std::string text =
      "Trump attacked Clinton for her support of military action in Iraq and Libya, saying, \"She is "
      "trigger-happy and very unstable.\"";
  const auto facts = test::extract_text(text, false);
  const auto saying = by_cue(facts, text, "saying");
  REQUIRE(saying.proposition != nullptr);
  CHECK(agent(*saying.proposition, text) == "Trump");
  CHECK(contents(*saying.proposition, text) == std::vector<std::string>{"She is trigger-happy and very unstable."});
}
