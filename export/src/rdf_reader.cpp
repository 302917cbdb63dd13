#include "kg/exporter/rdf_reader.hpp"

#include <serd/serd.h>

#include <algorithm>
#include <charconv>
#include <cstdarg>
#include <cstdio>
#include <map>
#include <memory>
#include <unordered_map>
#include <utility>
#include <vector>

#include "kg/core/diagnostics.hpp"
#include "rdf_prefixes.hpp"
#include "serd_syntax.hpp"

namespace kg::exporter {

namespace {

namespace ns = ontology::ns;
namespace fs = std::filesystem;

std::string cat(std::string_view a, std::string_view b) {
  std::string out(a);
  out.append(b);
  return out;
}

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

struct SerdEnvDeleter {
  void operator()(SerdEnv* env) const noexcept { serd_env_free(env); }
};
struct SerdReaderDeleter {
  void operator()(SerdReader* reader) const noexcept { serd_reader_free(reader); }
};
struct FileCloser {
  void operator()(std::FILE* f) const noexcept { std::fclose(f); }
};

/// One read: Serd pushes statements into the parts; build() checks them and fills the graph.
/// Serd's callbacks never throw: the first failure is kept and stops the read.
class GraphReader {
 public:
  GraphReader(RdfSyntax syntax, std::string name, const RdfOptions& options)
      : name_(std::move(name)), bases_(detail::instance_bases(options)) {
    env_.reset(serd_env_new(nullptr));
    KG_ASSERT(env_ != nullptr);
    reader_.reset(serd_reader_new(detail::serd_syntax(syntax), this, nullptr, &GraphReader::on_base,
                                  &GraphReader::on_prefix, &GraphReader::on_statement, nullptr));
    KG_ASSERT(reader_ != nullptr);
    serd_reader_set_strict(reader_.get(), true);
    serd_reader_set_error_sink(reader_.get(), &GraphReader::on_error, this);
  }

  void read_string(std::string_view text) {
    const std::string copy(text);  // Serd reads a NUL-terminated string
    finish(serd_reader_read_string(reader_.get(), reinterpret_cast<const uint8_t*>(copy.c_str())));
  }

