#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <thread>
#include <vector>

#include "kg/extract/link_parser.hpp"

using namespace kg::extract;

namespace {
const LinkDictionary& dictionary() {
  static LinkDictionary dict;  // loaded once for all test cases (~0.2 s)
  return dict;
}

bool has_link(const Linkage& l, const std::string& left, const std::string& type, const std::string& right) {
  return std::any_of(l.links.begin(), l.links.end(), [&](const ParsedLink& k) {
    return l.words[k.left].text == left && l.words[k.right].text == right &&
           k.label.rfind(type, 0) == 0;
  });
}
}  // namespace

TEST_CASE("parses a sample sentence with subject and object links", "[extract][linkgrammar]") {
  LinkParser parser(dictionary());
  const std::string s = "The White House said that Biden voiced deep concerns.";
  const auto linkages = parser.parse(s);
  REQUIRE_FALSE(linkages.empty());
  const auto& l = linkages.front();
  CHECK(l.null_count == 0);
  CHECK(has_link(l, "House", "S", "said"));
  CHECK(has_link(l, "said", "TH", "that"));
  CHECK(has_link(l, "Biden", "S", "voiced"));
  CHECK(has_link(l, "voiced", "O", "concerns"));
}

TEST_CASE("word strings are cleaned and carry byte offsets", "[extract][linkgrammar]") {
  LinkParser parser(dictionary());
  const std::string s = "\"We will respond,\" Zelenskyy said.";
  const auto linkages = parser.parse(s);
  REQUIRE_FALSE(linkages.empty());
  for (const auto& w : linkages.front().words) {
    if (w.wall) continue;
    CHECK(w.text == s.substr(w.byte_begin, w.byte_end - w.byte_begin));
    CHECK(w.text.find('[') == std::string::npos);
  }
  const auto& words = linkages.front().words;
  const auto said = std::find_if(words.begin(), words.end(), [](const ParsedWord& w) { return w.text == "said"; });
  REQUIRE(said != words.end());
  CHECK(said->subscript.front() == 'q');  // quotation verb, `said.q-d`
  const auto name = std::find_if(words.begin(), words.end(), [](const ParsedWord& w) { return w.text == "Zelenskyy"; });
  REQUIRE(name != words.end());
  CHECK(name->guessed);  // not in the 2006-era dictionary
}

TEST_CASE("ungrammatical input falls back to a parse with null links", "[extract][linkgrammar]") {
  LinkParser parser(dictionary());
  const auto linkages = parser.parse("Putin the the asked Biden for guarantees.");
  REQUIRE_FALSE(linkages.empty());
  CHECK(linkages.front().null_count > 0);
}

TEST_CASE("sentences over the word limit are not parsed", "[extract][linkgrammar]") {
  LinkParser parser(dictionary(), ParseLimits{10, 2});
  CHECK(parser.parse("one two three four five six seven eight nine ten eleven twelve thirteen.").empty());
  CHECK_FALSE(parser.parse("Putin met Biden.").empty());
}

TEST_CASE("one dictionary serves parsers on several threads", "[extract][linkgrammar]") {
  // Loaded here, on the main thread, as kgraph does: Link Grammar 5.12 keeps a string per thread
  // that loads a dictionary, which leaks (LeakSanitizer says so) when that thread exits.
  const LinkDictionary& shared = dictionary();
  std::vector<std::size_t> links(2);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < 2; ++t)
    threads.emplace_back([&, t] {
      LinkParser parser(shared);
      for (int i = 0; i < 5; ++i) links[t] = parser.parse("Putin asked Biden for guarantees.").front().links.size();
    });
  for (auto& th : threads) th.join();
  CHECK(links[0] == links[1]);
  CHECK(links[0] > 3);
}

TEST_CASE("a sentence needing more null links than the cap gets no parse", "[extract][linkgrammar]") {
  ParseLimits limits;
  limits.max_null_links = 1;
  LinkParser parser(dictionary(), limits);
  CHECK(parser.parse("Putin the the asked Biden for guarantees.").empty());
  limits.max_null_links = 2;
  LinkParser wider(dictionary(), limits);
  CHECK_FALSE(wider.parse("Putin the the asked Biden for guarantees.").empty());
}

namespace {
/// Every word's text is the sentence's bytes at its offsets.
void check_offsets(const Linkage& l, const std::string& s) {
  for (const auto& w : l.words) {
    if (w.wall) continue;
    REQUIRE(w.byte_end <= s.size());
    CHECK(s.substr(w.byte_begin, w.byte_end - w.byte_begin) == w.text);
  }
}

bool linked_across(const Linkage& l, std::size_t boundary_byte) {
  return std::any_of(l.links.begin(), l.links.end(), [&](const ParsedLink& k) {
    const auto& a = l.words[k.left];
    const auto& b = l.words[k.right];
    return !a.wall && !b.wall && a.byte_begin < boundary_byte && b.byte_begin > boundary_byte;
  });
}
}  // namespace

TEST_CASE("a sentence over the word limit is parsed in halves at a clause boundary", "[extract][linkgrammar]") {
  LinkParser parser(dictionary(), ParseLimits{12, 2});
  const std::string s = "Putin asked Biden for guarantees about the alliance; Biden voiced concerns about the troops.";
  const auto linkages = parser.parse(s);
  REQUIRE_FALSE(linkages.empty());
  const auto& l = linkages.front();
  check_offsets(l, s);
  CHECK(has_link(l, "Putin", "S", "asked"));
  CHECK(has_link(l, "Biden", "S", "voiced"));
  CHECK_FALSE(linked_across(l, s.find(';')));
}

TEST_CASE("a clause break parses the parts apart with offsets into the whole sentence", "[extract][linkgrammar]") {
  LinkParser parser(dictionary());
  const std::string s = "Biden informed Putin that Washington is preparing sanctions, the Kremlin added.";
  const auto comma = s.find(',');
  const auto linkages = parser.parse(s, comma);
  REQUIRE_FALSE(linkages.empty());
  const auto& l = linkages.front();
  check_offsets(l, s);
  CHECK(has_link(l, "Kremlin", "S", "added"));
  CHECK(has_link(l, "is", "P", "preparing"));
  CHECK_FALSE(linked_across(l, comma));
  CHECK(std::any_of(l.words.begin(), l.words.end(), [&](const ParsedWord& w) { return w.byte_begin == comma; }));
}

TEST_CASE("Penn Treebank negations are rejoined for the parser and keep their offsets", "[extract][linkgrammar]") {
  LinkParser parser(dictionary());
  const std::string s = "Infiniti wo n't show profits .";
  const auto linkages = parser.parse(s);
  REQUIRE_FALSE(linkages.empty());
  const auto& l = linkages.front();
  check_offsets(l, s);
  CHECK(l.null_count == 0);
  CHECK(has_link(l, "wo n't", "I", "show"));
}

TEST_CASE("quotation marks around a noun phrase: a reading without them is offered", "[extract][linkgrammar]") {
  LinkParser parser(dictionary());
  const std::string s = "This \"1-in-200 year event\" flooded major intersections and damaged many properties.";
  const auto linkages = parser.parse(s);
  REQUIRE_FALSE(linkages.empty());
  // Some linkage reads the quoted phrase as the subject, with both quotation marks kept as words.
  const auto full = std::find_if(linkages.begin(), linkages.end(), [](const Linkage& l) { return l.null_count == 0; });
  REQUIRE(full != linkages.end());
  check_offsets(*full, s);
  CHECK(std::count_if(full->words.begin(), full->words.end(), [](const ParsedWord& w) { return w.text == "\""; }) == 2);
}
