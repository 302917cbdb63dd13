#include "linkage_view.hpp"

#include "kg/core/text.hpp"

namespace kg::extract::detail {

std::string_view link_type(std::string_view label) {
  std::size_t n = 0;
  if (n < label.size() && label[n] == '_') ++n;
  while (n < label.size() && label[n] >= 'A' && label[n] <= 'Z') ++n;
  return label.substr(0, n);
}

char link_subscript(std::string_view label) {
  const auto type = link_type(label);
  return type.size() < label.size() ? label[type.size()] : '\0';
}

LinkageView::LinkageView(const Linkage& linkage)
    : linkage_(&linkage), adjacency_(linkage.words.size()) {
  for (const auto& link : linkage.links) {
    if (link.left >= adjacency_.size() || link.right >= adjacency_.size()) continue;
    adjacency_[link.left].push_back({link.right, link.label, true});
    adjacency_[link.right].push_back({link.left, link.label, false});
  }
}

std::vector<std::size_t> LinkageView::linked(std::size_t i, std::string_view type,
                                             bool to_right) const {
  std::vector<std::size_t> out;
  for (const auto& n : adjacency_[i])
    if (n.to_right == to_right && link_type(n.label) == type) out.push_back(n.word);
  return out;
}

std::size_t LinkageView::first_linked(std::size_t i, std::string_view type, bool to_right) const {
  for (const auto& n : adjacency_[i])
    if (n.to_right == to_right && link_type(n.label) == type) return n.word;
  return npos;
}

std::string LinkageView::lower(std::size_t i) const { return core::ascii_lower(word(i).text); }

}  // namespace kg::extract::detail
