#include "kg/extract/extractor.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "kg/core/diagnostics.hpp"
#include "kg/core/text.hpp"
#include "kg/ontology/data_dir.hpp"
#include "quoted_speech.hpp"
#include "reported_clause.hpp"

namespace kg::extract {

using core::one_of;

namespace {

// Verbs of speech and thought that report content but are not catalog relations of their own
// (the catalog's speech relations are added to these).
constexpr std::array<std::string_view, 40> kReportingVerbs = {
    "say", "tell", "add", "note", "stress", "explain", "state", "claim", "announce", "report",
    "write", "insist", "warn", "believe", "think", "argue", "suggest", "reiterate", "confirm",
    "emphasize", "emphasise", "declare", "acknowledge", "admit", "allege", "assert", "concede",
    "contend", "joke", "mention", "predict", "recall", "reply", "respond", "testify", "tweet",
    "complain", "comment", "remark", "boast"};

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

namespace {
/// Document-level entity resolution (DocumentEntities below) over the sentences of one document.
void resolve_document_entities(std::vector<core::SentenceFacts>& sentences, const Resources& resources);
}  // namespace

Extractor::Extractor(const Resources& resources, core::DiagnosticSink& diagnostics)
    : resources_(&resources),
      diagnostics_(&diagnostics),
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
    facts.events = normalise(facts.sentence, facts.propositions);
    stats.propositions += facts.propositions.size();
    stats.events += facts.events.size();
  }
  // Titles, short names and pronouns need the sentences before them.
  resolve_document_entities(out, *resources_);
  timer.add_to(stats.times.extract);
  return out;
}

