// How fast one worker drains a full embedded queue into conversation_events,
// against plain batched INSERTs of the same rows into the same table on a
// fresh data dir: the ceiling for SQLite on this disk. Rounds alternate the
// two so both see the same machine. Usage:
//   mccig-embedded-drain-bench [--events 100000] [--rounds 3] [--full-sync]
#include "data_dir.h"
#include "drain_events.h"
#include "embedded_schema.h"
#include "sqlite_connection.h"

#include "mccig/backends/embedded_backend.h"
#include "mccig/core/time_format.h"
#include "mccig/domain/channel.h"
#include "mccig/worker/worker_service.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

using namespace mccig;
using namespace mccig::embedded;
using SteadyClock = std::chrono::steady_clock;

namespace {

// As many rows a transaction as the worker takes a batch at most.
constexpr std::size_t kBatch = 5000;

struct Options {
    int events = 100000;
    int rounds = 3;
    bool fullSync = false;
};

std::filesystem::path freshFolder(const std::string& name)
{
    const auto folder = std::filesystem::temp_directory_path() / ("mccig-embedded-drain-bench-" + name);
    std::filesystem::remove_all(folder);
    return folder;
}

[[noreturn]] void fail(const std::string& what)
{
    std::fprintf(stderr, "embedded-drain-bench: %s\n", what.c_str());
    std::exit(1);
}

double secondsSince(SteadyClock::time_point start)
{
    return std::chrono::duration<double>(SteadyClock::now() - start).count();
}

// Fills a fresh data dir's queue, then times one WorkerService until every event is stored.
double drain(const Options& options, const std::vector<ConversationEvent>& events)
{
    auto backend = EmbeddedBackend::open({freshFolder("worker"), options.fullSync}, std::make_shared<SystemClock>());
    if (!backend)
        fail(backend.error().message);
    const auto producer = (*backend)->eventQueue("bench-producer");
    for (std::size_t at = 0; at < events.size(); at += kBatch) {
        const auto end = std::min(events.size(), at + kBatch);
        const std::vector<ConversationEvent> chunk(events.begin() + static_cast<std::ptrdiff_t>(at),
                                                   events.begin() + static_cast<std::ptrdiff_t>(end));
        if (!producer->enqueue(chunk))
            fail("cannot fill the queue");
    }
    const auto repository = (*backend)->eventRepository();
    WorkerService worker(*backend, WorkerSettings{});
    const auto start = SteadyClock::now();
    worker.start();
    // The worker's own count, not a count(*) that would take the cores it measures.
    while (worker.counters().persisted < options.events)
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    const double seconds = secondsSince(start);
    worker.stop();
    const auto stored = repository->count({});
    if (!stored || *stored != options.events)
        fail("the worker stored " + std::to_string(stored.value_or(-1)) + " of " + std::to_string(options.events));
    const auto counters = worker.counters();
    std::printf("  worker: %lld batches, average %.0f events\n", counters.batches,
                counters.batches ? static_cast<double>(counters.batchSizeSum) / static_cast<double>(counters.batches)
                                 : 0.0);
    return seconds;
}

// The same rows, kBatch a transaction, one prepared INSERT on one connection,
// their column texts made before the clock starts.
double plainInsert(const Options& options, const std::vector<ConversationEvent>& events)
{
    struct Row {
        std::string metadata;
        std::string createdAt;
    };
    std::vector<Row> rows;
    rows.reserve(events.size());
    for (const auto& event : events)
        rows.push_back({event.rawMetadata.dump(), formatUtc(event.createdAt)});
    auto dataDir = DataDir::acquire(freshFolder("plain"));
    if (!dataDir)
        fail(dataDir.error().message);
    const auto durability = options.fullSync ? Durability::Full : Durability::Normal;
    auto connection = SqliteConnection::open(dataDir->databasePath(), durability, true);
    if (!connection || !migrateSchema(*connection))
        fail("cannot open the plain INSERT's database");
    auto insert = connection->prepare("INSERT INTO conversation_events (id, tenant_id, provider_message_id, channel, "
                                      "content, raw_metadata, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    if (!insert)
        fail(insert.error().message);
    const auto start = SteadyClock::now();
    for (std::size_t at = 0; at < events.size(); at += kBatch) {
        auto written = connection->transaction<void>([&]() -> Result<void> {
            for (std::size_t i = at; i < std::min(events.size(), at + kBatch); ++i) {
                const auto& event = events[i];
                if (auto run = insert->bind(1, event.id)
                                   .bind(2, event.tenantId)
                                   .bind(3, event.providerMessageId)
                                   .bind(4, channelName(event.channel))
                                   .bind(5, event.content)
                                   .bind(6, rows[i].metadata)
                                   .bind(7, rows[i].createdAt)
                                   .run();
                    !run)
                    return run;
            }
            return {};
        });
        if (!written)
            fail(written.error().message);
    }
    return secondsSince(start);
}

Options parse(int argc, char** argv)
{
    Options options;
    for (int i = 1; i < argc; ++i) {
        const auto value = [&] { return i + 1 < argc ? std::atoi(argv[++i]) : 0; };
        if (!std::strcmp(argv[i], "--events"))
            options.events = value();
        else if (!std::strcmp(argv[i], "--rounds"))
            options.rounds = value();
        else if (!std::strcmp(argv[i], "--full-sync"))
            options.fullSync = true;
        else
            fail(std::string("unknown argument ") + argv[i]
                 + " (usage: mccig-embedded-drain-bench [--events N] [--rounds N] [--full-sync])");
    }
    if (options.events <= 0 || options.rounds <= 0)
        fail("--events and --rounds take a positive number");
    return options;
}

} // namespace

int main(int argc, char** argv)
{
    const auto options = parse(argc, argv);
    const auto events = bench::makeDrainEvents(options.events);
    std::printf("events %d a round, durability %s\n", options.events, options.fullSync ? "full" : "normal");
    std::vector<double> drainRates;
    std::vector<double> plainRates;
    for (int round = 1; round <= options.rounds; ++round) {
        const double drained = options.events / drain(options, events);
        const double plain = options.events / plainInsert(options, events);
        std::printf("round %d: worker drain %.0f events/s, plain INSERT %.0f rows/s, ratio %.2fx\n", round, drained,
                    plain, drained / plain);
        drainRates.push_back(drained);
        plainRates.push_back(plain);
    }
    const double drained = bench::median(drainRates);
    const double plain = bench::median(plainRates);
    std::printf("median: worker drain %.0f events/s, plain INSERT %.0f rows/s, ratio %.2fx\n", drained, plain,
                drained / plain);
    return 0;
}
