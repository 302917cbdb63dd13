// Unit tests of attribution (kg/extract/attribution.hpp): which propositions become attributions,
// their spans, quotations taken in whole, nesting and the merge across a document. The
// propositions are written by hand as the extractor gives them for the sentences quoted
// (samples/ and PolNeAR).
#include "kg/extract/attribution.hpp"

#include <catch2/catch.hpp>

#include <rapidjson/document.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "kg/ontology/data_dir.hpp"

#include "support/code_points.hpp"

using kg::core::Role;
using kg::core::Span;
using kg::core::AttributionRecord;

namespace {

/// The shipped word lists (ontology/lexicon), loaded once.
const kg::ontology::WordLists& words() {
  static const auto lists = kg::ontology::WordLists::load(kg::ontology::default_data_dir() / "lexicon");
  return lists;
}

std::vector<AttributionRecord> sentence_attributions(const kg::core::SentenceFacts& facts) {
  return kg::extract::sentence_attributions(facts, words());
}

kg::core::Argument arg(Role role, std::string text, Span span) {
  kg::core::Argument a;
  a.role = role;
  a.text = std::move(text);
  a.span = span;
  return a;
}

kg::core::Proposition prop(std::string lemma, Span predicate, std::vector<kg::core::Argument> args,
                           int content_of = -1) {
  kg::core::Proposition p;
  p.predicate.lemma = std::move(lemma);
  p.predicate.text = p.predicate.lemma;
  p.predicate.span = predicate;
  p.arguments = std::move(args);
  p.content_of = content_of;
  return p;
}

void attribute(kg::core::Proposition& p, std::string source, Span source_span, std::string cue, Span cue_span) {
  p.attribution.source = std::move(source);
  p.attribution.source_span = source_span;
  p.attribution.cue = std::move(cue);
  p.attribution.cue_span = cue_span;
}

kg::core::Event event(bool speech_act, std::string label = {}) {
  kg::core::Event e;
  e.speech_act = speech_act;
  if (!label.empty()) {
    kg::core::RoleFiller agent;
    agent.role = Role::agent;
    agent.entity = kg::core::EntityRef{};
    agent.entity->label = std::move(label);
    e.roles.push_back(agent);
  }
  return e;
}

bool is(const Span& s, std::size_t begin, std::size_t end) { return s.begin == begin && s.end == end; }

}  // namespace

TEST_CASE("a reported clause: source and cue from the extractor's attribution", "[extract][attribution]") {
  // sputniknews: "The White House said that Biden and Putin discussed a set of other issues like
  // strategic stability and ransomware."
  kg::core::SentenceFacts f;
  f.propositions = {prop("say", {16, 20}, {arg(Role::agent, "The White House", {0, 15}),
                                           arg(Role::content, "that Biden and Putin discussed …", {21, 113})}),
                    prop("discuss", {42, 51}, {arg(Role::agent, "Biden and Putin", {26, 41})}, 0)};
  attribute(f.propositions[1], "The White House", {0, 15}, "said", {16, 20});
  f.events = {event(true, "White House"), event(false)};
  f.events[1].attributed_to = kg::core::EntityRef{};
  f.events[1].attributed_to->label = "White House";
  const auto records = sentence_attributions(f);
  REQUIRE(records.size() == 1);
  REQUIRE(records[0].source.size() == 1);
  CHECK(is(records[0].source[0], 0, 15));
  REQUIRE(records[0].cue.size() == 1);
  CHECK(is(records[0].cue[0], 16, 20));
  REQUIRE(records[0].content.size() == 1);
  CHECK(is(records[0].content[0], 21, 113));
  CHECK(records[0].speaker == "White House");
}

TEST_CASE("a quotation split around its cue is one attribution with two content spans", "[extract][attribution]") {
  // "We will respond," he said, "with sanctions."
  kg::core::SentenceFacts f;
  f.propositions = {prop("say", {21, 25}, {arg(Role::agent, "he", {18, 20}),
                                           arg(Role::content, "We will respond", {1, 16}),
                                           arg(Role::content, "with sanctions", {28, 42})})};
  f.events = {event(true)};
  const auto records = sentence_attributions(f);
  REQUIRE(records.size() == 1);
  REQUIRE(records[0].content.size() == 2);
  CHECK(is(records[0].content[0], 1, 16));
  CHECK(is(records[0].content[1], 28, 42));
  REQUIRE(records[0].source.size() == 1);
  CHECK(is(records[0].source[0], 18, 20));  // no reported proposition: the agent is the source
  CHECK(is(records[0].cue[0], 21, 25));
}

