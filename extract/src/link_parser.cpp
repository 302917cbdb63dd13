#include "kg/extract/link_parser.hpp"

#include <link-grammar/link-includes.h>

#include <algorithm>
#include <cctype>
#include <clocale>
#include <cstdlib>
#include <iterator>
#include <mutex>

#include "kg/core/diagnostics.hpp"

namespace kg::extract {

namespace {

// Link Grammar's error handler is per thread; messages are kept per thread and handed out by
// LinkParser::take_messages. The handler must never throw (it is called from C).
thread_local std::vector<std::string> t_messages;

void collect_message(lg_errinfo* info, void* /*data*/) noexcept {
  try {
    if (info == nullptr || info->text == nullptr) return;
    if (info->severity == lg_Debug || info->severity == lg_Trace || info->severity == lg_Info)
      return;
    std::string text = info->text;
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    if (t_messages.size() < 64) t_messages.push_back(std::move(text));
  } catch (...) {
    // Dropping a library message is better than unwinding through C.
  }
}

void install_handler() { lg_error_set_handler(&collect_message, nullptr); }

struct DictionaryDeleter {
  void operator()(Dictionary_s* d) const noexcept { dictionary_delete(d); }
};
struct OptionsDeleter {
  void operator()(Parse_Options_s* o) const noexcept { parse_options_delete(o); }
};
struct SentenceDeleter {
  void operator()(Sentence_s* s) const noexcept { sentence_delete(s); }
};
struct LinkageDeleter {
  void operator()(Linkage_s* l) const noexcept { linkage_delete(l); }
};

// Words come back decorated: `said.q-d`, `Putin[!]`, `Biden[?].n`, `[the]` (null-linked),
// `LEFT-WALL`. Offsets come from the byte positions, so only the subscript and flags are parsed.
void decorate(ParsedWord& w, std::string_view raw) {
  if (raw == "LEFT-WALL" || raw == "RIGHT-WALL") {
    w.wall = true;
    return;
  }
  if (raw.size() >= 2 && raw.front() == '[' && raw.back() == ']') {
    w.null_linked = true;
    raw = raw.substr(1, raw.size() - 2);
  }
  const auto bracket = raw.find('[');
  if (bracket != std::string_view::npos && bracket > 0) {
    w.guessed = true;
    const auto close = raw.find(']', bracket);
    std::string_view rest = close == std::string_view::npos ? std::string_view{} : raw.substr(close + 1);
    if (!rest.empty() && rest.front() == '.') w.subscript = std::string(rest.substr(1));
    return;
  }
  const auto dot = raw.rfind('.');
  // A subscript follows the last dot unless the dot is part of the word (`U.S.`, `p.m.`, `...`).
  if (dot != std::string_view::npos && dot > 0 && dot + 1 < raw.size()) {
    const std::string_view sub = raw.substr(dot + 1);
    bool looks_like_subscript = true;
    for (char c : sub)
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '#' || c == '_' ||
            c == '!'))
        looks_like_subscript = false;
    if (looks_like_subscript && raw[dot - 1] != '.') w.subscript = std::string(sub);
  }
}

}  // namespace

struct LinkDictionary::Impl {
  std::unique_ptr<Dictionary_s, DictionaryDeleter> dict;
};

LinkDictionary::LinkDictionary() : impl_(std::make_unique<Impl>()) {
  install_handler();
  // The library forces a UTF-8 character locale; make sure one exists before loading.
  if (std::setlocale(LC_CTYPE, "C.UTF-8") == nullptr) std::setlocale(LC_CTYPE, "");
  static std::mutex load_mutex;  // dictionary loading touches process-wide state
  std::lock_guard lock(load_mutex);
  impl_->dict.reset(dictionary_create_lang("en"));
  if (!impl_->dict) {
    std::string detail;
    for (auto& m : t_messages) detail += "; " + m;
    t_messages.clear();
    throw core::Error("cannot load the Link Grammar English dictionary (Debian package "
                      "link-grammar-dictionaries-en)" + detail);
  }
  t_messages.clear();
}

LinkDictionary::~LinkDictionary() = default;

struct LinkParser::Impl {
  const LinkDictionary* dictionary = nullptr;
  ParseLimits limits;
  int split_depth = 0;  // nesting of the fallback that parses halves of an unparsable sentence
  std::unique_ptr<Parse_Options_s, OptionsDeleter> options;
};

