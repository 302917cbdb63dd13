#include "kg/extract/pipeline.hpp"

#include <condition_variable>
#include <deque>
#include <exception>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

#include "kg/extract/attribution.hpp"

namespace kg::extract {

namespace {

struct Result {
  core::Document document;
  bool skipped = false;
  std::vector<core::SentenceFacts> sentences;
  std::vector<core::AttributionRecord> attributions;
  ExtractionStats stats;
};

/// Shared state: an input queue (reader -> workers) and an ordered output map (workers -> sink),
/// with a bound on documents in flight so that a slow document cannot make memory grow.
class Exchange {
 public:
  explicit Exchange(std::size_t max_in_flight) : max_in_flight_(max_in_flight) {}

  // Reader side. Returns false when the run is being cancelled.
  bool push(core::Document&& doc) {
    std::unique_lock lock(mutex_);
    space_.wait(lock, [&] { return in_flight_ < max_in_flight_ || cancelled_; });
    if (cancelled_) return false;
    ++in_flight_;
    input_.push_back(std::move(doc));
    work_.notify_one();
    return true;
  }
  void close_input(std::size_t total) {
    std::lock_guard lock(mutex_);
    input_closed_ = true;
    total_ = total;
    work_.notify_all();
    done_.notify_all();
  }

  // Worker side.
  std::optional<core::Document> pop() {
    std::unique_lock lock(mutex_);
    work_.wait(lock, [&] { return !input_.empty() || input_closed_ || cancelled_; });
    if (cancelled_ || input_.empty()) return std::nullopt;
    auto doc = std::move(input_.front());
    input_.pop_front();
    return doc;
  }
  void deliver(std::size_t ordinal, Result&& result) {
    std::lock_guard lock(mutex_);
    output_.emplace(ordinal, std::move(result));
    done_.notify_all();
  }

  // Sink side: the next result in input order, or nullopt when everything was delivered.
  std::optional<Result> next() {
    std::unique_lock lock(mutex_);
    done_.wait(lock, [&] {
      return cancelled_ || output_.count(next_) || (input_closed_ && next_ >= total_);
    });
    if (cancelled_ || !output_.count(next_)) return std::nullopt;
    auto node = output_.extract(next_);
    ++next_;
    --in_flight_;
    space_.notify_one();
    return std::move(node.mapped());
  }

  void cancel(std::exception_ptr error) {
    std::lock_guard lock(mutex_);
    if (!error_) error_ = error;
    cancelled_ = true;
    work_.notify_all();
    done_.notify_all();
    space_.notify_all();
  }
  std::exception_ptr error() {
    std::lock_guard lock(mutex_);
    return error_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable work_, done_, space_;
  std::deque<core::Document> input_;
  std::map<std::size_t, Result> output_;
  std::size_t max_in_flight_;
  std::size_t in_flight_ = 0;
  std::size_t next_ = 0;
  std::size_t total_ = 0;
  bool input_closed_ = false;
  bool cancelled_ = false;
  std::exception_ptr error_;
};

/// One worker: extracts the documents it pops, and their attributions, until the input ends or
/// the run is cancelled (an exception cancels it for everyone).
void work(Exchange& exchange, const Resources& resources, core::DiagnosticSink& diagnostics,
          const PipelineOptions& options) {
  try {
    Extractor extractor(resources, diagnostics);
    while (auto doc = exchange.pop()) {
      Result r;
      r.skipped = options.skip && options.skip(*doc);
      if (!r.skipped) {
        r.sentences = extractor.process(*doc, options.mode == InputMode::lines, r.stats);
        StageTimer timer;
        r.attributions = document_attributions(*doc, r.sentences, resources.words());
        timer.add_to(r.stats.times.extract);
      }
      const std::size_t ordinal = doc->ordinal;
      r.document = std::move(*doc);
      exchange.deliver(ordinal, std::move(r));
    }
  } catch (...) {
    exchange.cancel(std::current_exception());
  }
}

/// The note for the `count`th skipped document: a nightly `build --into` over a whole archive
/// skips thousands, so only the first few are named.
void note_skipped(const core::Document& doc, std::size_t count, core::DiagnosticSink& diagnostics) {
  constexpr std::size_t named = 5;
  if (count > named) return;
  core::Diagnostic d;
  d.severity = core::Severity::note;
  d.where.file = doc.source_file;
  d.where.line = doc.source_line;
  d.message = "article '" + doc.id + "' is in the graph already; skipped" +
              (count == named ? " (further ones are only counted)" : "");
  diagnostics.report(std::move(d));
}

}  // namespace

PipelineResult run_pipeline(const std::vector<std::string>& inputs, const Resources& resources,
                            core::DiagnosticSink& diagnostics, core::FactSink& sink,
                            const PipelineOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  const unsigned threads = std::max(1u, options.threads);
  Exchange exchange(4 * static_cast<std::size_t>(threads));

  // Read time is the reader thread's time less what it spent waiting for room in the queue.
  StageTime read_time;
  std::thread reader([&] {
    std::size_t total = 0;
    StageTimer timer;
    try {
      DocumentReader documents(diagnostics, options.mode);
      total = documents.read(inputs, [&](core::Document&& doc) {
        timer.add_to(read_time);
        const bool pushed = exchange.push(std::move(doc));
        timer.lap();
        if (!pushed) throw core::Error("cancelled");
      });
    } catch (...) {
      exchange.cancel(std::current_exception());
    }
    timer.add_to(read_time);
    exchange.close_input(total);
  });

  std::vector<std::thread> workers;
  workers.reserve(threads);
  for (unsigned t = 0; t < threads; ++t)
    workers.emplace_back([&] { work(exchange, resources, diagnostics, options); });

  PipelineResult result;
  try {
    while (auto r = exchange.next()) {
      if (r->skipped) {
        note_skipped(r->document, ++result.skipped, diagnostics);
        continue;
      }
      StageTimer timer;
      sink.begin_document(r->document);
      for (const auto& facts : r->sentences) sink.add_sentence(r->document, facts);
      sink.add_attributions(r->document, r->attributions);
      sink.end_document(r->document);
      timer.add_to(result.stats.times.graph);
      ++result.documents;
      result.stats += r->stats;
      if (options.progress) options.progress(result.stats, result.documents);
    }
  } catch (...) {
    exchange.cancel(std::current_exception());
  }
  reader.join();
  for (auto& w : workers) w.join();
  result.stats.times.read = read_time;
  if (auto error = exchange.error()) std::rethrow_exception(error);
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return result;
}

}  // namespace kg::extract