namespace {

// ---------------------------------------------------------------------------------------------
// Entity resolution. Sentence-level (resolve_entity): a mention alone, against the gazetteer.
// Document-level (DocumentEntities): what earlier sentences of the same article established —
// titles given to people, full names, antecedents of pronouns. Both are deterministic functions
// of one document, so the same mention gets the same entity (and IRI) in any run or shard.
// ---------------------------------------------------------------------------------------------

// Words that open a name or stand before it as a title: `Mr. Trump`, `Sen. Elizabeth Warren`,
// `Wells Fargo CEO John Stumpf`. Lower case, without a final dot.
constexpr std::array<std::string_view, 58> kTitleWords = {
    "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "sen", "senator", "rep",
    "representative", "congressman", "congresswoman", "gov", "governor", "gen", "general", "col",
    "lt", "sgt", "capt", "adm", "admiral", "president", "vice-president", "secretary", "minister",
    "chancellor", "premier", "judge", "justice", "mayor", "ambassador", "speaker", "chairman",
    "chairwoman", "ceo", "prof", "professor", "rev", "reverend", "king", "queen", "prince",
    "princess", "pope", "ayatollah", "sheikh", "spokesman", "spokeswoman", "spokesperson",
    "leader", "nominee", "candidate", "commissioner", "director"};

// Words in or before a name that tell a person's gender, for pronoun agreement.
constexpr std::array<std::string_view, 20> kFemaleWords = {
    "mrs", "ms", "miss", "madam", "lady", "dame", "queen", "princess", "spokeswoman", "chairwoman",
    "congresswoman", "businesswoman", "woman", "wife", "mother", "daughter", "sister", "girl",
    "actress", "widow"};
constexpr std::array<std::string_view, 17> kMaleWords = {
    "mr", "sir", "lord", "king", "prince", "spokesman", "chairman", "congressman", "businessman",
    "man", "husband", "father", "son", "brother", "boy", "actor", "widower"};

// Nouns through which a country acts (`Russian forces`, `US officials`) or that name its land
// (`Ukrainian territory`): with a demonym or the country's name before them, the country.
constexpr std::array<std::string_view, 21> kCountryNouns = {
    "force", "troop", "official", "government", "authority", "military", "army", "navy", "diplomat",
    "leadership", "side", "delegation", "negotiator", "soldier", "administration", "territory",
    "soil", "border", "land", "airspace", "frontier"};

// Nouns that follow an organisation's name without changing what it names (`the NATO alliance`).
constexpr std::array<std::string_view, 4> kDescriptorNouns = {"alliance", "bloc", "organization",
                                                             "organisation"};

// Documents that speak for whoever issued them (`the readout said`, `the statement added`).
constexpr std::array<std::string_view, 6> kIssuedDocuments = {"readout", "statement", "communique",
                                                              "communiqu\u00e9", "transcript", "press release"};

// Verbs whose `it` subject is usually empty (`it is … that`, `it seems`): not resolved.
constexpr std::array<std::string_view, 11> kExpletiveVerbs = {
    "be", "seem", "appear", "happen", "matter", "remain", "take", "make", "look", "sound", "become"};

/// Lower case without a final dot (`Sen.` -> `sen`).
std::string word_key(std::string_view word) {
  std::string key = core::ascii_lower(word);
  while (!key.empty() && (key.back() == '.' || key.back() == ',')) key.pop_back();
  return key;
}

/// `Russia's` -> `Russia` (straight or typographic apostrophe); other words unchanged.
std::string_view without_possessive(std::string_view word) {
  for (std::string_view s : {std::string_view("'s"), std::string_view("\u2019s"), std::string_view("'"),
                             std::string_view("\u2019")})
    if (word.size() > s.size() && word.substr(word.size() - s.size()) == s) return word.substr(0, word.size() - s.size());
  return word;
}

bool starts_upper(std::string_view word) { return !word.empty() && word[0] >= 'A' && word[0] <= 'Z'; }

/// A pronoun as written: `he`, `He`; not `US` or `IT`, which are names in capitals.
bool is_pronoun(std::string_view word) {
  if (word.size() >= 2 && std::all_of(word.begin(), word.end(), [](char c) { return (c >= 'A' && c <= 'Z') || c == '.'; }))
    return false;
  return one_of(core::ascii_lower(word), kPronouns);
}

/// The pronouns resolved to antecedents, by what they can refer to.
enum class PronounKind { none, male, female, thing, plural };

PronounKind pronoun_kind(std::string_view word) {
  const std::string w = core::ascii_lower(word);
  if (w == "he" || w == "him") return PronounKind::male;
  if (w == "she" || w == "her") return PronounKind::female;
  if (w == "it") return PronounKind::thing;
  if (w == "they" || w == "them") return PronounKind::plural;
  return PronounKind::none;
}

/// A title word (`President`, `Sen.`) or a lower-case noun naming a role a person holds
/// (`spokeswoman`, `counterpart`). Capitalised words are checked against the list only: WordNet
/// holds many names as persons (`Hillary`, `Clinton`).
bool is_title_word(std::string_view word, const Resources& resources) {
  if (one_of(word_key(word), kTitleWords)) return true;
  return !word.empty() && word[0] >= 'a' && word[0] <= 'z' && resources.is_person_noun(word);
}

/// The phrase of an argument without a leading article or possessive determiner and quotes.
std::string bare_phrase(std::string_view text) {
  std::string t = strip_leading_article(text);
  for (std::string_view d : {"his ", "her ", "their ", "its ", "our ", "His ", "Her ", "Their ", "Its ", "Our "})
    if (t.size() > d.size() && t.compare(0, d.size(), d) == 0) return std::string(core::trim(std::string_view(t).substr(d.size())));
  return t;
}

/// The argument's phrase up to its head noun: `the Russian president highlighted that …` ->
/// `Russian president`; the head itself when it does not occur in the phrase.
std::string head_phrase(const core::Argument& argument) {
  const std::string head = strip_leading_article(argument.head);
  const std::string phrase = bare_phrase(argument.text);
  const auto head_words = split_words(head);
  if (head_words.empty()) return head;
  const auto words = split_words(phrase);
  for (const auto& w : words)
    if (w == head_words.back()) return std::string(std::string_view(phrase).substr(0, static_cast<std::size_t>(w.data() + w.size() - phrase.data())));
  return head;
}

/// Whether the argument says what its subject is rather than naming someone (`Joe Biden is
/// President`): titles there are roles, not references to their holders.
bool is_predicative(const core::Argument& argument, const core::Proposition& p) {
  return argument.role == core::Role::theme && p.predicate.lemma == "be";
}

/// The country a modifier names: a demonym (`Russian`) or the country itself (`US`, `Russia's`).
const ontology::GazetteerEntry* country_of_modifier(std::string_view word, const ontology::Gazetteer& gazetteer) {
  if (const auto* e = gazetteer.country_for_demonym(word)) return e;
  const auto* e = gazetteer.find(without_possessive(word));
  return e != nullptr && e->type == core::EntityType::country ? e : nullptr;
}

/// Maps an argument to an entity, from the mention alone:
/// 1. gazetteer names and aliases, trying shorter tails of a proper name so that titles fall away
///    (`Russian President Vladimir Putin` -> `Vladimir Putin`); capitals and seats of government
///    acting as subjects (`Washington is preparing …` -> United States);
/// 2. an organisation's name with a descriptor after it (`the NATO alliance` -> NATO);
/// 3. a title that names one person in the gazetteer (`the Russian president` -> Vladimir Putin),
///    unless the argument is `predicative` (`Putin is the Russian president`);
/// 4. a country's forces, officials or land (`Russian forces`, `Ukrainian territory`) and bare
///    demonyms (`the Russians`) -> the country;
/// 5. other proper names without their honorifics and titles (`Sen. Elizabeth Warren` ->
///    `Elizabeth Warren`), typed Person when a title or honorific came with them;
/// 6. else the name itself (proper) or the head noun (common), a Concept.
/// A mention resolved by what it says rather than by a name (3, 4) keeps the canonical label as
/// its mention, so that `Russian forces` does not become an alternative name of Russia.
/// Pronouns give nullopt here; DocumentEntities resolves them.
std::optional<core::EntityRef> resolve_entity(const core::Argument& argument, const Resources& resources,
                                              bool predicative = false) {
  const auto& gazetteer = resources.gazetteer();
  std::string head = strip_leading_article(argument.head);
  if (head.empty() || is_pronoun(head)) return std::nullopt;
  if (!std::any_of(head.begin(), head.end(), [](unsigned char c) { return std::isalnum(c) || c >= 0x80; }))
    return std::nullopt;
  core::EntityRef ref;
  ref.mention = argument.head;
  ref.span = argument.span;
  auto from_entry = [&](const ontology::GazetteerEntry& e, bool by_name) {
    ref.label = e.label;
    ref.type = e.type;
    ref.wikidata = e.wikidata;
    if (!by_name) ref.mention = e.label;
    return ref;
  };
  const auto words = split_words(head);
  for (std::size_t skip = 0; skip < words.size(); ++skip) {
    const auto tail_begin = words[skip].data() - head.data();
    const std::string_view tail = std::string_view(head).substr(static_cast<std::size_t>(tail_begin));
    if (const auto* e = gazetteer.find(tail)) return from_entry(*e, true);
    if (argument.proper) {
      if (const auto* e = gazetteer.country_for_seat(tail); e && argument.role == core::Role::agent)
        return from_entry(*e, true);
    }
    if (!argument.proper) break;  // common nouns: only the whole compound
  }
  if (words.size() >= 2 && one_of(core::ascii_lower(words.back()), kDescriptorNouns)) {
    const std::string_view name = core::trim(std::string_view(head).substr(0, static_cast<std::size_t>(words.back().data() - head.data())));
    if (const auto* e = gazetteer.find(name); e && e->type == core::EntityType::organization) {
      ref.mention = std::string(name);
      return from_entry(*e, true);
    }
  }
  const std::string phrase = bare_phrase(argument.text);
  if (!predicative)
    if (const auto* e = gazetteer.find_by_title(head_phrase(argument))) return from_entry(*e, false);
  // 4. The modifier is the word before the head noun, in the head or just before it in the phrase.
  {
    const auto phrase_words = split_words(phrase);
    std::string_view noun = words.back(), modifier;
    if (words.size() >= 2) {
      modifier = words[words.size() - 2];
    } else {
      for (std::size_t i = 1; i < phrase_words.size(); ++i)
        if (phrase_words[i] == noun) {
          modifier = phrase_words[i - 1];
          break;
        }
    }
    if (!modifier.empty() && one_of(resources.wordnet().noun_lemma(noun), kCountryNouns))
      if (const auto* e = country_of_modifier(modifier, gazetteer)) return from_entry(*e, false);
    if (words.size() == 1)
      if (const auto* e = gazetteer.country_for_demonym(noun)) return from_entry(*e, false);
  }
  ref.type = core::EntityType::concept_;
  ref.label = head;
  if (argument.proper || std::all_of(words.begin(), words.end(), starts_upper)) {
    // 5. `Mr. Quiros`, `Massachusetts Sen. Elizabeth Warren`: the name after the last title word.
    std::size_t name_begin = 0;
    for (std::size_t i = 0; i + 1 < words.size(); ++i)
      if (is_title_word(words[i], resources)) name_begin = i + 1;
    const bool titled_head = name_begin > 0;
    if (titled_head && std::all_of(words.begin() + static_cast<std::ptrdiff_t>(name_begin), words.end(), starts_upper))
      ref.label = std::string(std::string_view(head).substr(static_cast<std::size_t>(words[name_begin].data() - head.data())));
    // A title or honorific just before the name in the phrase (`CEO John Stumpf`) also makes a person.
    const auto at = phrase.rfind(head);
    const auto before = at == std::string::npos ? std::vector<std::string_view>{}
                                                : split_words(std::string_view(phrase).substr(0, at));
    if ((titled_head && ref.label != head) || (!before.empty() && is_title_word(before.back(), resources)))
      ref.type = core::EntityType::person;
  }
  return ref;
}

// Verbs that state a stance named by their object (`reiterated his support for X`, `voiced
// support for X`): the object's relation, with its complement as theme, is what was done.
constexpr std::array<std::string_view, 12> kLightVerbs = {
    "reiterate", "express", "voice", "reaffirm", "pledge", "declare", "announce", "give", "extend",
    "restate", "repeat", "confirm"};

// Determiners and prepositions that bound the head of a conjunct (`a return to diplomacy`).
constexpr std::array<std::string_view, 12> kDeterminers = {"the", "a", "an", "his", "her", "their", "its",
                                                           "our", "this", "that", "these", "those"};
constexpr std::array<std::string_view, 31> kPrepositions = {
    "of", "to", "for", "in", "on", "with", "at", "by", "from", "about", "over", "against", "into",
    "near", "between", "like", "after", "before", "during", "since", "until", "amid", "despite",
    "through", "under", "without", "within", "across", "around", "toward", "towards"};

/// How a proposition maps onto its event: the catalog relation, and which arguments change role.
struct RelationChoice {
  const ontology::RelationInfo* relation = nullptr;  // nullptr: the fallback relation
  int theme_argument = -1;    // a prepositional argument that is the relation's theme
  int stance_argument = -1;   // the object naming the stance (`his support`), dropped
};

/// The relation of `p`: its particle, else a preposition that selects a relation of its own
/// (`call for X` -> call_for, X its theme); a stance verb's object (`reiterated his support for
/// X` -> support, X its theme); else the lemma. Pure, shared by normalisation and the
/// document-level resolution so that both read the same roles.
RelationChoice choose_relation(const core::Proposition& p, const Resources& resources) {
  const auto& catalog = resources.catalog();
  RelationChoice choice;
  const bool has_theme = std::any_of(p.arguments.begin(), p.arguments.end(),
                                     [](const core::Argument& a) { return a.role == core::Role::theme; });
  if (!p.predicate.particle.empty()) choice.relation = catalog.find(p.predicate.lemma, p.predicate.particle);
  if (choice.relation == nullptr) {
    for (std::size_t i = 0; i < p.arguments.size(); ++i) {
      const auto& a = p.arguments[i];
      if (a.preposition.empty()) continue;
      const auto* r = catalog.find(p.predicate.lemma, core::ascii_lower(a.preposition));
      if (r != nullptr && r != catalog.find(p.predicate.lemma)) {
        choice.relation = r;
        if (!has_theme && a.role != core::Role::agent) choice.theme_argument = static_cast<int>(i);
        break;
      }
    }
  }
  if (choice.relation == nullptr && one_of(p.predicate.lemma, kLightVerbs)) {
    for (std::size_t i = 0; i < p.arguments.size() && choice.stance_argument < 0; ++i) {
      const auto& object = p.arguments[i];
      if (object.role != core::Role::theme || !object.preposition.empty()) continue;
      const std::string head = strip_leading_article(object.head);  // the words below view it
      const auto words = split_words(head);
      if (words.size() != 1) continue;
      const auto* r = catalog.find(resources.wordnet().noun_lemma(words.front()));
      if (r == nullptr) continue;
      // Its complement is the nearest `for`/`of`/`to` phrase after it.
      for (std::size_t j = 0; j < p.arguments.size(); ++j) {
        const auto& c = p.arguments[j];
        const std::string prep = core::ascii_lower(c.preposition);
        if ((prep != "for" && prep != "of" && prep != "to") || c.span.begin < object.span.end) continue;
        if (choice.theme_argument >= 0 && p.arguments[static_cast<std::size_t>(choice.theme_argument)].span.begin <= c.span.begin)
          continue;
        choice.relation = r;
        choice.stance_argument = static_cast<int>(i);
        choice.theme_argument = static_cast<int>(j);
      }
    }
  }
  if (choice.relation == nullptr) choice.relation = catalog.find(p.predicate.lemma);
  return choice;
}

/// The head of one conjunct: without determiners and a possessor (`Ukraine's`), up to its first
/// preposition (`a return to diplomacy` -> `return`).
std::string conjunct_head(std::string_view text) {
  std::string spaced(strip_quotes(text));
  std::replace_if(spaced.begin(), spaced.end(), [](char c) { return c == '\t' || c == '\n' || c == '\r'; }, ' ');
  const auto words = split_words(spaced);
  std::size_t begin = 0;
  while (begin < words.size() && (one_of(core::ascii_lower(words[begin]), kDeterminers) ||
                                  (begin + 1 < words.size() && without_possessive(words[begin]) != words[begin])))
    ++begin;
  std::size_t end = begin;
  while (end < words.size() && !one_of(core::ascii_lower(words[end]), kPrepositions)) ++end;
  if (begin >= end) return {};
  const char* from = words[begin].data();
  const char* to = words[end - 1].data() + words[end - 1].size();
  return std::string(from, static_cast<std::size_t>(to - from));
}

/// The conjuncts of a coordinated argument (`de-escalation and a return to diplomacy`, `Biden and
/// Putin`), each an argument of its own with its span; the argument itself when it is not one.
/// Coordination is read when the parser's head is the conjunction itself, or when every conjunct
/// ends with a name.
std::vector<core::Argument> conjuncts(const core::Argument& a) {
  const std::string_view text = a.text;
  std::vector<std::pair<std::size_t, std::size_t>> parts;  // byte ranges in text
  std::size_t start = 0;
  int quotes = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '"') quotes ^= 1;
    if (quotes) continue;
    std::size_t skip = 0;
    for (std::string_view sep : {std::string_view(", and "), std::string_view(", or "), std::string_view(" and "),
                                 std::string_view(" or "), std::string_view(", ")})
      if (text.compare(i, sep.size(), sep) == 0) {
        skip = sep.size();
        break;
      }
    if (skip == 0) continue;
    parts.emplace_back(start, i);
    start = i + skip;
    i = start - 1;
  }
  if (parts.empty()) return {a};
  parts.emplace_back(start, text.size());
  const std::string head = core::ascii_lower(strip_leading_article(a.head));
  const bool conjunction_head = head == "and" || head == "or";
  std::vector<core::Argument> out;
  for (const auto& [from, to] : parts) {
    const std::string_view piece = core::trim(text.substr(from, to - from));
    const auto words = split_words(piece);
    if (words.empty()) return {a};
    if (!conjunction_head && !starts_upper(words.back())) return {a};  // `Biden and Putin`, names only
    core::Argument part = a;
    part.text = std::string(piece);
    const std::size_t offset = static_cast<std::size_t>(piece.data() - text.data());
    part.span.begin = a.span.begin + core::count_code_points(text.substr(0, offset));
    part.span.end = part.span.begin + core::count_code_points(piece);
    part.head = conjunct_head(piece);
    if (part.head.empty()) return {a};
    const auto head_words = split_words(part.head);
    part.proper = std::all_of(head_words.begin(), head_words.end(), starts_upper);
    out.push_back(std::move(part));
  }
  return out;
}