LinkParser::LinkParser(const LinkDictionary& dictionary, ParseLimits limits)
    : impl_(std::make_unique<Impl>()) {
  install_handler();
  impl_->dictionary = &dictionary;
  impl_->limits = limits;
  impl_->options.reset(parse_options_create());
  Parse_Options o = impl_->options.get();
  parse_options_set_verbosity(o, 0);
  parse_options_set_short_length(o, 6);
  parse_options_set_all_short_connectors(o, false);
  parse_options_set_spell_guess(o, 0);
  parse_options_set_linkage_limit(o, 100);
  parse_options_set_min_null_count(o, 0);
  parse_options_set_max_null_count(o, 0);
  parse_options_set_islands_ok(o, false);
  parse_options_set_repeatable_rand(o, true);  // same input, same linkages: deterministic output
  parse_options_set_display_morphology(o, 0);
  if (impl_->limits.max_disjunct_cost > 0) parse_options_set_disjunct_cost(o, static_cast<float>(impl_->limits.max_disjunct_cost));
}

LinkParser::~LinkParser() = default;

std::vector<std::string> LinkParser::take_messages() {
  std::vector<std::string> out;
  out.swap(t_messages);
  return out;
}

namespace {

/// Text as the parser should see it, with a map from its bytes back to the original's.
struct ParserInput {
  std::string text;
  std::vector<std::size_t> origin;  // byte of `text` -> byte of the original; one extra at the end
};

bool alnum_at(std::string_view s, std::size_t i) {
  return i < s.size() && std::isalnum(static_cast<unsigned char>(s[i]));
}

/// Penn-Treebank-tokenised text splits negative contractions (`is n't`, `wo n't`), which the
/// dictionary only knows whole: they are always rejoined. With `join_hyphens`, a hyphen spaced
/// between two words (`cross - border`, `State - owned`) is closed up too; since news text also
/// spaces dashes that way (`goals - excellent`), that reading is only offered as an alternative.
/// Length of a double quotation mark at `i` (`"`, ``` `` ```, `''` as a token, `“`, `”`), or 0.
std::size_t quote_at(std::string_view text, std::size_t i) {
  if (text[i] == '"') return 1;
  if (text.substr(i, 2) == "``") return 2;
  if (text.substr(i, 2) == "''" && (i == 0 || text[i - 1] == ' ' || !alnum_at(text, i + 2))) return 2;
  if (text.substr(i, 3) == "\u201C" || text.substr(i, 3) == "\u201D") return 3;
  return 0;
}

ParserInput parser_input(std::string_view text, bool join_hyphens, bool blank_quotes = false) {
  ParserInput in;
  in.text.reserve(text.size());
  in.origin.reserve(text.size() + 1);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (blank_quotes) {
      // Quotation marks around a noun phrase (`This "1-in-200 year event" flooded …`) often
      // leave the parser without a full parse; this reading has blanks in their place.
      if (const std::size_t n = quote_at(text, i); n > 0) {
        for (std::size_t k = 0; k < n; ++k) {
          in.text += ' ';
          in.origin.push_back(i + k);
        }
        i += n - 1;
        continue;
      }
    }
    const bool split_negation = text[i] == ' ' && i > 0 && std::isalpha(static_cast<unsigned char>(text[i - 1])) &&
                                text.substr(i + 1, 3) == "n't" && !alnum_at(text, i + 4);
    const bool spaced_hyphen = join_hyphens && text[i] == ' ' &&
                               ((alnum_at(text, i - 1) && text.substr(i + 1, 2) == "- " && alnum_at(text, i + 3)) ||
                                (i >= 2 && text.substr(i - 2, 2) == " -" && alnum_at(text, i - 3) && alnum_at(text, i + 1)));
    if (split_negation || spaced_hyphen) continue;
    // The library reads a C string: a NUL (JSON Lines can carry `\u0000`) would end it early.
    in.text += text[i] == '\0' ? ' ' : text[i];
    in.origin.push_back(i);
  }
  in.origin.push_back(text.size());
  return in;
}

