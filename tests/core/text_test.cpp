#include <catch2/catch.hpp>

#include "kg/core/diagnostics.hpp"
#include "kg/core/iri.hpp"
#include "kg/core/text.hpp"

using namespace kg::core;

TEST_CASE("find_invalid_utf8 locates the first ill-formed byte", "[core][text]") {
  CHECK_FALSE(find_invalid_utf8("plain ASCII").has_value());
  CHECK_FALSE(find_invalid_utf8("Zelenskyy \xE2\x80\x9Cno\xE2\x80\x9D \xF0\x9F\x98\x80").has_value());
  CHECK(find_invalid_utf8("ab\xFF" "cd").value() == 2);
  CHECK(find_invalid_utf8("ab\xC0\xAF").value() == 2);        // overlong '/'
  CHECK(find_invalid_utf8("x\xED\xA0\x80").value() == 1);     // UTF-16 surrogate
  CHECK(find_invalid_utf8("truncated \xE2\x80").value() == 10);
}

TEST_CASE("repair_utf8 replaces ill-formed sequences with U+FFFD", "[core][text]") {
  CHECK(repair_utf8("a\xFFz") == "a\xEF\xBF\xBDz");
  CHECK(repair_utf8("ok \xE2\x80\x9C") == "ok \xE2\x80\x9C");
  CHECK_FALSE(find_invalid_utf8(repair_utf8("\xC3\x28\xA0\xA1\xF0\x28\x8C\xBC")).has_value());
}

TEST_CASE("code points and line/column positions", "[core][text]") {
  CHECK(count_code_points("Kyiv \xE2\x80\x94 \xF0\x9F\x98\x80") == 8);
  const std::string text = "first line\nsecond \xC3\xA9 line\n";
  const auto lc = line_column(text, text.find("line\n", 12));
  CHECK(lc.line == 2);
  CHECK(lc.column == 10);  // "second é " is 9 code points
}

TEST_CASE("printable_excerpt shows control characters and cuts long text", "[core][text]") {
  CHECK(printable_excerpt("a\tb\nc\x01", 10) == "a\\tb\\nc\\x01");
  CHECK(printable_excerpt("abcdef", 3) == "abc\u2026");
}

TEST_CASE("trim removes ASCII and Unicode white space", "[core][text]") {
  CHECK(trim("  x y \t\n") == "x y");
  CHECK(trim("\xC2\xA0" "x\xE2\x80\x89") == "x");
  CHECK(trim("   ").empty());
}

TEST_CASE("mint_local_name is deterministic and IRI-safe", "[core][iri]") {
  CHECK(mint_local_name("Vladimir Putin") == "Vladimir_Putin");
  CHECK(mint_local_name("  Vladimir \n Putin ") == "Vladimir_Putin");
  CHECK(mint_local_name("U.S.") == "U.S%2E");
  CHECK(mint_local_name("O'Brien <b>&\"") == "O%27Brien_%3Cb%3E%26%22");
  CHECK(mint_local_name("Zelenskyy\xE2\x80\x99s") == "Zelenskyy%E2%80%99s");
  CHECK(mint_local_name("") == "_");
  const std::string long_a(300, 'a');
  const std::string long_b = long_a + "b";
  CHECK(mint_local_name(long_a).size() < 120);
  CHECK(mint_local_name(long_a) != mint_local_name(long_b));
  CHECK(mint_local_name(long_a) == mint_local_name(long_a));
  // A cut never splits a multi-byte character's percent-encoding.
  const std::string with_emoji = std::string(85, 'a') + "\xF0\x9F\x98\x80\xF0\x9F\x98\x80" + long_a;
  const std::string cut = mint_local_name(with_emoji);
  const auto dash = cut.rfind('-');
  REQUIRE(dash != std::string::npos);
  const std::string kept = cut.substr(0, dash);
  CHECK((kept.ends_with("%80") || kept.ends_with("a")));
  CHECK(kept.size() <= 96);
}

TEST_CASE("sanitize_iri percent-encodes what IRIREF forbids", "[core][iri]") {
  CHECK(sanitize_iri("https://example.org/a b<c>") == "https://example.org/a%20b%3Cc%3E");
  CHECK(sanitize_iri("https://ex.org/\xE2\x80\x94") == "https://ex.org/\xE2\x80\x94");
  CHECK(sanitize_iri("https://ex.org/\xFF") == "https://ex.org/\xEF\xBF\xBD");
}

TEST_CASE("diagnostics render as file:line:col: severity: message - token", "[core][diagnostics]") {
  Diagnostic d{Severity::error, {"in.jsonl", 3, 17}, "invalid JSON", "{\"text\": \x01"};
  CHECK(format(d) == "in.jsonl:3:17: error: invalid JSON \u2014 '{\"text\": \\x01'");
  // A named position: nested braces here make GCC 12 -O3 report a false -Wmaybe-uninitialized.
  const SourcePosition nowhere{"nope.txt", 0, 0};
  const Diagnostic missing{Severity::error, nowhere, "cannot open file", ""};
  CHECK(format(missing) == "nope.txt: error: cannot open file");
}

TEST_CASE("StreamDiagnostics counts and, when strict, stops at the first error", "[core][diagnostics]") {
  StreamDiagnostics lenient(nullptr);
  lenient.report({Severity::warning, {"a", 1, 1}, "w", ""});
  lenient.report({Severity::error, {"a", 2, 1}, "e", ""});
  CHECK(lenient.errors() == 1);
  CHECK(lenient.warnings() == 1);
  CHECK(lenient.kept().size() == 2);
  StreamDiagnostics strict(nullptr, true);
  CHECK_NOTHROW(strict.report({Severity::warning, {"a", 1, 1}, "w", ""}));
  CHECK_THROWS_AS(strict.report({Severity::error, {"a", 2, 1}, "e", ""}), Error);
}

TEST_CASE("decode_utf8 gives one code point per character, and encode_utf8 reverses it", "[core][text]") {
  const std::string text = "Zelenskyy \xE2\x80\x9C" "no\xE2\x80\x9D \xF0\x9F\x98\x80 \xD8\xB3";
  const std::u32string points = decode_utf8(text);
  CHECK(points.size() == count_code_points(text));
  CHECK(points[10] == U'\u201C');
  CHECK(points[15] == U'\U0001F600');
  CHECK(encode_utf8(points) == text);
  CHECK(decode_utf8("a\xFF" "b") == U"a\uFFFDb");  // ill-formed bytes read as U+FFFD
  CHECK(encode_utf8(U"\xD800") == "\xEF\xBF\xBD");  // a lone surrogate cannot be written
}

TEST_CASE("one_of looks a word up in a fixed word list", "[core][text]") {
  static constexpr std::array<std::string_view, 3> kModals = {"may", "might", "must"};
  CHECK(one_of("might", kModals));
  CHECK_FALSE(one_of("Might", kModals));
  CHECK_FALSE(one_of("", kModals));
}