TEST_CASE("coordinated speakers of one content give one attribution with both sources", "[extract][attribution]") {
  // Biden and Putin said that talks would continue.  (split into one proposition per speaker)
  kg::core::SentenceFacts f;
  f.propositions = {prop("say", {16, 20}, {arg(Role::agent, "Biden", {0, 5}), arg(Role::content, "…", {21, 47})}),
                    prop("say", {16, 20}, {arg(Role::agent, "Putin", {10, 15}), arg(Role::content, "…", {21, 47})})};
  f.events = {event(true), event(true)};
  const auto records = sentence_attributions(f);
  REQUIRE(records.size() == 1);
  REQUIRE(records[0].source.size() == 2);
  CHECK(is(records[0].source[0], 0, 5));
  CHECK(is(records[0].source[1], 10, 15));
}

TEST_CASE("a speech act with a noun-phrase complement: the complement is the content", "[extract][attribution]") {
  // sputniknews: "... Biden ... calling for de-escalation" -> "Biden called for de-escalation."
  kg::core::SentenceFacts f;
  auto called = arg(Role::other, "de-escalation", {17, 30});
  called.preposition = "for";
  f.propositions = {prop("call", {6, 12}, {arg(Role::agent, "Biden", {0, 5}), called, arg(Role::time, "Tuesday", {31, 38})})};
  f.events = {event(true, "Joe Biden")};
  auto records = sentence_attributions(f);
  REQUIRE(records.size() == 1);
  CHECK(is(records[0].content[0], 17, 30));  // the time is not part of it
  CHECK(records[0].speaker == "Joe Biden");

  SECTION("not for verbs whose content is a clause: `said it` says nothing about what") {
    f.propositions[0].predicate.lemma = "say";
    CHECK(sentence_attributions(f).empty());
  }
  SECTION("not for events that are not speech acts (`Washington is preparing sanctions`)") {
    f.propositions[0].predicate.lemma = "prepare";
    f.events[0].speech_act = false;
    CHECK(sentence_attributions(f).empty());
  }
}

TEST_CASE("verbs of evaluation and evidence: their object is the content, given a subject", "[extract][attribution]") {
  // PolNeAR: "Clinton cited derogatory comments Trump had made about Machado."
  kg::core::SentenceFacts f;
  f.propositions = {prop("cite", {8, 13}, {arg(Role::agent, "Clinton", {0, 7}),
                                           arg(Role::theme, "derogatory comments …", {14, 63})})};
  f.events = {event(false, "Hillary Clinton")};
  auto records = sentence_attributions(f);
  REQUIRE(records.size() == 1);
  CHECK(is(records[0].content[0], 14, 63));
  CHECK(is(records[0].source[0], 0, 7));
  CHECK(records[0].speaker == "Hillary Clinton");
  f.propositions[0].arguments.erase(f.propositions[0].arguments.begin());  // `… was cited`: no one holds it
  CHECK(sentence_attributions(f).empty());
}

TEST_CASE("according to: the proposition itself is the content, its clauses are not repeated", "[extract][attribution]") {
  // sputniknews: "According to the White House, Biden made no concessions regarding Ukraine."
  kg::core::SentenceFacts f;
  f.propositions = {prop("make", {36, 40}, {arg(Role::agent, "Biden", {30, 35}),
                                            arg(Role::theme, "no concessions regarding Ukraine", {41, 73}),
                                            arg(Role::other, "the White House", {13, 28})}),
                    prop("regard", {56, 65}, {arg(Role::agent, "no concessions", {41, 55}),
                                              arg(Role::theme, "Ukraine", {66, 73})})};
  for (auto& p : f.propositions) attribute(p, "the White House", {13, 28}, "According to", {0, 12});
  f.events = {event(false), event(false)};
  const auto records = sentence_attributions(f);
  REQUIRE(records.size() == 1);
  CHECK(is(records[0].content[0], 30, 73));  // the source, read as an argument of `made`, left out
  CHECK(is(records[0].source[0], 13, 28));
  CHECK(is(records[0].cue[0], 0, 12));
}

