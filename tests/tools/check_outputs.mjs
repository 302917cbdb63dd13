// Reads the outputs of one `kgraph build` with the JavaScript stack web applications and Gephi
// Lite use, independently of the Python checks (tests/export/conformance/check_outputs.py):
//   jsonld.js turns graph.jsonld into RDF, n3 parses graph.ttl/.nt/.nq/.trig, and rdf-isomorphic
//   finds every one of them isomorphic to the Turtle (named graphs dropped);
//   graphology-graphml and graphology-gexf read graph.graphml and graph.gexf: node and edge counts
//   equal to the RDF's entities (actors only with --view actors) and to each other, labels equal
//   to the RDF's rdfs:label (less the characters XML 1.0 forbids), weights > 0.
// Usage: node check_outputs.mjs OUTDIR [--view full|actors] [--expect names.json]
// Exit status 1 with one line per failed check.
import fs from 'node:fs';
import path from 'node:path';
import jsonld from 'jsonld';
import N3 from 'n3';
import { isomorphic } from 'rdf-isomorphic';
import graphology from 'graphology';
import graphml from 'graphology-graphml';
import gexf from 'graphology-gexf';

const { DirectedGraph, MultiDirectedGraph } = graphology;
const args = process.argv.slice(2);
const outDir = args[0];
const view = args.includes('--view') ? args[args.indexOf('--view') + 1] : 'full';
const expectFile = args.includes('--expect') ? args[args.indexOf('--expect') + 1] : null;
const failures = [];
const check = (cond, what) => { if (!cond) failures.push(what); return cond; };

const KG = 'https://w3id.org/kgraph/ns#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const RDFS_LABEL = 'http://www.w3.org/2000/01/rdf-schema#label';
const TYPES = new Set(['Person', 'Organization', 'Country', 'Location', 'Group', 'Concept']);
// eslint-disable-next-line no-control-regex
const xmlSafe = (s) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
const read = (name) => fs.readFileSync(path.join(outDir, name), 'utf8');
const exists = (name) => fs.existsSync(path.join(outDir, name));

// Triples only: the default-graph form of every statement, for comparing with the Turtle.
const asTriples = (quads) => quads.map((q) => N3.DataFactory.quad(q.subject, q.predicate, q.object));

function parseN3(name, format) {
  try {
    return new N3.Parser({ format }).parse(read(name));
  } catch (e) {
    check(false, `${name}: n3 cannot parse it: ${e.message}`);
    return null;
  }
}

const ttl = parseN3('graph.ttl', 'text/turtle');
if (!ttl) {
  console.error(failures.map((f) => 'FAIL: ' + f).join('\n'));
  process.exit(1);
}
console.log(`rdf: n3 reads ${ttl.length} triples from graph.ttl`);

for (const [name, format] of [['graph.nt', 'application/n-triples'], ['graph.nq', 'application/n-quads'], ['graph.trig', 'application/trig']]) {
  if (!exists(name)) continue;
  const quads = parseN3(name, format);
  if (!quads) continue;
  check(isomorphic(asTriples(quads), ttl), `${name}: not isomorphic to graph.ttl (n3 + rdf-isomorphic)`);
  if (name !== 'graph.nt') {
    const graphs = new Set(quads.filter((q) => q.graph.termType === 'NamedNode').map((q) => q.graph.value));
    const docs = new Set(ttl.filter((q) => q.predicate.value === RDF_TYPE && q.object.value === 'http://schema.org/NewsArticle').map((q) => q.subject.value));
    check(graphs.size === docs.size && [...graphs].every((g) => docs.has(g)), `${name}: named graphs are not the documents`);
  }
  console.log(`rdf: n3 reads ${quads.length} statements from ${name}, isomorphic to the Turtle`);
}

if (check(exists('graph.jsonld'), 'graph.jsonld missing')) {
  const doc = JSON.parse(read('graph.jsonld'));
  // No document loader is needed: the context is inline; a remote one would fail here (offline).
  const nquads = await jsonld.toRDF(doc, { format: 'application/n-quads', safe: true });
  const quads = new N3.Parser({ format: 'application/n-quads' }).parse(nquads);
  check(quads.length === ttl.length, `graph.jsonld: jsonld.js gives ${quads.length} triples, the Turtle ${ttl.length}`);
  check(isomorphic(quads, ttl), 'graph.jsonld: not isomorphic to graph.ttl (jsonld.js + rdf-isomorphic)');
  console.log(`rdf: jsonld.js reads ${quads.length} triples from graph.jsonld, isomorphic to the Turtle`);
}

