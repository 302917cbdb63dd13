#include "kg/extract/document_reader.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <istream>
#include <optional>
#include <system_error>
#include <utility>

#include "kg/core/iri.hpp"
#include "kg/core/text.hpp"
#include "input_text.hpp"

namespace kg::extract {
namespace {

namespace fs = std::filesystem;
using namespace detail;
using core::Diagnostic;
using core::DiagnosticSink;
using core::Document;
using core::Severity;

// Reads lines from `head` (bytes already taken from the stream to sniff its type) and then from
// the stream itself, so that sniffing never needs to seek (standard input cannot).
class LineSource {
 public:
  LineSource(std::istream& in, std::string head) : in_(in), head_(std::move(head)) {}

  bool next(std::string& line) {
    if (pos_ < head_.size()) {
      const auto nl = head_.find('\n', pos_);
      if (nl != std::string::npos) {
        line.assign(head_, pos_, nl - pos_);
        pos_ = nl + 1;
        return true;
      }
      line.assign(head_, pos_, std::string::npos);
      pos_ = head_.size();
      std::string rest;
      if (std::getline(in_, rest)) line += rest;
      return true;
    }
    return static_cast<bool>(std::getline(in_, line));
  }

 private:
  std::istream& in_;
  std::string head_;
  std::size_t pos_ = 0;
};

std::string read_head(std::istream& in) {
  std::string head(kBinaryProbeBytes, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  return head;
}

void read_rest(std::istream& in, std::string& content) {
  std::array<char, 1 << 16> buffer;
  while (in.read(buffer.data(), buffer.size()) || in.gcount() > 0)
    content.append(buffer.data(), static_cast<std::size_t>(in.gcount()));
}

std::size_t column_of(std::string_view line, std::string_view part) {
  return core::line_column(line, static_cast<std::size_t>(part.data() - line.data())).column;
}

// The member `name` of a JSON object, or null. (Comparing RapidJSON 1.1's member iterators is
// ambiguous in C++20, so look-ups stay inside RapidJSON.)
const rapidjson::Value* member(const rapidjson::Value& object, const char* name) {
  return object.HasMember(name) ? &object[name] : nullptr;
}

// State of one read() call: the ordinal counter and the callback.
class Run {
 public:
  Run(DiagnosticSink& sink, InputMode mode, const std::function<void(Document&&)>& on_document)
      : sink_(sink), mode_(mode), on_document_(on_document) {}

  std::size_t delivered() const { return ordinal_; }

  void input(const std::string& input) {
    if (input == "-") {
      stream(std::cin, "-", /*jsonl_by_name=*/false, /*sniff_jsonl=*/true);
      return;
    }
    std::error_code ec;
    const fs::file_status status = fs::status(input, ec);
    if (status.type() == fs::file_type::not_found) {
      report(sink_, Severity::error, input, 0, 0, "cannot read input: no such file or directory");
      return;
    }
    if (ec) {
      report(sink_, Severity::error, input, 0, 0, "cannot read input: " + ec.message());
      return;
    }
    if (fs::is_directory(status)) {
      directory(input);
      return;
    }
    file(input);
  }

 private:
  void deliver(Document&& doc) {
    doc.ordinal = ordinal_++;
    on_document_(std::move(doc));
  }

  void directory(const std::string& dir) {
    std::vector<fs::path> files;
    std::error_code ec;
    fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
      report(sink_, Severity::error, dir, 0, 0, "cannot read directory: " + ec.message());
      return;
    }
    for (const fs::recursive_directory_iterator end; it != end; it.increment(ec)) {
      if (ec) break;
      const fs::directory_entry& entry = *it;
      const std::string name = entry.path().filename().string();
      std::error_code type_ec;
      if (!name.empty() && name.front() == '.') {
        if (entry.is_directory(type_ec)) it.disable_recursion_pending();
        continue;
      }
      // Inside directories only article files are read (.txt, .text, .jsonl, or no extension),
      // so that READMEs, queries and other companions of a corpus are not taken for articles.
      const std::string ext = entry.path().extension().string();
      const bool article = ext.empty() || ext == ".txt" || ext == ".text" || ext == ".jsonl";
      if (article && entry.is_regular_file(type_ec)) files.push_back(entry.path());
    }
    if (ec) report(sink_, Severity::error, dir, 0, 0, "cannot read directory: " + ec.message());
    std::sort(files.begin(), files.end());
    for (const auto& path : files) file(path.string());
  }

  void file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      const int err = errno;
      report(sink_, Severity::error, path, 0, 0,
             std::string("cannot read input: ") + (err ? std::strerror(err) : "cannot open"));
      return;
    }
    stream(in, path, fs::path(path).extension() == ".jsonl", /*sniff_jsonl=*/false);
  }

