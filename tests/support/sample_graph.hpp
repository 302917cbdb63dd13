#pragma once
/// Test support: a small knowledge graph with the ARCHITECTURE examples (a request, a speech act
/// with reported conditional content, the request again in a second document, a negated event),
/// built through the graph's own FactSink interface. Header-only.

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kg/graph/knowledge_graph.hpp"
#include "support/sample_facts.hpp"

namespace kg::test {

/// Where the sample documents are published.
inline constexpr std::string_view kNewsSite = "https://example.org/news/";

inline core::SentenceFacts sentence(std::size_t index, std::string text, std::size_t begin,
                                 std::size_t chars, std::vector<core::Event> events) {
  core::SentenceFacts f;
  f.sentence.index = index;
  f.sentence.text = std::move(text);
  f.sentence.chars = {begin, begin + chars};
  f.events = std::move(events);
  return f;
}

inline core::Event request() {
  core::Event e;
  e.relation = "request";
  e.lemma = "ask";
  e.cameo = "020";
  e.confidence = 0.75;
  e.roles = {role(core::Role::agent, entity("Vladimir Putin", core::EntityType::person, "Putin", 0, "Q7747")),
             role(core::Role::recipient, entity("Joe Biden", core::EntityType::person, "Biden")),
             role(core::Role::theme, entity("guarantee"))};
  return e;
}

/// The ARCHITECTURE examples: a request, a speech act with reported (non-asserted) content, and the
/// request again in a second document.
inline graph::KnowledgeGraph sample_graph() {
  graph::KnowledgeGraph g;
  const auto d1 = document("doc-1", "2021-12-07", 0, kNewsSite);
  g.begin_document(d1);
  g.add_sentence(d1, sentence(0, "Putin asked Biden for the guarantee.", 0, 36, {request()}));

  core::Event say;
  say.relation = "say";
  say.lemma = "say";
  say.cameo = "010";
  say.speech_act = true;
  say.roles = {role(core::Role::agent, entity("White House", core::EntityType::organization)),
               nested(core::Role::content, 1)};
  core::Event threaten;
  threaten.relation = "threaten";
  threaten.lemma = "prepare";
  threaten.cameo = "1312";
  threaten.asserted = false;
  threaten.conditional = true;
  threaten.modality = "would";
  threaten.confidence = 0.5;
  threaten.roles = {
      role(core::Role::agent, entity("United States", core::EntityType::country, "Washington", 0, "Q30")),
      role(core::Role::theme, entity("sanctions")), text(core::Role::time, "in case of escalation")};
  threaten.attributed_to = entity("White House", core::EntityType::organization);
  threaten.cue = "said";
  g.add_sentence(d1, sentence(1,
                              "Washington is preparing sanctions in case of escalation, the White "
                              "House said.",
                              37, 80, {say, threaten}));
  g.end_document(d1);

  const auto d2 = document("doc-2", "2021-12-08", 1, kNewsSite);
  g.begin_document(d2);
  g.add_sentence(d2, sentence(0, "Putin asked Biden for the guarantee.", 0, 36, {request()}));
  core::Event criticize;
  criticize.relation = "criticize";
  criticize.lemma = "criticize";
  criticize.negated = true;
  criticize.roles = {role(core::Role::agent, entity("Joe Biden", core::EntityType::person)),
                     role(core::Role::target, entity("Vladimir Putin", core::EntityType::person))};
  g.add_sentence(d2, sentence(1, "Biden did not criticize Putin.", 37, 30, {criticize}));
  g.end_document(d2);
  return g;
}

}  // namespace kg::test
