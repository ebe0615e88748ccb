// The admin routes on the backend under test (Redis db 10 and PostgreSQL, or
// an embedded data dir), their data set up through the Backend port: one of
// the conformance tests that run against both backends.
#include "admin/admin_routes.h"
#include "backend_under_test.h"
#include "blocking_pool.h"
#include "http/router.h"
#include "mccig/core/uuid.h"

#include <QtTest>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>

#include <future>

using namespace mccig;
using namespace mccig::server;
using namespace std::chrono_literals;

namespace {

constexpr int kRedisDb = 10;
constexpr const char* kAdminKey = "admin-secret-key";
// acme's bucket barely refills, so the test can empty it and read it back.
const RateLimitPolicy kAcmePolicy{15, 0.001};
const RateLimitPolicy kDefaultPolicy{100, 50};

RateLimitPolicy policyFor(const std::string& tenant) { return tenant == "acme" ? kAcmePolicy : kDefaultPolicy; }

ConversationEvent sampleEvent(const std::string& tenant, const std::string& providerMessageId, Channel channel = Channel::Sms)
{
    ConversationEvent event;
    event.id = newUuidV7();
    event.tenantId = tenant;
    event.providerMessageId = providerMessageId;
    event.channel = channel;
    event.content = "text " + providerMessageId;
    event.rawMetadata = {{"metadata", {{"k", 1}}}};
    event.createdAt = std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now());
    return event;
}

struct Reply {
    int status = 0;
    nlohmann::json body;
    std::string text;
};

} // namespace

class AdminRoutesTest final : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void wrongOrMissingKeyIsUnauthorized();
    void noAdminKeyRegistersNothing();
    void eventsListPagesNewestFirst();
    void eventsCountAppliesFilters();
    void badQueryValuesAreInvalidParameters();
    void deadLettersListReplayAndDelete();
    void replayAllByTenant();
    void tenantsListConfiguredAndSeen();
    void statsReportSeriesAndDepths();
    void backendDownIsUnavailable();
    void fullPoolIsUnavailable();

private:
    AdminContext context(BlockingPool& pool, std::shared_ptr<Backend> backend = {}) const;
    Reply call(const Router& router, const std::string& method, const std::string& target,
               const std::string& key = kAdminKey);
    Reply call(const std::string& method, const std::string& target, const std::string& key = kAdminKey)
    {
        return call(m_router, method, target, key);
    }
    // Admits through the backend's admission gate, as ingest does.
    AdmissionVerdict admit(const ConversationEvent& event, const RateLimitPolicy& policy);
    // The "accepted" figures of the items in `list` of GET `target`, summed.
    long long acceptedIn(const std::string& target, const char* list);
    void deadLetter(const std::vector<ConversationEvent>& events);
    long long queueDepth();

    // A fresh store for every test; torn down in this order (cleanup()): the
    // router's routes hold the backend, the pool's threads hold instances of it.
    std::unique_ptr<test::BackendUnderTest> m_backend;
    std::shared_ptr<Backend> m_store;
    boost::asio::io_context m_io;
    std::unique_ptr<AdmissionGate> m_gate;
    std::unique_ptr<EventQueue> m_queue;
    std::unique_ptr<EventRepository> m_repository;
    std::unique_ptr<LiveStats> m_live;
    std::unique_ptr<BlockingPool> m_pool;
    Router m_router;
};

AdminContext AdminRoutesTest::context(BlockingPool& pool, std::shared_ptr<Backend> backend) const
{
    return AdminContext{pool, digestSecret(kAdminKey), backend ? std::move(backend) : m_store, policyFor,
                        [] { return std::vector<std::string>{"acme", "quiet"}; }, {}};
}

void AdminRoutesTest::init()
{
    m_backend = std::make_unique<test::BackendUnderTest>(QStringLiteral("mccig_admin_test"), kRedisDb);
    m_store = m_backend->openAlone();
    QVERIFY(m_store->prepare().has_value());
    m_gate = m_store->admissionGate(m_io);
    m_queue = m_store->eventQueue("test");
    QVERIFY(m_queue->ensureReady().has_value());
    m_repository = m_store->eventRepository();
    m_live = m_store->liveStats();
    m_pool = std::make_unique<BlockingPool>(2, 16);
    registerAdminRoutes(m_router, context(*m_pool));
}

