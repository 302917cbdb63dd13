#include "kg/exporter/rdf_reader.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <map>
#include <memory>
#include <unordered_map>
#include <utility>
#include <vector>

#include "kg/core/diagnostics.hpp"
#include "kg/ontology/rdf_parser.hpp"
#include "rdf_prefixes.hpp"

namespace kg::exporter {

namespace {

namespace ns = ontology::ns;
namespace vocab = ontology::vocab;
namespace fs = std::filesystem;

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

/// A term as read: an IRI (expanded) or a literal with its datatype IRI or language.
struct Term {
  bool literal = false;
  std::string value;
  std::string datatype;
};

std::optional<std::size_t> parse_count(std::string_view text) {
  std::size_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<core::EntityType> entity_type(std::string_view local) {
  for (auto t : {core::EntityType::person, core::EntityType::organization, core::EntityType::country,
                 core::EntityType::location, core::EntityType::group, core::EntityType::concept_})
    if (core::entity_type_name(t) == local) return t;
  return std::nullopt;
}

std::optional<core::Role> role_of(std::string_view local) {
  for (auto r : {core::Role::agent, core::Role::recipient, core::Role::theme, core::Role::target,
                 core::Role::content, core::Role::about, core::Role::time, core::Role::place})
    if (core::role_name(r) == local) return r;
  return std::nullopt;
}

// What the statements say of each kind of subject, gathered before anything is added to the graph.

struct EntityPart {
  graph::Entity entity;
  bool labelled = false;
  bool typed = false;
};

struct DocumentPart {
  graph::DocumentRecord record;
  std::size_t first_seen = 0;
};

struct RoleValue {
  core::Role role;
  Term value;
};

struct EventPart {
  std::string document;  // doc: local name, from the IRI
  std::size_t sentence = 0;
  std::size_t number = 0;
  std::string derived_from;  // doc: local name, from prov:wasDerivedFrom
  std::string evidence;      // the NIF string's IRI
  graph::EventRecord record;  // its text fields are set from `text` when it is added
  /// What the record's text fields will view (EventRecord only views strings).
  struct {
    std::string relation, lemma, cameo, cue, modality, date;
  } text;
  std::vector<RoleValue> roles;
  std::string attributed_to;  // ent: local name
};

struct NifPart {
  std::optional<std::size_t> begin, end;
  std::string anchor;
};

/// `<doc>-s<sentence>-e<number>` split from the end (document local names may hold `-s1-e2`).
bool split_event_name(std::string_view local, EventPart& part) {
  const auto digits_before = [](std::string_view s, std::size_t end) {
    std::size_t i = end;
    while (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9') --i;
    return i;
  };
  const std::size_t e_digits = digits_before(local, local.size());
  if (e_digits == local.size() || e_digits < 2 || local.substr(e_digits - 2, 2) != "-e") return false;
  const std::size_t s_end = e_digits - 2;
  const std::size_t s_digits = digits_before(local, s_end);
  if (s_digits == s_end || s_digits < 3 || local.substr(s_digits - 2, 2) != "-s") return false;
  const auto sentence = parse_count(local.substr(s_digits, s_end - s_digits));
  const auto number = parse_count(local.substr(e_digits));
  if (!sentence || !number || *number == 0) return false;
  part.document = std::string(local.substr(0, s_digits - 2));
  part.sentence = *sentence;
  part.number = *number;
  return true;
}

struct FileCloser {
  void operator()(std::FILE* f) const noexcept { std::fclose(f); }
};

/// One read: Serd pushes statements into the parts; build() checks them and fills the graph.
/// Serd's callbacks never throw: the first failure is kept and stops the read.
class GraphReader {
 public:
  GraphReader(RdfSyntax syntax, std::string name, const RdfOptions& options)
      : name_(name), bases_(detail::instance_bases(options)), parser_(std::move(name), parse_options(syntax)) {}

  void read_string(std::string_view text) {
    finish(parser_.parse_string(text, [this](const ontology::RdfStatement& s) { statement(s); }));
  }

  void read_file(const fs::path& path) {
    std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
    if (!file) throw core::Error("cannot open '" + path.string() + "' to read the graph back");
    auto errors = parser_.parse_file(file.get(), path, [this](const ontology::RdfStatement& s) { statement(s); });
    if (std::ferror(file.get())) throw core::Error("cannot read '" + path.string() + "'");
    finish(std::move(errors));
  }

  /// Checks every description, then adds them all to `g` (nothing is added when a check fails).
  RdfReadSummary build(graph::KnowledgeGraph& g) {
    RdfReadSummary summary;
    summary.statements = statements_;
    summary.ignored = ignored_;
    if (statements_ > 0 && documents_.empty() && entities_.empty())
      fail("no statement is about a kgraph entity or document under <" + bases_.ent + "> or <" +
           bases_.doc + ">: was the graph built with another --base?");

    std::vector<DocumentPart*> documents;
    for (auto& [local, part] : documents_) {
      if (g.has_document(local))
        fail("document <" + bases_.doc + local +
             "> is in the graph already: graphs to merge must be built from different articles");
      documents.push_back(&part);
    }
    std::sort(documents.begin(), documents.end(),
              [](const DocumentPart* a, const DocumentPart* b) { return a->first_seen < b->first_seen; });
    for (auto& [local, part] : entities_) {
      if (!part.labelled) fail("entity <" + bases_.ent + local + "> has no rdfs:label");
      if (!part.typed) fail("entity <" + bases_.ent + local + "> has no kg: type");
    }

    // Events by document, in sentence and event order; nested content by IRI within a document.
    std::map<std::string, std::vector<std::pair<std::string, EventPart*>>> events_of;
    for (auto& [local, part] : events_) {
      if (!documents_.count(part.document))
        fail("event <" + bases_.ev + local + "> belongs to no document of the graph");
      if (!part.derived_from.empty() && part.derived_from != part.document)
        fail("event <" + bases_.ev + local + "> is derived from another document than its IRI names");
      events_of[part.document].emplace_back(local, &part);
    }
    for (auto& [doc, list] : events_of)
      std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) {
        return std::pair(a.second->sentence, a.second->number) <
               std::pair(b.second->sentence, b.second->number);
      });
    for (auto& [doc, list] : events_of)
      for (auto& [local, part] : list) check_event(local, *part, list);

    // Everything fits: fill the graph.
    std::map<std::string, graph::Vertex> vertex;
    for (auto& [local, part] : entities_) vertex[local] = g.add_entity(part.entity);
    summary.entities = entities_.size();
    for (DocumentPart* part : documents) {
      const auto index = g.add_document(part->record);
      KG_ASSERT(index.has_value());
      ++summary.documents;
      auto found = events_of.find(part->record.local_name);
      if (found == events_of.end()) continue;
      std::map<std::string, std::size_t> position;
      for (std::size_t k = 0; k < found->second.size(); ++k) position[found->second[k].first] = k;
      std::vector<graph::EventRecord> batch;
      for (auto& [local, event] : found->second) {
        graph::EventRecord record = std::move(event->record);
        record.relation = event->text.relation;
        record.lemma = event->text.lemma;
        record.cameo = event->text.cameo;
        record.cue = event->text.cue;
        record.modality = event->text.modality;
        record.date = event->text.date;
        record.document = *index;
        record.sentence = event->sentence;
        record.number = event->number;
        if (!event->attributed_to.empty()) record.attributed_to = vertex.at(event->attributed_to);
        for (const RoleValue& r : event->roles) {
          graph::EventRole role;
          role.role = r.role;
          if (r.value.literal)
            role.text = r.value.value;
          else if (starts_with(r.value.value, bases_.ent))
            role.entity = vertex.at(r.value.value.substr(bases_.ent.size()));
          else
            role.event = position.at(r.value.value.substr(bases_.ev.size()));
          record.roles.push_back(std::move(role));
        }
        const NifPart& nif = nifs_.at(event->evidence);
        record.sentence_chars = core::Span{*nif.begin, *nif.end};
        record.sentence_text = nif.anchor;
        batch.push_back(std::move(record));
      }
      summary.events += batch.size();
      // The descriptions stay until the end: the records view their strings, and freeing them
      // document by document interleaves holes with the graph that glibc cannot reuse for the
      // export (peak heap 305 -> 223 MB but peak RSS 342 -> 405 MB on the BBC graph).
      g.add_events(std::move(batch));
    }
    return summary;
  }

 private:
  [[noreturn]] void fail(const std::string& what) const {
    core::Diagnostic d;
    d.where.file = name_;
    d.message = what;
    throw core::Error::located(core::format(d));
  }

  void check_event(const std::string& local, const EventPart& part,
                   const std::vector<std::pair<std::string, EventPart*>>& same_document) const {
    const std::string subject = "event <" + bases_.ev + local + ">";
    if (!part.attributed_to.empty() && !entities_.count(part.attributed_to))
      fail(subject + " is attributed to an entity the graph does not describe");
    for (const RoleValue& r : part.roles) {
      if (r.value.literal) continue;
      if (starts_with(r.value.value, bases_.ent)) {
        if (!entities_.count(r.value.value.substr(bases_.ent.size())))
          fail(subject + " names an entity the graph does not describe: <" + r.value.value + ">");
        continue;
      }
      const std::string other = starts_with(r.value.value, bases_.ev) ? r.value.value.substr(bases_.ev.size()) : "";
      const bool here = !other.empty() && other != local &&
                        std::any_of(same_document.begin(), same_document.end(),
                                    [&](const auto& e) { return e.first == other; });
      if (!here) fail(subject + " has a " + std::string(core::role_name(r.role)) +
                      " that is neither an entity, a literal nor another event of its document: <" +
                      r.value.value + ">");
    }
    auto nif = nifs_.find(part.evidence);
    if (part.evidence.empty() || nif == nifs_.end())
      fail(subject + " has no kg:evidence naming a sentence (nif:RFC5147String) of the graph");
    if (!nif->second.begin || !nif->second.end || *nif->second.end < *nif->second.begin)
      fail("sentence <" + part.evidence + "> has no valid nif:beginIndex and nif:endIndex");
  }

  static ontology::RdfParseOptions parse_options(RdfSyntax syntax) {
    ontology::RdfParseOptions options;
    options.syntax = syntax;
    options.strict = true;
    return options;
  }

  /// The first syntax error ends the read (Serd's strict mode); it is all the user sees.
  void finish(std::vector<core::Diagnostic> errors) const {
    if (!errors.empty()) throw core::Error::located(core::format(errors.front()));
  }

  void statement(const ontology::RdfStatement& s) {
    ++statements_;
    using Kind = ontology::RdfNode::Kind;
    Term object;
    if (s.object.kind == Kind::literal) {
      object.literal = true;
      object.value = s.object.value;
      if (s.object.datatype_resolved) object.datatype = s.object.datatype;
    } else if (s.object.kind == Kind::iri) {
      object.value = s.object.value;
    } else {
      ++ignored_;
      return;
    }
    // Blank nodes and names that cannot be expanded are outside the RDF model.
    if (!s.subject.is_iri() || !s.predicate.is_iri() || !take(s.subject.value, s.predicate.value, object))
      ++ignored_;
  }

  /// Files one statement under its subject; false when the RDF model does not define it.
  bool take(const std::string& subject, const std::string& predicate, const Term& o) {
    if (starts_with(subject, bases_.ent)) return take_entity(subject.substr(bases_.ent.size()), predicate, o);
    if (starts_with(subject, bases_.ev)) return take_event(subject.substr(bases_.ev.size()), predicate, o);
    if (starts_with(subject, bases_.doc)) {
      const std::string local = subject.substr(bases_.doc.size());
      if (local.find('#') != std::string::npos) return take_nif(subject, predicate, o);
      return take_document(local, predicate, o);
    }
    return false;
  }

  bool take_entity(const std::string& local, const std::string& p, const Term& o) {
    if (local.empty()) return false;
    auto [it, added] = entities_.try_emplace(local);
    EntityPart& part = it->second;
    if (added) part.entity.local_name = local;
    graph::Entity& e = part.entity;
    if (vocab::type.is(p)) {
      if (!o.literal && starts_with(o.value, ns::kg)) {
        if (auto type = entity_type(std::string_view(o.value).substr(ns::kg.size()))) {
          e.type = *type;
          part.typed = true;
          return true;
        }
      }
      return !o.literal && starts_with(o.value, ns::schema);  // the schema.org class follows the kg: one
    }
    if (vocab::label.is(p) && o.literal) {
      e.label = o.value;
      part.labelled = true;
    } else if (vocab::alt_label.is(p) && o.literal) {
      e.aliases.insert(o.value);
    } else if (vocab::same_as.is(p) && !o.literal && starts_with(o.value, ns::wd)) {
      e.wikidata = o.value.substr(ns::wd.size());
    } else if (vocab::mentions.is(p) && o.literal) {
      const auto n = parse_count(o.value);
      if (!n) fail("entity <" + bases_.ent + local + "> has a kg:mentions that is not a count: '" + o.value + "'");
      e.mentions = *n;
    } else if (vocab::first_date.is(p) && o.literal) {
      e.first_date = o.value;
    } else if (vocab::last_date.is(p) && o.literal) {
      e.last_date = o.value;
    } else if (starts_with(p, ns::kg) && !o.literal && starts_with(o.value, bases_.ent)) {
      // A direct "truthy" triple: the edges are rebuilt from the events.
    } else {
      return false;
    }
    return true;
  }

  bool take_document(const std::string& local, const std::string& p, const Term& o) {
    if (local.empty()) return false;
    auto [it, added] = documents_.try_emplace(local);
    DocumentPart& part = it->second;
    if (added) {
      part.record.local_name = local;
      part.first_seen = documents_.size();
    }
    graph::DocumentRecord& d = part.record;
    if (vocab::type.is(p)) return !o.literal && vocab::news_article.is(o.value);
    if (vocab::url.is(p)) d.url = o.value;
    else if (vocab::date_published.is(p) && o.literal) d.date = o.value;
    else if (vocab::headline.is(p) && o.literal) d.title = o.value;
    else return false;
    return true;
  }

  bool take_nif(const std::string& subject, const std::string& p, const Term& o) {
    NifPart& part = nifs_[subject];
    if (vocab::type.is(p)) return !o.literal && vocab::rfc5147_string.is(o.value);
    if (vocab::begin_index.is(p) && o.literal) part.begin = parse_count(o.value);
    else if (vocab::end_index.is(p) && o.literal) part.end = parse_count(o.value);
    else if (vocab::anchor_of.is(p) && o.literal) part.anchor = o.value;
    else if (vocab::reference_context.is(p) && !o.literal) return true;
    else return false;
    return true;
  }

  bool take_event(const std::string& local, const std::string& p, const Term& o) {
    auto [it, added] = events_.try_emplace(local);
    EventPart& part = it->second;
    if (added && !split_event_name(local, part))
      fail("event IRI <" + bases_.ev + local + "> is not of the form <doc>-s<sentence>-e<number>");
    graph::EventRecord& e = part.record;
    const auto kg_local = [&](std::string_view v) -> std::optional<std::string_view> {
      if (o.literal || !starts_with(v, ns::kg)) return std::nullopt;
      return v.substr(ns::kg.size());
    };
    const auto flag = [&](bool& field) {
      if (o.value != "true" && o.value != "false" && o.value != "1" && o.value != "0")
        fail("event <" + bases_.ev + local + "> has a flag that is not a boolean: '" + o.value + "'");
      field = o.value == "true" || o.value == "1";
    };
    if (vocab::type.is(p)) {
      if (vocab::speech_act.is(o.value)) e.speech_act = true;
      return !o.literal && (vocab::speech_act.is(o.value) || vocab::event.is(o.value) ||
                            vocab::sem_event.is(o.value));
    }
    if (auto role = starts_with(p, ns::kg) ? role_of(std::string_view(p).substr(ns::kg.size())) : std::nullopt) {
      part.roles.push_back(RoleValue{*role, o});
      return true;
    }
    if (vocab::relation.is(p)) {
      const auto name = kg_local(o.value);
      if (!name) return false;
      // Catalog names are snake_case, and the writer mints any other name (relation_local_name
      // in turtle_writer.cpp): taken as it is, such a name would be written back minted again.
      const bool plain = !name->empty() && std::all_of(name->begin(), name->end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
      });
      if (!plain)
        fail("event <" + bases_.ev + local + "> has a kg:relation that is not a relation name: <" + o.value + ">");
      part.text.relation = std::string(*name);
    } else if (vocab::lemma.is(p) && o.literal) {
      part.text.lemma = o.value;
    } else if (vocab::cameo.is(p) && o.literal) {
      part.text.cameo = o.value;
    } else if (vocab::was_attributed_to.is(p) && !o.literal && starts_with(o.value, bases_.ent)) {
      part.attributed_to = o.value.substr(bases_.ent.size());
    } else if (vocab::cue.is(p) && o.literal) {
      part.text.cue = o.value;
    } else if (vocab::asserted.is(p) && o.literal) {
      flag(e.asserted);
    } else if (vocab::negated.is(p) && o.literal) {
      flag(e.negated);
    } else if (vocab::conditional.is(p) && o.literal) {
      flag(e.conditional);
    } else if (vocab::modality.is(p) && o.literal) {
      part.text.modality = o.value;
    } else if (vocab::confidence.is(p) && o.literal) {
      double value = 0;
      const auto [end, ec] = std::from_chars(o.value.data(), o.value.data() + o.value.size(), value);
      if (ec != std::errc() || end != o.value.data() + o.value.size())
        fail("event <" + bases_.ev + local + "> has a kg:confidence that is not a number: '" + o.value + "'");
      e.confidence = value;
    } else if (vocab::date.is(p) && o.literal) {
      part.text.date = o.value;
    } else if (vocab::was_derived_from.is(p) && !o.literal && starts_with(o.value, bases_.doc)) {
      part.derived_from = o.value.substr(bases_.doc.size());
    } else if (vocab::evidence.is(p) && !o.literal) {
      part.evidence = o.value;
    } else {
      return false;
    }
    return true;
  }

