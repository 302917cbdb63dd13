// Entities and their roles through the whole extraction stage (parse, propositions, normalisation,
// document-level resolution) on real sentences: the two sample articles (samples/) and, for
// pronoun gender and short names, PolNeAR dev articles (../shared/data/polnear-dev). One rule a
// test case: which entity a mention, as written in the article, ends up as; then how propositions
// become events (coordinated participants, relations chosen by a preposition or a stance noun,
// documents speaking for their issuer, CAMEO codes refined by what is threatened).
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "kg/extract/extractor.hpp"
#include "support/extraction.hpp"

using namespace kg;

namespace {

using test::resources;

/// One mention: the document's text at the entity's span, and the entity it was resolved to.
struct Resolved {
  std::string label;
  core::EntityType type = core::EntityType::concept_;
  std::string wikidata;
};

/// All events of one article (ASCII, so that code points are bytes).
std::vector<core::Event> events_of(const std::string& text) {
  std::vector<core::Event> out;
  for (auto& facts : test::extract_text(text, false))
    for (auto& e : facts.events) out.push_back(std::move(e));
  return out;
}

/// Every entity of every event of `text`, keyed by the text at its span: role fillers and
/// attribution sources alike.
std::multimap<std::string, Resolved> entities_of(const std::string& text) {
  std::multimap<std::string, Resolved> out;
  auto add = [&](const core::EntityRef& e) {
    REQUIRE(e.span.end <= text.size());
    out.emplace(text.substr(e.span.begin, e.span.end - e.span.begin), Resolved{e.label, e.type, e.wikidata});
  };
  for (const auto& event : events_of(text)) {
    for (const auto& role : event.roles)
      if (role.entity) add(*role.entity);
    if (event.attributed_to) add(*event.attributed_to);
  }
  return out;
}

const core::Event* with_relation(const std::vector<core::Event>& events, const std::string& relation) {
  for (const auto& e : events)
    if (e.relation == relation) return &e;
  return nullptr;
}

/// The labels of the entities filling `role` in `e`, in order.
std::vector<std::string> role_labels(const core::Event& e, core::Role role) {
  std::vector<std::string> out;
  for (const auto& r : e.roles)
    if (r.role == role && r.entity) out.push_back(r.entity->label);
  return out;
}

bool has(const std::vector<std::string>& labels, const std::string& label) {
  return std::find(labels.begin(), labels.end(), label) != labels.end();
}

/// Whether a span's text is the mention, or starts with it as a phrase: the parser sometimes
/// stretches an argument over the clause after it (`the Russian president highlighted that …`).
bool is_mention(const std::string& text, const std::string& mention) {
  return text == mention || text.rfind(mention + " ", 0) == 0;
}

/// The labels the mention written `mention` was resolved to (usually one).
std::vector<std::string> labels(const std::multimap<std::string, Resolved>& entities, const std::string& mention) {
  std::vector<std::string> out;
  for (const auto& [text, resolved] : entities)
    if (is_mention(text, mention)) out.push_back(resolved.label);
  return out;
}

/// The first entity resolved for `mention` (see is_mention()), or nullptr.
const Resolved* first(const std::multimap<std::string, Resolved>& entities, const std::string& mention) {
  for (const auto& [text, resolved] : entities)
    if (is_mention(text, mention)) return &resolved;
  return nullptr;
}

bool all_are(const std::vector<std::string>& found, const std::string& label) {
  return !found.empty() && std::all_of(found.begin(), found.end(), [&](const std::string& l) { return l == label; });
}

}  // namespace

TEST_CASE("Vladimir Putin, Putin, Russian President Vladimir Putin and the Russian president are one entity",
          "[extract][entity]") {
  // sputniknews (samples/000_8af6a78b48b1a17d.txt)
  const auto e = entities_of(
      "Russian President Vladimir Putin and his US counterpart Joe Biden have finalised their video call.\n"
      "Putin said that NATO was making dangerous attempts to conquer Ukrainian territory and was building up "
      "its military potential at Russian borders. Moreover, the Russian president highlighted that Moscow was "
      "interested in obtaining reliable, legally fixed guarantees that NATO would not expand eastward.");
  CHECK(all_are(labels(e, "Russian President Vladimir Putin"), "Vladimir Putin"));
  CHECK(all_are(labels(e, "Putin"), "Vladimir Putin"));
  CHECK(all_are(labels(e, "the Russian president"), "Vladimir Putin"));
  const auto* president = first(e, "the Russian president");
  REQUIRE(president != nullptr);
  CHECK(president->type == core::EntityType::person);
  CHECK(president->wikidata == "Q7747");
}