void AdminRoutesTest::cleanup()
{
    m_router = Router{};
    m_pool.reset();
    m_live.reset();
    m_repository.reset();
    m_queue.reset();
    m_gate.reset();
    m_store.reset();
    m_backend.reset();
}

Reply AdminRoutesTest::call(const Router& router, const std::string& method, const std::string& target,
                            const std::string& key)
{
    HttpRequest request;
    request.method = method;
    request.target = target;
    if (!key.empty())
        request.headers.emplace_back("authorization", "Bearer " + key);
    auto resolved = router.resolve(request);
    HttpResponse response;
    if (auto* immediate = std::get_if<HttpResponse>(&resolved)) {
        response = *immediate;
    } else {
        auto& match = std::get<Router::Match>(resolved);
        std::optional<HttpResponse> refused;
        if (match.headCheck && *match.headCheck)
            refused = (*match.headCheck)(request, match.params);
        if (refused) {
            response = *refused;
        } else {
            auto promise = std::make_shared<std::promise<HttpResponse>>();
            auto future = promise->get_future();
            (*match.handler)(std::move(request), match.params, [promise](HttpResponse r) { promise->set_value(std::move(r)); });
            if (future.wait_for(10s) != std::future_status::ready)
                return Reply{-1, {}, "no answer"};
            response = future.get();
        }
    }
    Reply reply{response.status, nlohmann::json::parse(response.body, nullptr, false), response.body};
    return reply;
}

long long AdminRoutesTest::acceptedIn(const std::string& target, const char* list)
{
    long long accepted = 0;
    const auto reply = call("GET", target);
    for (const auto& item : reply.body[list])
        accepted += item.value("accepted", 0LL);
    return accepted;
}

AdmissionVerdict AdminRoutesTest::admit(const ConversationEvent& event, const RateLimitPolicy& policy)
{
    std::optional<Result<AdmissionDecision>> decision;
    auto busy = boost::asio::make_work_guard(m_io);
    m_gate->admit({event, policy}, [&](Result<AdmissionDecision> answer) { decision = std::move(answer); });
    m_io.restart(); // stopped when the previous call's guard went
    while (!decision)
        m_io.run_one();
    if (!*decision)
        qFatal("admission failed: %s", decision->error().message.c_str());
    return (*decision)->verdict;
}

void AdminRoutesTest::deadLetter(const std::vector<ConversationEvent>& events)
{
    QVERIFY(m_queue->enqueue(events).has_value());
    const auto batch = m_queue->read(500, 100ms).value();
    QCOMPARE(batch.size(), events.size());
    for (auto message : batch) {
        message.attempts = 4;
        message.addFailure({{"at", "2026-11-26T10:00:00.000000Z"}, {"error", "simulated failure"}});
        QVERIFY(m_queue->deadLetter(message, "simulated failure").value());
    }
}

long long AdminRoutesTest::queueDepth() { return m_live->depth().value().queued(); }

void AdminRoutesTest::wrongOrMissingKeyIsUnauthorized()
{
    for (const std::string key : {"", "wrong", "admin-secret-ke", "admin-secret-key "}) {
        const auto reply = call("GET", "/v1/admin/dlq", key);
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.body, nlohmann::json({{"error", "unauthorized"}}));
    }
    // Another scheme with the right key is still refused.
    HttpRequest basic;
    basic.method = "GET";
    basic.target = "/v1/admin/tenants";
    basic.headers.emplace_back("authorization", std::string("Basic ") + kAdminKey);
    auto match = std::get<Router::Match>(m_router.resolve(basic));
    QCOMPARE((*match.headCheck)(basic, match.params)->status, 401);
    QCOMPARE(call("GET", "/v1/admin/dlq").status, 200);
}

void AdminRoutesTest::noAdminKeyRegistersNothing()
{
    auto unkeyed = context(*m_pool);
    unkeyed.adminKey.reset();
    Router router;
    registerAdminRoutes(router, unkeyed);
    const auto reply = call(router, "GET", "/v1/admin/events");
    QCOMPARE(reply.status, 404);
    QCOMPARE(reply.body, nlohmann::json({{"error", "not_found"}}));
}

