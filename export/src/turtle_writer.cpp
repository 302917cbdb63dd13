#include "kg/exporter/turtle_writer.hpp"

#include <serd/serd.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <memory>
#include <ostream>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "kg/core/atomic_file.hpp"
#include "kg/core/diagnostics.hpp"
#include "kg/core/iri.hpp"
#include "kg/core/text.hpp"
#include "rdf_prefixes.hpp"
#include "serd_syntax.hpp"

namespace kg::exporter {

namespace {

namespace ns = ontology::ns;
namespace vocab = ontology::vocab;

std::string cat(std::string_view a, std::string_view b) {
  std::string out;
  out.reserve(a.size() + b.size());
  out.append(a).append(b);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Terms

bool has_scheme(std::string_view iri) {
  if (iri.empty() || !((iri[0] >= 'A' && iri[0] <= 'Z') || (iri[0] >= 'a' && iri[0] <= 'z')))
    return false;
  for (std::size_t i = 1; i < iri.size(); ++i) {
    const char c = iri[i];
    if (c == ':') return i + 1 < iri.size();
    const bool scheme_char = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                             (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
    if (!scheme_char) return false;
  }
  return false;
}

RdfTerm iri(std::string value) { return RdfTerm{RdfTerm::Kind::iri, std::move(value), {}, {}}; }
RdfTerm iri(std::string_view ns_iri, std::string_view local) { return iri(cat(ns_iri, local)); }
RdfTerm iri(const ontology::Term& term) { return iri(term.iri()); }

// Article text is hostile: it has already been repaired to UTF-8 by the readers, but make sure,
// and drop NUL, which Turtle could escape but many stores and C APIs cannot take.
std::string clean_text(std::string_view text) {
  std::string out = core::repair_utf8(text);
  std::size_t nul = 0;
  while ((nul = out.find('\0', nul)) != std::string::npos) out.replace(nul, 1, "\xEF\xBF\xBD");
  return out;
}

RdfTerm plain_literal(std::string_view text) {
  return RdfTerm{RdfTerm::Kind::literal, clean_text(text), {}, {}};
}
RdfTerm english_literal(std::string_view text) {
  return RdfTerm{RdfTerm::Kind::literal, clean_text(text), {}, "en"};
}
RdfTerm typed_literal(std::string lexical, const ontology::Term& datatype) {
  return RdfTerm{RdfTerm::Kind::literal, std::move(lexical), datatype.iri(), {}};
}

// A shortest fixed-point form with at least one fractional digit (`0.5`, `1.0`): an xsd:decimal
// that Serd may abbreviate to a bare number without it turning into an xsd:integer.
std::string decimal_lexical(double value) {
  std::array<char, 400> buf{};  // the longest double in fixed notation has 309 integer digits
  const auto [end, ec] =
      std::to_chars(buf.data(), buf.data() + buf.size(), value, std::chars_format::fixed, 4);
  std::string text = ec == std::errc() ? std::string(buf.data(), end) : std::string("0.0");
  if (text.find('.') == std::string::npos) text += ".0";
  while (text.size() >= 2 && text.back() == '0' && text[text.size() - 2] != '.') text.pop_back();
  if (text == "-0.0") text = "0.0";
  return text;
}

bool is_iso_date(std::string_view d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  static constexpr std::size_t kDigits[] = {0, 1, 2, 3, 5, 6, 8, 9};
  for (const std::size_t i : kDigits)
    if (d[i] < '0' || d[i] > '9') return false;
  return true;
}

// Relation names are snake_case catalog names; anything else is minted like a label so that the
// `kg:` IRI stays valid.
std::string relation_local_name(std::string_view relation) {
  const bool plain = !relation.empty() && std::all_of(relation.begin(), relation.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  });
  return plain ? std::string(relation) : core::mint_local_name(relation);
}

// `Q7747`, also accepted as `wd:Q7747` or a Wikidata entity IRI; anything else is not written.
std::string wikidata_id(std::string_view id) {
  id = core::trim(id);
  for (std::string_view prefix :
       {std::string_view("wd:"), ns::wd, std::string_view("https://www.wikidata.org/entity/"),
        std::string_view("https://www.wikidata.org/wiki/"),
        std::string_view("http://www.wikidata.org/wiki/")}) {
    if (id.substr(0, prefix.size()) == prefix) {
      id.remove_prefix(prefix.size());
      break;
    }
  }
  if (id.size() < 2 || (id[0] != 'Q' && id[0] != 'P' && id[0] != 'L') || id[1] == '0') return {};
  for (char c : id.substr(1))
    if (c < '0' || c > '9') return {};
  return std::string(id);
}

std::string_view schema_class(core::EntityType type) {
  switch (type) {
    case core::EntityType::person: return "Person";
    case core::EntityType::organization: return "Organization";
    case core::EntityType::country: return "Country";
    case core::EntityType::location: return "Place";
    case core::EntityType::group:
    case core::EntityType::concept_: return {};
  }
  return {};
}

/// The triples of one subject, collected so that duplicates can be dropped before emitting.
class SubjectBlock {
 public:
  explicit SubjectBlock(RdfTerm subject, std::string graph = {})
      : subject_(std::move(subject)), graph_(std::move(graph)) {}
  void add(RdfTerm predicate, RdfTerm object) {
    if (!seen_.emplace(predicate.value, object.kind, object.value, object.datatype, object.language)
             .second)
      return;
    statements_.emplace_back(std::move(predicate), std::move(object));
  }
  void emit(const std::function<void(const RdfTriple&)>& sink) const {
    for (const auto& [p, o] : statements_) sink(RdfTriple{subject_, p, o, graph_});
  }

 private:
  RdfTerm subject_;
  std::string graph_;
  std::vector<std::pair<RdfTerm, RdfTerm>> statements_;  // in the order added
  std::set<std::tuple<std::string, RdfTerm::Kind, std::string, std::string, std::string>> seen_;
};

// ---------------------------------------------------------------------------------------------
// The RDF model

class RdfModel {
 public:
  RdfModel(const graph::KnowledgeGraph& g, const RdfOptions& options)
      : g_(g), bases_(detail::instance_bases(options)) {}

  void run(const std::function<void(const RdfTriple&)>& emit) const {
    write_entities(emit);
    // A document's events are contiguous unless its id came back later in the input; bucket them
    // so that each document's named graph is one block.
    std::vector<std::vector<std::size_t>> events_of(g_.documents().size());
    for (std::size_t i = 0; i < g_.events().size(); ++i)
      events_of[g_.events()[i].document].push_back(i);
    for (std::size_t d = 0; d < g_.documents().size(); ++d) {
      write_document(g_.documents()[d], emit);
      write_events(events_of[d], emit);
    }
  }

 private:
  RdfTerm entity_iri(graph::Vertex v) const { return iri(bases_.ent, g_.entity(v).local_name); }
  RdfTerm document_iri(std::size_t index) const {
    return iri(bases_.doc, g_.documents()[index].local_name);
  }
  RdfTerm event_iri(std::size_t index) const {
    const graph::EventRecord& e = g_.events()[index];
    return iri(bases_.ev, g_.documents()[e.document].local_name + "-s" +
                              std::to_string(e.sentence) + "-e" + std::to_string(e.number));
  }
  RdfTerm nif_iri(const graph::EventRecord& e) const {
    return iri(bases_.doc, g_.documents()[e.document].local_name +
                               "#char=" + std::to_string(e.sentence_chars.begin) + "," +
                               std::to_string(e.sentence_chars.end));
  }
  static RdfTerm kg(std::string_view local) { return iri(ns::kg, local); }
  static RdfTerm rdf_type() { return iri(vocab::type); }

  void write_entities(const std::function<void(const RdfTriple&)>& emit) const {
    const auto& graph = g_.graph();
    std::vector<graph::Vertex> order;
    for (auto [it, end] = boost::vertices(graph); it != end; ++it) order.push_back(*it);
    // Same namespace for all, so sorting by local name sorts by IRI.
    std::sort(order.begin(), order.end(), [&](graph::Vertex a, graph::Vertex b) {
      return graph[a].local_name < graph[b].local_name;
    });

    for (graph::Vertex v : order) {
      const graph::Entity& e = graph[v];
      SubjectBlock block(entity_iri(v));
      block.add(rdf_type(), kg(core::entity_type_name(e.type)));
      if (const auto schema = schema_class(e.type); !schema.empty())
        block.add(rdf_type(), iri(ns::schema, schema));
      block.add(iri(vocab::label), english_literal(e.label));
      for (const auto& alias : e.aliases)
        block.add(iri(vocab::alt_label), english_literal(alias));
      if (const auto wd = wikidata_id(e.wikidata); !wd.empty())
        block.add(iri(vocab::same_as), iri(ns::wd, wd));
      block.add(iri(vocab::mentions), typed_literal(std::to_string(e.mentions), vocab::xsd_integer));
      if (is_iso_date(e.first_date)) block.add(iri(vocab::first_date), typed_literal(e.first_date, vocab::xsd_date));
      if (is_iso_date(e.last_date)) block.add(iri(vocab::last_date), typed_literal(e.last_date, vocab::xsd_date));

      std::set<std::pair<std::string, std::string>> truthy;  // (relation IRI, object IRI), sorted
      for (auto [it, end] = boost::out_edges(v, graph); it != end; ++it) {
        const graph::Relation& r = graph[*it];
        const bool stated = std::any_of(r.evidence.begin(), r.evidence.end(), [&](std::size_t i) {
          const graph::EventRecord& ev = g_.events()[i];
          return ev.asserted && !ev.negated;
        });
        if (stated && !r.relation.empty())
          truthy.emplace(kg(relation_local_name(r.relation)).value,
                         entity_iri(boost::target(*it, graph)).value);
      }
      for (const auto& [predicate, object] : truthy) block.add(iri(predicate), iri(object));
      block.emit(emit);
    }
  }

  void write_document(const graph::DocumentRecord& doc,
                      const std::function<void(const RdfTriple&)>& emit) const {
    SubjectBlock block(iri(bases_.doc, doc.local_name), cat(bases_.doc, doc.local_name));
    block.add(rdf_type(), iri(vocab::news_article));
    if (const auto url = core::sanitize_iri(core::trim(doc.url)); !url.empty()) {
      // A URL without a scheme would resolve against wherever the file is read: keep it as text.
      block.add(iri(vocab::url), has_scheme(url) ? iri(url) : plain_literal(doc.url));
    }
    if (is_iso_date(doc.date))
      block.add(iri(vocab::date_published), typed_literal(doc.date, vocab::xsd_date));
    if (!doc.title.empty()) block.add(iri(vocab::headline), plain_literal(doc.title));
    block.emit(emit);
  }

  /// The events `indices` (all of one document, in graph order).
  void write_events(const std::vector<std::size_t>& indices,
                    const std::function<void(const RdfTriple&)>& emit) const {
    const auto& events = g_.events();
    std::set<std::string> nif_written;
    for (std::size_t k = 0; k < indices.size(); ++k) {
      write_event(indices[k], emit);
      const graph::EventRecord& e = events[indices[k]];
      const bool last_of_sentence =
          k + 1 == indices.size() || events[indices[k + 1]].sentence != e.sentence;
      if (last_of_sentence) {
        // Every event of the sentence points at it; write it once, after them.
        for (std::size_t j = k + 1; j-- > 0;) {
          const graph::EventRecord& s = events[indices[j]];
          if (s.sentence != e.sentence) break;
          RdfTerm nif = nif_iri(s);
          if (nif_written.insert(nif.value).second) write_nif(s, std::move(nif), emit);
        }
      }
    }
  }

  void write_event(std::size_t index, const std::function<void(const RdfTriple&)>& emit) const {
    const graph::EventRecord& e = g_.events()[index];
    SubjectBlock block(event_iri(index), document_iri(e.document).value);
    block.add(rdf_type(), iri(e.speech_act ? vocab::speech_act : vocab::event));
    block.add(rdf_type(), iri(vocab::sem_event));
    if (!e.relation.empty()) block.add(iri(vocab::relation), kg(relation_local_name(e.relation)));
    if (!e.lemma.empty()) block.add(iri(vocab::lemma), plain_literal(e.lemma));
    if (!e.cameo.empty()) block.add(iri(vocab::cameo), plain_literal(e.cameo));

    std::vector<const graph::EventRole*> roles;
    for (const auto& role : e.roles)
      if (role.role != core::Role::other) roles.push_back(&role);  // no kg: property for it
    std::stable_sort(roles.begin(), roles.end(), [](const auto* a, const auto* b) {
      return static_cast<int>(a->role) < static_cast<int>(b->role);
    });
    for (const graph::EventRole* role : roles) {
      RdfTerm predicate = kg(core::role_name(role->role));
      if (role->entity)
        block.add(std::move(predicate), entity_iri(*role->entity));
      else if (role->event)
        block.add(std::move(predicate), event_iri(*role->event));
      else
        block.add(std::move(predicate), plain_literal(role->text));
    }

    if (e.attributed_to) block.add(iri(vocab::was_attributed_to), entity_iri(*e.attributed_to));
    if (!e.cue.empty()) block.add(iri(vocab::cue), plain_literal(e.cue));
    if (!e.asserted) block.add(iri(vocab::asserted), typed_literal("false", vocab::xsd_boolean));
    if (e.negated) block.add(iri(vocab::negated), typed_literal("true", vocab::xsd_boolean));
    if (e.conditional) block.add(iri(vocab::conditional), typed_literal("true", vocab::xsd_boolean));
    if (!e.modality.empty()) block.add(iri(vocab::modality), plain_literal(e.modality));
    if (std::isfinite(e.confidence))
      block.add(iri(vocab::confidence), typed_literal(decimal_lexical(e.confidence), vocab::xsd_decimal));
    if (is_iso_date(e.date)) block.add(iri(vocab::date), typed_literal(std::string(e.date), vocab::xsd_date));
    block.add(iri(vocab::was_derived_from), document_iri(e.document));
    block.add(iri(vocab::evidence), nif_iri(e));
    block.emit(emit);
  }

  void write_nif(const graph::EventRecord& e, RdfTerm subject,
                 const std::function<void(const RdfTriple&)>& emit) const {
    SubjectBlock block(std::move(subject), document_iri(e.document).value);
    block.add(rdf_type(), iri(vocab::rfc5147_string));
    block.add(iri(vocab::begin_index),
              typed_literal(std::to_string(e.sentence_chars.begin), vocab::xsd_non_negative_integer));
    block.add(iri(vocab::end_index),
              typed_literal(std::to_string(e.sentence_chars.end), vocab::xsd_non_negative_integer));
    block.add(iri(vocab::anchor_of), plain_literal(e.sentence_text));
    block.add(iri(vocab::reference_context), document_iri(e.document));
    block.emit(emit);
  }

  const graph::KnowledgeGraph& g_;
  detail::InstanceBases bases_;
};

// ---------------------------------------------------------------------------------------------
// Serd

struct SerdEnvDeleter {
  void operator()(SerdEnv* env) const noexcept { serd_env_free(env); }
};
struct SerdWriterDeleter {
  void operator()(SerdWriter* writer) const noexcept { serd_writer_free(writer); }
};

/// A local name Serd may write after `prefix:` verbatim and every Turtle reader we target parses
/// (Serd writes CURIEs as given; it would itself only abbreviate purely alphanumeric names).
bool is_simple_local_name(std::string_view local) {
  if (local.empty() || local.front() == '-') return false;
  return std::all_of(local.begin(), local.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
  });
}

/// RDF output through a SerdWriter into a std::ostream. Serd calls back into C++ through
/// `sink` and `on_error`; neither throws: failures are recorded and reported by finish().
class RdfSerializer {
 public:
  RdfSerializer(std::ostream& out, const RdfOptions& options, RdfSyntax syntax)
      : out_(out),
        syntax_(syntax),
        terse_(syntax == RdfSyntax::turtle || syntax == RdfSyntax::trig),
        quads_(syntax == RdfSyntax::nquads || syntax == RdfSyntax::trig) {
    env_.reset(serd_env_new(nullptr));
    KG_ASSERT(env_ != nullptr);
    // Line-based syntaxes get no style: every IRI in full, one statement a line.
    const auto style = terse_ ? static_cast<SerdStyle>(SERD_STYLE_ABBREVIATED | SERD_STYLE_CURIED)
                              : static_cast<SerdStyle>(0);
    writer_.reset(serd_writer_new(detail::serd_syntax(syntax), style, env_.get(), nullptr,
                                  &RdfSerializer::sink, this));
    KG_ASSERT(writer_ != nullptr);
    serd_writer_set_error_sink(writer_.get(), &RdfSerializer::on_error, this);

    if (!terse_) return;
    for (auto& [name, iri] : detail::rdf_prefixes(options)) add_prefix(std::move(name), std::move(iri));
  }

