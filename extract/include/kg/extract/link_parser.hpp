#pragma once
/// Link Grammar: one shared English dictionary, one parser (with its own options) per thread.
///
/// Options follow what was measured for news text (see ARCHITECTURE.md): short_length 6, spell
/// guessing off, linkage_limit 100 (never 1: that explodes the search), a retry allowing null links
/// only when no full parse exists, and no max_parse_time (it counts process CPU time and misfires
/// with threads in 5.12.0); instead limits on words and on null links keep the cost bounded.

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kg::extract {

/// A word of a linkage, cleaned of Link Grammar's decorations.
struct ParsedWord {
  std::string text;       ///< the word as written in the sentence (`Putin`, `said`)
  std::string subscript;  ///< dictionary subscript without the dot (`q-d`, `v-d`, `n`, `p`), may be empty
  std::size_t byte_begin = 0;  ///< offsets into the sentence text given to LinkParser::parse
  std::size_t byte_end = 0;
  bool wall = false;      ///< LEFT-WALL / RIGHT-WALL
  bool null_linked = false;  ///< skipped by a partial parse
  bool guessed = false;   ///< unknown to the dictionary (regex or capitalisation guess)
};

/// A link between two words (left < right).
struct ParsedLink {
  std::size_t left = 0;
  std::size_t right = 0;
  std::string label;  ///< full label, e.g. `Ss*s`, `MVp`, `Js`
};

/// One linkage of a sentence.
struct Linkage {
  std::vector<ParsedWord> words;
  std::vector<ParsedLink> links;
  std::size_t null_count = 0;  ///< words left out (0 for a full parse)
  double disjunct_cost = 0.0;
  int link_cost = 0;
  int violations = 0;
};

/// The English dictionary, loaded once (~0.2 s) and shared read-only by all parsers.
/// Construction installs a diagnostics-friendly error handler on the calling thread and throws
/// core::Error when the dictionary cannot be loaded.
class LinkDictionary {
 public:
  LinkDictionary();
  ~LinkDictionary();
  LinkDictionary(const LinkDictionary&) = delete;
  LinkDictionary& operator=(const LinkDictionary&) = delete;
  /// The library handle, for LinkParser only (kept out of this header).
  struct Impl;
  Impl& impl() const { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

/// Limits on how much work one sentence may cost.
struct ParseLimits {
  /// Longer sentences are not parsed whole: LinkParser::parse() parses their halves at a clause
  /// boundary instead.
  std::size_t max_words = 60;
  std::size_t max_linkages = 8;   ///< linkages returned, best first (CaRB dev F1: 1 -> 36.3, 4 -> 36.5, 8 -> 36.8)
  /// Most words a partial parse may skip. Measured on 1,440 BBC sentences (one thread): no cap
  /// 28 sentences/s with one sentence taking 23 s; cap 4: 84/s with 1% of sentences unparsed;
  /// cap 2: 116/s with 5% unparsed.
  std::size_t max_null_links = 4;
  /// Long sentences get fewer null links: words x null links <= null_budget (at least one).
  std::size_t null_budget = 80;
  /// Disjuncts dearer than this are not used; 0: the dictionary's own limit (2.7 in 5.12). A lower
  /// limit is much faster (1.7: 16% fewer instructions on CaRB dev) but loses the right parse of
  /// several sample sentences (`the Russian president`, `Putin tried to reassure …`).
  double max_disjunct_cost = 0;
};

/// A parser for one thread. Not thread-safe: create one per worker thread (cheap). Installs the
/// per-thread Link Grammar error handler that keeps library messages off stderr.
class LinkParser {
 public:
  explicit LinkParser(const LinkDictionary& dictionary, ParseLimits limits = {});
  ~LinkParser();
  LinkParser(const LinkParser&) = delete;
  LinkParser& operator=(const LinkParser&) = delete;

  /// Up to limits.max_linkages linkages of `sentence`, best first: full parses when there are any,
  /// else parses with null links. Empty when the sentence is too long or could not be parsed.
  /// Word offsets refer to `sentence` as given. Penn-Treebank negations (`is n't`) are rejoined
  /// for the parser; a hyphen spaced between words (`cross - border`) is read both as a dash and
  /// as a compound, and the linkages of the second reading follow those of the first.
  ///
  /// With `clause_break` (the byte offset of a comma), the text before and after it are parsed
  /// apart and each linkage is the two side by side, unlinked: for a trailing reporting clause
  /// (`…, the Kremlin added.`). Falls back to parsing the whole sentence when a part has no parse.
  std::vector<Linkage> parse(std::string_view sentence, std::size_t clause_break = static_cast<std::size_t>(-1));

  /// Messages the library reported on this thread since the last call (for diagnostics).
  std::vector<std::string> take_messages();

 private:
  std::vector<Linkage> parse_input(std::string_view sentence, bool join_hyphens, bool blank_quotes = false);
  /// Most null links a parse of a sentence of `length` words (with walls) may have.
  int null_cap(std::size_t length) const;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kg::extract
