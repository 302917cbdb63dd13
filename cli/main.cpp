// kgraph: command-line wiring only — options -> readers -> extractor pipeline -> graph/writers.
//
// Exit codes: 0 success; 1 some input was skipped or malformed (reported as file:line:col
// diagnostics, the rest was processed); 2 usage, I/O or environment errors.

#include <malloc.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <clocale>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "kg/core/diagnostics.hpp"
#include "kg/exporter/attribution_writer.hpp"
#include "kg/exporter/mention_writer.hpp"
#include "kg/exporter/export_formats.hpp"
#include "kg/exporter/output_folder.hpp"
#include "kg/exporter/proposition_writer.hpp"
#include "kg/extract/extractor.hpp"
#include "kg/extract/pipeline.hpp"
#include "kg/graph/knowledge_graph.hpp"
#include "kg/ontology/vocabulary.hpp"

namespace {

namespace fs = std::filesystem;

struct CommonOptions {
  std::vector<std::string> inputs;
  unsigned threads = 0;  // 0: all cores
  bool strict = false;
  bool quiet = false;
  bool timings = false;  // --timings: time per stage after the summary
  std::vector<std::string> gazetteers;
};

/// The --timings line: wall / CPU seconds per stage (worker stages summed over workers).
void print_stage_times(const kg::extract::StageTimes& t, unsigned threads) {
  std::fprintf(stderr,
               "kgraph: stage seconds (wall/CPU, summed over %u workers): read %.2f/%.2f, "
               "split %.2f/%.2f, parse %.2f/%.2f, extract %.2f/%.2f, graph %.2f/%.2f, "
               "export %.2f/%.2f\n",
               threads, t.read.wall, t.read.cpu, t.split.wall, t.split.cpu, t.parse.wall,
               t.parse.cpu, t.extract.wall, t.extract.cpu, t.graph.wall, t.graph.cpu,
               t.output.wall, t.output.cpu);
}

unsigned effective_threads(unsigned requested) {
  if (requested > 0) return requested;
  const unsigned hw = std::thread::hardware_concurrency();
  return hw == 0 ? 1 : hw;
}

/// A one-line progress display on a terminal, refreshed at most every 0.3 s.
class Progress {
 public:
  explicit Progress(bool enabled) : enabled_(enabled && ::isatty(STDERR_FILENO)) {}
  void update(const kg::extract::ExtractionStats& stats, std::size_t documents) {
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - last_ < std::chrono::milliseconds(300)) return;
    last_ = now;
    const double seconds = std::chrono::duration<double>(now - start_).count();
    std::fprintf(stderr, "\r\033[K  %zu documents, %zu sentences, %.0f sentences/s", documents,
                 stats.sentences, seconds > 0 ? static_cast<double>(stats.sentences) / seconds : 0.0);
    shown_ = true;
  }
  void clear() {
    if (shown_) std::fprintf(stderr, "\r\033[K");
    shown_ = false;
  }

 private:
  bool enabled_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_{};
};

/// The --formats help text: every format with its file(s), from the exporter's own table.
std::string formats_help() {
  std::string text = "Comma-separated output formats:";
  for (const auto& f : kg::exporter::output_formats())
    text += "\n  " + std::string(f.name) + ": " + std::string(f.files) + " - " + std::string(f.description);
  return text;
}

std::unique_ptr<kg::extract::Resources> load_resources(const CommonOptions& common,
                                                       kg::core::DiagnosticSink& diagnostics) {
  kg::extract::ResourceOptions options;
  for (const auto& g : common.gazetteers) options.extra_gazetteers.emplace_back(g);
  return kg::extract::Resources::load(options, diagnostics);
}

int finish(const kg::core::StreamDiagnostics& diagnostics) {
  return diagnostics.errors() > 0 ? 1 : 0;
}

/// What build and merge write, and how.
struct OutputChoice {
  std::string dir;
  std::vector<std::string> formats;
  std::string base;
  bool actors_only = false;
};

/// The line that says what a graph read back held.
void report_read(const kg::exporter::GraphReadBack& read, bool quiet) {
  if (quiet) return;
  std::fprintf(stderr, "kgraph: read %s: %zu documents, %zu entities, %zu events",
               read.file.string().c_str(), read.summary.documents, read.summary.entities,
               read.summary.events);
  if (read.summary.ignored > 0)
    std::fprintf(stderr, " (%zu statements outside kgraph's RDF model left out)", read.summary.ignored);
  std::fprintf(stderr, "\n");
}

