#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "kg/core/atomic_file.hpp"
#include "kg/core/diagnostics.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using kg::test::read_file;

TEST_CASE("write_atomically replaces the file only when the write succeeds", "[core][atomic]") {
  const kg::test::TempDir scratch;
  const fs::path& dir = scratch.path();
  const auto target = dir / "graph.ttl";
  kg::core::write_atomically(target, [](std::ostream& out) { out << "first\n"; });
  CHECK(read_file(target) == "first\n");

  CHECK_THROWS_AS(kg::core::write_atomically(target,
                                             [](std::ostream& out) {
                                               out << "half";
                                               throw kg::core::Error("boom");
                                             }),
                  kg::core::Error);
  CHECK(read_file(target) == "first\n");
  std::size_t files = 0;
  for (const auto& e : fs::directory_iterator(dir)) {
    (void)e;
    ++files;
  }
  CHECK(files == 1);  // no temporary left behind
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

TEST_CASE("remove_stale_temporaries clears what dead processes left, not live ones' or outputs",
          "[core][atomic]") {
  const kg::test::TempDir scratch;
  const fs::path& dir = scratch.path();
  auto touch = [&](const std::string& name) { std::ofstream(dir / name) << "partial"; };
  // A pid far above any pid_max in use is no process; ours is alive.
  touch(".graph.ttl.tmp-999999999");
  touch(".graph.graphml.tmp-" + std::to_string(::getpid()));
  touch("graph.ttl");
  touch("notes.tmp-999999999");  // not hidden: not ours to remove
  CHECK(kg::core::remove_stale_temporaries(dir) == 1);
  CHECK_FALSE(fs::exists(dir / ".graph.ttl.tmp-999999999"));
  CHECK(fs::exists(dir / (".graph.graphml.tmp-" + std::to_string(::getpid()))));
  CHECK(fs::exists(dir / "graph.ttl"));
  CHECK(fs::exists(dir / "notes.tmp-999999999"));
  CHECK(kg::core::remove_stale_temporaries(dir / "missing") == 0);
}

TEST_CASE("an output directory is locked by one holder at a time", "[core]") {
  kg::test::TempDir dir;
  {
    const kg::core::DirectoryLock first(dir.path());
    CHECK_THROWS_WITH(kg::core::DirectoryLock(dir.path()), Catch::Contains("another kgraph is writing"));
  }
  CHECK_NOTHROW(kg::core::DirectoryLock(dir.path()));  // released with its holder
  CHECK_THROWS_WITH(kg::core::DirectoryLock(dir.path() / "missing"), Catch::Contains("cannot open output directory"));
  CHECK(std::filesystem::is_empty(dir.path()));  // the lock leaves nothing in the folder
}