TEST_CASE("a title in a statement of what someone is stays a role", "[extract][entity]") {
  // en.ce.cn: the title facts (Vladimir Putin is Russian President) must not become Putin is Putin.
  const auto e = entities_of(
      "U.S. President Joe Biden and Russian President Vladimir Putin Tuesday held a video call on a range of "
      "bilateral issues as well as the Ukrainian crisis and the Iran nuclear deal.");
  const auto [from, to] = e.equal_range("Russian President");  // the title fact's theme
  REQUIRE(from != to);
  // A description, no name: in lower case but for the demonym.
  for (auto it = from; it != to; ++it) CHECK(it->second.label == "Russian president");
  CHECK(all_are(labels(e, "Russian President Vladimir Putin"), "Vladimir Putin"));
}

TEST_CASE("the NATO alliance is NATO", "[extract][entity]") {
  // sputniknews
  const auto e = entities_of(
      "With the western countries voicing their concerns that Russia has been \"amassing troops\" close to the "
      "Ukrainian border over the month, the Kremlin argued that it was in fact the NATO alliance that caused "
      "concern in Moscow by moving its troops and military equipment in the region.");
  const auto found = labels(e, "the NATO alliance");
  REQUIRE(!found.empty());
  CHECK(all_are(found, "NATO"));
  CHECK(first(e, "the NATO alliance")->wikidata == "Q7184");
}

TEST_CASE("capitals and seats acting for their governments are the country", "[extract][entity]") {
  // sputniknews
  const auto e = entities_of(
      "Biden informed Putin that Washington is preparing large-scale sanctions in case of further escalation "
      "of the situation around Ukraine, the Kremlin added.");
  CHECK(all_are(labels(e, "Washington"), "United States"));
  CHECK(all_are(labels(e, "the Kremlin"), "Kremlin"));
  CHECK(all_are(labels(e, "Biden"), "Joe Biden"));
}

TEST_CASE("a country's land and forces named with its demonym are the country", "[extract][entity]") {
  // en.ce.cn
  const auto e = entities_of(
      "Putin stressed that it is the North Atlantic Treaty Organization NATO that is making dangerous attempts "
      "to \"conquer Ukrainian territory\" and is building up its military potential near the Russian borders.");
  CHECK(all_are(labels(e, "Ukrainian territory"), "Ukraine"));
  // In that sentence `near the Russian borders` belongs to the reported clause, where the parse
  // leaves it unattached; here it is an argument.
  const auto near = entities_of("The alliance built bases near the Russian borders.");
  CHECK(all_are(labels(near, "the Russian borders"), "Russia"));
  CHECK(all_are(labels(e, "the North Atlantic Treaty Organization NATO"), "NATO"));
  // The demonym is not a name of the country: the mention keeps the canonical label.
  core::StreamDiagnostics diagnostics(nullptr);
  extract::Extractor extractor(resources(), diagnostics);
  core::Document doc;
  doc.text = "Putin said that NATO was making dangerous attempts to conquer Ukrainian territory.";
  extract::ExtractionStats stats;
  bool seen = false;
  for (const auto& f : extractor.process(doc, false, stats))
    for (const auto& ev : f.events)
      for (const auto& r : ev.roles)
        if (r.entity && r.entity->label == "Ukraine") {
          seen = true;
          CHECK(r.entity->mention == "Ukraine");
        }
  CHECK(seen);
}

TEST_CASE("`it` that spoke is the last thing that spoke, an empty `it` stays unresolved", "[extract][entity]") {
  // en.ce.cn: the readout said ... "...," it said.
  const auto e = entities_of(
      "Biden \"reiterated his support for Ukraine's sovereignty and territorial integrity and called for "
      "de-escalation and a return to diplomacy,\" the readout said.\n"
      "\"The two presidents tasked their teams to follow up, and the U.S. will do so in close coordination "
      "with allies and partners,\" it said.");
  CHECK(all_are(labels(e, "it"), "readout"));
  // sputniknews: `it was in fact the NATO alliance that …` has no antecedent.
  const auto expletive = entities_of(
      "The Kremlin said that it was in fact the NATO alliance that caused concern in Moscow.");
  CHECK(labels(expletive, "it").empty());
}

