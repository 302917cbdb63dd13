#!/usr/bin/python3
"""Reads every output format of one `kgraph build` with independent tools and checks that they
agree with each other and with the Turtle:

  RDF      serdi and rapper parse graph.ttl/.nt/.nq/.trig; all hold the same triples; the named
           graphs of N-Quads/TriG are exactly the documents; rdflib finds graph.jsonld isomorphic
           to graph.ttl.
  GraphML  networkx and igraph read graph.graphml: one node per entity of the RDF (actors only
           with --view actors), labels equal to the RDF rdfs:label (minus the characters XML 1.0
           forbids), types, unique edge ids, weight > 0, no parallel edges, degree attributes equal
           to the degrees networkx counts, PageRank equal to networkx's and igraph's.
  GEXF     networkx reads graph.gexf (1.2draft, dynamic): same nodes and labels; one edge per
           relation of each GraphML edge, kind = relation, spells on dated edges.
  CSV      Python's csv module reads nodes.csv/edges.csv: the GraphML's ids, labels, edges, weights.
  DOT      Graphviz (`dot -Tjson0`) reads graph.dot: the same nodes, labels and edges.

With --expect FILE (JSON: {"names": [...], "nodes": n, "edges": m}) it also checks that every
name is an entity label in every format, and the counts. Uses Debian's python3 packages
(python3-rdflib, python3-networkx, python3-igraph), so it must run with /usr/bin/python3.
Exit status 1 with one line per failed check; a missing tool or module is a failure, not a skip.
"""
import argparse
import csv
import json
import os
import re
import subprocess
import sys

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
    return cond


try:
    import igraph
    import networkx as nx
    import rdflib
    from rdflib.compare import isomorphic
except ImportError as e:  # a missing reader fails the test: skipped checks are defects
    print(f"FAIL: missing Python module ({e}); run scripts/install-deps.sh", file=sys.stderr)
    sys.exit(1)

KG = "https://w3id.org/kgraph/ns#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
NEWS_ARTICLE = "http://schema.org/NewsArticle"
ENTITY_TYPES = {"Person", "Organization", "Country", "Location", "Group", "Concept"}
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text):
    return XML_ILLEGAL.sub("", text)


# ---- RDF ------------------------------------------------------------------------------------

def run(cmd):
    return subprocess.run(cmd, capture_output=True)


SYNTAX = {"ttl": "turtle", "nt": "ntriples", "nq": "nquads", "trig": "trig"}


def read_rdf(out_dir, ext):
    """serdi and rapper both parse the file and read as many statements; returns serdi's
    N-Triples lines (graphs dropped), sorted."""
    path = os.path.join(out_dir, "graph." + ext)
    if not check(os.path.exists(path), f"{ext}: graph.{ext} missing"):
        return None
    syntax = SYNTAX[ext]
    s = run(["serdi", "-i", syntax, "-o", "ntriples", path])
    check(s.returncode == 0 and not s.stderr, f"{ext}: serdi failed: {s.stderr[:300]!r}")
    r = run(["rapper", "-q", "-i", syntax, "-c", path])
    check(r.returncode == 0 and b"rror" not in r.stderr, f"{ext}: rapper failed: {r.stderr[:300]!r}")
    r2 = run(["rapper", "-q", "-i", syntax, "-o", "ntriples", path])
    check(r2.returncode == 0, f"{ext}: rapper could not re-serialise")
    lines = sorted(l for l in s.stdout.decode("utf-8").splitlines() if l.strip())
    rapper_count = len([l for l in r2.stdout.decode("utf-8").splitlines() if l.strip()])
    check(len(lines) == rapper_count, f"{ext}: serdi read {len(lines)} statements, rapper {rapper_count}")
    return lines


