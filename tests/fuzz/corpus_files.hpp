#pragma once
/// The committed corpus of a fuzz target, for the tests that replay it in the normal build
/// (tests/extract/fuzz_regression_test.cpp, tests/fuzz/rdf_reader_corpus_test.cpp). Header-only;
/// include as "fuzz/corpus_files.hpp"; needs KG_SOURCE_DIR (the test executables define it).

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

namespace kg::fuzz {

/// The files of tests/fuzz/corpus/<target>/ (seeds and kept crashers), in sorted order.
inline std::vector<std::filesystem::path> corpus_files(const std::string& target) {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(fs::path(KG_SOURCE_DIR) / "tests" / "fuzz" / "corpus" / target))
    if (entry.is_regular_file()) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace kg::fuzz
