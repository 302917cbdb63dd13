// Complement clauses of reporting verbs read off the sentence's text (extract/src/reported_clause.cpp)
// through the whole extraction stage: the clause after the verb (from `that`, or right after the
// verb) to the end of the sentence or of the clause becomes the verb's content.
// The articles are ASCII, so that code points are bytes.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "kg/extract/extractor.hpp"
#include "support/extraction.hpp"

using namespace kg;

namespace {

/// The content arguments of the proposition whose predicate is written `cue`, as text.
std::vector<std::string> contents_of(const std::vector<core::SentenceFacts>& facts, const std::string& text,
                                     const std::string& cue) {
  std::vector<std::string> out;
  for (const auto& f : facts)
    for (const auto& p : f.propositions) {
      if (text.substr(p.predicate.span.begin, p.predicate.span.end - p.predicate.span.begin) != cue) continue;
      for (const auto& a : p.arguments)
        if (a.role == core::Role::content) out.push_back(text.substr(a.span.begin, a.span.end - a.span.begin));
    }
  return out;
}

}  // namespace

TEST_CASE("a bare complement clause after said is what was said", "[extract][attribution]") {
  // PolNeAR dev (breitbart 2016-09-30): the parse runs `said ... address` into one verb chain.
  const std::string text = "Palmieri said Clinton will address Trump's comments at an event in Florida later Friday.";
  const auto facts = test::extract_text(text, false);
  CHECK(contents_of(facts, text, "said") ==
        std::vector<std::string>{"Clinton will address Trump's comments at an event in Florida later Friday"});
}

TEST_CASE("a that-clause after the addressee, up to a contrasting clause", "[extract][attribution]") {
  // PolNeAR dev (usa-today): the clause ends before `, but`, which opens a new one.
  const std::string text =
      "Putney later told CNN that the video was not from an angle that would show a gun in his hand, but he "
      "said witnesses saw a gun.";
  const auto facts = test::extract_text(text, false);
  // (The parse also reads the relative clause as a second complement of `told`; that is its own.)
  CHECK_THAT(contents_of(facts, text, "told"),
             Catch::Matchers::VectorContains(
                 std::string("that the video was not from an angle that would show a gun in his hand")));
  CHECK(contents_of(facts, text, "said") == std::vector<std::string>{"witnesses saw a gun"});
}

TEST_CASE("a cognition verb with a that-clause (WordNet frame 26) reports its subject's belief",
          "[extract][attribution]") {
  const std::string text = "Foreign policy analysts believe that geopolitical factors have elevated the country's appeal.";
  const auto facts = test::extract_text(text, false);
  CHECK(contents_of(facts, text, "believe") ==
        std::vector<std::string>{"that geopolitical factors have elevated the country's appeal"});
}

TEST_CASE("no clause is read after a preposition or in one-sentence mode", "[extract][attribution]") {
  const std::string text = "The governor said in a statement on Monday.";
  CHECK(contents_of(test::extract_text(text, false), text, "said").empty());
  const std::string bare = "Palmieri said Clinton will address Trump's comments at an event in Florida later Friday.";
  const auto lines = test::extract_text(bare, true);
  for (const auto& c : contents_of(lines, bare, "said")) CHECK(c != "Clinton will address Trump's comments at an event in Florida later Friday");
}

namespace {

/// The agent of the proposition whose predicate is written `cue`, as text, or `<none>`.
std::string agent_of(const std::vector<core::SentenceFacts>& facts, const std::string& text, const std::string& cue) {
  for (const auto& f : facts)
    for (const auto& p : f.propositions) {
      if (text.substr(p.predicate.span.begin, p.predicate.span.end - p.predicate.span.begin) != cue) continue;
      if (const auto* a = p.first(core::Role::agent)) return text.substr(a->span.begin, a->span.end - a->span.begin);
    }
  return "<none>";
}

/// The sources of the propositions reported by the proposition whose predicate is written `cue`.
std::vector<std::string> sources_under(const std::vector<core::SentenceFacts>& facts, const std::string& text,
                                       const std::string& cue) {
  std::vector<std::string> out;
  for (const auto& f : facts)
    for (const auto& p : f.propositions)
      if (!p.attribution.cue_span.empty() &&
          text.substr(p.attribution.cue_span.begin, p.attribution.cue_span.end - p.attribution.cue_span.begin) == cue)
        out.push_back(p.attribution.source);
  return out;
}

}  // namespace

