#include "kg/extract/wordnet.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <utility>
#include <vector>

#include "kg/core/diagnostics.hpp"
#include "kg/core/text.hpp"

namespace kg::extract {

namespace {

std::ifstream open_or_throw(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in)
    throw core::Error("cannot read WordNet file '" + path.string() +
                      "' (Debian package wordnet-base; or set KG_WORDNET_DIR)");
  return in;
}

// index.* lines: `lemma pos …`; license lines start with two spaces.
void read_index(const std::filesystem::path& path, std::unordered_set<std::string>& out) {
  auto in = open_or_throw(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == ' ') continue;
    const auto space = line.find(' ');
    out.insert(line.substr(0, space));
  }
}

// *.exc lines: `inflected base [base…]`; the first base wins.
void read_exceptions(const std::filesystem::path& path,
                     std::unordered_map<std::string, std::string>& out) {
  auto in = open_or_throw(path);
  std::string line;
  while (std::getline(in, line)) {
    const auto space = line.find(' ');
    if (space == std::string::npos) continue;
    auto end = line.find(' ', space + 1);
    out.emplace(line.substr(0, space), line.substr(space + 1, end == std::string::npos ? std::string::npos : end - space - 1));
  }
}

/// The head of a data.noun / data.verb line, `offset lex_filenum ss_type w_cnt(hex) word lex_id …`:
/// the lexicographer file and the words as written; `fields` is left after the last word.
struct SynsetHead {
  int file = -1;
  std::vector<std::string> words;
};
SynsetHead read_synset_head(std::istringstream& fields) {
  SynsetHead head;
  std::string offset, ss_type, count_hex;
  fields >> offset >> head.file >> ss_type >> count_hex;
  if (count_hex.empty()) return head;
  const unsigned long count = std::stoul(count_hex, nullptr, 16);
  for (unsigned long i = 0; i < count; ++i) {
    std::string word, lex_id;
    if (!(fields >> word >> lex_id)) break;
    head.words.push_back(std::move(word));
  }
  return head;
}

// data.verb lines: `offset lex_filenum ss_type w_cnt(hex) word lex_id word lex_id …`.
void read_lexfile_words(const std::filesystem::path& path, int lexfile,
                        std::unordered_set<std::string>& out) {
  auto in = open_or_throw(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == ' ') continue;
    // The lexicographer file number is the second field; skip other files before tokenising.
    const auto first_space = line.find(' ');
    if (first_space == std::string::npos || std::atoi(line.c_str() + first_space + 1) != lexfile) continue;
    std::istringstream fields(line);
    for (const auto& word : read_synset_head(fields).words) out.insert(core::ascii_lower(word));
  }
}

// The capitalised instance nouns of data.noun in noun.person (18), noun.location (15) or
// noun.object (17), and noun.group (14), by what they name; a name in several of them is
// ambiguous. Senses in other files (noun.artifact, noun.plant …) neither decide a name's type nor
// make it ambiguous. The capitalised kinds of person (`Democrat`, `Hispanic`: no instances) go to
// `members`, in lower case.
void read_proper_names(const std::filesystem::path& path, std::unordered_map<std::string, WordNet::NameClass>& out,
                       std::unordered_set<std::string>& members, std::unordered_set<std::string>& surnames,
                       std::unordered_set<std::string>& given_names) {
  using NameClass = WordNet::NameClass;
  auto in = open_or_throw(path);
  std::unordered_set<std::string> instances;  // of places and persons, in lower case
  std::unordered_set<std::string> common;     // nouns WordNet writes in lower case (`mark`, `landler`)
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == ' ') continue;
    // Only instances (`@i`: Seattle is an instance of city) are names; `American` and `Democrat`
    // are kinds of person.
    const bool instance = line.find(" @i ") != std::string::npos;
    std::istringstream fields(line);
    auto head = read_synset_head(fields);
    for (const auto& word : head.words)
      if (!word.empty() && word[0] >= 'a' && word[0] <= 'z') common.insert(word.substr(0, word.find('_')));
    if (!instance) {
      // A kind of person named with a capital is a member of a group (`Democrat`, `Muslim`).
      if (head.file == 18)
        for (const auto& word : head.words)
          if (!word.empty() && word[0] >= 'A' && word[0] <= 'Z') members.insert(core::ascii_lower(word));
      continue;
    }
    // noun.object (17) instances are natural places: continents, rivers, islands, mountains.
    const NameClass cls = head.file == 18                       ? NameClass::person
                          : head.file == 15 || head.file == 17 ? NameClass::location
                          : head.file == 14                    ? NameClass::group
                                                               : NameClass::none;
    if (cls == NameClass::none) continue;
    for (auto& word : head.words) {
      if (word.empty() || word[0] < 'A' || word[0] > 'Z') continue;
      std::replace(word.begin(), word.end(), '_', ' ');
      if (cls == NameClass::person) {
        const std::size_t space = word.rfind(' ');
        const std::string last = space == std::string::npos ? word : word.substr(space + 1);
        if (last.size() >= 3 && last[0] >= 'A' && last[0] <= 'Z') surnames.insert(last);
        const std::string first = word.substr(0, word.find(' '));
        if (space != std::string::npos && first.size() >= 3 &&
            std::all_of(first.begin(), first.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '-'; }))
          given_names.insert(first);
      }
      auto [it, added] = out.emplace(word, cls);
      if (!added && it->second != cls) it->second = NameClass::ambiguous;
      if (head.file != 17) instances.insert(core::ascii_lower(word));
    }
  }
  // The name of a place or person (`Delaware` the state, `Indiana`) is no group word, even when
  // WordNet also holds a people of that name; a river's name (`Republican`) does not count.
  for (const auto& word : instances) members.erase(word);
  // A first word that is also a common noun (`Mark`, `King`, `Saint`) or the name of a place or
  // group (`Virginia`, `Georgia`) names no one by itself.
  std::erase_if(given_names, [&](const std::string& w) {
    const auto it = out.find(w);
    return common.count(core::ascii_lower(w)) > 0 || (it != out.end() && it->second != NameClass::person);
  });
}

