#pragma once
/// Where kgraph finds its data files (vocabulary, relation catalog, gazetteer) at run time.

#include <filesystem>
#include <vector>

namespace kg::ontology {

/// The data folder, first match wins: the environment variable `KG_DATA_DIR` when it is set and
/// not empty; else `../share/kgraph` beside the running executable (an installed kgraph, found
/// through /proc/self/exe) when that folder exists; else the folder compiled in by CMake (the
/// source tree's `ontology/`, for binaries in the build tree). Does not check that the files are
/// there: a missing one makes the loaders throw core::Error naming it.
/// Reads the environment: do not call it while another thread modifies the environment.
std::filesystem::path default_data_dir();

/// `data_dir / "catalog.ttl"`.
std::filesystem::path catalog_file(const std::filesystem::path& data_dir);

/// `data_dir / "kgraph.ttl"`, the vocabulary.
std::filesystem::path vocabulary_file(const std::filesystem::path& data_dir);

/// The gazetteer files shipped in `data_dir`: `gazetteer/countries.ttl`, `gazetteer/actors.ttl`
/// (user files from `--gazetteer` are appended by the caller).
std::vector<std::filesystem::path> shipped_gazetteer_files(const std::filesystem::path& data_dir);

}  // namespace kg::ontology
