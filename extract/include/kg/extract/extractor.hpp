#pragma once
/// The extraction stage: a document in, SentenceFacts (sentences, propositions, events) out.
///
/// `Resources` holds everything expensive (Link Grammar dictionary, WordNet, relation catalog,
/// gazetteer): load it once and share it read-only. `Extractor` is the per-thread worker.

#include <time.h>

#include <chrono>
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
#include "kg/ontology/word_lists.hpp"

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
  /// Loads the catalog, the gazetteers, the word lists, WordNet and the Link Grammar dictionary (~0.5 s).
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
  /// Lexicon: the open-class word lists of <data>/lexicon.
  const ontology::WordLists& words() const override { return words_; }

  /// Lexicon: WordNet's base form of a verb.
  std::string verb_lemma(std::string_view word) const override;
  /// Lexicon: a speech relation's trigger in the catalog or a verb of lexicon/reporting_verbs.tsv.
  bool is_speech_verb(std::string_view lemma) const override;
  /// Lexicon: WordNet verb.communication.
  bool is_communication_verb(std::string_view lemma) const override {
    return wordnet_.is_communication_verb(lemma);
  }
  /// Lexicon: WordNet noun.person, except the gazetteer's demonyms (`European`, `Russians`).
  bool is_person_noun(std::string_view word) const override;

 private:
  Resources(std::unique_ptr<LinkDictionary> dictionary, WordNet wordnet, ontology::RelationCatalog catalog,
            ontology::Gazetteer gazetteer, ontology::WordLists words);
  std::unique_ptr<LinkDictionary> dictionary_;
  WordNet wordnet_;
  ontology::RelationCatalog catalog_;
  ontology::Gazetteer gazetteer_;
  ontology::WordLists words_;
};

/// Seconds one pipeline stage took: wall-clock time and the CPU time of the thread running it,
/// summed over the workers where the stage runs in several (so with N busy workers the wall
/// figure of a worker stage is about N times the elapsed time).
struct StageTime {
  double wall = 0.0;
  double cpu = 0.0;
  StageTime& operator+=(const StageTime& other) {
    wall += other.wall;
    cpu += other.cpu;
    return *this;
  }
};

/// Measures one stage on the calling thread: steady_clock for wall time, the thread's CPU clock
/// (CLOCK_THREAD_CPUTIME_ID) for CPU time. Meant around whole stages (a document's split, a
/// sentence's parse), not around single words: each reading is a system call. Not thread-safe.
class StageTimer {
 public:
  StageTimer() : wall_(std::chrono::steady_clock::now()), cpu_(thread_cpu_seconds()) {}
  /// The time since construction (or the last add_to); restarts the timer.
  StageTime lap() {
    const auto wall = std::chrono::steady_clock::now();
    const double cpu = thread_cpu_seconds();
    const StageTime t{std::chrono::duration<double>(wall - wall_).count(), cpu - cpu_};
    wall_ = wall;
    cpu_ = cpu;
    return t;
  }
  /// Adds the time since construction (or the last lap) to `stage`; restarts the timer.
  void add_to(StageTime& stage) { stage += lap(); }

  /// CPU seconds the calling thread has used so far.
  static double thread_cpu_seconds() {
    timespec ts{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
  }

 private:
  std::chrono::steady_clock::time_point wall_;
  double cpu_;
};

/// Time per pipeline stage (`kgraph build --timings`). Worker stages (split, parse, extract) are
/// summed over workers; read runs on the reader thread (not counting the time it waits for room
/// in the queue), graph on the sink thread, output where the CLI writes the files.
struct StageTimes {
  StageTime read;     ///< reading and decoding input files into documents
  StageTime split;    ///< sentence splitting
  StageTime parse;    ///< Link Grammar parsing
  StageTime extract;  ///< propositions, text-level attribution, normalisation, entity resolution, attributions
  StageTime graph;    ///< the sink: adding facts to the graph (or streaming them out)
  StageTime output;   ///< export: writing the output files (filled by the caller of the pipeline)
  StageTimes& operator+=(const StageTimes& other) {
    read += other.read;
    split += other.split;
    parse += other.parse;
    extract += other.extract;
    graph += other.graph;
    output += other.output;
    return *this;
  }
};

/// Per-document counters and stage times, summed by the pipeline.
struct ExtractionStats {
  std::size_t sentences = 0;
  std::size_t parsed = 0;        ///< sentences with a full or partial parse
  std::size_t unparsed = 0;      ///< too long or no linkage: no propositions
  std::size_t propositions = 0;
  std::size_t events = 0;
  StageTimes times;  ///< split, parse and extract filled by Extractor::process, the rest by the pipeline
  ExtractionStats& operator+=(const ExtractionStats& other) {
    sentences += other.sentences;
    parsed += other.parsed;
    unparsed += other.unparsed;
    propositions += other.propositions;
    events += other.events;
    times += other.times;
    return *this;
  }
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
  const Resources* resources_;
  core::DiagnosticSink* diagnostics_;
  SentenceSplitter splitter_;
  LinkParser parser_;
  PropositionExtractor propositions_;
};

}  // namespace kg::extract
