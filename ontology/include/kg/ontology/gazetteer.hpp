#pragma once
/// The gazetteer: known countries, organisations and people with their aliases, demonyms, seats
/// of government, titles and Wikidata ids. Read from `ontology/gazetteer/*.ttl` and user files.

#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "kg/core/diagnostics.hpp"
#include "kg/core/types.hpp"

namespace kg::ontology {

/// A person's grammatical gender as the gazetteer records it (`schema:gender schema:Male`), used
/// only to agree pronouns with their antecedents (`she` is not Donald Trump).
enum class Gender { unknown, male, female };

/// One known entity. `label` is canonical and decides the entity's identity (its IRI).
struct GazetteerEntry {
  std::string label;       ///< `rdfs:label`, e.g. `Vladimir Putin`
  core::EntityType type = core::EntityType::concept_;  ///< from `rdf:type kg:Person` …
  std::string wikidata;    ///< `Q7747` (from `owl:sameAs wd:Q7747`), or empty
  std::vector<std::string> aliases;   ///< `skos:altLabel`s, e.g. `Putin`
  std::vector<std::string> titles;    ///< `kg:title`s, e.g. `Russian President`
  std::vector<std::string> demonyms;  ///< `kg:demonym`s of a country, e.g. `Russian`
  std::vector<std::string> seats;     ///< `kg:seatAlias`es, e.g. `Moscow`
  Gender gender = Gender::unknown;    ///< `schema:gender schema:Male` / `schema:Female`
};

/// The gazetteer. Immutable after load(): safe to share read-only across threads; returned
/// pointers stay valid as long as the gazetteer lives (moving it keeps them valid).
///
/// Name matching: exact first (after trimming and folding white space runs and typographic
/// apostrophes), then ASCII case-insensitively, a leading "the " ignored on both sides ("the
/// Kremlin" finds "Kremlin", "Nato" finds "NATO"). Acronyms of at most three capitals ("US",
/// "U.S.", "UN", "AP") match exactly only, so that "us" or "un" in text never do.
class Gazetteer {
 public:
  /// Loads and merges the Turtle files, in order (the shipped `countries.ttl` and `actors.ttl`,
  /// then user files from `--gazetteer`). Statements about the same subject IRI in several files
  /// merge into one entry, so a user file can add aliases to a shipped entry.
  ///
  /// Every file is read even when one fails, so that all Turtle syntax errors are reported to
  /// `diagnostics` with `file:line:col`; then core::Error is thrown naming the first problem.
  /// A file that cannot be read throws core::Error naming it. Content problems are warnings with
  /// the statement's position and the offending item is skipped: an entry without rdfs:label,
  /// a second label, Wikidata id or gender, a gender other than schema:Male or schema:Female, no
  /// kg: entity class (the entry becomes a Concept), and a name that already names another entry
  /// (the first entry keeps it).
  static Gazetteer load(const std::vector<std::filesystem::path>& files,
                        core::DiagnosticSink& diagnostics);

  /// The entry whose label or alias is `name`, or nullptr. Demonyms, seats and titles are not
  /// names of the entry: use the functions below for them.
  const GazetteerEntry* find(std::string_view name) const;

  /// The country for a demonym or adjective ("Russian" -> Russia, "Ukrainian" -> Ukraine); a
  /// plural is also accepted ("Russians"). nullptr when unknown.
  const GazetteerEntry* country_for_demonym(std::string_view word) const;

  /// The entry whose capital or seat of government is `name` ("Washington" -> United States,
  /// "Kyiv" and "Kiev" -> Ukraine, "Brussels" -> European Union), or nullptr. Meant for acting
  /// subjects ("Moscow said"): the same names are also cities.
  const GazetteerEntry* country_for_seat(std::string_view name) const;

  /// The entry a title names on its own ("Kremlin spokesman" -> Dmitry Peskov), or nullptr.
  /// Case-insensitive; a leading "the " is ignored.
  const GazetteerEntry* find_by_title(std::string_view title) const;

  /// Number of entries.
  std::size_t size() const { return entries_.size(); }

  /// All entries, in the order their subjects first appear in the files.
  const std::vector<GazetteerEntry>& entries() const { return entries_; }

 private:
  using Index = std::map<std::string, std::size_t, std::less<>>;
  /// Exact and case-folded keys of one kind of name (names, demonyms, seats, titles).
  struct NameIndex {
    Index exact;
    Index folded;
  };
  const GazetteerEntry* lookup(const NameIndex& index, std::string_view name) const;

  std::vector<GazetteerEntry> entries_;
  NameIndex names_;
  NameIndex demonyms_;
  NameIndex seats_;
  NameIndex titles_;
};

}  // namespace kg::ontology
