#!/usr/bin/env python3
"""Runs every SPARQL query of a folder against an endpoint and compares with the expected answers.

    run_queries.py --endpoint http://127.0.0.1:8890/sparql [--queries samples/queries]
                   [--graph IRI] [--store NAME] [--answers-dir DIR] [--count] [--only NAME.rq ...]

For each NAME.rq the expected answer is NAME.expected.tsv beside it. The query is sent with the
SPARQL 1.1 Protocol (HTTP POST, form-encoded, SPARQL JSON results); --graph adds a
default-graph-uri parameter. Answers are compared in a canonical form, so that any store gives the
same text (see canonical_term): a TSV whose first line is the projected variable names, in the
query's order, then one line per solution, sorted (the comparison ignores row order, keeps
duplicates).

samples/queries/PENDING.list lists queries whose facts the extractor does not produce yet
("NAME.rq  reason", one a line, # comments). A pending query that fails is reported loudly but does
not fail the run; a pending query that passes DOES fail the run, so that the list is updated and
cannot rot. Every other query must pass.

--answers-dir writes each actual answer (canonical TSV, NAME.tsv) there, for comparing stores and
for the README example. Exit status: 0 all good, 1 some query failed, 2 usage or endpoint error.
Python 3 standard library only.
"""
import argparse
import json
import pathlib
import sys
import urllib.error
import urllib.parse
import urllib.request
from decimal import Decimal, InvalidOperation

XSD = "http://www.w3.org/2001/XMLSchema#"
DEFAULT_BASE = "https://w3id.org/kgraph/id/"
# Longest namespace first, so ent:/ev:/doc: win over a shorter overlapping one.
STANDARD_PREFIXES = {
    "kg": "https://w3id.org/kgraph/ns#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": XSD,
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "schema": "http://schema.org/",
    "nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
    "sem": "http://semanticweb.cs.vu.nl/2009/11/sem/",
    "wd": "http://www.wikidata.org/entity/",
}
INTEGER_TYPES = {XSD + t for t in (
    "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
    "nonPositiveInteger", "negativeInteger", "unsignedLong", "unsignedInt", "unsignedShort",
    "unsignedByte")}
REAL_TYPES = {XSD + t for t in ("decimal", "double", "float")}


def prefixes_for(base):
    p = dict(STANDARD_PREFIXES)
    p.update({"ent": base + "entity/", "ev": base + "event/", "doc": base + "doc/"})
    return sorted(p.items(), key=lambda kv: -len(kv[1]))


def escape(text):
    return (text.replace("\\", "\\\\").replace("\t", "\\t")
            .replace("\n", "\\n").replace("\r", "\\r"))


def canonical_term(term, prefixes):
    """One RDF term of a SPARQL JSON binding as store-independent text.

    IRIs: prefixed name for the project's namespaces (ent:Vladimir_Putin, kg:request, wd:Q7747),
    else <IRI>. Literals: the lexical form only (language tag and datatype dropped: stores disagree
    on them, e.g. Virtuoso's "typed-literal"), with numbers in canonical form (1, 0.5) and booleans
    as true/false. Blank nodes: _:b (their labels are store-specific). Tabs, newlines and
    backslashes are escaped. An unbound variable is the empty string.
    """
    if term is None:
        return ""
    kind, value = term.get("type"), term.get("value", "")
    if kind == "uri":
        for prefix, ns in prefixes:
            if value.startswith(ns):
                return escape(prefix + ":" + value[len(ns):])
        return escape("<" + value + ">")
    if kind == "bnode":
        return "_:b"
    datatype = term.get("datatype", "")
    if datatype in INTEGER_TYPES:
        try:
            return str(int(Decimal(value.strip())))
        except (InvalidOperation, ValueError):
            pass
    elif datatype in REAL_TYPES:
        try:
            d = Decimal(value.strip())
            if d == d.to_integral_value():
                return str(int(d))
            return format(d.normalize(), "f")
        except (InvalidOperation, ValueError):
            pass
    elif datatype == XSD + "boolean":
        return "true" if value.strip() in ("true", "1") else "false"
    return escape(value)


def canonical_answer(results, prefixes):
    """(header, sorted rows) of a SPARQL JSON results document; ASK gives header 'boolean'."""
    if "boolean" in results:
        return ["boolean"], ["true" if results["boolean"] else "false"]
    variables = results["head"]["vars"]
    rows = ["\t".join(canonical_term(b.get(v), prefixes) for v in variables)
            for b in results["results"]["bindings"]]
    return variables, sorted(rows)


def read_expected(path):
    lines = path.read_text(encoding="utf-8").split("\n")
    while lines and lines[-1] == "":
        lines.pop()
    if not lines:
        raise ValueError(f"{path}: empty (the first line must name the variables)")
    return lines[0].split("\t"), sorted(lines[1:])


def answer_text(header, rows):
    return "\t".join(header) + "\n" + "".join(r + "\n" for r in rows)


def read_pending(path):
    pending = {}
    if not path.exists():
        return pending
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, _, reason = line.partition(" ")
        if not name.endswith(".rq"):
            raise ValueError(f"{path}:{number}: expected 'NAME.rq  reason', got {line!r}")
        pending[name] = reason.strip() or "(no reason given)"
    return pending