/// The arguments that fill an event's roles, in order: every argument of `p` but its content and
/// the stance object, with its role in the event, coordinations split into their conjuncts.
/// normalise() builds the role fillers from it and DocumentEntities reads them back.
std::vector<core::Argument> role_arguments(const core::Proposition& p, const RelationChoice& choice) {
  std::vector<core::Argument> out;
  for (std::size_t i = 0; i < p.arguments.size(); ++i) {
    const auto& a = p.arguments[i];
    if (a.role == core::Role::content || static_cast<int>(i) == choice.stance_argument) continue;
    for (auto& part : conjuncts(a)) {
      if (static_cast<int>(i) == choice.theme_argument) part.role = core::Role::theme;
      out.push_back(std::move(part));
    }
  }
  return out;
}

/// Grammatical gender of a mention: the gazetteer's, else words of its phrase (`Mrs.`, `spokeswoman`).
ontology::Gender gender_of(const core::EntityRef& ref, std::string_view phrase, const ontology::Gazetteer& gazetteer) {
  if (const auto* e = gazetteer.find(ref.label); e && e->gender != ontology::Gender::unknown) return e->gender;
  if (ref.type != core::EntityType::person) return ontology::Gender::unknown;
  for (const auto w : split_words(phrase)) {
    const std::string key = word_key(w);
    if (one_of(key, kFemaleWords)) return ontology::Gender::female;
    if (one_of(key, kMaleWords)) return ontology::Gender::male;
  }
  return ontology::Gender::unknown;
}

