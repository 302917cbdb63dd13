#pragma once
/// Document readers: turn the user's inputs (text articles, JSON Lines files, directories,
/// standard input) into core::Document values, in a deterministic order, reporting bad input as
/// diagnostics instead of stopping.
///
/// Input formats (see ARCHITECTURE.md, "Input"):
/// - `*.jsonl`: one JSON object per line, `{"id", "url", "date", "title", "text"}`, only `text`
///   required. Read line by line (a line may be many megabytes), never slurped whole.
/// - anything else: one text article, in one of two header layouts or plain text (see
///   parse_text_article()).
/// - a directory: every regular, non-hidden article file below it (`.txt`, `.text`, `.jsonl` or no
///   extension), recursively, in sorted path order; other files (READMEs, queries) are ignored.
/// - `-`: standard input, a text article unless its first non-blank character is `{` (JSON Lines).

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "kg/core/diagnostics.hpp"
#include "kg/core/types.hpp"

namespace kg::extract {

/// How input is cut into documents.
enum class InputMode {
  /// A text file (or non-JSON standard input) is one article; a JSON Lines line is one article.
  articles,
  /// Benchmark mode (`kgraph extract --lines`): every input line that is not blank is one
  /// Document whose text is the line exactly, without its terminator (`\n` or `\r\n`); its id is
  /// `<file stem>-L<line number>`. JSON Lines inputs are still read as JSON Lines.
  lines,
};

/// Reads the inputs named on the command line and delivers their documents one by one.
///
/// Errors: bad input never throws. Missing or unreadable paths, binary files, empty files,
/// malformed JSON lines, invalid UTF-8 and invalid dates are reported to the DiagnosticSink
/// (`file:line:col`, the file named as the user typed it) and the reader carries on with the
/// next line, file or input. Invalid UTF-8 is replaced by U+FFFD and the document still delivered.
/// Exceptions thrown by the sink (strict mode) or by the callback propagate unchanged.
///
/// Thread safety: one reader per thread; the callback runs on the thread that called read().
/// The sink must outlive the reader.
class DocumentReader {
 public:
  /// `diagnostics` receives every report about the input; it is borrowed, not owned.
  explicit DocumentReader(core::DiagnosticSink& diagnostics, InputMode mode = InputMode::articles);

  /// Reads every input in order: files (`.jsonl` => JSON Lines, anything else => text article),
  /// directories (recursive, entries in sorted path order, hidden files and folders skipped, only
  /// regular files), `-` = standard input (a text article, or JSON Lines when its first non-blank
  /// character is `{`). Calls `on_document` once per document, with Document::ordinal increasing
  /// from 0 across all inputs of this call. Returns the number of documents delivered.
  ///
  /// Document ids: the `id` field if present; else derived from the URL (host and path, see
  /// document_id_from_url()); else from the file name without extension (`<stem>-<line>` for JSON
  /// Lines lines, `<stem>-L<line>` in lines mode); standard input uses the stem `stdin` and the
  /// source file `-`.
  std::size_t read(const std::vector<std::string>& inputs,
                   const std::function<void(core::Document&&)>& on_document);

 private:
  core::DiagnosticSink& diagnostics_;
  InputMode mode_;
};

/// Parses one text article held in memory (used by DocumentReader::read() and by tests).
///
/// Recognises two header layouts, else treats the content as plain text:
/// 1. ` date YYYY-MM-DD URL` (leading space optional), blank line, title line, blank line, body;
/// 2. title line, a `YYYYMMDD` line, a URL line, then the body (one paragraph per line).
/// Document::text is the body with `\r\n` turned into `\n`, leading blank lines and trailing
/// white space removed; Document::source_line is the 1-based line of `file` where it starts. A
/// UTF-8 byte order mark is dropped. The id comes from the URL, else from `file`'s stem (`stdin`
/// for `-`); ordinal is left 0.
///
/// Errors (reported to `diagnostics`, never thrown): invalid UTF-8 is an error with line and
/// column, repaired with U+FFFD (the document is still returned); an invalid date is a warning and
/// leaves Document::date empty; an empty or blank file is a warning and a binary file (NUL bytes in
/// its first 8 KB) an error "binary file skipped": both return a Document with empty text, which
/// means "no document". A header without a body yields the title as the text (with a warning).
///
/// Thread safety: pure apart from the reports; safe to call concurrently with a thread-safe sink.
core::Document parse_text_article(std::string_view content, const std::string& file,
                                  core::DiagnosticSink& diagnostics);

/// A stable, IRI-friendly document id from a URL: host and path, every character outside
/// `[A-Za-z0-9-_.]` turned into `-`, runs of `-` collapsed and trimmed from both ends; ids longer
/// than 80 characters are cut and, like URLs carrying a query, get `-` and the first 8 hex digits
/// of core::stable_hash(url) so that distinct URLs keep distinct ids. Returns an empty string when
/// nothing usable is left. Pure, thread-safe.
std::string document_id_from_url(std::string_view url);

/// `YYYY-MM-DD` from `YYYY-MM-DD`, `YYYYMMDD` or an ISO timestamp beginning with `YYYY-MM-DD`
/// (surrounding white space ignored), with month and day range checks (leap years included).
/// Returns an empty string when `text` is not such a date. Pure, thread-safe.
std::string normalize_date(std::string_view text);

}  // namespace kg::extract
