#include "kg/exporter/jsonld_writer.hpp"

#include <rapidjson/ostreamwrapper.h>
#include <rapidjson/prettywriter.h>

#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "kg/core/atomic_file.hpp"
#include "kg/core/diagnostics.hpp"
#include "rdf_prefixes.hpp"

namespace kg::exporter {

namespace {

namespace vocab = ontology::vocab;

/// How a term's plain string values are read back (JSON-LD type / language coercion).
enum class Coercion { none, id, datatype, language };

struct Term {
  ontology::Term property;  ///< its local name is the short key, e.g. `agent`
  Coercion coercion = Coercion::none;
  ontology::Term datatype;  ///< the xsd datatype for Coercion::datatype
};

ontology::Term role(core::Role r) { return {ontology::ns::kg, core::role_name(r)}; }

// The vocabulary the RDF model writes (turtle_writer.cpp), with the coercion that lets the
// common value of each property be a bare string. Values that do not fit (a literal role filler,
// a URL kept as text) are written as explicit value or node objects, which coercion never touches.
const std::vector<Term>& terms() {
  static const std::vector<Term> table = {
      {vocab::label, Coercion::language, {}},
      {vocab::alt_label, Coercion::language, {}},
      {vocab::same_as, Coercion::id, {}},
      {vocab::mentions, Coercion::datatype, vocab::xsd_integer},
      {vocab::first_date, Coercion::datatype, vocab::xsd_date},
      {vocab::last_date, Coercion::datatype, vocab::xsd_date},
      {vocab::url, Coercion::id, {}},
      {vocab::date_published, Coercion::datatype, vocab::xsd_date},
      {vocab::headline, Coercion::none, {}},
      {vocab::relation, Coercion::id, {}},
      {vocab::lemma, Coercion::none, {}},
      {vocab::cameo, Coercion::none, {}},
      {role(core::Role::agent), Coercion::id, {}},
      {role(core::Role::recipient), Coercion::id, {}},
      {role(core::Role::theme), Coercion::id, {}},
      {role(core::Role::target), Coercion::id, {}},
      {role(core::Role::content), Coercion::id, {}},
      {role(core::Role::about), Coercion::id, {}},
      {role(core::Role::time), Coercion::none, {}},
      {role(core::Role::place), Coercion::id, {}},
      {vocab::was_attributed_to, Coercion::id, {}},
      {vocab::cue, Coercion::none, {}},
      {vocab::asserted, Coercion::datatype, vocab::xsd_boolean},
      {vocab::negated, Coercion::datatype, vocab::xsd_boolean},
      {vocab::conditional, Coercion::datatype, vocab::xsd_boolean},
      {vocab::modality, Coercion::none, {}},
      {vocab::confidence, Coercion::datatype, vocab::xsd_decimal},
      {vocab::date, Coercion::datatype, vocab::xsd_date},
      {vocab::was_derived_from, Coercion::id, {}},
      {vocab::evidence, Coercion::id, {}},
      {vocab::begin_index, Coercion::datatype, vocab::xsd_non_negative_integer},
      {vocab::end_index, Coercion::datatype, vocab::xsd_non_negative_integer},
      {vocab::anchor_of, Coercion::none, {}},
      {vocab::reference_context, Coercion::id, {}},
  };
  return table;
}

/// Compact IRIs against the document's prefixes.
class IriCompactor {
 public:
  explicit IriCompactor(std::vector<std::pair<std::string, std::string>> prefixes)
      : prefixes_(std::move(prefixes)) {}

  /// `ent:Vladimir_Putin` when a prefix fits, else the IRI itself. A suffix starting with `//`
  /// would read back as an absolute IRI, so such IRIs stay whole.
  std::string compact(const std::string& iri) const {
    const std::pair<std::string, std::string>* best = nullptr;
    for (const auto& p : prefixes_) {
      if (iri.size() > p.second.size() && iri.compare(0, p.second.size(), p.second) == 0 &&
          (!best || p.second.size() > best->second.size()))
        best = &p;
    }
    if (!best) return iri;
    const std::string_view local = std::string_view(iri).substr(best->second.size());
    if (local.substr(0, 2) == "//") return iri;
    return best->first + ":" + std::string(local);
  }

  const std::vector<std::pair<std::string, std::string>>& prefixes() const { return prefixes_; }

