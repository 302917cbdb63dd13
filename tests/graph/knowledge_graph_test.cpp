#include "kg/graph/knowledge_graph.hpp"

#include <catch2/catch.hpp>

#include <memory>
#include <set>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "kg/core/iri.hpp"
#include "support/sample_facts.hpp"

using kg::core::EntityType;
using kg::core::Role;
using namespace kg::test;  // document, entity, role, nested, text

namespace {

// More builders for hand-made extraction results (the common ones: support/sample_facts.hpp).

kg::core::Event event(std::string relation, std::string lemma, std::string cameo,
                      std::vector<kg::core::RoleFiller> roles) {
  kg::core::Event e;
  e.relation = std::move(relation);
  e.lemma = std::move(lemma);
  e.cameo = std::move(cameo);
  e.roles = std::move(roles);
  return e;
}

kg::core::SentenceFacts sentence(std::size_t index, std::string text, std::size_t begin,
                                 std::vector<kg::core::Event> events) {
  kg::core::SentenceFacts f;
  f.sentence.index = index;
  f.sentence.text = std::move(text);
  f.sentence.byte_begin = begin;
  f.sentence.byte_end = begin + f.sentence.text.size();
  f.sentence.chars = {begin, begin + f.sentence.text.size()};
  f.events = std::move(events);
  return f;
}

kg::core::Event putin_request() {
  return event(
      "request", "ask", "020",
      {role(Role::agent, entity("Vladimir Putin", EntityType::person, "Putin", 0, "Q7747")),
       role(Role::recipient, entity("Joe Biden", EntityType::person, "Biden", 10)),
       role(Role::theme, entity("guarantee", EntityType::concept_, "the guarantee", 24))});
}

kg::graph::Vertex vertex(const kg::graph::KnowledgeGraph& g, std::string_view label) {
  const auto v = g.find_entity_by_label(label);
  REQUIRE(v);
  return *v;
}

}  // namespace

TEST_CASE("an event with agent and theme becomes an edge with evidence", "[graph]") {
  kg::graph::KnowledgeGraph g;
  const auto doc = document("doc-1", "2021-12-07", 0);
  g.begin_document(doc);
  g.add_sentence(doc, sentence(0, "Putin asked Biden for the guarantee.", 0, {putin_request()}));
  g.end_document(doc);

  CHECK(g.entity_count() == 3);
  CHECK(g.relation_count() == 1);
  CHECK(g.event_count() == 1);
  CHECK(g.document_count() == 1);
  CHECK(g.sentence_count() == 1);

  const auto putin = vertex(g, "Vladimir Putin");
  const auto guarantee = vertex(g, "guarantee");
  const kg::graph::Entity& p = g.entity(putin);
  CHECK(p.label == "Vladimir Putin");
  CHECK(p.local_name == "Vladimir_Putin");
  CHECK(p.type == EntityType::person);
  CHECK(p.wikidata == "Q7747");
  CHECK(p.aliases == std::set<std::string>{"Putin"});
  CHECK(p.mentions == 1);
  CHECK(p.first_date == "2021-12-07");
  CHECK(p.last_date == "2021-12-07");
  CHECK(g.entity(guarantee).aliases == std::set<std::string>{"the guarantee"});

  const auto edge = g.find_relation(putin, guarantee, "request");
  REQUIRE(edge);
  CHECK(boost::source(*edge, g.graph()) == putin);
  CHECK(boost::target(*edge, g.graph()) == guarantee);
  const kg::graph::Relation& r = g.relation(*edge);
  CHECK(r.relation == "request");
  CHECK(r.lemma == "ask");
  CHECK(r.cameo == "020");
  CHECK(r.evidence == std::vector<std::size_t>{0});
  CHECK(r.weight == 1.0);
  CHECK(r.first_date == "2021-12-07");
  CHECK(g.relations() == std::vector<kg::graph::Edge>{*edge});
  CHECK(g.graph()[*edge].weight > 0);

  const kg::graph::EventRecord& ev = g.events().at(0);
  CHECK(ev.document == 0);
  CHECK(ev.sentence == 0);
  CHECK(ev.number == 1);
  CHECK(ev.sentence_text == "Putin asked Biden for the guarantee.");
  CHECK(ev.sentence_chars.end == 36);
  CHECK(ev.date == "2021-12-07");
  REQUIRE(ev.roles.size() == 3);
  CHECK(ev.roles[1].role == Role::recipient);
  CHECK(ev.roles[1].entity == vertex(g, "Joe Biden"));
  REQUIRE(ev.edge);
  CHECK(*ev.edge == *edge);
  CHECK(ev.object == guarantee);

  const auto& d = g.documents().at(0);
  CHECK(d.id == "doc-1");
  CHECK(d.local_name == "doc-1");
  CHECK(d.url == "https://example.org/doc-1");
  CHECK(d.date == "2021-12-07");
  CHECK(d.title == "Title of doc-1");
}

