#pragma once
/// IRIs: deterministic minting from names, and making text from articles safe inside an IRI.
/// The same name gives the same IRI in any document, shard or run, so graphs built separately
/// merge by plain union. Pure functions, thread-safe.

#include <cstdint>
#include <string>
#include <string_view>

namespace kg::core {

/// The local name for an entity or document label: white space runs become `_`, ASCII letters,
/// digits and `-` `_` `~` stay, every other byte (including non-ASCII UTF-8) is percent-encoded
/// with upper-case hex, and `.` stays unless it ends the name. Labels longer than 96 bytes are cut
/// and get a hash suffix so that distinct long names keep distinct IRIs. Never empty.
std::string mint_local_name(std::string_view label);

/// `iri` with every character that IRIREF forbids (controls, space, `<>"{}|^\``, backslash,
/// invalid UTF-8) percent-encoded; other characters are kept. Used for URLs read from articles.
std::string sanitize_iri(std::string_view iri);

/// 64-bit FNV-1a of `text`: a stable hash (unlike std::hash) for ids and suffixes.
std::uint64_t stable_hash(std::string_view text);

/// Lower-case 16-digit hex of `value`.
std::string to_hex(std::uint64_t value, int digits = 16);

}  // namespace kg::core