  std::string name_;
  detail::InstanceBases bases_;
  ontology::RdfParser parser_;
  std::size_t statements_ = 0;
  std::size_t ignored_ = 0;
  // Keyed by local name (NIF strings by full IRI); std::map keeps every pass deterministic.
  std::map<std::string, EntityPart> entities_;
  std::map<std::string, DocumentPart> documents_;
  std::unordered_map<std::string, EventPart> events_;
  std::unordered_map<std::string, NifPart> nifs_;
};

}  // namespace

std::optional<fs::path> find_graph_file(const fs::path& dir) {
  // Turtle and TriG first: smallest, and Serd 0.30.16 reads them (and N-Triples) in constant
  // memory, while its N-Quads reader grows with the file (serdi: 41 MB for a 39.5 MB graph.nq,
  // 1.7 MB for the graph.ttl of the same graph).
  for (const char* name : {"graph.ttl", "graph.trig", "graph.nt", "graph.nq"}) {
    std::error_code ec;
    if (fs::is_regular_file(dir / name, ec)) return dir / name;
  }
  return std::nullopt;
}

std::optional<RdfSyntax> syntax_of(const fs::path& file) {
  const std::string ext = file.extension().string();
  if (ext == ".nq") return RdfSyntax::nquads;
  if (ext == ".trig") return RdfSyntax::trig;
  if (ext == ".ttl") return RdfSyntax::turtle;
  if (ext == ".nt") return RdfSyntax::ntriples;
  return std::nullopt;
}

RdfReadSummary read_rdf(std::string_view text, RdfSyntax syntax, const std::string& name,
                        graph::KnowledgeGraph& into, const RdfOptions& options) {
  GraphReader reader(syntax, name, options);
  reader.read_string(text);
  return reader.build(into);
}

RdfReadSummary read_rdf_file(const fs::path& path, graph::KnowledgeGraph& into,
                             const RdfOptions& options) {
  const auto syntax = syntax_of(path);
  if (!syntax)
    throw core::Error("cannot read '" + path.string() +
                      "' back: not an RDF file kgraph writes (.nq, .trig, .ttl or .nt)");
  GraphReader reader(*syntax, path.string(), options);
  reader.read_file(path);
  return reader.build(into);
}

}  // namespace kg::exporter
