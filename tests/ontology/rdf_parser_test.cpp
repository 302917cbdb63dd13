// kg::ontology::RdfParser: the Serd layer of kgraph's readers, and its one position mapping.
#include "kg/ontology/rdf_parser.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using kg::ontology::RdfNode;
using kg::ontology::RdfParseOptions;
using kg::ontology::RdfParser;
using kg::ontology::RdfStatement;
using kg::ontology::serd_error_position;

TEST_CASE("Serd's byte columns become code-point columns from 1", "[ontology][rdf_parser][diagnostics]") {
  // Serd counts bytes from 0 after a newline, from 1 on the first line.
  const std::string line = "x \u00e9\u00e9 ,,";  // the second comma: byte 8 (from 0), code point 7
  CHECK(serd_error_position("f.ttl", 2, 8, line).column == 7);
  CHECK(serd_error_position("f.ttl", 1, 9, line).column == 7);
  CHECK(serd_error_position("f.ttl", 2, 0, line).column == 1);
  CHECK(serd_error_position("f.ttl", 2, 99, line).column == 8);  // past the end: after the line
  CHECK(serd_error_position("f.ttl", 2, 8, line).line == 2);
  CHECK(serd_error_position("f.ttl", 2, 8, line).file == "f.ttl");
}

TEST_CASE("the same error is at the same column on the first line and on a later one",
          "[ontology][rdf_parser][diagnostics]") {
  const auto first_error = [](const std::string& text) {
    RdfParser parser("t.ttl", RdfParseOptions{});
    const auto errors = parser.parse_string(text, [](const RdfStatement&) {});
    REQUIRE(!errors.empty());
    return errors.front().where;
  };
  const auto on_line_1 = first_error("<http://a/\u00e9> <http://b> ,, .\n");
  const auto on_line_3 = first_error("\n\n<http://a/\u00e9> <http://b> ,, .\n");
  CHECK(on_line_1.line == 1);
  CHECK(on_line_3.line == 3);
  CHECK(on_line_1.column == on_line_3.column);
  CHECK(on_line_1.column == 25);  // the first comma: `<http://a/é>` 12, ` <http://b> ` 12
}

TEST_CASE("statements arrive with expanded IRIs, and unknown prefixes are left to the caller",
          "[ontology][rdf_parser]") {
  RdfParseOptions options;
  options.positions = true;
  RdfParser parser("t.ttl", options);
  std::vector<RdfStatement> got;
  const auto errors = parser.parse_string(
      "@prefix ex: <http://example.org/> .\n"
      "ex:a ex:b \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n"
      "ex:a nope:c ex:d .\n",
      [&](const RdfStatement& s) { got.push_back(s); });
  CHECK(errors.empty());
  REQUIRE(got.size() == 2);
  CHECK(got[0].subject.value == "http://example.org/a");
  CHECK(got[0].object.is_literal());
  CHECK(got[0].object.datatype == "http://www.w3.org/2001/XMLSchema#integer");
  CHECK(got[0].where.line == 2);
  CHECK(got[1].predicate.kind == RdfNode::Kind::unresolved);
  CHECK(got[1].predicate.prefixed);
  CHECK(got[1].predicate.value == "nope:c");
  CHECK(parser.locate("nope:c").line == 3);
  CHECK(parser.locate("nope:c").column == 6);
}
