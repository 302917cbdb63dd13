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

/// The figures must add up: no stage takes longer than the whole run (`in N s` of the summary),
/// the worker stages together no longer than `threads` times it, and no stage used more CPU than
/// wall time. Each printed figure is rounded to 0.01 s, hence the slack.
void check_stages_fit(const std::string& err, const std::map<std::string, Stage>& stages,
                      unsigned threads) {
  std::smatch m;
  REQUIRE(std::regex_search(err, m, std::regex("kgraph: .* in ([0-9.]+) s \\(")));
  const double total = std::stod(m[1].str());
  REQUIRE(std::regex_search(err, m, std::regex("summed over (\\d+) workers")));
  CHECK(std::stoul(m[1].str()) == threads);
  constexpr double slack = 0.02;
  INFO("total " << total << " s");
  for (const auto& [name, t] : stages) {
    INFO(name << " " << t.wall << "/" << t.cpu);
    CHECK(t.cpu <= t.wall + slack);
  }
  for (const char* name : {"read", "graph", "export"}) {  // one thread each
    INFO(name);
    CHECK(stages.at(name).wall <= total + slack);
  }
  const double workers = stages.at("split").wall + stages.at("parse").wall + stages.at("extract").wall;
  CHECK(workers <= threads * total + 3 * slack);
  // Parsing is most of a worker's time; a stage timer that counted it twice or not at all breaks this.
  CHECK(stages.at("parse").wall <= workers);
  CHECK(stages.at("parse").wall >= 0.3 * workers);
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
  for (const char* name : {"read", "split", "parse", "extract", "graph", "export"})
    REQUIRE(stages.count(name) == 1);
  // Parsing 40 sentences and writing nine formats take measurable time (over 5 ms at %.2f).
  CHECK(stages.at("parse").wall > 0);
  CHECK(stages.at("parse").cpu > 0);
  CHECK(stages.at("export").wall > 0);
  check_stages_fit(err, stages, 2);

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
  // The same counts as build, and the stage figures fit in the run's time.
  CHECK(err.find("kgraph: 2 documents, 40 sentences, ") != std::string::npos);
  check_stages_fit(err, stages, 2);
  const std::string timed = read_file(s.path() / "timed.jsonl");
  CHECK_FALSE(timed.empty());
  CHECK(timed == read_file(s.path() / "plain.jsonl"));
}
