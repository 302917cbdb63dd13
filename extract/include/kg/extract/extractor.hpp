#pragma once
/// The extraction stage: a document in, SentenceFacts (sentences, propositions, events) out.
///
/// `Resources` holds everything expensive (Link Grammar dictionary, WordNet, relation catalog,
/// gazetteer): load it once and share it read-only. `Extractor` is the per-thread worker.

#include <cstddef>
#include <filesystem>
#include <memory>
#include <vector>

#include "kg/core/diagnostics.hpp"
#include "kg/core/types.hpp"
#include "kg/extract/link_parser.hpp"
#include "kg/extract/proposition_extractor.hpp"
#include "kg/extract/sentence_splitter.hpp"
#include "kg/extract/wordnet.hpp"
#include "kg/ontology/catalog.hpp"
#include "kg/ontology/gazetteer.hpp"

namespace kg::extract {

/// Where the shared resources come from.
struct ResourceOptions {
  std::filesystem::path data_dir;                       ///< empty: ontology::default_data_dir()
  std::filesystem::path wordnet_dir;                    ///< empty: WordNet::default_dir()
  std::vector<std::filesystem::path> extra_gazetteers;  ///< user files (--gazetteer)
};

/// Read-only resources shared by all workers. Loading throws core::Error on a missing or
/// malformed data file (after reporting its position to `diagnostics`).
class Resources final : public Lexicon {
 public:
  /// Loads the catalog, the gazetteers, WordNet and the Link Grammar dictionary (~0.5 s).
  static std::unique_ptr<Resources> load(const ResourceOptions& options,
                                         core::DiagnosticSink& diagnostics);

  /// The shared parser dictionary; parsers for each thread are made from it.
  const LinkDictionary& dictionary() const { return *dictionary_; }
  /// Lemmas and verb classes.
  const WordNet& wordnet() const { return wordnet_; }
  /// Verb (+ particle) -> relation and CAMEO code.
  const ontology::RelationCatalog& catalog() const { return catalog_; }
  /// Names, aliases, demonyms and seats of known actors.
  const ontology::Gazetteer& gazetteer() const { return gazetteer_; }

  /// Lexicon: WordNet's base form of a verb.
  std::string verb_lemma(std::string_view word) const override;
  /// Lexicon: a reporting verb (built-in list) or a speech relation's trigger in the catalog.
  bool is_speech_verb(std::string_view lemma) const override;
  /// Lexicon: WordNet verb.communication.
  bool is_communication_verb(std::string_view lemma) const override {
    return wordnet_.is_communication_verb(lemma);
  }
  /// Lexicon: WordNet noun.person, except the gazetteer's demonyms (`European`, `Russians`).
  bool is_person_noun(std::string_view word) const override;

 private:
  Resources(std::unique_ptr<LinkDictionary> dictionary, WordNet wordnet,
            ontology::RelationCatalog catalog, ontology::Gazetteer gazetteer);
  std::unique_ptr<LinkDictionary> dictionary_;
  WordNet wordnet_;
  ontology::RelationCatalog catalog_;
  ontology::Gazetteer gazetteer_;
};

/// Per-document counters, summed by the pipeline.
struct ExtractionStats {
  std::size_t sentences = 0;
  std::size_t parsed = 0;        ///< sentences with a full or partial parse
  std::size_t unparsed = 0;      ///< too long or no linkage: no propositions
  std::size_t propositions = 0;
  std::size_t events = 0;
};

/// One worker: splits, parses, extracts and normalises. Not thread-safe; one per thread.
class Extractor {
 public:
  /// `resources` and `diagnostics` must outlive the extractor.
  Extractor(const Resources& resources, core::DiagnosticSink& diagnostics);
  ~Extractor();

  /// All sentences of `doc` with their propositions and events. With `whole_text_is_sentence`
  /// (benchmark mode) the text is taken as one sentence, exactly as given.
  std::vector<core::SentenceFacts> process(const core::Document& doc, bool whole_text_is_sentence,
                                           ExtractionStats& stats);

 private:
  std::vector<core::Event> normalise(const core::Sentence& sentence,
                                     const std::vector<core::Proposition>& propositions) const;
  const Resources* resources_;
  core::DiagnosticSink* diagnostics_;
  SentenceSplitter splitter_;
  LinkParser parser_;
  PropositionExtractor propositions_;
};

}  // namespace kg::extract
