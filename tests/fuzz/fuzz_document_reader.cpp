// libFuzzer target: the document readers (text articles, JSON Lines, lines mode) on arbitrary bytes.
#include <cstddef>
#include <cstdint>

#include "fuzz_entry.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const kg::test::TempDir scratch;
  kg::fuzz::read_documents({reinterpret_cast<const char*>(data), size}, scratch);
  return 0;
}
