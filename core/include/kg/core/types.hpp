#pragma once
/// The small types that flow between stages: documents, sentences, propositions (OpenIE output)
/// and events (normalised relations between entities), plus the sink through which `extract`
/// hands its results to the graph or a streaming writer without depending on either.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kg::core {

/// One article. `text` is valid UTF-8 (readers repair it and report where it was not).
struct Document {
  std::string id;           ///< stable: the `id` field, else derived from the URL, else the file name
  std::string url;          ///< may be empty
  std::string date;         ///< `YYYY-MM-DD` or empty
  std::string title;        ///< may be empty
  std::string text;         ///< the body, the text all offsets refer to
  std::string source_file;  ///< for diagnostics (`-` for standard input)
  std::size_t source_line = 1;  ///< line of `source_file` where `text` starts
  std::size_t ordinal = 0;      ///< position in the input order (keeps output deterministic)
};

/// A half-open range [begin, end) of Unicode code points in Document::text.
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool empty() const noexcept { return begin >= end; }
  /// Whether `inner` lies within this span (ends included).
  bool contains(const Span& inner) const noexcept { return inner.begin >= begin && inner.end <= end; }
  /// Whether the two spans share at least one code point.
  bool overlaps(const Span& other) const noexcept { return other.begin < end && begin < other.end; }
};

/// One sentence of a document: its text and where it sits (bytes inside, code points outside).
struct Sentence {
  std::size_t index = 0;       ///< 0-based position in the document
  std::string text;            ///< exactly the document's text in [byte_begin, byte_end)
  std::size_t byte_begin = 0;
  std::size_t byte_end = 0;
  Span chars;                  ///< the same range in code points
};

/// Semantic roles of a predicate's arguments (the `kg:` roles of the RDF model).
enum class Role { agent, recipient, theme, target, content, about, time, place, other };

/// `agent`, `recipient`, … as used in `kg:` IRIs and JSON.
std::string_view role_name(Role role);
/// agent, recipient, theme, target: filled by an entity (an IRI in RDF), never by literal text.
constexpr bool is_entity_role(Role role) noexcept {
  return role == Role::agent || role == Role::recipient || role == Role::theme || role == Role::target;
}

/// An argument of a proposition: its role, its text as written and its span in the document.
struct Argument {
  Role role = Role::other;
  std::string text;
  Span span;
  std::string head;         ///< the head word (for typing and entity linking)
  std::string preposition;  ///< for prepositional arguments (`for`, `in`, `by` …); not part of `text`
  bool proper = false;      ///< the phrase is headed by a proper name
};

/// The predicate of a proposition: the verb chain reduced to what the graph needs.
struct Predicate {
  std::string text;      ///< as written, e.g. `asked … for`, `will not expand`
  std::string lemma;     ///< e.g. `ask`
  std::string particle;  ///< verb particle or governed preposition folded into the relation
  bool negated = false;
  std::string modality;  ///< `would`, `may`, `will`, … or empty
  std::string tense;     ///< `past`, `present`, `future` or empty
  Span span;
};

/// Who reported a proposition, with what cue, according to the sentence.
struct Attribution {
  std::string source;  ///< text of the source (`the Kremlin`), empty when none
  Span source_span;
  std::string source_head;   ///< the source's name or head noun, for entity linking (`Kremlin`)
  bool source_proper = false;  ///< the source is a proper name
  std::string cue;     ///< `said`, `added`, `according to`
  Span cue_span;
};

/// One extraction: a predicate with role-labelled arguments (the OpenIE unit).
struct Proposition {
  Predicate predicate;
  std::vector<Argument> arguments;
  Attribution attribution;
  bool asserted = true;     ///< false for reported or hypothetical content
  bool conditional = false; ///< under `if`, `in case of`, `in the event of`
  double confidence = 0.5;  ///< in (0, 1]; ranking by it gives the precision/recall curve
  int content_of = -1;      ///< index of the speech-act proposition whose content this is, or -1

  const Argument* first(Role role) const;
};