void AdminRoutesTest::eventsListPagesNewestFirst()
{
    std::vector<ConversationEvent> events;
    for (int i = 0; i < 5; ++i) {
        events.push_back(sampleEvent("acme", "e-" + std::to_string(i)));
        events.back().createdAt += std::chrono::seconds(i);
    }
    QCOMPARE(m_repository->storeBatch(events).value(), std::size_t(5));
    auto first = call("GET", "/v1/admin/events?tenantId=acme&limit=2");
    QCOMPARE(first.status, 200);
    QCOMPARE(first.body["items"].size(), std::size_t(2));
    QCOMPARE(first.body["items"][0], toJson(events[4]));
    QCOMPARE(first.body["items"][1], toJson(events[3]));
    QVERIFY(first.body["next"].is_string());
    auto second = call("GET", "/v1/admin/events?tenantId=acme&limit=2&before=" + first.body["next"].get<std::string>());
    QCOMPARE(second.body["items"][0]["providerMessageId"], "e-2");
    auto last = call("GET", "/v1/admin/events?limit=2&before=" + second.body["next"].get<std::string>());
    QCOMPARE(last.body["items"].size(), std::size_t(1));
    QCOMPARE(last.body["items"][0]["providerMessageId"], "e-0");
    QVERIFY(last.body["next"].is_null());
    auto defaults = call("GET", "/v1/admin/events");
    QCOMPARE(defaults.body["items"].size(), std::size_t(5));
    QVERIFY(defaults.body["next"].is_null());
}

void AdminRoutesTest::eventsCountAppliesFilters()
{
    QCOMPARE(m_repository
                 ->storeBatch({sampleEvent("acme", "a"), sampleEvent("acme", "b", Channel::Chat), sampleEvent("globex", "a")})
                 .value(),
             std::size_t(3));
    QCOMPARE(call("GET", "/v1/admin/events/count").body, nlohmann::json({{"count", 3}}));
    QCOMPARE(call("GET", "/v1/admin/events/count?tenantId=acme").body["count"], 2);
    QCOMPARE(call("GET", "/v1/admin/events/count?channel=chat").body["count"], 1);
    QCOMPARE(call("GET", "/v1/admin/events/count?providerMessageId=a").body["count"], 2);
    QCOMPARE(call("GET", "/v1/admin/events/count?tenantId=globex&channel=sms&providerMessageId=a").body["count"], 1);
}

void AdminRoutesTest::badQueryValuesAreInvalidParameters()
{
    const std::vector<std::pair<std::string, std::string>> cases{
        {"/v1/admin/events?limit=0", "limit"},
        {"/v1/admin/events?limit=501", "limit"},
        {"/v1/admin/events?limit=ten", "limit"},
        {"/v1/admin/events?channel=fax", "channel"},
        {"/v1/admin/events?tenantId=Not%20Valid", "tenantId"},
        {"/v1/admin/events?before=not-a-cursor", "before"},
        {"/v1/admin/events/count?channel=email", "channel"},
        {"/v1/admin/dlq?limit=-1", "limit"},
        {"/v1/admin/dlq?limit=1000", "limit"},
        {"/v1/admin/stats?window=0", "window"},
        {"/v1/admin/stats?window=3601", "window"},
        {"/v1/admin/stats?window=1.5", "window"},
    };
    for (const auto& [target, path] : cases) {
        const auto reply = call("GET", target);
        QVERIFY2(reply.status == 400, target.c_str());
        QCOMPARE(reply.body["error"], "invalid_parameter");
        QCOMPARE(reply.body["details"][0]["path"], path);
    }
    const auto both = call("GET", "/v1/admin/events?limit=0&channel=fax");
    QCOMPARE(both.body["details"].size(), std::size_t(2));
    QCOMPARE(call("POST", "/v1/admin/dlq/replay?tenantId=BAD!").status, 400);
}

