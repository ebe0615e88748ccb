// Drains a queue of N events with one in-process worker (Redis stream ->
// PostgreSQL) and compares it with a plain COPY of the same rows into the same,
// truncated table: the fastest PostgreSQL can take them. Both are repeated
// --rounds times, alternating, each after a TRUNCATE and a CHECKPOINT (and the
// drain after a rewrite of Redis's append-only file), and the medians are
// compared: a single COPY on this shared machine swings by 1.5x.
//
//   mccig-drain-bench [--redis-url URL] [--database-url URL] [--events N] [--workers N] [--rounds N]
//
// The Redis database is flushed. The PostgreSQL URL names a server and an
// administrative database; the benchmark creates its own database
// `mccig_drain_bench` there.
#include "copy_loader.h"
#include "cpu_time.h"
#include "drain_events.h"

#include "mccig/backends/redis_postgres_backend.h"
#include "mccig/postgres/migrations.h"
#include "mccig/postgres/postgres_event_repository.h"
#include "mccig/queue/redis_event_queue.h"
#include "mccig/redis/event_stream.h"
#include "mccig/worker/worker_service.h"

#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <thread>

using namespace mccig;
using namespace std::chrono_literals;
using SteadyClock = std::chrono::steady_clock;

namespace {

constexpr auto kTimeout = 5000ms;
constexpr const char* kBenchDatabase = "mccig_drain_bench";

struct Options {
    std::string redisUrl = "redis://127.0.0.1:6391/6";
    std::string databaseUrl = "postgresql://postgres@127.0.0.1:5441/postgres";
    int events = 100000;
    int workers = 1; // WorkerService instances sharing the group, as on several machines
    int rounds = 3;
};

bool parseOptions(int argc, char** argv, Options& options)
{
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        if (flag == "--redis-url")
            options.redisUrl = argv[i + 1];
        else if (flag == "--database-url")
            options.databaseUrl = argv[i + 1];
        else if (flag == "--events")
            options.events = std::atoi(argv[i + 1]);
        else if (flag == "--workers")
            options.workers = std::atoi(argv[i + 1]);
        else if (flag == "--rounds")
            options.rounds = std::atoi(argv[i + 1]);
        else
            return false;
    }
    return argc % 2 == 1 && options.events > 0 && options.workers > 0 && options.rounds > 0;
}

std::string databaseUrlFor(const std::string& adminUrl, const std::string& name)
{
    return adminUrl.substr(0, adminUrl.rfind('/') + 1) + name;
}

double secondsSince(SteadyClock::time_point start)
{
    return std::chrono::duration<double>(SteadyClock::now() - start).count();
}

// Runs the workers until the stream is empty and nothing is pending; seconds taken.
double drainWithWorkers(const RedisEndpoint& endpoint, const std::string& databaseUrl, int workerCount)
{
    RedisSyncConnection redis(endpoint, kTimeout);
    const auto backend = std::make_shared<RedisPostgresBackend>(RedisPostgresSettings{endpoint, databaseUrl, kTimeout});
    std::vector<std::unique_ptr<WorkerService>> workers;
    for (int i = 0; i < workerCount; ++i)
        workers.push_back(std::make_unique<WorkerService>(backend, WorkerSettings{}));
    const auto redisCpuAtStart = bench::redisCpuSeconds(redis);
    const double processCpuAtStart = bench::processCpuSeconds();
    const auto start = SteadyClock::now();
    for (auto& worker : workers)
        worker->start();
    for (;;) {
        auto replies = redis.pipeline({{"XLEN", std::string(kEventStreamKey)},
                                       {"XPENDING", std::string(kEventStreamKey), std::string(kWorkerGroup)}});
        if (replies && (*replies)[0].integer == 0 && (*replies)[1].isArray() && (*replies)[1].elements[0].integer == 0)
            break;
        std::this_thread::sleep_for(5ms);
    }
    const double seconds = secondsSince(start);
    const double processCpu = bench::processCpuSeconds() - processCpuAtStart;
    const auto redisCpuAtEnd = bench::redisCpuSeconds(redis);
    // What the drain cost besides PostgreSQL: the two share the machine's cores with it.
    if (redisCpuAtStart && redisCpuAtEnd)
        std::printf("  CPU during the drain: Redis %.2f s, worker process %.2f s\n", *redisCpuAtEnd - *redisCpuAtStart,
                    processCpu);
    long long batches = 0;
    long long messages = 0;
    for (auto& worker : workers) {
        worker->stop();
        batches += worker->counters().batches;
        messages += worker->counters().batchSizeSum;
    }
    std::printf("workers: %d, batches: %lld, average batch %.0f events\n", workerCount, batches,
                batches ? static_cast<double>(messages) / static_cast<double>(batches) : 0.0);
    return seconds;
}

// True once Redis is neither rewriting its append-only file nor about to.
bool appendOnlyFileSettled(RedisSyncConnection& redis)
{
    const auto info = redis.command({"INFO", "persistence"});
    return info && info->text.find("aof_rewrite_in_progress:0") != std::string::npos
        && info->text.find("aof_rewrite_scheduled:0") != std::string::npos;
}

