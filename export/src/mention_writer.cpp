#include "kg/exporter/mention_writer.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <string_view>
#include <utility>

#include "kg/core/iri.hpp"
#include "kg/exporter/attribution_writer.hpp"

namespace kg::exporter {

MentionWriter::MentionWriter(std::ostream& out, std::string base) : out_(&out), entity_base_(std::move(base) + "entity/") {}

void MentionWriter::add_sentence(const core::Document& doc, const core::SentenceFacts& facts) {
  if (facts.mentions.empty()) return;
  const std::string name = attribution_document_name(doc);
  auto string = [](rapidjson::Writer<rapidjson::StringBuffer>& w, std::string_view s) {
    w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
  };
  for (const auto& m : facts.mentions) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    w.StartObject();
    w.Key("doc");
    string(w, name);
    w.Key("start");
    w.Uint64(m.span.begin);
    w.Key("end");
    w.Uint64(m.span.end);
    w.Key("text");
    string(w, m.text);
    w.Key("type");
    string(w, core::entity_type_name(m.type));
    w.Key("entity");
    if (m.entity.empty()) {
      w.Null();
    } else {
      string(w, entity_base_ + core::mint_local_name(m.entity));
    }
    w.Key("kind");
    string(w, core::mention_kind_name(m.kind));
    w.EndObject();
    *out_ << buffer.GetString() << '\n';
  }
}

}  // namespace kg::exporter