TEST_CASE("according to: the content is the sentence on the other side of the phrase, once", "[extract][attribution]") {
  // PolNeAR dev (wash-post 2016-09-22): two clauses, each attributed to `police`; one content.
  const std::string text = "According to police, officers saw Scott get out of a car and they ordered him to stop.";
  //                        0         1         2         3         4         5         6         7         8
  //                        0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567
  kg::core::SentenceFacts f;
  f.sentence.text = text;
  f.sentence.chars = {0, text.size()};
  f.propositions = {prop("see", {30, 33}, {arg(Role::agent, "officers", {21, 29}), arg(Role::theme, "Scott", {34, 39})}),
                    prop("order", {66, 73}, {arg(Role::agent, "they", {61, 65}), arg(Role::theme, "him", {74, 77})})};
  for (auto& p : f.propositions) attribute(p, "police", {13, 19}, "According to", {0, 12});
  f.events = {event(false), event(false)};
  const auto records = sentence_attributions(f);
  REQUIRE(records.size() == 1);
  CHECK(kg::test::code_points(text, records[0].content[0].begin, records[0].content[0].end) ==
        "officers saw Scott get out of a car and they ordered him to stop");
  // A trailing phrase: the content is before it.
  const std::string trailing = "Officers saw Scott get out of a car, according to police.";
  kg::core::SentenceFacts t;
  t.sentence.text = trailing;
  t.sentence.chars = {0, trailing.size()};
  t.propositions = {prop("see", {9, 12}, {arg(Role::agent, "Officers", {0, 8}), arg(Role::theme, "Scott", {13, 18})})};
  attribute(t.propositions[0], "police", {50, 56}, "according to", {37, 49});
  t.events = {event(false)};
  const auto trailing_records = sentence_attributions(t);
  REQUIRE(trailing_records.size() == 1);
  CHECK(kg::test::code_points(trailing, trailing_records[0].content[0].begin, trailing_records[0].content[0].end) ==
        "Officers saw Scott get out of a car");
}

TEST_CASE("thoughts and intentions are attributions, other complements are not", "[extract][attribution]") {
  // PolNeAR: "Clinton wants to raise taxes on the wealthy." / "Trump tried to change the subject."
  kg::core::SentenceFacts f;
  f.propositions = {prop("want", {8, 13}, {arg(Role::agent, "Clinton", {0, 7}),
                                           arg(Role::content, "to raise taxes on the wealthy", {14, 43})})};
  f.events = {event(false)};
  CHECK(sentence_attributions(f).size() == 1);
  f.propositions[0].predicate.lemma = "try";
  CHECK(sentence_attributions(f).empty());
}

TEST_CASE("a reporter the extractor marked is an attribution whatever its verb", "[extract][attribution]") {
  // PolNeAR: "Analysts believe that factors have elevated its appeal." The extractor gives what
  // `believe` reports its attribution, with `believe` as the cue.
  kg::core::SentenceFacts f;
  f.propositions = {prop("believe", {9, 16}, {arg(Role::agent, "Analysts", {0, 8}),
                                              arg(Role::content, "that factors have elevated its appeal", {17, 55})}),
                    prop("elevate", {35, 43}, {arg(Role::agent, "factors", {22, 29})}, 0)};
  f.events = {event(false), event(false)};
  f.propositions[0].predicate.lemma = "hold";  // a lemma of no list: the mark alone decides
  CHECK(sentence_attributions(f).empty());
  attribute(f.propositions[1], "Analysts", {0, 8}, "believe", {9, 16});
  const auto records = sentence_attributions(f);
  REQUIRE(records.size() == 1);
  CHECK(is(records[0].content[0], 17, 55));
  CHECK(is(records[0].cue[0], 9, 16));
}

