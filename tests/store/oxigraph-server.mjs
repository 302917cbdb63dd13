// A minimal SPARQL 1.1 Protocol endpoint over Oxigraph (npm), for the kgraph store tests:
//   node oxigraph-server.mjs GRAPH.ttl [PORTFILE]
// Loads the Turtle file into an in-memory Oxigraph store, listens on 127.0.0.1 on a free port,
// answers GET /sparql?query=… and POST /sparql (application/sparql-query or form-encoded query=…)
// with SPARQL JSON results, and writes the port to PORTFILE (or prints it) once it is ready.
import { createRequire } from "node:module";
import { readFileSync, writeFileSync, renameSync } from "node:fs";
import { createServer } from "node:http";

const require = createRequire(import.meta.url);
const oxigraph = require("oxigraph");

const [graphFile, portFile] = process.argv.slice(2);
if (!graphFile) {
  console.error("usage: node oxigraph-server.mjs GRAPH.ttl [PORTFILE]");
  process.exit(2);
}

const store = new oxigraph.Store();
store.load(readFileSync(graphFile, "utf8"), { format: "text/turtle", base_iri: "file://" + graphFile });

function answer(res, status, type, body) {
  res.writeHead(status, { "Content-Type": type });
  res.end(body);
}

const server = createServer((req, res) => {
  const url = new URL(req.url, "http://127.0.0.1");
  if (url.pathname !== "/sparql") return answer(res, 404, "text/plain", "not found: use /sparql\n");
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => {
    let query = url.searchParams.get("query");
    if (req.method === "POST") {
      const body = Buffer.concat(chunks).toString("utf8");
      const type = (req.headers["content-type"] || "").split(";")[0].trim();
      if (type === "application/sparql-query") query = body;
      else if (type === "application/x-www-form-urlencoded") query = new URLSearchParams(body).get("query");
    }
    if (!query) return answer(res, 400, "text/plain", "missing query\n");
    try {
      const result = store.query(query, { results_format: "application/sparql-results+json" });
      answer(res, 200, "application/sparql-results+json", result);
    } catch (e) {
      answer(res, 400, "text/plain", `query failed: ${e}\n`);
    }
  });
});

server.listen(0, "127.0.0.1", () => {
  const port = String(server.address().port);
  if (portFile) {
    writeFileSync(portFile + ".tmp", port + "\n");
    renameSync(portFile + ".tmp", portFile);
  } else {
    console.log(port);
  }
});
for (const sig of ["SIGTERM", "SIGINT"]) process.on(sig, () => server.close(() => process.exit(0)));