TEST_CASE("he and she agree in gender with their antecedent, a quote's own names are skipped", "[extract][entity]") {
  // PolNeAR dev, huff-post_2016-09-27 (Palmieri is a woman; Trump, in the gazetteer, a man).
  const auto e = entities_of(
      "Clinton communication director Jennifer Palmieri said Trump is reduced to \"taunts and insults\" because "
      "he cannot defend his own record. \"You could dismiss these actions as insecure schoolyard behavior, but "
      "this man is running to be president of the United States,\" she said.");
  CHECK(all_are(labels(e, "he"), "Donald Trump"));
  CHECK(all_are(labels(e, "she"), "Jennifer Palmieri"));
  const auto* palmieri = first(e, "she");
  REQUIRE(palmieri != nullptr);
  CHECK(palmieri->type == core::EntityType::person);  // the title before her name says so
}

TEST_CASE("a short name is the full name given earlier in the article", "[extract][entity]") {
  // PolNeAR dev, breitbart_2016-09-12 and huff-post_2016-09-21 (Stumpf is not in the gazetteer).
  const auto e = entities_of(
      "Hillary Clinton was headed to an emergency room following her sudden collapse during the Sept. 11 "
      "memorial ceremony. Clinton said she felt fine.\n"
      "Massachusetts Sen. Elizabeth Warren grilled Wells Fargo CEO John Stumpf on Tuesday. Stumpf said he "
      "was sorry.");
  CHECK(all_are(labels(e, "Clinton"), "Hillary Clinton"));
  CHECK(all_are(labels(e, "she"), "Hillary Clinton"));
  CHECK(all_are(labels(e, "Stumpf"), "John Stumpf"));
  CHECK(all_are(labels(e, "he"), "John Stumpf"));
  CHECK(all_are(labels(e, "Sen. Elizabeth Warren"), "Elizabeth Warren"));  // the honorific dropped
}

TEST_CASE("the same actor is the same entity in separate articles", "[extract][entity]") {
  // The two samples name Putin differently; separately processed, both give Vladimir Putin (Q7747).
  const auto a = entities_of("Putin asked Biden for the guarantee that NATO will not expand in the eastern direction.");
  const auto b = entities_of(
      "Russian President Vladimir Putin and his US counterpart Joe Biden have finalised their video call.");
  REQUIRE(!labels(a, "Putin").empty());
  REQUIRE(!labels(b, "Russian President Vladimir Putin").empty());
  CHECK(first(a, "Putin")->label == first(b, "Russian President Vladimir Putin")->label);
  CHECK(first(a, "Putin")->wikidata == "Q7747");
  CHECK(all_are(labels(a, "Biden"), "Joe Biden"));
}

TEST_CASE("coordinated participants are one role filler each, with their own spans", "[extract][entity]") {
  // sputniknews
  const std::string text =
      "The White House said that Biden and Putin discussed a set of other issues like strategic stability "
      "and ransomware.";
  const auto a = events_of(text);
  const auto* discuss = with_relation(a, "discuss");
  REQUIRE(discuss != nullptr);
  const auto agents = role_labels(*discuss, core::Role::agent);
  CHECK(has(agents, "Joe Biden"));
  CHECK(has(agents, "Vladimir Putin"));
  for (const auto& r : discuss->roles)
    if (r.entity && r.entity->label == "Joe Biden")
      CHECK(text.substr(r.entity->span.begin, r.entity->span.end - r.entity->span.begin) == "Biden");
  REQUIRE(discuss->attributed_to);
  CHECK(discuss->attributed_to->label == "White House");
}

TEST_CASE("a preposition that selects the relation makes its object the theme: call for", "[extract][entity]") {
  // en.ce.cn
  const auto a = events_of(
      "Biden \"reiterated his support for Ukraine's sovereignty and territorial integrity and called for "
      "de-escalation and a return to diplomacy,\" the readout said.");
  const auto* call_for = with_relation(a, "call_for");
  REQUIRE(call_for != nullptr);
  CHECK(has(role_labels(*call_for, core::Role::agent), "Joe Biden"));
  CHECK(has(role_labels(*call_for, core::Role::theme), "de-escalation"));
  CHECK(has(role_labels(*call_for, core::Role::theme), "return"));
}