/// Puts the quotation marks that parser_input blanked back into `linkage` as unlinked words, so
/// that phrases can keep them (`to "keep a cool head"`).
void restore_quotes(Linkage& linkage, std::string_view text) {
  std::vector<ParsedWord> quotes;
  for (std::size_t i = 0; i < text.size(); ++i)
    if (const std::size_t n = quote_at(text, i); n > 0) {
      ParsedWord q;
      q.text = std::string(text.substr(i, n));
      q.byte_begin = i;
      q.byte_end = i + n;
      q.null_linked = true;
      quotes.push_back(std::move(q));
      i += n - 1;
    }
  if (quotes.empty() || linkage.words.size() < 2) return;
  std::vector<ParsedWord> words;
  std::vector<std::size_t> index(linkage.words.size());
  std::size_t q = 0;
  for (std::size_t w = 0; w < linkage.words.size(); ++w) {
    const auto& word = linkage.words[w];
    const bool right_wall = word.wall && w + 1 == linkage.words.size();
    while (q < quotes.size() && (right_wall || (!word.wall && quotes[q].byte_begin < word.byte_begin)))
      words.push_back(std::move(quotes[q++]));
    index[w] = words.size();
    words.push_back(word);
  }
  for (auto& link : linkage.links) {
    link.left = index[link.left];
    link.right = index[link.right];
  }
  linkage.words = std::move(words);
}

bool has_quote(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i)
    if (quote_at(text, i) > 0) return true;
  return false;
}

bool has_spaced_hyphen(std::string_view text) {
  for (std::size_t i = 1; i + 3 < text.size(); ++i)
    if (text.substr(i, 3) == " - " && alnum_at(text, i - 1) && alnum_at(text, i + 3)) return true;
  return false;
}

}  // namespace

