#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "kg/core/text.hpp"
#include "kg/extract/sentence_splitter.hpp"
#include "kg/ontology/data_dir.hpp"
#include "kg/ontology/word_lists.hpp"

using kg::core::Sentence;
using kg::extract::SentenceSplitter;

namespace {

// Splits `text`, checks the invariants every caller relies on, and returns the sentence texts.
/// The shipped word lists (ontology/lexicon): the splitter's abbreviations.
const kg::ontology::WordLists& words() {
  static const auto lists = kg::ontology::WordLists::load(kg::ontology::default_data_dir() / "lexicon");
  return lists;
}

std::vector<std::string> split(std::string_view text) {
  SentenceSplitter splitter(words());
  const std::vector<Sentence> sentences = splitter.split(text);
  std::vector<std::string> out;
  std::size_t previous_end = 0;
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    const Sentence& s = sentences[i];
    CHECK(s.index == i);
    CHECK(!s.text.empty());
    CHECK(s.byte_begin >= previous_end);
    CHECK(s.text == text.substr(s.byte_begin, s.byte_end - s.byte_begin));
    CHECK(kg::core::trim(s.text) == s.text);
    CHECK(s.chars.begin == kg::core::count_code_points(text.substr(0, s.byte_begin)));
    CHECK(s.chars.end == kg::core::count_code_points(text.substr(0, s.byte_end)));
    previous_end = s.byte_end;
    out.push_back(s.text);
  }
  return out;
}

using Texts = std::vector<std::string>;

}  // namespace

TEST_CASE("plain sentences", "[extract][splitter]") {
  CHECK(split("Putin spoke. Biden listened! Who won?  Nobody.") ==
        Texts{"Putin spoke.", "Biden listened!", "Who won?", "Nobody."});
  CHECK(split("").empty());
  CHECK(split(" \n\t ").empty());
  CHECK(split("No final punctuation") == Texts{"No final punctuation"});
}

TEST_CASE("titles and abbreviations do not end sentences", "[extract][splitter]") {
  CHECK(split("Mr. Smith met Dr. Jones and Gen. Milley. They talked.") ==
        Texts{"Mr. Smith met Dr. Jones and Gen. Milley.", "They talked."});
  CHECK(split("Sen. Warren and Rep. Smith met St. Peter in St. Louis. It rained.") ==
        Texts{"Sen. Warren and Rep. Smith met St. Peter in St. Louis.", "It rained."});
  CHECK(split("See e.g. the report. No. 5 was chosen.") == Texts{"See e.g. the report.", "No. 5 was chosen."});
  CHECK(split("Apple Inc. said it was fine. She works at Apple Inc. The firm agreed.") ==
        Texts{"Apple Inc. said it was fine.", "She works at Apple Inc.", "The firm agreed."});
}

TEST_CASE("months followed by a day", "[extract][splitter]") {
  CHECK(split("On Dec. 7, Biden spoke to Putin. They met in Sept. The talks went on.") ==
        Texts{"On Dec. 7, Biden spoke to Putin.", "They met in Sept.", "The talks went on."});
}

TEST_CASE("acronyms and initials", "[extract][splitter]") {
  CHECK(split("The U.S. President spoke with U.K. officials. J.P. Morgan agreed.") ==
        Texts{"The U.S. President spoke with U.K. officials.", "J.P. Morgan agreed."});
  CHECK(split("John F. Kennedy was president. Washington D.C. It rained.") ==
        Texts{"John F. Kennedy was president.", "Washington D.C.", "It rained."});
  // An acronym ends the sentence when the next word clearly starts one.
  CHECK(split("He flew to the U.S. The president said no.") ==
        Texts{"He flew to the U.S.", "The president said no."});
  CHECK(split("the U.S.-Russia dialogue and the U.S. will do so.") ==
        Texts{"the U.S.-Russia dialogue and the U.S. will do so."});
}

TEST_CASE("a.m. and p.m.", "[extract][splitter]") {
  CHECK(split("They met at 5 p.m. on Tuesday and left at 3 a.m. Officials were tired.") ==
        Texts{"They met at 5 p.m. on Tuesday and left at 3 a.m. Officials were tired."});
  CHECK(split("The call ended at 11 a.m. The White House said so.") ==
        Texts{"The call ended at 11 a.m.", "The White House said so."});
}

TEST_CASE("sentences glued without a space, and glued sub-headings (sample 000)", "[extract][splitter]") {
  // From /work/shared/samples/000_8af6a78b48b1a17d.txt.
  const std::string text =
      R"(Kremlin spokesman Dmitry Peskov urged everyone to "keep a cool head".The conversation revolved around such issues as tensions related to Ukraine and other things.Situation in UkraineIn the conversation, Biden voiced US' 'deep concerns over the buildup of Russian forces near the Ukrainian border, the White House said shortly after the call ended.Particularly, the US President "made clear" to Putin that America would respond.Kremlin said Biden told Putin about possible new sanctions over Ukraine in an acceptable form.NATO ExpansionIn response to Biden's concerns, Putin said that NATO was making dangerous attempts.According to the White House, Biden made no concessions during the call.Other IssuesThe White House said that Biden and Putin discussed a set of other issues.What's Next?The White House earlier announced a press briefing. See sputniknews.com for more.)";
  CHECK(split(text) ==
        Texts{R"(Kremlin spokesman Dmitry Peskov urged everyone to "keep a cool head".)",
              "The conversation revolved around such issues as tensions related to Ukraine and other things.",
              "Situation in Ukraine",
              "In the conversation, Biden voiced US' 'deep concerns over the buildup of Russian forces near "
              "the Ukrainian border, the White House said shortly after the call ended.",
              R"(Particularly, the US President "made clear" to Putin that America would respond.)",
              "Kremlin said Biden told Putin about possible new sanctions over Ukraine in an acceptable form.",
              "NATO Expansion",
              "In response to Biden's concerns, Putin said that NATO was making dangerous attempts.",
              "According to the White House, Biden made no concessions during the call.",
              "Other Issues",
              "The White House said that Biden and Putin discussed a set of other issues.",
              "What's Next?",
              "The White House earlier announced a press briefing.",
              "See sputniknews.com for more."});
}

