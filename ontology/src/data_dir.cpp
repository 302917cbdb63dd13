#include "kg/ontology/data_dir.hpp"

#include <cstdlib>

#ifndef KG_DATA_DIR
#error "KG_DATA_DIR must be defined by the build (ontology/CMakeLists.txt)"
#endif

namespace kg::ontology {

std::filesystem::path default_data_dir() {
  // std::getenv is safe here as long as nobody calls setenv concurrently (see the header).
  if (const char* dir = std::getenv("KG_DATA_DIR"); dir != nullptr && *dir != '\0') {
    return std::filesystem::path(dir);
  }
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
