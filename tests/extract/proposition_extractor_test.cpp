// Propositions and events from real sentences of the samples, through the whole extraction stage
// (Link Grammar, linkage choice, proposition building, normalisation with the shipped ontology).
#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>
#include <string>

#include "kg/extract/extractor.hpp"
#include "support/extraction.hpp"

using namespace kg;

namespace {

using test::resources;

core::SentenceFacts facts_of(const std::string& sentence) {
  auto out = test::extract_text(sentence, true);
  REQUIRE(out.size() == 1);
  return out.front();
}

const core::Proposition* with_lemma(const core::SentenceFacts& f, const std::string& lemma) {
  for (const auto& p : f.propositions)
    if (p.predicate.lemma == lemma) return &p;
  return nullptr;
}

std::string role_text(const core::Proposition& p, core::Role role) {
  const auto* a = p.first(role);
  return a ? a->text : std::string("<none>");
}

/// The event normalised from proposition `p` (events and propositions correspond one to one).
const core::Event& event_for(const core::SentenceFacts& f, const core::Proposition* p) {
  return f.events[static_cast<std::size_t>(p - f.propositions.data())];
}

const core::Event* event_with_relation(const core::SentenceFacts& f, const std::string& relation) {
  for (const auto& e : f.events)
    if (e.relation == relation) return &e;
  return nullptr;
}

}  // namespace

TEST_CASE("subject, verb and object with spans in code points", "[extract][propositions]") {
  const std::string s = "Zelenskyy\xE2\x80\x99s office rejected the plan.";
  const auto f = facts_of(s);
  const auto* p = with_lemma(f, "reject");
  REQUIRE(p != nullptr);
  CHECK(role_text(*p, core::Role::theme) == "the plan");
  const auto* theme = p->first(core::Role::theme);
  REQUIRE(theme != nullptr);
  // "Zelenskyy’s office rejected " is 28 code points (the apostrophe is one).
  CHECK(theme->span.begin == 28);
  CHECK(theme->span.end == 36);
}

TEST_CASE("ask X for Y: a request with X as recipient", "[extract][propositions]") {
  const auto f = facts_of(
      "Putin asked Biden for the guarantee that NATO will not expand in the eastern direction and "
      "not deploy offensive weapons near Russia.");
  const auto* p = with_lemma(f, "ask");
  REQUIRE(p != nullptr);
  CHECK(role_text(*p, core::Role::agent) == "Putin");
  CHECK(role_text(*p, core::Role::recipient) == "Biden");
  CHECK(role_text(*p, core::Role::theme) == "the guarantee");
  const auto* e = event_with_relation(f, "request");
  REQUIRE(e != nullptr);
  REQUIRE(e->first(core::Role::agent) != nullptr);
  REQUIRE(e->first(core::Role::agent)->entity.has_value());
  CHECK(e->first(core::Role::agent)->entity->label == "Vladimir Putin");
  CHECK(e->first(core::Role::agent)->entity->wikidata == "Q7747");
  REQUIRE(e->first(core::Role::recipient) != nullptr);
  CHECK(e->first(core::Role::recipient)->entity->label == "Joe Biden");
  // The negated content keeps its flag.
  const auto* expand = with_lemma(f, "expand");
  REQUIRE(expand != nullptr);
  CHECK(expand->predicate.negated);
}

TEST_CASE("a passive with by: the by-phrase is the agent", "[extract][propositions]") {
  const auto f = facts_of("Sanctions were imposed by the United States on Russia.");
  const auto* p = with_lemma(f, "impose");
  REQUIRE(p != nullptr);
  CHECK(role_text(*p, core::Role::theme) == "Sanctions");
  CHECK(role_text(*p, core::Role::agent) == "the United States");
  const auto* e = event_with_relation(f, "sanction");
  if (e == nullptr) e = &f.events.front();
  const auto* agent = e->first(core::Role::agent);
  REQUIRE(agent != nullptr);
  REQUIRE(agent->entity.has_value());
  CHECK(agent->entity->label == "United States");
}

TEST_CASE("a trailing quotation attributes the clause to its speaker", "[extract][propositions]") {
  const auto f = facts_of("The leaders mainly focused on the internal crisis in Ukraine, the Kremlin said.");
  const auto* focus = with_lemma(f, "focus");
  REQUIRE(focus != nullptr);
  CHECK_FALSE(focus->asserted);
  CHECK(focus->attribution.source == "the Kremlin");
  CHECK(focus->attribution.cue == "said");
  const auto* say = with_lemma(f, "say");
  REQUIRE(say != nullptr);
  CHECK(focus->content_of == static_cast<int>(say - f.propositions.data()));
  // The normalised event is attributed to the Kremlin entity, and the speech act holds it as content.
  const auto& focus_event = event_for(f, focus);
  REQUIRE(focus_event.attributed_to.has_value());
  CHECK(focus_event.attributed_to->label == "Kremlin");
  const auto& say_event = event_for(f, say);
  CHECK(say_event.speech_act);
  REQUIRE(say_event.first(core::Role::content) != nullptr);
}

