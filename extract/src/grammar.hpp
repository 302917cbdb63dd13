#pragma once
// Private to kg::extract: the closed-class grammar of English that the rules read — modals, forms
// of `be`, negators, pronouns, determiners, prepositions, calendar words, the function words of
// the reporting rules read off the text — and the Link Grammar link types that build a noun
// phrase, plus small predicates over parsed words. Every such list is defined here once (the
// sentence splitter's own cue words stay in sentence_splitter.cpp). Open-class words (titles,
// reporting and stance verbs, gender words, country nouns, abbreviations, CAMEO refinements …)
// are data: ontology/lexicon/*.tsv, read through ontology::WordLists.

#include <array>
#include <string>
#include <string_view>

#include "kg/core/text.hpp"
#include "kg/extract/link_parser.hpp"

namespace kg::extract::detail {

/// Modal auxiliaries at the head of a verb chain (`will` and `shall` mark the future instead).
inline constexpr std::array<std::string_view, 9> kModals = {"would", "may",    "might", "could", "can",
                                                            "should", "must", "shall", "will"};
/// The forms of `be`.
inline constexpr std::array<std::string_view, 8> kBeForms = {"be",  "is",   "am",   "are",
                                                             "was", "were", "been", "being"};
/// Words that negate the verb they modify (N, E or EN links).
inline constexpr std::array<std::string_view, 4> kNegations = {"not", "n't", "never", "no"};

/// Prepositions (and `while`) that a gerund follows (`by putting together …`) and that show a
/// misparse when an argument starts with them (linkage choice). A narrower list than
/// kPrepositions, measured with it: the two differ in a dozen words and merging them changes
/// which linkage wins on some sentences.
inline constexpr std::array<std::string_view, 22> kClausePrepositions = {
    "of", "in", "on", "for", "by", "with", "about", "after", "before", "without", "from",
    "to", "at", "through", "over", "into", "upon", "against", "despite", "since", "while", "via"};
/// Prepositions that end the head of a conjunct (`a return to diplomacy` -> `return`).
inline constexpr std::array<std::string_view, 31> kPrepositions = {
    "of", "to", "for", "in", "on", "with", "at", "by", "from", "about", "over", "against", "into",
    "near", "between", "like", "after", "before", "during", "since", "until", "amid", "despite",
    "through", "under", "without", "within", "across", "around", "toward", "towards"};
/// Subordinators of adverbial clauses (`when …`, `because …`): circumstances, not content.
inline constexpr std::array<std::string_view, 12> kAdverbialSubordinators = {
    "when", "because", "while", "after", "before", "although", "though", "since", "until", "as",
    "where", "once"};
/// Verb particles the parser may read as prepositions (`building up its military potential`).
inline constexpr std::array<std::string_view, 6> kParticles = {"up", "down", "out", "off", "away", "back"};

/// Pronouns and pronoun-like words that name no entity by themselves (coreference resolves some).
inline constexpr std::array<std::string_view, 22> kPronouns = {
    "he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "us", "me", "his", "its",
    "their", "our", "that", "this", "which", "who", "these", "those"};
/// Object pronouns that can be the addressee of a communication verb (`asked him for …`).
inline constexpr std::array<std::string_view, 6> kObjectPronouns = {"him", "her", "them", "us", "me", "you"};
/// Subject pronouns that can open a reporting clause (`…, he told reporters.`).
inline constexpr std::array<std::string_view, 6> kReporterPronouns = {"he", "she", "they", "it", "we", "i"};
/// Words before `'s` that make it `is` (`that's`); after a noun it is nearly always possessive.
inline constexpr std::array<std::string_view, 10> kContractingWords = {
    "it", "that", "he", "she", "there", "what", "who", "here", "where", "this"};
/// Relative pronouns that open a clause, never a noun phrase (`the AP, which first reported …`).
inline constexpr std::array<std::string_view, 4> kRelativePronouns = {"who", "which", "that", "whom"};
/// First- and second-person subjects: a speaker's own words (`"I think …," Trump said`).
inline constexpr std::array<std::string_view, 5> kSpeechParticipants = {"I", "we", "We", "you", "You"};

/// Articles and possessive determiners stripped from the front of a mention (`the Kremlin`).
inline constexpr std::array<std::string_view, 10> kLeadingWords = {"the", "a", "an", "this", "that",
                                                                   "these", "those", "its", "his", "their"};
/// Determiners that bound the head of a conjunct (`a return to diplomacy`).
inline constexpr std::array<std::string_view, 12> kDeterminers = {"the", "a", "an", "his", "her", "their",
                                                                  "its", "our", "this", "that", "these", "those"};

/// Day and month names: capitalised words that say when, not who (`…," said Monday`), and the
/// month abbreviations of news style that are no other word (`Sept. 12`, `Nov 8`).
inline constexpr std::array<std::string_view, 26> kCalendarWords = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "jan", "feb", "aug", "sept", "oct", "nov", "dec"};
/// Nouns of time that, with the calendar words, make an argument a `time` role (`last week`).
inline constexpr std::array<std::string_view, 12> kTimeNouns = {
    "today", "yesterday", "tomorrow", "week", "month", "year", "day", "morning", "evening", "night",
    "weekend", "afternoon"};