  void read_file(const fs::path& path) {
    std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
    if (!file) throw core::Error("cannot open '" + path.string() + "' to read the graph back");
    finish(serd_reader_read_file_handle(reader_.get(), file.get(),
                                        reinterpret_cast<const uint8_t*>(name_.c_str())));
    if (std::ferror(file.get())) throw core::Error("cannot read '" + path.string() + "'");
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
    throw core::Error(name_ + ": error: " + what);
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

  // Serd callbacks ---------------------------------------------------------------------------

  static SerdStatus on_base(void* handle, const SerdNode* uri) noexcept {
    return serd_env_set_base_uri(static_cast<GraphReader*>(handle)->env_.get(), uri);
  }
  static SerdStatus on_prefix(void* handle, const SerdNode* name, const SerdNode* uri) noexcept {
    return serd_env_set_prefix(static_cast<GraphReader*>(handle)->env_.get(), name, uri);
  }
  static SerdStatus on_error(void* handle, const SerdError* error) noexcept {
    auto* self = static_cast<GraphReader*>(handle);
    if (!self->syntax_error_.empty()) return SERD_SUCCESS;
    try {
      char message[512] = {};
      std::vsnprintf(message, sizeof message, error->fmt, *error->args);
      std::string text = message;
      while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
      core::Diagnostic d;
      d.where = {self->name_, error->line, error->col};
      d.message = text.empty() ? "invalid RDF" : text;
      self->syntax_error_ = core::format(d);
    } catch (...) {
      self->syntax_error_ = "?";
    }
    return SERD_SUCCESS;
  }
  static SerdStatus on_statement(void* handle, SerdStatementFlags, const SerdNode*,
                                 const SerdNode* subject, const SerdNode* predicate,
                                 const SerdNode* object, const SerdNode* datatype,
                                 const SerdNode* language) noexcept {
    auto* self = static_cast<GraphReader*>(handle);
    try {
      self->statement(*subject, *predicate, *object, datatype, language);
      return SERD_SUCCESS;
    } catch (...) {
      self->failure_ = std::current_exception();
      return SERD_ERR_UNKNOWN;
    }
  }

  void finish(SerdStatus status) {
    if (failure_) std::rethrow_exception(failure_);
    if (!syntax_error_.empty()) throw core::Error(syntax_error_);
    if (status != SERD_SUCCESS && status != SERD_FAILURE)
      throw core::Error(name_ + ": error: " +
                        reinterpret_cast<const char*>(serd_strerror(status)));
  }

  /// The node as an absolute IRI (CURIEs and relative IRIs expanded), or nullopt (blank nodes).
  std::optional<std::string> iri(const SerdNode& node) const {
    if (node.type != SERD_URI && node.type != SERD_CURIE) return std::nullopt;
    const std::string text(reinterpret_cast<const char*>(node.buf), node.n_bytes);
    if (node.type == SERD_URI && serd_uri_string_has_scheme(node.buf)) return text;
    SerdNode expanded = serd_env_expand_node(env_.get(), &node);
    if (expanded.type == SERD_NOTHING) return std::nullopt;
    std::string out(reinterpret_cast<const char*>(expanded.buf), expanded.n_bytes);
    serd_node_free(&expanded);
    return out;
  }

  void statement(const SerdNode& s, const SerdNode& p, const SerdNode& o, const SerdNode* datatype,
                 const SerdNode*) {
    ++statements_;
    const auto subject = iri(s);
    const auto predicate = iri(p);
    Term object;
    if (o.type == SERD_LITERAL) {
      object.literal = true;
      object.value.assign(reinterpret_cast<const char*>(o.buf), o.n_bytes);
      if (datatype && datatype->type != SERD_NOTHING) object.datatype = iri(*datatype).value_or("");
    } else if (auto value = iri(o)) {
      object.value = std::move(*value);
    } else {
      ++ignored_;
      return;
    }
    if (!subject || !predicate || !take(*subject, *predicate, object)) ++ignored_;
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
    if (p == cat(ns::rdf, "type")) {
      if (!o.literal && starts_with(o.value, ns::kg)) {
        if (auto type = entity_type(std::string_view(o.value).substr(ns::kg.size()))) {
          e.type = *type;
          part.typed = true;
          return true;
        }
      }
      return !o.literal && starts_with(o.value, ns::schema);  // the schema.org class follows the kg: one
    }
    if (p == cat(ns::rdfs, "label") && o.literal) {
      e.label = o.value;
      part.labelled = true;
    } else if (p == cat(ns::skos, "altLabel") && o.literal) {
      e.aliases.insert(o.value);
    } else if (p == cat(ns::owl, "sameAs") && !o.literal && starts_with(o.value, ns::wd)) {
      e.wikidata = o.value.substr(ns::wd.size());
    } else if (p == cat(ns::kg, "mentions") && o.literal) {
      const auto n = parse_count(o.value);
      if (!n) fail("entity <" + bases_.ent + local + "> has a kg:mentions that is not a count: '" + o.value + "'");
      e.mentions = *n;
    } else if (p == cat(ns::kg, "firstDate") && o.literal) {
      e.first_date = o.value;
    } else if (p == cat(ns::kg, "lastDate") && o.literal) {
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
    if (p == cat(ns::rdf, "type")) return !o.literal && o.value == cat(ns::schema, "NewsArticle");
    if (p == cat(ns::schema, "url")) d.url = o.value;
    else if (p == cat(ns::schema, "datePublished") && o.literal) d.date = o.value;
    else if (p == cat(ns::schema, "headline") && o.literal) d.title = o.value;
    else return false;
    return true;
  }

  bool take_nif(const std::string& subject, const std::string& p, const Term& o) {
    NifPart& part = nifs_[subject];
    if (p == cat(ns::rdf, "type")) return !o.literal && o.value == cat(ns::nif, "RFC5147String");
    if (p == cat(ns::nif, "beginIndex") && o.literal) part.begin = parse_count(o.value);
    else if (p == cat(ns::nif, "endIndex") && o.literal) part.end = parse_count(o.value);
    else if (p == cat(ns::nif, "anchorOf") && o.literal) part.anchor = o.value;
    else if (p == cat(ns::nif, "referenceContext") && !o.literal) return true;
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
    if (p == cat(ns::rdf, "type")) {
      if (o.value == cat(ns::kg, "SpeechAct")) e.speech_act = true;
      return !o.literal && (o.value == cat(ns::kg, "SpeechAct") || o.value == cat(ns::kg, "Event") ||
                            o.value == cat(ns::sem, "Event"));
    }
    if (auto role = starts_with(p, ns::kg) ? role_of(std::string_view(p).substr(ns::kg.size())) : std::nullopt) {
      part.roles.push_back(RoleValue{*role, o});
      return true;
    }
    if (p == cat(ns::kg, "relation")) {
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
    } else if (p == cat(ns::kg, "lemma") && o.literal) {
      part.text.lemma = o.value;
    } else if (p == cat(ns::kg, "cameo") && o.literal) {
      part.text.cameo = o.value;
    } else if (p == cat(ns::prov, "wasAttributedTo") && !o.literal && starts_with(o.value, bases_.ent)) {
      part.attributed_to = o.value.substr(bases_.ent.size());
    } else if (p == cat(ns::kg, "cue") && o.literal) {
      part.text.cue = o.value;
    } else if (p == cat(ns::kg, "asserted") && o.literal) {
      flag(e.asserted);
    } else if (p == cat(ns::kg, "negated") && o.literal) {
      flag(e.negated);
    } else if (p == cat(ns::kg, "conditional") && o.literal) {
      flag(e.conditional);
    } else if (p == cat(ns::kg, "modality") && o.literal) {
      part.text.modality = o.value;
    } else if (p == cat(ns::kg, "confidence") && o.literal) {
      double value = 0;
      const auto [end, ec] = std::from_chars(o.value.data(), o.value.data() + o.value.size(), value);
      if (ec != std::errc() || end != o.value.data() + o.value.size())
        fail("event <" + bases_.ev + local + "> has a kg:confidence that is not a number: '" + o.value + "'");
      e.confidence = value;
    } else if (p == cat(ns::kg, "date") && o.literal) {
      part.text.date = o.value;
    } else if (p == cat(ns::prov, "wasDerivedFrom") && !o.literal && starts_with(o.value, bases_.doc)) {
      part.derived_from = o.value.substr(bases_.doc.size());
    } else if (p == cat(ns::kg, "evidence") && !o.literal) {
      part.evidence = o.value;
    } else {
      return false;
    }
    return true;
  }

  std::string name_;
  detail::InstanceBases bases_;
  std::unique_ptr<SerdEnv, SerdEnvDeleter> env_;
  std::unique_ptr<SerdReader, SerdReaderDeleter> reader_;
  std::string syntax_error_;
  std::exception_ptr failure_;
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