void AdminRoutesTest::deadLettersListReplayAndDelete()
{
    const auto first = sampleEvent("acme", "d-1");
    const auto second = sampleEvent("acme", "d-2");
    deadLetter({first});
    std::this_thread::sleep_for(5ms);
    deadLetter({second});

    auto list = call("GET", "/v1/admin/dlq");
    QCOMPARE(list.status, 200);
    QCOMPARE(list.body["total"], 2);
    QCOMPARE(list.body["items"][0]["id"], second.id);
    QCOMPARE(list.body["items"][0]["event"], toJson(second));
    QCOMPARE(list.body["items"][0]["attempts"], 5);
    QCOMPARE(list.body["items"][0]["lastError"], "simulated failure");
    QVERIFY(list.body["items"][0]["failedAt"].is_string());
    QCOMPARE(call("GET", "/v1/admin/dlq?limit=1").body["items"].size(), std::size_t(1));

    auto replay = call("POST", "/v1/admin/dlq/" + first.id + "/replay");
    QCOMPARE(replay.status, 202);
    auto again = call("POST", "/v1/admin/dlq/" + first.id + "/replay");
    QCOMPARE(again.status, 404);
    QCOMPARE(again.body, nlohmann::json({{"error", "not_found"}}));
    QCOMPARE(queueDepth(), 1LL);

    auto removed = call("DELETE", "/v1/admin/dlq/" + second.id);
    QCOMPARE(removed.status, 204);
    QCOMPARE(removed.text, std::string());
    QCOMPARE(call("DELETE", "/v1/admin/dlq/" + second.id).status, 404);
    QCOMPARE(call("GET", "/v1/admin/dlq").body["total"], 0);
}

void AdminRoutesTest::replayAllByTenant()
{
    deadLetter({sampleEvent("acme", "1"), sampleEvent("acme", "2"), sampleEvent("globex", "3")});
    auto acme = call("POST", "/v1/admin/dlq/replay?tenantId=acme");
    QCOMPARE(acme.status, 202);
    QCOMPARE(acme.body, nlohmann::json({{"replayed", 2}}));
    auto rest = call("POST", "/v1/admin/dlq/replay");
    QCOMPARE(rest.body, nlohmann::json({{"replayed", 1}}));
    QCOMPARE(call("POST", "/v1/admin/dlq/replay").body, nlohmann::json({{"replayed", 0}}));
    QCOMPARE(queueDepth(), 3LL);
}

void AdminRoutesTest::tenantsListConfiguredAndSeen()
{
    // acme: 12 accepted, 3 duplicates; its 15 tokens are gone, so 4 more are throttled.
    for (int i = 0; i < 12; ++i)
        QVERIFY(admit(sampleEvent("acme", "t-" + std::to_string(i)), kAcmePolicy) == AdmissionVerdict::Accepted);
    for (int i = 0; i < 3; ++i)
        QVERIFY(admit(sampleEvent("acme", "t-" + std::to_string(i)), kAcmePolicy) == AdmissionVerdict::Duplicate);
    for (int i = 0; i < 4; ++i)
        QVERIFY(admit(sampleEvent("acme", "late-" + std::to_string(i)), kAcmePolicy)
                == AdmissionVerdict::RateLimited);
    QVERIFY(admit(sampleEvent("walkin", "w"), kDefaultPolicy) == AdmissionVerdict::Accepted);
    // The live counters may lag one flush interval (docs/redis-keys.md).
    QTRY_COMPARE_WITH_TIMEOUT(acceptedIn("/v1/admin/tenants", "items"), 13LL, 10000);

    const auto reply = call("GET", "/v1/admin/tenants");
    QCOMPARE(reply.status, 200);
    const auto& items = reply.body["items"];
    QCOMPARE(items.size(), std::size_t(3));
    QCOMPARE(items[0]["tenantId"], "acme");
    QCOMPARE(items[0]["rateLimit"]["capacity"], 15.0);
    QCOMPARE(items[0]["rateLimit"]["refillPerSecond"], 0.001);
    QVERIFY2(items[0]["rateLimit"]["tokens"].get<double>() < 1, items[0].dump().c_str());
    QCOMPARE(items[0]["accepted"], 12);
    QCOMPARE(items[0]["duplicates"], 3);
    QCOMPARE(items[0]["rateLimited"], 4);
    QCOMPARE(items[1]["tenantId"], "quiet");
    const nlohmann::json fullDefaultBucket{{"capacity", 100.0}, {"refillPerSecond", 50.0}, {"tokens", 100.0}};
    QCOMPARE(items[1]["rateLimit"], fullDefaultBucket);
    QCOMPARE(items[1]["accepted"], 0);
    QCOMPARE(items[2]["tenantId"], "walkin");
    QCOMPARE(items[2]["rateLimit"]["capacity"], 100.0);
    QCOMPARE(items[2]["accepted"], 1);
}

