#include "quoted_speech.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <string>

#include "kg/extract/quotations.hpp"
#include "grammar.hpp"
#include "kg/core/text.hpp"

namespace kg::extract {

using core::one_of;
using namespace detail;  // the closed-class words of grammar.hpp
using core::decode_utf8;
using core::encode_utf8;

namespace {

constexpr char32_t kOpenQuote = U'\u201C';
constexpr char32_t kCloseQuote = U'\u201D';
constexpr std::size_t kNone = static_cast<std::size_t>(-1);
// How many words may stand between a quotation and its reporting verb, a speaker's apposition included.
constexpr std::size_t kLongestApposition = 30;


bool joins_word(char32_t c) { return c == '\'' || c == U'\u2019' || c == '.' || c == '-'; }

bool is_dash(char32_t c) { return c == '-' || (c >= 0x2012 && c <= 0x2015); }

}  // namespace

std::vector<core::Span> word_spans(std::u32string_view text, std::size_t begin, std::size_t end) {
  std::vector<core::Span> out;
  std::size_t i = begin;
  while (i < end) {
    if (!is_word_char(text[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < end && (is_word_char(text[j]) || (joins_word(text[j]) && j + 1 < end && is_word_char(text[j + 1]))))
      ++j;
    out.push_back({i, j});
    i = j;
  }
  return out;
}

bool speaker_phrase(const std::vector<PhraseWord>& words, const Lexicon& lexicon) {
  // Right to left: a word that is no name, title, function word or adverb may still modify one.
  bool modifies = false;
  for (std::size_t n = words.size(); n-- > 0;) {
    const PhraseWord& w = words[n];
    const bool names = w.capitalised || lexicon.is_person_noun(w.lower);
    const bool adverb = w.lower.size() > 3 && w.lower.ends_with("ly");  // `reportedly`
    if (w.reporting_verb) return false;
    if (!(names || one_of(w.lower, kSpeakerClauseWords) || adverb || (modifies && !w.capitalised))) return false;
    modifies = names || (modifies && !one_of(w.lower, kSpeakerClauseWords) && !adverb);
  }
  return true;
}

namespace {

struct Token {
  core::Span span;
  std::string text;   // UTF-8, as written
  std::string lower;  // ASCII lower case
  bool upper = false; // starts with a capital or a digit
};

class QuoteReader {
 public:
  QuoteReader(std::string_view text, const std::vector<core::Sentence>& sentences, const Lexicon& lexicon)
      : text_(decode_utf8(text)), sentences_(&sentences), lexicon_(&lexicon) {}

  std::vector<QuotedSpeech> read();

 private:
  struct Clause {
    core::Span source;
    core::Span cue;
    std::size_t end = 0;  // where the clause ends (trailing clauses)
  };

  std::vector<core::Span> quotations() const;
  /// The width of a straight quotation mark at `k`: 1 for `"`, 2 for two apostrophes, else 0.
  std::size_t straight_mark(std::size_t k) const {
    if (text_[k] == '"') return 1;
    return text_[k] == '\'' && k + 1 < text_.size() && text_[k + 1] == '\'' ? 2 : 0;
  }
  /// Whether the character before `end` closes a quotation (`”`, `"` or the second of `''`).
  bool ends_with_mark(std::size_t end) const {
    const char32_t c = text_[end - 1];
    return c == kCloseQuote || c == '"' || (c == '\'' && end >= 2 && text_[end - 2] == '\'');
  }
  std::vector<Token> tokens(std::size_t begin, std::size_t end) const;
  std::size_t words(std::size_t begin, std::size_t end) const { return tokens(begin, end).size(); }
  const core::Sentence* sentence_at(std::size_t pos) const;
  bool is_reporting_verb(const Token& t) const;
  bool is_speaker(const std::vector<Token>& toks, std::size_t first, std::size_t end) const;
  std::optional<Clause> trailing(const core::Span& q) const;
  std::optional<Clause> leading(const core::Span& q, std::size_t floor) const;
  std::optional<Clause> signed_by(const core::Span& q) const;
  std::optional<Clause> speaker_label(std::size_t line, std::size_t colon) const;
  std::vector<QuotedSpeech> colon_passages(const std::vector<core::Span>& quotes) const;
  static core::Span source_of(const std::vector<Token>& toks, std::size_t first, std::size_t last);

  std::u32string text_;
  const std::vector<core::Sentence>* sentences_;
  const Lexicon* lexicon_;
};

std::vector<core::Span> QuoteReader::quotations() const { return extract::find_quotations(text_); }

std::vector<Token> QuoteReader::tokens(std::size_t begin, std::size_t end) const {
  std::vector<Token> out;
  for (const auto& span : word_spans(text_, begin, end)) {
    Token t;
    t.span = span;
    t.text = encode_utf8(std::u32string_view(text_).substr(span.begin, span.end - span.begin));
    t.lower = core::ascii_lower(t.text);
    t.upper = (text_[span.begin] >= 'A' && text_[span.begin] <= 'Z') || (text_[span.begin] >= '0' && text_[span.begin] <= '9');
    out.push_back(std::move(t));
  }
  return out;
}

const core::Sentence* QuoteReader::sentence_at(std::size_t pos) const {
  for (const auto& s : *sentences_)
    if (s.chars.begin <= pos && pos < s.chars.end) return &s;
  return nullptr;
}

bool QuoteReader::is_reporting_verb(const Token& t) const {
  if (t.upper || t.text != t.lower) return false;  // `States` in `United States` is no verb
  const std::string lemma = lexicon_->verb_lemma(t.lower);
  return lexicon_->is_speech_verb(lemma);
}

bool QuoteReader::is_speaker(const std::vector<Token>& toks, std::size_t first, std::size_t end) const {
  std::vector<PhraseWord> words;
  for (std::size_t n = first; n < end; ++n) words.push_back({toks[n].lower, toks[n].upper, is_reporting_verb(toks[n])});
  return speaker_phrase(words, *lexicon_);
}

/// The speaker: tokens first..last, without the auxiliaries and adverbs that end it.
core::Span QuoteReader::source_of(const std::vector<Token>& toks, std::size_t first, std::size_t last) {
  while (last > first && one_of(toks[last].lower, kTrailingNonSource)) --last;
  return {toks[first].span.begin, toks[last].span.end};
}

std::optional<QuoteReader::Clause> QuoteReader::trailing(const core::Span& q) const {
  if (!ends_with_mark(q.end)) return std::nullopt;  // runs to its paragraph's end
  std::size_t last = q.end - 1;
  while (last > q.begin && (text_[last - 1] == ' ' || text_[last - 1] == kCloseQuote || text_[last - 1] == '"' ||
                            text_[last - 1] == '\''))
    --last;
  if (last == q.begin) return std::nullopt;
  const char32_t mark = text_[last - 1];
  if (mark != ',' && mark != '?' && mark != '!' && mark != '-' && !(mark >= 0x2013 && mark <= 0x2015))
    return std::nullopt;
  // The clause runs to the end of its sentence, a line break or the next quotation.
  std::size_t i = q.end;
  while (i < text_.size() && text_[i] == ' ') ++i;
  const core::Sentence* sentence = sentence_at(i);
  if (sentence == nullptr) return std::nullopt;
  std::size_t limit = sentence->chars.end;
  for (std::size_t k = i; k < limit; ++k)
    if (text_[k] == '\n' || text_[k] == kOpenQuote || straight_mark(k) > 0) {
      limit = k;
      break;
    }
  const auto toks = tokens(i, limit);
  auto comma_before = [&](std::size_t n) { return text_.find(U',', toks[n - 1].span.end) < toks[n].span.begin; };
  for (std::size_t n = 0; n < toks.size() && n < kLongestApposition; ++n) {
    if (is_reporting_verb(toks[n]) && n >= 9) {
      // A speaker with a long apposition: `…,'' Leonard E. Burman, director of the … Center and a
      // professor at …, said`: the name before the first comma, a comma right before the verb.
      std::size_t name = 1;
      while (name < n && !comma_before(name)) ++name;
      std::size_t verb = n;
      while (verb > name && toks[verb - 1].lower.size() > 3 && toks[verb - 1].lower.ends_with("ly")) --verb;
      if (name > 6 || name >= verb || !comma_before(verb) || !is_speaker(toks, 0, name)) return std::nullopt;
      return Clause{source_of(toks, 0, name - 1), toks[n].span, limit};
    }
    if (is_reporting_verb(toks[n])) {
      if (n > 0) {
        if (!is_speaker(toks, 0, n)) return std::nullopt;
        return Clause{source_of(toks, 0, n - 1), toks[n].span, limit};
      }
      // `…," said Sen. Warren, D-Mass.`: a name after the verb, up to a comma.
      if (toks.size() < 2 || !toks[1].upper || one_of(toks[1].lower, kCalendarWords)) return std::nullopt;
      std::size_t end = 1;
      while (end + 1 < toks.size() && text_.find(U',', toks[end].span.end) >= toks[end + 1].span.begin) ++end;
      if (end > 6) return std::nullopt;
      return Clause{{toks[1].span.begin, toks[end].span.end}, toks[0].span, limit};
    }
  }
  return std::nullopt;
}

std::optional<QuoteReader::Clause> QuoteReader::leading(const core::Span& q, std::size_t floor) const {
  const core::Sentence* sentence = sentence_at(q.begin);
  if (sentence == nullptr && q.begin > 0) sentence = sentence_at(q.begin - 1);  // a line break after `:`
  std::size_t begin = std::max(floor, sentence != nullptr ? sentence->chars.begin : q.begin);
  for (std::size_t k = begin; k < q.begin; ++k)
    if (text_[k] == '\n') begin = k + 1;
  std::size_t end = q.begin;
  while (end > begin && text_[end - 1] == ' ') --end;
  const bool introduced = end > begin && (text_[end - 1] == ':' || text_[end - 1] == ',');
  const auto toks = tokens(begin, end);
  if (toks.empty()) return std::nullopt;
  // The verb ends the clause, or comes before at most two words and a colon (`told reporters:`).
  std::size_t cue = kNone;
  for (std::size_t n = toks.size(); n-- > 0 && toks.size() - n <= 3;)
    if (is_reporting_verb(toks[n]) && (n + 1 == toks.size() || introduced)) {
      cue = n;
      break;
    }
  if (cue == kNone || cue == 0) return std::nullopt;
  // The speaker: the words before the verb since the last comma; none before a participle after a
  // comma (`Trump attacked Clinton …, saying, "…"`), whose speaker is its clause's subject.
  std::size_t first = cue;
  while (first > 0 && text_.find(U',', toks[first - 1].span.end) >= toks[first].span.begin) --first;
  if (first == cue && toks[cue].lower.ends_with("ing")) return Clause{{toks[cue].span.begin, toks[cue].span.begin}, toks[cue].span, q.begin};
  if (first == cue || cue - first > 8) return std::nullopt;
  if (!is_speaker(toks, first, cue)) return std::nullopt;
  return Clause{source_of(toks, first, cue - 1), toks[cue].span, q.begin};
}

/// `"…" ― Carla Sanchez` at the end of its line: a dash after the quotation, then only the name.
std::optional<QuoteReader::Clause> QuoteReader::signed_by(const core::Span& q) const {
  std::size_t i = q.end;
  while (i < text_.size() && text_[i] == ' ') ++i;
  if (i >= text_.size() || !is_dash(text_[i])) return std::nullopt;
  const core::Span dash = {i, i + 1};
  std::size_t end = text_.find(U'\n', i);
  if (end == std::u32string::npos) end = text_.size();
  const auto toks = tokens(dash.end, end);
  if (toks.empty() || toks.size() > 6 || !toks.front().upper || !is_speaker(toks, 0, toks.size())) return std::nullopt;
  return Clause{{toks.front().span.begin, toks.back().span.end}, dash, end};
}

/// A transcript's or headline's speaker (`PENCE: …`, `Loretta Lynch: …`): one to four
/// capitalised words from the start of the line to the colon, not an editorial label.
std::optional<QuoteReader::Clause> QuoteReader::speaker_label(std::size_t line, std::size_t colon) const {
  for (std::size_t k = line; k < colon; ++k)
    if (!is_word_char(text_[k]) && text_[k] != ' ' && text_[k] != '.' && text_[k] != '-' && text_[k] != '\'')
      return std::nullopt;
  const auto toks = tokens(line, colon);
  if (toks.empty() || toks.size() > 4 || (toks.size() == 1 && lexicon_->words().editorial_labels.contains(toks[0].lower))) return std::nullopt;
  if (!std::all_of(toks.begin(), toks.end(), [](const Token& t) { return t.upper; })) return std::nullopt;
  return Clause{{toks.front().span.begin, toks.back().span.end}, {colon, colon + 1}, colon + 1};
}

/// Passages a colon introduces, to the end of their line: after a speaker's label (`PENCE: Well,
/// …`) or a reporting clause (`The governor added: It's typical …`). Passages that open with a
/// quotation mark, or overlap one of `quotes`, are left to the quotation rules.
std::vector<QuotedSpeech> QuoteReader::colon_passages(const std::vector<core::Span>& quotes) const {
  std::vector<QuotedSpeech> out;
  std::size_t line = 0;
  while (line < text_.size()) {
    std::size_t end = text_.find(U'\n', line);
    if (end == std::u32string::npos) end = text_.size();
    const std::size_t colon = text_.find(U':', line);
    if (colon < end) {
      std::size_t begin = colon + 1, stop = end;
      auto blank = [&](char32_t c) { return c == ' ' || c == '\r' || c == U'\u00A0' || c == '\t'; };
      while (begin < stop && blank(text_[begin])) ++begin;
      if (begin == stop) {
        // The colon ends its line (`The governor added:`): what was said is the next paragraph.
        while (begin < text_.size() && (blank(text_[begin]) || text_[begin] == '\n')) ++begin;
        stop = std::min(text_.find(U'\n', begin), text_.size());
      }
      while (stop > begin && blank(text_[stop - 1])) --stop;
      const core::Span passage = {begin, stop};
      const bool quoted = begin < stop && (text_[begin] == kOpenQuote || straight_mark(begin) > 0);
      const bool overlaps = std::any_of(quotes.begin(), quotes.end(), [&](const core::Span& q) {
        return q.begin < passage.end && passage.begin < q.end;
      });
      if (!quoted && !overlaps && words(begin, stop) >= 4) {
        auto clause = speaker_label(line, colon);
        if (!clause) clause = leading({colon + 1, colon + 1}, line);
        if (clause) out.push_back(QuotedSpeech{{passage}, clause->source, clause->cue});
      }
    }
    line = end + 1;
  }
  return out;
}

std::vector<QuotedSpeech> QuoteReader::read() {
  std::vector<core::Span> quotes;
  for (const auto& q : quotations())
    if (words(q.begin, q.end) >= 4) quotes.push_back(q);
  std::vector<QuotedSpeech> out;
  auto same_line = [&](std::size_t a, std::size_t b) {
    return std::find(text_.begin() + static_cast<std::ptrdiff_t>(a), text_.begin() + static_cast<std::ptrdiff_t>(b),
                     U'\n') == text_.begin() + static_cast<std::ptrdiff_t>(b);
  };
  for (std::size_t idx = 0; idx < quotes.size(); ++idx) {
    const auto& q = quotes[idx];
    const std::size_t floor = idx > 0 ? quotes[idx - 1].end : 0;
    auto clause = trailing(q);
    const bool trails = clause.has_value();
    if (!clause) clause = leading(q, floor);
    if (!clause) clause = signed_by(q);
    if (!clause) continue;
    QuotedSpeech speech;
    speech.pieces.push_back(q);
    speech.source = clause->source;
    speech.cue = clause->cue;
    // What follows without words between, or right after the trailing clause, continues the quotation.
    std::size_t after = trails ? clause->end : q.end;
    while (idx + 1 < quotes.size()) {
      const auto& next = quotes[idx + 1];
      if (next.begin < after || !same_line(speech.pieces.back().end, next.begin) || words(after, next.begin) > 0) break;
      if (trailing(next)) break;
      if (const auto own = leading(next, speech.pieces.back().end);
          own && !(own->cue.begin == speech.cue.begin && own->cue.end == speech.cue.end))
        break;
      speech.pieces.push_back(next);
      after = next.end;
      ++idx;
    }
    out.push_back(std::move(speech));
  }
  auto passages = colon_passages(quotes);
  out.insert(out.end(), std::make_move_iterator(passages.begin()), std::make_move_iterator(passages.end()));
  return out;
}

/// UTF-8 text of code-point spans of one article.
class ArticleText {
 public:
  explicit ArticleText(std::string_view text) : text_(decode_utf8(text)) {}
  std::string operator()(const core::Span& s) const {
    if (s.begin >= s.end || s.end > text_.size()) return {};
    return encode_utf8(std::u32string_view(text_).substr(s.begin, s.end - s.begin));
  }
  /// A quotation's words (core::inside_marks()).
  core::Span inside_marks(core::Span s) const { return extract::inside_marks(text_, s); }

 private:
  std::u32string text_;
};

/// The speaker as an attribution: up to a comma (`McConnell, R-Ky.` -> `McConnell`), headed by
/// its final run of capitalised words (`MSNBC host Chris Matthews` -> `Chris Matthews`) or word.
core::Attribution attribution_of(const QuotedSpeech& q, const ArticleText& text) {
  core::Attribution a;
  a.source_span = q.source;
  a.source = text(q.source);
  if (const auto comma = a.source.find(','); comma != std::string::npos) a.source.resize(comma);
  std::vector<std::string> words;
  for (std::size_t i = 0; i < a.source.size();) {
    const std::size_t j = std::min(a.source.find(' ', i), a.source.size());
    if (j > i) words.push_back(a.source.substr(i, j - i));
    i = j + 1;
  }
  auto capital = [](const std::string& w) { return !w.empty() && w[0] >= 'A' && w[0] <= 'Z'; };
  std::size_t first = words.size();
  while (first > 0 && capital(words[first - 1])) --first;
  if (first == words.size() && !words.empty()) first = words.size() - 1;
  for (std::size_t k = first; k < words.size(); ++k) a.source_head += (k > first ? " " : "") + words[k];
  a.source_proper = !words.empty() && capital(words.back()) && words.size() - first >= 1 &&
                    !(words.size() == 1 && (words[0] == "He" || words[0] == "She" || words[0] == "They" ||
                                            words[0] == "It" || words[0] == "We" || words[0] == "I"));
  a.cue_span = q.cue;
  a.cue = text(q.cue);
  return a;
}

core::Argument speaker_argument(const QuotedSpeech& q, const core::Attribution& attribution) {
  core::Argument agent;
  agent.role = core::Role::agent;
  agent.text = attribution.source;
  agent.span = q.source;
  agent.head = attribution.source_head;
  agent.proper = attribution.source_proper;
  return agent;
}

}  // namespace

namespace {

/// A participle's speaker (`…, saying "…"`): the subject, before its predicate, of the sentence's
/// first proposition before the participle at `cue`.
std::optional<core::Span> participle_speaker(const std::vector<core::Proposition>& props, const core::Span& cue) {
  const core::Argument* subject = nullptr;
  std::size_t predicate = cue.begin;
  for (const auto& p : props) {
    const auto* a = p.first(core::Role::agent);
    if (a == nullptr || a->span.empty() || p.predicate.span.empty() || p.predicate.span.begin >= predicate ||
        a->span.end > p.predicate.span.begin)
      continue;
    subject = a;
    predicate = p.predicate.span.begin;
  }
  if (subject == nullptr) return std::nullopt;
  return subject->span;
}

/// The proposition whose predicate holds the cue, or a new one for it (a punctuation cue — a
/// speaker's label or a signature dash — reports what was said).
std::size_t reporter_of(std::vector<core::Proposition>& props, const QuotedSpeech& q,
                        const core::Attribution& attribution, const Lexicon& lexicon) {
  const auto reporter = std::find_if(props.begin(), props.end(), [&](const core::Proposition& p) {
    return p.predicate.span.begin <= q.cue.begin && q.cue.begin < p.predicate.span.end;
  });
  if (reporter != props.end()) return static_cast<std::size_t>(reporter - props.begin());
  core::Proposition p;
  p.predicate.text = attribution.cue;
  const bool worded = std::any_of(attribution.cue.begin(), attribution.cue.end(),
                                  [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
  p.predicate.lemma = worded ? lexicon.verb_lemma(core::ascii_lower(attribution.cue)) : "say";
  p.predicate.span = q.cue;
  p.arguments.push_back(speaker_argument(q, attribution));
  props.push_back(std::move(p));
  return props.size() - 1;
}

/// The quotation is what was said: it replaces whatever content the parse gave the verb, and
/// the speaker next to the verb is its agent unless the parse found one within that phrase,
/// before its apposition (`McConnell`, not `R-Ky.`, in `McConnell, R-Ky., said`).
void say_quotation(core::Proposition& reporter, const QuotedSpeech& q, const core::Attribution& attribution,
                   const ArticleText& article) {
  auto& args = reporter.arguments;
  const auto* agent = reporter.first(core::Role::agent);
  const core::Span name = {q.source.begin, q.source.begin + core::count_code_points(attribution.source)};
  if (agent == nullptr || !q.source.contains(agent->span) || agent->span.begin >= name.end) {
    args.erase(std::remove_if(args.begin(), args.end(), [](const core::Argument& a) { return a.role == core::Role::agent; }),
               args.end());
    args.insert(args.begin(), speaker_argument(q, attribution));
  }
  args.erase(std::remove_if(args.begin(), args.end(), [](const core::Argument& a) { return a.role == core::Role::content; }),
             args.end());
  for (const auto& piece : q.pieces) {
    core::Argument content;
    content.role = core::Role::content;
    content.span = article.inside_marks(piece);
    content.text = article(piece);
    content.head = content.text;
    args.push_back(std::move(content));
  }
}

/// What is said inside the quotation, in any of its sentences, is attributed to its speaker and
/// (in the reporting sentence `at`) the content of proposition `reporter`.
void attribute_inside(std::vector<core::SentenceFacts>& sentences, const core::SentenceFacts& at, int reporter,
                      const QuotedSpeech& q, const core::Attribution& attribution) {
  auto in_quotation = [&](const core::Span& s) {
    return std::any_of(q.pieces.begin(), q.pieces.end(), [&](const core::Span& p) { return p.contains(s); });
  };
  for (auto& f : sentences) {
    if (f.sentence.chars.end <= q.pieces.front().begin || f.sentence.chars.begin >= q.pieces.back().end) continue;
    for (std::size_t j = 0; j < f.propositions.size(); ++j) {
      auto& p = f.propositions[j];
      if (&f == &at && static_cast<int>(j) == reporter) continue;
      if (!in_quotation(p.predicate.span)) continue;
      if (&f == &at && p.content_of < 0) p.content_of = reporter;
      // The parse's attribution to the same cue may name the wrong speaker (`''…,'' Leonard E.
      // Burman, director of …, said of Mrs. Clinton's plan`): the quotation's is the one.
      const bool same_cue = p.attribution.cue_span.begin == q.cue.begin && p.attribution.cue_span.end == q.cue.end;
      if (!p.attribution.source.empty() && !same_cue) continue;
      p.attribution = attribution;
      p.asserted = false;
    }
  }
}

}  // namespace

void attach_quoted_speech(std::vector<core::SentenceFacts>& sentences, std::string_view text, const Lexicon& lexicon) {
  std::vector<core::Sentence> plain;
  plain.reserve(sentences.size());
  for (const auto& f : sentences) plain.push_back(f.sentence);
  const ArticleText article(text);
  for (auto q : find_quoted_speech(text, plain, lexicon)) {
    auto at = std::find_if(sentences.begin(), sentences.end(), [&](const core::SentenceFacts& f) {
      return f.sentence.chars.begin <= q.cue.begin && q.cue.begin < f.sentence.chars.end;
    });
    if (at == sentences.end()) continue;
    auto& props = at->propositions;
    if (q.source.empty()) {
      const auto speaker = participle_speaker(props, q.cue);
      if (!speaker) continue;
      q.source = *speaker;
    }
    const auto attribution = attribution_of(q, article);
    const std::size_t reporter = reporter_of(props, q, attribution, lexicon);
    say_quotation(props[reporter], q, attribution, article);
    attribute_inside(sentences, *at, static_cast<int>(reporter), q, attribution);
  }
}

std::vector<QuotedSpeech> find_quoted_speech(std::string_view text, const std::vector<core::Sentence>& sentences,
                                             const Lexicon& lexicon) {
  return QuoteReader(text, sentences, lexicon).read();
}

}  // namespace kg::extract
