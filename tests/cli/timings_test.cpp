// `--timings` (issue 6): the time per stage is filled in, and asking for it changes no output.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <regex>
#include <string>

#include "support/run_kgraph.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using kg::test::read_file;
using kg::test::TempDir;

namespace {

/// Runs kgraph with `args`, standard output to `out`, standard error returned.
std::string run_kgraph(const TempDir& scratch, const std::string& args, const fs::path& out,
                       int& exit_code) {
  const auto err = scratch.path() / "stderr.txt";
  const std::string cmd = std::string(KG_BINARY) + " " + args + " > '" + out.string() + "' 2> '" +
                          err.string() + "' < /dev/null";
  const int status = std::system(cmd.c_str());
  exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
  return read_file(err);
}

using kg::test::files_of;

struct Stage {
  double wall = -1;
  double cpu = -1;
};

/// The stages of the `kgraph: stage seconds …` line of `err` (empty when there is none).
std::map<std::string, Stage> stage_times(const std::string& err) {
  std::map<std::string, Stage> stages;
  std::smatch line;
  if (!std::regex_search(err, line, std::regex("kgraph: stage seconds \\(wall/CPU, summed over (\\d+) "
                                               "workers\\): ([^\\n]*)")))
    return stages;
  const std::string list = line[2].str();
  const std::regex item("(\\w+) ([0-9.]+)/([0-9.]+)");
  for (auto it = std::sregex_iterator(list.begin(), list.end(), item); it != std::sregex_iterator(); ++it)
    stages[(*it)[1].str()] = Stage{std::stod((*it)[2].str()), std::stod((*it)[3].str())};
  return stages;
}

}  // namespace

TEST_CASE("build --timings prints every stage's time and writes the same files as without it",
          "[cli][timings]") {
  TempDir s;
  const std::string samples = "'" KG_SOURCE_DIR "/samples'";
  const std::string formats = " --formats ttl,nt,nq,trig,graphml,gexf,jsonld,dot,csv";
  const auto timed = s.path() / "timed";
  const auto plain = s.path() / "plain";
  int code = -1;
  const std::string err = run_kgraph(
      s, "build " + samples + " -o '" + timed.string() + "' -j2 --timings" + formats,
      s.path() / "stdout.txt", code);
  REQUIRE(code == 0);
  const std::string plain_err =
      run_kgraph(s, "build " + samples + " -o '" + plain.string() + "' -j2" + formats,
                 s.path() / "stdout.txt", code);
  REQUIRE(code == 0);

  // The summary is there either way; the stage line only with --timings.
  CHECK(err.find("kgraph: 2 documents, 40 sentences") != std::string::npos);
  CHECK(plain_err.find("stage seconds") == std::string::npos);

  const auto stages = stage_times(err);
  INFO(err);
  REQUIRE(stages.size() == 6);
  for (const char* name : {"read", "split", "parse", "extract", "graph", "export"}) {
    INFO(name);
    REQUIRE(stages.count(name) == 1);
    CHECK(stages.at(name).wall >= 0);
    CHECK(stages.at(name).cpu >= 0);
  }
  // Parsing 40 sentences and writing nine formats take measurable time (over 5 ms at %.2f).
  CHECK(stages.at("parse").wall > 0);
  CHECK(stages.at("parse").cpu > 0);
  CHECK(stages.at("export").wall > 0);

  const auto timed_files = files_of(timed);
  const auto plain_files = files_of(plain);
  CHECK(timed_files.size() == 10);  // nodes.csv and edges.csv for csv
  REQUIRE(timed_files.size() == plain_files.size());
  for (const auto& [name, bytes] : timed_files) {
    INFO(name);
    REQUIRE(plain_files.count(name) == 1);
    CHECK(bytes == plain_files.at(name));
  }
}

TEST_CASE("extract --timings prints the stage times and streams the same propositions",
          "[cli][timings]") {
  TempDir s;
  const std::string samples = "'" KG_SOURCE_DIR "/samples'";
  int code = -1;
  const std::string err =
      run_kgraph(s, "extract " + samples + " --format jsonl -j2 --timings", s.path() / "timed.jsonl", code);
  REQUIRE(code == 0);
  run_kgraph(s, "extract " + samples + " --format jsonl -j1", s.path() / "plain.jsonl", code);
  REQUIRE(code == 0);
  const auto stages = stage_times(err);
  INFO(err);
  REQUIRE(stages.size() == 6);
  CHECK(stages.at("parse").cpu > 0);
  CHECK(stages.at("export").wall == 0);  // extract writes no files
  const std::string timed = read_file(s.path() / "timed.jsonl");
  CHECK_FALSE(timed.empty());
  CHECK(timed == read_file(s.path() / "plain.jsonl"));
}