TEST_CASE("a stance verb's object names the relation: reiterated his support for X is support of X",
          "[extract][entity]") {
  // en.ce.cn
  const auto a = events_of(
      "Biden \"reiterated his support for Ukraine's sovereignty and territorial integrity and called for "
      "de-escalation and a return to diplomacy,\" the readout said.");
  const auto* support = with_relation(a, "support");
  REQUIRE(support != nullptr);
  CHECK(has(role_labels(*support, core::Role::agent), "Joe Biden"));
  CHECK(has(role_labels(*support, core::Role::theme), "sovereignty"));
  CHECK(has(role_labels(*support, core::Role::theme), "territorial integrity"));
  CHECK_FALSE(has(role_labels(*support, core::Role::theme), "support"));  // the stance noun is the relation
}

TEST_CASE("a readout that speaks is the organisation that spoke before it", "[extract][entity]") {
  // en.ce.cn: the White House said ...; the readout said ...
  const auto a = events_of(
      "President Joe Biden \"voiced the deep concerns\" of the United States and its European allies, the White "
      "House said.\n"
      "Biden \"reiterated his support for Ukraine's sovereignty and territorial integrity and called for "
      "de-escalation and a return to diplomacy,\" the readout said.");
  const auto* call_for = with_relation(a, "call_for");
  REQUIRE(call_for != nullptr);
  REQUIRE(call_for->attributed_to);
  CHECK(call_for->attributed_to->label == "White House");
  CHECK(call_for->attributed_to->mention == "White House");  // `readout` is not a name of it
}

TEST_CASE("a conditional threat of sanctions is CAMEO 1312", "[extract][entity]") {
  // sputniknews
  const auto a = events_of(
      "Biden informed Putin that Washington is preparing large-scale sanctions in case of further escalation "
      "of the situation around Ukraine, the Kremlin added.");
  const auto* threaten = with_relation(a, "threaten");
  REQUIRE(threaten != nullptr);
  CHECK(threaten->cameo == "1312");
  CHECK(has(role_labels(*threaten, core::Role::agent), "United States"));
}

TEST_CASE("reporting verbs: the catalog's speech triggers and lexicon/reporting_verbs.tsv", "[extract][lexicon]") {
  // The 40 verbs of the former built-in list stay speech verbs: 27 through the catalog, 13 from the lexicon.
  for (const char* verb : {"say", "tell", "add", "note", "stress", "explain", "state", "claim", "announce", "report",
                           "write", "insist", "warn", "believe", "think", "argue", "suggest", "reiterate", "confirm",
                           "emphasize", "emphasise", "declare", "acknowledge", "admit", "allege", "assert", "concede",
                           "contend", "joke", "mention", "predict", "recall", "reply", "respond", "testify", "tweet",
                           "complain", "comment", "remark", "boast"})
    CHECK(kg::test::resources().is_speech_verb(verb));
  CHECK_FALSE(kg::test::resources().is_speech_verb("eat"));
}

TEST_CASE("pronouns, quantifiers, days, numbers, dash fragments and party tags are never entities", "[extract][entity]") {
  const auto events = events_of(
      "All is well, Senator Tim Scott (R-S.C.) said on Monday. Everyone knew it. Maybe I will go. "
      "The company earned 53 dollars. Voters were angry - and then left.");
  std::vector<std::string> labels_seen;
  for (const auto& e : events) {
    for (const auto& r : e.roles) {
      if (r.entity) labels_seen.push_back(r.entity->label);
      // A time is a value, never an entity.
      if (r.role == core::Role::time) CHECK(!r.entity);
    }
    if (e.attributed_to) labels_seen.push_back(e.attributed_to->label);
  }
  for (const auto* junk : {"All", "all", "Everyone", "everyone", "Monday", "I", "Maybe I", "53", "R-S.C", "R-S.C."})
    CHECK(std::find(labels_seen.begin(), labels_seen.end(), junk) == labels_seen.end());
  for (const auto& l : labels_seen) CHECK(l.find(" - ") == std::string::npos);
  CHECK(std::find(labels_seen.begin(), labels_seen.end(), "Tim Scott") != labels_seen.end());
}