  void stream(std::istream& in, const std::string& file, bool jsonl_by_name, bool sniff_jsonl) {
    std::string head = read_head(in);
    if (in.bad()) {
      report(sink_, Severity::error, file, 0, 0, "cannot read input: read error");
      return;
    }
    if (looks_binary(head)) {
      report(sink_, Severity::error, file, 0, 0, "binary file skipped");
      return;
    }
    bool jsonl = jsonl_by_name;
    if (sniff_jsonl) {
      std::string_view probe = head;
      strip_byte_order_mark(probe);
      const auto first = probe.find_first_not_of(" \t\r\n");
      jsonl = first != std::string_view::npos && probe[first] == '{';
    }
    if (jsonl) {
      LineSource lines(in, std::move(head));
      json_lines(lines, file);
    } else if (mode_ == InputMode::lines) {
      LineSource lines(in, std::move(head));
      plain_lines(lines, file);
    } else {
      std::string content = std::move(head);
      read_rest(in, content);
      if (in.bad()) {
        report(sink_, Severity::error, file, 0, 0, "cannot read input: read error");
        return;
      }
      Document doc = parse_text_article(content, file, sink_);
      if (!doc.text.empty()) deliver(std::move(doc));
    }
  }

  void plain_lines(LineSource& lines, const std::string& file) {
    const std::string stem = file_stem_id(file);
    std::string line;
    std::size_t number = 0;
    bool any = false;
    while (lines.next(line)) {
      ++number;
      if (number == 1) strip_byte_order_mark(line);
      strip_carriage_return(line);
      if (is_blank(line)) continue;
      any = true;
      Document doc;
      if (auto repaired = check_utf8(line, sink_, file, number)) line = std::move(*repaired);
      doc.id = stem + "-L" + std::to_string(number);
      doc.text = std::move(line);
      doc.source_file = file;
      doc.source_line = number;
      deliver(std::move(doc));
      line.clear();
    }
    if (!any) report(sink_, Severity::warning, file, 0, 0, "empty file");
  }

  void json_lines(LineSource& lines, const std::string& file) {
    const std::string stem = file_stem_id(file);
    std::string line;
    std::size_t number = 0;
    bool any = false;
    while (lines.next(line)) {
      ++number;
      if (number == 1) strip_byte_order_mark(line);
      strip_carriage_return(line);
      if (is_blank(line)) continue;
      any = true;
      if (auto doc = json_line(line, file, number, stem)) deliver(std::move(*doc));
    }
    if (!any) report(sink_, Severity::warning, file, 0, 0, "empty file");
  }

