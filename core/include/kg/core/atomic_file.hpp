#pragma once
/// Crash-safe output: write to a temporary file beside the target, flush, then rename over it, so
/// that readers (and a killed run) only ever see the previous complete file or the new one.

#include <filesystem>
#include <functional>
#include <ostream>

namespace kg::core {

/// Calls `write` with a stream to `.<name>.tmp-<pid>` beside `path` (hidden, named for this
/// process), syncs it to disk, then renames it to `path`. On any failure (cannot create, write
/// error such as a full disk, `write` throws) the temporary is removed and core::Error is thrown
/// naming the path; `path` is left untouched. A process killed meanwhile leaves `path` as it was
/// and its temporary behind, which remove_stale_temporaries() clears.
void write_atomically(const std::filesystem::path& path,
                      const std::function<void(std::ostream&)>& write);

/// Removes from `dir` the temporaries of write_atomically() whose process no longer exists (a run
/// that was killed); those of live processes are left. Returns how many were removed. Errors
/// reading the directory are ignored (the run that follows reports what matters).
std::size_t remove_stale_temporaries(const std::filesystem::path& dir);

/// An exclusive lock on an output folder for the life of the object (flock(2) on the folder
/// itself, so nothing is left in it), so that two runs never write one graph at once: `build
/// --into` reads the graph and then rewrites it, and a second run in between would lose the
/// first one's articles. The lock goes with the process, also when it is killed. Throws
/// core::Error naming the folder when another process holds it, or when it cannot be opened.
class DirectoryLock {
 public:
  explicit DirectoryLock(const std::filesystem::path& dir);
  ~DirectoryLock();
  DirectoryLock(const DirectoryLock&) = delete;
  DirectoryLock& operator=(const DirectoryLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace kg::core
