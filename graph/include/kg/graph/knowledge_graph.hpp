#pragma once
/// The knowledge graph: entities as vertices, merged relations as edges, and every extracted event
/// kept as a record (the source of the `ev:` nodes in RDF and of the evidence behind each edge).
///
/// Filled through the core::FactSink interface from one thread (the pipeline delivers results in
/// input order), read-only afterwards: the const accessors may then be used from several threads
/// at once. Nothing here depends on thread count or timing, so the same input always gives the
/// same vertices, edges and events in the same order.

#include <boost/graph/adjacency_list.hpp>

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <functional>
#include <utility>
#include <vector>

#include "kg/core/types.hpp"

namespace kg::graph {

/// A vertex: one real-world thing, identified by the local name minted from its canonical label.
struct Entity {
  std::string label;       ///< canonical label, as first seen (`Vladimir Putin`)
  std::string local_name;  ///< core::mint_local_name(label): `ent:` local part and identity
  /// First non-`Concept` type any mention gave wins; `Concept` only while no mention knew better.
  core::EntityType type = core::EntityType::concept_;
  std::string wikidata;           ///< `Q7747`, the first non-empty id any mention gave, or empty
  std::set<std::string> aliases;  ///< mention texts that differ from `label` (sorted, unique)
  std::size_t mentions = 0;       ///< distinct mentions (a span counted once per sentence)
  std::string first_date;         ///< earliest `YYYY-MM-DD` of a document mentioning it, or empty
  std::string last_date;          ///< latest such date, or empty
};

/// An edge agent -> object: every event with the same agent, object and relation name, merged.
struct Relation {
  std::string relation;  ///< catalog relation name (`request`)
  std::string lemma;  ///< the most frequent predicate lemma among the evidence (ties: first seen)
  std::string cameo;  ///< first non-empty CAMEO code among the evidence, or empty
  std::vector<std::size_t> evidence;  ///< indices into KnowledgeGraph::events(), in input order
  double weight = 0;       ///< evidence.size() (always > 0: Gephi drops zero-weight edges)
  std::string first_date;  ///< earliest document date among the evidence, or empty
  std::string last_date;   ///< latest document date among the evidence, or empty
};

/// The Boost.Graph type: bundled Entity / Relation properties, vertices and events in input order.
using Graph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, Entity, Relation>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;
using Edge = boost::graph_traits<Graph>::edge_descriptor;

/// What the graph keeps of a document (not its text).
struct DocumentRecord {
  std::string id;           ///< core::Document::id as given
  std::string local_name;   ///< core::mint_local_name(id): the `doc:` IRI's local part
  std::string url;          ///< may be empty
  std::string date;         ///< `YYYY-MM-DD` or empty
  std::string title;        ///< may be empty
  std::size_t ordinal = 0;  ///< core::Document::ordinal
};

/// A role of an event with its filler resolved: an entity vertex, another event, or literal text.
struct EventRole {
  core::Role role = core::Role::other;
  std::optional<Vertex> entity;      ///< the filler entity, when the filler is one
  std::optional<std::size_t> event;  ///< index into KnowledgeGraph::events() (nested content)
  std::string text;                  ///< literal text when the filler is neither
};

/// One core::Event as stored: one `ev:` node in RDF, one piece of evidence on at most one edge.
///
/// The text fields are views into the graph's string pool: each distinct string (a sentence, a
/// lemma, a date) is stored once however many events share it, and stays valid as long as the
/// graph (also when it is moved). A record handed to add_events may view any string that outlives
/// the call: add_events copies what it views into the pool.
struct EventRecord {
  std::size_t document = 0;        ///< index into KnowledgeGraph::documents()
  std::size_t sentence = 0;        ///< core::Sentence::index within the document (0-based)
  core::Span sentence_chars;       ///< the sentence's code-point range in the document text
  std::string_view sentence_text;  ///< the sentence itself (NIF anchor, example sentence)
  std::size_t number = 1;          ///< 1-based number of the event within its sentence (`-e<n>`)

