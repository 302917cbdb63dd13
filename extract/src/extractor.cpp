// Extractor::process: the orchestration of one document — split, parse, read propositions off the
// best linkage, attach quotations and reported clauses read off the text, normalise to events
// (normaliser), resolve entities across the document (coreference). Each step has its own room.
#include "kg/extract/extractor.hpp"

#include "coreference.hpp"
#include "kg/core/text.hpp"
#include "mention_links.hpp"
#include "mentions.hpp"
#include "normaliser.hpp"
#include "quoted_speech.hpp"
#include "reported_clause.hpp"

namespace kg::extract {

Extractor::Extractor(const Resources& resources, core::DiagnosticSink& diagnostics)
    : resources_(&resources),
      diagnostics_(&diagnostics),
      splitter_(resources.words()),
      parser_(resources.dictionary()),
      propositions_(resources) {}

Extractor::~Extractor() = default;

std::vector<core::SentenceFacts> Extractor::process(const core::Document& doc,
                                                    bool whole_text_is_sentence,
                                                    ExtractionStats& stats) {
  StageTimer timer;
  std::vector<core::Sentence> sentences;
  if (whole_text_is_sentence) {
    core::Sentence s;
    s.text = doc.text;
    s.byte_end = doc.text.size();
    s.chars = {0, core::count_code_points(doc.text)};
    sentences.push_back(std::move(s));
  } else {
    sentences = splitter_.split(doc.text);
  }
  timer.add_to(stats.times.split);
  std::vector<core::SentenceFacts> out;
  out.reserve(sentences.size());
  for (auto& sentence : sentences) {
    core::SentenceFacts facts;
    ++stats.sentences;
    const auto linkages = parser_.parse(sentence.text, propositions_.reporting_clause_break(sentence.text));
    parser_.take_messages();  // library chatter about single sentences is not actionable
    timer.add_to(stats.times.parse);
    if (linkages.empty()) {
      ++stats.unparsed;
    } else {
      ++stats.parsed;
      facts.propositions = propositions_.extract_best(sentence, linkages);
    }
    facts.sentence = std::move(sentence);
    out.push_back(std::move(facts));
    timer.add_to(stats.times.extract);
  }
  // Quotations are read off the article's text: their reporting clause may be in another sentence
  // than what they say, or in one the parser failed on. Benchmark mode (one given sentence) keeps
  // to the parse.
  if (!whole_text_is_sentence) {
    attach_quoted_speech(out, doc.text, *resources_);
    // Complement clauses of reporting verbs that the parse missed or cut short.
    attach_reported_clauses(out, doc.text, *resources_, resources_->wordnet());
  }
  for (auto& facts : out) {
    facts.events = detail::normalise(facts.propositions, *resources_);
    stats.propositions += facts.propositions.size();
    stats.events += facts.events.size();
  }
  // Titles, short names and pronouns need the sentences before them.
  detail::resolve_document_entities(out, *resources_);
  // Every name and pronoun of the text, one entity per actor, read back into the events.
  if (!whole_text_is_sentence) {
    detail::resolve_document_mentions(out, *resources_);
    detail::link_mentions_to_events(out, *resources_);
  }
  timer.add_to(stats.times.extract);
  return out;
}

}  // namespace kg::extract