def check_rdf(out_dir, exts):
    """The Turtle as rdflib reads it (its Turtle parser: rdflib 6.1's N-Triples parser misreads
    an escaped backslash before `n`)."""
    lines = {}
    for ext in exts:
        got = read_rdf(out_dir, ext)
        if got is not None:
            lines[ext] = got
    if "ttl" not in lines:
        check(False, "rdf: graph.ttl not readable")
        return None
    print(f"rdf: graph.ttl {len(lines['ttl'])} triples (serdi and rapper)")
    ttl = rdflib.Graph()
    ttl.parse(os.path.join(out_dir, "graph.ttl"), format="turtle")
    check(len(ttl) == len(lines["ttl"]), f"rdf: rdflib reads {len(ttl)} Turtle triples, serdi {len(lines['ttl'])}")
    docs = {str(s) for s in ttl.subjects(rdflib.URIRef(RDF_TYPE), rdflib.URIRef(NEWS_ARTICLE))}
    for ext, got in lines.items():
        if ext == "ttl":
            continue
        check(got == lines["ttl"], f"{ext}: serdi reads other triples than from the Turtle")
        if ext in ("nq", "trig"):
            ds = rdflib.Dataset()
            ds.parse(os.path.join(out_dir, "graph." + ext), format="nquads" if ext == "nq" else "trig")
            # rdflib 6.1 files default-graph triples under the file's own URI
            graphs = {str(c.identifier) for c in ds.contexts() if len(c) and
                      str(c.identifier) != str(rdflib.graph.DATASET_DEFAULT_GRAPH_ID) and
                      not str(c.identifier).startswith("file://")}
            check(graphs == docs, f"{ext}: named graphs {sorted(graphs)[:3]} are not the documents {sorted(docs)[:3]}")
        print(f"rdf: graph.{ext} {len(got)} statements (serdi and rapper), the Turtle's triples"
              + (f", {len(docs)} named graphs = documents (rdflib)" if ext in ("nq", "trig") else ""))
    jsonld = os.path.join(out_dir, "graph.jsonld")
    if check(os.path.exists(jsonld), "jsonld: graph.jsonld missing"):
        with open(jsonld, encoding="utf-8") as f:
            doc = json.load(f)
        check(isinstance(doc.get("@context"), dict), "jsonld: @context is not inline")
        check("@vocab" not in doc.get("@context", {}), "jsonld: @vocab used")
        check(isinstance(doc.get("@graph"), list), "jsonld: no @graph array")
        g = rdflib.Graph()
        g.parse(jsonld, format="json-ld")
        check(isomorphic(g, ttl), f"jsonld: rdflib reads {len(g)} triples, not isomorphic to the Turtle's {len(ttl)}")
        print(f"rdf: graph.jsonld {len(g)} triples, isomorphic to the Turtle (rdflib)")
    return ttl


def entity_labels(ttl, view):
    """{local name: label} of the entities in the RDF, actors only for view == actors."""
    labels = {}
    for s in ttl.subjects(rdflib.URIRef(RDFS_LABEL), None):
        types = {str(t) for t in ttl.objects(s, rdflib.URIRef(RDF_TYPE))}
        kg_types = {t[len(KG):] for t in types if t.startswith(KG) and t[len(KG):] in ENTITY_TYPES}
        if not kg_types:
            continue
        if view == "actors" and kg_types == {"Concept"}:
            continue
        local = str(s).rsplit("/entity/", 1)[1]
        labels[local] = str(ttl.value(s, rdflib.URIRef(RDFS_LABEL)))
    return labels


# ---- networks -------------------------------------------------------------------------------

def close(a, b, tol=1e-6):
    return abs(float(a) - float(b)) <= tol