  std::string_view relation;  ///< catalog relation name, may be empty
  std::string_view lemma;
  std::string_view cameo;
  bool speech_act = false;
  std::vector<EventRole> roles;  ///< in core::Role order, without repeats (see KnowledgeGraph)
  bool asserted = true;
  bool negated = false;
  bool conditional = false;
  std::string_view modality;
  double confidence = 0.5;
  std::optional<Vertex> attributed_to;  ///< the reporting source, when there is one
  std::string_view cue;
  core::Span span;        ///< the predicate's code-point range in the document text
  std::string_view date;  ///< the document's date (`YYYY-MM-DD`) or empty

  std::optional<Edge> edge;      ///< the relation edge this event is evidence for, if any
  std::optional<Vertex> object;  ///< that edge's target (theme, else target, else recipient)
};

/// The knowledge graph (see the file comment for the thread model).
///
/// Rules:
/// - Entity identity is core::mint_local_name(label): the same label (or labels minting the same
///   local name) always gives the same vertex. An EntityRef with an empty label uses its mention.
/// - Entity type: the first mention with a type other than `Concept` fixes it; later mentions never
///   change it. Wikidata id: the first non-empty one wins.
/// - An event makes or extends an edge when it has a non-empty relation, an agent entity, and an
///   object entity: the first theme entity, else the first target entity, else the first recipient
///   entity. The edge key is (agent, object, relation); self-loops are kept.
/// - Documents are identified by the local name minted from their id (what their `doc:` IRI
///   says). A document seen again (begin_document or add_sentence) reuses the record, filling
///   only fields still empty; its event numbers continue so that `ev:` IRIs never collide.
/// - An event's roles are kept in core::Role order (agent, recipient, theme …; fillers of one role
///   in the order given), without repeats, so that a graph read back from RDF, where statements
///   have no order, holds its events exactly as they were.
/// - Merging (add_entity, add_document, add_event: `kgraph merge`, `kgraph build --into`) applies
///   the same rules, so adding graph B's records to graph A gives what extracting A's articles,
///   then B's, would have given.
///
/// Move-only: edge descriptors (in relations(), EventRecord::edge) point into the Boost graph's
/// edge storage, which Boost.Graph 1.74 can only copy, not move; the graph therefore lives on the
/// heap and moves with its owner. A moved-from KnowledgeGraph may only be destroyed or assigned to.
class KnowledgeGraph final : public core::FactSink {
 public:
  KnowledgeGraph();
  ~KnowledgeGraph() override;
  KnowledgeGraph(const KnowledgeGraph&) = delete;
  KnowledgeGraph& operator=(const KnowledgeGraph&) = delete;
  KnowledgeGraph(KnowledgeGraph&&) noexcept;
  KnowledgeGraph& operator=(KnowledgeGraph&&) noexcept;

  // core::FactSink — see its contract: one document at a time, sentences in order, one thread.
  void begin_document(const core::Document& doc) override;
  void add_sentence(const core::Document& doc, const core::SentenceFacts& facts) override;

  /// The Boost.Graph: vertices in order of first mention, edges in order of creation.
  const Graph& graph() const noexcept { return *graph_; }
  /// Documents in the order they were delivered (Document::ordinal order in the pipeline).
  const std::vector<DocumentRecord>& documents() const noexcept { return documents_; }
  /// Every event, in input order (document, sentence, event number).
  const std::vector<EventRecord>& events() const noexcept { return events_; }
  /// Every edge, in creation order (boost::edges() iterates by source vertex instead).
  const std::vector<Edge>& relations() const noexcept { return relations_; }

  const Entity& entity(Vertex v) const { return (*graph_)[v]; }
  const Relation& relation(Edge e) const { return (*graph_)[e]; }

  // Merging — records of another graph, or of one read back from RDF (exporter/rdf_reader.hpp).

