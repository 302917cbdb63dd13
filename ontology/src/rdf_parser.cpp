#include "kg/ontology/rdf_parser.hpp"

#include <serd/serd.h>

#include <algorithm>
#include <cstdarg>
#include <cstring>
#include <exception>
#include <fstream>

#include "kg/core/text.hpp"

namespace kg::ontology {

namespace {

struct ReaderDeleter {
  void operator()(SerdReader* reader) const noexcept { serd_reader_free(reader); }
};
struct EnvDeleter {
  void operator()(SerdEnv* env) const noexcept { serd_env_free(env); }
};

// RdfSyntax holds Serd's values (the writers in kg::exporter cast too: serd_syntax.hpp).
static_assert(static_cast<int>(RdfSyntax::turtle) == SERD_TURTLE);
static_assert(static_cast<int>(RdfSyntax::ntriples) == SERD_NTRIPLES);
static_assert(static_cast<int>(RdfSyntax::nquads) == SERD_NQUADS);
static_assert(static_cast<int>(RdfSyntax::trig) == SERD_TRIG);

SerdSyntax serd_syntax(RdfSyntax syntax) { return static_cast<SerdSyntax>(syntax); }

std::string_view text_of(const SerdNode& node) {
  if (node.buf == nullptr) return {};
  return {reinterpret_cast<const char*>(node.buf), node.n_bytes};
}

/// Line and code-point column of byte offsets that only move forward (statements arrive in
/// document order), so that positioning every statement stays linear in the file size.
class ForwardPosition {
 public:
  core::LineColumn at(std::string_view text, std::size_t byte) {
    byte = std::min(byte, text.size());
    if (byte < offset_) {  // not expected; fall back to a scan from the start
      offset_ = 0;
      where_ = {};
    }
    for (; offset_ < byte; ++offset_) {
      const auto c = static_cast<unsigned char>(text[offset_]);
      if (c == '\n') {
        ++where_.line;
        where_.column = 1;
      } else if ((c & 0xC0u) != 0x80u) {
        ++where_.column;
      }
    }
    return where_;
  }

 private:
  std::size_t offset_ = 0;
  core::LineColumn where_;
};

/// Line `line` (from 1) of `text`, without its newline; empty past the end.
std::string_view line_of(std::string_view text, std::size_t line) {
  std::size_t begin = 0;
  for (std::size_t n = 1; n < line; ++n) {
    const std::size_t newline = text.find('\n', begin);
    if (newline == std::string_view::npos) return {};
    begin = newline + 1;
  }
  return text.substr(begin, text.find('\n', begin) - begin);
}

/// Line `line` (from 1) of the file `path`, read again: errors are rare and end a read, so the
/// text of a graph need not be kept while it streams through Serd.
std::string line_of_file(const std::filesystem::path& path, std::size_t line) {
  std::ifstream in(path, std::ios::binary);
  std::string text;
  for (std::size_t n = 0; n < line && std::getline(in, text); ++n) {
  }
  return in ? text : std::string();
}

/// The rest of the line from `byte`, shortened: the token a diagnostic shows.
std::string excerpt_at(std::string_view line_text, std::size_t byte) {
  if (byte >= line_text.size()) return {};
  const std::string_view rest = line_text.substr(byte, 32);
  return std::string(core::trim(rest));
}

/// 0-based byte index in its line of Serd's column: Serd 0.30 counts bytes from 0 after each
/// newline but starts the first line at 1 (serdi: `a b ,,` is 1:9 on line 1, 2:8 on line 2).
std::size_t byte_in_line(std::size_t line, std::size_t column) {
  return line == 1 && column > 0 ? column - 1 : column;
}

}  // namespace

std::string_view syntax_name(RdfSyntax syntax) {
  switch (syntax) {
    case RdfSyntax::turtle: return "Turtle";
    case RdfSyntax::ntriples: return "N-Triples";
    case RdfSyntax::nquads: return "N-Quads";
    case RdfSyntax::trig: return "TriG";
  }
  return "RDF";
}

std::string file_uri(const std::string& absolute_path) {
  SerdNode uri = serd_node_new_file_uri(reinterpret_cast<const uint8_t*>(absolute_path.c_str()),
                                        nullptr, nullptr, true);
  std::string out(text_of(uri));
  serd_node_free(&uri);
  return out;
}

core::SourcePosition serd_error_position(const std::string& name, std::size_t line,
                                         std::size_t byte_column, std::string_view line_text) {
  const std::size_t byte = std::min(byte_in_line(line, byte_column), line_text.size());
  return {name, line, core::count_code_points(line_text.substr(0, byte)) + 1};
}

/// Everything the C callbacks touch. They never throw: failures are stored here.
struct RdfParser::State {
  std::string name;
  RdfParseOptions options;
  std::unique_ptr<SerdEnv, EnvDeleter> env;
  std::unique_ptr<SerdReader, ReaderDeleter> reader;
  const StatementSink* sink = nullptr;
  std::string_view text;                 // parse_string: the whole text
  std::size_t consumed = 0;              // parse_string: bytes handed to Serd so far
  const std::filesystem::path* path = nullptr;  // parse_file: read again to map positions
  ForwardPosition statement_position;
  RdfStatement statement;                // reused: its strings keep their capacity
  std::vector<core::Diagnostic> errors;
  std::exception_ptr failure;