  void write(const RdfTriple& t) {
    std::string s_text, p_text, o_text;
    const SerdNode s = node(t.subject, s_text, false);
    const SerdNode p = node(t.predicate, p_text, true);
    const SerdNode o = node(t.object, o_text, false);
    std::string g_text;
    SerdNode graph = SERD_NODE_NULL;
    const RdfTerm graph_term{RdfTerm::Kind::iri, quads_ ? t.graph : std::string(), {}, {}};
    if (!graph_term.value.empty()) graph = node(graph_term, g_text, false);
    SerdNode datatype = SERD_NODE_NULL;
    SerdNode language = SERD_NODE_NULL;
    if (t.object.kind == RdfTerm::Kind::literal) {
      if (!t.object.language.empty())
        language = raw_node(SERD_LITERAL, t.object.language);
      else if (!t.object.datatype.empty())
        datatype = raw_node(SERD_URI, t.object.datatype);
    }
    const SerdStatus st = serd_writer_write_statement(
        writer_.get(), 0, graph.type == SERD_NOTHING ? nullptr : &graph, &s, &p, &o,
        datatype.type == SERD_NOTHING ? nullptr : &datatype,
        language.type == SERD_NOTHING ? nullptr : &language);
    if (st != SERD_SUCCESS && error_.empty())
      error_ = reinterpret_cast<const char*>(serd_strerror(st));
  }

