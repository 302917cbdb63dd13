#pragma once
/// Test support for the CLI tests: running the kgraph executable (KG_BINARY) and shell commands,
/// and reading a whole output folder. Header-only; include as "support/run_kgraph.hpp".

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>

#include "support/temp_dir.hpp"

namespace kg::test {

/// What a run printed and how it ended.
struct Run {
  int exit_code = -1;
  std::string out;
  std::string err;
};

/// Runs a shell command line; its exit code, or 128 + the signal that ended it.
inline int shell(const std::string& cmd) {
  const int status = std::system(cmd.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/// Runs `kgraph ARGS` (a shell command line), capturing stdout and stderr into files of `scratch`.
inline Run run_kgraph(const TempDir& scratch, const std::string& args) {
  const auto out = scratch.path() / "stdout.txt";
  const auto err = scratch.path() / "stderr.txt";
  Run r;
  r.exit_code = shell(std::string(KG_BINARY) + " " + args + " > '" + out.string() + "' 2> '" +
                      err.string() + "' < /dev/null");
  r.out = read_file(out);
  r.err = read_file(err);
  return r;
}

/// Every file of `dir` (names relative to it) with its bytes.
inline std::map<std::string, std::string> files_of(const std::filesystem::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir))
    if (entry.is_regular_file())
      files[std::filesystem::relative(entry.path(), dir).string()] = read_file(entry.path());
  return files;
}

}  // namespace kg::test
