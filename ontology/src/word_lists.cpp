// WordLists::load: the TSV files of <data>/lexicon/ -> word lists, with file:line:column errors.
#include "kg/ontology/word_lists.hpp"

#include <array>
#include <fstream>

#include "kg/core/diagnostics.hpp"
#include "kg/core/text.hpp"

namespace kg::ontology {

namespace {

/// What a list's value column holds.
enum class Values { none, any, listed };

struct ListFile {
  WordList WordLists::*list;
  std::string_view file;
  Values values = Values::none;
  std::array<std::string_view, 6> allowed{};  // for Values::listed; empty entries unused
  bool cased = false;                         // words keep their case (abbreviations)
};

/// `value` is one of `allowed`.
bool allowed_value(const ListFile& spec, std::string_view value) {
  for (const auto a : spec.allowed)
    if (!a.empty() && a == value) return true;
  return false;
}

/// `'a', 'b' or 'c'`.
std::string allowed_text(const ListFile& spec) {
  std::string out;
  for (std::size_t i = 0; i < spec.allowed.size() && !spec.allowed[i].empty(); ++i) {
    if (i > 0) out += (i + 1 < spec.allowed.size() && !spec.allowed[i + 1].empty()) ? ", " : " or ";
    out += '\'' + std::string(spec.allowed[i]) + '\'';
  }
  return out;
}

constexpr std::array<ListFile, 26> kFiles = {{
    {&WordLists::reporting_verbs, "reporting_verbs.tsv"},
    {&WordLists::attitude_verbs, "attitude_verbs.tsv"},
    {&WordLists::clause_speech_verbs, "clause_speech_verbs.tsv"},
    {&WordLists::stance_verbs, "stance_verbs.tsv"},
    {&WordLists::light_verbs, "light_verbs.tsv"},
    {&WordLists::titles, "titles.tsv"},
    {&WordLists::gender_words, "gender_words.tsv", Values::listed, {"female", "male"}},
    {&WordLists::country_nouns, "country_nouns.tsv"},
    {&WordLists::descriptor_nouns, "descriptor_nouns.tsv"},
    {&WordLists::issued_documents, "issued_documents.tsv"},
    {&WordLists::expletive_verbs, "expletive_verbs.tsv"},
    {&WordLists::punitive_measures, "punitive_measures.tsv"},
    {&WordLists::threat_refinements, "threat_refinements.tsv", Values::any},
    {&WordLists::editorial_labels, "editorial_labels.tsv"},
    {&WordLists::abbreviations, "abbreviations.tsv", Values::listed, {"prefix", "number", "final"}, true},
    {&WordLists::given_names, "given_names.tsv", Values::listed, {"female", "male", "either"}},
    {&WordLists::ambiguous_given_names, "ambiguous_given_names.tsv", Values::listed, {"female", "male", "either"}},
    {&WordLists::organization_words, "organization_words.tsv"},
    {&WordLists::place_words, "place_words.tsv"},
    {&WordLists::non_entity_words, "non_entity_words.tsv"},
    {&WordLists::non_name_acronyms, "non_name_acronyms.tsv"},
    {&WordLists::place_names, "place_names.tsv", Values::listed, {"city", "state", "place"}},
    {&WordLists::surname_prefixes, "surname_prefixes.tsv"},
    {&WordLists::organization_names, "organization_names.tsv", Values::listed,
     {"media", "company", "platform", "pollster", "movement", "union"}},
    {&WordLists::fronting_words, "fronting_words.tsv"},
    {&WordLists::state_abbreviations, "state_abbreviations.tsv", Values::any},
}};

/// Throws the error `file:line:column: message — 'token'` (the CLI prints it after `error:`).
[[noreturn]] void fail(const std::filesystem::path& file, std::size_t line, std::size_t column,
                       const std::string& message, const std::string& token = {}) {
  std::string what = file.string();
  if (line != 0) what += ':' + std::to_string(line) + ':' + std::to_string(column);
  what += ": " + message;
  if (!token.empty()) what += " \u2014 '" + token + "'";
  throw core::Error(what);
}

WordList load_list(const ListFile& spec, const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) fail(path, 0, 0, "cannot read word list");
  WordList list;
  std::string line;
  for (std::size_t number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (core::trim(line).empty() || core::trim(line).front() == '#') continue;
    const auto tab = line.find('\t');
    std::string word = line.substr(0, tab);
    std::string value = tab == std::string::npos ? std::string() : line.substr(tab + 1);
    const std::size_t value_column = core::count_code_points(word) + 2;
    if (word.empty() || core::trim(word) != word) fail(path, number, 1, "a word may not be empty or start or end with a space", word);
    if (!spec.cased && core::ascii_lower(word) != word) fail(path, number, 1, "words are lower case", word);
    if (value.find('\t') != std::string::npos) fail(path, number, value_column, "more than two columns", value);
    if (spec.values == Values::none && tab != std::string::npos)
      fail(path, number, value_column, "this list takes words only, no value column", value);
    if (spec.values != Values::none && value.empty())
      fail(path, number, value_column, "missing value (word<TAB>value)", word);
    if (spec.values == Values::listed && !allowed_value(spec, value))
      fail(path, number, value_column, "value must be " + allowed_text(spec), value);
    if (!list.add(word, std::move(value))) fail(path, number, 1, "word listed twice", word);
  }
  return list;
}

}  // namespace

bool WordList::add(std::string word, std::string value) {
  if (index_.find(word) != index_.end()) return false;
  index_.emplace(word, entries_.size());
  entries_.emplace_back(std::move(word), std::move(value));
  return true;
}

WordLists WordLists::load(const std::filesystem::path& dir) {
  WordLists lists;
  for (const auto& spec : kFiles) lists.*spec.list = load_list(spec, dir / spec.file);
  return lists;
}

}  // namespace kg::ontology
