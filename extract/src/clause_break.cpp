// Where a sentence breaks between an attribution and what it attributes, read off the text before
// parsing (PropositionExtractor::reporting_clause_break): the parser reads the two parts apart at
// that comma, which it otherwise often garbles (`…, the Kremlin added.`).

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <vector>

#include "grammar.hpp"
#include "kg/extract/proposition_extractor.hpp"

namespace kg::extract {

using core::one_of;

namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

/// The sentence's text as the break rules read it.
class BreakReader {
 public:
  BreakReader(std::string_view sentence, const Lexicon& lexicon) : sentence_(sentence), lexicon_(&lexicon) {}

  /// `According to the White House, Biden reiterated …`: the comma after the source.
  std::size_t after_according_to() const;
  /// `"…," Senate Majority Leader Mitch McConnell, R-Ky., said Tuesday.`: the comma closing a quotation.
  std::size_t before_quotation_clause() const;
  /// `Trump said, "When people come back …"`: the comma after a short reporting clause.
  std::size_t after_leading_clause() const;
  /// `…, the Kremlin added.`, `…, said Peskov.`, `…, he told reporters.`, `…, he said Tuesday.`
  std::size_t before_trailing_clause() const;

 private:
  /// Words of sentence[from, to), without quotes and final punctuation.
  std::vector<std::string> words_of(std::size_t from, std::size_t to) const;
  bool reporting(const std::string& w) const { return lexicon_->is_speech_verb(lexicon_->verb_lemma(w)); }
  /// A pronoun or a capitalised word: a reporter.
  static bool named(const std::string& w) {
    return !w.empty() &&
           (one_of(core::ascii_lower(w), detail::kReporterPronouns) || std::isupper(static_cast<unsigned char>(w.front())));
  }
  /// A quotation mark at `at`, after spaces.
  bool opens_quote(std::size_t at) const;
  std::size_t words_before(std::size_t at) const {
    std::size_t n = 0;
    for (std::size_t i = 0; i < at; ++i) n += sentence_[i] == ' ';
    return n;
  }

  std::string_view sentence_;
  const Lexicon* lexicon_;
};

std::vector<std::string> BreakReader::words_of(std::size_t from, std::size_t to) const {
  std::vector<std::string> words;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) words.push_back(word);
    word.clear();
  };
  for (std::size_t i = from; i < to; ++i) {
    const unsigned char c = static_cast<unsigned char>(sentence_[i]);
    if (c == 0xE2 && i + 2 < to && static_cast<unsigned char>(sentence_[i + 1]) == 0x80) {
      flush();  // a curly quote or dash: a separator
      i += 2;
      continue;
    }
    if (std::isalnum(c) || c >= 0x80 || c == '-' || c == '\'' || c == '.') word += static_cast<char>(c);
    else flush();
  }
  flush();
  while (!words.empty() && words.back().find_first_not_of(".'") == std::string::npos) words.pop_back();
  if (!words.empty()) {
    auto& last = words.back();
    while (!last.empty() && last.back() == '.') last.pop_back();  // `added.`
  }
  return words;
}

bool BreakReader::opens_quote(std::size_t at) const {
  while (at < sentence_.size() && sentence_[at] == ' ') ++at;
  return sentence_.substr(at, 1) == "\"" || sentence_.substr(at, 2) == "``" || sentence_.substr(at, 2) == "''" ||
         sentence_.substr(at, 3) == "\u201C" || sentence_.substr(at, 3) == "\u201D";
}

std::size_t BreakReader::after_according_to() const {
  // The source before the first comma after `according to` (the parser otherwise makes
  // `according` the subject of the main verb).
  const std::string lower = core::ascii_lower(sentence_.substr(0, std::min<std::size_t>(sentence_.size(), 80)));
  const std::size_t according = lower.find("according to ");
  if (according == std::string::npos || (according != 0 && lower[according - 1] != ' ')) return kNone;
  const std::size_t comma = sentence_.find(',', according);
  // Only an opener: nothing but an adverbial and a comma may precede it.
  const std::string_view head = sentence_.substr(0, according);
  const bool opener = head.find(',') == std::string_view::npos || head.find(',') + 2 >= head.size();
  if (comma != std::string_view::npos && opener && head.size() < 20 &&
      sentence_.find(' ', comma + 2) != std::string_view::npos)
    return comma;
  return kNone;
}

std::size_t BreakReader::before_quotation_clause() const {
  // The comma that closes a quotation, followed by a short clause with a reporting verb anywhere in it.
  for (std::size_t comma = sentence_.rfind(','); comma != std::string_view::npos && comma > 0;
       comma = sentence_.rfind(',', comma - 1)) {
    if (!opens_quote(comma + 1)) continue;
    const auto words = words_of(comma + 1, sentence_.size());
    if (words.size() >= 2 && words.size() <= 12 && words_before(comma) >= 3 &&
        std::any_of(words.begin(), words.end(), [&](const std::string& w) { return reporting(w); }))
      return comma;
    break;  // only the last closing quotation
  }
  return kNone;
}

std::size_t BreakReader::after_leading_clause() const {
  // A short reporting clause, a comma, a quotation.
  const std::size_t comma = sentence_.find(',');
  if (comma == std::string_view::npos || !opens_quote(comma + 1)) return kNone;
  const auto words = words_of(0, comma);
  if (words.size() >= 2 && words.size() <= 6 && named(words.front()) &&
      (reporting(words.back()) || (words.size() > 2 && reporting(words[words.size() - 2]))))
    return comma;
  return kNone;
}

std::size_t BreakReader::before_trailing_clause() const {
  const std::size_t comma = sentence_.rfind(',');
  if (comma == std::string_view::npos || comma == 0) return kNone;
  auto words = words_of(comma + 1, sentence_.size());
  if (words.size() < 2 || words.size() > 8) return kNone;
  if (detail::is_time_word(core::ascii_lower(words.back()))) words.pop_back();  // `said Tuesday`
  if (words.size() < 2) return kNone;
  bool found = reporting(words.back());                                                  // the Kremlin added
  if (!found && words.size() <= 4 && reporting(words.front())) found = named(words[1]);  // said Peskov
  if (!found && named(words.front()))                                                    // he told reporters
    found = reporting(words[1]) || (words.size() > 2 && named(words[1]) && reporting(words[2]));
  if (!found) return kNone;
  return words_before(comma) >= 3 ? comma : kNone;  // enough of a clause to parse alone
}

}  // namespace

std::size_t PropositionExtractor::reporting_clause_break(std::string_view sentence) const {
  const BreakReader reader(sentence, *lexicon_);
  for (auto rule : {&BreakReader::after_according_to, &BreakReader::before_quotation_clause,
                    &BreakReader::after_leading_clause, &BreakReader::before_trailing_clause})
    if (const std::size_t comma = (reader.*rule)(); comma != kNone) return comma;
  return kNone;
}

}  // namespace kg::extract