  // One JSON Lines record; nullopt when the line is reported and skipped.
  std::optional<Document> json_line(const std::string& line, const std::string& file,
                                    std::size_t number, const std::string& stem) {
    // Lone surrogate escapes are repaired before RapidJSON sees them, and reported at the first
    // (the line's text is kept for the excerpt).
    std::string json_text = line;
    std::size_t lone_surrogates = 0;
    const std::size_t lone_at = replace_lone_surrogate_escapes(json_text, lone_surrogates);
    rapidjson::Document json;
    json.Parse<rapidjson::kParseDefaultFlags>(json_text.data(), json_text.size());
    if (json.HasParseError()) {
      const std::size_t offset = std::min(json.GetErrorOffset(), line.size());
      report(sink_, Severity::error, file, number, core::line_column(line, offset).column,
             std::string("invalid JSON: ") + rapidjson::GetParseError_En(json.GetParseError()),
             surroundings(line, offset, 0, 24));
      return std::nullopt;
    }
    const std::size_t start_column =
        core::line_column(line, line.find_first_not_of(" \t")).column;
    if (!json.IsObject()) {
      report(sink_, Severity::error, file, number, start_column, "expected a JSON object",
             surroundings(line, 0, 0, 24));
      return std::nullopt;
    }
    const rapidjson::Value* text = member(json, "text");
    if (!text || !text->IsString()) {
      report(sink_, Severity::error, file, number, start_column, "missing string field 'text'",
             surroundings(line, 0, 0, 24));
      return std::nullopt;
    }
    if (lone_surrogates > 0) {
      std::string message = "\\u escape of a lone UTF-16 surrogate, replaced with U+FFFD";
      if (lone_surrogates > 1) message += " (" + std::to_string(lone_surrogates - 1) + " more in this line)";
      report(sink_, Severity::error, file, number, core::line_column(line, lone_at).column,
             std::move(message), surroundings(line, lone_at, 0, 12));
    }
    // RapidJSON passes bytes through unchecked: find bad UTF-8 in the raw line (where we can say
    // the column) and repair the decoded values.
    const bool repair = check_utf8(line, sink_, file, number).has_value();
    auto string_field = [&](const char* name) -> std::string {
      const rapidjson::Value* value = member(json, name);
      if (!value || value->IsNull()) return {};
      if (value->IsString()) {
        std::string decoded(value->GetString(), value->GetStringLength());
        return repair ? core::repair_utf8(decoded) : decoded;
      }
      if (std::string_view(name) == "id" && value->IsInt64()) return std::to_string(value->GetInt64());
      if (std::string_view(name) == "id" && value->IsUint64()) return std::to_string(value->GetUint64());
      report(sink_, Severity::warning, file, number, 0,
             std::string("field '") + name + "' is not a string; ignored");
      return {};
    };

    Document doc;
    doc.text = string_field("text");
    if (is_blank(doc.text)) {
      report(sink_, Severity::warning, file, number, start_column, "empty 'text' field; line skipped");
      return std::nullopt;
    }
    doc.url = string_field("url");
    doc.title = string_field("title");
    const std::string date = string_field("date");
    if (!date.empty()) {
      doc.date = normalize_date(date);
      if (doc.date.empty())
        report(sink_, Severity::warning, file, number, 0, "invalid date; left empty", date);
    }
    doc.id = string_field("id");
    if (doc.id.empty() && !doc.url.empty()) doc.id = document_id_from_url(doc.url);
    if (doc.id.empty()) doc.id = stem + "-" + std::to_string(number);
    doc.source_file = file;
    doc.source_line = number;
    return doc;
  }

  DiagnosticSink& sink_;
  InputMode mode_;
  const std::function<void(Document&&)>& on_document_;
  std::size_t ordinal_ = 0;
};

int days_in_month(int year, int month) {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : days[month - 1];
}

int to_int(std::string_view digits) {
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

// A header date token: the shape of a date (so that "date of birth" is not taken for a header),
// valid or not.
bool date_shaped(std::string_view token) {
  return token.size() >= 8 && all_digits(token.substr(0, 4)) &&
         std::all_of(token.begin(), token.end(), [](char c) { return is_digit(c) || c == '-'; });
}

}  // namespace

