// Attributions (kg/extract/attribution.hpp): the three rules over one sentence's propositions,
// quotations taken in whole, and the merge across the document.
#include "kg/extract/attribution.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <string_view>

#include "grammar.hpp"
#include "kg/core/text.hpp"
#include "kg/extract/quotations.hpp"

namespace kg::extract {

using core::AttributionRecord;
using core::one_of;

namespace {

bool same_spans(const std::vector<core::Span>& a, const std::vector<core::Span>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const core::Span& x, const core::Span& y) {
    return x.begin == y.begin && x.end == y.end;
  });
}

const core::Argument* first_with_span(const core::Proposition& p, core::Role role) {
  for (const auto& a : p.arguments)
    if (a.role == role && !a.span.empty()) return &a;
  return nullptr;
}

/// The canonical label of the entity filling `role` in `event`, or empty.
std::string entity_label(const core::Event& event, core::Role role) {
  const auto* filler = event.first(role);
  return filler != nullptr && filler->entity ? filler->entity->label : std::string();
}

/// The relative pronoun that is the reporting clause's subject (`the AP, which first reported …`):
/// the last `who`, `which` or `that` in `sentence` between `begin` (the end of the antecedent the
/// extractor resolved it to) and `end` (the cue). The source is both the antecedent and the pronoun.
std::optional<core::Span> relative_pronoun(const core::Sentence& sentence, std::size_t begin, std::size_t end) {
  if (begin < sentence.chars.begin || end <= begin || end > sentence.chars.end) return std::nullopt;
  const std::u32string text = core::decode_utf8(sentence.text);
  auto letter = [](char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  std::optional<core::Span> found;
  for (std::size_t i = begin - sentence.chars.begin, stop = end - sentence.chars.begin; i < stop && i < text.size();) {
    if (!letter(text[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    std::string word;
    while (j < text.size() && letter(text[j])) word += static_cast<char>(text[j] | 0x20), ++j;
    if (j <= stop && one_of(word, detail::kRelativePronouns)) found = core::Span{sentence.chars.begin + i, sentence.chars.begin + j};
    i = j;
  }
  return found;
}

/// Source, cue and speaker of a reporting proposition `i`: the attribution the extractor gave one
/// of its reported propositions (it knows the reporting clause's subject even when that subject
/// is not a role of the predicate), else the predicate's own agent.
void attribute_reporting(const core::SentenceFacts& facts, std::size_t i, AttributionRecord& record) {
  const auto& props = facts.propositions;
  for (std::size_t j = 0; j < props.size(); ++j) {
    const auto& a = props[j].attribution;
    if (props[j].content_of != static_cast<int>(i) || a.source.empty() || a.source_span.empty()) continue;
    record.source.push_back(a.source_span);
    if (!a.cue_span.empty()) record.cue.push_back(a.cue_span);
    if (j < facts.events.size() && facts.events[j].attributed_to)
      record.speaker = facts.events[j].attributed_to->label;
    return;
  }
  if (const auto* agent = first_with_span(props[i], core::Role::agent)) {
    record.source.push_back(agent->span);
    if (agent->span.end < props[i].predicate.span.begin)
      if (const auto pronoun = relative_pronoun(facts.sentence, agent->span.end, props[i].predicate.span.begin))
        record.source.push_back(*pronoun);
    if (i < facts.events.size()) record.speaker = entity_label(facts.events[i], core::Role::agent);
  }
  if (!props[i].predicate.span.empty()) record.cue.push_back(props[i].predicate.span);
}

/// Whether `p` is part of a quotation whose reporting clause is in another sentence (`"…," she said.
/// "<p>"`): that sentence's attribution holds the whole quotation as its content.
bool reported_elsewhere(const core::Proposition& p, const core::Sentence& sentence) {
  return !p.attribution.cue_span.empty() && !sentence.chars.empty() && !sentence.chars.contains(p.attribution.cue_span);
}

/// Whether `p` is a speaker's hedge inside what they are reported to say (`"I think NATO may be
/// obsolete," Trump said`): a reporting verb in the first or second person whose proposition is
/// itself attributed to someone. The quotation is the attribution; the hedge is part of it.
bool hedge_in_own_words(const core::Proposition& p) {
  const auto* agent = first_with_span(p, core::Role::agent);
  if (agent == nullptr || p.attribution.source.empty() || p.predicate.span.contains(p.attribution.cue_span)) return false;
  return one_of(agent->text, detail::kSpeechParticipants);
}

/// Rule 2: a noun-phrase complement, from the first complement after the predicate (theme, target,
/// topic or prepositional object; not time or place) to the end of the last one (`accused the
/// government of attempting …`).
std::optional<core::Span> nominal_content(const core::Proposition& p) {
  std::optional<core::Span> content;
  std::vector<const core::Argument*> after;
  for (const auto& a : p.arguments)
    if (!a.span.empty() && a.span.begin >= p.predicate.span.end) after.push_back(&a);
  std::sort(after.begin(), after.end(),
            [](const core::Argument* x, const core::Argument* y) { return x->span.begin < y->span.begin; });
  for (const auto* a : after) {
    const bool complement = a->role == core::Role::theme || a->role == core::Role::target ||
                            a->role == core::Role::about || a->role == core::Role::other;
    if (!complement) continue;
    if (!content) content = a->span;
    content->end = std::max(content->end, a->span.end);
  }
  return content;
}

/// Rule 3: the extent of a proposition reported `according to` its source: predicate and
/// arguments, without the source and cue.
std::optional<core::Span> own_extent(const core::Proposition& p) {
  std::optional<core::Span> extent;
  auto add = [&](const core::Span& s) {
    if (s.empty() || p.attribution.source_span.contains(s) || p.attribution.cue_span.contains(s)) return;
    if (!extent) extent = s;
    extent->begin = std::min(extent->begin, s.begin);
    extent->end = std::max(extent->end, s.end);
  };
  add(p.predicate.span);
  for (const auto& a : p.arguments) add(a.span);
  return extent;
}

/// Rule 3 for a source phrase without a verb (`according to X`, `in a speech`): what the sentence
/// says besides that phrase, on the longer side of it (`According to police, officers saw Scott
/// get out of a car and they ordered him …` -> all after the comma), without the commas, spaces
/// and final stop around it. One content for every proposition the phrase attributes.
std::optional<core::Span> beside_source(const core::Sentence& sentence, const core::Attribution& a) {
  const std::u32string text = core::decode_utf8(sentence.text);
  const std::size_t first = sentence.chars.begin, last = first + text.size();
  const std::size_t begin = std::min(a.source_span.begin, a.cue_span.begin);
  const std::size_t end = std::max(a.source_span.end, a.cue_span.end);
  if (begin < first || end > last || begin >= end) return std::nullopt;
  auto at = [&](std::size_t cp) { return text[cp - first]; };
  auto trim = [&](core::Span s) {
    auto loose = [](char32_t c) { return c == ' ' || c == ',' || c == '.' || c == ';' || c == ':' || c == '\n'; };
    while (s.begin < s.end && loose(at(s.begin))) ++s.begin;
    while (s.end > s.begin && loose(at(s.end - 1))) --s.end;
    return s;
  };
  const core::Span before = trim({first, begin}), after = trim({end, last});
  const core::Span longer = after.end - after.begin > before.end - before.begin ? after : before;
  if (longer.empty()) return std::nullopt;
  return longer;
}

}  // namespace

std::vector<AttributionRecord> sentence_attributions(const core::SentenceFacts& facts, const ontology::WordLists& words) {
  const auto& props = facts.propositions;
  auto is_speech = [&](std::size_t i) { return i < facts.events.size() && facts.events[i].speech_act; };
  std::vector<AttributionRecord> out;
  auto content_of = [&](std::size_t i) {
    std::vector<core::Span> content;
    for (const auto& a : props[i].arguments)
      if (a.role == core::Role::content && !a.span.empty()) content.push_back(a.span);
    return content;
  };
  // Rule 1 reporters; the propositions they report are covered by them (a reported clause may
  // come first: `"…," a source said`).
  // The extractor marks the reporters it recognised by giving what they report their attribution,
  // with the reporter's verb as the cue (`Trump believes that …`).
  auto marked_reporter = [&](std::size_t i) {
    return std::any_of(props.begin(), props.end(), [&](const core::Proposition& q) {
      return q.content_of == static_cast<int>(i) && !q.attribution.cue_span.empty() &&
             props[i].predicate.span.contains(q.attribution.cue_span);
    });
  };
  std::vector<bool> reports(props.size(), false);
  for (std::size_t i = 0; i < props.size(); ++i)
    reports[i] = (is_speech(i) || words.attitude_verbs.contains(props[i].predicate.lemma) || marked_reporter(i)) &&
                 !content_of(i).empty() && !hedge_in_own_words(props[i]);
  for (std::size_t i = 0; i < props.size(); ++i) {
    const auto& p = props[i];
    AttributionRecord record;
    record.sentence = facts.sentence.index;
    record.content = content_of(i);
    if (reports[i]) {
      attribute_reporting(facts, i, record);
    } else if (record.content.empty() &&
               ((is_speech(i) && !words.clause_speech_verbs.contains(p.predicate.lemma)) ||
                (words.stance_verbs.contains(p.predicate.lemma) && first_with_span(p, core::Role::agent) != nullptr))) {
      const auto content = nominal_content(p);
      if (!content) continue;
      record.content.push_back(*content);
      attribute_reporting(facts, i, record);
    } else if (!p.attribution.source.empty() && !p.attribution.source_span.empty() &&
               !reported_elsewhere(p, facts.sentence) &&
               !(p.content_of >= 0 && static_cast<std::size_t>(p.content_of) < props.size() &&
                 (reports[static_cast<std::size_t>(p.content_of)] ||
                  hedge_in_own_words(props[static_cast<std::size_t>(p.content_of)])))) {
      const bool verbless = std::none_of(props.begin(), props.end(), [&](const core::Proposition& q) {
        return q.predicate.span.contains(p.attribution.cue_span);
      });
      auto extent = verbless ? beside_source(facts.sentence, p.attribution) : std::nullopt;
      if (!extent) extent = own_extent(p);
      if (!extent) continue;
      record.content = {*extent};
      record.source.push_back(p.attribution.source_span);
      if (!p.attribution.cue_span.empty()) record.cue.push_back(p.attribution.cue_span);
      if (i < facts.events.size() && facts.events[i].attributed_to)
        record.speaker = facts.events[i].attributed_to->label;
    } else {
      continue;
    }
    // Coordinated speakers (`Biden and Putin said …`) give one proposition each with one content.
    auto same = std::find_if(out.begin(), out.end(), [&](const AttributionRecord& r) {
      return same_spans(r.content, record.content);
    });
    if (same != out.end()) {
      for (const auto& s : record.source)
        if (std::none_of(same->source.begin(), same->source.end(),
                         [&](const core::Span& t) { return t.begin == s.begin && t.end == s.end; }))
          same->source.push_back(s);
      continue;
    }
    // A clause of what was reported (`… made no concessions regarding Ukraine` -> `regarding`)
    // carries the same attribution as the whole; the whole is the content.
    if (record.content.size() == 1 && std::any_of(out.begin(), out.end(), [&](const AttributionRecord& r) {
          return same_spans(r.cue, record.cue) && r.content.size() == 1 && r.content[0].contains(record.content[0]);
        }))
      continue;
    out.push_back(std::move(record));
  }
  return out;
}

namespace {

/// From the first to the last code point of `spans` (which must not be empty).
core::Span extent(const std::vector<core::Span>& spans) {
  core::Span e = spans.front();
  for (const auto& s : spans) {
    e.begin = std::min(e.begin, s.begin);
    e.end = std::max(e.end, s.end);
  }
  return e;
}

/// Whether `inner` is reported inside `outer`'s content: its content lies within that content's
/// extent, which is larger, and so do its cues.
bool nested_in(const AttributionRecord& inner, const AttributionRecord& outer) {
  const core::Span within = extent(outer.content);
  const core::Span own = extent(inner.content);
  if (!within.contains(own) || (within.begin == own.begin && within.end == own.end)) return false;
  return std::all_of(inner.cue.begin(), inner.cue.end(), [&](const core::Span& c) { return within.contains(c); });
}

}  // namespace

namespace {

/// `spans` in text order, those that overlap or touch joined.
void join_overlapping(std::vector<core::Span>& spans) {
  std::sort(spans.begin(), spans.end(), [](const core::Span& a, const core::Span& b) { return a.begin < b.begin; });
  std::vector<core::Span> joined;
  for (const auto& s : spans) {
    if (!joined.empty() && s.begin <= joined.back().end) joined.back().end = std::max(joined.back().end, s.end);
    else joined.push_back(s);
  }
  spans = std::move(joined);
}

}  // namespace

void extend_to_quotations(AttributionRecord& record, const std::vector<core::Span>& quotations) {
  auto holds_cue = [&](const core::Span& q) {
    return std::any_of(record.cue.begin(), record.cue.end(), [&](const core::Span& c) { return q.contains(c); });
  };
  for (auto& span : record.content) {
    // Quotations are in text order and do not overlap: from the first that ends after the span's
    // start, while they start before its (growing) end.
    auto q = std::partition_point(quotations.begin(), quotations.end(),
                                  [&](const core::Span& x) { return x.end <= span.begin; });
    for (; q != quotations.end() && q->begin < span.end; ++q)
      if (!holds_cue(*q) && !span.contains(*q)) span = {std::min(span.begin, q->begin), std::max(span.end, q->end)};
  }
  join_overlapping(record.content);
}

std::vector<bool> nested_attributions(const std::vector<AttributionRecord>& records) {
  // In order of content start (longer first on ties), the record reaching furthest so far is the
  // widest candidate container of each next one: O(n log n) for articles with many attributions.
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < records.size(); ++i)
    if (!records[i].content.empty()) order.push_back(i);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    const core::Span a = extent(records[x].content), b = extent(records[y].content);
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  std::vector<bool> nested(records.size(), false);
  std::optional<std::size_t> widest;
  for (const std::size_t i : order) {
    if (widest) nested[i] = nested_in(records[i], records[*widest]);
    if (!widest || extent(records[i].content).end > extent(records[*widest].content).end) widest = i;
  }
  return nested;
}

std::vector<AttributionRecord> document_attributions(const core::Document& doc,
                                                     const std::vector<core::SentenceFacts>& sentences,
                                                     const ontology::WordLists& words) {
  // One attribution per content in the document, as in a sentence (a quotation reported by clauses
  // in two sentences, or reached from two fragments of it): the sources are joined. And one per
  // cue: the objects of one verb that the propositions split (`attacked Clinton for her support
  // of military action in Iraq and Libya`) are one content.
  const std::u32string text = core::decode_utf8(doc.text);
  std::vector<core::Span> quotations;
  for (const auto& q : find_quotations(text)) quotations.push_back(inside_marks(text, q));
  using Key = std::vector<std::pair<std::size_t, std::size_t>>;
  auto key_of = [](const std::vector<core::Span>& spans) {
    Key key;
    for (const auto& s : spans) key.emplace_back(s.begin, s.end);
    return key;
  };
  auto join = [](std::vector<core::Span>& into, const std::vector<core::Span>& more) {
    for (const auto& s : more)
      if (std::none_of(into.begin(), into.end(), [&](const core::Span& t) { return t.begin == s.begin && t.end == s.end; }))
        into.push_back(s);
  };
  std::map<Key, std::size_t> by_content, by_cue;
  std::vector<AttributionRecord> merged;
  for (const auto& facts : sentences)
    for (auto& record : sentence_attributions(facts, words)) {
      extend_to_quotations(record, quotations);
      if (const auto same = by_content.find(key_of(record.content)); same != by_content.end()) {
        join(merged[same->second].source, record.source);
        continue;
      }
      if (const auto same = by_cue.find(key_of(record.cue)); !record.cue.empty() && same != by_cue.end()) {
        auto& into = merged[same->second];
        join(into.content, record.content);
        join_overlapping(into.content);
        join(into.source, record.source);
        by_content.emplace(key_of(record.content), same->second);
        continue;
      }
      by_content.emplace(key_of(record.content), merged.size());
      if (!record.cue.empty()) by_cue.emplace(key_of(record.cue), merged.size());
      merged.push_back(std::move(record));
    }
  const auto nested = nested_attributions(merged);
  std::vector<AttributionRecord> out;
  for (std::size_t i = 0; i < merged.size(); ++i)
    if (!nested[i]) out.push_back(std::move(merged[i]));
  return out;
}

}  // namespace kg::extract