TEST_CASE("a short common noun keeps its modifier or is no entity", "[extract][entity]") {
  const auto e = entities_of("The campaign released a new attack ad. The senator blocked it and left for an hour.");
  CHECK(all_are(labels(e, "a new attack ad"), "attack ad"));
  for (const auto& [text, r] : e) CHECK(!(r.label.size() <= 3 && std::islower(static_cast<unsigned char>(r.label[0]))));
}

TEST_CASE("capitalised kinds of person are groups, sentence-initial plurals common nouns", "[extract][entity]") {
  const auto e = entities_of("Many Democrats criticized the plan. Protesters gathered outside the court.");
  // The quantifier is no part of the name.
  REQUIRE(first(e, "Many Democrats") != nullptr);
  CHECK(first(e, "Many Democrats")->type == core::EntityType::group);
  CHECK(first(e, "Many Democrats")->label == "Democrats");
  CHECK(all_are(labels(e, "Protesters"), "protesters"));
  // A given name is a person's even where WordNet holds a kind of person of that name.
  const auto cyril = entities_of("Malkia Cyril said the plan fails. Cyril explained why.");
  REQUIRE(first(cyril, "Cyril") != nullptr);
  CHECK(first(cyril, "Cyril")->type != core::EntityType::group);
}

TEST_CASE("a role takes the name mention that overlaps it and holds its head", "[extract][entity]") {
  // The parse gives the agent as `Mosko` alone; the name is `Steve Mosko`, a person.
  const auto e = entities_of("Oz is \"smart as hell,\" Steve Mosko wrote in an email to the NFL Network's Rich Eisen.");
  REQUIRE(first(e, "Mosko") != nullptr);
  CHECK(first(e, "Mosko")->label == "Steve Mosko");
  CHECK(first(e, "Mosko")->type == core::EntityType::person);
}

TEST_CASE("an attribution source sentences after the quotation is the name found there", "[extract][entity]") {
  // `―` is not ASCII: read the events, not spans.
  bool source = false;
  for (const auto& e : events_of("\"He is ignorant. He makes simple statements.\" \xE2\x80\x95 Pamela Padilla"))
    if (e.attributed_to && e.attributed_to->label == "Pamela Padilla") {
      source = true;
      CHECK(e.attributed_to->type == core::EntityType::person);
    }
  CHECK(source);
}

TEST_CASE("a capitalised common word the mention pass found no name in is written in lower case", "[extract][entity]") {
  // After a quotation mark the parser keeps the capital; the mention pass finds no name there.
  const auto e = entities_of("The trader added: \"Gasoline is up because of the refinery.\"");
  CHECK(all_are(labels(e, "Gasoline"), "gasoline"));
  // A singular noun that speaks may be a name the pass missed.
  const auto f = entities_of("The trader added: \"Fortune reported the sale.\"");
  CHECK(all_are(labels(f, "Fortune"), "Fortune"));
  // A short word in lower case would be a junk node (`ban`): it keeps its capital.
  const auto g = entities_of("The aide added: \"Ban met the envoy.\"");
  CHECK(all_are(labels(g, "Ban"), "Ban"));
}

TEST_CASE("a capitalised title without a name describes someone: its English words in lower case", "[extract][entity]") {
  const auto e = entities_of("Other leaders denounced what Australian Prime Minister Malcolm Turnbull called a reckless act.");
  bool described = false;
  for (const auto& [text, r] : e) {
    CHECK(r.label != "Australian Prime Minister");
    described = described || r.label == "Australian prime minister";
  }
  CHECK(described);
  // A name's last word ends no description.
  const auto d = entities_of("The aide added: \"Labor Day fell on a Monday.\"");
  for (const auto& [text, r] : d) CHECK(r.label != "labor Day");
}

TEST_CASE("a capitalised parse phrase that cuts across a name is no entity", "[extract][entity]") {
  // The parse reads `Trump Was` as a subject; the mention pass found `Trump` in it.
  const auto e = entities_of("Pence: Gennifer Flowers Won't Be at Debate, Trump Was 'Mocking'.\n\n"
                             "Gennifer Flowers will not attend, Mike Pence said on Sunday.");
  for (const auto& [text, r] : e) {
    CHECK(r.label != "Trump Was");
    CHECK(r.label != "trump was");
    CHECK(r.label != "Won't");
  }
}