  void node(const SerdNode& in, RdfNode& out) const {
    out.value.assign(text_of(in));
    out.datatype.clear();
    out.language.clear();
    out.datatype_resolved = true;
    out.prefixed = in.type == SERD_CURIE;
    switch (in.type) {
      case SERD_URI:
        // Absolute IRIs are taken as written; only relative ones need the base.
        if (serd_uri_string_has_scheme(in.buf)) {
          out.kind = RdfNode::Kind::iri;
          return;
        }
        [[fallthrough]];
      case SERD_CURIE: {
        SerdNode expanded = serd_env_expand_node(env.get(), &in);
        if (expanded.type == SERD_NOTHING || expanded.buf == nullptr) {
          out.kind = RdfNode::Kind::unresolved;
        } else {
          out.kind = RdfNode::Kind::iri;
          out.value.assign(text_of(expanded));
        }
        serd_node_free(&expanded);
        return;
      }
      case SERD_BLANK: out.kind = RdfNode::Kind::blank; return;
      case SERD_LITERAL: out.kind = RdfNode::Kind::literal; return;
      case SERD_NOTHING: break;
    }
    out.kind = RdfNode::Kind::unresolved;
  }

  void add_error(std::size_t line, std::size_t column, std::string message) {
    core::Diagnostic d;
    d.message = "invalid " + std::string(syntax_name(options.syntax)) + ": " + std::move(message);
    d.where.file = name;
    if (line > 0) {
      const std::string line_text = path ? line_of_file(*path, line) : std::string(line_of(text, line));
      d.where = serd_error_position(name, line, column, line_text);
      d.token = excerpt_at(line_text, byte_in_line(line, column));
    }
    errors.push_back(std::move(d));
  }

  static SerdStatus on_base(void* handle, const SerdNode* uri) noexcept {
    return serd_env_set_base_uri(static_cast<State*>(handle)->env.get(), uri);
  }

  static SerdStatus on_prefix(void* handle, const SerdNode* name, const SerdNode* uri) noexcept {
    return serd_env_set_prefix(static_cast<State*>(handle)->env.get(), name, uri);
  }

  static SerdStatus on_statement(void* handle, SerdStatementFlags /*flags*/,
                                 const SerdNode* /*graph*/, const SerdNode* subject,
                                 const SerdNode* predicate, const SerdNode* object,
                                 const SerdNode* datatype, const SerdNode* language) noexcept {
    auto& self = *static_cast<State*>(handle);
    try {
      RdfStatement& s = self.statement;
      self.node(*subject, s.subject);
      self.node(*predicate, s.predicate);
      self.node(*object, s.object);
      if (object->type == SERD_LITERAL) {
        if (datatype != nullptr && datatype->buf != nullptr && datatype->type != SERD_NOTHING) {
          RdfNode type;
          self.node(*datatype, type);
          s.object.datatype = std::move(type.value);
          s.object.datatype_resolved = type.is_iri();
        }
        if (language != nullptr) s.object.language.assign(text_of(*language));
      }
      if (self.options.positions) {
        // The reader has looked one byte past the object; that byte is on the object's line.
        const core::LineColumn lc =
            self.statement_position.at(self.text, self.consumed == 0 ? 0 : self.consumed - 1);
        s.where = {self.name, lc.line, lc.column};
      } else {
        s.where = {self.name, 0, 0};
      }
      (*self.sink)(s);
      return SERD_SUCCESS;
    } catch (...) {
      self.failure = std::current_exception();
      return SERD_ERR_UNKNOWN;
    }
  }

