#pragma once
/// The relation catalog: which predicate lemmas (with an optional particle) express which kgraph
/// relation, its CAMEO code, and whether it is a speech act. Read from `ontology/catalog.ttl`.

#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "kg/core/diagnostics.hpp"

namespace kg::ontology {

/// One relation of the catalog, e.g. {"request", "020", "request", false, {"request", "ask for", …}}.
struct RelationInfo {
  std::string name;   ///< snake_case local name of `kg:<name>`, e.g. `call_for`
  std::string cameo;  ///< CAMEO code as a string (`"020"`); empty for the fallback relation
  std::string label;  ///< human-readable label (`"call for"`)
  bool speech = false;  ///< a speech/reporting relation: its events are `kg:SpeechAct`s
  std::vector<std::string> triggers;  ///< lower-case patterns, `lemma` or `lemma particle`
};

/// The relation catalog. Immutable after load(): safe to share read-only across threads; the
/// pointers it returns stay valid as long as the catalog lives (moving it keeps them valid).
class RelationCatalog {
 public:
  /// Loads the catalog from a Turtle file (normally `default_data_dir() / "catalog.ttl"`).
  ///
  /// Turtle syntax errors are reported to `diagnostics` with `file:line:col`, then core::Error is
  /// thrown; a file that cannot be read throws core::Error naming it. Problems with the content
  /// (a trigger claimed by two relations, a malformed CAMEO code or trigger, a relation without a
  /// label) are reported as warnings with the statement's position and the offending item is
  /// skipped. A catalog that defines no relation at all throws core::Error.
  static RelationCatalog load(const std::filesystem::path& file, core::DiagnosticSink& diagnostics);

  /// The relation for a predicate lemma with an optional particle, preposition or light-verb
  /// object head (`find("ask", "for")`, `find("hold", "talks")`). Tries `lemma particle` first and
  /// falls back to the lemma alone; case-insensitive, surrounding white space ignored. nullptr when
  /// the catalog has no trigger for it (callers then use fallback()).
  const RelationInfo* find(std::string_view lemma, std::string_view particle = {}) const;

  /// The relation named `name` (`"call_for"`), or nullptr.
  const RelationInfo* by_name(std::string_view name) const;

  /// The relation for predicates the catalog does not know (`kg:act`, typed kg:FallbackRelation
  /// in the file), or nullptr when the file declares none.
  const RelationInfo* fallback() const;

  /// All relations in file order.
  const std::vector<RelationInfo>& relations() const { return relations_; }

 private:
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
  std::vector<RelationInfo> relations_;
  std::map<std::string, std::size_t, std::less<>> by_name_;
  std::map<std::string, std::size_t, std::less<>> by_trigger_;  // "lemma" or "lemma particle"
  std::size_t fallback_ = npos;
};

}  // namespace kg::ontology