// Entities of the RDF, as {local name: label}.
const labels = new Map();
const typesOf = new Map();
for (const q of ttl) {
  if (q.predicate.value === RDF_TYPE && q.object.value.startsWith(KG) && TYPES.has(q.object.value.slice(KG.length)))
    typesOf.set(q.subject.value, q.object.value.slice(KG.length));
}
for (const q of ttl) {
  if (q.predicate.value !== RDFS_LABEL || !typesOf.has(q.subject.value)) continue;
  if (view === 'actors' && typesOf.get(q.subject.value) === 'Concept') continue;
  labels.set(q.subject.value.split('/entity/')[1], q.object.value);
}

let ml = null;
if (check(exists('graph.graphml'), 'graph.graphml missing')) {
  ml = graphml.parse(DirectedGraph, read('graph.graphml'));
  check(ml.order === labels.size, `graphml: graphology reads ${ml.order} nodes, the RDF has ${labels.size} entities`);
  ml.forEachNode((n, a) => {
    check(labels.has(n) && a.label === xmlSafe(labels.get(n)), `graphml: node ${n} label ${JSON.stringify(a.label)}`);
    check(TYPES.has(a.type), `graphml: node ${n} type ${a.type}`);
    check(typeof a.pagerank === 'number' && a.pagerank > 0, `graphml: node ${n} pagerank ${a.pagerank}`);
  });
  const ids = new Set();
  ml.forEachEdge((e, a) => {
    ids.add(e);
    check(a.weight > 0, `graphml: edge ${e} weight ${a.weight}`);
    check(typeof a.label === 'string' && a.label.length > 0, `graphml: edge ${e} without label`);
  });
  check(ids.size === ml.size, 'graphml: edge ids not unique');
  console.log(`graphml: graphology-graphml reads ${ml.order} nodes, ${ml.size} edges`);
}

if (check(exists('graph.gexf'), 'graph.gexf missing') && ml) {
  const gx = gexf.parse(MultiDirectedGraph, read('graph.gexf'));
  check(gx.order === ml.order, `gexf: graphology reads ${gx.order} nodes, GraphML ${ml.order}`);
  let relations = 0;
  ml.forEachEdge((e, a) => { relations += a.relations.split('; ').length; });
  check(gx.size === relations, `gexf: ${gx.size} edges, GraphML relations ${relations}`);
  gx.forEachNode((n, a) => check(ml.hasNode(n) && a.label === ml.getNodeAttribute(n, 'label'), `gexf: node ${n} label ${JSON.stringify(a.label)}`));
  gx.forEachEdge((e, a, s, t) => {
    check(ml.hasEdge(s, t), `gexf: edge ${s}->${t} not in GraphML`);
    check(a.weight > 0, `gexf: edge ${e} weight ${a.weight}`);
    check(a.relation && a.label.startsWith(a.relation), `gexf: edge ${e} relation ${a.relation} label ${a.label}`);
  });
  console.log(`gexf: graphology-gexf reads ${gx.order} nodes, ${gx.size} edges`);
}

if (expectFile) {
  const expect = JSON.parse(fs.readFileSync(expectFile, 'utf8'));
  const rdfNames = new Set(labels.values());
  const mlNames = new Set();
  if (ml) ml.forEachNode((n, a) => mlNames.add(a.label));
  for (const name of expect.names || []) {
    check(rdfNames.has(name), `expect: ${JSON.stringify(name)} is no rdfs:label in the Turtle (n3)`);
    check(mlNames.has(xmlSafe(name)), `expect: ${JSON.stringify(xmlSafe(name))} is no node label in the GraphML (graphology)`);
  }
}

for (const f of failures) console.error('FAIL: ' + f);
console.log(failures.length ? `${failures.length} failed checks` : 'all checks passed');
process.exit(failures.length ? 1 : 0);
