#include "reported_clause.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <string>

#include "kg/extract/quotations.hpp"
#include "grammar.hpp"
#include "kg/core/text.hpp"
#include "quoted_speech.hpp"

namespace kg::extract {

using core::one_of;
using namespace detail;  // the closed-class words of grammar.hpp
using core::decode_utf8;
using core::encode_utf8;

namespace {

// How far after the verb `that` may come (`told a news conference in Ohio that`).
constexpr std::size_t kThatWindow = 7;
// How far after a comma a reporting verb ends what was said (`, the former senior adviser said`).
constexpr std::size_t kTrailingClauseWords = 6;


struct Word {
  core::Span span;
  std::string lower;
  bool lower_case = true;  // written in lower case (a verb, not `Reports` in a name)
};

class ClauseReader {
 public:
  ClauseReader(std::string_view text, const Lexicon& lexicon, const WordNet& wordnet)
      : text_(decode_utf8(text)), quotations_(extract::find_quotations(text_)), lexicon_(&lexicon), wordnet_(&wordnet) {}

  void attach(core::SentenceFacts& facts) const;

 private:
  /// Complements of the parse's own reporting predicates, cut short or missed.
  void extend_parsed(core::SentenceFacts& facts, const std::vector<Word>& ws) const;
  /// Reporting verbs the parse gave no subject before them.
  void add_unparsed(core::SentenceFacts& facts, const std::vector<Word>& ws) const;
  std::vector<Word> words(const core::Span& range) const;
  bool reports(const Word& w) const;
  bool quoted(const core::Span& s) const {
    return std::any_of(quotations_.begin(), quotations_.end(), [&](const core::Span& q) { return q.contains(s); });
  }
  std::optional<std::size_t> clause_start(const std::vector<Word>& ws, std::size_t cue,
                                          const core::Proposition& p) const;
  std::size_t clause_end(const std::vector<Word>& ws, std::size_t first, const core::SentenceFacts& facts) const;
  std::optional<core::Span> subject_before(const std::vector<Word>& ws, std::size_t cue) const;
  /// Whether `phrase` names a speaker (speaker_phrase()) and holds a name (a capitalised word, not
  /// only the first of a sentence), a noun of people or a subject pronoun.
  bool names_speaker(const core::Span& phrase, bool opens_sentence) const;
  std::optional<core::Span> participle_subject(const std::vector<Word>& ws, std::size_t cue,
                                               const core::SentenceFacts& facts) const;
  bool comma_before(const std::vector<Word>& ws, std::size_t n) const {
    for (std::size_t c = ws[n - 1].span.end; c < ws[n].span.begin; ++c)
      if (text_[c] == ',' || text_[c] == U'\u2014' || text_[c] == U'\u2013') return true;
    return false;
  }
  void report(core::SentenceFacts& facts, std::size_t reporter, const core::Span& clause, const Word& cue,
              bool reattribute) const;
  bool only_spaces(std::size_t begin, std::size_t end) const {
    for (std::size_t k = begin; k < end; ++k)
      if (text_[k] != ' ') return false;
    return true;
  }
  std::string str(const core::Span& s) const {
    return encode_utf8(std::u32string_view(text_).substr(s.begin, s.end - s.begin));
  }

