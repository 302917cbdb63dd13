// turtle_speed: how fast kgraph writes Turtle from a large graph (issue 6, must-show 2).
//
// Builds a synthetic KnowledgeGraph of N relations (edges; default 1,000,000) through the public
// graph API, feeding core::SentenceFacts to add_sentence() as the pipeline does: events with
// agents, themes, recipients, nested reported content, attributions and times, in documents with
// dates, URLs and titles, under labels and sentences that hold non-ASCII text (accents, Cyrillic,
// Arabic, CJK, emoji) and characters Turtle must escape (quotes, backslashes, tabs, newlines,
// controls). Then it writes the graph as N-Triples once (for `serdi` to re-serialise) and as
// Turtle R times, each with the project's Serd writer (exporter::write_rdf_file), and prints the
// seconds of each Turtle write on standard output as `turtle_seconds WALL CPU`.
//
// Usage: turtle_speed [--relations N] [--repeat R] [--nt FILE] [--ttl FILE]
// bench/turtle_speed.sh runs it and times `serdi` on the same triples in the same run.

#include <time.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "kg/core/types.hpp"
#include "kg/exporter/turtle_writer.hpp"
#include "kg/graph/knowledge_graph.hpp"

namespace {

using kg::core::EntityType;
using kg::core::Role;

double process_cpu_seconds() {
  timespec ts{};
  ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// A small deterministic generator (splitmix64): the same graph on every run and machine.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  template <typename T, std::size_t N>
  const T& pick(const std::array<T, N>& items) {
    return items[below(N)];
  }

 private:
  std::uint64_t state_;
};

constexpr std::array<std::string_view, 24> kFirstNames = {
    "Vladimir", "Joe",     "Angela", "José",   "Zoë",    "Olaf",     "Emmanuel", "Xi",
    "Recep",    "Ursula",  "Jürgen", "Søren",  "Łukasz", "Ngozi",    "Владимир", "Олена",
    "محمد",     "Benjamin", "Narendra", "Björk", "François", "Marie-Hélène", "O'Brien", "Nuño"};
constexpr std::array<std::string_view, 24> kLastNames = {
    "Putin",   "Biden",   "Merkel",  "Müller", "García", "Scholz",  "Macron",   "Jinping",
    "Erdoğan", "von der Leyen", "Kowalski", "Okonjo-Iweala", "Зеленский", "Шевченко", "العربي",
    "Netanyahu", "Modi", "Guðmundsdóttir", "Dupont", "D'Arcy", "Smith \"The Hammer\"", "Ång",
    "Nakamura", "김"};
constexpr std::array<std::string_view, 16> kOrganisations = {
    "Ministry of Defence", "Central Bank", "Kremlin", "White House", "European Commission",
    "Bundestag", "NATO", "Gazprom", "Times & Sons", "Société Générale", "北京大学", "Banco do Brasil",
    "AT&T", "Red Cross <Geneva>", "Back\\slash Ltd", "Tab\tCorp"};
constexpr std::array<std::string_view, 16> kConcepts = {
    "guarantee", "sanctions", "troops", "the peace deal", "energy prices", "gas pipeline",
    "élections", "sovereignty", "\"red lines\"", "tariffs on steel", "vaccine doses", "the 50% cut",
    "cyber-attack", "ceasefire 🕊", "oil, gas & coal", "a \\ b"};
constexpr std::array<std::string_view, 8> kCountries = {
    "Ukraine", "Russia", "United States", "Côte d'Ivoire", "Deutschland", "日本", "Россия", "مصر"};

struct CatalogRelation {
  std::string_view relation, lemma, cameo;
};
constexpr std::array<CatalogRelation, 16> kRelations = {{
    {"request", "ask", "020"}, {"threaten", "warn", "130"}, {"support", "back", "050"},
    {"meet", "meet", "040"}, {"criticize", "condemn", "111"}, {"reject", "refuse", "120"},
    {"demand", "demand", "100"}, {"offer", "propose", "030"}, {"accuse", "accuse", "112"},
    {"sanction", "impose", "163"}, {"attack", "strike", "190"}, {"cooperate", "agree", "057"},
    {"call_for", "urge", "020"}, {"discuss", "discuss", "036"}, {"invade", "invade", "195"},
    {"promise", "pledge", "030"},
}};

constexpr std::array<std::string_view, 8> kSentenceTails = {
    " over the weekend, officials said.",
    " — a move critics called \"reckless\".",
    " on Tuesday, according to a statement.",
    ", in a speech in Zürich.\nIt was the third time.",
    " (see: C:\\reports\\2024) despite protests.",
    ", citing «national security» concerns.",
    " as markets fell 3.2%\t overnight 📉.",
    ", the ministry's spokesman told reporters.\r"};

/// The i-th entity: a person, organisation, country or concept, with a realistic label.
kg::core::EntityRef entity(std::size_t i, std::size_t mention_begin) {
  kg::core::EntityRef ref;
  switch (i % 8) {
    case 0:
    case 1:
    case 2:
      ref.label = std::string(kFirstNames[i % kFirstNames.size()]) + " " +
                  std::string(kLastNames[(i / kFirstNames.size()) % kLastNames.size()]) + " " +
                  std::to_string(i);
      ref.type = EntityType::person;
      ref.mention = std::string(kLastNames[(i / kFirstNames.size()) % kLastNames.size()]);
      break;
    case 3:
    case 4:
      ref.label = std::string(kOrganisations[i % kOrganisations.size()]) + " " + std::to_string(i);
      ref.type = EntityType::organization;
      ref.mention = ref.label;
      break;
    case 5:
      ref.label = std::string(kCountries[i % kCountries.size()]) + " region " + std::to_string(i);
      ref.type = i % 16 == 5 ? EntityType::country : EntityType::location;
      ref.mention = ref.label;
      break;
    default:
      ref.label = std::string(kConcepts[i % kConcepts.size()]) + " " + std::to_string(i);
      ref.type = EntityType::concept_;
      ref.mention = ref.label;
      break;
  }
  if (i % 5 == 0) ref.wikidata = std::string("Q").append(std::to_string(1000 + i));
  ref.span = {mention_begin, mention_begin + 8};
  return ref;
}

kg::core::RoleFiller filler(Role role, kg::core::EntityRef ref) {
  kg::core::RoleFiller f;
  f.role = role;
  f.entity = std::move(ref);
  return f;
}

/// Feeds documents to `g` until it has `relations` edges. Every theme-bearing event has a distinct
/// (agent, theme) pair, so each one makes a new edge.
void build_graph(kg::graph::KnowledgeGraph& g, std::size_t relations) {
  Random random(20261123);
  const std::size_t entities = std::max<std::size_t>(1000, relations / 20);
  std::size_t next_pair = 0;  // pair k: agent k % entities, theme (agent + 1 + k / entities) % entities
  std::size_t doc_number = 0;
  while (g.relation_count() < relations) {
    kg::core::Document doc;
    doc.id = "bbc-synthetic-" + std::to_string(doc_number);
    doc.url = "https://www.example.org/news/2024/" + std::to_string(doc_number) + "?ref=a&b=c";
    doc.date = "2024-" + std::string(doc_number % 12 < 9 ? "0" : "") +
               std::to_string(doc_number % 12 + 1) + "-" + std::to_string(10 + doc_number % 18);
    doc.title = "Débat: \"" + std::string(random.pick(kConcepts)) + "\" — " +
                std::string(random.pick(kCountries)) + " #" + std::to_string(doc_number);
    doc.ordinal = doc_number++;
    g.begin_document(doc);
    std::size_t char_offset = 0;
    for (std::size_t s = 0; s < 10 && g.relation_count() < relations; ++s) {
      const std::size_t k = next_pair++;
      const std::size_t agent = k % entities;
      const std::size_t theme = (agent + 1 + k / entities) % entities;
      const CatalogRelation& rel = kRelations[random.below(kRelations.size())];
      const kg::core::EntityRef agent_ref = entity(agent, char_offset);
      const kg::core::EntityRef theme_ref = entity(theme, char_offset + 20);

      kg::core::SentenceFacts facts;
      facts.sentence.index = s;
      facts.sentence.text = agent_ref.mention + " " + std::string(rel.lemma) + "s " +
                            theme_ref.mention + std::string(random.pick(kSentenceTails));
      facts.sentence.chars = {char_offset, char_offset + facts.sentence.text.size()};
      char_offset = facts.sentence.chars.end + 1;

      kg::core::Event event;
      event.relation = std::string(rel.relation);
      event.lemma = std::string(rel.lemma);
      event.cameo = std::string(rel.cameo);
      event.roles.push_back(filler(Role::agent, agent_ref));
      event.roles.push_back(filler(Role::theme, theme_ref));
      if (random.below(4) == 0)
        event.roles.push_back(filler(Role::recipient, entity(random.below(entities), char_offset)));
      if (random.below(3) == 0) {
        kg::core::RoleFiller time;
        time.role = Role::time;
        time.text = random.below(2) ? "on Tuesday" : "in early 2024";
        event.roles.push_back(std::move(time));
      }
      event.negated = random.below(20) == 0;
      event.conditional = random.below(25) == 0;
      if (random.below(6) == 0) event.modality = "would";
      event.confidence = 0.25 + static_cast<double>(random.below(70)) / 100.0;
      event.span = {facts.sentence.chars.begin, facts.sentence.chars.begin + 10};

      // One sentence in four is reported speech: `X said that <event>`, the event not asserted.
      if (random.below(4) == 0) {
        kg::core::Event say;
        say.relation = "say";
        say.lemma = "say";
        say.cameo = "010";
        say.speech_act = true;
        say.confidence = 0.8;
        const kg::core::EntityRef speaker = entity(random.below(entities), char_offset);
        say.roles.push_back(filler(Role::agent, speaker));
        kg::core::RoleFiller content;
        content.role = Role::content;
        content.event = 1;
        say.roles.push_back(std::move(content));
        say.cue = "said";
        event.asserted = false;
        event.attributed_to = speaker;
        event.cue = "said";
        facts.events.push_back(std::move(say));
      }
      facts.events.push_back(std::move(event));
      g.add_sentence(doc, facts);
    }
    g.end_document(doc);
  }
}

template <typename F>
std::pair<double, double> timed(F&& f) {
  const auto wall = std::chrono::steady_clock::now();
  const double cpu = process_cpu_seconds();
  f();
  return {std::chrono::duration<double>(std::chrono::steady_clock::now() - wall).count(),
          process_cpu_seconds() - cpu};
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t relations = 1'000'000;
  int repeat = 3;
  std::filesystem::path nt_path, ttl_path = "turtle_speed.ttl";
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    const char* value = i + 1 < argc ? argv[i + 1] : nullptr;
    if (arg == "--relations" && value) relations = std::strtoull(argv[++i], nullptr, 10);
    else if (arg == "--repeat" && value) repeat = std::atoi(argv[++i]);
    else if (arg == "--nt" && value) nt_path = argv[++i];
    else if (arg == "--ttl" && value) ttl_path = argv[++i];
    else {
      std::fprintf(stderr, "usage: turtle_speed [--relations N] [--repeat R] [--nt FILE] [--ttl FILE]\n");
      return 2;
    }
  }
  try {
    kg::graph::KnowledgeGraph g;
    const auto [build_wall, build_cpu] = timed([&] { build_graph(g, relations); });
    std::printf("graph %zu relations %zu events %zu entities %zu documents built in %.2f s\n",
                g.relation_count(), g.event_count(), g.entity_count(), g.document_count(), build_wall);
    (void)build_cpu;
    if (!nt_path.empty()) {
      const auto [wall, cpu] = timed(
          [&] { kg::exporter::write_rdf_file(g, nt_path, kg::exporter::RdfSyntax::ntriples); });
      std::printf("ntriples_seconds %.3f %.3f\n", wall, cpu);
    }
    for (int r = 0; r < repeat; ++r) {
      const auto [wall, cpu] = timed(
          [&] { kg::exporter::write_rdf_file(g, ttl_path, kg::exporter::RdfSyntax::turtle); });
      std::printf("turtle_seconds %.3f %.3f\n", wall, cpu);
      std::fflush(stdout);
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "turtle_speed: %s\n", e.what());
    return 1;
  }
  return 0;
}