  /// Adds entity `e` (identified by e.local_name, which must be core::mint_local_name(e.label)
  /// for a new one) or merges it into the vertex with that local name by the mention rules: the
  /// first label and the first non-`Concept` type and Wikidata id stay, aliases are united (the
  /// label excepted), mention counts add up and dates widen. Returns its vertex.
  Vertex add_entity(const Entity& e);
  /// Adds a document record unless a document with its local name is already in the graph.
  /// Returns the new document's index, or nullopt when it was already there (nothing changes).
  std::optional<std::size_t> add_document(const DocumentRecord& d);
  /// Whether a document with this `doc:` local name is in the graph.
  bool has_document(std::string_view local_name) const;
  /// Appends `events` as given (document index, sentence, number, roles and attribution naming
  /// vertices of this graph), making or extending their edges as add_sentence does; edge and object
  /// are recomputed. EventRole::event counts from the first event of the batch (nested content
  /// points into the same batch, usually one document). Mention counts are not touched: they come
  /// with add_entity. Returns the index in events() of the first one.
  /// Contract (checked): valid document indices, vertices and batch-relative event indices.
  std::size_t add_events(std::vector<EventRecord> events);

  /// The vertex whose Entity::local_name is `local_name`, if any.
  std::optional<Vertex> find_entity(std::string_view local_name) const;
  /// The vertex a label resolves to (through core::mint_local_name), if any.
  std::optional<Vertex> find_entity_by_label(std::string_view label) const;
  /// The edge (agent, object, relation), if any.
  std::optional<Edge> find_relation(Vertex agent, Vertex object, std::string_view relation) const;

  std::size_t entity_count() const noexcept { return boost::num_vertices(*graph_); }
  std::size_t relation_count() const noexcept { return boost::num_edges(*graph_); }
  std::size_t event_count() const noexcept { return events_.size(); }
  std::size_t document_count() const noexcept { return documents_.size(); }
  /// add_sentence calls seen (sentences with and without events).
  std::size_t sentence_count() const noexcept { return sentences_; }

 private:
  using RelationKey = std::tuple<Vertex, Vertex, std::string>;
  /// Per-edge bookkeeping that exporters do not need: how often each lemma occurred.
  struct RelationState {
    Edge edge;
    std::vector<std::pair<std::string, std::size_t>> lemma_counts;  // in first-seen order
  };

  /// Strings by content, for views that must not dangle: std::unordered_set keeps its nodes (and
  /// so their characters) in place when it grows or is moved.
  struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
  };
  /// The pooled copy of `text` (empty text: an empty view).
  std::string_view intern(std::string_view text);
  /// Points every text field of `e` at the pool.
  void intern_fields(EventRecord& e);

  std::size_t document_index(const core::Document& doc);
  /// Resolves an entity mention to its vertex, creating or updating it; counts the mention once
  /// per sentence (key: local name and span).
  std::optional<Vertex> resolve(const core::EntityRef& ref, const std::string& date);
  void add_evidence(std::size_t event_index, Vertex agent, Vertex object);
  /// Puts the roles of an event in canonical order and makes or extends its edge.
  void link_event(std::size_t event_index);

  std::unique_ptr<Graph> graph_;                          // never null except in a moved-from graph
  std::unordered_map<std::string, Vertex> entity_index_;  // local_name -> vertex
  std::vector<DocumentRecord> documents_;
  std::unordered_map<std::string, std::size_t> document_index_;  // local name -> index
  std::vector<EventRecord> events_;
  std::vector<Edge> relations_;
  std::map<RelationKey, RelationState> relation_index_;
  // Next event number per (document, sentence): keeps `-e<n>` unique when a document id repeats.
  std::map<std::pair<std::size_t, std::size_t>, std::size_t> next_event_number_;
  // Mentions already counted in the current sentence: (local name, begin, end, mention text).
  std::set<std::tuple<std::string, std::size_t, std::size_t, std::string>> sentence_mentions_;
  std::size_t sentences_ = 0;
  std::unordered_set<std::string, StringHash, std::equal_to<>> strings_;
};

}  // namespace kg::graph
