// Drains a queue of N events with one in-process worker (Redis stream ->
// PostgreSQL) and compares it with a plain COPY of the same rows into the same,
// truncated table: the fastest PostgreSQL can take them.
//
//   mccig-drain-bench [--redis-url URL] [--database-url URL] [--events N] [--workers N]
//
// The Redis database is flushed. The PostgreSQL URL names a server and an
// administrative database; the benchmark creates its own database
// `mccig_drain_bench` there.
#include "copy_loader.h"

#include "mccig/core/uuid.h"
#include "mccig/postgres/migrations.h"
#include "mccig/postgres/postgres_event_repository.h"
#include "mccig/queue/redis_event_queue.h"
#include "mccig/redis/event_stream.h"
#include "mccig/worker/worker_service.h"

#include <cstdio>
#include <iostream>
#include <memory>
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
        else
            return false;
    }
    return argc % 2 == 1 && options.events > 0 && options.workers > 0;
}

std::vector<ConversationEvent> makeEvents(int count)
{
    std::vector<ConversationEvent> events;
    events.reserve(static_cast<std::size_t>(count));
    const auto now = std::chrono::system_clock::now();
    for (int i = 0; i < count; ++i) {
        ConversationEvent event;
        event.id = newUuidV7();
        event.tenantId = "tenant-" + std::to_string(i % 8);
        event.providerMessageId = "SM" + std::to_string(1000000 + i);
        event.channel = Channel::Sms;
        event.content = "Hello, this is message " + std::to_string(i) + " about order #" + std::to_string(i * 7);
        event.rawMetadata = {{"from", "+15551234567"},
                             {"to", "+15557654321"},
                             {"metadata", {{"campaign", "spring"}, {"segment", i % 5}}},
                             {"occurredAt", "2026-11-26T10:00:00Z"}};
        event.createdAt = std::chrono::time_point_cast<std::chrono::microseconds>(now);
        events.push_back(std::move(event));
    }
    return events;
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
    WorkerSettings settings;
    settings.redis = endpoint;
    settings.databaseUrl = databaseUrl;
    settings.backendTimeout = kTimeout;
    std::vector<std::unique_ptr<WorkerService>> workers;
    for (int i = 0; i < workerCount; ++i)
        workers.push_back(std::make_unique<WorkerService>(settings));
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

} // namespace

int main(int argc, char** argv)
{
    Options options;
    if (!parseOptions(argc, argv, options)) {
        std::cerr << "usage: mccig-drain-bench [--redis-url URL] [--database-url URL] [--events N] [--workers N]\n";
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

    const auto events = makeEvents(options.events);
    RedisSyncConnection redis(*endpoint, kTimeout);
    RedisEventQueue producer(*endpoint, kTimeout, "bench-producer");
    if (!redis.command({"FLUSHDB"}) || !ensureEventStream(redis) || !producer.enqueue(events)) {
        std::cerr << "drain-bench: cannot fill the queue\n";
        return 1;
    }

    const double workerSeconds = drainWithWorkers(*endpoint, databaseUrl, options.workers);
    PostgresEventRepository repository(databaseUrl, kTimeout);
    const auto stored = repository.count({});
    if (!stored || *stored != options.events) {
        std::cerr << "drain-bench: worker stored " << stored.value_or(-1) << " of " << options.events << "\n";
        return 1;
    }

    const std::string data = bench::copyData(events);
    if (!bench::execute(databaseUrl, "TRUNCATE conversation_events") || !bench::execute(databaseUrl, "CHECKPOINT"))
        return 1;
    const auto copyStart = SteadyClock::now();
    if (!bench::copyRows(databaseUrl, data))
        return 1;
    const double copySeconds = secondsSince(copyStart);

    const double workerRate = options.events / workerSeconds;
    const double copyRate = options.events / copySeconds;
    std::printf("events: %d\n", options.events);
    std::printf("worker drain: %.2f s, %.0f events/s\n", workerSeconds, workerRate);
    std::printf("plain COPY:   %.2f s, %.0f rows/s\n", copySeconds, copyRate);
    std::printf("ratio:        %.2fx COPY\n", workerRate / copyRate);
    return 0;
}
