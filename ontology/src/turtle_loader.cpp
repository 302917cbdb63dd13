#include "turtle_loader.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <set>
#include <utility>

#include "kg/core/iri.hpp"
#include "kg/ontology/rdf_parser.hpp"

namespace kg::ontology::detail {
namespace {

std::string read_whole_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    throw core::Error("cannot open Turtle file '" + file.string() + "': " + std::strerror(errno));
  }
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw core::Error("cannot read Turtle file '" + file.string() + "'");
  return text;
}

TurtleTerm to_term(const RdfNode& node) {
  TurtleTerm term;
  term.kind = node.kind == RdfNode::Kind::blank     ? TurtleTerm::Kind::blank
              : node.kind == RdfNode::Kind::literal ? TurtleTerm::Kind::literal
                                                    : TurtleTerm::Kind::iri;
  term.value = node.value;
  return term;
}

/// The error about a term that could not be expanded; once per prefix.
void report_unresolved(const RdfParser& parser, const RdfNode& node, std::set<std::string>& reported,
                       std::vector<core::Diagnostic>& errors) {
  const std::string prefix = node.value.substr(0, node.value.find(':') + 1);
  if (!reported.insert(prefix).second) return;
  core::Diagnostic d;
  // The name was just read, so its last occurrence before the read point is this one.
  d.where = parser.locate(node.value);
  d.message = node.prefixed ? "undefined prefix '" + prefix + "'" : std::string("IRI cannot be resolved");
  d.token = node.value;
  errors.push_back(std::move(d));
}

}  // namespace

std::vector<TurtleTriple> read_turtle_file(const std::filesystem::path& file,
                                           core::DiagnosticSink& diagnostics) {
  std::error_code ec;
  if (std::filesystem::is_directory(file, ec)) {
    throw core::Error("cannot read Turtle file '" + file.string() + "': it is a directory");
  }
  const std::string text = read_whole_file(file);

  // Relative IRIs in the file resolve against the file itself, as rapper and serdi do.
  const std::filesystem::path absolute = std::filesystem::absolute(file, ec);
  const std::string absolute_name = ec ? file.string() : absolute.string();
  RdfParseOptions options;
  options.syntax = RdfSyntax::turtle;
  // Strict: the first error stops the load. Serd 0.30's lax mode would go on to report the
  // others, but it never returns on some endings (`<s> <p> "x" ,, .` at the end of a file spins
  // forever), and it accepts no file that strict mode rejects (every problem it recovers from is
  // reported, and any report fails the load).
  options.strict = true;
  options.positions = true;
  options.base_iri = file_uri(absolute_name);
  // Blank node labels are per document; a prefix derived from the path keeps them apart when a
  // caller mixes the triples of several files (and stays the same from run to run).
  // Appended piece by piece: GCC 12 reports a false -Wrestrict on `"f" + std::string`.
  const std::string file_hash = core::to_hex(core::stable_hash(absolute_name), 8);
  options.blank_prefix.reserve(file_hash.size() + 2);
  options.blank_prefix += 'f';
  options.blank_prefix += file_hash;
  options.blank_prefix += '_';

  RdfParser parser(file.string(), std::move(options));
  std::vector<TurtleTriple> triples;
  std::vector<core::Diagnostic> term_errors;
  std::set<std::string> undefined_prefixes;
  std::vector<core::Diagnostic> errors = parser.parse_string(text, [&](const RdfStatement& s) {
    for (const RdfNode* node : {&s.subject, &s.predicate, &s.object}) {
      if (node->kind == RdfNode::Kind::unresolved) {
        report_unresolved(parser, *node, undefined_prefixes, term_errors);
        return;  // keep reading to find further errors
      }
    }
    if (!s.object.datatype_resolved) {
      RdfNode type;
      type.value = s.object.datatype;
      type.prefixed = true;
      report_unresolved(parser, type, undefined_prefixes, term_errors);
      return;
    }
    TurtleTriple triple;
    triple.subject = to_term(s.subject);
    triple.predicate = s.predicate.value;
    triple.object = to_term(s.object);
    triple.object.datatype = s.object.datatype;
    triple.object.language = s.object.language;
    triple.where = s.where;
    triples.push_back(std::move(triple));
  });
  // Serd's errors and ours, in the order of the file.
  errors.insert(errors.end(), term_errors.begin(), term_errors.end());
  std::stable_sort(errors.begin(), errors.end(), [](const core::Diagnostic& a, const core::Diagnostic& b) {
    return std::pair(a.where.line, a.where.column) < std::pair(b.where.line, b.where.column);
  });
  if (!errors.empty()) {
    const std::string first = core::format(errors.front());
    const std::size_t more = errors.size() - 1;
    for (auto& d : errors) diagnostics.report(std::move(d));
    throw core::Error::reported(
        first + (more ? " (and " + std::to_string(more) + " more)" : std::string()),
        "stopped: '" + file.string() + "' is not valid Turtle (" +
            (more ? std::to_string(more + 1) + " errors" : std::string("1 error")) + " above)");
  }
  return triples;
}

}  // namespace kg::ontology::detail
