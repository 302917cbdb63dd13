#include "kg/ontology/data_dir.hpp"

#include <cstdlib>
#include <system_error>

#ifndef KG_DATA_DIR
#error "KG_DATA_DIR must be defined by the build (ontology/CMakeLists.txt)"
#endif
#ifndef KG_DATA_DIR_FROM_BINDIR
#error "KG_DATA_DIR_FROM_BINDIR must be defined by the build (ontology/CMakeLists.txt)"
#endif

namespace kg::ontology {

namespace {

/// The installed data folder beside the running executable (`<prefix>/bin/kgraph` ->
/// `<prefix>/share/kgraph`), or empty when there is none. /proc/self/exe names the binary itself
/// with symbolic links resolved, so a kgraph linked into ~/bin still finds its own prefix, and an
/// install tree that was moved as a whole keeps working. In the build tree (build/cli/kgraph,
/// build/tests/*) there is no such folder, and the source tree's is used instead.
std::filesystem::path installed_data_dir() {
  std::error_code ec;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec || exe.empty()) return {};
  const std::filesystem::path dir = (exe.parent_path() / KG_DATA_DIR_FROM_BINDIR).lexically_normal();
  if (!std::filesystem::is_directory(dir, ec)) return {};
  return dir;
}

}  // namespace

// The lookup order, first match wins (README "Install" says the same):
//   1. the environment variable KG_DATA_DIR, when set and not empty (not checked: a wrong value
//      should fail loudly, naming the file it could not open, rather than fall through);
//   2. <folder of the executable>/../share/kgraph, when that folder exists (an installed kgraph);
//   3. the folder compiled in by CMake, the source tree's ontology/ (a binary in the build tree).
std::filesystem::path default_data_dir() {
  // std::getenv is safe here as long as nobody calls setenv concurrently (see the header).
  if (const char* dir = std::getenv("KG_DATA_DIR"); dir != nullptr && *dir != '\0') {
    return std::filesystem::path(dir);
  }
  if (auto installed = installed_data_dir(); !installed.empty()) return installed;
  return std::filesystem::path(KG_DATA_DIR);
}

std::filesystem::path catalog_file(const std::filesystem::path& data_dir) {
  return data_dir / "catalog.ttl";
}

std::filesystem::path vocabulary_file(const std::filesystem::path& data_dir) {
  return data_dir / "kgraph.ttl";
}

std::vector<std::filesystem::path> shipped_gazetteer_files(const std::filesystem::path& data_dir) {
  return {data_dir / "gazetteer" / "countries.ttl", data_dir / "gazetteer" / "actors.ttl"};
}

}  // namespace kg::ontology
