#include "kg/core/atomic_file.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <string_view>

#include "kg/core/diagnostics.hpp"

namespace kg::core {

namespace {

constexpr std::string_view kTemporaryMark = ".tmp-";

/// `.<name>.tmp-<pid>` beside `path`: hidden, and named for the process that writes it.
std::filesystem::path temporary_for(const std::filesystem::path& path) {
  std::string name = ".";  // appended, not `"." + …`: GCC 12 warns (-Wrestrict) on that chain
  name.append(path.filename().string()).append(kTemporaryMark).append(std::to_string(::getpid()));
  return path.parent_path() / name;
}

/// Makes the file's data durable before it is renamed into place (a crash of the machine, not
/// only of kgraph, then leaves the old file or the new one).
void sync_file(const std::filesystem::path& file) {
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

void write_atomically(const std::filesystem::path& path,
                      const std::function<void(std::ostream&)>& write) {
  const std::filesystem::path tmp = temporary_for(path);
  try {
    {
      std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
      if (!out)
        throw Error("cannot create '" + path.string() + "' (via '" + tmp.filename().string() + "'): " + std::strerror(errno));
      write(out);
      out.flush();
      if (!out) throw Error("cannot write '" + path.string() + "': " + std::strerror(errno));
      out.close();
      if (out.fail()) throw Error("cannot write '" + path.string() + "': " + std::strerror(errno));
    }
    sync_file(tmp);
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) throw Error("cannot rename '" + tmp.string() + "' to '" + path.string() + "': " + ec.message());
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove(tmp, ignored);
    throw;
  }
}

std::size_t remove_stale_temporaries(const std::filesystem::path& dir) {
  std::size_t removed = 0;
  std::error_code ec;
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    const auto mark = name.rfind(kTemporaryMark);
    if (name.empty() || name[0] != '.' || mark == std::string::npos) continue;
    const std::string digits = name.substr(mark + kTemporaryMark.size());
    if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos || digits.size() > 9) continue;
    const auto pid = static_cast<pid_t>(std::stol(digits));
    // A live process may be writing it (another kgraph on the same directory): leave it alone.
    if (pid == ::getpid() || ::kill(pid, 0) == 0 || errno != ESRCH) continue;
    std::error_code ignored;
    if (std::filesystem::remove(it->path(), ignored)) ++removed;
  }
  return removed;
}

DirectoryLock::DirectoryLock(const std::filesystem::path& dir) {
  // Messages built by appending: GCC 12 warns (-Wrestrict) on some `"…" + std::string` chains.
  const auto message = [&](const char* what, const char* detail) {
    std::string text = what;
    text.append(" '").append(dir.string()).append("'");
    if (detail) text.append(": ").append(detail);
    return text;
  };
  fd_ = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd_ < 0) throw Error(message("cannot open output directory", std::strerror(errno)));
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    const int error = errno;
    ::close(fd_);
    fd_ = -1;
    if (error == EWOULDBLOCK)
      throw Error(message("another kgraph is writing", nullptr) + "; wait for it to finish");
    throw Error(message("cannot lock output directory", std::strerror(error)));
  }
}

DirectoryLock::~DirectoryLock() {
  if (fd_ >= 0) ::close(fd_);  // closing releases the lock
}

}  // namespace kg::core