/// Entity resolution across the sentences of one document, in order:
/// - titles: a person named with a title (`Russian Foreign Ministry spokeswoman Maria Zakharova`)
///   is what that title, or its end (`the Foreign Ministry spokeswoman`), names later on;
/// - short names: a proper name that ends a full name seen before (`Clinton` after `Hillary
///   Clinton`, `Stumpf` after `John Stumpf`) is that entity;
/// - pronouns: `he`/`him`, `she`/`her`, `it` and `they`/`them` are the most recent compatible
///   antecedent: a person of agreeing (or unknown) gender; an organisation, country or place for
///   `it` (not the empty `it` of `it is … that`); a group or people (`officials`) for `they` —
///   never a co-argument of the same predicate (`Biden told him`: him is not Biden) nor a
///   mention inside what the pronoun is reported to have said (`"Trump lied," she said`).
///   `it` and `they` look back at most two sentences; resolved pronouns keep the entity's label
///   as their mention, so that `he` never becomes an alternative name;
/// - issued documents: `the readout` or `the statement` that speaks is the organisation or country
///   that spoke last (within two sentences): the White House's readout speaks for it.
class DocumentEntities {
 public:
  explicit DocumentEntities(const Resources& resources) : resources_(&resources) {}

  /// Resolves the entities of the next sentence of the document (events parallel to propositions).
  void resolve(core::SentenceFacts& facts);

