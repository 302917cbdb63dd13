#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include "kg/core/atomic_file.hpp"
#include "kg/core/diagnostics.hpp"

namespace fs = std::filesystem;

namespace {
fs::path scratch_dir(const std::string& name) {
  auto dir = fs::temp_directory_path() / ("kg-core-test-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}
std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
}  // namespace

TEST_CASE("write_atomically replaces the file only when the write succeeds", "[core][atomic]") {
  const auto dir = scratch_dir("atomic");
  const auto target = dir / "graph.ttl";
  kg::core::write_atomically(target, [](std::ostream& out) { out << "first\n"; });
  CHECK(slurp(target) == "first\n");

  CHECK_THROWS_AS(kg::core::write_atomically(target,
                                             [](std::ostream& out) {
                                               out << "half";
                                               throw kg::core::Error("boom");
                                             }),
                  kg::core::Error);
  CHECK(slurp(target) == "first\n");
  std::size_t files = 0;
  for (const auto& e : fs::directory_iterator(dir)) {
    (void)e;
    ++files;
  }
  CHECK(files == 1);  // no temporary left behind
  fs::remove_all(dir);
}

TEST_CASE("write_atomically names the path when the directory is missing", "[core][atomic]") {
  try {
    kg::core::write_atomically("/nonexistent-kg-dir/graph.ttl", [](std::ostream& out) { out << "x"; });
    FAIL("expected an error");
  } catch (const kg::core::Error& e) {
    CHECK(std::string(e.what()).find("/nonexistent-kg-dir/graph.ttl") != std::string::npos);
    CHECK(e.exit_code() == 2);
  }
}

TEST_CASE("write_atomically reports a location where nothing can be created", "[core][atomic]") {
  // Even root cannot create files in /proc, so this fails the same way for every user.
  try {
    kg::core::write_atomically("/proc/kg-cannot-write-here", [](std::ostream& out) { out << "x"; });
    FAIL("expected an error");
  } catch (const kg::core::Error& e) {
    CHECK(std::string(e.what()).find("cannot create") != std::string::npos);
  }
}
