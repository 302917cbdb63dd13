// libFuzzer target: the RDF reader of incremental builds and merges (exporter::read_rdf) on
// arbitrary text, in each of the four syntaxes, and the graph it reads written and read back.
#include <cstddef>
#include <cstdint>

#include "fuzz_rdf_entry.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  kg::fuzz::read_rdf({reinterpret_cast<const char*>(data), size});
  return 0;
}
