#include "kg/exporter/proposition_writer.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace kg::exporter {

namespace {

std::string one_line(std::string_view text) {
  std::string out(text);
  for (auto& c : out)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return out;
}

std::string argument_text(const core::Argument& a) {
  return a.preposition.empty() ? a.text : a.preposition + " " + a.text;
}

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

void write_string(JsonWriter& w, std::string_view s) {
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

void write_span(JsonWriter& w, const core::Span& span) {
  w.StartArray();
  w.Uint64(span.begin);
  w.Uint64(span.end);
  w.EndArray();
}

void write_entity(JsonWriter& w, const core::EntityRef& e) {
  w.StartObject();
  w.Key("label");
  write_string(w, e.label);
  w.Key("type");
  write_string(w, core::entity_type_name(e.type));
  if (!e.wikidata.empty()) {
    w.Key("wikidata");
    write_string(w, e.wikidata);
  }
  w.Key("mention");
  write_string(w, e.mention);
  w.EndObject();
}

}  // namespace

void OieWriter::add_sentence(const core::Document&, const core::SentenceFacts& facts) {
  const std::string sentence = one_line(facts.sentence.text);
  for (const auto& p : facts.propositions) {
    // OpenIE tuples are at least binary (relation, arg1, arg2); unary propositions (`prices rose`)
    // stay in the JSON Lines output and the graph.
    if (p.arguments.size() < 2) continue;
    char confidence[16];
    std::snprintf(confidence, sizeof confidence, "%.3f", p.confidence);
    // arg1 is the subject; the rest follow in sentence order. Without a direct object, the first
    // preposition joins the relation (`taught at`; `the University`), as OpenIE systems write it.
    std::vector<const core::Argument*> rest;
    for (std::size_t i = 1; i < p.arguments.size(); ++i) rest.push_back(&p.arguments[i]);
    // Arguments after the predicate first, then those before it (`On 12 July, Hezbollah
    // launched …` -> launched; Hezbollah; …; On 12 July), each in sentence order.
    const auto verb = p.predicate.span.begin;
    std::stable_sort(rest.begin(), rest.end(), [verb](const core::Argument* a, const core::Argument* b) {
      const bool a_before = a->span.begin < verb, b_before = b->span.begin < verb;
      if (a_before != b_before) return b_before;
      return a->span.begin < b->span.begin;
    });
    std::string relation = p.predicate.text;
    // An implicit fact (`Maria Zakharova, the spokeswoman` -> is-a) has no verb, hence no tense:
    // its relation is the lemma `be`, which CaRB matches with any form of be (dev F1 +0.6).
    if (p.predicate.span.begin == p.predicate.span.end && p.predicate.lemma == "be") relation = "be";
    const bool has_object = std::any_of(rest.begin(), rest.end(), [](const core::Argument* a) {
      return a->preposition.empty();
    });
    std::size_t folded = rest.size();
    // Only a preposition after the verb joins it (`In 1879, he died` stays `died`; `In 1879`).
    if (!has_object && !rest.empty() && rest.front()->span.begin > verb) {
      relation += " " + rest.front()->preposition;
      folded = 0;
    }
    *out_ << sentence << '\t' << confidence << '\t' << one_line(relation) << '\t'
          << one_line(argument_text(p.arguments.front()));
    for (std::size_t i = 0; i < rest.size(); ++i)
      *out_ << '\t' << one_line(i == folded ? rest[i]->text : argument_text(*rest[i]));
    *out_ << '\n';
  }
}

void PropositionJsonWriter::add_sentence(const core::Document& doc, const core::SentenceFacts& facts) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  w.Key("doc");
  write_string(w, doc.id);
  w.Key("sentence");
  w.Uint64(facts.sentence.index);
  w.Key("text");
  write_string(w, facts.sentence.text);
  w.Key("chars");
  write_span(w, facts.sentence.chars);
  w.Key("propositions");
  w.StartArray();
  for (const auto& p : facts.propositions) {
    w.StartObject();
    w.Key("predicate");
    w.StartObject();
    w.Key("text");
    write_string(w, p.predicate.text);
    w.Key("lemma");
    write_string(w, p.predicate.lemma);
    if (!p.predicate.particle.empty()) {
      w.Key("particle");
      write_string(w, p.predicate.particle);
    }
    w.Key("negated");
    w.Bool(p.predicate.negated);
    if (!p.predicate.modality.empty()) {
      w.Key("modality");
      write_string(w, p.predicate.modality);
    }
    if (!p.predicate.tense.empty()) {
      w.Key("tense");
      write_string(w, p.predicate.tense);
    }
    w.Key("span");
    write_span(w, p.predicate.span);
    w.EndObject();
    w.Key("arguments");
    w.StartArray();
    for (const auto& a : p.arguments) {
      w.StartObject();
      w.Key("role");
      write_string(w, core::role_name(a.role));
      w.Key("text");
      write_string(w, a.text);
      if (!a.preposition.empty()) {
        w.Key("preposition");
        write_string(w, a.preposition);
      }
      w.Key("head");
      write_string(w, a.head);
      w.Key("span");
      write_span(w, a.span);
      w.EndObject();
    }
    w.EndArray();
    if (!p.attribution.source.empty() || !p.attribution.cue.empty()) {
      w.Key("attribution");
      w.StartObject();
      w.Key("source");
      write_string(w, p.attribution.source);
      w.Key("source_span");
      write_span(w, p.attribution.source_span);
      w.Key("cue");
      write_string(w, p.attribution.cue);
      w.Key("cue_span");
      write_span(w, p.attribution.cue_span);
      w.EndObject();
    }
    w.Key("asserted");
    w.Bool(p.asserted);
    w.Key("conditional");
    w.Bool(p.conditional);
    w.Key("confidence");
    w.Double(p.confidence);
    if (p.content_of >= 0) {
      w.Key("content_of");
      w.Int(p.content_of);
    }
    w.EndObject();
  }
  w.EndArray();
  w.Key("events");
  w.StartArray();
  for (const auto& e : facts.events) {
    w.StartObject();
    w.Key("relation");
    write_string(w, e.relation);
    w.Key("lemma");
    write_string(w, e.lemma);
    if (!e.cameo.empty()) {
      w.Key("cameo");
      write_string(w, e.cameo);
    }
    w.Key("speech_act");
    w.Bool(e.speech_act);
    w.Key("roles");
    w.StartArray();
    for (const auto& r : e.roles) {
      w.StartObject();
      w.Key("role");
      write_string(w, core::role_name(r.role));
      if (r.entity) {
        w.Key("entity");
        write_entity(w, *r.entity);
      } else if (r.event >= 0) {
        w.Key("event");
        w.Int(r.event);
      } else {
        w.Key("text");
        write_string(w, r.text);
      }
      w.EndObject();
    }
    w.EndArray();
    if (e.attributed_to) {
      w.Key("attributed_to");
      write_entity(w, *e.attributed_to);
      w.Key("cue");
      write_string(w, e.cue);
    }
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  *out_ << buffer.GetString() << '\n';
}

}  // namespace kg::exporter