TEST_CASE("a subject before the reporting verb, where the parse read the verb into the subject",
          "[extract][attribution]") {
  // PolNeAR dev (wash-post 2016-09-19): the parse reads `The mayor also said there` as one phrase.
  const std::string text = "The mayor also said there had been no specific, credible threats against the city.";
  const auto facts = test::extract_text(text, false);
  CHECK(agent_of(facts, text, "also said") == "The mayor");
  CHECK(contents_of(facts, text, "also said") ==
        std::vector<std::string>{"there had been no specific, credible threats against the city"});
}

TEST_CASE("a subject with a relative clause before said, not the clause's subject after it", "[extract][attribution]") {
  // PolNeAR dev (politico 2016-09-14): the parse reads `said Clinton` as an inverted subject.
  const std::string text =
      "Derek Mitchell, who served as U.S. ambassador to Burma from 2012 until earlier this year, said Clinton "
      "reached out to McConnell on Burma during her first year at the State Department.";
  const auto facts = test::extract_text(text, false);
  CHECK(agent_of(facts, text, "said") == "Derek Mitchell");
  CHECK(contents_of(facts, text, "said") ==
        std::vector<std::string>{
            "Clinton reached out to McConnell on Burma during her first year at the State Department"});
  for (const auto& s : sources_under(facts, text, "said")) CHECK(s == "Derek Mitchell");
  // A fronted clause is no subject: `…, said X` after it stays as the parse read it.
  const std::string fronted = "The economy is weak, said the minister on Monday.";
  CHECK(agent_of(test::extract_text(fronted, false), fronted, "said") != "The economy is weak");
}

TEST_CASE("a participle after a comma reports for the clause's subject", "[extract][attribution]") {
  // PolNeAR dev (breitbart 2016-09-30): the parse gives `saying` the noun before it as subject.
  const std::string text =
      "Democratic presidential nominee Hillary Clinton chimed in on Twitter, saying the debate was a disgrace.";
  const auto facts = test::extract_text(text, false);
  CHECK(agent_of(facts, text, "saying") == "Democratic presidential nominee Hillary Clinton");
  CHECK(contents_of(facts, text, "saying") == std::vector<std::string>{"the debate was a disgrace"});
}

TEST_CASE("a verb chain run through said gets a reporting proposition with the whole clause", "[extract][attribution]") {
  // PolNeAR dev (usa-today 2016-09-26): the parse reads `said are` as one chain whose complement
  // is `trying to pressure the moderators`.
  const std::string text = "Trump said Democrats are the ones trying to pressure the moderators.";
  const auto facts = test::extract_text(text, false);
  CHECK(agent_of(facts, text, "said") == "Trump");
  CHECK(contents_of(facts, text, "said") ==
        std::vector<std::string>{"Democrats are the ones trying to pressure the moderators"});
}

TEST_CASE("a one-word name opening the sentence is the subject of a speech verb", "[extract][attribution]") {
  // PolNeAR dev (wash-post 2016-09-08): the parse has no predicate for `said`.
  const std::string text = "Lynch said her colleague had not worked on the case.";
  const auto facts = test::extract_text(text, false);
  CHECK(agent_of(facts, text, "said") == "Lynch");
  CHECK(contents_of(facts, text, "said") == std::vector<std::string>{"her colleague had not worked on the case"});
}