def check_graphml(out_dir, expected_labels):
    path = os.path.join(out_dir, "graph.graphml")
    if not check(os.path.exists(path), "graphml: missing"):
        return None
    with open(path, encoding="utf-8") as f:
        text = f.read()
    keys = re.findall(r"<key [^>]*>", text)
    check(all('for="' in k for k in keys), "graphml: a <key> without for")
    check(not any(re.search(r'id="d\d+"', k) for k in keys), "graphml: generic key ids d0, d1 …")
    G = nx.read_graphml(path)
    check(G.is_directed() and not G.is_multigraph(), "graphml: not a simple directed graph (parallel edges?)")
    check(G.number_of_nodes() == len(expected_labels),
          f"graphml: networkx reads {G.number_of_nodes()} nodes, the RDF has {len(expected_labels)} entities")
    for n, data in G.nodes(data=True):
        want = expected_labels.get(n)
        check(want is not None and data.get("label") == xml_safe(want),
              f"graphml: node {n!r} label {data.get('label')!r} != RDF label {want!r}")
        check(data.get("type") in ENTITY_TYPES, f"graphml: node {n!r} type {data.get('type')!r}")
        check(data.get("in_degree") == G.in_degree(n) and data.get("out_degree") == G.out_degree(n),
              f"graphml: node {n!r} degree attributes differ from networkx's count")
    ids = [d.get("id") for _, _, d in G.edges(data=True)]
    check(len(ids) == len(set(ids)) and None not in ids, "graphml: edge ids not unique")
    for u, v, d in G.edges(data=True):
        check(d.get("weight", 0) > 0, f"graphml: edge {u}->{v} weight {d.get('weight')}")
        check(bool(d.get("label")) and bool(d.get("relation")), f"graphml: edge {u}->{v} without label or relation")
    if G.number_of_nodes():
        pr = nx.pagerank(G, alpha=0.85, weight="weight", tol=1e-12, max_iter=1000)
        bad = [n for n in G if not close(G.nodes[n]["pagerank"], pr[n])]
        check(not bad, f"graphml: pagerank differs from networkx for {bad[:3]}")
    ig = igraph.Graph.Read_GraphML(path)
    check(ig.vcount() == G.number_of_nodes() and ig.ecount() == G.number_of_edges(),
          f"graphml: igraph reads {ig.vcount()} nodes / {ig.ecount()} edges, networkx {G.number_of_nodes()} / {G.number_of_edges()}")
    check(ig.is_directed(), "graphml: igraph reads an undirected graph")
    if ig.vcount():
        check(sorted(ig.vs["id"]) == sorted(G.nodes), "graphml: igraph node ids differ")
        check(sorted(ig.vs["label"]) == sorted(G.nodes[n]["label"] for n in G), "graphml: igraph labels differ")
        pr = ig.pagerank(weights="weight", directed=True, damping=0.85)
        bad = [v["id"] for v, p in zip(ig.vs, pr) if not close(v["pagerank"], p)]
        check(not bad, f"graphml: pagerank differs from igraph for {bad[:3]}")
        check(all(w > 0 for w in ig.es["weight"]), "graphml: igraph reads a weight <= 0")
    print(f"graphml: networkx and igraph read {G.number_of_nodes()} nodes, {G.number_of_edges()} edges; labels, degrees, pagerank agree")
    return G


def check_gexf(out_dir, G):
    path = os.path.join(out_dir, "graph.gexf")
    if not check(os.path.exists(path), "gexf: missing"):
        return
    with open(path, encoding="utf-8") as f:
        text = f.read()
    check('mode="dynamic"' in text and 'timeformat="date"' in text and "1.2draft" in text,
          "gexf: not GEXF 1.2draft dynamic with dates")
    X = nx.read_gexf(path, version="1.2draft")
    check(X.number_of_nodes() == G.number_of_nodes(),
          f"gexf: {X.number_of_nodes()} nodes, GraphML {G.number_of_nodes()}")
    for n, d in X.nodes(data=True):
        check(G.has_node(n) and d.get("label") == G.nodes[n]["label"], f"gexf: node {n!r} label {d.get('label')!r}")
    facets = sum(len(d["relations"].split("; ")) for _, _, d in G.edges(data=True))
    check(X.number_of_edges() == facets, f"gexf: {X.number_of_edges()} edges, GraphML relations {facets}")
    spells = 0
    for u, v, d in X.edges(data=True):
        check(G.has_edge(u, v), f"gexf: edge {u}->{v} not in GraphML")
        check(d.get("weight", 0) > 0, f"gexf: edge {u}->{v} weight")
        check(d.get("relation") and d.get("relation") in G.edges[u, v]["relations"].split("; "),
              f"gexf: edge {u}->{v} relation {d.get('relation')!r}")
        if d.get("first_date"):
            check(bool(d.get("spells")), f"gexf: dated edge {u}->{v} without spells")
            spells += len(d.get("spells") or [])
    kinds = re.findall(r'<edge [^>]*kind="([^"]*)"', text)
    check(len(kinds) == X.number_of_edges(), "gexf: an edge without kind")
    print(f"gexf: networkx reads {X.number_of_nodes()} nodes, {X.number_of_edges()} edges (one per relation), {spells} spells")


