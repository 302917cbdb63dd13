// libFuzzer target: the sentence splitter on arbitrary bytes, as given and repaired to UTF-8.
#include <cstddef>
#include <cstdint>

#include "fuzz_entry.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  kg::fuzz::split_sentences({reinterpret_cast<const char*>(data), size});
  return 0;
}