TEST_CASE("glued periods that are not sentence ends", "[extract][splitter]") {
  CHECK(split("Shares rose 3.5 percent in the U.S.A. on Monday, see www.Example.com today.") ==
        Texts{"Shares rose 3.5 percent in the U.S.A. on Monday, see www.Example.com today."});
  CHECK(split("He joined LinkedIn in 2010. LinkedIn is big.") ==
        Texts{"He joined LinkedIn in 2010.", "LinkedIn is big."});
}

TEST_CASE("offsets count code points", "[extract][splitter]") {
  const std::string text = "Zelenskyy said \xE2\x80\x9Cno\xE2\x80\x9D. Kyiv agreed.";
  SentenceSplitter splitter(words());
  const auto sentences = splitter.split(text);
  REQUIRE(sentences.size() == 2);
  CHECK(sentences[0].text == "Zelenskyy said \xE2\x80\x9Cno\xE2\x80\x9D.");
  CHECK(sentences[0].chars.begin == 0);
  CHECK(sentences[0].chars.end == 20);
  CHECK(sentences[1].text == "Kyiv agreed.");
  CHECK(sentences[1].byte_begin == 25);
  CHECK(sentences[1].chars.begin == 21);
  CHECK(sentences[1].chars.end == 33);
  // An opening quote glued to the next sentence belongs to it.
  CHECK(split("He said no.\xE2\x80\x9CWe will see,\xE2\x80\x9D he added.") ==
        Texts{"He said no.", "\xE2\x80\x9CWe will see,\xE2\x80\x9D he added."});
}

TEST_CASE("newlines: paragraphs, one sentence per line, headings, wrapped lines", "[extract][splitter]") {
  CHECK(split("First paragraph without a stop\n\nSecond paragraph.") ==
        Texts{"First paragraph without a stop", "Second paragraph."});
  CHECK(split("Putin asked Biden for guarantees.\nU.S. President Joe Biden held a call.\n") ==
        Texts{"Putin asked Biden for guarantees.", "U.S. President Joe Biden held a call."});
  CHECK(split("Ukrainian crisis\nPutin stressed that NATO is dangerous.") ==
        Texts{"Ukrainian crisis", "Putin stressed that NATO is dangerous."});
  CHECK(split("This sentence was wrapped by the\nwriter's editor at a fixed width and\nContinues here.") ==
        Texts{"This sentence was wrapped by the\nwriter's editor at a fixed width and\nContinues here."});
  CHECK(split("Talks with Mr.\nSmith went well.") == Texts{"Talks with Mr.\nSmith went well."});
}

TEST_CASE("10 MB without a full stop: fast, bounded sentences", "[extract][splitter]") {
  std::string text;
  text.reserve(10'000'000);
  const std::string_view pieces[] = {"alpha ", "beta ", "Gamma ", "d\xC3\xA9lta ", "epsilon "};
  for (std::size_t i = 0; text.size() < 10'000'000; ++i) text += pieces[i % 5];
  // A stretch with no white space at all, cut on code point boundaries.
  for (int i = 0; i < 3000; ++i) text += "\xC3\xA9";
  text += " end";

  SentenceSplitter splitter(words());
  const auto start = std::chrono::steady_clock::now();
  const auto sentences = splitter.split(text);
  const auto seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(seconds < 10.0);  // about 0.2 s; quadratic behaviour would take hours
  REQUIRE(sentences.size() > 4000);
  std::size_t previous_end = 0;
  std::size_t chars = 0;
  for (const auto& s : sentences) {
    REQUIRE(s.byte_end - s.byte_begin <= SentenceSplitter::max_sentence_bytes);
    REQUIRE(s.byte_begin >= previous_end);
    REQUIRE(!kg::core::find_invalid_utf8(s.text));
    chars += kg::core::count_code_points(text.substr(previous_end, s.byte_begin - previous_end));
    REQUIRE(s.chars.begin == chars);
    chars += kg::core::count_code_points(s.text);
    REQUIRE(s.chars.end == chars);
    previous_end = s.byte_end;
  }
  CHECK(sentences.back().text.substr(sentences.back().text.size() - 3) == "end");
}

TEST_CASE("a splitter is reusable and movable", "[extract][splitter]") {
  SentenceSplitter a(words());
  CHECK(a.split("One. Two.").size() == 2);
  SentenceSplitter b = std::move(a);
  CHECK(b.split("Three. Four. Five.").size() == 3);
}