  void finish() {
    const SerdStatus st = serd_writer_finish(writer_.get());
    if (st != SERD_SUCCESS && error_.empty())
      error_ = reinterpret_cast<const char*>(serd_strerror(st));
    out_.flush();
    if (!out_ && error_.empty()) error_ = "output stream failed";
    if (!error_.empty())
      throw core::Error("cannot write " + std::string(ontology::syntax_name(syntax_)) + ": " + error_);
  }

 private:
  void add_prefix(std::string name, std::string iri) {
    const SerdNode n = raw_node(SERD_LITERAL, name);
    const SerdNode u = raw_node(SERD_URI, iri);
    serd_writer_set_prefix(writer_.get(), &n, &u);
    prefixes_.emplace_back(std::move(name), std::move(iri));
  }

  // Node flags are left empty on purpose: with SERD_HAS_NEWLINE / SERD_HAS_QUOTE set, Serd 0.30
  // writes `"""long strings"""` that serdi itself fails to read back (quotes next to the closing
  // delimiter); without them it escapes \n \r \t " \ and writes other controls as \uXXXX.
  static SerdNode raw_node(SerdType type, const std::string& text) {
    return SerdNode{reinterpret_cast<const uint8_t*>(text.c_str()), text.size(),
                    core::count_code_points(text), 0, type};
  }