 private:
  /// One place in the sentence where an entity stands: a role filler or an attribution source.
  struct Slot {
    core::Span span;
    const core::Argument* argument = nullptr;  // the argument, or the source rebuilt as one
    std::optional<core::EntityRef>* entity = nullptr;
    std::size_t proposition = 0;
    bool source = false;
  };
  struct Antecedent {
    core::EntityRef ref;
    ontology::Gender gender = ontology::Gender::unknown;
    bool plural = false;
    bool speaker = false;  // the agent of a speech act or the source of an attribution
    std::size_t sentence = 0;
  };

  std::optional<core::EntityRef> antecedent_for(PronounKind kind, bool speaking, const std::vector<Slot>& group,
                                                const core::SentenceFacts& facts) const;
  static bool is_speaker(const std::vector<Slot>& group, const core::SentenceFacts& facts);
  std::optional<core::EntityRef> by_title(std::string_view phrase) const;
  std::optional<core::EntityRef> issuer() const;
  std::optional<core::EntityRef> by_short_name(const core::EntityRef& ref) const;
  void learn_title(const core::Argument& argument, const core::EntityRef& ref);
  bool is_plural_people(const core::EntityRef& ref) const;

  const Resources* resources_;
  std::vector<Antecedent> seen_;  // in order of mention
  std::vector<std::pair<std::string, core::EntityRef>> titles_;  // folded title -> person
  std::size_t sentence_ = 0;
};

