// Resources: what every worker shares read-only — the Link Grammar dictionary, WordNet, the
// relation catalog, the gazetteers and the word lists of <data>/lexicon — loaded once, and the
// Lexicon questions the proposition extractor asks of them.
#include "kg/extract/extractor.hpp"
#include "kg/ontology/data_dir.hpp"

namespace kg::extract {

Resources::Resources(std::unique_ptr<LinkDictionary> dictionary, WordNet wordnet, ontology::RelationCatalog catalog,
                     ontology::Gazetteer gazetteer, ontology::WordLists words)
    : dictionary_(std::move(dictionary)),
      wordnet_(std::move(wordnet)),
      catalog_(std::move(catalog)),
      gazetteer_(std::move(gazetteer)),
      words_(std::move(words)) {}

std::unique_ptr<Resources> Resources::load(const ResourceOptions& options,
                                           core::DiagnosticSink& diagnostics) {
  const auto data = options.data_dir.empty() ? ontology::default_data_dir() : options.data_dir;
  const auto wordnet_dir = options.wordnet_dir.empty() ? WordNet::default_dir() : options.wordnet_dir;
  auto catalog = ontology::RelationCatalog::load(data / "catalog.ttl", diagnostics);
  std::vector<std::filesystem::path> gazetteers = {data / "gazetteer" / "countries.ttl",
                                                   data / "gazetteer" / "actors.ttl"};
  gazetteers.insert(gazetteers.end(), options.extra_gazetteers.begin(), options.extra_gazetteers.end());
  auto gazetteer = ontology::Gazetteer::load(gazetteers, diagnostics);
  auto words = ontology::WordLists::load(data / "lexicon");
  auto wordnet = WordNet::load(wordnet_dir);
  auto dictionary = std::make_unique<LinkDictionary>();
  return std::unique_ptr<Resources>(new Resources(std::move(dictionary), std::move(wordnet),
                                                  std::move(catalog), std::move(gazetteer),
                                                  std::move(words)));
}

std::string Resources::verb_lemma(std::string_view word) const { return wordnet_.verb_lemma(word); }

bool Resources::is_person_noun(std::string_view word) const {
  return wordnet_.is_person_noun(wordnet_.noun_lemma(word)) && gazetteer_.country_for_demonym(word) == nullptr;
}

bool Resources::is_speech_verb(std::string_view lemma) const {
  if (words_.reporting_verbs.contains(lemma)) return true;
  const auto* relation = catalog_.find(lemma);
  return relation != nullptr && relation->speech;
}

}  // namespace kg::extract
