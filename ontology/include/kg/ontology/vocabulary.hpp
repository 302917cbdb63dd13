#pragma once
/// The namespace IRIs of the RDF model (the public contract SPARQL users depend on) and the
/// default instance base. Constants only; the terms themselves are defined in ontology/kgraph.ttl.

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