TEST_CASE("a speech act keeps its nested content as an event index", "[graph]") {
  kg::graph::KnowledgeGraph g;
  const auto doc = document("doc-2", "2021-12-08", 0);
  g.begin_document(doc);
  g.add_sentence(doc, sentence(0, "Unrelated.", 0, {}));

  auto say = event("say", "say", "010",
                   {role(Role::agent, entity("White House", EntityType::organization)),
                    nested(Role::content, 1)});
  say.speech_act = true;
  auto threaten =
      event("threaten", "prepare", "1312",
            {role(Role::agent, entity("United States", EntityType::country, "Washington")),
             role(Role::theme, entity("sanctions")), text(Role::time, "in case of escalation")});
  threaten.asserted = false;
  threaten.conditional = true;
  threaten.attributed_to = entity("White House", EntityType::organization);
  threaten.cue = "said";
  g.add_sentence(doc, sentence(1, "Washington is preparing sanctions, the White House said.", 11,
                               {say, threaten}));

  REQUIRE(g.event_count() == 2);
  CHECK(g.sentence_count() == 2);
  const auto& e1 = g.events()[0];
  const auto& e2 = g.events()[1];
  CHECK(e1.speech_act);
  CHECK(e1.number == 1);
  CHECK(e2.number == 2);
  CHECK(e1.sentence == 1);
  REQUIRE(e1.roles.size() == 2);
  CHECK(e1.roles[1].role == Role::content);
  CHECK(e1.roles[1].event == std::optional<std::size_t>(1));
  CHECK_FALSE(e1.roles[1].entity);
  CHECK_FALSE(e1.edge);  // a speech act without recipient relates no two entities

  CHECK_FALSE(e2.asserted);
  CHECK(e2.conditional);
  CHECK(e2.attributed_to == vertex(g, "White House"));
  CHECK(e2.roles.at(2).text == "in case of escalation");
  CHECK_FALSE(e2.roles.at(2).entity);

  // The White House is mentioned twice in the sentence but at the same span: counted once.
  CHECK(g.entity(vertex(g, "White House")).mentions == 1);
  CHECK(g.entity(vertex(g, "United States")).aliases == std::set<std::string>{"Washington"});

  REQUIRE(g.relation_count() == 1);
  const auto edge = g.find_relation(vertex(g, "United States"), vertex(g, "sanctions"), "threaten");
  REQUIRE(edge);
  CHECK(g.relation(*edge).evidence == std::vector<std::size_t>{1});
}

TEST_CASE("the same fact in two documents merges into one edge of weight 2", "[graph]") {
  kg::graph::KnowledgeGraph g;
  const auto d1 = document("a", "2021-12-09", 0);
  const auto d2 = document("b", "2021-12-07", 1);
  g.begin_document(d1);
  g.add_sentence(d1, sentence(0, "Putin asked Biden for the guarantee.", 0, {putin_request()}));
  g.end_document(d1);
  g.begin_document(d2);
  auto again = putin_request();
  again.lemma = "request";
  again.cameo.clear();
  g.add_sentence(d2, sentence(3, "Putin asked Biden for the guarantee.", 50, {again}));
  g.end_document(d2);

  CHECK(g.entity_count() == 3);
  REQUIRE(g.relation_count() == 1);
  const auto& r = g.relation(g.relations().front());
  CHECK(r.weight == 2.0);
  CHECK(r.evidence == std::vector<std::size_t>{0, 1});
  CHECK(r.first_date == "2021-12-07");
  CHECK(r.last_date == "2021-12-09");
  CHECK(r.cameo == "020");
  CHECK(r.lemma == "ask");  // tie: the lemma seen first
  const auto& putin = g.entity(vertex(g, "Vladimir Putin"));
  CHECK(putin.mentions == 2);
  CHECK(putin.first_date == "2021-12-07");
  CHECK(putin.last_date == "2021-12-09");
  CHECK(g.events()[1].document == 1);
  CHECK(g.events()[1].sentence == 3);
  CHECK(g.events()[1].number == 1);

  // A third piece of evidence with "request" makes it the most frequent lemma.
  const auto d3 = document("c", "", 2);
  auto third = putin_request();
  third.lemma = "request";
  g.add_sentence(d3, sentence(0, "Putin requested the guarantee from Biden.", 0, {third}));
  CHECK(g.relation(g.relations().front()).lemma == "request");
  CHECK(g.relation(g.relations().front()).weight == 3.0);
  CHECK(g.relation(g.relations().front()).last_date == "2021-12-09");  // undated evidence
  CHECK(g.document_count() == 3);  // add_sentence registers a document never begun
}

