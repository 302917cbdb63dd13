#include "mentions.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <set>
#include <string>
#include <utility>

#include "entity_linker.hpp"
#include "grammar.hpp"
#include "kg/core/text.hpp"
#include "mention_model.hpp"
#include "mention_text.hpp"

namespace kg::extract::detail {

using core::EntityType;
using core::one_of;
using ontology::Gender;

namespace {

// --- tokens -------------------------------------------------------------------------------

/// A word of a sentence: bytes [begin, end) of the sentence text.
struct Token {
  std::size_t begin = 0, end = 0;
  std::string_view text;
  bool possessive = false;  // `'s` / `’s` followed (and is not part of `text`)
  bool word = false;        // letters or digits, not punctuation
  bool line_start = false;  // a line break stands before it: names do not run across lines
};

bool is_apostrophe_at(std::string_view s, std::size_t i) {
  return s[i] == '\'' || (s.compare(i, 3, "\xE2\x80\x99") == 0);
}
std::size_t apostrophe_size(std::string_view s, std::size_t i) { return s[i] == '\'' ? 1 : 3; }

bool is_word_byte(unsigned char c) {
  if (c >= 0x80) return true;  // checked for typographic punctuation separately
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/// Typographic punctuation that is not part of a word: quotes, dashes, ellipsis (U+2010–U+2027).
bool is_typographic_punctuation(std::string_view s, std::size_t i) {
  return s.size() >= i + 3 && static_cast<unsigned char>(s[i]) == 0xE2 && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
         static_cast<unsigned char>(s[i + 2]) >= 0x90 && static_cast<unsigned char>(s[i + 2]) <= 0xA7;
}

/// Words (with their inner `.`, `-`, `&` and apostrophes: `U.S.`, `al-Hakim`, `AT&T`, `O'Brien`)
/// and single punctuation marks. A final `'s` is a possessive mark on the word before it; a final
/// dot stays on one-letter initials (`L.`) and on abbreviations the word lists know (`Sen.`).
std::vector<Token> tokenize(std::string_view s, const ontology::WordLists& words) {
  std::vector<Token> out;
  std::size_t i = 0;
  bool line_start = false;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (const std::size_t space = core::space_width_at(s, i)) {  // `Padilla\u00A0` is no word byte
      line_start = line_start || c == '\n' || c == '\r';
      i += space;
      continue;
    }
    const bool after_break = std::exchange(line_start, false);
    const bool typographic = is_typographic_punctuation(s, i);
    if (!is_word_byte(c) || typographic) {
      std::size_t n = typographic ? 3 : 1;
      if (c >= 0x80 && !typographic) n = 1;
      out.push_back({i, i + n, s.substr(i, n), false, false, after_break});
      i += n;
      continue;
    }
    std::size_t j = i;
    while (j < s.size()) {
      const auto d = static_cast<unsigned char>(s[j]);
      if (is_word_byte(d) && !is_typographic_punctuation(s, j) && core::space_width_at(s, j) == 0) {
        ++j;
        continue;
      }
      // Inner marks join two word parts.
      const bool apostrophe = is_apostrophe_at(s, j);
      const std::size_t mark = apostrophe ? apostrophe_size(s, j) : 1;
      const bool inner = (d == '.' || d == '-' || d == '&' || apostrophe) && j + mark < s.size() &&
                         is_word_byte(static_cast<unsigned char>(s[j + mark])) && !is_typographic_punctuation(s, j + mark) &&
                         core::space_width_at(s, j + mark) == 0;
      if (!inner) break;
      if (apostrophe && (s[j + mark] == 's' || s[j + mark] == 'S') &&
          (j + mark + 1 == s.size() || !is_word_byte(static_cast<unsigned char>(s[j + mark + 1]))))
        break;  // possessive
      j += mark;
    }
    Token t{i, j, s.substr(i, j - i), false, true, after_break};
    if (j < s.size() && is_apostrophe_at(s, j)) {
      const std::size_t mark = apostrophe_size(s, j);
      if (j + mark < s.size() && (s[j + mark] == 's' || s[j + mark] == 'S') &&
          (j + mark + 1 == s.size() || !is_word_byte(static_cast<unsigned char>(s[j + mark + 1])))) {
        t.possessive = true;
        out.push_back(t);
        i = j + mark + 1;
        continue;
      }
      if (j > i && (s[j - 1] == 's') && (j + mark == s.size() || !is_word_byte(static_cast<unsigned char>(s[j + mark])))) {
        t.possessive = true;  // `the Democrats' plan`
        out.push_back(t);
        i = j + mark;
        continue;
      }
    }
    if (j < s.size() && s[j] == '.') {
      const bool initial = t.text.size() == 1 && t.text[0] >= 'A' && t.text[0] <= 'Z';
      const bool dotted = t.text.size() >= 3 && t.text[t.text.size() - 2] == '.';  // `U.S.`
      if (initial || dotted || !words.abbreviations.value(t.text).empty()) {
        t.end = j + 1;
        t.text = s.substr(i, t.end - i);
      }
    }
    out.push_back(t);
    i = t.end;
  }
  return out;
}

bool capitalised(std::string_view w) {
  if (w.empty()) return false;
  const auto c = static_cast<unsigned char>(w[0]);
  if (c >= 'A' && c <= 'Z') return true;
  // Latin-1 capitals À–Þ (U+00C0–U+00DE, without ×) and Latin Extended-A capitals are rare
  // enough in English news that À–Þ covers the names met (Émile, Ögmundur).
  if (c == 0xC3 && w.size() >= 2) {
    const auto d = static_cast<unsigned char>(w[1]);
    return d >= 0x80 && d <= 0x9E && d != 0x97;
  }
  return false;
}

bool all_caps(std::string_view w) {
  std::size_t letters = 0;
  for (const char c : w) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++letters;
  }
  return letters >= 2;
}

/// Lower-case name particles inside a person's name (`de Blasio`, `al-Assad` is one token).
constexpr std::array<std::string_view, 14> kNameParticles = {"de", "van", "von", "der", "den", "bin", "ibn",
                                                             "da",  "di",  "del", "la",  "le",  "du",  "dos"};
/// Words that join the parts of an organisation's or place's name (`Department of Justice`).
constexpr std::array<std::string_view, 4> kNameConnectors = {"of", "for", "on", "and"};

/// Where the clitic of `she'd`, `he’s`, `I'm`, `they're`, `we'll`, `I've` begins, or npos.
std::size_t clitic_at(std::string_view w) {
  for (std::size_t i = 1; i < w.size(); ++i) {
    if (!is_apostrophe_at(w, i)) continue;
    const std::string rest = core::ascii_lower(w.substr(i + apostrophe_size(w, i)));
    if (rest == "d" || rest == "s" || rest == "m" || rest == "re" || rest == "ll" || rest == "ve") return i;
    return std::string_view::npos;
  }
  return std::string_view::npos;
}

bool is_function_word(std::string_view lower) {
  return one_of(lower, kPronouns) || one_of(lower, kDeterminers) || one_of(lower, kPrepositions) ||
         one_of(lower, kClausePrepositions) || one_of(lower, kAdverbialSubordinators) || one_of(lower, kModals) ||
         one_of(lower, kBeForms) || one_of(lower, kAuxiliaries) || one_of(lower, kContrast) ||
         one_of(lower, kNegations) || one_of(lower, kRelativePronouns) || one_of(lower, kLeadingWords) ||
         lower == "and" || lower == "or" || lower == "if" || lower == "so" || lower == "i" || lower == "when" ||
         lower == "where" || lower == "what" || lower == "how" || lower == "why" || lower == "there" ||
         lower == "here" || lower == "then" || lower == "now" || lower == "yes" || lower == "oh" || lower == "my" ||
         lower == "your" || lower == "anybody" || lower == "anyone" || lower == "everyone" || lower == "someone" ||
         lower == "nobody" || lower == "everybody" || lower == "somebody" || lower == "please" || lower == "thanks";
}

/// A word of English (a WordNet noun or verb, or a function word), in any case.
bool english_word(std::string_view w, const Resources& resources) {
  const std::string lower = core::ascii_lower(w);
  const auto& wordnet = resources.wordnet();
  return wordnet.is_noun(wordnet.noun_lemma(lower)) || wordnet.is_verb(wordnet.verb_lemma(lower)) ||
         is_function_word(lower);
}

/// Whether the word (any case) is in given_names.tsv.
bool given_name(std::string_view word, const ontology::WordLists& words) {
  return !words.given_names.value(core::ascii_lower(word)).empty();
}

/// A headline or a title in Title Case or capitals (`Wealthy Voters Abandon Republican Party for
/// Hillary Clinton`, `CALLED OUT BY FELLOW DOCTORS`): nine in ten of its words that are no
/// lower-case function word are capitalised, and three or more of those are English words, so
/// that capitals say nothing of names there. The first word, capitalised in any sentence, does
/// not count; a lower-case verb that is no noun, and no adjective unless inflected (`… reported
/// from Midway Atoll, and Mark Landler …`), makes the sentence no headline.
bool is_headline(const std::vector<Token>& tokens, const Resources& resources) {
  std::size_t content = 0, capital = 0, english = 0;
  bool first = true;
  const auto& wordnet = resources.wordnet();
  for (const auto& t : tokens) {
    if (!t.word) continue;
    if (std::exchange(first, false)) continue;
    if (!capitalised(t.text)) {
      const std::string lower = core::ascii_lower(t.text);
      if (is_function_word(lower)) continue;
      ++content;
      const std::string lemma = wordnet.verb_lemma(lower);
      if (wordnet.is_verb(lemma) && !wordnet.is_noun(wordnet.noun_lemma(lower)) &&
          (lemma != lower || !wordnet.is_adjective_or_adverb(lower)))
        return false;
      continue;
    }
    ++content;
    ++capital;
    if (english_word(t.text, resources) && !given_name(t.text, resources.words()) &&
        resources.gazetteer().find(t.text) == nullptr && !resources.wordnet().is_proper_name(t.text))
      ++english;
  }
  return content >= 4 && capital * 10 >= content * 9 && english >= 3;
}

// --- evidence -----------------------------------------------------------------------------

std::string join_words(const std::vector<std::string_view>& words) {
  std::string out;
  for (const auto w : words) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

/// The gender a names list gives `word` (given_names.tsv, ambiguous_given_names.tsv).
Gender listed_gender(std::string_view word, const ontology::WordList& names) {
  const std::string_view g = names.value(core::ascii_lower(word));
  if (g == "female") return Gender::female;
  if (g == "male") return Gender::male;
  return Gender::unknown;
}

class DocumentMentions {
 public:
  DocumentMentions(std::vector<core::SentenceFacts>& sentences, const Resources& resources)
      : sentences_(&sentences), resources_(&resources), words_(&resources.words()) {}

  void run() {
    for (std::size_t s = 0; s < sentences_->size(); ++s) find(s);
    admit_names_met_elsewhere();
    for (auto& f : found_) type_name(f);
    // A piece of a longer name that nothing typed is no mention of anything: `Victims` of `Justice
    // for Victims of Trafficking Act`, `Citizens` of `Citizens for Tax Justice`, `Tour` of `Tour
    // of Qatar` (not the `Tour de Romandie` named before).
    std::erase_if(found_, [](const Found& f) {
      return f.fragment && f.type == EntityType::concept_ && f.evidence == Evidence::none;
    });
    for (std::size_t i = 0; i < found_.size(); ++i)
      if (found_[i].kind == core::MentionKind::name) cluster(i);
    type_by_speakers();
    settle_types();
    resolve_pronouns(found_, entities_);
    type_by_pronouns();
    emit();
  }

 private:
  void find(std::size_t s);
  void add_name(std::size_t s, const std::vector<Token>& tokens, std::size_t first, std::size_t last, bool sentence_start);
  void add_pronoun(std::size_t s, const Token& t);
  void admit_names_met_elsewhere();
  void add_headline_names(std::size_t s, const std::vector<Token>& tokens, std::size_t first, std::size_t last);
  void type_by_speakers();
  void type_by_pronouns();
  void locate(Found& f) const;
  void locate_in_parse(Found& f) const;
  void type_name(Found& f) const;
  void cluster(std::size_t i);
  int short_name_match(const Found& f) const;
  int acronym_match(const Found& f) const;
  void settle_types();
  void emit();

  bool common_word(std::string_view w) const { return english_word(w, *resources_); }
  /// A word capitalised only as a sentence's first: an adverb in -ly (`Initially Clinton …`) or
  /// a gerund (`Considering Clinton's …`) before a name; a given name or a place never is.
  bool opening_modifier(std::string_view w) const {
    const std::string lower = core::ascii_lower(w);
    if (lower.size() < 5 || is_given_name(w) || words_->place_names.contains(lower) ||
        resources_->gazetteer().find(w) != nullptr)
      return false;
    const auto& wordnet = resources_->wordnet();
    if (lower.ends_with("ly")) return wordnet.is_adjective_or_adverb(lower) && !wordnet.is_noun(lower);
    if (lower.ends_with("ing")) return wordnet.is_verb(wordnet.verb_lemma(lower)) && wordnet.verb_lemma(lower) != lower;
    return false;
  }
  /// `PolitiFact`, `WikiLeaks`: one word with a capital inside (not as its second letter) between
  /// lower-case letters, a brand's spelling; not a surname after a prefix of surname_prefixes.tsv
  /// (`McConnell`, `MacDougall`, `DeSantis`).
  bool camel_case_brand(std::string_view w) const {
    if (w.size() < 4 || !capitalised(w)) return false;
    for (std::size_t k = 2; k + 1 < w.size(); ++k) {
      const bool inner_capital = w[k] >= 'A' && w[k] <= 'Z' && w[k - 1] >= 'a' && w[k - 1] <= 'z' &&
                                 w[k + 1] >= 'a' && w[k + 1] <= 'z';
      if (!inner_capital) continue;
      return !words_->surname_prefixes.contains(core::ascii_lower(w.substr(0, k)));
    }
    return false;
  }
  /// Whether the run `tokens[first, end)` is joined by `of`, `for` or `on` (with or without `the`)
  /// to a capitalised word before or after it: `Coalition for the [Homeless]`, `[Voice] of
  /// America`. Not by `and`, which joins names as often (`Mark Landler and Coral Davenport`).
  bool joined_to_capitals(const std::vector<Token>& tokens, std::size_t first, std::size_t end) const {
    const auto capital = [&](std::size_t k) {  // `on Monday` joins nothing
      return k < tokens.size() && tokens[k].word && !tokens[k].line_start && capitalised(tokens[k].text) &&
             !is_calendar(tokens[k].text);
    };
    const auto connector = [&](std::size_t k) {
      return k < tokens.size() && (tokens[k].text == "of" || tokens[k].text == "for" || tokens[k].text == "on");
    };
    std::size_t k = first;
    if (k >= 1 && tokens[k - 1].text == "the") --k;
    // The capital before the connector is no sentence's first word (`Users of …`).
    const bool opening = k == 2 || (k >= 3 && !tokens[k - 3].word && tokens[k - 3].text != ",");
    if (k >= 2 && connector(k - 1) && capital(k - 2) && !opening && !tokens[k].line_start) return true;
    k = end;
    if (!connector(k)) return false;
    if (k + 1 < tokens.size() && tokens[k + 1].text == "the") ++k;
    return capital(k + 1);
  }
  /// Whether the run `tokens[first, end)` is followed by a comma and a US state (`Herndon,
  /// Virginia`, `Fort Pierce, Fla.`) and stands after `in`, `at`, `from`, `near` or opens a line (a
  /// dateline): then it is a place in that state.
  bool placed_in_state(const std::vector<Token>& tokens, std::size_t first, std::size_t end) const {
    if (end + 1 >= tokens.size() || tokens[end].text != "," || !tokens[end + 1].word) return false;
    const bool locative = first > 0 && (tokens[first - 1].text == "in" || tokens[first - 1].text == "at" ||
                                        tokens[first - 1].text == "from" || tokens[first - 1].text == "near");
    if (!locative && !tokens[first].line_start && first != 0) return false;
    const auto state = [&](std::string_view name) {
      return words_->place_names.value(core::ascii_lower(name)) == "state" || is_state_abbreviation(name, *resources_);
    };
    if (state(tokens[end + 1].text)) return true;
    if (end + 2 >= tokens.size() || !tokens[end + 2].word) return false;
    const std::string two = std::string(tokens[end + 1].text) + ' ' + std::string(tokens[end + 2].text);
    return state(two);
  }
  /// Whether `w` may end a person's name after a given name: no place's, organisation's or place
  /// word, no organisation the lists name, nothing the gazetteer knows.
  bool surname_position(std::string_view w) const {
    const std::string lower = core::ascii_lower(word_key(w));
    return !words_->place_names.contains(lower) && !is_thing_word(w) && !words_->organization_names.contains(lower) &&
           resources_->gazetteer().find(w) == nullptr;
  }
  bool name_modifier(std::string_view w) const {
    const std::string lower = core::ascii_lower(w);
    return resources_->wordnet().is_adjective_or_adverb(lower) || is_title(w) ||
           words_->organization_words.contains(lower) || words_->place_words.contains(lower);
  }
  /// Whether the name that ends before `tokens[end]` has a person's apposition after it: an age
  /// in commas (`, 45,`) or `, a/the …` headed by a kind of person that is no kind of group
  /// (`, a former Canadian negotiator`; not `, a maker of …`, `maker` being also a firm).
  bool apposed_person(const std::vector<Token>& tokens, std::size_t end) const {
    if (end + 2 >= tokens.size() || tokens[end].text != ",") return false;
    const std::string_view next = tokens[end + 1].text;
    const auto& after = tokens[end + 2].text;
    if (next.size() <= 3 && std::all_of(next.begin(), next.end(), [](char c) { return c >= '0' && c <= '9'; }))
      return after == "," || after == ")";
    // `, a former Canadian negotiator`; `, political science professor at …` (no article).
    const bool article = next == "a" || next == "an" || next == "the";
    if (!article && (!tokens[end + 1].word || capitalised(next) || is_function_word(core::ascii_lower(next)))) return false;
    const auto& wordnet = resources_->wordnet();
    for (std::size_t k = article ? end + 2 : end + 1; k < tokens.size() && k < end + 7 && tokens[k].word; ++k) {
      if (capitalised(tokens[k].text)) continue;  // `Canadian`
      const std::string lemma = wordnet.noun_lemma(core::ascii_lower(tokens[k].text));
      const bool head = k + 1 == tokens.size() || !tokens[k + 1].word || is_function_word(tokens[k + 1].text);
      if (!head) continue;
      // Without an article, a singular before `of`, `at`, `for` or a comma (`, professor at`; not
      // `In Broward, voters are …`).
      if (!article) {
        const std::string_view following = k + 1 < tokens.size() ? tokens[k + 1].text : std::string_view();
        if (lemma != core::ascii_lower(tokens[k].text) ||
            !(following == "of" || following == "at" || following == "for" || following == ","))
          return false;
      }
      return wordnet.is_person_noun(lemma) && !wordnet.is_group_noun(lemma) &&
             !words_->organization_words.contains(lemma);
    }
    return false;
  }
  /// Whether the mention follows a lower-case `the` (`in the Senate`): a capitalised organisation
  /// word alone is then that body's name.
  bool after_the(const Found& f) const {
    const std::string_view before = std::string_view((*sentences_)[f.sentence].sentence.text).substr(0, f.begin);
    return before.ends_with(" the ") || before == "the ";
  }
  /// A given name that is also a word or a place (`Mark`, `Charlotte`): ambiguous_given_names.tsv.
  bool is_ambiguous_given_name(std::string_view w) const {
    return !words_->ambiguous_given_names.value(core::ascii_lower(w)).empty();
  }
  /// An organisation's or a place's last word (`Department`, `River`), in any case.
  bool is_thing_word(std::string_view w) const {
    const std::string lower = core::ascii_lower(word_key(w));
    return words_->organization_words.contains(lower) || words_->place_words.contains(lower);
  }
  /// A given name of given_names.tsv, or one WordNet's persons open their names with (`Walter`).
  bool is_given_name(std::string_view w) const { return given_name(w, *words_) || resources_->wordnet().is_given_name(w); }
  bool is_title(std::string_view w) const { return words_->titles.contains(word_key(w)); }
  bool is_calendar(std::string_view w) const {
    std::string lower = core::ascii_lower(w);
    if (lower.size() > 3 && lower.back() == '.') lower.pop_back();  // `Sept.`
    return one_of(lower, kCalendarWords);
  }

  std::vector<core::SentenceFacts>* sentences_;
  const Resources* resources_;
  const ontology::WordLists* words_;
  std::vector<Found> found_;
  std::vector<Found> doubtful_;  // sentence-initial common words, names only if named elsewhere
  std::vector<DocEntity> entities_;
};

void DocumentMentions::find(std::size_t s) {
  const auto& sentence = (*sentences_)[s].sentence;
  const auto tokens = tokenize(sentence.text, *words_);
  const bool headline = is_headline(tokens, *resources_);
  bool start = true;  // at the start of the sentence or of a quotation
  for (std::size_t i = 0; i < tokens.size();) {
    const Token& t = tokens[i];
    if (!t.word) {
      const std::string_view p = t.text;
      start = start || p == "\"" || p == "\xE2\x80\x9C" || p == ":" || p == "(" || p == "\xE2\x80\x94";
      ++i;
      continue;
    }
    if (pronoun_kind(t.text) != PronounKind::none && !all_caps(t.text)) {
      add_pronoun(s, t);
      start = false;
      ++i;
      continue;
    }
    // A pronoun with a clitic (`She'd`, `He’s`, `I'm`, `They're`) is the pronoun, never a name.
    if (const std::size_t clitic = clitic_at(t.text); clitic != std::string_view::npos) {
      Token bare = t;
      bare.end = t.begin + clitic;
      bare.text = t.text.substr(0, clitic);
      if (pronoun_kind(bare.text) != PronounKind::none) add_pronoun(s, bare);
      if (pronoun_kind(bare.text) != PronounKind::none || is_function_word(core::ascii_lower(bare.text))) {
        start = false;
        ++i;
        continue;
      }
    }
    // A negated auxiliary (`Don't`, `Won’t`) is never a name, in a headline or anywhere.
    const bool negated_auxiliary = t.text.ends_with("n't") || t.text.ends_with("n\xE2\x80\x99t");
    if (negated_auxiliary ||
        (!capitalised(t.text) && !(one_of(t.text, kNameParticles) && i + 1 < tokens.size() && capitalised(tokens[i + 1].text)))) {
      start = false;
      ++i;
      continue;
    }
    // A run of capitalised words, with particles, initials and connectors inside it.
    std::size_t j = i + 1;
    if (!t.possessive)
      while (j < tokens.size()) {
        const Token& u = tokens[j];
        if (!u.word || u.line_start) break;
        if (capitalised(u.text)) {
          ++j;
          if (u.possessive) break;
          continue;
        }
        if (one_of(u.text, kNameParticles) && j + 1 < tokens.size() && capitalised(tokens[j + 1].text)) {
          ++j;
          continue;
        }
        // `Department of Justice`, `Securities and Exchange Commission`: a connector joins when
        // an organisation or place word stands before it or ends what follows it.
        // After an organisation or place word, `of the` and `for the` join too (`Coalition for the
        // Homeless`, `Museum of the Bible`).
        const bool the_after = (u.text == "of" || u.text == "for") && j + 2 < tokens.size() && tokens[j + 1].text == "the" &&
                               capitalised(tokens[j + 2].text) && !tokens[j + 2].line_start && !tokens[j - 1].possessive &&
                               is_thing_word(tokens[j - 1].text);
        if (the_after) {
          std::size_t k = j + 2;
          while (k < tokens.size() && tokens[k].word && !tokens[k].line_start && capitalised(tokens[k].text) &&
                 !tokens[k].possessive)
            ++k;
          j = k;
          continue;
        }
        if (one_of(u.text, kNameConnectors) && j + 1 < tokens.size() && capitalised(tokens[j + 1].text) &&
            !tokens[j + 1].line_start &&
            !tokens[j - 1].possessive) {
          std::size_t k = j + 1;
          while (k < tokens.size() && tokens[k].word && !tokens[k].line_start && capitalised(tokens[k].text) &&
                 !tokens[k].possessive)
            ++k;
          const auto before = core::ascii_lower(word_key(tokens[j - 1].text));
          const auto after = core::ascii_lower(word_key(tokens[k - 1].text));
          // Not `Leadplex LLC. and Leadplex Inc`: a name that is whole before `and` stays apart.
          const bool before_org = words_->organization_words.contains(before);
          const bool joins = u.text != "and" ? before_org || words_->place_words.contains(before) ||
                                                   words_->organization_words.contains(after)
                                             : !before_org && words_->organization_words.contains(after);
          if (joins) {
            j = k;
            continue;
          }
        }
        break;
      }
    if (headline)
      add_headline_names(s, tokens, i, j);
    else
      add_name(s, tokens, i, j, start);
    start = false;
    i = j;
  }
}

void DocumentMentions::add_name(std::size_t s, const std::vector<Token>& tokens, std::size_t first, std::size_t last,
                                bool sentence_start) {
  // Titles open the run (`Fed Chair Janet L. Yellen`); what stands before the last title word is
  // a name of its own when it is not a title (`Wells Fargo CEO John Stumpf`).
  std::size_t name_first = first;
  for (std::size_t k = first; k + 1 < last; ++k)
    if (is_title(tokens[k].text)) name_first = k + 1;
  if (name_first > first) {
    std::size_t title_first = name_first - 1;
    while (title_first > first && is_title(tokens[title_first - 1].text)) --title_first;
    // English words that modify the title are no name (`Australian Prime Minister`, `Vice
    // President`); an organisation's word or a word no list knows may be (`Senate Majority Leader`,
    // `Wells Fargo CEO`).
    const bool modifies_title = std::all_of(tokens.begin() + static_cast<std::ptrdiff_t>(first),
                                            tokens.begin() + static_cast<std::ptrdiff_t>(title_first), [&](const Token& t) {
      const std::string lower = core::ascii_lower(word_key(t.text));
      return (common_word(t.text) || resources_->wordnet().is_adjective_or_adverb(lower)) && !all_caps(t.text) &&
             !words_->organization_words.contains(lower) && !words_->organization_names.contains(lower) &&
             !is_given_name(t.text) && !words_->place_names.contains(lower);
    });
    if (title_first > first && !modifies_title) add_name(s, tokens, first, title_first, sentence_start);
  }
  // Calendar words and leading function words are no part of a name.
  std::size_t b = name_first, e = last;
  while (b < e && (is_calendar(tokens[b].text) || is_function_word(core::ascii_lower(tokens[b].text)) ||
                   words_->non_entity_words.contains(core::ascii_lower(tokens[b].text)) ||
                   one_of(tokens[b].text, kNameParticles)))
    ++b;
  while (e > b && (is_calendar(tokens[e - 1].text) || one_of(tokens[e - 1].text, kNameConnectors))) --e;
  if (sentence_start && b == name_first && e - b >= 2 && opening_modifier(tokens[b].text)) ++b;
  // `Crooked Hillary Clinton`, `Republican Donald Trump`, `House Newt Gingrich`: adjectives,
  // titles and organisation words before a given name and its surname are no part of the name
  // (`Mark Stephen Trotter` keeps its first given name, which is also a noun); a kind of person
  // among them is the person's role.
  std::string lead_role;
  for (std::size_t k = b + 1; k + 1 < e; ++k) {
    if (!is_given_name(tokens[k].text)) continue;
    bool modifiers = true;
    for (std::size_t m = b; m < k && modifiers; ++m)
      modifiers = !is_given_name(tokens[m].text) && !tokens[m].possessive && name_modifier(tokens[m].text);
    if (!modifiers) break;
    for (std::size_t m = b; m < k; ++m) {
      const std::string lower = core::ascii_lower(tokens[m].text);
      if (resources_->is_person_noun(lower) && !resources_->wordnet().is_adjective_or_adverb(lower))
        lead_role = std::string(tokens[m].text);
    }
    b = k;
    break;
  }
  if (b >= e) return;
  Found f;
  f.sentence = s;
  f.begin = tokens[b].begin;
  f.end = tokens[e - 1].end;
  for (std::size_t k = b; k < e; ++k) f.words.push_back(tokens[k].text);
  f.parenthetical = first >= 2 && tokens[first - 1].text == "(" && tokens[first - 2].word &&
                    capitalised(tokens[first - 2].text) && e < tokens.size() && tokens[e].text == ")";
  f.shouting = (b > 0 && tokens[b - 1].word && all_caps(tokens[b - 1].text)) ||
               (e < tokens.size() && tokens[e].word && all_caps(tokens[e].text));
  f.label = join_words(f.words);
  // Not a possessive (`Users of Apple's jukebox`), nor a name with a word that may be a person's
  // (`Mark Stephen Trotter of California`).
  f.fragment = !tokens[e - 1].possessive && joined_to_capitals(tokens, first, e) &&
               std::none_of(f.words.begin(), f.words.end(), [](std::string_view w) { return one_of(w, kNameConnectors); }) &&
               std::all_of(f.words.begin(), f.words.end(), [&](std::string_view w) {
                 return (common_word(w) || resources_->wordnet().is_adjective_or_adverb(core::ascii_lower(w))) &&
                        !is_given_name(w);
               });
  for (std::size_t k = first; k < name_first; ++k) {
    if (!f.role.empty()) f.role += ' ';
    f.role += tokens[k].text;
  }
  if (f.role.empty()) f.role = lead_role;
  // `spokeswoman Maria Zakharova`; not a word that is also an adjective (`black Florida voters`,
  // `senior Hamas official`, `liberal Tax Policy Center`). Precision first: `activist Kamala Lopez`
  // and `secretary general Kofi Annan` lose their title too.
  bool kind_named = false;  // `comic book company Marvel`, `the news agency Reuters`
  if (f.role.empty() && first > 0 && tokens[first - 1].word && !capitalised(tokens[first - 1].text)) {
    const std::string before = core::ascii_lower(tokens[first - 1].text);
    kind_named = words_->organization_words.contains(before);
    if (!kind_named && resources_->is_person_noun(before) && !resources_->wordnet().is_adjective_or_adverb(before))
      f.role = std::string(tokens[first - 1].text);
    // `the actress and activist Kamala Lopez`: a kind of person that is also an adjective gives no
    // role, but a name of two or more words after it is a person's (type_name).
    f.after_person_noun = !kind_named && f.role.empty() && resources_->is_person_noun(before) &&
                          !resources_->wordnet().is_group_noun(before);
  }
  const bool titled = !f.role.empty();
  // A lone capitalised word that opens a sentence is a name only with evidence: the gazetteer,
  // a given name, a title, or its being a name elsewhere (admit_names_met_elsewhere).
  bool doubtful = false;
  if (sentence_start && b == first && e - b == 1 && !titled) {
    const auto w = f.words.front();
    doubtful = resources_->gazetteer().find(w) == nullptr && !is_given_name(w) &&
               !words_->place_names.contains(core::ascii_lower(w)) && common_word(w);
  }
  if (f.words.size() == 1) {
    const std::string lower = core::ascii_lower(f.words.front());
    if (lower.size() < 2 || is_function_word(lower) || is_title(f.words.front())) return;
    if (std::all_of(lower.begin(), lower.end(), [](char c) { return c >= '0' && c <= '9'; })) return;
    // An adjective before a lower-case noun or adjective modifies it (`the Democratic nominee`,
    // `Foreign deals`): no name of its own, unless some list knows it as one or it ends or opens
    // a name met before (`William Vile … Vile said`).
    const auto& wordnet = resources_->wordnet();
    const auto modifies_next = [&] {
      if (e >= tokens.size() || !tokens[e].word || capitalised(tokens[e].text)) return false;
      const std::string next = core::ascii_lower(tokens[e].text);
      if (is_function_word(next)) return false;
      return wordnet.is_noun(wordnet.noun_lemma(next)) ||
             (wordnet.is_adjective_or_adverb(next) && !wordnet.is_verb(wordnet.verb_lemma(next)));
    };
    const auto named_before = [&] {
      return std::any_of(found_.begin(), found_.end(), [&](const Found& g) {
        return g.words.size() >= 2 && (g.words.back() == f.words.front() || g.words.front() == f.words.front());
      });
    };
    if (!all_caps(f.words.front()) && wordnet.is_adjective_or_adverb(lower) && modifies_next() &&
        !wordnet.is_noun(wordnet.noun_lemma(lower)) && !named_before() &&
        !wordnet.is_proper_name(f.words.front()) && !is_given_name(f.words.front()) &&
        !words_->place_names.contains(lower) && resources_->gazetteer().find(f.words.front()) == nullptr &&
        resources_->gazetteer().country_for_demonym(f.words.front()) == nullptr)
      return;
    // A demonym is a name of a group in the plural (`Russians`) and no entity as an adjective.
    if (resources_->gazetteer().country_for_demonym(f.words.front()) != nullptr) {
      if (lower.back() != 's') return;
      f.type = EntityType::group;
      f.evidence = Evidence::name_word;
    }
  }
  if (kind_named) {
    f.type = EntityType::organization;
    f.evidence = Evidence::title;
  }
  // Not after `of`: `Princess Marie of Nassau, daughter of …` describes Marie, not Nassau.
  const bool of_a_name = first >= 2 && tokens[first - 1].text == "of" && tokens[first - 2].word &&
                         capitalised(tokens[first - 2].text);  // not `the death of Kalief Browder, a …`
  if (!kind_named && !titled && !of_a_name && apposed_person(tokens, e)) {
    f.type = EntityType::person;  // `Debra Steger, a former Canadian negotiator,`; `Zorvan Pakel, 45,`
    f.evidence = Evidence::title;
  }
  if (f.type == EntityType::concept_ && !titled && !kind_named && placed_in_state(tokens, first, e)) {
    f.type = EntityType::location;  // `in Herndon, Virginia`; the dateline `HEMPSTEAD, N.Y.`
    f.evidence = Evidence::place_name;
  }
  if (titled) {
    f.type = EntityType::person;
    f.evidence = Evidence::title;
    for (const auto w : split_words(f.role)) {
      const std::string_view g = words_->gender_words.value(word_key(w));
      if (g == "female") f.gender = Gender::female;
      if (g == "male") f.gender = Gender::male;
    }
  }
  locate(f);
  (doubtful ? doubtful_ : found_).push_back(std::move(f));
}

/// In a headline a capital may open any word: a name is a stretch of words that are no English
/// words (or are given names, places, the gazetteer's: `Hillary Clinton`); an English word alone
/// is one only where the article names it elsewhere (`Trump Urges …` after `Donald Trump`).
void DocumentMentions::add_headline_names(std::size_t s, const std::vector<Token>& tokens, std::size_t first,
                                          std::size_t last) {
  const auto name_word = [&](const Token& t) {
    return !common_word(t.text) || is_given_name(t.text) || words_->place_names.contains(core::ascii_lower(t.text)) ||
           resources_->gazetteer().find(t.text) != nullptr || resources_->wordnet().is_proper_name(t.text);
  };
  for (std::size_t k = first; k < last;) {
    std::size_t m = k;
    while (m < last && name_word(tokens[m])) ++m;
    if (m > k) {
      add_name(s, tokens, k, m, false);
      k = m;
    } else {
      add_name(s, tokens, k, k + 1, true);  // doubtful: admit_names_met_elsewhere()
      ++k;
    }
  }
}

/// `Lynch said …` at a sentence's start is a name when the article names `Lynch` mid-sentence or
/// ends a longer name with it (`Loretta E. Lynch`); `Users said …` stays no name.
void DocumentMentions::admit_names_met_elsewhere() {
  if (doubtful_.empty()) return;
  std::set<std::string_view> named;
  for (const auto& f : found_)
    if (f.kind == core::MentionKind::name) named.insert(f.words.back());  // `Lynch`, `Loretta E. Lynch`
  bool admitted = false;
  for (auto& f : doubtful_)
    if (named.count(f.words.front()) != 0) {
      found_.push_back(std::move(f));
      admitted = true;
    }
  doubtful_.clear();
  if (admitted)
    std::stable_sort(found_.begin(), found_.end(), [](const Found& a, const Found& b) {
      return a.sentence != b.sentence ? a.sentence < b.sentence : a.begin < b.begin;
    });
}

/// A name that may be a person's (`Mehmet Oz`) is one when any of its mentions speaks
/// (`Oz said`). A lone word that speaks is not enough: `Bloomberg reports`.
void DocumentMentions::type_by_speakers() {
  for (const auto& f : found_) {
    if (f.entity < 0 || !f.speaker) continue;
    auto& ent = entities_[static_cast<std::size_t>(f.entity)];
    if (ent.type == EntityType::concept_ && ent.possible_person && ent.evidence < Evidence::speaker) {
      ent.type = EntityType::person;
      ent.evidence = Evidence::speaker;
    }
  }
}

/// A lone word no list knows that speaks (`McLenney said`) and that a `he` or `she` of the
/// article was resolved to is a person's surname: two kinds of evidence, where one alone is not
/// enough (`Bloomberg reports`).
void DocumentMentions::type_by_pronouns() {
  std::vector<bool> speaks(entities_.size(), false), personal(entities_.size(), false), lone(entities_.size(), false);
  for (const auto& f : found_) {
    if (f.entity < 0) continue;
    const auto e = static_cast<std::size_t>(f.entity);
    if (f.kind == core::MentionKind::name) {
      speaks[e] = speaks[e] || f.speaker;
      lone[e] = lone[e] || f.name_like;
    } else if (f.kind == core::MentionKind::pronoun) {
      personal[e] = personal[e] || f.pronoun == PronounKind::male || f.pronoun == PronounKind::female;
    }
  }
  for (std::size_t e = 0; e < entities_.size(); ++e) {
    auto& ent = entities_[e];
    if (ent.type == EntityType::concept_ && !ent.no_person_name && speaks[e] && personal[e] && lone[e]) {
      ent.type = EntityType::person;
      ent.evidence = Evidence::speaker;
    }
  }
}

void DocumentMentions::add_pronoun(std::size_t s, const Token& t) {
  Found f;
  f.sentence = s;
  f.begin = t.begin;
  f.end = t.end;
  f.kind = core::MentionKind::pronoun;
  f.pronoun = pronoun_kind(t.text);
  f.label = std::string(t.text);
  locate(f);
  found_.push_back(std::move(f));
}

/// The mention's document span, and whether it is a subject or a speaker of its sentence.
void DocumentMentions::locate(Found& f) const {
  const auto& facts = (*sentences_)[f.sentence];
  const auto& text = facts.sentence.text;
  f.span.begin = facts.sentence.chars.begin + core::count_code_points(std::string_view(text).substr(0, f.begin));
  f.span.end = f.span.begin + core::count_code_points(std::string_view(text).substr(f.begin, f.end - f.begin));
  for (std::size_t p = 0; p < facts.propositions.size(); ++p) {
    const auto& prop = facts.propositions[p];
    const bool speech = p < facts.events.size() && facts.events[p].speech_act;
    for (const auto& a : prop.arguments)
      if (a.role == core::Role::agent && a.span.contains(f.span)) {
        f.subject = true;
        f.speaker = f.speaker || speech;
      }
    if (!prop.attribution.source.empty() && prop.attribution.source_span.contains(f.span))
      f.subject = f.speaker = true;
  }
  locate_in_parse(f);
}

/// The argument a mention fills (its role, whether it is the head), the agent of that clause,
/// and the surface cues the pronoun resolver needs: possessive, reflexive, an opening adverbial.
void DocumentMentions::locate_in_parse(Found& f) const {
  const auto& facts = (*sentences_)[f.sentence];
  const std::string_view text = facts.sentence.text;
  const std::string last = core::ascii_lower(f.kind == core::MentionKind::name ? std::string_view(f.words.back())
                                                                                : std::string_view(f.label));
  // The smallest argument containing the mention, one it heads first.
  const core::Argument* best = nullptr;
  const core::Proposition* best_prop = nullptr;
  bool best_head = false;
  for (const auto& prop : facts.propositions)
    for (const auto& a : prop.arguments) {
      if (!a.span.contains(f.span)) continue;
      const std::string h = core::ascii_lower(a.head);
      const bool head = h == last || h.ends_with(" " + last) ||
                        (a.span.begin == f.span.begin && a.span.end == f.span.end);
      const auto size = a.span.end - a.span.begin;
      if (best == nullptr || (head && !best_head) ||
          (head == best_head && size < best->span.end - best->span.begin)) {
        best = &a;
        best_prop = &prop;
        best_head = head;
      }
    }
  if (best != nullptr) {
    f.in_argument = true;
    f.arg_role = best->role;
    f.arg_head = best_head;
    if (const auto* agent = best_prop->first(core::Role::agent)) f.clause_agent = agent->span;
  }
  // The next word, for `her` (possessive before a noun, object otherwise) and `Smith's`.
  std::size_t k = f.end;
  if (f.kind == core::MentionKind::name) {
    const std::string_view rest = text.substr(f.end);
    f.possessive = rest.starts_with("'s") || rest.starts_with("\xE2\x80\x99s") || rest.starts_with("' ");
  } else {
    const std::string w = core::ascii_lower(f.label);
    f.reflexive = w == "himself" || w == "herself";
    while (k < text.size() && text[k] == ' ') ++k;
    std::size_t e = k;
    while (e < text.size() && ((text[e] >= 'a' && text[e] <= 'z') || (text[e] >= 'A' && text[e] <= 'Z') ||
                               (text[e] >= '0' && text[e] <= '9') || text[e] == '-'))
      ++e;
    const std::string next = core::ascii_lower(text.substr(k, e - k));
    f.possessive = w == "his" || (w == "her" && !next.empty() && !is_function_word(next) &&
                                  !one_of(next, kAdverbialSubordinators));
  }
  // A pronoun inside an opening adverbial (`When he was a child, Peter …`, `During her studies, …`).
  std::size_t w0 = 0;
  while (w0 < text.size() && !((text[w0] >= 'a' && text[w0] <= 'z') || (text[w0] >= 'A' && text[w0] <= 'Z'))) ++w0;
  std::size_t w1 = w0;
  while (w1 < text.size() && ((text[w1] >= 'a' && text[w1] <= 'z') || (text[w1] >= 'A' && text[w1] <= 'Z'))) ++w1;
  const std::string opener = core::ascii_lower(text.substr(w0, w1 - w0));
  // Also a complex preposition or subordinator (`Throughout her career, …`) or a participle
  // (`Recovering from his stroke, Victor …`).
  const bool participle = opener.size() > 5 && opener.ends_with("ing") &&
                          resources_->wordnet().is_verb(resources_->wordnet().verb_lemma(opener));
  const bool opening = one_of(opener, kAdverbialSubordinators) || one_of(opener, kPrepositions) ||
                       words_->fronting_words.contains(opener) || participle;
  if (f.kind == core::MentionKind::pronoun && w0 < f.begin && opening &&
      text.substr(0, f.begin).find(',') == std::string_view::npos) {
    const auto comma = text.find(',', f.end);
    if (comma != std::string_view::npos) {
      f.fronted = true;
      f.fronted_end = comma;
    }
  }
  if (f.kind == core::MentionKind::name) {
    // A title typed the name before its given name could say its gender (`director Jennifer
    // Palmieri` is a she); a lone word may be a surname (`Allen`, `Kelly`).
    if (f.evidence == Evidence::title && f.gender == Gender::unknown && f.words.size() >= 2)
      f.given_gender = listed_gender(f.words.front(), words_->given_names);
    std::size_t b = f.begin;
    while (b > 0 && text[b - 1] == ' ') --b;
    f.clause_initial = b > 0 && text[b - 1] == ',';
    // After an opening quotation mark: the title of a work (`''All That I Can Say''`), or a name
    // inside one.
    const std::string_view before = text.substr(0, b);
    f.quoted = before.ends_with('"') || before.ends_with('\'') || before.ends_with('`') ||
               before.ends_with("\xE2\x80\x9C") || before.ends_with("\xE2\x80\x98");
    // A lone capitalised word that may be a surname: no common word, not opening the sentence
    // (`However`) unless it heads the subject or follows a comma or bracket (`In 1953, Eyre moved`),
    // and not after a preposition of place (`in Alameda`); or a common word capitalised inside the
    // sentence with no determiner or preposition of place before it (`written by Keys`, `, Button
    // finished`, not `the Hulk`, `in Physics`).
    std::size_t pe = b;
    while (pe > 0 && ((text[pe - 1] >= 'a' && text[pe - 1] <= 'z') || (text[pe - 1] >= 'A' && text[pe - 1] <= 'Z'))) --pe;
    const std::string prev = core::ascii_lower(text.substr(pe, b - pe));
    std::size_t q = b;  // the previous word across punctuation (`finals` in `In beam finals, Little`)
    while (q > 0 && !((text[q - 1] >= 'a' && text[q - 1] <= 'z') || (text[q - 1] >= 'A' && text[q - 1] <= 'Z'))) --q;
    std::size_t q0 = q;
    while (q0 > 0 && ((text[q0 - 1] >= 'a' && text[q0 - 1] <= 'z') || (text[q0 - 1] >= 'A' && text[q0 - 1] <= 'Z'))) --q0;
    const std::string prev_word = core::ascii_lower(text.substr(q0, q - q0));
    const bool after_place = prev == "in" || prev == "at" || prev == "from" || prev == "to" || prev == "into" || prev == "near";
    const bool after_break = b > 0 && (text[b - 1] == ',' || text[b - 1] == '(');
    const bool single = f.words.size() == 1 && !all_caps(f.words.front());
    const bool uncommon = !common_word(f.words.front());
    const bool heads_subject = f.in_argument && f.arg_head && f.arg_role == core::Role::agent;
    // The head of the main clause's subject: the subject's head after the opening phrase's comma
    // (or at the start of the sentence when none opens it), with only titles, other capitalised
    // words and a determiner before it (`Louisiana Governor Chip Majors`, `The actress Ann Lee`).
    if (heads_subject && !f.possessive) {
      const std::size_t clause = opening ? text.find(',') : std::string_view::npos;
      if (!opening || (clause != std::string_view::npos && clause < f.begin)) {
        std::size_t words_before = 0;
        bool plain = true;
        const std::size_t from = opening ? clause + 1 : 0;
        for (std::size_t c = from; c < f.begin && plain;) {
          if (!((text[c] >= 'a' && text[c] <= 'z') || (text[c] >= 'A' && text[c] <= 'Z'))) {
            ++c;
            continue;
          }
          std::size_t d = c;
          while (d < f.begin && ((text[d] >= 'a' && text[d] <= 'z') || (text[d] >= 'A' && text[d] <= 'Z'))) ++d;
          const std::string_view word = text.substr(c, d - c);
          plain = capitalised(word) || one_of(core::ascii_lower(word), kDeterminers);
          ++words_before;
          c = d;
        }
        f.main_subject = plain && words_before <= 6;
      }
    }
    f.name_like = single && !after_place &&
                  ((uncommon && (b > pe || heads_subject || after_break)) ||
                   (!uncommon && b > 0 && !one_of(prev_word, kDeterminers) && prev_word != "my" && prev_word != "your" &&
                    prev_word != "of" && !(prev_word == "in" || prev_word == "at" || prev_word == "from" ||
                                           prev_word == "to" || prev_word == "into" || prev_word == "near")));
  }
}

/// The type a name's own words and surroundings give it.
void DocumentMentions::type_name(Found& f) const {
  if (f.kind != core::MentionKind::name) return;
  if (const auto* e = resources_->gazetteer().find(f.label)) {
    f.type = e->type;
    f.evidence = Evidence::gazetteer;
    f.wikidata = e->wikidata;
    f.label = e->label;
    f.words = split_words(e->label);  // the gazetteer outlives the pass; `f` moves
    if (e->gender != Gender::unknown) f.gender = e->gender;
    return;
  }
  if (f.evidence >= Evidence::name_word) return;
  if (words_->organization_names.contains(core::ascii_lower(f.label))) {
    f.type = EntityType::organization;  // `Reuters`, `Twitter`, `Gallup`
    f.evidence = Evidence::name_word;
    return;
  }
  if (f.words.size() == 1 && camel_case_brand(f.words.front())) {
    f.type = EntityType::organization;  // `PolitiFact`, `WikiLeaks`, `InsideSources`
    f.evidence = Evidence::name_word;
    return;
  }
  const std::string last = core::ascii_lower(word_key(f.words.back()));
  // `Coalition for the Homeless`, `Bank of America`: an organisation word before `of` or `for`.
  bool org_before_connector = false;
  for (std::size_t k = 1; k + 1 < f.words.size(); ++k)
    if ((f.words[k] == "of" || f.words[k] == "for") &&
        words_->organization_words.contains(core::ascii_lower(word_key(f.words[k - 1]))))
      org_before_connector = true;
  if ((words_->organization_words.contains(last) && (f.words.size() >= 2 || after_the(f))) || org_before_connector) {
    f.type = EntityType::organization;  // `Justice Department`; `the Senate`, `the Committee`
    f.evidence = Evidence::name_word;
    return;
  }
  if (words_->place_words.contains(last) && f.words.size() >= 2) {
    f.type = EntityType::location;
    f.evidence = Evidence::name_word;
    return;
  }
  if (names_group_members(f.words, *resources_)) {
    f.type = EntityType::group;  // `Democrats`, `GOP Republicans`
    f.evidence = Evidence::name_word;
    return;
  }
  using NameClass = WordNet::NameClass;
  switch (resources_->wordnet().proper_name_class(f.label)) {
    case NameClass::person: f.type = EntityType::person; break;
    case NameClass::location: f.type = EntityType::location; break;
    case NameClass::group: f.type = EntityType::organization; break;
    default: break;
  }
  if (f.type != EntityType::concept_) {
    f.evidence = Evidence::name_word;
    return;
  }
  // A city or state WordNet leaves untyped (`Houston`, `Najaf`, `Delaware`): weaker than a given name, so that a
  // person's surname that is also a city stays the person's in the entity.
  if (words_->place_names.contains(core::ascii_lower(f.label)) ||
      (f.words.size() == 1 && is_state_abbreviation(f.words.front(), *resources_))) {
    f.type = EntityType::location;
    f.evidence = Evidence::place_name;
    return;
  }
  const bool letters_only = std::all_of(f.words.begin(), f.words.end(), [](std::string_view w) {
    return std::all_of(w.begin(), w.end(), [](char c) {
      return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '.' || c == '-' || c == '\'' ||
             static_cast<unsigned char>(c) >= 0x80;
    });
  });
  // Not an English word in capitals (`VERY`, `HUGE`), chat or business shorthand (`FYI`, `RFP`),
  // nor a dotted abbreviation of one or two letters (`I.E.`, `P.S.`).
  const std::string caps_lower = core::ascii_lower(f.words.front());
  const bool short_dotted = f.words.front().find('.') != std::string_view::npos &&
                            std::count_if(caps_lower.begin(), caps_lower.end(), [](char c) { return c >= 'a' && c <= 'z'; }) <= 2;
  if (f.words.size() == 1 && all_caps(f.words.front()) && f.words.front().size() <= 6 && letters_only &&
      !f.shouting && !common_word(f.words.front()) && !resources_->wordnet().is_adjective_or_adverb(caps_lower) &&
      !words_->non_name_acronyms.contains(word_key(caps_lower)) && !short_dotted) {
    f.type = EntityType::organization;  // `FBI`, `NATO`; countries (`US`) are in the gazetteer
    f.evidence = Evidence::name_word;
    return;
  }
  if (!letters_only || f.words.size() > 4) return;
  const Gender g = listed_gender(f.words.front(), words_->given_names);
  const bool given = is_given_name(f.words.front());
  if (given) {
    f.type = EntityType::person;
    f.evidence = Evidence::given_name;
    if (f.gender == Gender::unknown) f.gender = g;
    return;
  }
  // A word of no language list before a surname WordNet knows is a given name the lists lack
  // (`Megyn Kelly`, `Sherrod Brown`); an English word there is not (`Rich Eisen`, `Fancy Bear`).
  if (f.words.size() == 2 && !all_caps(f.words.front()) && !all_caps(f.words.back()) &&
      resources_->wordnet().is_surname(f.words.back()) && surname_position(f.words.back()) &&
      !common_word(f.words.front()) && !resources_->wordnet().is_adjective_or_adverb(core::ascii_lower(f.words.front())) &&
      !words_->place_names.contains(core::ascii_lower(f.words.front())) &&
      resources_->gazetteer().find(f.words.front()) == nullptr) {
    f.type = EntityType::person;
    f.evidence = Evidence::given_name;
    return;
  }
  // A given name that is also a word or a place (`Mark`, `Rand`, `Charlotte`) before a surname:
  // a word no list knows or one WordNet knows as a surname (`Charlotte Meehan`, `Rand Paul`);
  // not before an English word (`Charlotte Panthers`, `Rose Garden`), nor an adjective or adverb
  // that opens a sentence (`Even Clinton …`).
  if (f.words.size() == 2 && !all_caps(f.words.front()) && !all_caps(f.words.back()) &&
      is_ambiguous_given_name(f.words.front()) &&
      !resources_->wordnet().is_adjective_or_adverb(core::ascii_lower(f.words.front())) &&
      f.words.back().find_first_of("-.") == std::string_view::npos && surname_position(f.words.back()) &&
      (resources_->wordnet().is_surname(f.words.back()) ||
       (!common_word(f.words.back()) && !resources_->wordnet().is_adjective_or_adverb(core::ascii_lower(f.words.back()))))) {
    f.type = EntityType::person;
    f.evidence = Evidence::given_name;
    if (f.gender == Gender::unknown) f.gender = listed_gender(f.words.front(), words_->ambiguous_given_names);
    return;
  }
  // Two to four capitalised words without a name word may be a person's name that no list knows.
  f.possible_person = f.words.size() >= 2 &&
                      !std::any_of(f.words.begin(), f.words.end(), [&](std::string_view w) { return all_caps(w); });
  if ((f.speaker || f.after_person_noun) && f.possible_person && f.evidence < Evidence::speaker &&
      std::none_of(f.words.begin(), f.words.end(), [&](std::string_view w) { return is_thing_word(w); })) {
    f.type = EntityType::person;
    f.evidence = Evidence::speaker;
  }
}

/// An earlier person (or organisation) whose full name ends with, or starts with, this short name.
int DocumentMentions::short_name_match(const Found& f) const {
  int best = -1;
  std::size_t best_last = 0;
  for (std::size_t e = 0; e < entities_.size(); ++e) {
    const auto& ent = entities_[e];
    if (ent.words.size() <= f.words.size()) continue;
    if (ent.type != EntityType::person && ent.type != EntityType::organization && !ent.possible_person) continue;
    const bool tail = std::equal(f.words.rbegin(), f.words.rend(), ent.words.rbegin());
    // A first name that joins is one that may be a given name (`Hillary`, `Rose`), not an English
    // word opening some other name (`Tour` of `Tour of Qatar` after `Tour de Romandie`).
    const bool head = ent.type != EntityType::organization && f.words.size() == 1 && ent.words.front() == f.words.front() &&
                      (is_given_name(f.words.front()) || !common_word(f.words.front()) ||
                       is_ambiguous_given_name(f.words.front()));
    if (!tail && !head) continue;
    if (ent.type == EntityType::organization && !words_->organization_words.contains(core::ascii_lower(f.words.back())) &&
        f.words.size() == 1)
      continue;  // `Journal` joins `Wall Street Journal`; `Street` does not
    // A gender the short name's title gives must agree (`Mrs. Clinton`).
    if (f.gender != Gender::unknown && ent.gender != Gender::unknown && f.gender != ent.gender) continue;
    if (best < 0 || ent.first > best_last) {
      best = static_cast<int>(e);
      best_last = ent.first;
    }
  }
  return best;
}

int DocumentMentions::acronym_match(const Found& f) const {
  if (f.words.size() != 1 || !all_caps(f.words.front())) return -1;
  std::string acronym;
  for (const char c : f.words.front())
    if (c >= 'A' && c <= 'Z') acronym += c;
  for (std::size_t e = 0; e < entities_.size(); ++e) {
    std::string initials;
    for (const auto& w : entities_[e].words)
      if (capitalised(w) && w != "The") initials += w[0];
    if (entities_[e].words.size() >= 2 && initials == acronym) return static_cast<int>(e);
  }
  return -1;
}

void DocumentMentions::cluster(std::size_t i) {
  Found& f = found_[i];
  int e = -1;
  for (std::size_t k = 0; k < entities_.size() && e < 0; ++k)
    if (entities_[k].label == f.label || (!f.wikidata.empty() && entities_[k].wikidata == f.wikidata))
      e = static_cast<int>(k);
  if (e < 0 && f.evidence != Evidence::gazetteer) e = short_name_match(f);
  if (e < 0 && f.evidence != Evidence::gazetteer) e = acronym_match(f);
  if (e < 0) {
    DocEntity ent;
    ent.label = f.label;
    for (const auto w : split_words(ent.label)) ent.words.emplace_back(w);
    ent.first = i;
    entities_.push_back(std::move(ent));
    e = static_cast<int>(entities_.size() - 1);
  }
  auto& ent = entities_[static_cast<std::size_t>(e)];
  f.entity = e;
  ++ent.mentions;
  ent.possible_person = ent.possible_person || f.possible_person;
  if (f.evidence > ent.evidence) {
    ent.evidence = f.evidence;
    ent.type = f.type;
    if (!f.wikidata.empty()) ent.wikidata = f.wikidata;
  }
  if (ent.gender == Gender::unknown) ent.gender = f.gender;
}

void DocumentMentions::settle_types() {
  for (auto& ent : entities_) {
    if (ent.type != EntityType::concept_) ent.possible_person = ent.type == EntityType::person;
  }
  // An untyped name no person bears: one with an organisation's or place's word anywhere in it
  // (`University of Waterloo`, `Church of St. Andrew`), or a function word (`Anywhere But Here`,
  // `Stand By Me`), or one always written after an opening quotation mark (a title of a work).
  std::vector<bool> unquoted(entities_.size(), false);
  for (const auto& f : found_)
    if (f.kind == core::MentionKind::name && f.entity >= 0 && !f.quoted) unquoted[static_cast<std::size_t>(f.entity)] = true;
  for (std::size_t e = 0; e < entities_.size(); ++e) {
    auto& ent = entities_[e];
    if (ent.type != EntityType::concept_) continue;
    const bool thing_word = std::any_of(ent.words.begin(), ent.words.end(), [&](const std::string& w) {
      return is_thing_word(w) || is_function_word(core::ascii_lower(word_key(w)));
    });
    ent.no_person_name = thing_word || !unquoted[e];
  }
}

void DocumentMentions::emit() {
  for (auto& facts : *sentences_) facts.mentions.clear();
  for (const auto& f : found_) {
    core::Mention m;
    m.span = f.span;
    const auto& text = (*sentences_)[f.sentence].sentence.text;
    m.text = text.substr(f.begin, f.end - f.begin);
    m.kind = f.kind;
    m.role = f.role;
    if (f.entity >= 0) {
      const auto& ent = entities_[static_cast<std::size_t>(f.entity)];
      m.entity = ent.label;
      m.type = ent.type;
      m.wikidata = ent.wikidata;
    } else {
      m.type = f.kind == core::MentionKind::pronoun ? EntityType::concept_ : f.type;
    }
    (*sentences_)[f.sentence].mentions.push_back(std::move(m));
  }
}

}  // namespace

bool is_headline_sentence(std::string_view text, const Resources& resources) {
  return is_headline(tokenize(text, resources.words()), resources);
}

bool is_common_word(std::string_view word, const Resources& resources) { return english_word(word, resources); }

bool is_state_abbreviation(std::string_view word, const Resources& resources) {
  return word.find(' ') == std::string_view::npos && resources.words().state_abbreviations.contains(word_key(word)) &&
         (!all_caps(word) || word.find('.') != std::string_view::npos);
}

void resolve_document_mentions(std::vector<core::SentenceFacts>& sentences, const Resources& resources) {
  DocumentMentions(sentences, resources).run();
}

}  // namespace kg::extract::detail