  SerdNode node(const RdfTerm& term, std::string& storage, bool predicate) const {
    if (term.kind == RdfTerm::Kind::literal) return raw_node(SERD_LITERAL, term.value);
    // rdf:type stays a full IRI so that Serd writes it as `a`.
    if (terse_ && !(predicate && vocab::type.is(term.value))) {
      const std::pair<std::string, std::string>* best = nullptr;
      for (const auto& prefix : prefixes_) {
        if (term.value.size() > prefix.second.size() &&
            term.value.compare(0, prefix.second.size(), prefix.second) == 0 &&
            (!best || prefix.second.size() > best->second.size()))
          best = &prefix;
      }
      if (best) {
        const std::string_view local = std::string_view(term.value).substr(best->second.size());
        if (is_simple_local_name(local)) {
          storage = best->first + ":" + std::string(local);
          return raw_node(SERD_CURIE, storage);
        }
      }
    }
    return raw_node(SERD_URI, term.value);
  }

  static size_t sink(const void* buf, size_t len, void* stream) noexcept {
    auto* self = static_cast<RdfSerializer*>(stream);
    try {
      self->out_.write(static_cast<const char*>(buf), static_cast<std::streamsize>(len));
    } catch (...) {
      return 0;
    }
    return self->out_ ? len : 0;
  }