def run_query(endpoint, query, graph, timeout):
    params = {"query": query}
    if graph:
        params["default-graph-uri"] = graph
    request = urllib.request.Request(
        endpoint, data=urllib.parse.urlencode(params).encode("utf-8"), method="POST",
        headers={"Content-Type": "application/x-www-form-urlencoded",
                 "Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read().decode("utf-8"))


def plural(n, word):
    return f"{n} {word}" + ("" if n == 1 else "s")


def diff_lines(header, expected, actual):
    """The rows in both answers, only in the expected one (-) and only in the actual one (+)."""
    remaining = list(actual)
    missing = []
    for row in expected:
        if row in remaining:
            remaining.remove(row)
        else:
            missing.append(row)
    out = ["        " + "\t".join(header)]
    out += ["        " + r for r in expected if r not in missing]
    out += ["      - " + r for r in missing]
    out += ["      + " + r for r in remaining]
    return out, len(missing), len(remaining)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--endpoint", required=True, help="SPARQL endpoint URL (…/sparql)")
    ap.add_argument("--queries", default=str(pathlib.Path(__file__).resolve().parents[2] / "samples" / "queries"),
                    help="folder of NAME.rq + NAME.expected.tsv (and PENDING.list)")
    ap.add_argument("--graph", help="default-graph-uri to send with every query")
    ap.add_argument("--store", default="store", help="name of the store, for the messages")
    ap.add_argument("--answers-dir", help="write each actual answer there as NAME.tsv")
    ap.add_argument("--base", default=DEFAULT_BASE, help="instance base IRI (for ent:, ev:, doc:)")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds per query")
    ap.add_argument("--only", nargs="*", help="run only these NAME.rq")
    ap.add_argument("--count", action="store_true",
                    help="also count the store's triples (written to ANSWERS_DIR/_triples.tsv), "
                         "so that stores can be shown to hold the same graph")
    args = ap.parse_args()

    folder = pathlib.Path(args.queries)
    queries = sorted(folder.glob("*.rq"))
    if args.only:
        queries = [q for q in queries if q.name in args.only]
    if not queries:
        print(f"run_queries: no .rq files in {folder}", file=sys.stderr)
        return 2
    try:
        pending = read_pending(folder / "PENDING.list")
    except ValueError as e:
        print(f"run_queries: {e}", file=sys.stderr)
        return 2
    names = {q.name for q in folder.glob("*.rq")}
    problems = [f"PENDING.list names {n}, which does not exist" for n in sorted(pending) if n not in names]

    prefixes = prefixes_for(args.base)
    answers = pathlib.Path(args.answers_dir) if args.answers_dir else None
    if answers:
        answers.mkdir(parents=True, exist_ok=True)
        for old in answers.glob("*.tsv"):
            old.unlink()

    if args.count:
        try:
            results = run_query(args.endpoint, "SELECT (COUNT(*) AS ?triples) WHERE { ?s ?p ?o }",
                                args.graph, args.timeout)
        except (urllib.error.URLError, OSError, ValueError) as e:
            print(f"run_queries: cannot query {args.endpoint}: {e}", file=sys.stderr)
            return 2
        header, rows = canonical_answer(results, prefixes)
        print(f"run_queries: {args.store} holds {rows[0] if rows else '?'} triples")
        if answers:
            (answers / "_triples.tsv").write_text(answer_text(header, rows), encoding="utf-8")

    passed, failed, still_pending, now_passing = [], [], [], []
    print(f"run_queries: {len(queries)} queries against {args.store} at {args.endpoint}")
    for q in queries:
        expected_path = q.with_name(q.name[:-3] + ".expected.tsv")
        try:
            results = run_query(args.endpoint, q.read_text(encoding="utf-8"), args.graph, args.timeout)
        except urllib.error.HTTPError as e:
            body = e.read().decode("utf-8", "replace").strip()
            print(f"FAIL     {q.name}: {args.store} rejected the query: HTTP {e.code}\n{body}")
            failed.append(q.name)
            continue
        except (urllib.error.URLError, OSError, ValueError) as e:
            print(f"run_queries: cannot query {args.endpoint}: {e}", file=sys.stderr)
            return 2
        header, rows = canonical_answer(results, prefixes)
        if answers:
            (answers / (q.name[:-3] + ".tsv")).write_text(answer_text(header, rows), encoding="utf-8")
        if not expected_path.exists():
            print(f"FAIL     {q.name}: no expected answer {expected_path.name}; the answer was:")
            print(answer_text(header, rows), end="")
            failed.append(q.name)
            continue
        expected_header, expected_rows = read_expected(expected_path)
        if expected_header == header and expected_rows == rows:
            if q.name in pending:
                print(f"FAIL     {q.name}: listed in PENDING.list but now passes ({plural(len(rows), 'row')}): "
                      f"remove it from {folder / 'PENDING.list'}")
                now_passing.append(q.name)
            else:
                print(f"PASS     {q.name} ({plural(len(rows), 'row')})")
                passed.append(q.name)
            continue
        if expected_header != header:
            detail = [f"        variables: expected {expected_header}, got {header}"]
            summary = "different variables"
        else:
            detail, missing, extra = diff_lines(header, expected_rows, rows)
            summary = f"{plural(missing, 'expected row')} missing, {plural(extra, 'unexpected row')}"
        if q.name in pending:
            print(f"PENDING  {q.name}: {summary} (listed in PENDING.list)")
            still_pending.append(q.name)
        else:
            print(f"FAIL     {q.name}: {summary}")
            print(f"      --- expected {expected_path}\n      +++ actual ({args.store})")
            failed.append(q.name)
        print("\n".join(detail))

    print()
    print(f"run_queries: {args.store}: {len(passed)} passed, {len(failed)} failed, "
          f"{len(still_pending)} pending, {len(now_passing)} pending but passing")
    if still_pending:
        bar = "!" * 78
        print(bar)
        print(f"!!! {len(still_pending)} PENDING queries: the graph does not give the correct answer yet")
        for n in still_pending:
            print(f"!!!   {n}: {pending[n]}")
        print(bar)
    for p in problems:
        print(f"FAIL     {p}")
    ok = not failed and not now_passing and not problems
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