std::string normalize_date(std::string_view text) {
  const std::string_view t = core::trim(text);
  std::string_view year, month, day;
  if (t.size() >= 10 && t[4] == '-' && t[7] == '-' && all_digits(t.substr(0, 4)) &&
      all_digits(t.substr(5, 2)) && all_digits(t.substr(8, 2)) &&
      (t.size() == 10 || t[10] == 'T' || t[10] == 't' || t[10] == ' ')) {
    year = t.substr(0, 4);
    month = t.substr(5, 2);
    day = t.substr(8, 2);
  } else if (t.size() == 8 && all_digits(t)) {
    year = t.substr(0, 4);
    month = t.substr(4, 2);
    day = t.substr(6, 2);
  } else {
    return {};
  }
  const int y = to_int(year), m = to_int(month), d = to_int(day);
  if (y == 0 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return {};
  return std::string(year) + "-" + std::string(month) + "-" + std::string(day);
}

std::string document_id_from_url(std::string_view url) {
  const std::string_view trimmed = core::trim(url);
  std::string_view rest = trimmed;
  if (const auto scheme = rest.find("://"); scheme != std::string_view::npos &&
                                            rest.find_first_of("/?#") > scheme)
    rest.remove_prefix(scheme + 3);
  rest = rest.substr(0, rest.find('#'));
  bool has_query = false;
  if (const auto query = rest.find('?'); query != std::string_view::npos) {
    has_query = query + 1 < rest.size();
    rest = rest.substr(0, query);
  }
  const auto slash = rest.find('/');
  std::string_view authority = rest.substr(0, slash);
  const std::string_view path = slash == std::string_view::npos ? std::string_view{} : rest.substr(slash);
  if (const auto at = authority.rfind('@'); at != std::string_view::npos) authority.remove_prefix(at + 1);
  std::string id = sanitize_id(core::ascii_lower(authority) + std::string(path));
  if (id.empty()) return id;
  const bool cut = id.size() > kMaxIdBytes;
  if (cut) id = sanitize_id(std::string_view(id).substr(0, kMaxIdBytes));
  if (cut || has_query) id += "-" + core::to_hex(core::stable_hash(trimmed)).substr(0, 8);
  return id;
}

Document parse_text_article(std::string_view content, const std::string& file,
                            DiagnosticSink& diagnostics) {
  Document doc;
  doc.source_file = file;
  strip_byte_order_mark(content);
  if (looks_binary(content)) {
    report(diagnostics, Severity::error, file, 0, 0, "binary file skipped");
    return doc;
  }
  std::string text = normalize_newlines(content);
  if (auto repaired = check_utf8(text, diagnostics, file, 0)) text = std::move(*repaired);
  if (is_blank(text)) {
    report(diagnostics, Severity::warning, file, 0, 0, "empty file");
    return doc;
  }

  const std::vector<std::string_view> lines = split_lines(text);
  std::size_t body_line = 0;  // index into lines
  std::size_t title_line = 0;
  std::string_view date_token;
  std::size_t date_line = 0;

  // Layout 1: ` date YYYY-MM-DD URL`, blank, title, blank, body.
  const std::string_view first = core::trim(lines[0]);
  bool header = false;
  if (first.substr(0, 5) == "date " || first.substr(0, 5) == "date\t") {
    std::string_view rest = core::trim(first.substr(5));
    const auto space = rest.find_first_of(" \t");
    const std::string_view token = rest.substr(0, space);
    const std::string_view url = space == std::string_view::npos ? std::string_view{} : core::trim(rest.substr(space));
    if (date_shaped(token) && url.find_first_of(" \t") == std::string_view::npos) {
      header = true;
      date_token = token;
      date_line = 0;
      doc.url = std::string(url);
      title_line = skip_blank_lines(lines, 1);
      if (title_line < lines.size()) doc.title = std::string(core::trim(lines[title_line]));
      body_line = skip_blank_lines(lines, title_line + 1);
    }
  }
  // Layout 2: title, `YYYYMMDD`, URL, body (one paragraph per line).
  if (!header && lines.size() >= 2 && !is_blank(lines[0]) && all_digits(core::trim(lines[1])) &&
      core::trim(lines[1]).size() == 8) {
    header = true;
    doc.title = std::string(first);
    title_line = 0;
    date_token = core::trim(lines[1]);
    date_line = 1;
    std::size_t next = 2;
    if (next < lines.size() && looks_like_url(lines[next])) doc.url = std::string(core::trim(lines[next++]));
    body_line = skip_blank_lines(lines, next);
  }
  if (header) {
    doc.date = normalize_date(date_token);
    if (doc.date.empty())
      report(diagnostics, Severity::warning, file, date_line + 1, column_of(lines[date_line], date_token),
             "invalid date; left empty", std::string(date_token));
  } else {
    body_line = skip_blank_lines(lines, 0);
  }

  if (body_line < lines.size()) {
    const auto offset = static_cast<std::size_t>(lines[body_line].data() - text.data());
    doc.text = std::string(core::trim(std::string_view(text).substr(offset)));
    doc.source_line = body_line + 1;
  } else if (!doc.title.empty()) {
    report(diagnostics, Severity::warning, file, title_line + 1, 0,
           "article has a header but no body; its title is used as the text");
    doc.text = doc.title;
    doc.source_line = title_line + 1;
  } else {
    report(diagnostics, Severity::warning, file, 0, 0, "article has a header but no text");
  }

  if (!doc.url.empty()) doc.id = document_id_from_url(doc.url);
  if (doc.id.empty()) doc.id = file_stem_id(file);
  return doc;
}

DocumentReader::DocumentReader(core::DiagnosticSink& diagnostics, InputMode mode)
    : diagnostics_(diagnostics), mode_(mode) {}

std::size_t DocumentReader::read(const std::vector<std::string>& inputs,
                                 const std::function<void(core::Document&&)>& on_document) {
  Run run(diagnostics_, mode_, on_document);
  for (const auto& input : inputs) run.input(input);
  return run.delivered();
}

}  // namespace kg::extract