TEST_CASE("infinitival complement: urged everyone to keep a cool head", "[extract][propositions]") {
  const auto f = facts_of("Kremlin spokesman Dmitry Peskov urged everyone to keep a cool head.");
  const auto* urge = with_lemma(f, "urge");
  REQUIRE(urge != nullptr);
  CHECK(role_text(*urge, core::Role::recipient) == "everyone");
  const auto* keep = with_lemma(f, "keep");
  REQUIRE(keep != nullptr);
  CHECK(keep->content_of == static_cast<int>(urge - f.propositions.data()));
  CHECK_FALSE(keep->asserted);
  const auto& e = event_for(f, urge);
  CHECK(e.relation == "urge");
  REQUIRE(e.first(core::Role::agent) != nullptr);
  CHECK(e.first(core::Role::agent)->entity->label == "Dmitry Peskov");
}

TEST_CASE("modality and conditionals are kept as flags", "[extract][propositions]") {
  const auto f = facts_of(
      "America and its allies would respond with strong economic measures in the event of a "
      "military escalation.");
  const auto* p = with_lemma(f, "respond");
  REQUIRE(p != nullptr);
  CHECK(p->predicate.modality == "would");
  CHECK(p->conditional);
  CHECK_FALSE(p->asserted);
  // Coordinated subjects split into separate propositions, one agent each.
  std::vector<std::string> agents;
  for (const auto& q : f.propositions)
    if (q.predicate.lemma == "respond") {
      CHECK(q.conditional);
      agents.push_back(role_text(q, core::Role::agent));
    }
  CHECK(agents == std::vector<std::string>{"America", "its allies"});
}

TEST_CASE("quotation marks do not end up in entity labels", "[extract][propositions]") {
  const auto f = facts_of("Zakharova rejected the \"plan\" outright.");
  const auto* e = event_with_relation(f, "reject");
  REQUIRE(e != nullptr);
  const auto* theme = e->first(core::Role::theme);
  REQUIRE(theme != nullptr);
  REQUIRE(theme->entity.has_value());
  CHECK(theme->entity->label == "plan");
}

TEST_CASE("coordinated infinitives give one clause each and terminate", "[extract][propositions]") {
  // Regression: a coordinated infinitive is a conjunction word no chain contains; it used to be
  // added again on every pass (an endless loop on a BBC article).
  const auto f = facts_of("Putin offered Biden to lift the restrictions and restore the missions.");
  CHECK(with_lemma(f, "offer") != nullptr);
  const auto* lift = with_lemma(f, "lift");
  const auto* restore = with_lemma(f, "restore");
  REQUIRE(lift != nullptr);
  REQUIRE(restore != nullptr);
  CHECK(f.propositions.size() < 8);
}

TEST_CASE("according to X attributes the sentence's statement to X", "[extract][propositions]") {
  const auto f = facts_of("According to the White House, Biden made no concessions during the call.");
  const auto* make = with_lemma(f, "make");
  REQUIRE(make != nullptr);
  CHECK(make->attribution.cue == "according to");
  CHECK(make->attribution.source == "the White House");
  CHECK_FALSE(make->asserted);
  const auto& e = event_for(f, make);
  REQUIRE(e.attributed_to.has_value());
  CHECK(e.attributed_to->label == "White House");
  CHECK(e.attributed_to->wikidata == "Q35525");
}

TEST_CASE("punitive measures under a condition are threats by the government", "[extract][propositions]") {
  const auto f = facts_of("Washington is preparing large-scale sanctions in case of escalation.");
  const auto* e = event_with_relation(f, "threaten");
  REQUIRE(e != nullptr);
  CHECK(e->conditional);
  const auto* agent = e->first(core::Role::agent);
  REQUIRE(agent != nullptr);
  REQUIRE(agent->entity.has_value());
  CHECK(agent->entity->label == "United States");  // the capital stands for the government
  const auto* theme = e->first(core::Role::theme);
  REQUIRE(theme != nullptr);
  REQUIRE(theme->entity.has_value());
  CHECK(theme->entity->label == "sanctions");  // adjectives are not part of a concept's name
}

