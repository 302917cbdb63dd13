#pragma once
// Private to kg::extract: entity linking of one mention, from the mention alone (the gazetteer,
// titles, demonyms, country nouns). What earlier sentences of the article tell (titles given
// before, full names, pronouns' antecedents) is coreference.hpp's.

#include <optional>
#include <string_view>
#include <vector>

#include "kg/core/types.hpp"
#include "kg/extract/extractor.hpp"

namespace kg::extract::detail {

/// A pronoun as written: `he`, `He`; not `US` or `IT`, which are names in capitals.
bool is_pronoun(std::string_view word);

/// A title word (`President`, `Sen.`) or a lower-case noun naming a role a person holds
/// (`spokeswoman`, `counterpart`). Capitalised words are checked against the list only: WordNet
/// holds many names as persons (`Hillary`, `Clinton`).
bool is_title_word(std::string_view word, const Resources& resources);

/// Whether a capitalised name's `words` name members of a group: a capitalised WordNet kind of
/// person (`Democrats`, `Hispanics`, `GOP Republicans`), alone or as the plural that ends it; a
/// given name in the singular (`Cyril`) is no group.
bool names_group_members(const std::vector<std::string_view>& words, const Resources& resources);

/// Whether the argument says what its subject is rather than naming someone (`Joe Biden is
/// President`): titles there are roles, not references to their holders.
bool is_predicative(const core::Argument& argument, const core::Proposition& p);

/// Maps an argument to an entity, from the mention alone:
/// 1. gazetteer names and aliases, trying shorter tails of a proper name so that titles fall away
///    (`Russian President Vladimir Putin` -> `Vladimir Putin`); capitals and seats of government
///    acting as subjects (`Washington is preparing …` -> United States);
/// 2. an organisation's name with a descriptor after it (`the NATO alliance` -> NATO);
/// 3. a title that names one person in the gazetteer (`the Russian president` -> Vladimir Putin),
///    unless the argument is `predicative` (`Putin is the Russian president`);
/// 4. a country's forces, officials or land (`Russian forces`, `Ukrainian territory`) and bare
///    demonyms (`the Russians`) -> the country;
/// 5. other proper names without their honorifics and titles (`Sen. Elizabeth Warren` ->
///    `Elizabeth Warren`), typed Person when a title or honorific came with them;
/// 6. else the name itself (proper) or the head noun (common), a Concept.
/// A mention resolved by what it says rather than by a name (3, 4) keeps the canonical label as
/// its mention, so that `Russian forces` does not become an alternative name of Russia.
/// Pronouns give nullopt here; coreference resolves them.
std::optional<core::EntityRef> resolve_entity(const core::Argument& argument, const Resources& resources,
                                              bool predicative = false);

}  // namespace kg::extract::detail