TEST_CASE("the same label always gives the same vertex and the first known type wins", "[graph]") {
  kg::graph::KnowledgeGraph g;
  const auto doc = document("d", "2022-01-01", 0);
  auto first = event("meet", "meet", "040",
                     {role(Role::agent, entity("Joe Biden", EntityType::concept_, "he", 0)),
                      role(Role::theme, entity("Olaf Scholz", EntityType::person))});
  auto second =
      event("meet", "meet", "040",
            {role(Role::agent, entity("Joe  Biden", EntityType::person, "Biden", 40, "Q6279")),
             role(Role::theme, entity("Olaf Scholz", EntityType::organization, "Scholz", 60))});
  auto third = event(
      "support", "back", "050",
      {role(Role::agent, entity(" Joe Biden ", EntityType::organization, "President Biden", 80)),
       role(Role::target, entity("Ukraine", EntityType::country))});
  g.add_sentence(doc, sentence(0, "s0", 0, {first}));
  g.add_sentence(doc, sentence(1, "s1", 30, {second, third}));

  CHECK(g.entity_count() == 3);
  const auto biden = vertex(g, "Joe Biden");
  CHECK(g.find_entity("Joe_Biden") == biden);
  CHECK_FALSE(g.find_entity("Nobody"));
  const auto& b = g.entity(biden);
  CHECK(b.label == "Joe Biden");
  CHECK(b.type == EntityType::person);  // concept first, then person; organization comes too late
  CHECK(b.wikidata == "Q6279");
  CHECK(b.aliases == std::set<std::string>{"Biden", "President Biden", "he"});
  CHECK(b.mentions == 3);
  CHECK(g.entity(vertex(g, "Olaf Scholz")).type == EntityType::person);

  // meet merged (same agent, object, relation); support goes to the target.
  CHECK(g.relation_count() == 2);
  const auto meet = g.find_relation(biden, vertex(g, "Olaf Scholz"), "meet");
  REQUIRE(meet);
  CHECK(g.relation(*meet).weight == 2.0);
  CHECK(g.find_relation(biden, vertex(g, "Ukraine"), "support"));
  CHECK_FALSE(g.find_relation(biden, vertex(g, "Ukraine"), "meet"));

  // Vertex order follows first mention.
  CHECK(g.entity(0).label == "Joe Biden");
  CHECK(g.entity(1).label == "Olaf Scholz");
  CHECK(g.entity(2).label == "Ukraine");
}

TEST_CASE("an edge falls back to the recipient and needs an agent and a relation", "[graph]") {
  kg::graph::KnowledgeGraph g;
  const auto doc = document("d", "", 0);
  auto inform = event("inform", "tell", "010",
                      {role(Role::agent, entity("Joe Biden", EntityType::person)),
                       role(Role::recipient, entity("Vladimir Putin", EntityType::person)),
                       text(Role::theme, "that sanctions would follow")});
  auto no_agent = event("threaten", "warn", "130", {role(Role::theme, entity("sanctions"))});
  auto no_relation = event("", "expand", "",
                           {role(Role::agent, entity("NATO", EntityType::organization)),
                            role(Role::theme, entity("Ukraine", EntityType::country))});
  g.add_sentence(doc, sentence(0, "text", 0, {inform, no_agent, no_relation}));

  CHECK(g.event_count() == 3);
  REQUIRE(g.relation_count() == 1);
  const auto edge = g.find_relation(vertex(g, "Joe Biden"), vertex(g, "Vladimir Putin"), "inform");
  REQUIRE(edge);
  CHECK(g.events()[0].object == vertex(g, "Vladimir Putin"));
  CHECK_FALSE(g.events()[1].edge);
  CHECK_FALSE(g.events()[2].edge);
  CHECK(g.entity(vertex(g, "Joe Biden")).first_date.empty());  // undated document
}

