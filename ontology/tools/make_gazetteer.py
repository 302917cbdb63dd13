#!/usr/bin/env python3
"""Generate ontology/gazetteer/countries.ttl from the seed table countries.tsv.

    python3 ontology/tools/make_gazetteer.py /path/to/countries.tsv -o ontology/gazetteer/countries.ttl

The seed table (tab-separated: alpha2 alpha3 numeric wikidata name aliases demonyms, lists
separated by '|') merges several public sources and is noisy. This script cleans it and adds what
news text needs, with every decision written down below so that a re-run gives the same file:

* labels: English short names as news and Wikipedia write them ("Democratic Republic of the Congo"
  rather than CLDR's "Congo - Kinshasa"); the label decides the entity IRI, so it should be stable.
* aliases (skos:altLabel): statistical abbreviations ("Iran, Isl.Rep.of"), inverted ISO forms
  ("Korea, Republic of"), "(the)" forms, typos, non-Latin scripts and aliases that are common words
  ("Island", "Mann") are dropped; common news forms ("U.S.", "America", "Britain", "U.K.") added.
* demonyms (kg:demonym): split "Antiguan, Barbudan"; drop entries that only repeat the name; a
  demonym shared by several territories goes to the state news means ("American" -> United States)
  or, when news use is genuinely ambiguous ("Congolese"), to nobody.
* seats (kg:seatAlias): capitals and seats of government used for the government itself
  ("Washington", "Moscow", "Kyiv"/"Kiev"). A separate property, not an alias, because "Moscow" is
  also a city: only an acting subject ("Moscow said") means the state. Brussels is given to the
  European Union in actors.ttl, not to Belgium, because that is what news means by it.

Standard library only. Output is sorted by ISO code and byte-identical from run to run.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import unicodedata
from pathlib import Path

# --- decisions ------------------------------------------------------------------------------

LABELS = {
    "AG": "Antigua and Barbuda",
    "BA": "Bosnia and Herzegovina",
    "BL": "Saint Barthélemy",
    "CD": "Democratic Republic of the Congo",
    "CG": "Republic of the Congo",
    "CI": "Ivory Coast",
    "GS": "South Georgia and the South Sandwich Islands",
    "HK": "Hong Kong",
    "HM": "Heard Island and McDonald Islands",
    "KN": "Saint Kitts and Nevis",
    "LC": "Saint Lucia",
    "MF": "Saint Martin",
    "MM": "Myanmar",
    "MO": "Macau",
    "PM": "Saint Pierre and Miquelon",
    "PS": "Palestine",
    "SH": "Saint Helena, Ascension and Tristan da Cunha",
    "SJ": "Svalbard and Jan Mayen",
    "ST": "São Tomé and Príncipe",
    "TC": "Turks and Caicos Islands",
    "TT": "Trinidad and Tobago",
    "UM": "United States Minor Outlying Islands",
    "VC": "Saint Vincent and the Grenadines",
    "VI": "United States Virgin Islands",
    "WF": "Wallis and Futuna",
}

# Common news forms missing from the seed table. A leading "the" is never needed: lookups ignore
# it ("the United States" finds "United States").
EXTRA_ALIASES = {
    "AE": ["U.A.E."],
    "CN": ["PRC", "mainland China"],
    "GB": ["U.K.", "Britain"],
    "KR": ["ROK"],
    "SA": ["KSA"],
    "US": ["U.S.", "U.S.A.", "America"],
}

# Aliases that are wrong, truncated, transcriptions, or ordinary words that would match text
# that is not about the country.
DROP_ALIASES = {
    "United Arab Em",        # truncated
    "Autralia",              # typo
    "ʁɛpublika de an'ɡɔla",  # IPA transcription
    "Prathet",               # Thai for "country"
    "Thai",                  # a demonym/language, not the country
    "Togolese",              # a demonym
    "Island",                # Icelandic name of Iceland; an English word
    "Mann",                  # Manx name of the Isle of Man; a surname
    "Timor",                 # the island, shared with Indonesia
    "Guiana",                # the region, not French Guiana
    "Virgin Islands",        # ambiguous between the British and US islands
    "Mexicanos",             # a demonym
    "Portuguesa",            # an adjective
    "Zhonghua",              # a fragment
}

# Official names that contain a comma (all other comma forms are inverted ISO/statistical forms).
KEEP_COMMA = {
    "Saint Helena, Ascension and Tristan da Cunha",
    "St. Helena, Ascension and Tristan da Cunha",
    "Bonaire, Sint Eustatius and Saba",
}

EXTRA_DEMONYMS = {
    "AR": ["Argentinian"],
    "AZ": ["Azeri"],
    "BY": ["Belarussian"],
    "EC": ["Ecuadorian"],
    "KZ": ["Kazakh"],
    "LU": ["Luxembourgish"],
    "MK": ["North Macedonian"],
    "NP": ["Nepali"],
    "PH": ["Philippine"],
    "UZ": ["Uzbek"],
}

DROP_DEMONYMS = {
    ("WF", "Welsh"),                      # wrong in the seed data
    ("BA", "Bosnian - Herzegovinian"),    # a variant of "Bosnian, Herzegovinian"
    ("AX", "Åland Islands"),
}

# Demonyms several territories share: who gets them (None: nobody, news use is ambiguous).
DEMONYM_OWNER = {
    "American": "US",
    "Dutch": "NL",
    "French": "FR",
    "Indian": "IN",
    "Norwegian": "NO",
    "Dominican": "DO",
    "Congolese": None,
    "Channel Islander": None,
    "Virgin Islander": None,
}

# Capitals and seats of government as news uses them for the government.
SEATS = {
    "AF": ["Kabul"], "AL": ["Tirana"], "AM": ["Yerevan"], "AR": ["Buenos Aires"],
    "AT": ["Vienna"], "AU": ["Canberra"], "AZ": ["Baku"], "BA": ["Sarajevo"],
    "BD": ["Dhaka"], "BG": ["Sofia"], "BH": ["Manama"], "BR": ["Brasília", "Brasilia"],
    "BY": ["Minsk"], "CA": ["Ottawa"], "CH": ["Bern"], "CL": ["Santiago"],
    "CN": ["Beijing"], "CO": ["Bogotá", "Bogota"], "CU": ["Havana"], "CY": ["Nicosia"],
    "CZ": ["Prague"], "DE": ["Berlin"], "DK": ["Copenhagen"], "DZ": ["Algiers"],
    "EE": ["Tallinn"], "EG": ["Cairo"], "ES": ["Madrid"], "ET": ["Addis Ababa"],
    "FI": ["Helsinki"], "FR": ["Paris"], "GB": ["London"], "GE": ["Tbilisi"],
    "GR": ["Athens"], "HR": ["Zagreb"], "HU": ["Budapest"], "ID": ["Jakarta"],
    "IE": ["Dublin"], "IL": ["Jerusalem"], "IN": ["New Delhi", "Delhi"], "IQ": ["Baghdad"],
    "IR": ["Tehran", "Teheran"], "IS": ["Reykjavik"], "IT": ["Rome"], "JO": ["Amman"],
    "JP": ["Tokyo"], "KE": ["Nairobi"], "KG": ["Bishkek"], "KH": ["Phnom Penh"],
    "KP": ["Pyongyang"], "KR": ["Seoul"], "KW": ["Kuwait City"], "KZ": ["Astana", "Nur-Sultan"],
    "LB": ["Beirut"], "LT": ["Vilnius"], "LV": ["Riga"], "LY": ["Tripoli"],
    "MA": ["Rabat"], "MD": ["Chisinau", "Chișinău"], "ME": ["Podgorica"], "MK": ["Skopje"],
    "MN": ["Ulaanbaatar"], "MT": ["Valletta"], "MX": ["Mexico City"], "MY": ["Kuala Lumpur"],
    "NG": ["Abuja"], "NL": ["The Hague"], "NO": ["Oslo"], "NZ": ["Wellington"],
    "OM": ["Muscat"], "PH": ["Manila"], "PK": ["Islamabad"], "PL": ["Warsaw"],
    "PT": ["Lisbon"], "QA": ["Doha"], "RO": ["Bucharest"], "RS": ["Belgrade"],
    "RU": ["Moscow"], "SA": ["Riyadh"], "SD": ["Khartoum"], "SE": ["Stockholm"],
    "SI": ["Ljubljana"], "SK": ["Bratislava"], "SY": ["Damascus"], "TH": ["Bangkok"],
    "TJ": ["Dushanbe"], "TM": ["Ashgabat"], "TN": ["Tunis"], "TR": ["Ankara"],
    "TW": ["Taipei"], "UA": ["Kyiv", "Kiev"], "UG": ["Kampala"],
    "US": ["Washington", "Washington, D.C.", "Washington DC"], "UZ": ["Tashkent"],
    "VE": ["Caracas"], "VN": ["Hanoi"], "YE": ["Sanaa", "Sana'a"], "ZA": ["Pretoria"],
}

# Corrections to the seed table's Wikidata ids.
WIKIDATA = {
    "AQ": "Q51",  # the seed has Q21590062; Antarctica (the continent) is Q51
}

# Entries that are not countries in the kgraph sense.
TYPES = {"AQ": "Location"}

# --- cleaning -------------------------------------------------------------------------------

ABBREVIATION_OK = re.compile(r"\b(?:St|U\.S)\.(?=[ )]|$)")


def non_latin(text: str) -> bool:
    """True when `text` has a letter outside the Latin script (Cyrillic, CJK, Armenian …)."""
    for ch in text:
        name = unicodedata.name(ch, "")
        if ch.isalpha() and not name.startswith(("LATIN", "MODIFIER LETTER")):
            return True
    return False


def drop_reason(alias: str) -> str | None:
    """Why an alias from the seed table is dropped, or None to keep it."""
    if alias in DROP_ALIASES:
        return "listed"
    if non_latin(alias):
        return "non-Latin script"
    if "," in alias and alias not in KEEP_COMMA:
        return "inverted or statistical form"
    if "." in ABBREVIATION_OK.sub("", alias):
        return "abbreviation"
    if re.search(r"\((?:the\b|.* of\)$)|\[", alias):
        return "ISO sorting form"
    if "/" in alias:
        return "junk"
    return None


def split_demonyms(raw: str) -> list[str]:
    out: list[str] = []
    for part in raw.split("|"):
        part = part.strip()
        if not part:
            continue
        pieces = re.split(r", | or ", part)
        if len(pieces) > 1 and all(re.fullmatch(r"[^\s,]+", p) for p in pieces):
            out.extend(pieces)
        elif "," not in part and "(" not in part:
            out.append(part)
    return out


def fold(text: str) -> str:
    text = text.lower()
    return text[4:] if text.startswith("the ") else text


def turtle_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + escaped + '"'


def build(rows: list[dict[str, str]]) -> tuple[list[dict], list[str]]:
    notes: list[str] = []
    entries = []
    for row in rows:
        code = row["alpha2"]
        label = LABELS.get(code, row["name"])
        names = [row["name"]] + row["aliases"].split("|") + EXTRA_ALIASES.get(code, [])
        seen = {fold(label)}
        aliases = []
        for alias in names:
            alias = alias.strip().replace("\u2019", "'")
            if not alias or fold(alias) in seen:
                continue
            reason = None if alias in EXTRA_ALIASES.get(code, []) else drop_reason(alias)
            if reason:
                notes.append(f"{code}: dropped alias {alias!r} ({reason})")
                continue
            seen.add(fold(alias))
            aliases.append(alias)
        all_names = {fold(n) for n in names} | {fold(label)}
        demonyms = []
        for dem in split_demonyms(row["demonyms"]) + EXTRA_DEMONYMS.get(code, []):
            if (code, dem) in DROP_DEMONYMS or fold(dem) in all_names:
                continue
            if dem not in demonyms:
                demonyms.append(dem)
        entries.append({
            "code": code,
            "alpha3": row["alpha3"],
            "numeric": row["numeric"],
            "wikidata": WIKIDATA.get(code, row["wikidata"]),
            "label": label,
            "type": TYPES.get(code, "Country"),
            "aliases": aliases,
            "demonyms": demonyms,
            "seats": SEATS.get(code, []),
        })

    # A demonym may belong to one entry only.
    claims: dict[str, list[dict]] = {}
    for entry in entries:
        for dem in entry["demonyms"]:
            claims.setdefault(dem, []).append(entry)
    for dem, owners in claims.items():
        if len(owners) < 2:
            continue
        if dem not in DEMONYM_OWNER:
            raise SystemExit(f"demonym {dem!r} is shared by "
                             f"{[e['code'] for e in owners]}: add it to DEMONYM_OWNER")
        for entry in owners:
            if entry["code"] != DEMONYM_OWNER[dem]:
                entry["demonyms"].remove(dem)
                notes.append(f"{entry['code']}: dropped shared demonym {dem!r}")

    # An alias (as lookups compare them) may name one entry only.
    owner: dict[str, str] = {}
    for entry in entries:
        for name in [entry["label"]] + entry["aliases"]:
            key = fold(name)
            if key in owner and owner[key] != entry["code"]:
                raise SystemExit(f"alias {name!r} names both {owner[key]} and {entry['code']}")
            owner[key] = entry["code"]
    return entries, notes


HEADER = """\
# GENERATED by ontology/tools/make_gazetteer.py from countries.tsv; do not edit by hand —
# change the script (its decision tables) and re-run it:
#   python3 ontology/tools/make_gazetteer.py countries.tsv -o ontology/gazetteer/countries.ttl
#
# Countries and territories of ISO 3166-1 for the kgraph gazetteer (kg::ontology::Gazetteer):
#   rdfs:label      the canonical English name (decides the entity IRI kgraph mints)
#   skos:altLabel   other names, several languages' official forms among them, so untagged
#   kg:demonym      adjectives/demonyms ("Russian officials" act for Russia)
#   kg:seatAlias    capitals and seats of government used for the government ("Moscow said");
#                   kept apart from skos:altLabel because they are also cities
#   owl:sameAs      the Wikidata item
# Seed data: Debian iso-codes (LGPL-2.1+), Unicode CLDR (Unicode licence), world-countries
# (ODbL-1.0), i18n-nationality (MIT), Our World in Data countries_regions.csv (MIT).