/// Reads back the graph `input` holds (an output folder or one of its RDF files) into `graph`.
void read_graph(const std::string& input, const std::string& base, kg::graph::KnowledgeGraph& graph,
                bool quiet) {
  kg::exporter::RdfOptions options;
  options.base = base;
  report_read(kg::exporter::read_graph_back(input, graph, options), quiet);
}

/// Writes the chosen formats into the folder (`written`: their paths); returns the export stage's time.
kg::extract::StageTime write_graph(const kg::graph::KnowledgeGraph& graph, const OutputChoice& out,
                                   const kg::exporter::OutputFolder& folder, std::vector<fs::path>& written) {
  kg::extract::StageTimer export_timer;
  kg::exporter::OutputOptions output;
  output.rdf.base = out.base;
  output.view = out.actors_only ? kg::graph::NetworkView::actors : kg::graph::NetworkView::full;
  written = folder.write(graph, out.formats, output);
  kg::extract::StageTime time;
  export_timer.add_to(time);
  return time;
}

int run_build(const CommonOptions& common, const OutputChoice& out, bool into) {
  kg::core::StreamDiagnostics diagnostics(&std::cerr, common.strict);
  kg::exporter::OutputFolder folder(out.dir);
  folder.prepare();
  folder.lock();  // held from reading the graph to the last write

  kg::graph::KnowledgeGraph graph;
  if (into) {
    kg::exporter::RdfOptions rdf;
    rdf.base = out.base;
    if (const auto read = folder.read_existing(graph, rdf))
      report_read(*read, common.quiet);
    else if (!common.quiet)
      std::fprintf(stderr, "kgraph: '%s' holds no graph yet: starting a new one\n", out.dir.c_str());
  }
  const kg::exporter::KnownDocuments known_documents(graph);  // read-only while the workers run
  const std::size_t documents_before = graph.document_count();

  auto resources = load_resources(common, diagnostics);
  Progress progress(!common.quiet);
  kg::extract::PipelineOptions options;
  options.threads = effective_threads(common.threads);
  options.progress = [&](const kg::extract::ExtractionStats& s, std::size_t d) { progress.update(s, d); };
  if (!known_documents.empty())
    options.skip = [&](const kg::core::Document& doc) {
      return known_documents.contains(doc);
    };
  const auto result = kg::extract::run_pipeline(common.inputs, *resources, diagnostics, graph, options);
  progress.clear();

  std::vector<fs::path> written;
  auto stage_times = result.stats.times;
  stage_times.output = write_graph(graph, out, folder, written);

  if (!common.quiet) {
    const double total = result.seconds + stage_times.output.wall;
    std::fprintf(stderr,
                 "kgraph: %zu documents, %zu sentences (%zu unparsed), %zu entities, %zu relations, "
                 "%zu events in %.2f s (%.0f sentences/s, %u threads)\n",
                 result.documents, result.stats.sentences, result.stats.unparsed,
                 graph.entity_count(), graph.relation_count(), graph.event_count(), total,
                 total > 0 ? static_cast<double>(result.stats.sentences) / total : 0.0,
                 options.threads);
    if (into)
      std::fprintf(stderr, "kgraph: the graph now holds %zu documents (%zu added, %zu skipped as already there)\n",
                   graph.document_count(), graph.document_count() - documents_before, result.skipped);
    if (common.timings) print_stage_times(stage_times, options.threads);
    for (const auto& w : written) std::fprintf(stderr, "kgraph: wrote %s\n", w.string().c_str());
    if (diagnostics.errors() > 0)
      std::fprintf(stderr, "kgraph: %zu input error(s): some input was skipped (see above)\n",
                   diagnostics.errors());
  }
  return finish(diagnostics);
}

int run_merge(const std::vector<std::string>& graphs, const OutputChoice& out, bool quiet) {
  const auto started = std::chrono::steady_clock::now();
  kg::graph::KnowledgeGraph graph;
  // Everything is read before anything is written: OUTDIR may be one of the inputs. An existing
  // OUTDIR is locked before the reading, a new one is only made once every input was read.
  kg::exporter::OutputFolder folder(out.dir);
  if (fs::is_directory(out.dir)) folder.lock();
  for (const auto& input : graphs) read_graph(input, out.base, graph, quiet);
  folder.prepare();
  folder.lock();
  std::vector<fs::path> written;
  write_graph(graph, out, folder, written);
  if (!quiet) {
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::fprintf(stderr,
                 "kgraph: merged %zu graphs: %zu documents, %zu entities, %zu relations, %zu events "
                 "in %.2f s\n",
                 graphs.size(), graph.document_count(), graph.entity_count(), graph.relation_count(),
                 graph.event_count(), seconds);
    for (const auto& w : written) std::fprintf(stderr, "kgraph: wrote %s\n", w.string().c_str());
  }
  return 0;
}

