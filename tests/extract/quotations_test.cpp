#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "kg/extract/quotations.hpp"

using namespace kg::core;
using namespace kg::extract;

namespace {

std::vector<std::u32string> quoted(const std::u32string& text) {
  std::vector<std::u32string> out;
  for (const auto& s : find_quotations(text)) out.push_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

}  // namespace

TEST_CASE("quotation marks are paired within a paragraph, marks included", "[extract][quotations]") {
  CHECK(quoted(U"He said \u201CWe will respond\u201D and left.") == std::vector<std::u32string>{U"\u201CWe will respond\u201D"});
  CHECK(quoted(U"\"One,\" she said, \"two.\"") == std::vector<std::u32string>{U"\"One,\"", U"\"two.\""});
  // The New York Times' two apostrophes; an apostrophe inside a word is no mark.
  CHECK(quoted(U"''It's fine,'' Mr. Kamin said.") == std::vector<std::u32string>{U"''It's fine,''"});
  // A second opening mark restarts the quotation.
  CHECK(quoted(U"\u201Cfirst \u201Csecond\u201D") == std::vector<std::u32string>{U"\u201Csecond\u201D"});
}

TEST_CASE("a quotation left open runs to its paragraph's end, a short one is dropped", "[extract][quotations]") {
  CHECK(quoted(U"She said: \u201CThis quotation goes on to the next paragraph\nand here it ends.\u201D") ==
        std::vector<std::u32string>{U"\u201CThis quotation goes on to the next paragraph"});
  CHECK(quoted(U"Scare \u201Cquotes\nnever close").empty());
  CHECK(quoted(U"").empty());
  CHECK(quoted(U"\"").empty());
  CHECK(quoted(U"''").empty());
}
