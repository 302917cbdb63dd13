#include "turtle_loader.hpp"

#include <serd/serd.h>

#include <algorithm>
#include <cerrno>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <memory>
#include <set>
#include <string_view>

#include "kg/core/iri.hpp"
#include "kg/core/text.hpp"

namespace kg::ontology::detail {
namespace {

struct ReaderDeleter {
  void operator()(SerdReader* reader) const noexcept { serd_reader_free(reader); }
};
struct EnvDeleter {
  void operator()(SerdEnv* env) const noexcept { serd_env_free(env); }
};

/// A SerdNode that owns its buffer (Serd returns these by value).
class OwnedNode {
 public:
  explicit OwnedNode(SerdNode node) noexcept : node_(node) {}
  OwnedNode(const OwnedNode&) = delete;
  OwnedNode& operator=(const OwnedNode&) = delete;
  ~OwnedNode() { serd_node_free(&node_); }
  const SerdNode* get() const noexcept { return &node_; }
  bool null() const noexcept { return node_.type == SERD_NOTHING || node_.buf == nullptr; }
  std::string str() const {
    return null() ? std::string() : std::string(reinterpret_cast<const char*>(node_.buf), node_.n_bytes);
  }

 private:
  SerdNode node_;
};

std::string node_string(const SerdNode& node) {
  if (node.buf == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(node.buf), node.n_bytes);
}

/// Line and code-point column of byte offsets that only move forward (statements arrive in
/// document order), so that positioning every statement stays linear in the file size.
class ForwardPosition {
 public:
  explicit ForwardPosition(std::string_view text) : text_(text) {}
  core::LineColumn at(std::size_t byte) {
    byte = std::min(byte, text_.size());
    if (byte < offset_) {  // not expected; fall back to a scan from the start
      offset_ = 0;
      where_ = {};
    }
    for (; offset_ < byte; ++offset_) {
      const auto c = static_cast<unsigned char>(text_[offset_]);
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
  std::string_view text_;
  std::size_t offset_ = 0;
  core::LineColumn where_;
};

/// Everything the C callbacks touch. They never throw: failures are stored here.
struct ReadState {
  std::string file_name;
  std::string_view text;
  std::size_t consumed = 0;  // bytes handed to Serd so far
  SerdEnv* env = nullptr;
  ForwardPosition statement_position{std::string_view()};
  std::vector<TurtleTriple> triples;
  std::vector<core::Diagnostic> errors;
  std::set<std::string> undefined_prefixes;
  bool out_of_memory = false;
};

core::SourcePosition position_of_byte(const ReadState& state, std::size_t byte) {
  byte = std::min(byte, state.text.size());
  const core::LineColumn lc = core::line_column(state.text, byte);
  return {state.file_name, lc.line, lc.column};
}

/// The rest of the line from `byte`, shortened: the token a diagnostic shows.
std::string excerpt_at(std::string_view text, std::size_t byte) {
  if (byte >= text.size()) return {};
  std::string_view rest = text.substr(byte);
  rest = rest.substr(0, std::min(rest.find('\n'), std::size_t{32}));
  return std::string(core::trim(rest));
}

// Serd pulls the file through this source one byte at a time, which tells the statement sink how
// far the reader has got: the only way to give statements a position with Serd 0.30.
std::size_t read_source(void* buf, std::size_t size, std::size_t nmemb, void* stream) noexcept {
  auto& state = *static_cast<ReadState*>(stream);
  const std::size_t wanted = size * nmemb;
  const std::size_t left = state.text.size() - state.consumed;
  const std::size_t n = std::min(wanted, left);
  std::memcpy(buf, state.text.data() + state.consumed, n);
  state.consumed += n;
  return size == 0 ? 0 : n / size;
}

int source_error(void* /*stream*/) noexcept { return 0; }

SerdStatus on_base(void* handle, const SerdNode* uri) noexcept {
  auto& state = *static_cast<ReadState*>(handle);
  return serd_env_set_base_uri(state.env, uri);
}

SerdStatus on_prefix(void* handle, const SerdNode* name, const SerdNode* uri) noexcept {
  auto& state = *static_cast<ReadState*>(handle);
  return serd_env_set_prefix(state.env, name, uri);
}

/// Converts a Serd node; false (after recording an error) when a prefixed name cannot be expanded.
bool to_term(ReadState& state, const SerdNode& node, TurtleTerm& term) {
  switch (node.type) {
    case SERD_URI:
    case SERD_CURIE: {
      OwnedNode expanded(serd_env_expand_node(state.env, &node));
      if (expanded.null()) {
        const std::string written = node_string(node);
        const std::string prefix = written.substr(0, written.find(':') + 1);
        if (state.undefined_prefixes.insert(prefix).second) {
          // The name was just read, so its last occurrence before the read point is this one.
          const std::size_t at = state.text.rfind(written, state.consumed);
          core::Diagnostic d;
          d.where = position_of_byte(state, at == std::string_view::npos ? state.consumed : at);
          d.message = node.type == SERD_CURIE ? "undefined prefix '" + prefix + "'"
                                              : std::string("IRI cannot be resolved");
          d.token = written;
          state.errors.push_back(std::move(d));
        }
        return false;
      }
      term.kind = TurtleTerm::Kind::iri;
      term.value = expanded.str();
      return true;
    }
    case SERD_BLANK:
      term.kind = TurtleTerm::Kind::blank;
      term.value = node_string(node);
      return true;
    case SERD_LITERAL:
      term.kind = TurtleTerm::Kind::literal;
      term.value = node_string(node);
      return true;
    case SERD_NOTHING:
      break;
  }
  return false;
}

SerdStatus on_statement(void* handle, SerdStatementFlags /*flags*/, const SerdNode* /*graph*/,
                        const SerdNode* subject, const SerdNode* predicate,
                        const SerdNode* object, const SerdNode* datatype,
                        const SerdNode* language) noexcept {
  auto& state = *static_cast<ReadState*>(handle);
  try {
    TurtleTriple triple;
    TurtleTerm predicate_term;
    if (!to_term(state, *subject, triple.subject) || !to_term(state, *predicate, predicate_term) ||
        !to_term(state, *object, triple.object)) {
      return SERD_SUCCESS;  // already recorded; keep reading to find further errors
    }
    triple.predicate = std::move(predicate_term.value);
    if (object->type == SERD_LITERAL) {
      if (datatype != nullptr && datatype->buf != nullptr) {
        TurtleTerm type;
        if (!to_term(state, *datatype, type)) return SERD_SUCCESS;
        triple.object.datatype = std::move(type.value);
      }
      if (language != nullptr) triple.object.language = node_string(*language);
    }
    // The reader has looked one byte past the object; that byte is on the object's line.
    const core::LineColumn lc =
        state.statement_position.at(state.consumed == 0 ? 0 : state.consumed - 1);
    triple.where = {state.file_name, lc.line, lc.column};
    state.triples.push_back(std::move(triple));
    return SERD_SUCCESS;
  } catch (...) {
    state.out_of_memory = true;
    return SERD_ERR_INTERNAL;
  }
}

SerdStatus on_error(void* handle, const SerdError* error) noexcept {
  auto& state = *static_cast<ReadState*>(handle);
  try {
    char buffer[512];
    va_list args;
    va_copy(args, *error->args);
    std::vsnprintf(buffer, sizeof buffer, error->fmt, args);
    va_end(args);
    core::Diagnostic d;
    d.message = "invalid Turtle: " + std::string(core::trim(buffer));
    if (error->line > 0) {
      // Serd counts lines from 1 and columns from 0, in bytes; we show code points from 1.
      std::size_t byte = 0;
      for (unsigned line = 1; line < error->line && byte < state.text.size(); ++line) {
        const std::size_t newline = state.text.find('\n', byte);
        byte = newline == std::string_view::npos ? state.text.size() : newline + 1;
      }
      byte = std::min(byte + error->col, state.text.size());
      d.where = position_of_byte(state, byte);
      d.token = excerpt_at(state.text, byte);
    } else {
      d.where.file = state.file_name;
    }
    state.errors.push_back(std::move(d));
  } catch (...) {
    state.out_of_memory = true;
  }
  return SERD_SUCCESS;
}

std::string read_whole_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    throw core::Error("cannot open Turtle file '" + file.string() + "': " + std::strerror(errno));
  }
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw core::Error("cannot read Turtle file '" + file.string() + "'");
  return text;
}

}  // namespace

std::vector<TurtleTriple> read_turtle_file(const std::filesystem::path& file,
                                           core::DiagnosticSink& diagnostics) {
  std::error_code ec;
  if (std::filesystem::is_directory(file, ec)) {
    throw core::Error("cannot read Turtle file '" + file.string() + "': it is a directory");
  }
  const std::string text = read_whole_file(file);

  ReadState state;
  state.file_name = file.string();
  state.text = text;
  state.statement_position = ForwardPosition(text);

  // Relative IRIs in the file resolve against the file itself, as rapper and serdi do.
  const std::filesystem::path absolute = std::filesystem::absolute(file, ec);
  const std::string absolute_name = ec ? file.string() : absolute.string();
  OwnedNode base(serd_node_new_file_uri(reinterpret_cast<const uint8_t*>(absolute_name.c_str()),
                                        nullptr, nullptr, true));
  std::unique_ptr<SerdEnv, EnvDeleter> env(serd_env_new(base.get()));
  if (!env) throw std::bad_alloc();
  state.env = env.get();

  std::unique_ptr<SerdReader, ReaderDeleter> reader(serd_reader_new(
      SERD_TURTLE, &state, nullptr, on_base, on_prefix, on_statement, nullptr));
  if (!reader) throw std::bad_alloc();
  // Lax mode only makes Serd carry on after an error, so that one run reports them all; it still
  // reports every problem (bad IRI characters, escapes, UTF-8) and any report fails the load.
  serd_reader_set_strict(reader.get(), false);
  serd_reader_set_error_sink(reader.get(), on_error, &state);
  // Blank node labels are per document; a prefix derived from the path keeps them apart when a
  // caller mixes the triples of several files (and stays the same from run to run).
  // Appended piece by piece: GCC 12 reports a false -Wrestrict on `"f" + std::string`.
  const std::string file_hash = core::to_hex(core::stable_hash(absolute_name), 8);
  std::string blank_prefix;
  blank_prefix.reserve(file_hash.size() + 2);
  blank_prefix += 'f';
  blank_prefix += file_hash;
  blank_prefix += '_';
  serd_reader_add_blank_prefix(reader.get(), reinterpret_cast<const uint8_t*>(blank_prefix.c_str()));

  const SerdStatus status =
      serd_reader_read_source(reader.get(), read_source, source_error, &state,
                              reinterpret_cast<const uint8_t*>(state.file_name.c_str()), 1);
  reader.reset();
  env.reset();

  if (state.out_of_memory) throw std::bad_alloc();
  if (state.errors.empty() && status > SERD_FAILURE) {
    core::Diagnostic d;
    d.where.file = state.file_name;
    d.message = std::string("invalid Turtle: ") +
                reinterpret_cast<const char*>(serd_strerror(status));
    state.errors.push_back(std::move(d));
  }
  if (!state.errors.empty()) {
    const std::string first = core::format(state.errors.front());
    const std::size_t more = state.errors.size() - 1;
    for (auto& d : state.errors) diagnostics.report(std::move(d));
    throw core::Error(first + (more ? " (and " + std::to_string(more) + " more)" : std::string()));
  }
  return std::move(state.triples);
}

}  // namespace kg::ontology::detail