namespace {

/// Shifts a linkage parsed from a substring to the offsets of the whole sentence.
void shift_offsets(Linkage& linkage, std::size_t by) {
  for (auto& w : linkage.words)
    if (!w.wall) {
      w.byte_begin += by;
      w.byte_end += by;
    }
}

/// `content` (LEFT-WALL … [RIGHT-WALL]), the punctuation `mark` at byte `comma`, then `tail`'s words without its
/// LEFT-WALL: one linkage of the whole sentence whose two parts are not linked to each other. Links of the tail's
/// LEFT-WALL go to the content's; the content's RIGHT-WALL moves to the end.
Linkage concatenate(const Linkage& content, const Linkage& tail, std::size_t comma, char mark) {
  Linkage out;
  out.null_count = content.null_count + tail.null_count;
  out.disjunct_cost = content.disjunct_cost + tail.disjunct_cost;
  out.link_cost = content.link_cost + tail.link_cost;
  out.violations = content.violations + tail.violations;
  const bool right_wall = !content.words.empty() && content.words.back().wall && content.words.size() > 1;
  const std::size_t kept = content.words.size() - (right_wall ? 1 : 0);
  out.words.assign(content.words.begin(), content.words.begin() + static_cast<std::ptrdiff_t>(kept));
  ParsedWord separator;  // the comma (or semicolon) between the parts, linked to nothing
  separator.text = std::string(1, mark);
  separator.byte_begin = comma;
  separator.byte_end = comma + 1;
  separator.null_linked = true;
  out.words.push_back(separator);
  const std::size_t offset = kept;  // tail word j (j >= 1) lands at offset + j
  for (std::size_t j = 1; j < tail.words.size(); ++j) out.words.push_back(tail.words[j]);
  const std::size_t last = out.words.size() - 1;
  for (const auto& l : content.links) {
    ParsedLink link = l;
    if (right_wall && link.right == content.words.size() - 1) link.right = last;
    out.links.push_back(std::move(link));
  }
  for (const auto& l : tail.links) {
    ParsedLink link = l;
    link.left = link.left == 0 ? 0 : link.left + offset;
    link.right = link.right == 0 ? 0 : link.right + offset;
    if (link.left > link.right) std::swap(link.left, link.right);
    out.links.push_back(std::move(link));
  }
  return out;
}

/// A linkage of no words, standing for `words` words the parser could not place.
Linkage walls_only(std::size_t words) {
  Linkage l;
  l.words.resize(2);
  l.words[0].wall = l.words[1].wall = true;
  l.words[0].text = "LEFT-WALL";
  l.words[1].text = "RIGHT-WALL";
  l.null_count = words;
  return l;
}

std::size_t count_words(std::string_view text) {
  std::size_t n = 0;
  bool in_word = false;
  for (char c : text) {
    const bool space = c == ' ' || c == '\t' || c == '\n';
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

/// The `;` (preferred) or `,` nearest the middle of `text` with at least three words on each side,
/// or npos.
std::size_t clause_boundary(std::string_view text) {
  std::size_t best = std::string_view::npos;
  for (char mark : {';', ','}) {
    for (std::size_t i = text.find(mark); i != std::string_view::npos; i = text.find(mark, i + 1)) {
      if (count_words(text.substr(0, i)) < 3 || count_words(text.substr(i + 1)) < 3) continue;
      const auto distance = [&](std::size_t at) { return at > text.size() / 2 ? at - text.size() / 2 : text.size() / 2 - at; };
      if (best == std::string_view::npos || distance(i) < distance(best)) best = i;
    }
    if (best != std::string_view::npos) return best;
  }
  return best;
}

}  // namespace

std::vector<Linkage> LinkParser::parse(std::string_view text, std::size_t clause_break) {
  if (clause_break < text.size()) {
    // `<content>, the Kremlin added.`: the parser handles a long content with a trailing reporting
    // clause badly (it often makes a verb of the content the reporter's subject), so the two parts
    // are parsed apart and put side by side; the caller links them (see PropositionExtractor).
    auto content = parse(text.substr(0, clause_break));
    const std::size_t tail_begin = clause_break + 1;
    auto tail = parse(text.substr(tail_begin));
    if (!content.empty() && !tail.empty()) {
      shift_offsets(tail.front(), tail_begin);
      std::vector<Linkage> result;
      for (const auto& c : content) result.push_back(concatenate(c, tail.front(), clause_break, text[clause_break]));
      return result;
    }
  }
  auto result = parse_input(text, false);
  const bool poor = result.empty() || result.front().null_count > 0 || result.front().disjunct_cost > 1.5;
  if (poor && has_spaced_hyphen(text)) {
    // A dash reading that parses badly: offer the compound reading (`cross-border`) as well; the
    // caller picks among all linkages. (Measured on CaRB dev: same F1 as always parsing both.)
    auto joined = parse_input(text, true);
    std::move(joined.begin(), joined.end(), std::back_inserter(result));
  }
  if ((result.empty() || result.front().null_count > 0) && has_quote(text)) {
    // Likewise the reading without quotation marks.
    auto unquoted = parse_input(text, false, true);
    std::move(unquoted.begin(), unquoted.end(), std::back_inserter(result));
  }
  if ((result.empty() || result.front().null_count >= 2) && impl_->split_depth < 3) {
    // No parse, or only one that leaves two words or more out (too long, or words the grammar
    // cannot place): also parse the halves at the clause boundary nearest the middle, so that a
    // long sentence still yields what its clauses say; the caller picks among all linkages. The
    // words of a half that still fails count as null links. (CaRB dev: F1 +0.6 for sentences with
    // no parse, +0.2 more offering it beside parses with two null links or more.)
    const std::size_t cut = clause_boundary(text);
    if (cut != std::string_view::npos) {
      ++impl_->split_depth;
      auto left = parse(text.substr(0, cut));
      auto right = parse(text.substr(cut + 1));
      --impl_->split_depth;
      if (!left.empty() || !right.empty()) {
        Linkage tail = right.empty() ? walls_only(count_words(text.substr(cut + 1))) : right.front();
        shift_offsets(tail, cut + 1);
        if (left.empty()) left.push_back(walls_only(count_words(text.substr(0, cut))));
        for (const auto& head : left) result.push_back(concatenate(head, tail, cut, text[cut]));
      }
    }
  }
  return result;
}

int LinkParser::null_cap(std::size_t length) const {
  // Each extra null link is another full search whose cost grows steeply with length (a 46-word
  // BBC sentence took 23 s to reach 7 nulls; a 56-word CaRB sentence 1.4 s for one), so long
  // sentences get fewer: words x nulls <= null_budget, at least one. Longer misparses fall back
  // to the halves (parse()). CaRB dev, one thread, callgrind on every 4th sentence: 43.0 G
  // instructions without a budget, 38.4 G at 100 (F1 50.3), 35.6 G at 80 (F1 50.1).
  const auto& l = impl_->limits;
  if (l.max_null_links == 0) return 0;
  const std::size_t words = length > 2 ? length - 2 : 1;  // without the walls
  const std::size_t by_length = l.null_budget > 0 ? std::max<std::size_t>(1, l.null_budget / words) : l.max_null_links;
  return static_cast<int>(std::min(l.max_null_links, by_length));
}

std::vector<Linkage> LinkParser::parse_input(std::string_view text, bool join_hyphens, bool blank_quotes) {
  std::vector<Linkage> result;
  Parse_Options o = impl_->options.get();
  const ParserInput prepared = parser_input(text, join_hyphens, blank_quotes);
  const std::string& input = prepared.text;
  const std::vector<std::size_t>& origin = prepared.origin;
  // Link Grammar 5.12 aborts (an assertion in gword_new) on a sentence with no characters.
  if (input.empty()) return result;
  std::unique_ptr<Sentence_s, SentenceDeleter> sent(
      sentence_create(input.c_str(), impl_->dictionary->impl().dict.get()));
  if (!sent) return result;
  if (sentence_split(sent.get(), o) < 0) return result;
  // sentence_length counts walls and split morphemes; a rough but sufficient cost bound.
  if (static_cast<std::size_t>(sentence_length(sent.get())) > impl_->limits.max_words + 2)
    return result;

  // One search: a full parse if there is one, else the fewest null links up to the cap. (Two
  // calls, the second from one null link up, cost 8% more instructions for the same linkages.)
  // An alternative reading (no quotation marks) is only worth a full parse: it competes with the
  // plain reading's partial ones, and a null-link search would double the cost of such sentences
  // (callgrind, first 150 CaRB dev sentences: 51.7 G instructions with that search, 43.5 G
  // without it, 38.5 G without the quote-less reading at all; CaRB dev F1 49.9, 49.7 and 49.1).
  parse_options_set_min_null_count(o, 0);
  parse_options_set_max_null_count(o, blank_quotes ? 0 : null_cap(static_cast<std::size_t>(sentence_length(sent.get()))));
  const int found = sentence_parse(sent.get(), o);
  parse_options_set_max_null_count(o, 0);
  if (found <= 0) return result;

  const auto valid = static_cast<std::size_t>(std::max(0, sentence_num_valid_linkages(sent.get())));
  for (std::size_t i = 0; i < valid && result.size() < impl_->limits.max_linkages; ++i) {
    std::unique_ptr<Linkage_s, LinkageDeleter> lk(linkage_create(i, sent.get(), o));
    if (!lk) continue;
    Linkage out;
    out.null_count = static_cast<std::size_t>(sentence_null_count(sent.get()));
    out.disjunct_cost = linkage_disjunct_cost(lk.get());
    out.link_cost = linkage_link_cost(lk.get());
    out.violations = sentence_num_violations(sent.get(), static_cast<LinkageIdx>(i));
    const std::size_t nw = linkage_get_num_words(lk.get());
    out.words.resize(nw);
    for (std::size_t w = 0; w < nw; ++w) {
      auto& word = out.words[w];
      const char* raw = linkage_get_word(lk.get(), static_cast<WordIdx>(w));
      decorate(word, raw ? raw : "");
      if (!word.wall) {
        word.byte_begin = static_cast<std::size_t>(linkage_get_word_byte_start(lk.get(), static_cast<WordIdx>(w)));
        word.byte_end = static_cast<std::size_t>(linkage_get_word_byte_end(lk.get(), static_cast<WordIdx>(w)));
        if (word.byte_end > input.size()) word.byte_end = input.size();
        if (word.byte_begin > word.byte_end) word.byte_begin = word.byte_end;
        word.byte_begin = origin[word.byte_begin];
        word.byte_end = word.byte_end == 0 ? origin[0] : origin[word.byte_end - 1] + 1;
        if (word.byte_end < word.byte_begin) word.byte_end = word.byte_begin;
        word.text = std::string(text.substr(word.byte_begin, word.byte_end - word.byte_begin));
      } else {
        word.text = raw ? raw : "";
      }
    }
    const std::size_t nl = linkage_get_num_links(lk.get());
    out.links.reserve(nl);
    for (std::size_t l = 0; l < nl; ++l) {
      ParsedLink link;
      link.left = static_cast<std::size_t>(linkage_get_link_lword(lk.get(), static_cast<LinkIdx>(l)));
      link.right = static_cast<std::size_t>(linkage_get_link_rword(lk.get(), static_cast<LinkIdx>(l)));
      const char* label = linkage_get_link_label(lk.get(), static_cast<LinkIdx>(l));
      link.label = label ? label : "";
      out.links.push_back(std::move(link));
    }
    if (blank_quotes) restore_quotes(out, text);
    result.push_back(std::move(out));
  }
  return result;
}

}  // namespace kg::extract
