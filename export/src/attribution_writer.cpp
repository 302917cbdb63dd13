#include "kg/exporter/attribution_writer.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <filesystem>
#include <string_view>

namespace kg::exporter {

namespace {

/// The text of code-point `span`, read from `text`, whose first code point is number `first`.
/// Empty when the span does not lie inside `text`.
std::string_view slice(std::string_view text, std::size_t first, const core::Span& span) {
  if (span.begin < first) return {};
  std::size_t cp = first, begin = std::string_view::npos;
  for (std::size_t b = 0; b <= text.size(); ++b) {
    const bool boundary = b == text.size() || (static_cast<unsigned char>(text[b]) & 0xC0) != 0x80;
    if (!boundary) continue;
    if (cp == span.begin) begin = b;
    if (cp == span.end) return begin == std::string_view::npos ? std::string_view{} : text.substr(begin, b - begin);
    ++cp;
  }
  return {};
}

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

void write_spans(JsonWriter& w, const std::vector<core::Span>& spans, const core::Document& doc,
                 const core::Sentence* sentence) {
  w.StartArray();
  for (const auto& s : spans) {
    w.StartObject();
    w.Key("start");
    w.Uint64(s.begin);
    w.Key("end");
    w.Uint64(s.end);
    // Spans lie in their sentence; reading the whole document is the fallback for any that do not.
    std::string_view text = sentence != nullptr ? slice(sentence->text, sentence->chars.begin, s) : std::string_view();
    if (text.empty()) text = slice(doc.text, 0, s);
    w.Key("text");
    w.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
    w.EndObject();
  }
  w.EndArray();
}

}  // namespace

std::string attribution_document_name(const core::Document& doc) {
  const std::filesystem::path file(doc.source_file);
  if (doc.source_file.empty() || doc.source_file == "-" || file.extension() == ".jsonl") return doc.id;
  return file.stem().string();
}

void AttributionWriter::add_sentence(const core::Document& doc, const core::SentenceFacts& facts) {
  (void)doc;
  sentences_.push_back(facts.sentence);
}

void AttributionWriter::add_attributions(const core::Document& doc,
                                         const std::vector<core::AttributionRecord>& records) {
  const std::string name = attribution_document_name(doc);
  for (const auto& r : records) {
    const core::Sentence* sentence = nullptr;
    if (r.sentence < sentences_.size() && sentences_[r.sentence].index == r.sentence) sentence = &sentences_[r.sentence];
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    w.StartObject();
    w.Key("doc");
    w.String(name.data(), static_cast<rapidjson::SizeType>(name.size()));
    w.Key("sentence");
    w.Uint64(r.sentence);
    w.Key("source");
    write_spans(w, r.source, doc, sentence);
    w.Key("cue");
    write_spans(w, r.cue, doc, sentence);
    w.Key("content");
    write_spans(w, r.content, doc, sentence);
    if (!r.speaker.empty()) {
      w.Key("speaker");
      w.String(r.speaker.data(), static_cast<rapidjson::SizeType>(r.speaker.size()));
    }
    w.EndObject();
    *out_ << buffer.GetString() << '\n';
  }
}

void AttributionWriter::end_document(const core::Document& doc) {
  (void)doc;
  sentences_.clear();
}

}  // namespace kg::exporter
