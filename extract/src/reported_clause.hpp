#pragma once
/// Indirect speech and reported thought whose complement clause the parse missed or cut short
/// (`Palmieri said Clinton will address Trump's comments at an event in Florida later Friday.`,
/// `He recently pitched himself … by telling them that their lives are about as terrible as can
/// be`): the clause is read off the sentence's text after the reporting verb.
/// Private to kg::extract (Extractor::process calls it after attach_quoted_speech()).

#include <string_view>
#include <vector>

#include "kg/core/types.hpp"
#include "kg/extract/proposition_extractor.hpp"
#include "kg/extract/wordnet.hpp"

namespace kg::extract {

/// For each proposition of `sentences` (one article) whose verb chain holds a reporting verb
/// (Lexicon::is_speech_verb, or WordNet::reports_clause: a cognition, communication or emotion
/// verb with the frame `Somebody ----s that CLAUSE`) with its subject before it, outside any
/// quotation:
/// - the complement clause starts at `that` (`said that …`, `told CNN that …`, `said Monday
///   that …`), else right after the verb when a subject can start there (`said Clinton will …`,
///   not `said in a statement`, `said so`);
/// - it ends at the end of the sentence, or before `;`, a contrasting clause (`, but …`) or
///   another reporting clause (`, the source added`, `, citing …`, `, according to …`);
/// - a content argument of the verb that starts there is extended to that end; a verb without
///   one gets the clause (a verb chain led by the reporting verb, `said … address`, gets a
///   proposition of its own); the propositions inside the clause become its content
///   (Proposition::content_of) and get the speaker as their attribution unless they have one.
/// `text` is the article, `sentences` its facts in order, spans document code points.
void attach_reported_clauses(std::vector<core::SentenceFacts>& sentences, std::string_view text,
                             const Lexicon& lexicon, const WordNet& wordnet);

}  // namespace kg::extract
