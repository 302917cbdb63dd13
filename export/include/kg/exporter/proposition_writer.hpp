#pragma once
/// Streaming writers for `kgraph extract`: propositions are written as soon as each document is
/// done, without building a graph.

#include <ostream>

#include "kg/core/types.hpp"

namespace kg::exporter {

/// CaRB's tab-separated OpenIE format, one line per proposition:
/// `sentence<TAB>confidence<TAB>relation<TAB>arg1<TAB>arg2…`. The sentence is echoed exactly
/// (tabs and line breaks inside any field become spaces, which CaRB sentences never contain).
/// Prepositional arguments are written with their preposition (`for the guarantee`).
class OieWriter final : public core::FactSink {
 public:
  explicit OieWriter(std::ostream& out) : out_(&out) {}
  void add_sentence(const core::Document& doc, const core::SentenceFacts& facts) override;

 private:
  std::ostream* out_;
};

/// JSON Lines, one object per sentence with its full propositions (roles, spans in code points,
/// flags, attribution) and normalised events, for debugging and downstream tools.
class PropositionJsonWriter final : public core::FactSink {
 public:
  explicit PropositionJsonWriter(std::ostream& out) : out_(&out) {}
  void add_sentence(const core::Document& doc, const core::SentenceFacts& facts) override;

 private:
  std::ostream* out_;
};

}  // namespace kg::exporter