TEST_CASE("a speaker's own hedge inside a quotation is no attribution of its own", "[extract][attribution]") {
  // PolNeAR dev (huff-post): In a Bloomberg interview Trump declared "I think NATO may be obsolete."
  //                          0123456789012345678901234567890123456789012345678901234567890123456789
  kg::core::SentenceFacts f;
  f.propositions = {prop("declare", {32, 40}, {arg(Role::agent, "Trump", {26, 31}),
                                               arg(Role::content, "I think NATO may be obsolete.", {42, 71})}),
                    prop("think", {44, 49}, {arg(Role::agent, "I", {42, 43}),
                                             arg(Role::content, "NATO may be obsolete", {50, 70})}, 0),
                    prop("be", {59, 61}, {arg(Role::agent, "NATO", {50, 54})}, 1)};
  attribute(f.propositions[1], "Trump", {26, 31}, "declared", {32, 40});
  attribute(f.propositions[2], "I", {42, 43}, "think", {44, 49});
  f.events = {event(true), event(true), event(false)};
  const auto records = sentence_attributions(f);
  REQUIRE(records.size() == 1);
  CHECK(is(records[0].cue[0], 32, 40));
  // Not quoted, "I think" is the writer's own attribution.
  f.propositions[1].attribution = {};
  CHECK(sentence_attributions(f).size() == 2);
}

TEST_CASE("a proposition of a quotation whose reporting clause is in another sentence is no attribution of its own",
          "[extract][attribution]") {
  // "It is not what worked in 2012. Those are just distractions," he said.  -- the first sentence:
  // its proposition carries the attribution of `he said` (code points 62-70), which the second
  // sentence reports with the whole quotation as its content.
  kg::core::SentenceFacts f;
  f.sentence.chars = {0, 31};
  f.propositions = {prop("work", {19, 25}, {arg(Role::agent, "what", {14, 18})})};
  attribute(f.propositions[0], "he", {62, 64}, "said", {65, 69});
  f.events = {event(false)};
  CHECK(sentence_attributions(f).empty());
  // The same attribution given within the sentence (`according to him, …`) is one.
  attribute(f.propositions[0], "him", {5, 8}, "according to", {0, 12});
  CHECK(sentence_attributions(f).size() == 1);
}

TEST_CASE("an attribution inside another's content is part of it, not one of its own", "[extract][attribution]") {
  // PolNeAR dev (wash-post 2016-09-08): "Bobby Scott said he plans to ramp up fundraising."
  //                                      0         1         2         3         4
  //                                      0123456789012345678901234567890123456789012345678
  auto record = [](Span source, Span cue, std::vector<Span> content) {
    AttributionRecord r;
    r.source = {source};
    r.cue = {cue};
    r.content = std::move(content);
    return r;
  };
  const std::vector<AttributionRecord> records = {
      record({0, 11}, {12, 16}, {{17, 47}}),   // Bobby Scott said [he plans to ramp up fundraising]
      record({17, 19}, {20, 25}, {{26, 47}}),  // he plans [to ramp up fundraising]
      record({0, 11}, {12, 16}, {{17, 47}}),   // the same extent again: not nested
      record({48, 50}, {51, 55}, {{56, 60}})}; // elsewhere
  CHECK(kg::extract::nested_attributions(records) == std::vector<bool>{false, true, false, false});
  // A content that covers another's content but not its cue (`"…," she said` beside `He said "…"`).
  const std::vector<AttributionRecord> apart = {record({0, 2}, {3, 7}, {{8, 30}}), record({31, 34}, {35, 39}, {{10, 20}})};
  CHECK(kg::extract::nested_attributions(apart) == std::vector<bool>{false, false});
}

TEST_CASE("a relative pronoun as the reporting clause's subject is part of the source", "[extract][attribution]") {
  // PolNeAR dev (nyt 2016-09-12): "… by the AP, which first reported the deal."
  kg::core::SentenceFacts f;
  f.sentence.text = "the AP, which first reported the deal.";
  f.sentence.chars = {0, 38};
  f.propositions = {prop("report", {20, 28}, {arg(Role::agent, "the AP", {0, 6}), arg(Role::theme, "the deal", {29, 37})})};
  f.events = {event(true, "Associated Press")};
  const auto records = sentence_attributions(f);
  REQUIRE(records.size() == 1);
  REQUIRE(records[0].source.size() == 2);
  CHECK(is(records[0].source[0], 0, 6));
  CHECK(is(records[0].source[1], 8, 13));
}