bool DocumentEntities::is_plural_people(const core::EntityRef& ref) const {
  if (ref.type == core::EntityType::group) return true;
  if (ref.type != core::EntityType::concept_) return false;
  const auto words = split_words(ref.label);
  if (words.empty()) return false;
  const std::string word = core::ascii_lower(words.back());
  const std::string lemma = resources_->wordnet().noun_lemma(word);
  return lemma != word && resources_->is_person_noun(lemma);
}

std::optional<core::EntityRef> DocumentEntities::by_title(std::string_view phrase) const {
  const std::string key = core::ascii_lower(phrase);
  if (key.empty()) return std::nullopt;
  const bool several_words = key.find(' ') != std::string::npos;
  for (auto it = titles_.rbegin(); it != titles_.rend(); ++it) {
    const std::string& title = it->first;
    if (title == key) return it->second;
    if (several_words && title.size() > key.size() && title.compare(title.size() - key.size(), key.size(), key) == 0 &&
        title[title.size() - key.size() - 1] == ' ')
      return it->second;
  }
  return std::nullopt;
}

std::optional<core::EntityRef> DocumentEntities::issuer() const {
  for (auto it = seen_.rbegin(); it != seen_.rend() && sentence_ <= it->sentence + 2; ++it)
    if (it->speaker && (it->ref.type == core::EntityType::organization || it->ref.type == core::EntityType::country))
      return it->ref;
  return std::nullopt;
}

std::optional<core::EntityRef> DocumentEntities::by_short_name(const core::EntityRef& ref) const {
  const auto words = split_words(ref.label);
  if (words.empty() || !std::all_of(words.begin(), words.end(), starts_upper)) return std::nullopt;
  for (auto it = seen_.rbegin(); it != seen_.rend(); ++it) {
    const auto& full = it->ref;
    if (full.type != core::EntityType::person && full.type != core::EntityType::organization) continue;
    const auto full_words = split_words(full.label);
    if (full_words.size() <= words.size()) continue;
    if (std::equal(words.rbegin(), words.rend(), full_words.rbegin())) return full;
  }
  return std::nullopt;
}

void DocumentEntities::learn_title(const core::Argument& argument, const core::EntityRef& ref) {
  const std::string phrase = bare_phrase(argument.text);
  const std::string head = strip_leading_article(argument.head);
  const auto at = phrase.rfind(head);
  if (at == std::string::npos || at == 0) return;
  std::string_view title = core::trim(std::string_view(phrase).substr(0, at));
  while (!title.empty() && title.back() == ',') title.remove_suffix(1);
  const auto words = split_words(title);
  if (words.empty() || !is_title_word(words.back(), *resources_)) return;
  core::EntityRef person = ref;
  person.mention = person.label;  // a title is not a name
  titles_.emplace_back(core::ascii_lower(title), std::move(person));
}

bool DocumentEntities::is_speaker(const std::vector<Slot>& group, const core::SentenceFacts& facts) {
  return std::any_of(group.begin(), group.end(), [&](const Slot& s) {
    return s.source || (s.argument->role == core::Role::agent && facts.events[s.proposition].speech_act);
  });
}

