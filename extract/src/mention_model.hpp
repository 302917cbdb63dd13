#pragma once
// Private to the mention pass (mentions.cpp, pronouns.cpp): what one article's mentions and
// entities are while they are found, typed, clustered and resolved.

#include <string>
#include <string_view>
#include <vector>

#include "kg/core/text.hpp"
#include "kg/core/types.hpp"
#include "kg/ontology/gazetteer.hpp"

namespace kg::extract::detail {

/// The third-person pronouns, by what they can refer to.
enum class PronounKind { none, male, female, plural, thing };

PronounKind pronoun_kind(std::string_view word);

/// `he`, `she`, `they`: the pronoun is a clause's subject.
bool nominative(std::string_view word);

/// How sure a mention's type is: stronger evidence decides an entity's one type.
/// `place_name` (a city or state list) is weaker than a given name: `Houston` after `Whitney
/// Houston` is her.
enum class Evidence { none, speaker, place_name, given_name, name_word, title, gazetteer };

/// One mention found in the text, while the document is read.
struct Found {
  std::size_t sentence = 0;
  std::size_t begin = 0, end = 0;  // bytes in the sentence text
  core::Span span;                 // code points in the document
  core::MentionKind kind = core::MentionKind::name;
  std::vector<std::string_view> words;  // of the name, without titles: views into the sentence
                                        // text or the gazetteer, never into `label`
  std::string label;                    // the name as written (words joined by single spaces)
  std::string role;                     // title words before it
  core::EntityType type = core::EntityType::concept_;
  Evidence evidence = Evidence::none;
  ontology::Gender gender = ontology::Gender::unknown;
  std::string wikidata;
  PronounKind pronoun = PronounKind::none;
  bool subject = false;  // inside an agent argument or an attribution source
  bool speaker = false;  // the agent of a speech act or an attribution source
  bool possible_person = false;
  bool parenthetical = false;  // `(Lucy Hale)` right after a name: an actor, alias or aside
  bool shouting = false;  // a word in capitals beside others in capitals: emphasis, no acronym
  bool fragment = false;  // English words joined by `of`, `for`, `on`, `and` to more capitals: a piece
                          // of a longer name (`Citizens` of `Citizens for Tax Justice`)
  int entity = -1;  // index into the document's entities
  // Where the mention sits in its sentence's parse (locate()), for the pronoun resolver.
  core::Role arg_role = core::Role::other;  // role of the smallest argument that contains it
  bool in_argument = false;                 // some argument contains it
  bool arg_head = false;                    // it is that argument's head (`Smith` in `Smith`, not in `Smith's son`)
  core::Span clause_agent;                  // the agent argument of that argument's proposition, if any
  bool possessive = false;   // `his`, `her` before a noun, `Smith's`
  bool reflexive = false;    // `himself`, `herself`
  bool fronted = false;      // a pronoun in an opening adverbial before the main clause (`When he …, `)
  std::size_t fronted_end = 0;   // byte of the comma that closes that opening
  bool clause_initial = false;   // a name right after a comma (`…, Smith said`)
  bool name_like = false;    // one capitalised word that is no common word (`Rusedski`)
  bool quoted = false;       // a name right after an opening quotation mark
  bool after_person_noun = false;  // right after a lower-case kind of person (`activist Kamala Lopez`)
  bool main_subject = false; // a name heading the subject of its sentence's main clause
  ontology::Gender given_gender = ontology::Gender::unknown;  // of its first word as a given name, for
                                                             // agreement even when a title typed it
};

/// One entity of the article: its mentions' cluster.
struct DocEntity {
  std::string label;
  std::vector<std::string> words;  // of the label; owned: a view into `label` would dangle when
                                   // the entity moves (a short label lives inside the string)
  core::EntityType type = core::EntityType::concept_;
  Evidence evidence = Evidence::none;
  ontology::Gender gender = ontology::Gender::unknown;
  std::string wikidata;
  bool possible_person = false;
  bool no_person_name = false;  // untyped, and its words are no person's (settle_types)
  std::size_t mentions = 0;
  std::size_t first = 0;  // index of its first mention
};

/// Resolves the he/she pronouns of `found` to entities (Found::entity), or leaves them at -1.
void resolve_pronouns(std::vector<Found>& found, std::vector<DocEntity>& entities);

}  // namespace kg::extract::detail