TEST_CASE("bad fillers are dropped and a repeated document id keeps event numbers unique",
          "[graph]") {
  kg::graph::KnowledgeGraph g;
  const auto doc = document("same", "2021-13-40", 0);  // not a date: dropped
  auto self = event("say", "say", "010",
                    {role(Role::agent, entity("Kremlin", EntityType::organization)),
                     nested(Role::content, 0),                                 // itself
                     nested(Role::content, 7),                                 // out of range
                     role(Role::about, entity("", EntityType::concept_, "")),  // nameless
                     text(Role::time, "")});
  g.add_sentence(doc, sentence(2, "The Kremlin said.", 0, {self}));
  REQUIRE(g.events().size() == 1);
  CHECK(g.events()[0].roles.size() == 1);
  CHECK(g.documents()[0].date.empty());

  auto again = document("same", "2021-12-01", 5);
  again.title = "ignored: the first title stays";
  g.begin_document(again);
  g.add_sentence(again, sentence(2, "The Kremlin said again.", 0, {self}));
  CHECK(g.document_count() == 1);
  CHECK(g.documents()[0].date == "2021-12-01");  // was empty, now filled
  CHECK(g.documents()[0].title == "Title of same");
  CHECK(g.events()[1].number == 2);
  CHECK(g.entity(vertex(g, "Kremlin")).mentions == 2);
}

TEST_CASE("building the same input twice gives the same graph", "[graph]") {
  auto build = [] {
    kg::graph::KnowledgeGraph g;
    for (std::size_t i = 0; i < 3; ++i) {
      const auto doc = document("doc" + std::to_string(i), "2021-12-0" + std::to_string(i + 1), i);
      g.begin_document(doc);
      g.add_sentence(doc,
                     sentence(0, "Putin asked Biden for the guarantee.", 0, {putin_request()}));
      g.end_document(doc);
    }
    return g;
  };
  const auto a = build();
  const auto b = build();
  REQUIRE(a.entity_count() == b.entity_count());
  for (std::size_t v = 0; v < a.entity_count(); ++v) CHECK(a.entity(v).label == b.entity(v).label);
  REQUIRE(a.relation_count() == b.relation_count());
  CHECK(a.relation(a.relations()[0]).evidence == b.relation(b.relations()[0]).evidence);
  CHECK(a.relation(a.relations()[0]).evidence == std::vector<std::size_t>{0, 1, 2});
}

TEST_CASE("a graph moves with its edges intact and cannot be copied", "[graph]") {
  static_assert(!std::is_copy_constructible_v<kg::graph::KnowledgeGraph>);
  static_assert(std::is_nothrow_move_constructible_v<kg::graph::KnowledgeGraph>);
  auto source = std::make_unique<kg::graph::KnowledgeGraph>();
  const auto doc = document("d", "2021-12-07", 0);
  source->add_sentence(doc,
                       sentence(0, "Putin asked Biden for the guarantee.", 0, {putin_request()}));
  kg::graph::KnowledgeGraph moved(std::move(*source));
  source.reset();  // the edge descriptors must not point into the old object

  REQUIRE(moved.relation_count() == 1);
  const auto edge = moved.relations().front();
  CHECK(moved.relation(edge).relation == "request");
  CHECK(moved.relation(*moved.events()[0].edge).evidence == std::vector<std::size_t>{0});
  const auto found =
      moved.find_relation(vertex(moved, "Vladimir Putin"), vertex(moved, "guarantee"), "request");
  REQUIRE(found);
  CHECK(moved.relation(*found).weight == 1.0);

  kg::graph::KnowledgeGraph assigned;
  assigned = std::move(moved);
  CHECK(assigned.relation(assigned.relations().front()).lemma == "ask");
}