TEST_CASE("a trailing attribution after a closing quote names the whole source", "[extract][propositions]") {
  const auto f = facts_of(
      "\"The U.S. will do so in close coordination with allies,\" the White House said.");
  bool attributed = false;
  for (const auto& e : f.events)
    if (e.attributed_to && e.attributed_to->label == "White House") attributed = true;
  CHECK(attributed);
}

TEST_CASE("a title before a name becomes a fact about the person", "[extract][propositions]") {
  const auto f = facts_of("Kremlin spokesman Dmitry Peskov urged everyone to keep calm.");
  const core::Proposition* title = nullptr;
  for (const auto& p : f.propositions)
    if (p.predicate.lemma == "be") title = &p;
  REQUIRE(title != nullptr);
  CHECK(role_text(*title, core::Role::agent) == "Dmitry Peskov");
  CHECK(role_text(*title, core::Role::theme) == "Kremlin spokesman");
  // The title is not part of the person's name: the urging is still Peskov's.
  const auto* urge = event_with_relation(f, "urge");
  REQUIRE(urge != nullptr);
  CHECK(urge->first(core::Role::agent)->entity->label == "Dmitry Peskov");
}

namespace {

/// The text of the first `content` argument of `p`, or "<none>".
std::string content_text(const core::Proposition& p) { return role_text(p, core::Role::content); }

}  // namespace

TEST_CASE("reported speech keeps its content as a content argument with its span", "[extract][propositions]") {
  const std::string s =
      "Putin said that NATO was making dangerous attempts to conquer Ukrainian territory.";
  const auto f = facts_of(s);
  const auto* say = with_lemma(f, "say");
  REQUIRE(say != nullptr);
  CHECK(content_text(*say) == "that NATO was making dangerous attempts to conquer Ukrainian territory");
  const auto* content = say->first(core::Role::content);
  REQUIRE(content != nullptr);
  CHECK(s.substr(content->span.begin, content->span.end - content->span.begin) == content->text);
  // The content is its own proposition, nested and not asserted; the event graph has no entity
  // for the content text, only the nested event.
  const auto* make = with_lemma(f, "make");
  REQUIRE(make != nullptr);
  CHECK_FALSE(make->asserted);
  const auto& say_event = event_for(f, say);
  CHECK(std::none_of(say_event.roles.begin(), say_event.roles.end(), [](const core::RoleFiller& r) {
    return r.role == core::Role::content && r.entity.has_value();
  }));
}

TEST_CASE("a content keeps both quotation marks of a quoted part", "[extract][propositions]") {
  const auto f = facts_of("Kremlin spokesman Dmitry Peskov urged everyone to \"keep a cool head\".");
  const auto* urge = with_lemma(f, "urge");
  REQUIRE(urge != nullptr);
  CHECK(content_text(*urge) == "to \"keep a cool head\"");
}

TEST_CASE("a quotation's content is the quoted clause, once", "[extract][propositions]") {
  const auto f = facts_of("\"We will respond with strong measures,\" Biden said.");
  const auto* say = with_lemma(f, "say");
  REQUIRE(say != nullptr);
  CHECK(content_text(*say) == "We will respond with strong measures");
  CHECK(std::count_if(say->arguments.begin(), say->arguments.end(),
                      [](const core::Argument& a) { return a.role == core::Role::content; }) == 1);
}

TEST_CASE("a copula with a prepositional complement: is in", "[extract][propositions]") {
  const auto f = facts_of("The Kremlin is in Moscow.");
  const auto* be = with_lemma(f, "be");
  REQUIRE(be != nullptr);
  const auto* place = be->first(core::Role::other);
  REQUIRE(place != nullptr);
  CHECK(place->preposition == "in");
  CHECK(place->text == "Moscow");
}

TEST_CASE("a verb that shares its subject with an infinitive reads as one predicate", "[extract][propositions]") {
  const auto f = facts_of("Moscow was interested in obtaining guarantees and Putin tried to reassure Biden.");
  const auto* reassure = with_lemma(f, "reassure");
  REQUIRE(reassure != nullptr);
  CHECK(reassure->predicate.text == "tried to reassure");
  CHECK(role_text(*reassure, core::Role::agent) == "Putin");
  CHECK_FALSE(reassure->asserted);  // trying is not doing
  const auto g = facts_of("The two presidents were able to discuss Iran.");
  const auto* discuss = with_lemma(g, "discuss");
  REQUIRE(discuss != nullptr);
  CHECK(discuss->predicate.text == "were able to discuss");
}

