#pragma once
/// Writers for the network views of a knowledge graph (graph::Network): GraphML and GEXF for
/// Gephi and graph libraries, CSV node and edge tables for Gephi's data laboratory, and DOT for
/// Graphviz. RDF writers are in turtle_writer.hpp and jsonld_writer.hpp.
///
/// What every network writer guarantees:
/// - nodes are entities, with the entity's local name as id and its canonical label as label;
/// - node attributes: type, mentions, wikidata, aliases, first_date, last_date, in_degree,
///   out_degree, degree, weighted_degree, pagerank (computed on the view with Boost.Graph);
/// - edge attributes: label, weight (evidence count, always > 0), relation, relations, cameo,
///   first_date, last_date, attributed_to, sentence (an example), evidence (count);
/// - article text is hostile: ill-formed UTF-8 is repaired and the characters XML 1.0 forbids
///   (C0 controls except tab, LF, CR; U+FFFE, U+FFFF) are dropped in every network format, so a
///   name reads the same in GraphML, GEXF, CSV and DOT;
/// - deterministic output: the same network gives byte-identical files.
///
/// The functions only read the network. Stream versions throw core::Error when writing fails;
/// file versions write atomically (core::write_atomically) and name the path in the error.

#include <filesystem>
#include <iosfwd>

#include "kg/graph/network.hpp"

namespace kg::exporter {

/// GraphML (pugixml) as Gephi imports it: every `<key>` declares `for`, `attr.name` and
/// `attr.type` and has an explicit id (`label`, `type`, `weight` …; the edge label's id is
/// `edgelabel`, which Gephi maps to the edge label, and edge keys whose name a node key already
/// uses get an `edge_` id prefix). One directed edge per ordered pair with unique ids `e0`, `e1` …
void write_graphml(const graph::Network& net, std::ostream& out);
void write_graphml_file(const graph::Network& net, const std::filesystem::path& path);

/// GEXF 1.2draft (pugixml), `mode="dynamic"`, `timeformat="date"`: one edge per relation between
/// two entities (`kind` = relation, so Gephi keeps them apart), with a point spell for every
/// distinct evidence date; nodes get one spell from their first to their last date. Static
/// attributes as in GraphML. Undated nodes and edges carry no spells (always visible).
void write_gexf(const graph::Network& net, std::ostream& out);
void write_gexf_file(const graph::Network& net, const std::filesystem::path& path);

/// CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold a comma, quote,
/// CR or LF, quotes doubled) with the header Gephi's data laboratory recognises:
/// nodes `Id,Label,type,…`; edges `Source,Target,Type,Id,Label,Weight,relation,…` (Type is
/// `Directed`).
void write_csv_nodes(const graph::Network& net, std::ostream& out);
void write_csv_edges(const graph::Network& net, std::ostream& out);
/// Writes `nodes.csv` and `edges.csv` into `dir` (each atomically).
void write_csv_files(const graph::Network& net, const std::filesystem::path& dir);

/// Graphviz DOT: a `digraph` with one node per entity (label, shape by type) and one edge per
/// ordered pair (label, penwidth growing with the weight). For a quick picture:
/// `dot -Tsvg graph.dot > graph.svg`.
void write_dot(const graph::Network& net, std::ostream& out);
void write_dot_file(const graph::Network& net, const std::filesystem::path& path);

}  // namespace kg::exporter