  std::u32string text_;
  std::vector<core::Span> quotations_;
  const Lexicon* lexicon_;
  const WordNet* wordnet_;
};

std::vector<Word> ClauseReader::words(const core::Span& range) const {
  std::vector<Word> out;
  for (const auto& span : word_spans(text_, range.begin, std::min<std::size_t>(range.end, text_.size()))) {
    Word w;
    w.span = span;
    w.lower = core::ascii_lower(str(span));
    w.lower_case = w.lower == str(span);
    out.push_back(std::move(w));
  }
  return out;
}

bool ClauseReader::reports(const Word& w) const {
  if (!w.lower_case) return false;
  const std::string lemma = lexicon_->verb_lemma(w.lower);
  if (one_of(lemma, kAuxiliaries)) return false;
  return lexicon_->is_speech_verb(lemma) || wordnet_->reports_clause(lemma);
}

/// The word where the complement of the verb `ws[cue]` starts, if it has one.
std::optional<std::size_t> ClauseReader::clause_start(const std::vector<Word>& ws, std::size_t cue,
                                                      const core::Proposition& p) const {
  const std::size_t next = cue + 1;
  if (next + 2 >= ws.size() || !only_spaces(ws[cue].span.end, ws[next].span.begin)) return std::nullopt;
  // `that` within a few words, with nothing but words between (`told CNN that`, `said Monday that`):
  // the words before it must be the verb's own arguments or a prepositional or time phrase.
  for (std::size_t k = next; k < ws.size() && k < next + kThatWindow; ++k) {
    if (k > next && !only_spaces(ws[k - 1].span.end, ws[k].span.begin)) break;
    if (ws[k].lower != "that") continue;
    if (k + 1 >= ws.size()) return std::nullopt;
    const core::Span before = {ws[next].span.begin, ws[k - 1].span.end};
    const bool arguments = k == next || std::any_of(p.arguments.begin(), p.arguments.end(), [&](const core::Argument& a) {
                             return a.role != core::Role::content && !a.span.empty() && a.span.contains(before);
                           });
    if (arguments || one_of(ws[next].lower, kNoClauseStart) || one_of(ws[next].lower, kCalendarWords)) return k;
    break;
  }
  const auto& first = ws[next];
  if (one_of(first.lower, kNoClauseStart) || one_of(first.lower, kCalendarWords) || first.lower == "that") return std::nullopt;
  if (first.lower.size() > 3 && first.lower.ends_with("ly")) return std::nullopt;  // `said recently`
  // The addressee is no part of what was said (`told reporters …` without `that`: left alone).
  if (std::any_of(p.arguments.begin(), p.arguments.end(), [&](const core::Argument& a) {
        return a.role == core::Role::recipient && a.span.begin == first.span.begin;
      }))
    return std::nullopt;
  return next;
}

/// Where the clause opened at `ws[first]` ends: the end of the sentence, or before `;`, a contrasting
/// clause or a reporting clause of its own after a comma or dash.
std::size_t ClauseReader::clause_end(const std::vector<Word>& ws, std::size_t first,
                                     const core::SentenceFacts& facts) const {
  std::size_t end = facts.sentence.chars.end;
  auto predicate_word = [&](const Word& w) {
    return std::any_of(facts.propositions.begin(), facts.propositions.end(),
                       [&](const core::Proposition& p) { return p.predicate.span.contains(w.span); });
  };
  for (std::size_t k = first + 1; k < ws.size(); ++k) {
    const core::Span gap = {ws[k - 1].span.end, ws[k].span.begin};
    bool semicolon = false, comma = false;
    for (std::size_t c = gap.begin; c < gap.end; ++c) {
      semicolon = semicolon || text_[c] == ';';
      comma = comma || text_[c] == ',' || text_[c] == U'\u2014' || text_[c] == U'\u2013';
    }
    if (semicolon) return ws[k - 1].span.end;
    if (!comma) continue;
    if (one_of(ws[k].lower, kContrast) || (ws[k].lower == "according" && k + 1 < ws.size() && ws[k + 1].lower == "to"))
      return ws[k - 1].span.end;
    for (std::size_t n = k; n < ws.size() && n < k + kTrailingClauseWords; ++n) {
      if (n > k && !only_spaces(ws[n - 1].span.end, ws[n].span.begin)) break;
      if (reports(ws[n]) && (predicate_word(ws[n]) || ws[n].lower.ends_with("ing"))) return ws[k - 1].span.end;
    }
  }
  // Without the final stop and closing marks.
  auto trailing = [](char32_t c) {
    return c == ' ' || c == '.' || c == ',' || c == ':' || c == '!' || c == '?' || c == '\n';
  };
  while (end > ws[first].span.end && trailing(text_[end - 1])) --end;
  return end;
}

/// The subject of the reporting verb `ws[cue]` read off the text, for a verb the parse gave no
/// subject before it: the words right before the verb since the last comma (`However, officials
/// said`, `The mayor also said`), or, when a comma comes right before the verb, the sentence's
/// first phrase with parentheses after it (`Derek Mitchell, who served as ambassador …, said`).
/// Not after a quotation (a trailing clause, which quoted_speech reads), nor for passives,
/// infinitives and denials; the subject must name a speaker (speaker_phrase()) and hold a name, a
/// noun of people or a subject pronoun.
std::optional<core::Span> ClauseReader::subject_before(const std::vector<Word>& ws, std::size_t cue) const {
  if (cue == 0 || cue > 40 || one_of(ws[cue - 1].lower, kNotFinite)) return std::nullopt;
  for (std::size_t c = ws.front().span.begin; c < ws[cue].span.begin; ++c)
    if (text_[c] == '"' || text_[c] == U'\u201C' || text_[c] == U'\u201D' || text_[c] == ':' || text_[c] == ';' ||
        (text_[c] == '\'' && c + 1 < text_.size() && text_[c + 1] == '\''))
      return std::nullopt;
  std::size_t end = cue;
  while (end > 0 && !comma_before(ws, end) && (one_of(ws[end - 1].lower, kBeforeVerb) || ws[end - 1].lower.ends_with("ly")))
    --end;
  std::size_t first = end;
  while (first > 0 && !comma_before(ws, first)) --first;
  if (first == end) {
    // Right after a comma: the first phrase, then parentheses, each opened by a relative pronoun,
    // an article, a name or a number.
    if (end < cue) return std::nullopt;
    first = 0;
    end = 1;
    while (end < cue && !comma_before(ws, end)) ++end;
    for (std::size_t n = end; n < cue; ++n)
      if (comma_before(ws, n) && ws[n].lower_case && !one_of(ws[n].lower, kParenthesisStart) &&
          !(ws[n].lower[0] >= '0' && ws[n].lower[0] <= '9'))
        return std::nullopt;
  }
  if (end - first > 8) return std::nullopt;
  const core::Span subject = {ws[first].span.begin, ws[end - 1].span.end};
  // A speech verb makes a capitalised first word of the sentence a name (`Lynch said …`).
  const bool speech = lexicon_->is_speech_verb(lexicon_->verb_lemma(ws[cue].lower));
  if (!names_speaker(subject, first == 0 && !speech)) return std::nullopt;
  return subject;
}

bool ClauseReader::names_speaker(const core::Span& phrase, bool opens_sentence) const {
  const auto ws = words(phrase);
  std::vector<PhraseWord> said_by;
  bool names = false;
  for (std::size_t n = 0; n < ws.size(); ++n) {
    said_by.push_back({ws[n].lower, !ws[n].lower_case, reports(ws[n])});
    names = names || (!ws[n].lower_case && (n > 0 || !opens_sentence)) || lexicon_->is_person_noun(ws[n].lower) ||
            one_of(ws[n].lower, kSubjectPronouns);
  }
  return names && speaker_phrase(said_by, *lexicon_);
}

/// The subject of the clause a participle `ws[cue]` hangs from: the agent, before its predicate, of
/// the first proposition of the sentence that precedes the participle and is not itself reported,
/// when it names a speaker.
std::optional<core::Span> ClauseReader::participle_subject(const std::vector<Word>& ws, std::size_t cue,
                                                           const core::SentenceFacts& facts) const {
  const core::Proposition* main = nullptr;
  for (const auto& p : facts.propositions) {
    const auto* a = p.first(core::Role::agent);
    if (p.content_of >= 0 || p.predicate.span.empty() || p.predicate.span.end > ws[cue].span.begin || a == nullptr ||
        a->span.empty() || a->span.end > p.predicate.span.begin || quoted(p.predicate.span))
      continue;
    if (main == nullptr || p.predicate.span.begin < main->predicate.span.begin) main = &p;
  }
  if (main == nullptr) return std::nullopt;
  const core::Span subject = main->first(core::Role::agent)->span;
  if (!names_speaker(subject, subject.begin == facts.sentence.chars.begin)) return std::nullopt;
  return subject;
}

/// Gives proposition `reporter` the clause as its content and the propositions inside it the
/// reporter's agent as their source (replacing an attribution to the same cue when `reattribute`:
/// the parse's, made with the wrong subject).
void ClauseReader::report(core::SentenceFacts& facts, std::size_t reporter, const core::Span& clause, const Word& cue,
                          bool reattribute) const {
  auto& props = facts.propositions;
  core::Argument said;
  said.role = core::Role::content;
  said.span = clause;
  said.text = str(clause);
  said.head = said.text;
  const core::Argument speaker = *props[reporter].first(core::Role::agent);
  props[reporter].arguments.push_back(std::move(said));
  core::Attribution attribution;
  attribution.source = speaker.text;
  attribution.source_span = speaker.span;
  attribution.source_head = speaker.head;
  attribution.source_proper = speaker.proper;
  attribution.cue = str(cue.span);
  attribution.cue_span = cue.span;
  for (std::size_t j = 0; j < props.size(); ++j) {
    auto& p = props[j];
    if (j == reporter || p.predicate.span.empty() || !clause.contains(p.predicate.span)) continue;
    const bool same_cue = p.attribution.cue_span.begin == cue.span.begin && p.attribution.cue_span.end == cue.span.end;
    if (reattribute && same_cue) {
      p.content_of = static_cast<int>(reporter);
      p.attribution = attribution;
      continue;
    }
    if (p.content_of >= 0) continue;
    p.content_of = static_cast<int>(reporter);
    if (!p.attribution.source.empty()) continue;
    p.attribution = attribution;
    p.asserted = false;
  }
}

void ClauseReader::attach(core::SentenceFacts& facts) const {
  const auto ws = words(facts.sentence.chars);
  extend_parsed(facts, ws);
  add_unparsed(facts, ws);
}

void ClauseReader::extend_parsed(core::SentenceFacts& facts, const std::vector<Word>& ws) const {
  auto& props = facts.propositions;
  const std::size_t parsed = props.size();
  for (std::size_t i = 0; i < parsed; ++i) {
    std::size_t cue = ws.size();
    for (std::size_t k = 0; k < ws.size(); ++k)
      if (props[i].predicate.span.contains(ws[k].span) && reports(ws[k])) {
        cue = k;
        break;
      }
    if (cue == ws.size() || quoted(ws[cue].span)) continue;
    const core::Argument* agent = props[i].first(core::Role::agent);
    if (agent == nullptr || agent->span.empty() || agent->span.end > ws[cue].span.begin) continue;
    const auto first = clause_start(ws, cue, props[i]);
    if (!first) continue;
    const core::Span clause = {ws[*first].span.begin, clause_end(ws, *first, facts)};
    auto content = std::find_if(props[i].arguments.begin(), props[i].arguments.end(), [&](const core::Argument& a) {
      return a.role == core::Role::content && !a.span.empty();
    });
    const std::string lemma = lexicon_->verb_lemma(ws[cue].lower);
    if (content != props[i].arguments.end() && props[i].predicate.lemma == lemma) {
      // The parse's complement, cut short where its linkage ended (`that their lives are`).
      const bool same_start = content->span.begin == clause.begin ||
                              (*first + 1 < ws.size() && ws[*first].lower == "that" &&
                               content->span.begin == ws[*first + 1].span.begin);
      if (same_start && content->span.end < clause.end) {
        content->span.end = clause.end;
        content->text = str(content->span);
      } else if (!same_start && clause.contains(content->span)) {
        // A complement that starts inside the clause: the parse kept only its end.
        content->span = clause;
        content->text = str(clause);
      }
      continue;
    }
    std::size_t reporter = i;
    if (props[i].predicate.lemma != lemma) {
      // A verb chain the parse led through the reporting verb (`said … address`, `said are` in
      // `Trump said Democrats are the ones …`): the reporting verb is a predicate of its own, with
      // the chain's subject.
      core::Proposition p;
      p.predicate.text = str(ws[cue].span);
      p.predicate.lemma = lemma;
      p.predicate.span = ws[cue].span;
      p.arguments.push_back(*agent);
      p.confidence = props[i].confidence;
      props.push_back(std::move(p));
      reporter = props.size() - 1;
    }
    report(facts, reporter, clause, ws[cue], false);
  }
}

void ClauseReader::add_unparsed(core::SentenceFacts& facts, const std::vector<Word>& ws) const {
  // A verb the parse left out of every predicate (`The mayor also said there …` read as a
  // subject `The mayor also said there`), or one it gave the clause's own subject, after the verb
  // (`Derek Mitchell, who …, said Clinton reached …`).
  auto& props = facts.propositions;
  for (std::size_t k = 0; k < ws.size(); ++k) {
    if (!reports(ws[k]) || quoted(ws[k].span)) continue;
    auto owner = std::find_if(props.begin(), props.end(), [&](const core::Proposition& p) {
      return p.predicate.span.contains(ws[k].span);
    });
    const core::Argument* agent = owner == props.end() ? nullptr : owner->first(core::Role::agent);
    // Without a predicate of the parse, only speech verbs (`make`, `state` are nouns as often).
    if (owner == props.end() && !lexicon_->is_speech_verb(lexicon_->verb_lemma(ws[k].lower))) continue;
    const bool participle = ws[k].lower.ends_with("ing");
    if (participle) {
      // `Trump unleashed a series of tweets early Friday saying …`: the participle's subject is
      // the clause's, unless the parse gave it a speaker of its own without a comma between.
      if (owner == props.end() || k == 0) continue;
      if (!comma_before(ws, k) && agent != nullptr && !agent->span.empty() && names_speaker(agent->span, false)) continue;
    } else if (agent != nullptr && !agent->span.empty() && agent->span.end <= ws[k].span.begin) {
      continue;
    }
    const auto subject = participle ? participle_subject(ws, k, facts) : subject_before(ws, k);
    if (!subject) continue;
    core::Proposition reporter;
    reporter.predicate.text = str(ws[k].span);
    reporter.predicate.lemma = lexicon_->verb_lemma(ws[k].lower);
    reporter.predicate.span = ws[k].span;
    if (owner != props.end()) {
      reporter.predicate = owner->predicate;
      reporter.confidence = owner->confidence;
    }
    core::Argument who;
    who.role = core::Role::agent;
    who.span = *subject;
    who.text = str(*subject);
    who.head = who.text.substr(who.text.rfind(' ') == std::string::npos ? 0 : who.text.rfind(' ') + 1);
    who.proper = !words(*subject).back().lower_case;
    reporter.arguments.push_back(std::move(who));
    const auto first = clause_start(ws, k, reporter);
    if (!first) continue;
    const core::Span clause = {ws[*first].span.begin, clause_end(ws, *first, facts)};
    std::size_t index = props.size();
    if (owner != props.end()) {
      index = static_cast<std::size_t>(owner - props.begin());
      // The parse's reading is replaced: its subject after the verb and its contents were the clause's.
      for (const auto& a : owner->arguments)
        if (a.role != core::Role::agent && a.role != core::Role::content && !clause.contains(a.span) &&
            !subject->contains(a.span))
          reporter.arguments.push_back(a);
      *owner = std::move(reporter);
      // What the parse reported outside the clause (the subject's own relative clause) was not said.
      for (auto& p : props) {
        const bool same_cue = p.attribution.cue_span.begin == ws[k].span.begin && p.attribution.cue_span.end == ws[k].span.end;
        if (p.content_of != static_cast<int>(index) || clause.contains(p.predicate.span)) continue;
        p.content_of = -1;
        if (!same_cue) continue;
        p.attribution = {};
        p.asserted = true;
      }
    } else {
      props.push_back(std::move(reporter));
    }
    report(facts, index, clause, ws[k], true);
  }
}

}  // namespace

void attach_reported_clauses(std::vector<core::SentenceFacts>& sentences, std::string_view text,
                             const Lexicon& lexicon, const WordNet& wordnet) {
  const ClauseReader reader(text, lexicon, wordnet);
  for (auto& facts : sentences) reader.attach(facts);
}

}  // namespace kg::extract
