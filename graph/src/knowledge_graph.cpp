#include "kg/graph/knowledge_graph.hpp"

#include <algorithm>

#include "kg/core/diagnostics.hpp"
#include "kg/core/iri.hpp"
#include "kg/core/text.hpp"

namespace kg::graph {

namespace {

// Dates outside `YYYY-MM-DD` would make first/last comparisons meaningless and `xsd:date` literals
// ill-typed, so they are dropped at the door.
bool is_iso_date(std::string_view d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  constexpr std::size_t digit_positions[] = {0, 1, 2, 3, 5, 6, 8, 9};
  for (std::size_t i : digit_positions)
    if (d[i] < '0' || d[i] > '9') return false;
  const int month = (d[5] - '0') * 10 + (d[6] - '0');
  const int day = (d[8] - '0') * 10 + (d[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

std::string checked_date(std::string_view d) {
  return is_iso_date(d) ? std::string(d) : std::string();
}

void widen_dates(std::string& first, std::string& last, std::string_view date) {
  if (date.empty()) return;
  if (first.empty() || date < first) first = date;
  if (last.empty() || date > last) last = date;
}

std::optional<Vertex> first_entity(const EventRecord& event, core::Role role) {
  for (const EventRole& filler : event.roles)
    if (filler.role == role && filler.entity) return filler.entity;
  return std::nullopt;
}

}  // namespace

KnowledgeGraph::KnowledgeGraph() : graph_(std::make_unique<Graph>()) {}
KnowledgeGraph::~KnowledgeGraph() = default;
KnowledgeGraph::KnowledgeGraph(KnowledgeGraph&&) noexcept = default;
KnowledgeGraph& KnowledgeGraph::operator=(KnowledgeGraph&&) noexcept = default;

void KnowledgeGraph::begin_document(const core::Document& doc) { document_index(doc); }

std::size_t KnowledgeGraph::document_index(const core::Document& doc) {
  std::string local = core::mint_local_name(doc.id);
  if (auto it = document_index_.find(local); it != document_index_.end()) {
    DocumentRecord& known = documents_[it->second];
    if (known.url.empty()) known.url = doc.url;
    if (known.date.empty()) known.date = checked_date(doc.date);
    if (known.title.empty()) known.title = doc.title;
    return it->second;
  }
  DocumentRecord record;
  record.id = doc.id;
  record.local_name = local;
  record.url = doc.url;
  record.date = checked_date(doc.date);
  record.title = doc.title;
  record.ordinal = doc.ordinal;
  documents_.push_back(std::move(record));
  document_index_.emplace(std::move(local), documents_.size() - 1);
  return documents_.size() - 1;
}

std::optional<Vertex> KnowledgeGraph::resolve(const core::EntityRef& ref, const std::string& date) {
  const std::string_view mention = core::trim(ref.mention);
  std::string_view label = core::trim(ref.label);
  if (label.empty()) label = mention;
  if (label.empty()) return std::nullopt;

  std::string local = core::mint_local_name(label);
  Vertex v;
  if (auto it = entity_index_.find(local); it != entity_index_.end()) {
    v = it->second;
  } else {
    Entity e;
    e.label = std::string(label);
    e.local_name = local;
    v = boost::add_vertex(std::move(e), *graph_);
    entity_index_.emplace(local, v);
  }

  Entity& e = (*graph_)[v];
  if (e.type == core::EntityType::concept_ && ref.type != core::EntityType::concept_)
    e.type = ref.type;
  if (e.wikidata.empty() && !ref.wikidata.empty()) e.wikidata = ref.wikidata;
  if (!mention.empty() && mention != e.label) e.aliases.emplace(mention);

  // The same mention often fills roles of several events of one sentence; count it once.
  if (sentence_mentions_
          .emplace(std::move(local), ref.span.begin, ref.span.end, std::string(mention))
          .second) {
    ++e.mentions;
    widen_dates(e.first_date, e.last_date, date);
  }
  return v;
}

void KnowledgeGraph::add_sentence(const core::Document& doc, const core::SentenceFacts& facts) {
  const std::size_t doc_index = document_index(doc);
  ++sentences_;
  sentence_mentions_.clear();
  const std::string date = documents_[doc_index].date;
  const std::size_t base = events_.size();
  const std::size_t count = facts.events.size();
  std::size_t& next_number = next_event_number_[{doc_index, facts.sentence.index}];

  for (std::size_t i = 0; i < count; ++i) {
    const core::Event& event = facts.events[i];
    EventRecord record;
    record.document = doc_index;
    record.sentence = facts.sentence.index;
    record.sentence_chars = facts.sentence.chars;
    record.sentence_text = facts.sentence.text;  // views the caller's strings until interned
    record.number = ++next_number;
    record.relation = event.relation;
    record.lemma = event.lemma;
    record.cameo = event.cameo;
    record.speech_act = event.speech_act;
    record.asserted = event.asserted;
    record.negated = event.negated;
    record.conditional = event.conditional;
    record.modality = event.modality;
    record.confidence = event.confidence;
    record.cue = event.cue;
    record.span = event.span;
    record.date = date;
    intern_fields(record);

    for (const core::RoleFiller& filler : event.roles) {
      EventRole role;
      role.role = filler.role;
      if (filler.entity) role.entity = resolve(*filler.entity, date);
      if (!role.entity && filler.event >= 0 && static_cast<std::size_t>(filler.event) < count &&
          static_cast<std::size_t>(filler.event) != i) {
        role.event = base + static_cast<std::size_t>(filler.event);
      }
      if (!role.entity && !role.event) {
        // The entity roles are entities or nothing: an unresolved pronoun (`he`, `we`, `that`)
        // leaves its role out rather than stand as a literal agent.
        if (core::is_entity_role(filler.role)) continue;
        role.text = filler.text;
        // A filler pointing nowhere (bad event index, entity without any name) carries nothing.
        if (role.text.empty() && filler.entity) role.text = filler.entity->mention;
        if (role.text.empty()) continue;
      }
      record.roles.push_back(std::move(role));
    }
    if (event.attributed_to) record.attributed_to = resolve(*event.attributed_to, date);

    events_.push_back(std::move(record));
    link_event(events_.size() - 1);
  }
}

std::string_view KnowledgeGraph::intern(std::string_view text) {
  if (text.empty()) return {};
  auto it = strings_.find(text);
  if (it == strings_.end()) it = strings_.emplace(text).first;
  return *it;
}

void KnowledgeGraph::intern_fields(EventRecord& e) {
  for (std::string_view* field :
       {&e.sentence_text, &e.relation, &e.lemma, &e.cameo, &e.modality, &e.cue, &e.date})
    *field = intern(*field);
}

void KnowledgeGraph::link_event(std::size_t event_index) {
  EventRecord& event = events_[event_index];
  std::stable_sort(event.roles.begin(), event.roles.end(), [](const EventRole& a, const EventRole& b) {
    return static_cast<int>(a.role) < static_cast<int>(b.role);
  });
  const auto same = [](const EventRole& a, const EventRole& b) {
    return a.role == b.role && a.entity == b.entity && a.event == b.event && a.text == b.text;
  };
  for (std::size_t i = 1; i < event.roles.size();) {
    const bool repeated = std::any_of(event.roles.begin(), event.roles.begin() + static_cast<std::ptrdiff_t>(i),
                                      [&](const EventRole& r) { return same(r, event.roles[i]); });
    if (repeated)
      event.roles.erase(event.roles.begin() + static_cast<std::ptrdiff_t>(i));
    else
      ++i;
  }
  event.edge.reset();
  event.object.reset();
  if (event.relation.empty()) return;
  const auto agent = first_entity(event, core::Role::agent);
  auto object = first_entity(event, core::Role::theme);
  if (!object) object = first_entity(event, core::Role::target);
  if (!object) object = first_entity(event, core::Role::recipient);
  if (agent && object) add_evidence(event_index, *agent, *object);
}

Vertex KnowledgeGraph::add_entity(const Entity& e) {
  KG_ASSERT(!e.local_name.empty());
  if (auto it = entity_index_.find(e.local_name); it == entity_index_.end()) {
    const Vertex v = boost::add_vertex(e, *graph_);
    (*graph_)[v].aliases.erase(e.label);
    entity_index_.emplace(e.local_name, v);
    return v;
  } else {
    Entity& known = (*graph_)[it->second];
    if (known.type == core::EntityType::concept_) known.type = e.type;
    if (known.wikidata.empty()) known.wikidata = e.wikidata;
    // The other graph's label is a name of the entity too (its mentions were told apart from it).
    if (e.label != known.label) known.aliases.insert(e.label);
    for (const auto& alias : e.aliases)
      if (alias != known.label) known.aliases.insert(alias);
    known.mentions += e.mentions;
    widen_dates(known.first_date, known.last_date, e.first_date);
    widen_dates(known.first_date, known.last_date, e.last_date);
    return it->second;
  }
}

std::optional<std::size_t> KnowledgeGraph::add_document(const DocumentRecord& d) {
  KG_ASSERT(!d.local_name.empty());
  if (document_index_.count(d.local_name)) return std::nullopt;
  DocumentRecord record = d;
  if (record.id.empty()) record.id = record.local_name;
  record.date = checked_date(record.date);
  documents_.push_back(std::move(record));
  document_index_.emplace(d.local_name, documents_.size() - 1);
  return documents_.size() - 1;
}

bool KnowledgeGraph::has_document(std::string_view local_name) const {
  return document_index_.count(std::string(local_name)) > 0;
}

std::size_t KnowledgeGraph::add_events(std::vector<EventRecord> events) {
  const std::size_t base = events_.size();
  const std::size_t vertices = boost::num_vertices(*graph_);
  for (EventRecord& e : events) {
    KG_ASSERT(e.document < documents_.size());
    KG_ASSERT(!e.attributed_to || *e.attributed_to < vertices);
    for (EventRole& role : e.roles) {
      KG_ASSERT(!role.entity || *role.entity < vertices);
      KG_ASSERT(!role.event || *role.event < events.size());
      if (role.event) *role.event += base;
    }
    std::size_t& next_number = next_event_number_[{e.document, e.sentence}];
    next_number = std::max(next_number, e.number);
  }
  for (EventRecord& e : events) {
    const std::string date = checked_date(e.date);
    e.date = date;
    intern_fields(e);
    events_.push_back(std::move(e));
    link_event(events_.size() - 1);
  }
  return base;
}

void KnowledgeGraph::add_evidence(std::size_t event_index, Vertex agent, Vertex object) {
  EventRecord& event = events_[event_index];
  RelationKey key{agent, object, event.relation};
  auto it = relation_index_.find(key);
  if (it == relation_index_.end()) {
    Relation relation;
    relation.relation = event.relation;
    const Edge edge = boost::add_edge(agent, object, std::move(relation), *graph_).first;
    relations_.push_back(edge);
    it = relation_index_.emplace(std::move(key), RelationState{edge, {}}).first;
  }
  RelationState& state = it->second;
  Relation& relation = (*graph_)[state.edge];
  relation.evidence.push_back(event_index);
  relation.weight = static_cast<double>(relation.evidence.size());
  widen_dates(relation.first_date, relation.last_date, event.date);
  if (relation.cameo.empty()) relation.cameo = event.cameo;
  if (!event.lemma.empty()) {
    auto counted = std::find_if(state.lemma_counts.begin(), state.lemma_counts.end(),
                                [&](const auto& entry) { return entry.first == event.lemma; });
    if (counted == state.lemma_counts.end())
      state.lemma_counts.emplace_back(event.lemma, 1);
    else
      ++counted->second;
    std::size_t best = 0;
    for (const auto& [lemma, n] : state.lemma_counts) {
      if (n > best) {  // strictly greater: ties keep the lemma seen first
        best = n;
        relation.lemma = lemma;
      }
    }
  }
  event.edge = state.edge;
  event.object = object;
}

std::optional<Vertex> KnowledgeGraph::find_entity(std::string_view local_name) const {
  if (auto it = entity_index_.find(std::string(local_name)); it != entity_index_.end())
    return it->second;
  return std::nullopt;
}

std::optional<Vertex> KnowledgeGraph::find_entity_by_label(std::string_view label) const {
  return find_entity(core::mint_local_name(label));
}

std::optional<Edge> KnowledgeGraph::find_relation(Vertex agent, Vertex object,
                                                  std::string_view relation) const {
  if (auto it = relation_index_.find({agent, object, std::string(relation)});
      it != relation_index_.end())
    return it->second.edge;
  return std::nullopt;
}

}  // namespace kg::graph