TEST_CASE("roles are kept in role order without repeats", "[graph]") {
  kg::graph::KnowledgeGraph g;
  const auto d = document("doc-1", "2021-12-07", 0);
  g.add_sentence(d, sentence(0, "Putin asked Biden for the guarantee.", 0,
                             {event("request", "ask", "020",
                                    {role(Role::theme, entity("guarantee")),
                                     role(Role::agent, entity("Vladimir Putin", EntityType::person)),
                                     role(Role::theme, entity("guarantee")),
                                     role(Role::theme, entity("promise")),
                                     role(Role::recipient, entity("Joe Biden", EntityType::person))})}));
  const auto& roles = g.events().at(0).roles;
  REQUIRE(roles.size() == 4);
  CHECK(roles[0].role == Role::agent);
  CHECK(roles[1].role == Role::recipient);
  CHECK(roles[2].role == Role::theme);
  CHECK(g.entity(*roles[2].entity).label == "guarantee");
  CHECK(g.entity(*roles[3].entity).label == "promise");
  CHECK(g.entity(*g.events()[0].object).label == "guarantee");
}

TEST_CASE("merged entities keep the first label, type and id, and add up mentions and dates", "[graph]") {
  kg::graph::KnowledgeGraph g;
  kg::graph::Entity a;
  a.label = "Vladimir Putin";
  a.local_name = kg::core::mint_local_name(a.label);
  a.aliases = {"Putin", "Vladimir Putin"};
  a.mentions = 3;
  a.first_date = "2021-12-07";
  a.last_date = "2021-12-07";
  const auto v = g.add_entity(a);
  CHECK(g.entity(v).aliases == std::set<std::string>{"Putin"});  // never the label itself

  kg::graph::Entity b = a;
  b.label = "Vladimir_Putin";  // mints the same local name
  b.type = EntityType::person;
  b.wikidata = "Q7747";
  b.aliases = {"President Putin"};
  b.mentions = 2;
  b.first_date = "2021-12-01";
  b.last_date = "2021-12-09";
  CHECK(g.add_entity(b) == v);
  const auto& e = g.entity(v);
  CHECK(e.label == "Vladimir Putin");
  CHECK(e.type == EntityType::person);
  CHECK(e.wikidata == "Q7747");
  CHECK(e.aliases == std::set<std::string>{"President Putin", "Putin", "Vladimir_Putin"});
  CHECK(e.mentions == 5);
  CHECK(e.first_date == "2021-12-01");
  CHECK(e.last_date == "2021-12-09");

  kg::graph::Entity c = a;
  c.type = EntityType::organization;
  g.add_entity(c);
  CHECK(g.entity(v).type == EntityType::person);  // the first known type stays
}

TEST_CASE("documents and events added as records link edges like extracted ones", "[graph]") {
  kg::graph::KnowledgeGraph g;
  kg::graph::DocumentRecord d;
  d.local_name = "doc-1";
  d.date = "2021-12-07";
  const auto index = g.add_document(d);
  REQUIRE(index);
  CHECK(g.has_document("doc-1"));
  CHECK(g.documents()[*index].id == "doc-1");
  CHECK_FALSE(g.add_document(d));
  CHECK(g.document_count() == 1);

  kg::graph::Entity white_house, us, sanctions;
  white_house.label = white_house.local_name = "White_House";
  us.label = us.local_name = "United_States";
  sanctions.label = sanctions.local_name = "sanctions";
  const auto wh = g.add_entity(white_house), u = g.add_entity(us), s = g.add_entity(sanctions);

  kg::graph::EventRecord say, threaten;
  say.document = threaten.document = *index;
  say.sentence = threaten.sentence = 3;
  say.number = 1;
  threaten.number = 2;
  say.relation = "say";
  say.roles = {{Role::content, std::nullopt, std::size_t{1}, {}}, {Role::agent, wh, std::nullopt, {}}};
  threaten.relation = "threaten";
  threaten.date = "2021-12-07";
  threaten.roles = {{Role::theme, s, std::nullopt, {}}, {Role::agent, u, std::nullopt, {}}};
  CHECK(g.add_events({say, threaten}) == 0);
  REQUIRE(g.event_count() == 2);
  CHECK(g.events()[0].roles[0].role == Role::agent);  // canonical order here too
  CHECK(g.events()[0].roles[1].event == std::size_t{1});
  CHECK_FALSE(g.events()[0].edge);  // say has no object entity
  const auto edge = g.find_relation(u, s, "threaten");
  REQUIRE(edge);
  CHECK(g.relation(*edge).evidence == std::vector<std::size_t>{1});
  CHECK(g.relation(*edge).first_date == "2021-12-07");

  // Extraction into the same document continues its event numbers.
  g.add_sentence(document("doc-1", "2021-12-07", 0),
                 sentence(3, "More.", 10, {event("say", "say", "010", {role(Role::agent, entity("White House"))})}));
  CHECK(g.events()[2].number == 3);
}
