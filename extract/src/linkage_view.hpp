#pragma once
// Private: an adjacency view of a Link Grammar linkage with helpers to read link types.
// Link labels are an upper-case type followed by lower-case subscripts (`Ss*s` is type `S`,
// `SIs` is type `SI`, `MVp` is type `MV`); idiom links start with `_`.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "kg/extract/link_parser.hpp"

namespace kg::extract::detail {

/// Upper-case type of a link label (`MVp` -> `MV`; `_IEI` -> `_IEI`).
std::string_view link_type(std::string_view label);
/// First subscript character after the type, or '\0'.
char link_subscript(std::string_view label);

struct Neighbour {
  std::size_t word;
  std::string_view label;
  bool to_right;  // the neighbour lies to the right of the word
};

class LinkageView {
 public:
  explicit LinkageView(const Linkage& linkage);
  const Linkage& linkage() const { return *linkage_; }
  std::size_t size() const { return linkage_->words.size(); }
  const ParsedWord& word(std::size_t i) const { return linkage_->words[i]; }
  const std::vector<Neighbour>& neighbours(std::size_t i) const { return adjacency_[i]; }
  /// Neighbours of `i` on the given side whose link type is `type`.
  std::vector<std::size_t> linked(std::size_t i, std::string_view type, bool to_right) const;
  /// First such neighbour or npos.
  std::size_t first_linked(std::size_t i, std::string_view type, bool to_right) const;
  bool has_link(std::size_t i, std::string_view type, bool to_right) const {
    return first_linked(i, type, to_right) != npos;
  }
  /// Lower-case word text.
  std::string lower(std::size_t i) const;
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

 private:
  const Linkage* linkage_;
  std::vector<std::vector<Neighbour>> adjacency_;
};

}  // namespace kg::extract::detail