def check_csv(out_dir, G):
    nodes_path = os.path.join(out_dir, "nodes.csv")
    edges_path = os.path.join(out_dir, "edges.csv")
    if not (check(os.path.exists(nodes_path), "csv: nodes.csv missing") and check(os.path.exists(edges_path), "csv: edges.csv missing")):
        return
    with open(nodes_path, newline="", encoding="utf-8") as f:
        nodes = list(csv.DictReader(f, strict=True))
    with open(edges_path, newline="", encoding="utf-8") as f:
        edges = list(csv.DictReader(f, strict=True))
    check(nodes and list(nodes[0])[:2] == ["Id", "Label"] or not nodes, "csv: nodes.csv header is not Id,Label,…")
    check(len(nodes) == G.number_of_nodes(), f"csv: {len(nodes)} node rows, GraphML {G.number_of_nodes()}")
    for row in nodes:
        check(G.has_node(row["Id"]) and G.nodes[row["Id"]]["label"] == row["Label"], f"csv: node {row['Id']!r} label {row['Label']!r}")
    check(len(edges) == G.number_of_edges(), f"csv: {len(edges)} edge rows, GraphML {G.number_of_edges()}")
    for row in edges:
        ok = G.has_edge(row["Source"], row["Target"])
        check(ok and row["Type"] == "Directed" and float(row["Weight"]) == G.edges[row["Source"], row["Target"]]["weight"],
              f"csv: edge {row['Source']}->{row['Target']}")
    print(f"csv: {len(nodes)} nodes, {len(edges)} edges, same as the GraphML")


def dot_unescape(s):
    out, i = [], 0
    while i < len(s):
        if s[i] == "\\" and i + 1 < len(s):
            c = s[i + 1]
            out.append({"n": "\n", "\\": "\\", '"': '"'}.get(c, "\\" + c))
            i += 2
        else:
            out.append(s[i])
            i += 1
    return "".join(out)


def check_dot(out_dir, G):
    path = os.path.join(out_dir, "graph.dot")
    if not check(os.path.exists(path), "dot: missing"):
        return
    r = run(["dot", "-Tjson0", path])
    if not check(r.returncode == 0, f"dot: Graphviz failed: {r.stderr[:300]!r}"):
        return
    d = json.loads(r.stdout)
    objects = d.get("objects", [])
    check(len(objects) == G.number_of_nodes(), f"dot: {len(objects)} nodes, GraphML {G.number_of_nodes()}")
    by_name = {o["name"][len("ent:"):]: o for o in objects if o["name"].startswith("ent:")}
    for n in G:
        o = by_name.get(n)
        label = G.nodes[n]["label"].replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
        check(o is not None and dot_unescape(o.get("label", "")) == label, f"dot: node {n!r} label {o and o.get('label')!r}")
    check(len(d.get("edges", [])) == G.number_of_edges(), f"dot: {len(d.get('edges', []))} edges, GraphML {G.number_of_edges()}")
    print(f"dot: Graphviz reads {len(objects)} nodes, {len(d.get('edges', []))} edges")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out_dir")
    ap.add_argument("--view", choices=["full", "actors"], default="full")
    ap.add_argument("--expect", help="JSON file with names and counts")
    ap.add_argument("--rdf", default="ttl,nt,nq,trig", help="RDF files to check")
    args = ap.parse_args()

    ttl = check_rdf(args.out_dir, [e for e in args.rdf.split(",") if e])
    if ttl is None:
        print("\n".join("FAIL: " + f for f in failures), file=sys.stderr)
        return 1
    labels = entity_labels(ttl, args.view)
    G = check_graphml(args.out_dir, labels)
    if G is not None:
        check_gexf(args.out_dir, G)
        check_csv(args.out_dir, G)
        check_dot(args.out_dir, G)

    if args.expect:
        with open(args.expect, encoding="utf-8") as f:
            expect = json.load(f)
        rdf_names = set(labels.values())
        for name in expect.get("names", []):
            check(name in rdf_names, f"expect: {name!r} is no rdfs:label in the Turtle")
            if G is not None:
                check(xml_safe(name) in {d["label"] for _, d in G.nodes(data=True)},
                      f"expect: {xml_safe(name)!r} is no node label in the GraphML")
        if G is not None and "nodes" in expect:
            check(G.number_of_nodes() == expect["nodes"], f"expect: {G.number_of_nodes()} nodes, expected {expect['nodes']}")
        if G is not None and "edges" in expect:
            check(G.number_of_edges() == expect["edges"], f"expect: {G.number_of_edges()} edges, expected {expect['edges']}")

    for f in failures:
        print("FAIL: " + f, file=sys.stderr)
    print(f"{len(failures)} failed checks" if failures else "all checks passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
