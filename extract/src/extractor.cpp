#include "kg/extract/extractor.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "kg/core/diagnostics.hpp"
#include "kg/core/text.hpp"
#include "kg/ontology/data_dir.hpp"

namespace kg::extract {

namespace {

// Verbs of speech and thought that report content but are not catalog relations of their own
// (the catalog's speech relations are added to these).
constexpr std::array<std::string_view, 22> kReportingVerbs = {
    "say", "tell", "add", "note", "stress", "explain", "state", "claim", "announce", "report",
    "write", "insist", "warn", "believe", "think", "argue", "suggest", "reiterate", "confirm",
    "emphasize", "emphasise", "declare"};

// Pronouns and pronoun-like words that name no entity by themselves (coreference comes later).
constexpr std::array<std::string_view, 22> kPronouns = {
    "he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "us", "me", "his", "its",
    "their", "our", "that", "this", "which", "who", "these", "those"};

constexpr std::array<std::string_view, 10> kLeadingWords = {"the", "a", "an", "this", "that",
                                                            "these", "those", "its", "his", "their"};

/// `text` without surrounding quotation marks (straight or curly) and white space.
std::string_view strip_quotes(std::string_view t) {
  static constexpr std::array<std::string_view, 7> quotes = {"\"", "'", "\u201C", "\u201D",
                                                             "\u2018", "\u2019", "`"};
  bool changed = true;
  while (changed && !t.empty()) {
    changed = false;
    t = core::trim(t);
    for (auto q : quotes) {
      if (t.size() >= q.size() && t.substr(0, q.size()) == q) {
        t.remove_prefix(q.size());
        changed = true;
      }
      if (t.size() >= q.size() && t.substr(t.size() - q.size()) == q) {
        t.remove_suffix(q.size());
        changed = true;
      }
    }
  }
  return t;
}

std::string strip_leading_article(std::string_view text) {
  std::string_view t = strip_quotes(text);
  for (auto w : kLeadingWords) {
    if (t.size() > w.size() + 1 && core::ascii_lower(t.substr(0, w.size())) == w && t[w.size()] == ' ')
      return std::string(core::trim(t.substr(w.size() + 1)));
  }
  return std::string(t);
}

std::vector<std::string_view> split_words(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    std::size_t j = i;
    while (j < text.size() && text[j] != ' ') ++j;
    if (j > i) out.push_back(text.substr(i, j - i));
    i = j;
  }
  return out;
}

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

Extractor::Extractor(const Resources& resources, core::DiagnosticSink& diagnostics)
    : resources_(&resources),
      diagnostics_(&diagnostics),
      parser_(resources.dictionary()),
      propositions_(resources) {}

Extractor::~Extractor() = default;

std::vector<core::SentenceFacts> Extractor::process(const core::Document& doc,
                                                    bool whole_text_is_sentence,
                                                    ExtractionStats& stats) {
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
  std::vector<core::SentenceFacts> out;
  out.reserve(sentences.size());
  for (auto& sentence : sentences) {
    core::SentenceFacts facts;
    ++stats.sentences;
    const auto linkages = parser_.parse(sentence.text, propositions_.reporting_clause_break(sentence.text));
    parser_.take_messages();  // library chatter about single sentences is not actionable
    if (linkages.empty()) {
      ++stats.unparsed;
    } else {
      ++stats.parsed;
      // The top linkage is only a sample: take the most plausible of the first few.
      std::size_t best = 0;
      double best_score = propositions_.plausibility(linkages[0]);
      for (std::size_t i = 1; i < linkages.size(); ++i) {
        const double score = propositions_.plausibility(linkages[i]);
        if (score > best_score + 1e-9) {
          best = i;
          best_score = score;
        }
      }
      facts.propositions = propositions_.extract(sentence, linkages[best]);
      facts.events = normalise(sentence, facts.propositions);
    }
    stats.propositions += facts.propositions.size();
    stats.events += facts.events.size();
    facts.sentence = std::move(sentence);
    out.push_back(std::move(facts));
  }
  return out;
}

namespace {

/// Maps an argument to an entity: gazetteer names and aliases first (trying shorter tails of the
/// name so that titles fall away: `Russian President Vladimir Putin` -> `Vladimir Putin`), then
/// capitals used for governments, else the name itself (proper) or the head noun (common).
std::optional<core::EntityRef> resolve_entity(const core::Argument& argument,
                                              const ontology::Gazetteer& gazetteer) {
  std::string head = strip_leading_article(argument.head);
  if (head.empty()) return std::nullopt;
  const std::string lower = core::ascii_lower(head);
  if (std::find(kPronouns.begin(), kPronouns.end(), lower) != kPronouns.end()) return std::nullopt;
  if (!std::any_of(head.begin(), head.end(), [](unsigned char c) { return std::isalnum(c) || c >= 0x80; }))
    return std::nullopt;
  core::EntityRef ref;
  ref.mention = argument.head;
  ref.span = argument.span;
  auto from_entry = [&](const ontology::GazetteerEntry& e) {
    ref.label = e.label;
    ref.type = e.type;
    ref.wikidata = e.wikidata;
    return ref;
  };
  const auto words = split_words(head);
  for (std::size_t skip = 0; skip < words.size(); ++skip) {
    const auto tail_begin = words[skip].data() - head.data();
    const std::string_view tail = std::string_view(head).substr(static_cast<std::size_t>(tail_begin));
    if (const auto* e = gazetteer.find(tail)) return from_entry(*e);
    if (argument.proper) {
      if (const auto* e = gazetteer.country_for_seat(tail); e && argument.role == core::Role::agent)
        return from_entry(*e);
    }
    if (!argument.proper) break;  // common nouns: only the whole compound
  }
  ref.label = head;
  ref.type = core::EntityType::concept_;
  return ref;
}

constexpr std::array<std::string_view, 9> kPunitiveMeasures = {
    "sanction", "measure", "response", "consequence", "cost", "penalty", "retaliation", "tariff",
    "countermeasure"};

/// Whether an argument of `p` is headed by a punitive measure (`sanctions`, `strong measures`).
bool mentions_punitive_measure(const core::Proposition& p, const WordNet& wordnet) {
  for (const auto& a : p.arguments) {
    if (a.role == core::Role::agent) continue;
    const auto words = split_words(a.head);
    if (words.empty()) continue;
    const std::string lemma = wordnet.noun_lemma(words.back());
    if (std::find(kPunitiveMeasures.begin(), kPunitiveMeasures.end(), lemma) != kPunitiveMeasures.end())
      return true;
  }
  return false;
}

}  // namespace

std::vector<core::Event> Extractor::normalise(const core::Sentence& sentence,
                                              const std::vector<core::Proposition>& propositions) const {
  (void)sentence;
  const auto& catalog = resources_->catalog();
  const auto& gazetteer = resources_->gazetteer();
  std::vector<core::Event> events;
  events.reserve(propositions.size());
  for (const auto& p : propositions) {
    core::Event e;
    e.lemma = p.predicate.lemma;
    // The particle, else the first preposition, can select a relation (`ask … for` -> request).
    const ontology::RelationInfo* relation = nullptr;
    if (!p.predicate.particle.empty()) relation = catalog.find(p.predicate.lemma, p.predicate.particle);
    if (relation == nullptr) {
      for (const auto& a : p.arguments)
        if (!a.preposition.empty()) {
          const auto* r = catalog.find(p.predicate.lemma, core::ascii_lower(a.preposition));
          if (r != nullptr && r != catalog.find(p.predicate.lemma)) {
            relation = r;
            break;
          }
        }
    }
    if (relation == nullptr) relation = catalog.find(p.predicate.lemma);
    if (relation != nullptr) {
      e.relation = relation->name;
      e.cameo = relation->cameo;
      e.speech_act = relation->speech;
    } else {
      // Verbs outside the catalog keep their lemma (kg:lemma) under the catalog's fallback relation.
      const auto* fallback = catalog.fallback();
      KG_ASSERT(fallback != nullptr);  // RelationCatalog::load guarantees one
      e.relation = fallback->name;
    }
    if (resources_->is_speech_verb(p.predicate.lemma)) e.speech_act = true;
    // Punitive measures under a condition are threats (`would respond with strong economic
    // measures in the event of escalation`, `preparing sanctions in case of escalation`).
    if (p.conditional && !e.speech_act && mentions_punitive_measure(p, resources_->wordnet())) {
      if (const auto* threaten = catalog.by_name("threaten")) {
        e.relation = threaten->name;
        e.cameo = threaten->cameo;
      }
    }
    for (const auto& a : p.arguments) {
      // Reported content is the nested event (added below), not an entity.
      if (a.role == core::Role::content) continue;
      core::RoleFiller filler;
      filler.role = a.role;
      filler.text = a.text;
      filler.entity = resolve_entity(a, gazetteer);
      e.roles.push_back(std::move(filler));
    }
    e.asserted = p.asserted;
    e.negated = p.predicate.negated;
    e.conditional = p.conditional;
    e.modality = p.predicate.modality;
    e.confidence = p.confidence;
    e.span = p.predicate.span;
    if (!p.attribution.source.empty()) {
      core::Argument source;
      source.role = core::Role::agent;
      source.head = p.attribution.source_head.empty() ? p.attribution.source : p.attribution.source_head;
      source.text = p.attribution.source;
      source.span = p.attribution.source_span;
      source.proper = p.attribution.source_proper;
      e.attributed_to = resolve_entity(source, gazetteer);
      e.cue = p.attribution.cue;
    }
    events.push_back(std::move(e));
  }
  // Nested content: the reporting event gets a `content` role pointing at the reported one.
  for (std::size_t i = 0; i < propositions.size(); ++i) {
    const int parent = propositions[i].content_of;
    if (parent < 0 || static_cast<std::size_t>(parent) >= events.size()) continue;
    core::RoleFiller filler;
    filler.role = core::Role::content;
    filler.event = static_cast<int>(i);
    events[static_cast<std::size_t>(parent)].roles.push_back(std::move(filler));
  }
  return events;
}

}  // namespace kg::extract
