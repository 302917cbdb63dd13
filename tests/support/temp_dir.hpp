#pragma once
/// Test support shared by the tests of every module: scratch folders and whole-file reads.
/// Header-only; include as "support/temp_dir.hpp".

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>

namespace kg::test {

/// A fresh, empty folder under the system temporary directory, removed with everything in it
/// when the object goes out of scope. Names are unique per process and object
/// (`kg-test-<pid>-<n>`), so tests running in parallel processes never share one.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("kg-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(path_);  // left over by an earlier process with the same pid
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  /// The folder itself.
  const std::filesystem::path& path() const noexcept { return path_; }

  /// Writes `text` (bytes as given) to `name`, a path relative to the folder, creating the
  /// folders it needs; returns the file's full path.
  std::filesystem::path write(const std::filesystem::path& name, std::string_view text) const {
    const std::filesystem::path file = path_ / name;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
    return file;
  }

 private:
  std::filesystem::path path_;
};

/// `path` in single quotes for a shell command line (test paths hold no quote). Appended piece by
/// piece: GCC 12 reports a false -Wrestrict on `"'" + p.string() + "'"`.
inline std::string shell_quote(const std::filesystem::path& path) {
  std::string out;
  out.reserve(path.native().size() + 2);
  out += '\'';
  out += path.string();
  out += '\'';
  return out;
}

/// The whole content of `file`, bytes as stored; empty when it cannot be read.
inline std::string read_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace kg::test