  static SerdStatus on_error(void* handle, const SerdError* error) noexcept {
    auto* self = static_cast<RdfSerializer*>(handle);
    if (self->error_.empty()) {
      char message[512] = {};
      std::vsnprintf(message, sizeof message, error->fmt, *error->args);
      std::string text = message;
      while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
      try {
        self->error_ = text.empty() ? std::string("Serd error") : text;
      } catch (...) {
      }
    }
    return SERD_SUCCESS;
  }

  std::ostream& out_;
  RdfSyntax syntax_;
  bool terse_;  // Turtle or TriG: prefixes and CURIEs
  bool quads_;  // N-Quads or TriG: statements carry their graph
  std::unique_ptr<SerdEnv, SerdEnvDeleter> env_;
  std::unique_ptr<SerdWriter, SerdWriterDeleter> writer_;
  std::vector<std::pair<std::string, std::string>> prefixes_;  // (name, namespace IRI)
  std::string error_;
};

}  // namespace

namespace detail {

InstanceBases instance_bases(const RdfOptions& options) {
  const std::string base = core::sanitize_iri(options.base);
  if (!has_scheme(base))
    throw core::Error("invalid RDF base IRI '" + options.base +
                      "': it must be absolute, like https://example.org/id/");
  return {base + "entity/", base + "event/", base + "doc/"};
}

std::vector<std::pair<std::string, std::string>> rdf_prefixes(const RdfOptions& options) {
  const InstanceBases bases = instance_bases(options);
  std::vector<std::pair<std::string, std::string>> prefixes;
  const std::pair<std::string_view, std::string_view> fixed[] = {
      {"kg", ns::kg},   {"rdf", ns::rdf},   {"rdfs", ns::rdfs}, {"owl", ns::owl},
      {"xsd", ns::xsd}, {"skos", ns::skos}, {"prov", ns::prov}, {"schema", ns::schema},
      {"nif", ns::nif}, {"sem", ns::sem},   {"wd", ns::wd}};
  for (const auto& [name, iri] : fixed) prefixes.emplace_back(name, iri);
  prefixes.emplace_back("ent", bases.ent);
  prefixes.emplace_back("ev", bases.ev);
  prefixes.emplace_back("doc", bases.doc);
  return prefixes;
}

}  // namespace detail

void for_each_triple(const graph::KnowledgeGraph& g, const RdfOptions& options,
                     const std::function<void(const RdfTriple&)>& emit) {
  RdfModel(g, options).run(emit);
}

void write_rdf(const graph::KnowledgeGraph& g, std::ostream& out, RdfSyntax syntax,
               const RdfOptions& options) {
  const RdfModel model(g, options);  // validates the base before anything is written
  RdfSerializer serializer(out, options, syntax);
  model.run([&](const RdfTriple& t) { serializer.write(t); });
  serializer.finish();
}

void write_rdf_file(const graph::KnowledgeGraph& g, const std::filesystem::path& path,
                    RdfSyntax syntax, const RdfOptions& options) {
  core::write_atomically(path, [&](std::ostream& out) { write_rdf(g, out, syntax, options); });
}

void write_turtle(const graph::KnowledgeGraph& g, std::ostream& out, const RdfOptions& options) {
  write_rdf(g, out, RdfSyntax::turtle, options);
}

void write_turtle_file(const graph::KnowledgeGraph& g, const std::filesystem::path& path,
                       const RdfOptions& options) {
  write_rdf_file(g, path, RdfSyntax::turtle, options);
}

}  // namespace kg::exporter