int run_extract(const CommonOptions& common, const std::string& format, bool lines) {
  // Attribution spans are offsets into whole documents; with --lines every line would be a
  // document of its own and the offsets would not point into the article files.
  if (lines && (format == "attributions" || format == "mentions"))
    throw kg::core::Error("--format " + format + " needs whole articles (document offsets); drop --lines");
  kg::core::StreamDiagnostics diagnostics(&std::cerr, common.strict);
  auto resources = load_resources(common, diagnostics);
  std::ios::sync_with_stdio(false);
  std::unique_ptr<kg::core::FactSink> writer;
  if (format == "oie") writer = std::make_unique<kg::exporter::OieWriter>(std::cout);
  else if (format == "attributions") writer = std::make_unique<kg::exporter::AttributionWriter>(std::cout);
  else if (format == "mentions")
    writer = std::make_unique<kg::exporter::MentionWriter>(std::cout, std::string(kg::ontology::ns::default_base));
  else writer = std::make_unique<kg::exporter::PropositionJsonWriter>(std::cout);
  kg::extract::PipelineOptions options;
  options.threads = effective_threads(common.threads);
  options.mode = lines ? kg::extract::InputMode::lines : kg::extract::InputMode::articles;
  Progress progress(!common.quiet);
  options.progress = [&](const kg::extract::ExtractionStats& s, std::size_t d) { progress.update(s, d); };
  const auto result = kg::extract::run_pipeline(common.inputs, *resources, diagnostics, *writer, options);
  progress.clear();
  std::cout.flush();
  if (!std::cout) throw kg::core::Error("cannot write to standard output");
  if (!common.quiet)
    std::fprintf(stderr, "kgraph: %zu documents, %zu sentences, %zu propositions in %.2f s (%.0f sentences/s)\n",
                 result.documents, result.stats.sentences, result.stats.propositions, result.seconds,
                 result.seconds > 0 ? static_cast<double>(result.stats.sentences) / result.seconds : 0.0);
  if (!common.quiet && common.timings) print_stage_times(result.stats.times, options.threads);
  return finish(diagnostics);
}

void add_common(CLI::App& cmd, CommonOptions& common) {
  cmd.add_option("inputs", common.inputs,
                 "Articles: .txt files, .jsonl files (one {\"id\",\"url\",\"date\",\"title\",\"text\"} "
                 "object a line), directories (recursive; only .txt, .text, .jsonl and extensionless files), or - for standard input")
      ->required();
  cmd.add_option("-j,--threads", common.threads, "Worker threads (default: all cores)")
      ->check(CLI::Range(1u, 256u));
  cmd.add_flag("--strict", common.strict, "Stop at the first input error instead of skipping it");
  cmd.add_flag("-q,--quiet", common.quiet, "No progress line and no summary on standard error");
  cmd.add_option("--gazetteer", common.gazetteers,
                 "Extra gazetteer file (Turtle, same vocabulary as ontology/gazetteer/*.ttl); repeatable")
      ->check(CLI::ExistingFile);
}

}  // namespace