TEST_CASE("negative contractions negate, also in Penn Treebank spelling", "[extract][propositions]") {
  for (const std::string s : {"NATO won't expand eastward.", "NATO wo n't expand eastward ."}) {
    INFO(s);
    const auto f = facts_of(s);
    const auto* expand = with_lemma(f, "expand");
    REQUIRE(expand != nullptr);
    CHECK(expand->predicate.negated);
    CHECK(expand->predicate.tense == "future");
    const auto& e = event_for(f, expand);
    CHECK(e.negated);
  }
  const auto f = facts_of("Biden isn't a party to the talks.");
  const auto* be = with_lemma(f, "be");
  REQUIRE(be != nullptr);
  CHECK(be->predicate.negated);
}

TEST_CASE("adverbs inside the verb group belong to the predicate", "[extract][propositions]") {
  const auto f = facts_of("The two presidents were also said to have discussed joint work on regional issues.");
  const auto* say = with_lemma(f, "say");
  REQUIRE(say != nullptr);
  CHECK(say->predicate.text == "were also said");
}

TEST_CASE("possessives give has-facts without the 's", "[extract][propositions]") {
  const auto f = facts_of("Biden reiterated his support for Ukraine's territorial integrity.");
  const core::Proposition* has = nullptr;
  for (const auto& p : f.propositions)
    if (p.predicate.lemma == "have" && p.arguments.front().text == "Ukraine") has = &p;
  REQUIRE(has != nullptr);
  CHECK(has->arguments.back().text == "territorial integrity");
}

TEST_CASE("coordinated verbs after one auxiliary give one clause each", "[extract][propositions]") {
  const auto f = facts_of("Russia has amassed troops and moved equipment to the border.");
  const auto* amass = with_lemma(f, "amass");
  const auto* move = with_lemma(f, "move");
  REQUIRE(amass != nullptr);
  REQUIRE(move != nullptr);
  CHECK(move->predicate.text == "has moved");
  CHECK(role_text(*amass, core::Role::agent) == "Russia");
  CHECK(role_text(*move, core::Role::agent) == "Russia");
  CHECK(role_text(*move, core::Role::theme) == "equipment");
  // After a form of `be` the conjuncts are passive: the subject is what was acted on.
  const auto g = facts_of("The protesters were arrested and charged by the police.");
  const auto* charge = with_lemma(g, "charge");
  REQUIRE(charge != nullptr);
  CHECK(role_text(*charge, core::Role::theme) == "The protesters");
  CHECK(role_text(*charge, core::Role::agent) == "the police");
}

TEST_CASE("a relative pronoun after a comma stands for the noun before it", "[extract][propositions]") {
  const auto f = facts_of("Biden spoke with Zelenskyy, who asked for more weapons.");
  const auto* ask = with_lemma(f, "ask");
  REQUIRE(ask != nullptr);
  CHECK(role_text(*ask, core::Role::agent) == "Zelenskyy");
}

TEST_CASE("a participle set off by commas is a reduced relative clause", "[extract][propositions]") {
  const auto f = facts_of("Putin, using specific examples, explained the destructive policy of Kiev.");
  const auto* use = with_lemma(f, "use");
  REQUIRE(use != nullptr);
  CHECK(role_text(*use, core::Role::agent) == "Putin");
  CHECK(role_text(*use, core::Role::theme) == "specific examples");
}

TEST_CASE("a spaced hyphen is read as a compound when the dash reading parses badly", "[extract][propositions]") {
  const auto f = facts_of("Large cross - border deals totaled $ 17.1 billion in the second quarter .");
  const auto* total = with_lemma(f, "total");
  REQUIRE(total != nullptr);
  CHECK(role_text(*total, core::Role::agent) == "Large cross - border deals");
}

TEST_CASE("appositions and titles need a description or a person's role", "[extract][propositions]") {
  // A list of names is not an apposition; a name with a role is.
  const auto f = facts_of("The academy teaches Science, Math, and Engineering.");
  const auto* teach = with_lemma(f, "teach");
  REQUIRE(teach != nullptr);  // the sentence is read, so an empty result cannot pass
  CHECK(role_text(*teach, core::Role::agent) == "The academy");
  for (const auto& p : f.propositions) CHECK(p.predicate.lemma != "be");
  const auto g = facts_of("Maria Zakharova, the spokeswoman of the Foreign Ministry, rejected the plan.");
  const core::Proposition* is = nullptr;
  for (const auto& p : g.propositions)
    if (p.predicate.lemma == "be") is = &p;
  REQUIRE(is != nullptr);
  CHECK(is->arguments.front().text == "Maria Zakharova");
  CHECK(is->arguments.back().text == "the spokeswoman of the Foreign Ministry");
}