@prefix kg: <https://w3id.org/kgraph/ns#> .
@prefix gaz: <https://w3id.org/kgraph/gazetteer#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix wd: <http://www.wikidata.org/entity/> .
"""


def property_lines(predicate: str, values: list[str]) -> list[str]:
    """`    predicate v1, v2, … ;` wrapped at 100 columns with continuation lines."""
    lines = [f"    {predicate} "]
    for i, value in enumerate(values):
        piece = value + ("," if i + 1 < len(values) else " ;")
        if len(lines[-1]) + len(piece) + 1 > 100 and lines[-1].strip() != predicate:
            lines[-1] = lines[-1].rstrip()
            lines.append("        ")
        lines[-1] += piece + " "
    lines[-1] = lines[-1].rstrip()
    return lines


def render(entries: list[dict]) -> str:
    out = [HEADER]
    for e in sorted(entries, key=lambda e: e["code"]):
        lines = [f"gaz:{e['code']} a kg:{e['type']} ;",
                 f"    rdfs:label {turtle_string(e['label'])}@en ;"]
        if e["aliases"]:
            lines += property_lines("skos:altLabel", [turtle_string(a) for a in e["aliases"]])
        if e["demonyms"]:
            lines += property_lines("kg:demonym", [turtle_string(d) + "@en" for d in e["demonyms"]])
        if e["seats"]:
            lines += property_lines("kg:seatAlias", [turtle_string(s) + "@en" for s in e["seats"]])
        lines.append(f"    kg:iso3166Alpha2 \"{e['code']}\" ; kg:iso3166Alpha3 \"{e['alpha3']}\" ;"
                     f" kg:iso3166Numeric \"{e['numeric']}\" ;")
        if e["wikidata"]:
            if not re.fullmatch(r"Q[1-9][0-9]*", e["wikidata"]):
                raise SystemExit(f"{e['code']}: bad Wikidata id {e['wikidata']!r}")
            lines.append(f"    owl:sameAs wd:{e['wikidata']} ;")
        lines[-1] = lines[-1][:-2] + " ."
        out.append("\n".join(lines) + "\n")
    return "\n".join(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tsv", type=Path, help="countries.tsv seed table")
    parser.add_argument("-o", "--output", type=Path, help="output .ttl (default: stdout)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every dropped item")
    args = parser.parse_args()

    with args.tsv.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    expected = ["alpha2", "alpha3", "numeric", "wikidata", "name", "aliases", "demonyms"]
    if not rows or list(rows[0].keys()) != expected:
        raise SystemExit(f"{args.tsv}: expected columns {expected}")
    entries, notes = build(rows)
    if args.verbose:
        for note in notes:
            print(note, file=sys.stderr)
    text = render(entries)
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    print(f"{len(entries)} entries, {len(notes)} items dropped", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
