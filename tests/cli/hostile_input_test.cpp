// Hostile input and crash safety, end to end (issue 7): dirty articles are reported or read and the
// others processed, every output still parses in an independent reader, a run killed with SIGKILL
// leaves the previous complete outputs, and a full disk is a clear error.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using kg::test::read_file;
using kg::test::TempDir;

namespace {

int shell(const std::string& cmd) {
  const int status = std::system(cmd.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

std::string quoted(const fs::path& p) { return kg::test::shell_quote(p); }

/// Whether every output of `dir` parses: Turtle in serdi, GraphML as XML and JSON-LD as JSON in
/// Python's standard library (readers that share no code with kgraph).
bool outputs_parse(const fs::path& dir) {
  bool ok = true;
  if (fs::exists(dir / "graph.ttl"))
    ok = ok && shell("serdi -i turtle -o ntriples " + quoted(dir / "graph.ttl") + " > /dev/null 2>&1") == 0;
  if (fs::exists(dir / "graph.graphml"))
    ok = ok && shell("python3 -c 'import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])' " +
                     quoted(dir / "graph.graphml") + " 2>/dev/null") == 0;
  if (fs::exists(dir / "graph.jsonld"))
    ok = ok && shell("python3 -c 'import sys, json; json.load(open(sys.argv[1]))' " + quoted(dir / "graph.jsonld") +
                     " 2>/dev/null") == 0;
  return ok;
}

void write(const fs::path& p, const std::string& bytes) { std::ofstream(p, std::ios::binary) << bytes; }

}  // namespace

TEST_CASE("hostile articles: the bad ones are reported, the others read, every output parses", "[cli][hostile]") {
  TempDir s;
  const auto in = s.path() / "in";
  fs::create_directories(in);
  write(in / "good.txt", "Putin said that NATO was expanding toward Russia.\n");
  write(in / "markup.txt",
        "<html><body><p>Biden said that <b>sanctions</b> would follow &amp; more.</p>"
        "<script>var x = \"<\";</script></body></html>\n");
  std::string quotes;
  for (int i = 0; i < 200; ++i) quotes += "\"\xE2\x80\x9C He said \xE2\x80\x9C\"she said ''they said ";
  write(in / "quotes.txt", quotes + "\n");
  std::string words;
  for (int i = 0; i < 1000; ++i) words += "word" + std::to_string(i) + (i % 7 == 6 ? ", " : " ");
  write(in / "long_sentence.txt", words + "end.\n");
  write(in / "empty.txt", "");
  write(in / "nul.txt", std::string("The minister said\0 that talks\0 failed.\n", 39));
  std::string binary(4096, '\0');
  std::mt19937 random(7);
  for (auto& c : binary) c = static_cast<char>(random() & 0xFF);
  write(in / "binary.txt", binary);
  write(in / "latin1.txt", "Caf\xE9 owners said prices rose.\n");
  const auto out = s.path() / "out";
  const auto err = s.path() / "err.txt";
  const int code = shell(std::string(KG_BINARY) + " build -q -j2 -o " + quoted(out) + " " + quoted(in) + " 2> " +
                         quoted(err));
  const std::string diagnostics = read_file(err);
  INFO(diagnostics);
  CHECK(code == 1);  // some input was skipped
  CHECK(diagnostics.find("binary.txt") != std::string::npos);
  CHECK(diagnostics.find("latin1.txt:1:4") != std::string::npos);  // invalid UTF-8 at line 1, column 4
  CHECK(outputs_parse(out));
  const std::string turtle = read_file(out / "graph.ttl");
  CHECK(turtle.find("Vladimir_Putin") != std::string::npos);  // the good article was read
  // (Markup is read as text: tags are not stripped from .txt articles, so `markup.txt` only has to
  // leave every output parseable.)
}

TEST_CASE("a 10 MB line without a full stop is read without stalling", "[cli][hostile]") {
  TempDir s;
  const auto in = s.path() / "in";
  fs::create_directories(in);
  std::string line;
  line.reserve(10'500'000);
  const char* words[] = {"the", "minister", "said", "talks", "would", "continue", "with", "Russia", "and", "Ukraine"};
  std::mt19937 random(11);
  while (line.size() < 10'000'000) line += std::string(words[random() % 10]) + " ";
  write(in / "huge.txt", line + "\n");
  write(in / "good.txt", "Putin said that NATO was expanding toward Russia.\n");
  const auto out = s.path() / "out";
  const auto started = std::chrono::steady_clock::now();
  const int code = shell(std::string(KG_BINARY) + " build -q -j2 -o " + quoted(out) + " " + quoted(in) + " 2>/dev/null");
  const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  CHECK(code == 0);
  INFO("seconds: " << seconds);
  CHECK(seconds < 600);  // a stall guard, not a speed test: the run takes about 20 s on 2 cores
  CHECK(outputs_parse(out));
  CHECK(read_file(out / "graph.ttl").find("Vladimir_Putin") != std::string::npos);
}

TEST_CASE("a build killed with SIGKILL leaves the previous complete outputs", "[cli][hostile]") {
  TempDir s;
  const auto out = s.path() / "out";
  const std::string samples = std::string(KG_SOURCE_DIR) + "/samples";
  REQUIRE(shell(std::string(KG_BINARY) + " build -q -o " + quoted(out) + " '" + samples + "'") == 0);
  const std::string before = read_file(out / "graph.ttl");
  // A larger input, so that kills land in reading, parsing and writing alike.
  const auto in = s.path() / "in";
  fs::create_directories(in);
  for (int copy = 0; copy < 3; ++copy)
    for (const auto& f : fs::directory_iterator(samples))
      if (f.path().extension() == ".txt")
        fs::copy_file(f.path(), in / (std::to_string(copy) + "-" + f.path().filename().string()));
  const std::string build = std::string(KG_BINARY) + " build -q -j2 -o " + quoted(out) + " " + quoted(in);
  const auto started = std::chrono::steady_clock::now();
  REQUIRE(shell(build) == 0);
  const double full = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  const std::string after = read_file(out / "graph.ttl");
  REQUIRE(after != before);
  for (double fraction : {0.2, 0.5, 0.8, 0.9, 0.95, 0.98, 1.0, 1.02}) {
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
      ::execl("/bin/sh", "sh", "-c", ("exec " + build + " 2>/dev/null").c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    std::this_thread::sleep_for(std::chrono::duration<double>(full * fraction));
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    INFO("killed at " << fraction << " of " << full << " s");
    // Every output is whole: the previous run's or this one's, never a truncated file.
    for (const char* name : {"graph.ttl", "graph.graphml", "graph.jsonld"}) CHECK(fs::exists(out / name));
    CHECK(outputs_parse(out));
    const std::string turtle = read_file(out / "graph.ttl");
    CHECK((turtle == before || turtle == after));
  }
  // The next run clears what the killed ones left half-written.
  REQUIRE(shell(build) == 0);
  for (const auto& f : fs::directory_iterator(out)) CHECK(f.path().filename().string().find(".tmp-") == std::string::npos);
  CHECK(read_file(out / "graph.ttl") == after);
}

TEST_CASE("a full disk is a clear error with a non-zero exit", "[cli][hostile]") {
  TempDir s;
  const auto err = s.path() / "err.txt";
  const std::string samples = std::string(KG_SOURCE_DIR) + "/samples";
  for (const std::string format : {"oie", "jsonl", "attributions", "mentions"}) {
    const int code = shell(std::string(KG_BINARY) + " extract -q -f " + format + " '" + samples + "' > /dev/full 2> " +
                           quoted(err));
    CHECK(code == 2);
    CHECK(read_file(err).find("cannot write") != std::string::npos);
  }
}

TEST_CASE("extract --format mentions on hostile articles: errors name file:line:column, every line is a whole mention",
          "[cli][hostile][mentions]") {
  TempDir s;
  const auto in = s.path() / "in";
  fs::create_directories(in);
  write(in / "good.txt", "Vladimir Putin met Joe Biden in Geneva. He said the talks went well.\n");
  write(in / "empty.txt", "");
  write(in / "latin1.txt", "Caf\xE9 owner Maria Lopez said prices rose.\n");
  std::string line;  // a 1 MB line of names and pronouns, no full stop
  while (line.size() < 1'000'000) line += "Angela Merkel told her Mr. Smith and he ";
  write(in / "long_line.txt", line + "\n");
  const auto out = s.path() / "mentions.jsonl";
  const auto err = s.path() / "err.txt";
  const int code = shell(std::string(KG_BINARY) + " extract -q -j2 -f mentions " + quoted(in) + " > " + quoted(out) +
                         " 2> " + quoted(err));
  const std::string diagnostics = read_file(err);
  INFO(diagnostics);
  CHECK(code == 1);  // some input was skipped
  CHECK(diagnostics.find("latin1.txt:1:4") != std::string::npos);
  // Every line is one object with exactly the seven fields, its text the article's code points
  // [start, end) (the repaired text for latin1.txt: one U+FFFD a bad byte, as Python replaces),
  // its type and kind from their sets (checked by a reader that shares no code).
  const std::string check =
      "import json, sys\n"
      "d = sys.argv[2]\n"
      "types = {'Person','Organization','Country','Location','Group','Concept'}\n"
      "n = 0\n"
      "for line in open(sys.argv[1], encoding='utf-8'):\n"
      "    m = json.loads(line)\n"
      "    assert sorted(m) == ['doc','end','entity','kind','start','text','type'], m\n"
      "    text = open(d + '/' + m['doc'] + '.txt', encoding='utf-8', errors='replace').read()\n"
      "    assert 0 <= m['start'] < m['end'] and text[m['start']:m['end']] == m['text'], m\n"
      "    assert m['type'] in types and m['kind'] in ('name','nominal','pronoun'), m\n"
      "    assert m['entity'] is None or m['entity'].startswith('https://'), m\n"
      "    n += 1\n"
      "assert n > 0\n";
  write(s.path() / "check.py", check);
  CHECK(shell("python3 " + quoted(s.path() / "check.py") + " " + quoted(out) + " " + quoted(in)) == 0);
  const std::string mentions = read_file(out);
  CHECK(mentions.find("\"text\":\"Vladimir Putin\"") != std::string::npos);
  CHECK(mentions.find("\"doc\":\"long_line\"") != std::string::npos);
  CHECK(mentions.find("\"doc\":\"empty\"") == std::string::npos);
  // --lines has no document offsets: refused, nothing written.
  const int lines = shell(std::string(KG_BINARY) + " extract -q --lines -f mentions " + quoted(in / "good.txt") + " > " +
                          quoted(out) + " 2> " + quoted(err));
  CHECK(lines == 2);
  CHECK(read_file(err).find("--format mentions") != std::string::npos);
  CHECK(read_file(out).empty());
}
