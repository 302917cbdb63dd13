// Resources: what every worker shares read-only — the Link Grammar dictionary, WordNet, the
// relation catalog and the gazetteers — loaded once, and the Lexicon questions the proposition
// extractor asks of them.
#include <algorithm>
#include <array>

#include "kg/extract/extractor.hpp"
#include "kg/ontology/data_dir.hpp"

namespace kg::extract {

namespace {

// Verbs of speech and thought that report content but are not catalog relations of their own
// (the catalog's speech relations are added to these).
constexpr std::array<std::string_view, 40> kReportingVerbs = {
    "say", "tell", "add", "note", "stress", "explain", "state", "claim", "announce", "report",
    "write", "insist", "warn", "believe", "think", "argue", "suggest", "reiterate", "confirm",
    "emphasize", "emphasise", "declare", "acknowledge", "admit", "allege", "assert", "concede",
    "contend", "joke", "mention", "predict", "recall", "reply", "respond", "testify", "tweet",
    "complain", "comment", "remark", "boast"};

}  // namespace

Resources::Resources(std::unique_ptr<LinkDictionary> dictionary, WordNet wordnet,
                     ontology::RelationCatalog catalog, ontology::Gazetteer gazetteer)
    : dictionary_(std::move(dictionary)),
      wordnet_(std::move(wordnet)),
      catalog_(std::move(catalog)),
      gazetteer_(std::move(gazetteer)) {}

std::unique_ptr<Resources> Resources::load(const ResourceOptions& options,
                                           core::DiagnosticSink& diagnostics) {
  const auto data = options.data_dir.empty() ? ontology::default_data_dir() : options.data_dir;
  const auto wordnet_dir = options.wordnet_dir.empty() ? WordNet::default_dir() : options.wordnet_dir;
  auto catalog = ontology::RelationCatalog::load(data / "catalog.ttl", diagnostics);
  std::vector<std::filesystem::path> gazetteers = {data / "gazetteer" / "countries.ttl",
                                                   data / "gazetteer" / "actors.ttl"};
  gazetteers.insert(gazetteers.end(), options.extra_gazetteers.begin(), options.extra_gazetteers.end());
  auto gazetteer = ontology::Gazetteer::load(gazetteers, diagnostics);
  auto wordnet = WordNet::load(wordnet_dir);
  auto dictionary = std::make_unique<LinkDictionary>();
  return std::unique_ptr<Resources>(new Resources(std::move(dictionary), std::move(wordnet),
                                                  std::move(catalog), std::move(gazetteer)));
}

std::string Resources::verb_lemma(std::string_view word) const { return wordnet_.verb_lemma(word); }

bool Resources::is_person_noun(std::string_view word) const {
  return wordnet_.is_person_noun(wordnet_.noun_lemma(word)) && gazetteer_.country_for_demonym(word) == nullptr;
}

bool Resources::is_speech_verb(std::string_view lemma) const {
  if (std::find(kReportingVerbs.begin(), kReportingVerbs.end(), lemma) != kReportingVerbs.end())
    return true;
  const auto* relation = catalog_.find(lemma);
  return relation != nullptr && relation->speech;
}

}  // namespace kg::extract