std::optional<core::EntityRef> DocumentEntities::antecedent_for(PronounKind kind, bool speaking,
                                                                const std::vector<Slot>& group,
                                                                const core::SentenceFacts& facts) const {
  // What the pronoun cannot refer to: its co-arguments, and what it is reported to have said.
  std::vector<std::string> excluded_labels;
  std::vector<core::Span> excluded_spans;
  for (const auto& slot : group) {
    const auto& p = facts.propositions[slot.proposition];
    for (const auto& a : p.arguments) {
      if (slot.source || a.role == core::Role::content) excluded_spans.push_back(a.span);
      if (slot.source || a.role == core::Role::content) continue;
      for (const auto& part : conjuncts(a)) {
        if (part.span.begin == slot.span.begin && part.span.end == slot.span.end) continue;
        if (const auto ref = resolve_entity(part, *resources_)) excluded_labels.push_back(ref->label);
      }
    }
  }
  auto excluded = [&](const Antecedent& a) {
    if (std::find(excluded_labels.begin(), excluded_labels.end(), a.ref.label) != excluded_labels.end()) return true;
    return a.sentence == sentence_ && std::any_of(excluded_spans.begin(), excluded_spans.end(), [&](const core::Span& s) {
             return a.ref.span.begin >= s.begin && a.ref.span.end <= s.end;
           });
  };
  auto compatible = [&](const Antecedent& a) {
    switch (kind) {
      case PronounKind::male:
      case PronounKind::female:
        return a.ref.type == core::EntityType::person &&
               a.gender != (kind == PronounKind::male ? ontology::Gender::female : ontology::Gender::male);
      case PronounKind::thing:
        return a.ref.type == core::EntityType::organization || a.ref.type == core::EntityType::country ||
               a.ref.type == core::EntityType::location;
      case PronounKind::plural:
        return a.plural;
      case PronounKind::none:
        break;
    }
    return false;
  };
  // A speaking `it` (`"…," it said`) continues the last thing that spoke, a readout or statement
  // included; otherwise, and failing that, the most recent compatible mention.
  for (int pass = (speaking && kind == PronounKind::thing) ? 0 : 1; pass < 2; ++pass)
    for (auto it = seen_.rbegin(); it != seen_.rend(); ++it) {
      const auto& a = *it;
      if ((kind == PronounKind::thing || kind == PronounKind::plural) && sentence_ > a.sentence + 2) break;
      const bool fits = pass == 0 ? a.speaker && a.ref.type != core::EntityType::person &&
                                        a.ref.type != core::EntityType::group && !a.plural
                                  : compatible(a);
      if (fits && !excluded(a)) return a.ref;
    }
  return std::nullopt;
}

void DocumentEntities::resolve(core::SentenceFacts& facts) {
  const auto& gazetteer = resources_->gazetteer();
  std::vector<Slot> slots;
  const std::size_t n = std::min(facts.propositions.size(), facts.events.size());
  // The arguments behind each event's role fillers, as normalise() read them (stable storage).
  std::vector<std::vector<core::Argument>> fillers(n);
  std::vector<core::Argument> sources;  // attribution sources as arguments
  sources.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    const auto& p = facts.propositions[i];
    auto& e = facts.events[i];
    fillers[i] = role_arguments(p, choose_relation(p, *resources_));
    for (std::size_t k = 0; k < fillers[i].size() && k < e.roles.size(); ++k)
      slots.push_back({fillers[i][k].span, &fillers[i][k], &e.roles[k].entity, i, false});
    if (!p.attribution.source.empty()) {
      core::Argument source;
      source.role = core::Role::agent;
      source.text = p.attribution.source;
      source.head = p.attribution.source_head.empty() ? p.attribution.source : p.attribution.source_head;
      source.span = p.attribution.source_span;
      source.proper = p.attribution.source_proper;
      sources.push_back(std::move(source));
      slots.push_back({p.attribution.source_span, &sources.back(), &e.attributed_to, i, true});
    }
  }
  std::stable_sort(slots.begin(), slots.end(), [](const Slot& a, const Slot& b) {
    return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : a.span.end < b.span.end;
  });
  for (std::size_t g = 0; g < slots.size();) {
    std::size_t end = g + 1;
    while (end < slots.size() && slots[end].span.begin == slots[g].span.begin && slots[end].span.end == slots[g].span.end)
      ++end;
    const std::vector<Slot> group(slots.begin() + static_cast<std::ptrdiff_t>(g), slots.begin() + static_cast<std::ptrdiff_t>(end));
    g = end;
    const Slot& first = group.front();
    const std::string head = strip_leading_article(first.argument->head);
    std::optional<core::EntityRef> resolved;
    Antecedent record;
    record.sentence = sentence_;
    if (const auto kind = pronoun_kind(head); kind != PronounKind::none) {
      const bool expletive = kind == PronounKind::thing && std::any_of(group.begin(), group.end(), [&](const Slot& s) {
        return !s.source && s.argument->role == core::Role::agent &&
               one_of(facts.propositions[s.proposition].predicate.lemma, kExpletiveVerbs);
      });
      if (expletive) continue;
      resolved = antecedent_for(kind, is_speaker(group, facts), group, facts);
      if (!resolved) continue;
      resolved->mention = resolved->label;
      resolved->span = first.span;
    } else {
      // The slots of one span may have been read from different phrases (`CEO John Stumpf` as a
      // role, `John Stumpf` in the title fact): the most specific reading wins.
      const std::optional<core::EntityRef>* current = nullptr;
      for (const auto& s : group)
        if (s.entity->has_value() && (current == nullptr || ((*current)->type == core::EntityType::concept_ &&
                                                             (*s.entity)->type != core::EntityType::concept_)))
          current = s.entity;
      if (current == nullptr) continue;
      resolved = **current;
      if (resolved->type == core::EntityType::concept_ || resolved->type == core::EntityType::person) {
        const bool predicative = std::any_of(group.begin(), group.end(), [&](const Slot& s) {
          return !s.source && is_predicative(*s.argument, facts.propositions[s.proposition]);
        });
        if (resolved->type == core::EntityType::concept_ && !predicative) {
          if (auto person = by_title(head_phrase(*first.argument))) {
            person->span = resolved->span;
            resolved = std::move(person);
          } else if (one_of(core::ascii_lower(resolved->label), kIssuedDocuments) && is_speaker(group, facts)) {
            if (auto source = issuer()) {
              source->mention = source->label;  // `the readout` is not a name of the White House
              source->span = resolved->span;
              resolved = std::move(source);
            }
          }
        }
        if (first.argument->proper && resolved->wikidata.empty())
          if (auto full = by_short_name(*resolved)) {
            full->mention = resolved->mention;
            full->span = resolved->span;
            resolved = std::move(full);
          }
      }
      if (resolved->type == core::EntityType::person) learn_title(*first.argument, *resolved);
    }
    for (const auto& s : group) *s.entity = *resolved;
    record.ref = *resolved;
    record.gender = gender_of(*resolved, first.argument->text, gazetteer);
    // A short name or pronoun inherits what its antecedent told about gender.
    for (auto it = seen_.rbegin(); record.gender == ontology::Gender::unknown && it != seen_.rend(); ++it)
      if (it->ref.label == resolved->label) record.gender = it->gender;
    record.plural = is_plural_people(*resolved);
    record.speaker = is_speaker(group, facts);
    seen_.push_back(std::move(record));
  }
  ++sentence_;
}

