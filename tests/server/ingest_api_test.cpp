// End to end over real HTTP: the built server on the backend under test (Redis db 7 and PostgreSQL, or
// an embedded data dir), one of the conformance tests that run against both.
#include "admitted_count.h"
#include "backend_under_test.h"
#include "ingest_payloads.h"
#include "server_process.h"
#include "test_http_client.h"
#include "test_services.h"

#include "mccig/core/uuid.h"

#include "json_compare.h"

#include <QTest>

#include <QRegularExpression>

#include <atomic>
#include <set>
#include <thread>

using namespace mccig;
using namespace mccig::test;

namespace {

constexpr int kRedisDb = 7;
const std::string kJson = "application/json";

std::string uniqueId(const std::string& prefix)
{
    static std::atomic<int> counter{0};
    return prefix + "-" + std::to_string(++counter) + "-" + newUuidV7().substr(24);
}

using Headers = std::vector<std::pair<std::string, std::string>>;

Headers keyHeaders(const std::string& key) { return {{"X-Api-Key", key}, {"Content-Type", kJson}}; }

void verifyErrorBody(const std::optional<HttpReply>& reply, int status, const std::string& error)
{
    QVERIFY(reply.has_value());
    QCOMPARE(reply->status, status);
    QCOMPARE_JSON(reply->json().value("error", std::string()), error);
    QCOMPARE(reply->header("content-type"), kJson);
}

void verifyRateLimitHeaders(const HttpReply& reply, const std::string& limit)
{
    QCOMPARE(reply.header("ratelimit-limit"), limit);
    QVERIFY(reply.hasHeader("ratelimit-remaining"));
    QVERIFY(reply.hasHeader("ratelimit-reset"));
}

} // namespace

class IngestApiTest final : public QObject {
    Q_OBJECT

private:
    ServerProcess m_server;
    BackendUnderTest m_backend{"mccig_server_ingest", kRedisDb};
    std::shared_ptr<Backend> m_store; // the test's own reads; outlives m_live
    std::unique_ptr<LiveStats> m_live;
    std::unique_ptr<AdmittedCount> m_admitted;

    int port() const { return m_server.port(); }