TEST_CASE("a trailing reporting clause reports the whole sentence before it", "[extract][propositions]") {
  const auto f = facts_of(
      "Biden informed Putin that Washington is preparing large-scale sanctions in case of further "
      "escalation of the situation around Ukraine, the Kremlin added.");
  const auto* inform = with_lemma(f, "inform");
  const auto* prepare = with_lemma(f, "prepare");
  const auto* add = with_lemma(f, "add");
  REQUIRE(inform != nullptr);
  REQUIRE(prepare != nullptr);
  REQUIRE(add != nullptr);
  // Biden informed Putin (according to the Kremlin) that Washington is preparing sanctions (if …).
  CHECK(role_text(*inform, core::Role::recipient) == "Putin");
  CHECK(inform->attribution.source == "the Kremlin");
  CHECK(inform->attribution.cue == "added");
  CHECK(role_text(*prepare, core::Role::agent) == "Washington");
  CHECK(role_text(*prepare, core::Role::theme) == "large-scale sanctions");
  CHECK(prepare->conditional);
  CHECK_FALSE(prepare->asserted);
  CHECK(prepare->attribution.source == "Biden");
  CHECK(content_text(*add).rfind("Biden informed Putin that Washington", 0) == 0);
  // The conditional punitive measure is a threat by the United States.
  const auto& e = event_for(f, prepare);
  CHECK(e.relation == "threaten");
  // A verb after the last comma that is not a reporting clause does not split the sentence.
  extract::PropositionExtractor extractor(resources());
  CHECK(extractor.reporting_clause_break("Putin, using specific examples, explained the policy of Kiev.") ==
        static_cast<std::size_t>(-1));
  CHECK(extractor.reporting_clause_break("The talks went well, said Peskov.") == 19);
  CHECK(extractor.reporting_clause_break("The talks went well, he told reporters.") == 19);
}

TEST_CASE("reporting clauses around a quotation report it", "[extract][propositions]") {
  extract::PropositionExtractor extractor(resources());
  const std::string closing = "\"The bill will pass,\" Senate Majority Leader Mitch McConnell said Tuesday.";
  CHECK(extractor.reporting_clause_break(closing) == closing.find(','));
  const std::string leading = "Trump said, \"When people come back, they will see it.\"";
  CHECK(extractor.reporting_clause_break(leading) == leading.find(','));
  const auto f = facts_of(leading);
  const auto* see = with_lemma(f, "see");
  REQUIRE(see != nullptr);
  CHECK(see->attribution.source == "Trump");
  CHECK_FALSE(see->asserted);
}

TEST_CASE("what hangs from a reporting clause is not what it reports", "[extract][propositions]") {
  // PolNeAR-style sentences: the participle shares the speaker's subject, so it is the speaker's
  // own action, asserted, and no part of the quotation.
  const auto quoted = facts_of("\"Who would have believed that?\" Trump said, looking out on the cheering crowd.");
  const auto* say = with_lemma(quoted, "say");
  const auto* look = with_lemma(quoted, "look");
  REQUIRE(say != nullptr);
  REQUIRE(look != nullptr);
  CHECK(content_text(*say) == "Who would have believed that");
  CHECK(look->asserted);
  CHECK(look->content_of < 0);
  // Without quotation marks, the clauses before a trailing reporting clause are still reported,
  // with the participles that hang from them (the bomb killed, according to the authorities).
  const auto plain = facts_of(
      "A bomb exploded at a leftist union hall in San Salvador, killing at least eight people, authorities said.");
  const auto* explode = with_lemma(plain, "explode");
  const auto* kill = with_lemma(plain, "kill");
  REQUIRE(explode != nullptr);
  REQUIRE(kill != nullptr);
  CHECK_FALSE(explode->asserted);
  CHECK_FALSE(kill->asserted);
  CHECK(kill->attribution.source == "authorities");
}

TEST_CASE("a reporting verb does not take a bare infinitive", "[extract][propositions]") {
  // PolNeAR: the parser's best linkage reads `Clinton will` as a noun (a testament) and makes
  // `said … address` one verb group, so that Palmieri would be the one who addresses.
  const auto f = facts_of("Palmieri said Clinton will address Trump's comments at an event in Florida later Friday.");
  const auto* say = with_lemma(f, "say");
  REQUIRE(say != nullptr);
  CHECK(role_text(*say, core::Role::agent) == "Palmieri");
  const auto* address = with_lemma(f, "address");
  if (address != nullptr) CHECK(role_text(*address, core::Role::agent) != "Palmieri");
}
