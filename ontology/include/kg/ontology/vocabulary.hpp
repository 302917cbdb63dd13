#pragma once
/// The namespace IRIs of the RDF model (the public contract SPARQL users depend on), the default
/// instance base, and the terms kgraph writes, reads back and loads, each spelled once here: the
/// Turtle writer, the JSON-LD writer and the reader of graphs (kg::exporter), and the catalog and
/// gazetteer loaders use these. Constants only; the kg: terms are defined in ontology/kgraph.ttl.
/// Entity classes and event roles are spelled by core::entity_type_name() and core::role_name().

#include <string>
#include <string_view>

namespace kg::ontology::ns {

inline constexpr std::string_view kg = "https://w3id.org/kgraph/ns#";
inline constexpr std::string_view rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
inline constexpr std::string_view rdfs = "http://www.w3.org/2000/01/rdf-schema#";
inline constexpr std::string_view owl = "http://www.w3.org/2002/07/owl#";
inline constexpr std::string_view xsd = "http://www.w3.org/2001/XMLSchema#";
inline constexpr std::string_view skos = "http://www.w3.org/2004/02/skos/core#";
inline constexpr std::string_view prov = "http://www.w3.org/ns/prov#";
inline constexpr std::string_view schema = "http://schema.org/";
inline constexpr std::string_view nif =
    "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#";
inline constexpr std::string_view sem = "http://semanticweb.cs.vu.nl/2009/11/sem/";
inline constexpr std::string_view wd = "http://www.wikidata.org/entity/";

/// Default base for instance data (`--base`): ent: = base + "entity/", ev: = base + "event/",
/// doc: = base + "doc/".
inline constexpr std::string_view default_base = "https://w3id.org/kgraph/id/";

}  // namespace kg::ontology::ns

namespace kg::ontology {

/// A term of a vocabulary: its namespace IRI and its local name (also the JSON-LD key).
struct Term {
  std::string_view ns;
  std::string_view local;

  /// The absolute IRI.
  std::string iri() const {
    std::string out;
    out.reserve(ns.size() + local.size());
    out.append(ns).append(local);
    return out;
  }
  /// Whether `iri` is this term's IRI (without building it).
  constexpr bool is(std::string_view iri) const noexcept {
    return iri.size() == ns.size() + local.size() && iri.starts_with(ns) && iri.ends_with(local);
  }
};

namespace vocab {

// Standard vocabularies.
inline constexpr Term type{ns::rdf, "type"};
inline constexpr Term label{ns::rdfs, "label"};
inline constexpr Term alt_label{ns::skos, "altLabel"};
inline constexpr Term same_as{ns::owl, "sameAs"};
inline constexpr Term was_attributed_to{ns::prov, "wasAttributedTo"};
inline constexpr Term was_derived_from{ns::prov, "wasDerivedFrom"};
inline constexpr Term sem_event{ns::sem, "Event"};

// Documents (schema.org).
inline constexpr Term news_article{ns::schema, "NewsArticle"};
inline constexpr Term url{ns::schema, "url"};
inline constexpr Term date_published{ns::schema, "datePublished"};
inline constexpr Term headline{ns::schema, "headline"};
inline constexpr Term gender{ns::schema, "gender"};
inline constexpr Term male{ns::schema, "Male"};
inline constexpr Term female{ns::schema, "Female"};

// Sentences (NIF).
inline constexpr Term rfc5147_string{ns::nif, "RFC5147String"};
inline constexpr Term begin_index{ns::nif, "beginIndex"};
inline constexpr Term end_index{ns::nif, "endIndex"};
inline constexpr Term anchor_of{ns::nif, "anchorOf"};
inline constexpr Term reference_context{ns::nif, "referenceContext"};

// kg: entities.
inline constexpr Term mentions{ns::kg, "mentions"};
inline constexpr Term first_date{ns::kg, "firstDate"};
inline constexpr Term last_date{ns::kg, "lastDate"};

// kg: events.
inline constexpr Term event{ns::kg, "Event"};
inline constexpr Term speech_act{ns::kg, "SpeechAct"};
inline constexpr Term relation{ns::kg, "relation"};
inline constexpr Term lemma{ns::kg, "lemma"};
inline constexpr Term cameo{ns::kg, "cameo"};
inline constexpr Term cue{ns::kg, "cue"};
inline constexpr Term asserted{ns::kg, "asserted"};
inline constexpr Term negated{ns::kg, "negated"};
inline constexpr Term conditional{ns::kg, "conditional"};
inline constexpr Term modality{ns::kg, "modality"};
inline constexpr Term confidence{ns::kg, "confidence"};
inline constexpr Term date{ns::kg, "date"};
inline constexpr Term evidence{ns::kg, "evidence"};

// kg: the relation catalog and the gazetteer (ontology/*.ttl).
inline constexpr Term relation_class{ns::kg, "Relation"};
inline constexpr Term speech_relation{ns::kg, "SpeechRelation"};
inline constexpr Term fallback_relation{ns::kg, "FallbackRelation"};
inline constexpr Term trigger{ns::kg, "trigger"};
inline constexpr Term title{ns::kg, "title"};
inline constexpr Term demonym{ns::kg, "demonym"};
inline constexpr Term seat_alias{ns::kg, "seatAlias"};

// Datatypes of the literals written.
inline constexpr Term xsd_string{ns::xsd, "string"};
inline constexpr Term xsd_integer{ns::xsd, "integer"};
inline constexpr Term xsd_non_negative_integer{ns::xsd, "nonNegativeInteger"};
inline constexpr Term xsd_decimal{ns::xsd, "decimal"};
inline constexpr Term xsd_boolean{ns::xsd, "boolean"};
inline constexpr Term xsd_date{ns::xsd, "date"};

}  // namespace vocab

}  // namespace kg::ontology