/// A calendar word or a noun of time, in lower case.
inline bool is_time_word(std::string_view lower) {
  if (lower.size() > 3 && lower.back() == '.') lower.remove_suffix(1);  // `sept.`
  return core::one_of(lower, kCalendarWords) || core::one_of(lower, kTimeNouns);
}

// --- the reporting rules read off the text (reported_clause.cpp, quoted_speech.cpp) ---------

// Words that cannot open the subject of a complement clause right after the reporting verb:
// prepositions, particles and pro-forms of the clause itself (`said in a statement`, `said so`,
// `said as much`, `told to leave`, `said nothing`).
inline constexpr std::array<std::string_view, 36> kNoClauseStart = {
    "about", "after", "against", "along", "among", "as", "at", "before", "by", "during", "for", "from",
    "in", "into", "of", "on", "out", "over", "since", "through", "to", "under", "until", "via", "with",
    "without", "so", "yes", "no", "nothing", "not", "too", "also", "again", "up", "back"};
// Verbs of the chain that are not what reports (`has learned`, `is expected`, `will say`).
inline constexpr std::array<std::string_view, 16> kAuxiliaries = {
    "be", "have", "do", "will", "would", "can", "could", "shall", "should", "may", "might", "must",
    "get", "go", "begin", "continue"};
// Words after a comma or dash that open a clause of their own, not more of what was said.
inline constexpr std::array<std::string_view, 6> kContrast = {"but", "while", "although", "though", "whereas", "yet"};
// Words between a subject and its reporting verb that are not part of the subject (`Trump has
// also said`, `the mayor later told`).
inline constexpr std::array<std::string_view, 18> kBeforeVerb = {
    "has", "had", "have", "also", "then", "later", "once", "now", "still", "again", "would", "will",
    "could", "may", "might", "did", "does", "do"};
// Words right before a verb form that make it no finite verb with the subject before it:
// passives (`was told`), infinitives (`to say`), negation (a denial is not what was said), and
// determiners and prepositions, after which the word is a noun (`secretary of state`).
inline constexpr std::array<std::string_view, 27> kNotFinite = {
    "was", "were", "is", "are", "be", "been", "being", "am", "to", "not", "never", "didn't",
    "of", "the", "a", "an", "his", "her", "their", "its", "our", "in", "on", "at", "for", "with", "by"};
// Subject pronouns that can name a speaker.
inline constexpr std::array<std::string_view, 7> kSubjectPronouns = {"he", "she", "they", "i", "we", "it", "you"};
// Words that may open a parenthesis between a subject and its verb (`X, who served …, said`,
// `X, 59, of Ashton, Md., said`).
inline constexpr std::array<std::string_view, 8> kParenthesisStart = {"who", "which", "whose", "a", "an", "the", "of", "from"};
// Words that may stand between a quotation and its reporting verb besides names, titles and nouns
// of people (`…," the former senior adviser to Clinton has also said`).
inline constexpr std::array<std::string_view, 29> kSpeakerClauseWords = {
    "the", "a", "an", "his", "her", "its", "their", "of", "for", "at", "in", "on", "and", "who", "to",
    "has", "had", "have", "also", "then", "later", "once", "he", "she", "they", "it", "we", "i", "you"};
// Words that end a speaker's phrase without being part of it (`Trump has said`, `she also said`).
inline constexpr std::array<std::string_view, 7> kTrailingNonSource = {"has", "had", "have", "also", "then", "later",
                                                                "once"};

/// Link types that build a noun phrase leftwards of its head (determiners, adjectives, noun
/// compounds, name parts, possessives, numbers).
inline constexpr std::array<std::string_view, 19> kLeftNounPhraseLinks = {
    "D", "DD", "DG", "DT", "A", "AN", "G", "GN", "EA", "L", "NN", "ND", "NA", "NI", "YS", "YP", "H", "AA", "AM"};

/// A word with a letter, digit or non-ASCII character (not a wall or punctuation).
bool is_wordlike(const ParsedWord& w);
/// A negative contraction's auxiliary (`won't` -> `will`, `isn't` -> `is`, `can't`/`cannot` ->
/// `can`), in lower case; other words are returned lower-cased and `negative` is false.
std::string auxiliary_of(std::string_view word, bool& negative);
/// A quotation mark token (straight, curly or Penn Treebank).
bool is_quote(std::string_view token);
/// Whether `text` holds a letter (ASCII or any non-ASCII character).
bool has_letter(std::string_view text);
/// Starts with an ASCII capital.
bool is_capitalised(const ParsedWord& w);
/// A conjunction joining conjuncts (`and.j-n`, `,.j`), not `j-p`/`j-c`.
bool is_conjunction(const ParsedWord& w);

}  // namespace kg::extract::detail
