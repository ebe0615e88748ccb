// Admissions through the embedded backend's group commit, from many
// concurrent clients each with one request in flight (as wrk's connections
// are), against the same number of rows written by plain batched INSERTs on
// one connection: the ceiling for SQLite on this disk. Rounds alternate so
// both see the same machine. Usage:
//   mccig-embedded-bench [--clients 64] [--seconds 5] [--rounds 3] [--full-sync]
#include "admission_writer.h"
#include "checkpointer.h"
#include "data_dir.h"
#include "embedded_schema.h"
#include "sqlite_connection.h"

#include "mccig/core/uuid.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <string>
#include <vector>

using namespace mccig;
using namespace mccig::embedded;
using SteadyClock = std::chrono::steady_clock;

namespace {

struct Options {
    int clients = 64;
    int seconds = 5;
    int rounds = 3;
    Durability durability = Durability::Normal;
};

struct Figures {
    double perSecond = 0;
    double p50Ms = 0;
    double p99Ms = 0;
    double meanGroup = 0;
};

ConversationEvent sampleEvent(long long n)
{
    ConversationEvent event;
    event.id = newUuidV7();
    event.tenantId = "bench";
    event.providerMessageId = "m-" + std::to_string(n);
    event.channel = Channel::Sms;
    event.content = "Hello, this is a message of ordinary length for the benchmark.";
    event.rawMetadata = {{"from", "+14155550123"}, {"to", "+14155550124"}};
    event.createdAt = std::chrono::system_clock::now();
    return event;
}

std::filesystem::path freshFolder(const std::string& name)
{
    const auto folder = std::filesystem::temp_directory_path() / ("mccig-embedded-bench-" + name);
    std::filesystem::remove_all(folder);
    return folder;
}

SqliteConnection openMigrated(const DataDir& dataDir, Durability durability)
{
    auto connection = SqliteConnection::open(dataDir.databasePath(), durability, true);
    if (!connection || !migrateSchema(*connection)) {
        std::fprintf(stderr, "cannot open the benchmark database\n");
        std::exit(1);
    }
    return std::move(*connection);
}

// Closed loop: each client sends its next request when the previous is answered.
Figures groupCommit(const Options& options)
{
    auto dataDir = DataDir::acquire(freshFolder("group"));
    const SystemClock clock;
    AdmissionWriter writer(openMigrated(*dataDir, options.durability), clock);
    const Checkpointer checkpointer(SqliteConnection(dataDir->databasePath(), options.durability),
                                    dataDir->databasePath());
    std::atomic<long long> sequence{0};
    std::atomic<bool> running{true};
    std::atomic<int> inFlight{0};
    std::mutex latencyMutex; // guards latencies
    std::vector<double> latencies;
    const RateLimitPolicy unlimited{1e9, 1e9};

    std::function<void()> sendOne = [&] {
        const auto sent = SteadyClock::now();
        ++inFlight;
        writer.admit(AdmissionRequest{sampleEvent(sequence++), unlimited, std::chrono::hours(24)},
                     [&, sent](Result<AdmissionDecision> decision) {
                         if (!decision)
                             std::fprintf(stderr, "admission failed: %s\n", decision.error().message.c_str());
                         const double ms = std::chrono::duration<double, std::milli>(SteadyClock::now() - sent).count();
                         {
                             std::lock_guard lock(latencyMutex);
                             latencies.push_back(ms);
                         }
                         --inFlight;
                         if (running)
                             sendOne();
                     });
    };
    const auto start = SteadyClock::now();
    for (int i = 0; i < options.clients; ++i)
        sendOne();
    std::this_thread::sleep_for(std::chrono::seconds(options.seconds));
    running = false;
    while (inFlight > 0)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    const double elapsed = std::chrono::duration<double>(SteadyClock::now() - start).count();
    std::sort(latencies.begin(), latencies.end());
    const auto totals = writer.totals();
    return Figures{static_cast<double>(latencies.size()) / elapsed, latencies[latencies.size() / 2],
                   latencies[latencies.size() * 99 / 100],
                   static_cast<double>(totals.requests) / static_cast<double>(std::max<std::size_t>(1, totals.groups))};
}

// The same rows, 1000 a transaction, one connection, nothing else.
Figures plainInsert(const Options& options, long long rows)
{
    auto dataDir = DataDir::acquire(freshFolder("plain"));
    auto connection = openMigrated(*dataDir, options.durability);
    const Checkpointer checkpointer(SqliteConnection(dataDir->databasePath(), options.durability),
                                    dataDir->databasePath());
    auto insert = connection.prepare("INSERT INTO queue (event) VALUES (?1)");
    const auto start = SteadyClock::now();
    for (long long done = 0; done < rows;) {
        (void)connection.transaction<void>([&]() -> Result<void> {
            for (int i = 0; i < 1000 && done < rows; ++i, ++done)
                if (auto run = insert->bind(1, toJsonText(sampleEvent(done))).run(); !run)
                    return run;
            return {};
        });
    }
    const double elapsed = std::chrono::duration<double>(SteadyClock::now() - start).count();
    return Figures{static_cast<double>(rows) / elapsed, 0, 0, 1000};
}

Options parse(int argc, char** argv)
{
    Options options;
    for (int i = 1; i < argc; ++i) {
        const auto value = [&] { return i + 1 < argc ? std::atoi(argv[++i]) : 0; };
        if (!std::strcmp(argv[i], "--clients"))
            options.clients = value();
        else if (!std::strcmp(argv[i], "--seconds"))
            options.seconds = value();
        else if (!std::strcmp(argv[i], "--rounds"))
            options.rounds = value();
        else if (!std::strcmp(argv[i], "--full-sync"))
            options.durability = Durability::Full;
    }
    return options;
}

} // namespace

int main(int argc, char** argv)
{
    const auto options = parse(argc, argv);
    std::printf("clients %d, %d s a round, durability %s\n", options.clients, options.seconds,
                options.durability == Durability::Full ? "full" : "normal");
    std::printf("%-6s %14s %9s %9s %11s %16s %7s\n", "round", "admissions/s", "p50 ms", "p99 ms", "mean group",
                "plain INSERT/s", "ratio");
    for (int round = 1; round <= options.rounds; ++round) {
        const auto group = groupCommit(options);
        const auto plain = plainInsert(options, static_cast<long long>(group.perSecond * options.seconds));
        std::printf("%-6d %14.0f %9.2f %9.2f %11.1f %16.0f %6.2fx\n", round, group.perSecond, group.p50Ms,
                    group.p99Ms, group.meanGroup, plain.perSecond, group.perSecond / plain.perSecond);
    }
    return 0;
}