/// The kinds of entity in the graph (`kg:Person` …).
/// (`concept_` because `concept` is a C++20 keyword.)
enum class EntityType { person, organization, country, location, group, concept_ };
std::string_view entity_type_name(EntityType type);  ///< `Person`, `Organization`, …

/// An entity as recognised in a sentence: its canonical label decides its identity.
struct EntityRef {
  std::string label;     ///< canonical label, e.g. `Vladimir Putin`
  EntityType type = EntityType::concept_;
  std::string wikidata;  ///< `Q7747` or empty
  std::string mention;   ///< the text as written in the sentence (an alias when it differs)
  Span span;
};

/// A role filled by an entity or by another event of the same sentence (speech-act content).
struct RoleFiller {
  Role role = Role::other;
  std::optional<EntityRef> entity;
  int event = -1;        ///< index into SentenceFacts::events when the filler is an event
  std::string text;      ///< literal text when neither (times, for instance)
};

/// A normalised predication: one `ev:` node in RDF, one piece of evidence on a graph edge.
struct Event {
  std::string relation;  ///< catalog relation name, e.g. `request`
  std::string lemma;     ///< predicate lemma as written, e.g. `ask`
  std::string cameo;     ///< CAMEO code or empty
  bool speech_act = false;
  std::vector<RoleFiller> roles;
  bool asserted = true;
  bool negated = false;
  bool conditional = false;
  std::string modality;
  double confidence = 0.5;
  std::optional<EntityRef> attributed_to;  ///< the reporting source, when there is one
  std::string cue;
  Span span;  ///< the predicate's span

  const RoleFiller* first(Role role) const;
};

/// How a mention refers: by a proper name, by a description (`the bureau`), or by a pronoun.
enum class MentionKind { name, nominal, pronoun };
std::string_view mention_kind_name(MentionKind kind);  ///< `name`, `nominal`, `pronoun`

/// One mention of an actor in the text (`kgraph extract --format mentions`): where it is, what it
/// says, and which entity of the article it is — empty `entity` when it stays unresolved (a
/// pronoun without a safe antecedent is never guessed).
struct Mention {
  Span span;               ///< document code points, end exclusive
  std::string text;        ///< exactly the document's text in `span`
  MentionKind kind = MentionKind::name;
  EntityType type = EntityType::concept_;  ///< the entity's type (one per entity in a document)
  std::string entity;      ///< canonical label of the entity (its identity), or empty
  std::string wikidata;    ///< the entity's `Q…` id, or empty
  std::string role;        ///< a title written before the name (`Fed Chair`), or empty
};

/// Everything extracted from one sentence.
struct SentenceFacts {
  Sentence sentence;
  std::vector<Proposition> propositions;
  std::vector<Event> events;
  std::vector<Mention> mentions;  ///< in text order
};

/// One attribution the article states: who (source), through which words (cue), said or thought
/// what (content) — as extract::document_attributions() reads them off the propositions. Spans
/// are document code points; `content` holds several spans when the content is discontinuous
/// (`"…," he said, "…"`), `source` several when coordinated speakers were split.
struct AttributionRecord {
  std::vector<Span> source;   ///< empty when the sentence names no source
  std::vector<Span> cue;
  std::vector<Span> content;  ///< never empty
  std::string speaker;        ///< canonical label of the source entity, or empty
  std::size_t sentence = 0;   ///< Sentence::index of the sentence that states it
};

/// Receives extraction results in input order (the pipeline reorders worker output), one document
/// at a time: begin, its sentences in order, its attributions, end. Implemented by the graph and
/// the streaming writers.
/// Called from one thread at a time.
class FactSink {
 public:
  virtual ~FactSink() = default;
  virtual void begin_document(const Document& doc) { (void)doc; }
  virtual void add_sentence(const Document& doc, const SentenceFacts& facts) = 0;
  /// The document's attributions, after its sentences and before end_document.
  virtual void add_attributions(const Document& doc, const std::vector<AttributionRecord>& records) {
    (void)doc;
    (void)records;
  }
  virtual void end_document(const Document& doc) { (void)doc; }
};

}  // namespace kg::core