    long long admitted() { return (*m_admitted)(); }

private slots:
    void initTestCase()
    {
        m_store = m_backend.open();
        m_live = m_store->liveStats();
        m_admitted = std::make_unique<AdmittedCount>(*m_live, [this] { return port(); });
        QVERIFY(m_server.start(m_backend.serverArgs() + m_backend.roleArgs("api")
                               + QStringList{"--api-keys",
                                             "acme:key-acme,globex:key-globex,tiny:key-tiny,flood:key-flood,calm:key-calm,"
                                             "count-probe:key-count-probe",
                                             "--rate-limit", "1000:1000", "--tenant-rate-limits", "tiny=1:2,flood=5:0.1"}));
    }

    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }

    void acceptsEachChannel_data()
    {
        QTest::addColumn<QString>("channel");
        QTest::newRow("sms") << "sms";
        QTest::newRow("chat") << "chat";
        QTest::newRow("voice") << "voice";
    }

    void acceptsEachChannel()
    {
        QFETCH(QString, channel);
        const std::string name = channel.toStdString();
        const std::string id = uniqueId("accept");
        const auto payload = name == "sms" ? smsPayload(id) : name == "chat" ? chatPayload(id) : voicePayload(id);
        const long long before = admitted();
        const auto reply = postJson(port(), "/v1/ingest/" + name, "key-acme", payload);
        QVERIFY(reply.has_value());
        QCOMPARE(reply->status, 202);
        const auto body = reply->json();
        QCOMPARE_JSON(body["status"], "accepted");
        QCOMPARE_JSON(body["tenantId"], "acme");
        QCOMPARE_JSON(body["channel"], name);
        QCOMPARE_JSON(body["providerMessageId"], id);
        QVERIFY(isUuid(body["eventId"].get<std::string>()));
        QCOMPARE(body.size(), std::size_t(5));
        QCOMPARE(reply->header("content-type"), kJson);
        verifyRateLimitHeaders(*reply, "1000");
        QCOMPARE(admitted(), before + 1); // durably in the queue when 202 arrives
    }

    void aliasesBehaveLikeTheVersionedRoutes()
    {
        const std::string id = uniqueId("alias");
        const auto first = postJson(port(), "/ingest/chat", "key-acme", chatPayload(id));
        QVERIFY(first.has_value());
        QCOMPARE(first->status, 202);
        const auto again = postJson(port(), "/v1/ingest/chat", "key-acme", chatPayload(id));
        QCOMPARE(again->status, 200);
        QCOMPARE_JSON(again->json()["eventId"], first->json()["eventId"]);
        QCOMPARE(postJson(port(), "/ingest/sms", "key-acme", smsPayload(uniqueId("alias")))->status, 202);
        QCOMPARE(postJson(port(), "/ingest/voice", "key-acme", voicePayload(uniqueId("alias")))->status, 202);
    }

    void duplicateAnswersTheFirstEventId()
    {
        const std::string id = uniqueId("dup");
        const auto first = postJson(port(), "/v1/ingest/sms", "key-acme", smsPayload(id));
        QCOMPARE(first->status, 202);
        const long long length = admitted();
        const auto second = postJson(port(), "/v1/ingest/sms", "key-acme", smsPayload(id));
        QCOMPARE(second->status, 200);
        auto expected = first->json();
        expected["status"] = "duplicate";
        QCOMPARE_JSON(second->json(), expected);
        verifyRateLimitHeaders(*second, "1000");
        QCOMPARE(admitted(), length); // nothing enqueued twice
    }

    void sameIdInAnotherChannelOrTenantIsNew()
    {
        const std::string id = uniqueId("scope");
        QCOMPARE(postJson(port(), "/v1/ingest/sms", "key-acme", smsPayload(id))->status, 202);
        QCOMPARE(postJson(port(), "/v1/ingest/voice", "key-acme", voicePayload(id))->status, 202);
        const auto other = postJson(port(), "/v1/ingest/sms", "key-globex", smsPayload(id));
        QCOMPARE(other->status, 202);
        QCOMPARE_JSON(other->json()["tenantId"], "globex");
    }

    void bearerAndApiKeyHeadersBothAuthenticate()
    {
        TestHttpClient client(port());
        auto reply = client.request("POST", "/v1/ingest/sms",
                                    {{"Authorization", "Bearer key-globex"}, {"Content-Type", kJson}},
                                    smsPayload(uniqueId("bearer")).dump());
        QCOMPARE(reply->status, 202);
        QCOMPARE_JSON(reply->json()["tenantId"], "globex");
        reply = client.request("POST", "/v1/ingest/sms",
                               {{"authorization", "bearer key-acme"}, {"Content-Type", kJson}},
                               smsPayload(uniqueId("bearer")).dump());
        QCOMPARE(reply->status, 202);
        QCOMPARE_JSON(reply->json()["tenantId"], "acme");
    }

    void missingOrUnknownKeyIs401WithoutRateLimitHeaders()
    {
        TestHttpClient client(port());
        const std::string body = smsPayload(uniqueId("auth")).dump();
        for (const Headers& headers :
             {Headers{{"Content-Type", kJson}}, Headers{{"X-Api-Key", "nope"}, {"Content-Type", kJson}},
              Headers{{"Authorization", "Bearer nope"}, {"Content-Type", kJson}},
              Headers{{"Authorization", "Basic a2V5LWFjbWU6"}, {"Content-Type", kJson}},
              Headers{{"Authorization", "Bearer "}, {"Content-Type", kJson}}}) {
            TestHttpClient fresh(port());
            const auto reply = fresh.request("POST", "/v1/ingest/sms", headers, body);
            verifyErrorBody(reply, 401, "unauthorized");
            QVERIFY(!reply->hasHeader("ratelimit-limit"));
        }
    }

    void otherTenantInBodyIs403()
    {
        auto payload = smsPayload(uniqueId("forbidden"));
        payload["tenantId"] = "globex";
        const auto reply = postJson(port(), "/v1/ingest/sms", "key-acme", payload);
        verifyErrorBody(reply, 403, "forbidden");
        verifyRateLimitHeaders(*reply, "1000");
        payload["tenantId"] = "acme";
        QCOMPARE(postJson(port(), "/v1/ingest/sms", "key-acme", payload)->status, 202);
    }

    void contentTypeMustBeJson()
    {
        const std::string body = smsPayload(uniqueId("ctype")).dump();
        for (const Headers& headers :
             {Headers{{"X-Api-Key", "key-acme"}}, Headers{{"X-Api-Key", "key-acme"}, {"Content-Type", "text/plain"}},
              Headers{{"X-Api-Key", "key-acme"}, {"Content-Type", "application/jsonp"}},
              Headers{{"X-Api-Key", "key-acme"}, {"Content-Type", "application/x-www-form-urlencoded"}}}) {
            TestHttpClient client(port());
            const auto reply = client.request("POST", "/v1/ingest/sms", headers, body);
            verifyErrorBody(reply, 415, "unsupported_media_type");
            verifyRateLimitHeaders(*reply, "1000");
        }
        TestHttpClient client(port());
        const auto reply = client.request(
            "POST", "/v1/ingest/sms", {{"X-Api-Key", "key-acme"}, {"Content-Type", "Application/JSON; charset=utf-8"}},
            body);
        QCOMPARE(reply->status, 202);
    }

    void bodyOver64KiBIs413()
    {
        auto payload = smsPayload(uniqueId("large"));
        payload["metadata"] = {{"pad", std::string(70 * 1024, 'x')}};
        const auto reply = postJson(port(), "/v1/ingest/sms", "key-acme", payload);
        verifyErrorBody(reply, 413, "payload_too_large");
        verifyRateLimitHeaders(*reply, "1000");
        QCOMPARE(reply->header("connection"), "close");
    }

    void absurdContentLengthIs413WithoutReadingTheBody()
    {
        TestHttpClient client(port());
        QVERIFY(client.sendRaw("POST /v1/ingest/sms HTTP/1.1\r\nHost: x\r\nX-Api-Key: key-acme\r\n"
                               "Content-Type: application/json\r\nContent-Length: 99999999999\r\n\r\n{\"a\":"));
        const auto reply = client.readReply();
        verifyErrorBody(reply, 413, "payload_too_large");
        QVERIFY(client.closedByServer());
    }

    void chunkedBodyOverTheLimitIs413()
    {
        TestHttpClient client(port());
        std::string request = "POST /v1/ingest/sms HTTP/1.1\r\nHost: x\r\nX-Api-Key: key-acme\r\n"
                              "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
        for (int i = 0; i < 20; ++i)
            request += "1000\r\n" + std::string(0x1000, ' ') + "\r\n";
        request += "0\r\n\r\n";
        QVERIFY(client.sendRaw(request));
        verifyErrorBody(client.readReply(), 413, "payload_too_large");
    }

    void malformedJsonIsInvalidJson_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("truncated") << QByteArray("{\"providerMessageId\":");
        QTest::newRow("empty") << QByteArray("");
        QTest::newRow("trailing garbage") << QByteArray("{} x");
        QTest::newRow("single quotes") << QByteArray("{'a':1}");
        QTest::newRow("invalid utf-8") << QByteArray("{\"providerMessageId\":\"a\xff\xfe\"}");
        QTest::newRow("overlong utf-8") << QByteArray("{\"body\":\"\xc0\xaf\"}");
    }

    void malformedJsonIsInvalidJson()
    {
        QFETCH(QByteArray, body);
        TestHttpClient client(port());
        const auto reply = client.request("POST", "/v1/ingest/sms", keyHeaders("key-acme"), body.toStdString());
        verifyErrorBody(reply, 400, "invalid_json");
        verifyRateLimitHeaders(*reply, "1000");
    }

    void schemaViolationsAreAllListed_data()
    {
        QTest::addColumn<QString>("channel");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QStringList>("paths");
        const auto row = [](const char* name, const char* channel, nlohmann::json body, QStringList paths) {
            QTest::newRow(name) << channel << QByteArray::fromStdString(body.dump()) << paths;
        };
        row("sms missing fields", "sms", {{"providerMessageId", "p1"}}, {"from", "to", "body"});
        row("sms bad numbers and media", "sms",
            {{"providerMessageId", "p1"}, {"from", "4155550100"}, {"to", "+0123"}, {"body", "x"},
             {"media", {"ftp://x/y"}}},
            {"from", "to", "media[0]"});
        row("sms unknown field", "sms",
            {{"providerMessageId", "p1"}, {"from", "+14155550100"}, {"to", "+14155550101"}, {"body", "x"},
             {"bodyy", "typo"}},
            {"bodyy"});
        row("chat sender and text", "chat",
            {{"providerMessageId", "p1"}, {"conversationId", "c"}, {"sender", {{"role", "boss"}}}},
            {"sender.id", "sender.role", "text"});
        row("chat attachment url", "chat",
            {{"providerMessageId", "p 1"}, {"conversationId", "c"}, {"sender", {{"id", "u"}}},
             {"attachments", {{{"url", "nope"}}}}},
            {"providerMessageId", "attachments[0].url"});
        row("voice fields", "voice",
            {{"providerMessageId", "p1"}, {"from", "+14155550100"}, {"to", "+14155550101"}, {"direction", "sideways"},
             {"status", "done"}, {"durationSeconds", 86401}},
            {"direction", "status", "durationSeconds"});
        row("not an object", "voice", nlohmann::json::array({1, 2}), {""});
    }

    void schemaViolationsAreAllListed()
    {
        QFETCH(QString, channel);
        QFETCH(QByteArray, body);
        QFETCH(QStringList, paths);
        TestHttpClient client(port());
        const auto reply = client.request("POST", "/v1/ingest/" + channel.toStdString(), keyHeaders("key-acme"),
                                          body.toStdString());
        verifyErrorBody(reply, 400, "validation_failed");
        verifyRateLimitHeaders(*reply, "1000");
        QStringList reported;
        const auto answer = reply->json();
        for (const auto& detail : answer["details"]) {
            reported << QString::fromStdString(detail["path"].get<std::string>());
            QVERIFY(!detail["message"].get<std::string>().empty());
        }
        for (const auto& path : paths)
            QVERIFY2(reported.contains(path), qPrintable(reported.join(",") + " lacks " + path));
    }

    void unknownRouteAndWrongMethodAnswerJson()
    {
        {
            // Refused before its body was read: the connection closes after the answer.
            TestHttpClient client(port());
            verifyErrorBody(client.request("POST", "/v1/ingest/fax", keyHeaders("key-acme"), "{}"), 404, "not_found");
            QVERIFY(client.closedByServer());
        }
        TestHttpClient client(port());
        verifyErrorBody(client.request("GET", "/v1/ingest/sms"), 405, "method_not_allowed");
        verifyErrorBody(client.request("GET", "/"), 404, "not_found");
        verifyErrorBody(client.request("DELETE", "/healthz"), 405, "method_not_allowed");
    }

    // HEAD wherever GET: the head of GET's answer with its length, no body,
    // and the connection stays in step for the next request.
    void headIsAnsweredWhereverGetIs()
    {
        TestHttpClient client(port());
        const auto head = client.request("HEAD", "/healthz");
        QVERIFY(head.has_value());
        QCOMPARE(head->status, 200);
        QVERIFY(head->body.empty());
        const auto get = client.request("GET", "/healthz");
        QVERIFY(get.has_value());
        QCOMPARE(get->status, 200);
        QCOMPARE(head->header("content-length"), std::to_string(get->body.size()));
        QCOMPARE(head->header("content-type"), get->header("content-type"));
    }

    void throttledRequestIs429AndLeavesNoDedupeRecord()
    {
        // tiny: capacity 1, refilled at 2 per second.
        const std::string id = uniqueId("throttle");
        QCOMPARE(postJson(port(), "/v1/ingest/sms", "key-tiny", smsPayload(uniqueId("throttle")))->status, 202);
        const auto limited = postJson(port(), "/v1/ingest/sms", "key-tiny", smsPayload(id));
        verifyErrorBody(limited, 429, "rate_limited");
        const long long retryAfterMs = limited->json()["retryAfterMs"].get<long long>();
        QVERIFY(retryAfterMs > 0 && retryAfterMs <= 500);
        QCOMPARE(limited->header("retry-after"), "1");
        QCOMPARE(limited->header("ratelimit-limit"), "1");
        QCOMPARE(limited->header("ratelimit-remaining"), "0");
        QCOMPARE(limited->json().size(), std::size_t(2));
        std::this_thread::sleep_for(std::chrono::milliseconds(retryAfterMs + 100));
        const auto retried = postJson(port(), "/v1/ingest/sms", "key-tiny", smsPayload(id));
        QCOMPARE(retried->status, 202); // not 200: the throttled attempt left nothing behind
    }

    void oneTenantsFloodNeverThrottlesAnother()
    {
        int limited = 0;
        for (int i = 0; i < 20; ++i) {
            const auto reply = postJson(port(), "/v1/ingest/chat", "key-flood", chatPayload(uniqueId("flood")));
            QVERIFY(reply->status == 202 || reply->status == 429);
            limited += reply->status == 429 ? 1 : 0;
        }
        QVERIFY(limited >= 14); // capacity 5, refill 0.1/s
        const auto calm = postJson(port(), "/v1/ingest/chat", "key-calm", chatPayload(uniqueId("calm")));
        QCOMPARE(calm->status, 202);
        QCOMPARE(calm->header("ratelimit-remaining"), "999");
    }

    void concurrentSameMessageGivesExactlyOneAccepted()
    {
        const std::string id = uniqueId("race");
        constexpr int kClients = 100;
        std::vector<std::optional<HttpReply>> replies(kClients);
        std::vector<std::thread> threads;
        for (int i = 0; i < kClients; ++i)
            threads.emplace_back(
                [&, i] { replies[i] = postJson(port(), "/v1/ingest/voice", "key-globex", voicePayload(id)); });
        for (auto& thread : threads)
            thread.join();
        int accepted = 0;
        int duplicates = 0;
        std::set<std::string> eventIds;
        for (const auto& reply : replies) {
            QVERIFY(reply.has_value());
            accepted += reply->status == 202 ? 1 : 0;
            duplicates += reply->status == 200 ? 1 : 0;
            eventIds.insert(reply->json()["eventId"].get<std::string>());
        }
        QCOMPARE(accepted, 1);
        QCOMPARE(duplicates, 99);
        QCOMPARE(eventIds.size(), std::size_t(1));
    }

    void keepAliveAndPipelinedRequestsAreAnsweredInOrder()
    {
        TestHttpClient client(port());
        const std::string first = smsPayload(uniqueId("pipe")).dump();
        const std::string second = chatPayload(uniqueId("pipe")).dump();
        const auto request = [](const std::string& channel, const std::string& body) {
            return "POST /v1/ingest/" + channel + " HTTP/1.1\r\nHost: x\r\nX-Api-Key: key-acme\r\n"
                   "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n"
                   + body;
        };
        QVERIFY(client.sendRaw(request("sms", first) + request("chat", second) + "GET /healthz HTTP/1.1\r\n\r\n"));
        const auto a = client.readReply();
        const auto b = client.readReply();
        const auto c = client.readReply();
        QVERIFY(a && b && c);
        QCOMPARE_JSON(a->json()["channel"], "sms");
        QCOMPARE_JSON(b->json()["channel"], "chat");
        QCOMPARE_JSON(c->json(), (nlohmann::json{{"status", "ok"}, {"version", MCCIG_PROJECT_VERSION}}));
        QVERIFY(client.request("GET", "/healthz").has_value()); // still open
    }

    void expectContinueIsHonoured()
    {
        TestHttpClient client(port());
        const std::string body = smsPayload(uniqueId("continue")).dump();
        QVERIFY(client.sendRaw("POST /v1/ingest/sms HTTP/1.1\r\nHost: x\r\nX-Api-Key: key-acme\r\n"
                               "Content-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: "
                               + std::to_string(body.size()) + "\r\n\r\n"));
        const auto interim = client.readReply();
        QVERIFY(interim.has_value());
        QCOMPARE(interim->status, 100);
        QVERIFY(client.sendRaw(body));
        QCOMPARE(client.readReply()->status, 202);
    }

    void healthReadinessAndMetrics()
    {
        TestHttpClient client(port());
        const auto health = client.request("GET", "/healthz");
        QCOMPARE(health->status, 200);
        QCOMPARE_JSON(health->json(), (nlohmann::json{{"status", "ok"}, {"version", MCCIG_PROJECT_VERSION}}));
        const auto ready = client.request("GET", "/readyz");
        QCOMPARE(ready->status, 200);
        const auto checks = m_backend.embedded() ? nlohmann::json{{"embedded", "ok"}}
                                                 : nlohmann::json{{"redis", "ok"}, {"database", "ok"}};
        QCOMPARE_JSON(ready->json()["checks"], checks);
        // The embedded server drains as it goes: let it finish, so the depth holds still.
        if (m_backend.embedded())
            QTRY_COMPARE_WITH_TIMEOUT(m_live->depth()->queued(), 0LL, 10000);
        const auto metrics = client.request("GET", "/metrics");
        QCOMPARE(metrics->status, 200);
        QVERIFY(metrics->header("content-type").starts_with("text/plain"));
        const QString text = QString::fromStdString(metrics->body);
        static const QRegularExpression accepted(
            QStringLiteral("mccig_ingest_requests_total\\{channel=\"sms\",outcome=\"accepted\"\\} ([0-9]+)\n"));
        const auto match = accepted.match(text);
        QVERIFY(match.hasMatch());
        QVERIFY(match.captured(1).toInt() >= 5);
        QVERIFY(text.contains("mccig_ingest_requests_total{channel=\"sms\",outcome=\"unauthorized\"} 5\n"));
        QVERIFY(text.contains("mccig_ingest_request_duration_seconds_bucket{le=\"+Inf\"}"));
        QVERIFY(text.contains(QStringLiteral("mccig_queue_depth %1\n").arg(m_live->depth()->queued())));
        QVERIFY(text.contains("mccig_dlq_depth 0\n"));
        // Only the embedded server runs a worker here (the other runs the api role).
        if (!m_backend.embedded())
            QVERIFY(text.contains("mccig_worker_events_total{outcome=\"persisted\"} 0\n"));
        else
            QVERIFY(!text.contains("mccig_worker_events_total{outcome=\"persisted\"} 0\n"));
    }

    void randomBytesAre400AndClose()
    {
        std::string garbage;
        std::uint32_t state = 12345;
        for (int i = 0; i < 4096; ++i) {
            state = state * 1664525u + 1013904223u;
            garbage.push_back(static_cast<char>(state >> 24));
        }
        garbage += "\r\n\r\n";
        TestHttpClient client(port());
        QVERIFY(client.sendRaw(garbage));
        verifyErrorBody(client.readReply(), 400, "bad_request");
        QVERIFY(client.closedByServer());
    }

    void notHttpAtAllIs400()
    {
        TestHttpClient client(port());
        QVERIFY(client.sendRaw("SSH-2.0-OpenSSH_9.2\r\n\r\n"));
        verifyErrorBody(client.readReply(), 400, "bad_request");
    }

    void megabyteHeaderIs431()
    {
        TestHttpClient client(port());
        const std::string request = "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(1024 * 1024, 'a')
                                    + "\r\n\r\n";
        client.sendRaw(request); // the server may close before reading it all
        verifyErrorBody(client.readReply(), 431, "request_header_fields_too_large");
    }

    void badContentLengthIs400()
    {
        TestHttpClient client(port());
        QVERIFY(client.sendRaw("POST /v1/ingest/sms HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n"));
        verifyErrorBody(client.readReply(), 400, "bad_request");
    }

    void slowPartialHeaderDoesNotBlockOthers()
    {
        std::vector<std::unique_ptr<TestHttpClient>> slow;
        for (int i = 0; i < 50; ++i) {
            slow.push_back(std::make_unique<TestHttpClient>(port()));
            QVERIFY(slow.back()->sendRaw("POST /v1/ingest/sms HTTP/1.1\r\nHost: x\r\nX-Api-Key: key-"));
        }
        const auto reply = postJson(port(), "/v1/ingest/sms", "key-acme", smsPayload(uniqueId("slowloris")));
        QVERIFY(reply.has_value());
        QCOMPARE(reply->status, 202);
        QVERIFY(slow.front()->sendRaw("acme\r\n")); // a slow client is still served if it finishes in time
    }

    void clientThatLeavesMidRequestIsForgotten()
    {
        {
            TestHttpClient client(port());
            QVERIFY(client.sendRaw("POST /v1/ingest/sms HTTP/1.1\r\nHost: x\r\nX-Api-Key: key-acme\r\n"
                                   "Content-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"a\""));
        }
        TestHttpClient client(port());
        QCOMPARE(client.request("GET", "/healthz")->status, 200);
    }
};

QTEST_GUILESS_MAIN(IngestApiTest)
#include "ingest_api_test.moc"
