// Unit tests of the OpenIE writer (`kgraph extract --lines --format oie`, what CaRB scores): how a
// proposition becomes relation and arguments. Propositions are written by hand as the extractor
// gives them for the sentences quoted.
#include "kg/exporter/proposition_writer.hpp"

#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

using kg::core::Role;
using kg::core::Span;

namespace {

kg::core::Argument arg(Role role, std::string text, Span span, std::string preposition = {}) {
  kg::core::Argument a;
  a.role = role;
  a.text = std::move(text);
  a.span = span;
  a.preposition = std::move(preposition);
  return a;
}

kg::core::Proposition prop(std::string text, std::string lemma, Span predicate, std::vector<kg::core::Argument> args) {
  kg::core::Proposition p;
  p.predicate.text = std::move(text);
  p.predicate.lemma = std::move(lemma);
  p.predicate.span = predicate;
  p.arguments = std::move(args);
  p.confidence = 0.5;
  return p;
}

/// The tab-separated fields after the sentence and the confidence, one line per proposition.
std::vector<std::string> written(const std::string& sentence, std::vector<kg::core::Proposition> props) {
  kg::core::SentenceFacts facts;
  facts.sentence.text = sentence;
  facts.propositions = std::move(props);
  std::ostringstream out;
  kg::exporter::OieWriter writer(out);
  writer.add_sentence(kg::core::Document{}, facts);
  std::vector<std::string> lines;
  std::istringstream in(out.str());
  for (std::string line; std::getline(in, line);) {
    const auto second_tab = line.find('\t', line.find('\t') + 1);
    lines.push_back(line.substr(second_tab + 1));
  }
  return lines;
}

}  // namespace

TEST_CASE("oie: the first preposition after the verb joins the relation when there is no object", "[export][oie]") {
  // CaRB dev: "From 1970 to 1985, Gideon Rodan taught at the University of Connecticut …"
  const std::string s = "Gideon Rodan taught at the University of Connecticut from 1970.";
  const auto lines = written(s, {prop("taught", "teach", {13, 19},
                                      {arg(Role::agent, "Gideon Rodan", {0, 12}),
                                       arg(Role::place, "the University of Connecticut", {23, 52}, "at"),
                                       arg(Role::time, "1970", {58, 62}, "from")})});
  REQUIRE(lines.size() == 1);
  CHECK(lines[0] == "taught at\tGideon Rodan\tthe University of Connecticut\tfrom 1970");
}

TEST_CASE("oie: a preposition before the verb stays with its argument", "[export][oie]") {
  // CaRB dev: "In 2004 it was expected that … what remains exist ." -> not `exist In`.
  const std::string s = "In 2004 the lamps went out.";
  const auto lines = written(s, {prop("went out", "go out", {18, 26},
                                      {arg(Role::agent, "the lamps", {8, 17}),
                                       arg(Role::time, "2004", {3, 7}, "In")})});
  REQUIRE(lines.size() == 1);
  CHECK(lines[0] == "went out\tthe lamps\tIn 2004");
}

TEST_CASE("oie: an implicit is-a fact is written with the tenseless relation be", "[export][oie]") {
  // samples: "Maria Zakharova, the spokeswoman of the Russian Foreign Ministry, …"
  const std::string s = "Maria Zakharova, the spokeswoman, rejected the plan.";
  const Span none{17, 17};  // implicit facts have an empty predicate span
  const auto lines = written(s, {prop("is", "be", none,
                                      {arg(Role::agent, "Maria Zakharova", {0, 15}),
                                       arg(Role::theme, "the spokeswoman", {17, 32})}),
                                 prop("has", "have", none,
                                      {arg(Role::agent, "Maria Zakharova", {0, 15}),
                                       arg(Role::theme, "plan", {47, 51})})});
  REQUIRE(lines.size() == 2);
  CHECK(lines[0] == "be\tMaria Zakharova\tthe spokeswoman");
  CHECK(lines[1] == "has\tMaria Zakharova\tplan");  // only be has a tenseless form CaRB reads
}

TEST_CASE("oie: a copula the sentence spells out keeps its form", "[export][oie]") {
  const std::string s = "The mouse is long.";
  const auto lines = written(s, {prop("is", "be", {10, 12},
                                      {arg(Role::agent, "The mouse", {0, 9}), arg(Role::theme, "long", {13, 17})})});
  REQUIRE(lines.size() == 1);
  CHECK(lines[0] == "is\tThe mouse\tlong");
}

TEST_CASE("oie: unary propositions are not written", "[export][oie]") {
  const std::string s = "Prices rose.";
  CHECK(written(s, {prop("rose", "rise", {7, 11}, {arg(Role::agent, "Prices", {0, 6})})}).empty());
}