// Redis rewrites its append-only file whenever it has doubled, which 100,000
// queued events trigger every few rounds, sometimes during the drain: a fork
// and a second process on the same cores, timed against the worker only. So
// the file is rewritten before the clock starts, as CHECKPOINT is run for
// PostgreSQL. Without an append-only file there is nothing to do.
bool rewriteAppendOnlyFile(RedisSyncConnection& redis)
{
    const auto info = redis.command({"INFO", "persistence"});
    if (!info)
        return false;
    if (info->text.find("aof_enabled:1") == std::string::npos)
        return true;
    // Filling the queue may have started one by itself; a second is refused meanwhile.
    while (!appendOnlyFileSettled(redis))
        std::this_thread::sleep_for(10ms);
    if (!redis.command({"BGREWRITEAOF"}))
        return false;
    while (!appendOnlyFileSettled(redis))
        std::this_thread::sleep_for(10ms);
    return true;
}

// An empty table and a fresh checkpoint, so neither side inherits the other's dirty pages.
bool resetTable(const std::string& databaseUrl)
{
    return bench::execute(databaseUrl, "TRUNCATE conversation_events") && bench::execute(databaseUrl, "CHECKPOINT");
}

struct Round {
    double workerRate = 0;
    double copyRate = 0;
};

// One drain of the queued events and one plain COPY of the same rows; nothing if a step failed.
std::optional<Round> runRound(const Options& options, const RedisEndpoint& endpoint, const std::string& databaseUrl,
                              const std::vector<ConversationEvent>& events, const std::string& copyData)
{
    RedisSyncConnection redis(endpoint, kTimeout);
    RedisEventQueue producer(endpoint, kTimeout, "bench-producer");
    if (!resetTable(databaseUrl) || !redis.command({"FLUSHDB"}) || !ensureEventStream(redis)
        || !producer.enqueue(events) || !rewriteAppendOnlyFile(redis)) {
        std::cerr << "drain-bench: cannot fill the queue\n";
        return std::nullopt;
    }
    const double workerSeconds = drainWithWorkers(endpoint, databaseUrl, options.workers);
    PostgresEventRepository repository(databaseUrl, kTimeout);
    const auto stored = repository.count({});
    if (!stored || *stored != options.events) {
        std::cerr << "drain-bench: worker stored " << stored.value_or(-1) << " of " << options.events << "\n";
        return std::nullopt;
    }
    if (!resetTable(databaseUrl))
        return std::nullopt;
    const auto copyStart = SteadyClock::now();
    if (!bench::copyRows(databaseUrl, copyData))
        return std::nullopt;
    const double copySeconds = secondsSince(copyStart);

    const Round round{options.events / workerSeconds, options.events / copySeconds};
    std::printf("  worker drain %.2f s, %.0f events/s; plain COPY %.2f s, %.0f rows/s; ratio %.2fx\n", workerSeconds,
                round.workerRate, copySeconds, round.copyRate, round.workerRate / round.copyRate);
    return round;
}

} // namespace

int main(int argc, char** argv)
{
    Options options;
    if (!parseOptions(argc, argv, options)) {
        std::cerr << "usage: mccig-drain-bench [--redis-url URL] [--database-url URL] [--events N] [--workers N] "
                     "[--rounds N]\n";
        return 2;
    }
    auto endpoint = parseRedisUrl(options.redisUrl);
    if (!endpoint) {
        std::cerr << "drain-bench: " << endpoint.error().message << "\n";
        return 2;
    }
    const std::string databaseUrl = databaseUrlFor(options.databaseUrl, kBenchDatabase);
    if (!bench::execute(options.databaseUrl, std::string("DROP DATABASE IF EXISTS ") + kBenchDatabase + " WITH (FORCE)")
        || !bench::execute(options.databaseUrl, std::string("CREATE DATABASE ") + kBenchDatabase)
        || !applyMigrations(databaseUrl, kTimeout))
        return 1;

    const auto events = bench::makeDrainEvents(options.events);
    const std::string copyData = bench::copyData(events);
    std::vector<double> workerRates;
    std::vector<double> copyRates;
    std::vector<double> ratios;
    for (int round = 1; round <= options.rounds; ++round) {
        std::printf("round %d of %d\n", round, options.rounds);
        const auto result = runRound(options, *endpoint, databaseUrl, events, copyData);
        if (!result)
            return 1;
        workerRates.push_back(result->workerRate);
        copyRates.push_back(result->copyRate);
        ratios.push_back(result->workerRate / result->copyRate);
    }
    const double workerRate = bench::median(workerRates);
    const double copyRate = bench::median(copyRates);
    std::printf("events: %d a round, %d rounds (medians below)\n", options.events, options.rounds);
    std::printf("worker drain: %.0f events/s\n", workerRate);
    std::printf("plain COPY:   %.0f rows/s\n", copyRate);
    std::printf("ratio:        %.2fx COPY (median of the rounds' own ratios: %.2fx)\n", workerRate / copyRate,
                bench::median(ratios));
    return 0;
}
