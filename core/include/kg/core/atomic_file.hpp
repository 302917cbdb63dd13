#pragma once
/// Crash-safe output: write to a temporary file beside the target, flush, then rename over it, so
/// that readers (and a killed run) only ever see the previous complete file or the new one.

#include <filesystem>
#include <functional>
#include <ostream>

namespace kg::core {

/// Calls `write` with a stream to `<path>.tmp-<pid>`, then renames it to `path`. On any failure
/// (cannot create, write error such as a full disk, `write` throws) the temporary is removed and
/// core::Error is thrown naming the path; `path` is left untouched.
void write_atomically(const std::filesystem::path& path,
                      const std::function<void(std::ostream&)>& write);

}  // namespace kg::core