void AdminRoutesTest::statsReportSeriesAndDepths()
{
    const long long start = std::chrono::duration_cast<std::chrono::seconds>(
                                std::chrono::system_clock::now().time_since_epoch()).count();
    // 9 admitted; of them 8 stored and 1 dead-lettered.
    for (int i = 0; i < 9; ++i)
        QVERIFY(admit(sampleEvent("walkin", "s-" + std::to_string(i)), kDefaultPolicy) == AdmissionVerdict::Accepted);
    auto admitted = m_queue->read(500, 100ms).value();
    QCOMPARE(admitted.size(), std::size_t(9));
    QVERIFY(m_queue->deadLetter(admitted.back(), "simulated failure").value());
    admitted.pop_back();
    std::vector<std::string> entryIds;
    for (const auto& message : admitted)
        entryIds.push_back(message.entryId);
    QCOMPARE(m_queue->acknowledge(entryIds).value(), std::size_t(8));
    // 3 more queued, one of them waiting for a retry an hour away.
    QVERIFY(m_queue->enqueue({sampleEvent("acme", "q1"), sampleEvent("acme", "q2"), sampleEvent("acme", "q3")})
                .has_value());
    auto retry = m_queue->read(1, 100ms).value();
    QCOMPARE(retry.size(), std::size_t(1));
    QVERIFY(m_queue->scheduleRetry(retry[0], 1h).value());
    // The live counters may lag one flush interval (docs/redis-keys.md).
    QTRY_COMPARE_WITH_TIMEOUT(acceptedIn("/v1/admin/stats?window=10", "series"), 9LL, 10000);

    const auto reply = call("GET", "/v1/admin/stats?window=10");
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.body["series"].size(), std::size_t(10));
    QCOMPARE(reply.body["queueDepth"], 3);
    QCOMPARE(reply.body["dlqDepth"], 1);
    const auto& series = reply.body["series"];
    QVERIFY(series.front()["t"].get<long long>() <= start);
    QVERIFY(series.back()["t"].get<long long>() >= start);
    StatsPoint total;
    for (const auto& point : series) {
        QCOMPARE(point.size(), std::size_t(8));
        total.accepted += point["accepted"].get<long long>();
        total.persisted += point["persisted"].get<long long>();
        total.retried += point["retried"].get<long long>();
        total.deadLettered += point["deadLettered"].get<long long>();
    }
    QCOMPARE(total.accepted, 9LL);
    QCOMPARE(total.persisted, 8LL);
    QCOMPARE(total.retried, 1LL);
    QCOMPARE(total.deadLettered, 1LL);
    QCOMPARE(call("GET", "/v1/admin/stats").body["series"].size(), std::size_t(60));
}

void AdminRoutesTest::backendDownIsUnavailable()
{
    const auto unreachable = m_backend->openUnreachable(); // outlives the pool's instances of it
    BlockingPool pool(1, 4);
    Router router;
    registerAdminRoutes(router, context(pool, unreachable));
    for (const std::string target : {"/v1/admin/events", "/v1/admin/events/count", "/v1/admin/dlq", "/v1/admin/tenants",
                                     "/v1/admin/stats"}) {
        const auto reply = call(router, "GET", target);
        QVERIFY2(reply.status == 503, target.c_str());
        QCOMPARE(reply.body, nlohmann::json({{"error", "unavailable"}}));
    }
}

void AdminRoutesTest::fullPoolIsUnavailable()
{
    BlockingPool pool(1, 1);
    std::promise<void> release;
    auto released = release.get_future().share();
    // One blocked task occupies the thread (wait until it runs, or it would
    // still sit in the queue), a second fills the queue.
    std::promise<void> running;
    QVERIFY(pool.submit([released, &running] {
        running.set_value();
        released.wait();
    }));
    running.get_future().wait();
    QVERIFY(pool.submit([released] { released.wait(); }));
    QVERIFY(!pool.submit([] {}));
    Router router;
    registerAdminRoutes(router, context(pool));
    const auto reply = call(router, "GET", "/v1/admin/tenants");
    QCOMPARE(reply.status, 503);
    QCOMPARE(reply.body, nlohmann::json({{"error", "unavailable"}}));
    release.set_value();
}

QTEST_GUILESS_MAIN(AdminRoutesTest)
#include "admin_routes_test.moc"