TEST_CASE("a content that takes in part of a quotation takes in all of it", "[extract][attribution]") {
  // PolNeAR dev: she said "If he is asked questions he is unable to answer, he would try to deflect them"
  //              0         1         2         3         4         5         6         7         8
  //              0123456789012345678901234567890123456789012345678901234567890123456789012345678901
  const std::vector<Span> quotations = {{9, 82}};
  AttributionRecord r;
  r.source = {{0, 3}};
  r.cue = {{4, 8}};
  r.content = {{61, 81}, {37, 50}};  // two fragments, out of order
  kg::extract::extend_to_quotations(r, quotations);
  REQUIRE(r.content.size() == 1);
  CHECK(is(r.content[0], 9, 82));
  // Not when the quotation holds the cue: a verb inside it reports part of it.
  AttributionRecord inner;
  inner.cue = {{40, 45}};
  inner.content = {{46, 60}};
  kg::extract::extend_to_quotations(inner, quotations);
  CHECK(is(inner.content[0], 46, 60));
}

TEST_CASE("a document's attributions: one per content and one per cue", "[extract][attribution]") {
  // "Trump attacked Clinton for her support of military action in Iraq and Libya."  (one sentence,
  // the objects split by the propositions).
  const std::string text = "Trump attacked Clinton for her support of military action in Iraq and Libya.";
  kg::core::Document d;
  d.id = "doc";
  d.text = text;
  kg::core::SentenceFacts f;
  f.sentence.index = 3;
  f.sentence.text = text;
  f.sentence.chars = {0, text.size()};
  f.propositions = {prop("attack", {6, 14}, {arg(Role::agent, "Trump", {0, 5}), arg(Role::theme, "Clinton", {15, 65})}),
                    prop("attack", {6, 14}, {arg(Role::agent, "Trump", {0, 5}), arg(Role::theme, "Libya", {70, 75})})};
  f.events = {event(false, "Donald Trump"), event(false, "Donald Trump")};
  const auto records = kg::extract::document_attributions(d, {f}, words());
  REQUIRE(records.size() == 1);  // one attribution: one cue
  REQUIRE(records[0].content.size() == 2);
  CHECK(is(records[0].content[0], 15, 65));
  CHECK(is(records[0].content[1], 70, 75));
  CHECK(is(records[0].cue[0], 6, 14));
  CHECK(records[0].speaker == "Donald Trump");
  CHECK(records[0].sentence == 3);
}

TEST_CASE("a document's attributions: nested ones left out, quotations taken whole", "[extract][attribution]") {
  // Biden said "we plan to respond" yesterday.  -- `plan` lies in Biden's content; the parse cut
  // the quotation at `we plan`.
  const std::string text = "Biden said \"we plan to respond\" yesterday.";
  kg::core::Document d;
  d.id = "doc";
  d.text = text;
  kg::core::SentenceFacts f;
  f.sentence.text = text;
  f.sentence.chars = {0, text.size()};
  f.propositions = {prop("say", {6, 10}, {arg(Role::agent, "Biden", {0, 5}), arg(Role::content, "we plan", {12, 19})}),
                    prop("plan", {15, 19}, {arg(Role::agent, "we", {12, 14}), arg(Role::content, "to respond", {20, 30})}, 0)};
  attribute(f.propositions[1], "Biden", {0, 5}, "said", {6, 10});
  f.events = {event(true, "Joe Biden"), event(false)};
  f.events[1].attributed_to = kg::core::EntityRef{};
  f.events[1].attributed_to->label = "Joe Biden";  // the speaker comes from the reported event
  const auto records = kg::extract::document_attributions(d, {f}, words());
  REQUIRE(records.size() == 1);
  REQUIRE(records[0].content.size() == 1);
  CHECK(is(records[0].content[0], 12, 30));  // the whole quotation, not the parse's `we plan`
  CHECK(records[0].speaker == "Joe Biden");
}
