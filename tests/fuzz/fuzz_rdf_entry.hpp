#pragma once
/// The entry function of the RDF reader's libFuzzer target (tests/fuzz/fuzz_rdf_reader.cpp), shared
/// with the test that replays tests/fuzz/corpus/fuzz_rdf_reader/ in the normal build
/// (tests/fuzz/rdf_reader_corpus_test.cpp). Apart from fuzz_entry.hpp because it needs kg::exporter
/// and kg::graph, which the extraction targets do not link.
///
/// A broken promise is a KG_ASSERT, which aborts naming the check. Header-only; include as
/// "fuzz/fuzz_rdf_entry.hpp" (tests/ on the include path).

#include <sstream>
#include <string>
#include <string_view>

#include "kg/core/diagnostics.hpp"
#include "kg/exporter/rdf_reader.hpp"
#include "kg/exporter/turtle_writer.hpp"
#include "kg/graph/knowledge_graph.hpp"

namespace kg::fuzz {

/// `g` written in N-Quads (every statement, named graphs included).
inline std::string nquads(const graph::KnowledgeGraph& g) {
  std::ostringstream out;
  exporter::write_rdf(g, out, exporter::RdfSyntax::nquads);
  return out.str();
}

/// exporter::read_rdf on `data` in each of the four syntaxes, against what rdf_reader.hpp promises:
/// it reads or throws core::Error (with a message) and then leaves the graph as it was; what it
/// read is a graph that writes, reads back and writes again to the same N-Quads.
inline void read_rdf(std::string_view data) {
  for (auto syntax : {exporter::RdfSyntax::nquads, exporter::RdfSyntax::trig, exporter::RdfSyntax::turtle,
                      exporter::RdfSyntax::ntriples}) {
    graph::KnowledgeGraph g;
    try {
      exporter::read_rdf(data, syntax, "fuzz", g);
    } catch (const core::Error& e) {
      KG_ASSERT(*e.what() != '\0');
      KG_ASSERT(g.entity_count() == 0 && g.document_count() == 0 && g.event_count() == 0);
      KG_ASSERT(g.relation_count() == 0);
      continue;
    }
    const std::string written = nquads(g);
    graph::KnowledgeGraph back;
    exporter::read_rdf(written, exporter::RdfSyntax::nquads, "written", back);
    KG_ASSERT(nquads(back) == written);
  }
}

}  // namespace kg::fuzz
