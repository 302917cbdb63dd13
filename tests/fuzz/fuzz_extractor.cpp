// libFuzzer target: one article of arbitrary bytes through reader, splitter, Link Grammar (small
// limits) and proposition extraction with the text-level attribution passes.
#include <cstddef>
#include <cstdint>
#include <memory>

#include "fuzz_entry.hpp"

namespace {

const kg::extract::Resources& resources() {
  static kg::core::StreamDiagnostics diagnostics(nullptr);
  static const std::unique_ptr<kg::extract::Resources> loaded =
      kg::extract::Resources::load({}, diagnostics);
  return *loaded;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static kg::extract::LinkParser parser(resources().dictionary(), kg::fuzz::fuzz_parse_limits());
  kg::fuzz::extract_document({reinterpret_cast<const char*>(data), size}, resources(), parser);
  return 0;
}