  static SerdStatus on_error(void* handle, const SerdError* error) noexcept {
    auto& self = *static_cast<State*>(handle);
    try {
      char buffer[512] = {};
      va_list args;
      va_copy(args, *error->args);
      std::vsnprintf(buffer, sizeof buffer, error->fmt, args);
      va_end(args);
      self.add_error(error->line, error->col, std::string(core::trim(buffer)));
    } catch (...) {
      if (!self.failure) self.failure = std::current_exception();
    }
    return SERD_SUCCESS;
  }

  // Serd pulls an in-memory text through this source: with a page of one byte, how far it got
  // is how far Serd has read, the only way to give statements a position with Serd 0.30.
  static std::size_t read_text(void* buf, std::size_t size, std::size_t nmemb, void* stream) noexcept {
    auto& self = *static_cast<State*>(stream);
    const std::size_t n = std::min(size * nmemb, self.text.size() - self.consumed);
    std::memcpy(buf, self.text.data() + self.consumed, n);
    self.consumed += n;
    return size == 0 ? 0 : n / size;
  }

  static int text_error(void* /*stream*/) noexcept { return 0; }

  std::vector<core::Diagnostic> finish(SerdStatus status) {
    reader.reset();
    if (failure) std::rethrow_exception(failure);
    if (errors.empty() && status > SERD_FAILURE) {
      core::Diagnostic d;
      d.where.file = name;
      d.message = "invalid " + std::string(syntax_name(options.syntax)) + ": " +
                  reinterpret_cast<const char*>(serd_strerror(status));
      errors.push_back(std::move(d));
    }
    return std::move(errors);
  }
};

RdfParser::RdfParser(std::string name, RdfParseOptions options) : state_(std::make_unique<State>()) {
  State& s = *state_;
  s.name = std::move(name);
  s.options = std::move(options);
  SerdNode base = SERD_NODE_NULL;
  if (!s.options.base_iri.empty())
    base = serd_node_from_string(SERD_URI, reinterpret_cast<const uint8_t*>(s.options.base_iri.c_str()));
  s.env.reset(serd_env_new(s.options.base_iri.empty() ? nullptr : &base));
  if (!s.env) throw std::bad_alloc();
  s.reader.reset(serd_reader_new(serd_syntax(s.options.syntax), &s, nullptr, &State::on_base,
                                 &State::on_prefix, &State::on_statement, nullptr));
  if (!s.reader) throw std::bad_alloc();
  serd_reader_set_strict(s.reader.get(), s.options.strict);
  serd_reader_set_error_sink(s.reader.get(), &State::on_error, &s);
  if (!s.options.blank_prefix.empty())
    serd_reader_add_blank_prefix(s.reader.get(),
                                 reinterpret_cast<const uint8_t*>(s.options.blank_prefix.c_str()));
}

RdfParser::~RdfParser() = default;

std::vector<core::Diagnostic> RdfParser::parse_string(std::string_view text, const StatementSink& sink) {
  State& s = *state_;
  s.sink = &sink;
  s.text = text;
  s.consumed = 0;
  const std::size_t page = s.options.positions ? 1 : 4096;
  return s.finish(serd_reader_read_source(s.reader.get(), &State::read_text, &State::text_error, &s,
                                          reinterpret_cast<const uint8_t*>(s.name.c_str()), page));
}

std::vector<core::Diagnostic> RdfParser::parse_file(std::FILE* file, const std::filesystem::path& path,
                                                    const StatementSink& sink) {
  State& s = *state_;
  s.sink = &sink;
  s.path = &path;
  return s.finish(serd_reader_read_file_handle(s.reader.get(), file,
                                               reinterpret_cast<const uint8_t*>(s.name.c_str())));
}

core::SourcePosition RdfParser::locate(std::string_view written) const {
  const State& s = *state_;
  const std::size_t at = s.text.rfind(written, s.consumed);
  const std::size_t byte = std::min(at == std::string_view::npos ? s.consumed : at, s.text.size());
  const core::LineColumn lc = core::line_column(s.text, byte);
  return {s.name, lc.line, lc.column};
}

}  // namespace kg::ontology