// The verbs of data.verb senses in `lexfiles` that have verb frame 26, `Somebody ----s that
// CLAUSE` (frames.vrb), for all the synset's words (word number 00) or for the word numbered.
// Frames follow the pointers: `p_cnt [ptr pos offset source/target]… f_cnt [+ f_num w_num]…`.
void read_clause_verbs(const std::filesystem::path& path, const std::vector<int>& lexfiles,
                       std::unordered_set<std::string>& out) {
  constexpr int kThatClauseFrame = 26;
  auto in = open_or_throw(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == ' ') continue;
    std::istringstream fields(line);
    auto head = read_synset_head(fields);
    if (std::find(lexfiles.begin(), lexfiles.end(), head.file) == lexfiles.end()) continue;
    std::vector<std::string> words;
    for (const auto& word : head.words) words.push_back(core::ascii_lower(word));
    int pointers = 0;
    fields >> pointers;
    for (int i = 0; i < pointers; ++i) {
      std::string symbol, target, pos, source_target;
      fields >> symbol >> target >> pos >> source_target;
    }
    int frames = 0;
    fields >> frames;
    for (int i = 0; i < frames; ++i) {
      std::string plus, frame, word_hex;
      if (!(fields >> plus >> frame >> word_hex)) break;
      if (std::atoi(frame.c_str()) != kThatClauseFrame) continue;
      const unsigned long word = std::stoul(word_hex, nullptr, 16);
      if (word == 0)
        out.insert(words.begin(), words.end());
      else if (word <= words.size())
        out.insert(words[word - 1]);
    }
  }
}

}  // namespace

std::filesystem::path WordNet::default_dir() {
  if (const char* env = std::getenv("KG_WORDNET_DIR"); env && *env) return env;
  return KG_WORDNET_DIR;
}

WordNet WordNet::load(const std::filesystem::path& dir) {
  WordNet wn;
  read_index(dir / "index.verb", wn.verbs_);
  read_index(dir / "index.noun", wn.nouns_);
  read_index(dir / "index.adj", wn.modifiers_);
  read_index(dir / "index.adv", wn.modifiers_);
  read_exceptions(dir / "verb.exc", wn.verb_exceptions_);
  read_exceptions(dir / "noun.exc", wn.noun_exceptions_);
  constexpr int kVerbCommunication = 32;  // lexnames(5WN)
  read_lexfile_words(dir / "data.verb", kVerbCommunication, wn.communication_verbs_);
  constexpr int kVerbCognition = 31, kVerbEmotion = 37;
  read_clause_verbs(dir / "data.verb", {kVerbCognition, kVerbCommunication, kVerbEmotion}, wn.clause_verbs_);
  constexpr int kNounPerson = 18;
  read_lexfile_words(dir / "data.noun", kNounPerson, wn.person_nouns_);
  constexpr int kNounGroup = 14;
  read_lexfile_words(dir / "data.noun", kNounGroup, wn.group_nouns_);
  read_proper_names(dir / "data.noun", wn.proper_names_, wn.member_nouns_, wn.surnames_, wn.given_names_);
  return wn;
}

std::string WordNet::lemma(std::string_view word, const std::unordered_set<std::string>& index,
                           const std::unordered_map<std::string, std::string>& exceptions,
                           bool verb) const {
  std::string w = core::ascii_lower(word);
  for (auto& c : w)
    if (c == ' ') c = '_';
  if (auto it = exceptions.find(w); it != exceptions.end()) return it->second;
  // WordNet's morphy detachment rules, tried in order; the first candidate in the index wins.
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 8> verb_rules = {{
      {"s", ""}, {"ies", "y"}, {"es", "e"}, {"es", ""}, {"ed", "e"}, {"ed", ""}, {"ing", "e"}, {"ing", ""}}};
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 8> noun_rules = {{
      {"s", ""}, {"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"}, {"shes", "sh"}, {"men", "man"}, {"ies", "y"}}};
  const auto& rules = verb ? verb_rules : noun_rules;
  if (index.count(w) && !(verb && w.size() > 3 && (w.ends_with("ed") || w.ends_with("ing")))) return w;
  for (const auto& [suffix, replacement] : rules) {
    if (w.size() > suffix.size() + 1 && w.ends_with(suffix)) {
      std::string candidate = w.substr(0, w.size() - suffix.size()) + std::string(replacement);
      if (index.count(candidate)) return candidate;
    }
  }
  // Doubled consonant before -ed/-ing (`stopped` -> `stop`).
  for (std::string_view suffix : {"ed", "ing"}) {
    if (verb && w.size() > suffix.size() + 2 && w.ends_with(suffix)) {
      std::string stem = w.substr(0, w.size() - suffix.size());
      if (stem.size() >= 2 && stem[stem.size() - 1] == stem[stem.size() - 2]) {
        stem.pop_back();
        if (index.count(stem)) return stem;
      }
    }
  }
  return w;
}

std::string WordNet::verb_lemma(std::string_view word) const {
  return lemma(word, verbs_, verb_exceptions_, true);
}

std::string WordNet::noun_lemma(std::string_view word) const {
  return lemma(word, nouns_, noun_exceptions_, false);
}

}  // namespace kg::extract