 private:
  std::vector<std::pair<std::string, std::string>> prefixes_;
};

/// One subject's statements, grouped by predicate in the order first seen.
struct NodeObject {
  std::string subject;
  std::vector<std::string> types;
  std::vector<std::pair<std::string, std::vector<RdfTerm>>> properties;  // predicate IRI -> objects
};

using Writer = rapidjson::PrettyWriter<rapidjson::OStreamWrapper>;

void write_string(Writer& w, const std::string& s) {
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

/// Streams the document: for_each_triple() delivers the triples of one subject together, so each
/// node object is written as soon as its subject's triples are complete, and memory stays at one
/// node however large the graph.
class JsonLdDocument {
 public:
  JsonLdDocument(const RdfOptions& options, std::ostream& out)
      : iris_(detail::rdf_prefixes(options)), out_(out), stream_(out), w_(stream_) {
    for (const Term& t : terms()) by_iri_.emplace(t.property.iri(), &t);
    w_.SetIndent(' ', 2);
    w_.StartObject();
    w_.Key("@context");
    write_context(w_);
    w_.Key("@graph");
    w_.StartArray();
  }

  void add(const RdfTriple& t) {
    if (!node_ || node_->subject != t.subject.value) {
      flush();
      node_ = NodeObject{t.subject.value, {}, {}};
    }
    NodeObject& node = *node_;
    if (vocab::type.is(t.predicate.value) && t.object.kind == RdfTerm::Kind::iri) {
      node.types.push_back(t.object.value);
      return;
    }
    for (auto& [p, objects] : node.properties) {
      if (p == t.predicate.value) {
        objects.push_back(t.object);
        return;
      }
    }
    node.properties.emplace_back(t.predicate.value, std::vector<RdfTerm>{t.object});
  }

  void finish() {
    flush();
    w_.EndArray();
    w_.EndObject();
    out_ << '\n';
    out_.flush();
    if (!w_.IsComplete() || !out_) throw core::Error("cannot write JSON-LD: output stream failed");
  }

 private:
  void flush() {
    if (node_) write_node(w_, *node_);
    node_.reset();
  }

  void write_context(Writer& w) const {
    w.StartObject();
    for (const auto& [name, iri] : iris_.prefixes()) {
      write_string(w, name);
      write_string(w, iri);
    }
    for (const Term& t : terms()) {
      w.Key(t.property.local.data(), static_cast<rapidjson::SizeType>(t.property.local.size()));
      w.StartObject();
      w.Key("@id");
      write_string(w, iris_.compact(t.property.iri()));
      switch (t.coercion) {
        case Coercion::none: break;
        case Coercion::id:
          w.Key("@type");
          w.String("@id");
          break;
        case Coercion::datatype:
          w.Key("@type");
          write_string(w, "xsd:" + std::string(t.datatype.local));
          break;
        case Coercion::language:
          w.Key("@language");
          w.String("en");
          break;
      }
      w.EndObject();
    }
    w.EndObject();
  }

  void write_node(Writer& w, const NodeObject& node) const {
    w.StartObject();
    w.Key("@id");
    write_string(w, iris_.compact(node.subject));
    if (!node.types.empty()) {
      w.Key("@type");
      if (node.types.size() > 1) w.StartArray();
      for (const auto& type : node.types) write_string(w, iris_.compact(type));
      if (node.types.size() > 1) w.EndArray();
    }
    for (const auto& [predicate, objects] : node.properties) {
      const auto term = by_iri_.find(predicate);
      const Term* t = term == by_iri_.end() ? nullptr : term->second;
      if (t)
        w.Key(t->property.local.data(), static_cast<rapidjson::SizeType>(t->property.local.size()));
      else
        write_string(w, iris_.compact(predicate));
      if (objects.size() > 1) w.StartArray();
      for (const RdfTerm& o : objects) write_value(w, t, o);
      if (objects.size() > 1) w.EndArray();
    }
    w.EndObject();
  }

  /// A bare string when the term's coercion reads it back as `o`, else an explicit object.
  void write_value(Writer& w, const Term* t, const RdfTerm& o) const {
    const Coercion c = t ? t->coercion : Coercion::none;
    if (o.kind == RdfTerm::Kind::iri) {
      if (c == Coercion::id) {
        write_string(w, iris_.compact(o.value));
        return;
      }
      w.StartObject();
      w.Key("@id");
      write_string(w, iris_.compact(o.value));
      w.EndObject();
      return;
    }
    const bool fits =
        (c == Coercion::language && o.language == "en") ||
        (c == Coercion::datatype && o.language.empty() &&
         t->datatype.is(o.datatype)) ||
        (c == Coercion::none && o.language.empty() &&
         (o.datatype.empty() || vocab::xsd_string.is(o.datatype)));
    if (fits) {
      write_string(w, o.value);
      return;
    }
    w.StartObject();
    w.Key("@value");
    write_string(w, o.value);
    if (!o.language.empty()) {
      w.Key("@language");
      write_string(w, o.language);
    } else if (!o.datatype.empty() && !vocab::xsd_string.is(o.datatype)) {
      w.Key("@type");
      write_string(w, iris_.compact(o.datatype));
    }
    w.EndObject();
  }

  IriCompactor iris_;
  std::unordered_map<std::string, const Term*> by_iri_;
  std::ostream& out_;
  rapidjson::OStreamWrapper stream_;
  Writer w_;
  std::optional<NodeObject> node_;  // the subject being collected
};

}  // namespace

void write_jsonld(const graph::KnowledgeGraph& g, std::ostream& out, const RdfOptions& options) {
  detail::rdf_prefixes(options);  // validates the base before anything is written
  JsonLdDocument doc(options, out);
  for_each_triple(g, options, [&](const RdfTriple& t) { doc.add(t); });
  doc.finish();
}

void write_jsonld_file(const graph::KnowledgeGraph& g, const std::filesystem::path& path,
                       const RdfOptions& options) {
  core::write_atomically(path, [&](std::ostream& out) { write_jsonld(g, out, options); });
}

}  // namespace kg::exporter