void resolve_document_entities(std::vector<core::SentenceFacts>& sentences, const Resources& resources) {
  DocumentEntities entities(resources);
  for (auto& facts : sentences) entities.resolve(facts);
}

constexpr std::array<std::string_view, 9> kPunitiveMeasures = {
    "sanction", "measure", "response", "consequence", "cost", "penalty", "retaliation", "tariff",
    "countermeasure"};

// Threats refined by what they threaten with (CAMEO 1.1b3): 1312 "threaten to boycott, embargo
// or sanction", 138 "threaten with military force".
constexpr std::array<std::string_view, 4> kSanctionNouns = {"sanction", "embargo", "boycott", "tariff"};
constexpr std::array<std::string_view, 6> kForceNouns = {"force", "attack", "strike", "war", "invasion",
                                                         "bombing"};

/// The noun lemmas heading the arguments of `p` other than its agent.
std::vector<std::string> complement_nouns(const core::Proposition& p, const WordNet& wordnet) {
  std::vector<std::string> out;
  for (const auto& a : p.arguments) {
    if (a.role == core::Role::agent) continue;
    const auto words = split_words(a.head);
    if (!words.empty()) out.push_back(wordnet.noun_lemma(words.back()));
  }
  return out;
}

/// Whether an argument of `p` is headed by a punitive measure (`sanctions`, `strong measures`).
bool mentions_punitive_measure(const core::Proposition& p, const WordNet& wordnet) {
  const auto nouns = complement_nouns(p, wordnet);
  return std::any_of(nouns.begin(), nouns.end(), [](const std::string& n) { return one_of(n, kPunitiveMeasures); });
}

/// The CAMEO code of a threat: 1312 with sanctions, 138 with force, else `fallback`.
std::string threat_cameo(const core::Proposition& p, const WordNet& wordnet, const std::string& fallback) {
  const auto nouns = complement_nouns(p, wordnet);
  if (std::any_of(nouns.begin(), nouns.end(), [](const std::string& n) { return one_of(n, kSanctionNouns); }))
    return "1312";
  if (std::any_of(nouns.begin(), nouns.end(), [](const std::string& n) { return one_of(n, kForceNouns); }))
    return "138";
  return fallback;
}

}  // namespace

std::vector<core::Event> Extractor::normalise(const core::Sentence& sentence,
                                              const std::vector<core::Proposition>& propositions) const {
  (void)sentence;
  const auto& catalog = resources_->catalog();
  std::vector<core::Event> events;
  events.reserve(propositions.size());
  for (const auto& p : propositions) {
    core::Event e;
    e.lemma = p.predicate.lemma;
    const auto choice = choose_relation(p, *resources_);
    const auto* relation = choice.relation;
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
    if (e.relation == "threaten") e.cameo = threat_cameo(p, resources_->wordnet(), e.cameo);
    // Reported content is the nested event (added below), not an entity.
    for (const auto& a : role_arguments(p, choice)) {
      core::RoleFiller filler;
      filler.role = a.role;
      filler.text = a.text;
      filler.entity = resolve_entity(a, *resources_, is_predicative(a, p));
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
      e.attributed_to = resolve_entity(source, *resources_);
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