int main(int argc, char** argv) {
  std::setlocale(LC_ALL, "C.UTF-8");
  // Link Grammar allocates and frees large tables for every sentence. glibc's defaults hand the
  // big ones back to the kernel (mmap/munmap, heap trimming) each time, which then faults fresh
  // zeroed pages in for the next sentence: keeping up to 128 MB of freed heap halves the system
  // time on CaRB dev (0.68 s -> 0.24 s for 641 sentences) at the same peak RSS.
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 128 << 20);
  mallopt(M_TOP_PAD, 16 << 20);
  CLI::App app{"kgraph " KG_VERSION
               " - builds a knowledge graph of who did and said what to whom, according to whom,\n"
               "and when, from English news articles."};
  app.set_version_flag("-V,--version", "kgraph " KG_VERSION);
  app.require_subcommand(1);

  CommonOptions common;
  std::string outdir, into_dir;
  std::string formats(kg::exporter::default_formats);
  bool actors_only = false;
  std::string base(kg::ontology::ns::default_base);
  const auto add_output_options = [&](CLI::App& cmd) {
    cmd.add_option("--formats", formats, formats_help())->capture_default_str();
    cmd.add_flag("--actors-only", actors_only,
                 "GraphML, GEXF, CSV and DOT show only actors (people, organisations, countries, "
                 "locations, groups); the concepts an edge names are folded into its label. "
                 "RDF and JSON-LD always hold the whole graph");
    cmd.add_option("--base", base, "Base IRI for entities, events and documents")->capture_default_str();
  };
  auto* build = app.add_subcommand("build", "Build the graph from articles and write it to OUTDIR");
  add_common(*build, common);
  auto* output_opt = build->add_option("-o,--output", outdir, "Output directory (created if missing)");
  auto* into_opt = build->add_option(
      "--into", into_dir,
      "Add the articles to the graph in this output directory and rewrite its files: the graph is "
      "read back from its graph.ttl, graph.trig, graph.nt or graph.nq (so one of ttl, trig, nt, nq "
      "must be among its formats), articles already in it are skipped (the first five named in a note), and every "
      "format already there is written again besides --formats. A directory without a graph "
      "starts a new one. Same --base as the graph was built with");
  output_opt->excludes(into_opt);
  into_opt->excludes(output_opt);
  add_output_options(*build);
  build->add_flag("--timings", common.timings,
                  "After the summary, print wall and CPU seconds per stage (read, split, parse, "
                  "extract, graph, export; worker stages summed over workers)");

  std::vector<std::string> merge_inputs;
  auto* merge = app.add_subcommand(
      "merge",
      "Union graphs built separately (shards of a corpus, with the same --base) into one, written "
      "to OUTDIR: what one build over all their articles, in the order given, writes. The graphs "
      "must come from different articles");
  merge->add_option("graphs", merge_inputs,
                    "Output directories of kgraph build (their graph.ttl, graph.trig, graph.nt or "
                    "graph.nq is read: the first there is), or such files")
      ->required();
  merge->add_option("-o,--output", outdir,
                    "Output directory (created if missing; may be one of the inputs). Every format "
                    "already there is written again besides --formats, so that none is left stale")
      ->required();
  merge->add_flag("-q,--quiet", common.quiet, "No summary on standard error");
  add_output_options(*merge);

  std::string format = "oie";
  bool lines = false;
  auto* extract = app.add_subcommand(
      "extract", "Stream propositions per sentence to standard output (no graph is built)");
  add_common(*extract, common);
  extract->add_option("-f,--format", format,
                      "oie: CaRB's tab-separated OpenIE format; jsonl: full propositions and events; "
                      "attributions: who said what, one {\"doc\",\"source\",\"cue\",\"content\"} "
                      "object a line with code-point spans into each article (the attribution_score.py "
                      "format; not with --lines); mentions: every name and pronoun, one {\"doc\",\"start\",\"end\","
                      "\"text\",\"type\",\"entity\",\"kind\"} object a line, entity the ent: IRI or null "
                      "when unresolved (the gap_eval.py / ner_eval.py format; not with --lines)")
      ->check(CLI::IsMember({"oie", "jsonl", "attributions", "mentions"}))
      ->capture_default_str();
  extract->add_flag("--lines", lines, "Every input line is one sentence, echoed exactly (benchmark mode)");
  extract->add_flag("--timings", common.timings,
                    "After the summary, print wall and CPU seconds per stage as build does (graph "
                    "is the streaming writer here, export is zero)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }

  try {
    if (build->parsed() || merge->parsed()) {
      if (base.empty() || base.find(':') == std::string::npos)
        throw kg::core::Error("--base must be an absolute IRI, e.g. https://example.org/kg/");
      const bool into = build->parsed() && !into_dir.empty();
      if (build->parsed() && !into && outdir.empty())
        throw kg::core::Error("build needs an output directory: -o OUTDIR, or --into OUTDIR to add to a graph");
      OutputChoice out;
      out.dir = into ? into_dir : outdir;
      out.formats = kg::exporter::parse_format_list(formats);
      // Whatever OUTDIR already holds is rewritten too, so that no file there is left stale.
      if (into || merge->parsed()) out.formats = kg::exporter::OutputFolder(out.dir).formats_to_write(out.formats);
      out.base = base;
      out.actors_only = actors_only;
      if (merge->parsed()) return run_merge(merge_inputs, out, common.quiet);
      return run_build(common, out, into);
    }
    return run_extract(common, format, lines);
  } catch (const kg::core::Error& e) {
    if (e.reported())
      std::cerr << "kgraph: " << e.note() << '\n';  // the sink printed the diagnostics
    else
      std::cerr << "kgraph: " << (e.located() ? "" : "error: ") << e.what() << '\n';
    return e.exit_code();
  } catch (const std::exception& e) {
    std::cerr << "kgraph: error: " << e.what() << '\n';
    return 2;
  }
}
