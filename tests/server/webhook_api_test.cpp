// End to end over real HTTP: the provider webhook routes of the built server
// on the backend under test (Redis db 19 and PostgreSQL, or an embedded data
// dir), one of the conformance tests that run against both. Every request is
// signed by the provider's own library (tests/webhooks/sign.mjs: npm twilio,
// standardwebhooks, and node's crypto for Meta) and carries the providers'
// documented example payloads (webhook_fixtures/).
#include "admitted_count.h"
#include "backend_under_test.h"
#include "provider_signer.h"
#include "server_process.h"
#include "test_http_client.h"

#include "json_compare.h"

#include <QFile>
#include <QProcess>
#include <QTest>

#include <chrono>

using namespace mccig;
using namespace mccig::test;

namespace {

constexpr int kRedisDb = 19;
const std::string kPublicUrl = "https://gw.example.com:8443";
const std::string kTwilioToken = "4f0c8d2b6a1e9f3c7d5b8a2e6f1c9d3b";
const std::string kAppSecret = "b2e6f1c9d3b4f0c8d2b6a1e9f3c7d5b8";
const std::string kVerifyToken = "verify-8a2e6f1c";
const std::string kStandardSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const std::string kNewStandardSecret = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD";
const std::string kAdminKey = "admin-webhooks";
const std::string kTwiml = R"(<?xml version="1.0" encoding="UTF-8"?><Response/>)";

using Headers = std::vector<std::pair<std::string, std::string>>;

nlohmann::json fixture(const char* name)
{
    QFile file(QStringLiteral(MCCIG_WEBHOOK_FIXTURES "/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read the fixture %s", name);
    return nlohmann::json::parse(file.readAll().toStdString());
}

std::string formEncoded(const nlohmann::json& fields)
{
    std::string body;
    for (const auto& [name, value] : fields.items()) {
        if (!body.empty())
            body += '&';
        body += QUrl::toPercentEncoding(QString::fromStdString(name)).toStdString() + '='
                + QUrl::toPercentEncoding(QString::fromStdString(value.get<std::string>())).toStdString();
    }
    return body;
}

std::int64_t nowSeconds()
{
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::optional<HttpReply> send(int port, const std::string& method, const std::string& target, const Headers& headers,
                              const std::string& body = {})
{
    TestHttpClient client(port);
    return client.request(method, target, headers, body);
}

// "wamid.X=" as the gateway stores it (providerMessageIdFrom).
std::string storedWamid(const std::string& wamid)
{
    std::string id = wamid;
    for (std::size_t at = id.find('='); at != std::string::npos; at = id.find('=', at))
        id.replace(at, 1, ":3D");
    return id;
}

} // namespace

class WebhookApiTest final : public QObject {
    Q_OBJECT

private:
    ServerProcess m_server;
    BackendUnderTest m_backend{"mccig_server_webhooks", kRedisDb};
    std::shared_ptr<Backend> m_store;
    std::unique_ptr<LiveStats> m_live;
    std::unique_ptr<AdmittedCount> m_admitted;
    std::unique_ptr<EventRepository> m_events;
    int m_sequence = 0;

    int port() const { return m_server.port(); }

    std::string unique(const std::string& prefix) { return prefix + std::to_string(++m_sequence) + "x" + std::to_string(nowSeconds()); }

    long long admitted() { return (*m_admitted)(); }

    // Refusals in the live figures' last hour (`invalid` of /v1/admin/stats).
    long long invalidCounted()
    {
        const auto series = m_live->series(3600);
        long long invalid = 0;
        for (const auto& point : series.value_or(std::vector<StatsPoint>{}))
            invalid += point.invalid;
        return series ? invalid : -1;
    }

    long long stored(const std::string& tenant, Channel channel, const std::string& providerMessageId)
    {
        return m_events->count(EventFilter{tenant, channel, providerMessageId}).value_or(-1);
    }

    std::optional<ConversationEvent> storedEvent(const std::string& tenant, Channel channel,
                                                 const std::string& providerMessageId)
    {
        EventPageRequest request;
        request.filter = EventFilter{tenant, channel, providerMessageId};
        auto page = m_events->list(request);
        if (!page || page->items.size() != 1)
            return std::nullopt;
        return page->items.front();
    }

    int webhooksCommand(const QStringList& words, const QByteArray& input = {})
    {
        QProcess process;
        process.start(ServerProcess::binary(), QStringList{"webhooks"} + words + m_backend.serverArgs());
        process.write(input);
        process.closeWriteChannel();
        if (!process.waitForFinished(30000))
            return -1;
        return process.exitCode();
    }

    std::optional<HttpReply> postTwilio(const std::string& path, const nlohmann::json& fields,
                                        const std::string& token = kTwilioToken, const std::string& bodyOverride = {})
    {
        const auto signature = signedByProvider(
            {{"provider", "twilio"}, {"authToken", token}, {"url", kPublicUrl + path}, {"params", fields}});
        const auto body = bodyOverride.empty() ? formEncoded(fields) : bodyOverride;
        return send(port(), "POST", path,
                    {{"Content-Type", "application/x-www-form-urlencoded"}, {"X-Twilio-Signature", signature}}, body);
    }

    std::optional<HttpReply> postWhatsApp(const std::string& tenant, const std::string& body,
                                          const std::string& secret = kAppSecret, const std::string& sent = {})
    {
        const auto signature = signedByProvider({{"provider", "meta"}, {"appSecret", secret}, {"body", body}});
        return send(port(), "POST", "/v1/webhooks/whatsapp/" + tenant,
                    {{"Content-Type", "application/json"}, {"X-Hub-Signature-256", signature}},
                    sent.empty() ? body : sent);
    }

    std::optional<HttpReply> postStandard(const std::string& path, const std::string& id, const std::string& body,
                                          const std::string& secret = kStandardSecret,
                                          std::int64_t timestamp = nowSeconds(), const std::string& sent = {})
    {
        const auto signature = signedByProvider(
            {{"provider", "standard"}, {"secret", secret}, {"id", id}, {"timestamp", timestamp}, {"body", body}});
        return send(port(), "POST", path,
                    {{"Content-Type", "application/json"},
                     {"webhook-id", id},
                     {"webhook-timestamp", std::to_string(timestamp)},
                     {"webhook-signature", signature}},
                    sent.empty() ? body : sent);
    }

    nlohmann::json smsBody(const std::string& text) const
    {
        return {{"from", "+14155550123"}, {"to", "+14155550100"}, {"body", text}};
    }

    void verifyRefused(const std::optional<HttpReply>& reply, const std::string& error)
    {
        QVERIFY(reply.has_value());
        QCOMPARE(reply->status, 401);
        QCOMPARE_JSON(reply->json()["error"], error);
    }

private slots:
    void initTestCase()
    {
        m_store = m_backend.open();
        QVERIFY(m_store->prepare().has_value());
        // Stored with the command, as an operator would, before the server starts.
        QCOMPARE(webhooksCommand({"set", "acme", "twilio"}, QByteArray::fromStdString(kTwilioToken + "\n")), 0);
        QCOMPARE(webhooksCommand({"set", "acme", "whatsapp"}, QByteArray::fromStdString(kAppSecret)), 0);
        QCOMPARE(webhooksCommand({"set", "acme", "whatsapp-verify"}, QByteArray::fromStdString(kVerifyToken)), 0);
        QCOMPARE(webhooksCommand({"set", "acme", "standard"}, QByteArray::fromStdString(kStandardSecret)), 0);
        m_live = m_store->liveStats();
        m_admitted = std::make_unique<AdmittedCount>(*m_live, [this] { return port(); });
        m_events = m_store->eventRepository();
        QVERIFY(m_server.start(m_backend.serverArgs()
                               + QStringList{"--public-url", QString::fromStdString(kPublicUrl), "--admin-key",
                                             QString::fromStdString(kAdminKey), "--rate-limit", "1000:1000",
                                             "--api-keys", "count-probe:key-count-probe"}));
    }

    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }

    void twilioSmsIsStoredOnceAndAnsweredWithEmptyTwiml()
    {
        auto fields = fixture("twilio_sms.json");
        const std::string sid = unique("SMa");
        fields["MessageSid"] = sid;
        const long long before = admitted();
        const auto reply = postTwilio("/v1/webhooks/twilio/acme/sms", fields);
        QVERIFY(reply.has_value());
        QCOMPARE(reply->status, 200);
        QCOMPARE(reply->header("content-type"), std::string("text/xml"));
        QCOMPARE(reply->body, kTwiml);
        QCOMPARE(admitted(), before + 1);
        QTRY_COMPARE_WITH_TIMEOUT(stored("acme", Channel::Sms, sid), 1LL, 10000);
        const auto event = storedEvent("acme", Channel::Sms, sid);
        QVERIFY(event.has_value());
        QCOMPARE(event->content, fields["Body"].get<std::string>());
        QCOMPARE_JSON(event->rawMetadata["from"], "+14155550123");
        QCOMPARE_JSON(event->rawMetadata["metadata"]["twilio"]["AccountSid"], fields["AccountSid"]);

        const auto again = postTwilio("/v1/webhooks/twilio/acme/sms", fields);
        QVERIFY(again.has_value());
        QCOMPARE(again->status, 200);
        QCOMPARE(again->body, kTwiml);
        QCOMPARE(admitted(), before + 1); // a duplicate, not admitted again
        QCOMPARE(stored("acme", Channel::Sms, sid), 1LL);
    }

    // `fields` under a new MessageSid, posted and answered 200, then the event it became.
    std::optional<ConversationEvent> storedFromTwilio(nlohmann::json fields)
    {
        const std::string sid = unique("SMs");
        fields["MessageSid"] = sid;
        const auto reply = postTwilio("/v1/webhooks/twilio/acme/sms", fields);
        if (!reply || reply->status != 200
            || !QTest::qWaitFor([&] { return stored("acme", Channel::Sms, sid) == 1; }, 10000))
            return std::nullopt;
        return storedEvent("acme", Channel::Sms, sid);
    }

    void twilioMmsKeepsItsMediaUrls()
    {
        const auto fields = fixture("twilio_mms.json");
        const auto event = storedFromTwilio(fields);
        QVERIFY(event.has_value());
        QCOMPARE(event->content, std::string("[MMS with 2 media]"));
        QCOMPARE_JSON(event->rawMetadata["media"], nlohmann::json::array({fields["MediaUrl0"], fields["MediaUrl1"]}));
    }

    void twilioSmsWithNeitherTextNorMediaIsStoredAndSaysSo()
    {
        auto fields = fixture("twilio_sms.json");
        fields["Body"] = "";
        const auto event = storedFromTwilio(fields);
        QVERIFY(event.has_value());
        QCOMPARE(event->content, std::string("[SMS without text]"));
    }

    void twilioVoiceTranscriptionIsAVoiceEvent()
    {
        auto fields = fixture("twilio_voice_transcription.json");
        const std::string sid = unique("CAa");
        fields["CallSid"] = sid;
        const auto reply = postTwilio("/v1/webhooks/twilio/acme/voice", fields);
        QVERIFY(reply.has_value());
        QCOMPARE(reply->status, 200);
        QCOMPARE(reply->body, kTwiml);
        QTRY_COMPARE_WITH_TIMEOUT(stored("acme", Channel::Voice, sid), 1LL, 10000);
        const auto event = storedEvent("acme", Channel::Voice, sid);
        QVERIFY(event.has_value());
        QCOMPARE(event->content, fields["TranscriptionText"].get<std::string>());
        QCOMPARE_JSON(event->rawMetadata["durationSeconds"], 7);
        QCOMPARE(postTwilio("/v1/webhooks/twilio/acme/voice", fields)->status, 200);
        QCOMPARE(stored("acme", Channel::Voice, sid), 1LL);
    }

    void twilioCallInProgressIsNotStored()
    {
        auto fields = fixture("twilio_voice_transcription.json");
        const std::string sid = unique("CAb");
        fields["CallSid"] = sid;
        fields["CallStatus"] = "ringing";
        fields.erase("TranscriptionText");
        const long long before = admitted();
        const auto reply = postTwilio("/v1/webhooks/twilio/acme/voice", fields);
        QVERIFY(reply.has_value());
        QCOMPARE(reply->status, 200);
        QCOMPARE(reply->body, kTwiml);
        QCOMPARE(admitted(), before);
    }

    void twilioRefusesEveryBadSignatureAndQueuesNothing()
    {
        auto fields = fixture("twilio_sms.json");
        const std::string sid = unique("SMb");
        fields["MessageSid"] = sid;
        const std::string path = "/v1/webhooks/twilio/acme/sms";
        const long long before = admitted();
        auto changed = formEncoded(fields);
        changed[changed.find("Hello")] = 'J'; // one byte of the body
        verifyRefused(postTwilio(path, fields, kTwilioToken, changed), "invalid_signature");
        verifyRefused(postTwilio(path, fields, "a-wrong-auth-token"), "invalid_signature");
        verifyRefused(send(port(), "POST", path, {{"Content-Type", "application/x-www-form-urlencoded"}},
                           formEncoded(fields)),
                      "invalid_signature");
        verifyRefused(postTwilio("/v1/webhooks/twilio/nobody/sms", fields), "invalid_signature");
        QCOMPARE(admitted(), before);
        QCOMPARE(stored("acme", Channel::Sms, sid), 0LL);
        // Nothing was remembered either: the genuine delivery is new.
        const auto genuine = postTwilio(path, fields);
        QVERIFY(genuine.has_value());
        QCOMPARE(genuine->status, 200);
        QCOMPARE(admitted(), before + 1);
    }

    void twilioRefusesABodyThatIsNoForm()
    {
        const auto reply = send(port(), "POST", "/v1/webhooks/twilio/acme/sms", {{"Content-Type", "application/json"}},
                                "{}");
        QVERIFY(reply.has_value());
        QCOMPARE(reply->status, 415);
        auto fields = fixture("twilio_sms.json");
        fields.erase("MessageSid");
        const auto missing = postTwilio("/v1/webhooks/twilio/acme/sms", fields);
        QVERIFY(missing.has_value());
        QCOMPARE(missing->status, 400);
        QCOMPARE_JSON(missing->json()["error"], "invalid_payload");
        QVERIFY(missing->json()["message"].get<std::string>().find("MessageSid") != std::string::npos);
    }

    void whatsappHandshakeAnswersTheChallenge()
    {
        const auto reply = send(port(), "GET",
                                "/v1/webhooks/whatsapp/acme?hub.mode=subscribe&hub.verify_token=" + kVerifyToken
                                    + "&hub.challenge=1158201444",
                                {});
        QVERIFY(reply.has_value());
        QCOMPARE(reply->status, 200);
        QCOMPARE(reply->body, std::string("1158201444"));
        const auto wrong = send(
            port(), "GET", "/v1/webhooks/whatsapp/acme?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1", {});
        QVERIFY(wrong.has_value());
        QCOMPARE(wrong->status, 403);
        const auto stranger = send(port(), "GET",
                                   "/v1/webhooks/whatsapp/nobody?hub.mode=subscribe&hub.verify_token=" + kVerifyToken
                                       + "&hub.challenge=1",
                                   {});
        QCOMPARE(stranger->status, 403);
        const auto incomplete = send(port(), "GET", "/v1/webhooks/whatsapp/acme?hub.mode=subscribe", {});
        QCOMPARE(incomplete->status, 400);
    }

    void whatsappMessageIsOneChatEventDedupedByWamid()
    {
        const auto payload = fixture("whatsapp_text.json");
        const std::string wamid = payload["entry"][0]["changes"][0]["value"]["messages"][0]["id"];
        const auto body = payload.dump();
        const auto reply = postWhatsApp("acme", body);
        QVERIFY(reply.has_value());
        QCOMPARE(reply->status, 200);
        QCOMPARE_JSON(reply->json(), nlohmann::json({{"accepted", 1}, {"duplicates", 0}, {"statuses", 0}}));
        QTRY_COMPARE_WITH_TIMEOUT(stored("acme", Channel::Chat, storedWamid(wamid)), 1LL, 10000);
        const auto event = storedEvent("acme", Channel::Chat, storedWamid(wamid));
        QVERIFY(event.has_value());
        QCOMPARE(event->content, std::string("Does it come in another color?"));
        QCOMPARE_JSON(event->rawMetadata["sender"]["id"], "+16505551234");
        QCOMPARE_JSON(event->rawMetadata["sender"]["name"], "Sheena Nelson");
        QCOMPARE_JSON(event->rawMetadata["metadata"]["whatsapp"]["wamid"], wamid);
        const auto again = postWhatsApp("acme", body);
        QCOMPARE_JSON(again->json(), nlohmann::json({{"accepted", 0}, {"duplicates", 1}, {"statuses", 0}}));
        QCOMPARE(stored("acme", Channel::Chat, storedWamid(wamid)), 1LL);
    }

    void whatsappBatchIsSplitAndItsStatusesAreNotStored()
    {
        const auto payload = fixture("whatsapp_batch.json");
        const auto& messages = payload["entry"][0]["changes"][0]["value"]["messages"];
        const long long before = admitted();
        const auto reply = postWhatsApp("acme", payload.dump());
        QVERIFY(reply.has_value());
        QCOMPARE(reply->status, 200);
        QCOMPARE_JSON(reply->json(), nlohmann::json({{"accepted", 2}, {"duplicates", 0}, {"statuses", 1}}));
        QCOMPARE(admitted(), before + 2);
        for (const auto& message : messages)
            QTRY_COMPARE_WITH_TIMEOUT(stored("acme", Channel::Chat, storedWamid(message["id"])), 1LL, 10000);
        const auto image = storedEvent("acme", Channel::Chat, storedWamid(messages[1]["id"]));
        QVERIFY(image.has_value());
        QCOMPARE(image->content, std::string("Scratch on the left side"));
        const std::string status = payload["entry"][0]["changes"][0]["value"]["statuses"][0]["id"];
        QCOMPARE(stored("acme", Channel::Chat, storedWamid(status)), 0LL);
        const auto metrics = send(port(), "GET", "/metrics", {});
        QVERIFY(metrics.has_value());
        QVERIFY2(metrics->body.find("mccig_webhook_statuses_total{provider=\"whatsapp\"} 1\n") != std::string::npos,
                 metrics->body.c_str());
    }

    void whatsappRefusesEveryBadSignatureAndQueuesNothing()
    {
        auto payload = fixture("whatsapp_text.json");
        payload["entry"][0]["changes"][0]["value"]["messages"][0]["id"] = "wamid." + unique("refused") + "=";
        const auto body = payload.dump();
        const long long before = admitted();
        auto changed = body;
        changed[changed.find("another")] = 'A';
        verifyRefused(postWhatsApp("acme", body, kAppSecret, changed), "invalid_signature");
        verifyRefused(postWhatsApp("acme", body, "not-the-app-secret"), "invalid_signature");
        verifyRefused(postWhatsApp("nobody", body), "invalid_signature");
        QCOMPARE(admitted(), before);
        QCOMPARE_JSON(postWhatsApp("acme", body)->json()["accepted"], 1);
    }

    void whatsappRefusesWhatIsNoDelivery()
    {
        const long long before = admitted();
        const long long invalidBefore = invalidCounted();
        QVERIFY(invalidBefore >= 0);
        const auto reply = postWhatsApp("acme", R"({"object":"page","entry":[]})");
        QVERIFY(reply.has_value());
        QCOMPARE(reply->status, 400);
        QCOMPARE_JSON(reply->json()["error"], "invalid_payload");
        const auto shapeless = postWhatsApp("acme", R"({"object":"whatsapp_business_account","entry":{}})");
        QCOMPARE(shapeless->status, 400);
        QCOMPARE_JSON(shapeless->json()["error"], "invalid_payload");
        const auto broken = postWhatsApp("acme", "{\"object\":");
        QCOMPARE(broken->status, 400);
        QCOMPARE_JSON(broken->json(), nlohmann::json({{"error", "invalid_json"}}));
        QCOMPARE(admitted(), before);
        // Signed by the tenant, so counted as its refusals, as on /v1/ingest.
        QTRY_COMPARE_WITH_TIMEOUT(invalidCounted(), invalidBefore + 3, 10000);
        // An unsigned one is no tenant's: not counted.
        verifyRefused(postWhatsApp("acme", "{}", "not-the-app-secret"), "invalid_signature");
        QTest::qWait(500);
        QCOMPARE(invalidCounted(), invalidBefore + 3);
    }

    void standardWebhookUsesTheWebhookIdWhenTheBodyNamesNoMessage()
    {
        const std::string id = "msg_" + unique("std");
        const auto body = smsBody("Standard Webhooks hello").dump();
        const auto reply = postStandard("/v1/webhooks/standard/acme/sms", id, body);
        QVERIFY(reply.has_value());
        QCOMPARE(reply->status, 202);
        QCOMPARE_JSON(reply->json()["providerMessageId"], id);
        QTRY_COMPARE_WITH_TIMEOUT(stored("acme", Channel::Sms, id), 1LL, 10000);
        const auto again = postStandard("/v1/webhooks/standard/acme/sms", id, body);
        QCOMPARE(again->status, 200);
        QCOMPARE_JSON(again->json()["status"], "duplicate");
        QCOMPARE_JSON(again->json()["eventId"], reply->json()["eventId"]);
    }

    void standardWebhookTakesTheWebhookIdForANullProviderMessageId()
    {
        const std::string id = "msg_" + unique("null");
        auto body = smsBody("a null id counts as none");
        body["providerMessageId"] = nullptr;
        const auto reply = postStandard("/v1/webhooks/standard/acme/sms", id, body.dump());
        QVERIFY(reply.has_value());
        QCOMPARE(reply->status, 202);
        QCOMPARE_JSON(reply->json()["providerMessageId"], id);
    }

    void standardWebhookKeepsTheBodysProviderMessageId()
    {
        const std::string messageId = unique("own");
        auto body = smsBody("with an id of its own");
        body["providerMessageId"] = messageId;
        const auto reply = postStandard("/v1/webhooks/standard/acme/sms", "msg_" + unique("std"), body.dump());
        QCOMPARE(reply->status, 202);
        QCOMPARE_JSON(reply->json()["providerMessageId"], messageId);
    }

    void standardWebhookRefusesEveryBadSignatureAndQueuesNothing()
    {
        const std::string id = "msg_" + unique("bad");
        const auto body = smsBody("refused").dump();
        const std::string path = "/v1/webhooks/standard/acme/sms";
        const long long before = admitted();
        auto changed = body;
        changed[changed.find("refused")] = 'R';
        verifyRefused(postStandard(path, id, body, kStandardSecret, nowSeconds(), changed), "invalid_signature");
        verifyRefused(postStandard(path, id, body, kNewStandardSecret), "invalid_signature");
        verifyRefused(postStandard(path, id, body, kStandardSecret, nowSeconds() - 600), "stale_timestamp");
        verifyRefused(postStandard(path, id, body, kStandardSecret, nowSeconds() + 600), "stale_timestamp");
        verifyRefused(send(port(), "POST", path, {{"Content-Type", "application/json"}}, body), "invalid_signature");
        QCOMPARE(admitted(), before);
        QCOMPARE(stored("acme", Channel::Sms, id), 0LL);
        QCOMPARE(postStandard(path, id, body)->status, 202);
    }

    void standardWebhookRefusesAnInvalidMessage()
    {
        const auto reply = postStandard("/v1/webhooks/standard/acme/sms", "msg_" + unique("inv"),
                                        nlohmann::json{{"from", "not-a-number"}, {"to", "+14155550100"}}.dump());
        QVERIFY(reply.has_value());
        QCOMPARE(reply->status, 400);
        QCOMPARE_JSON(reply->json()["error"], "validation_failed");
        auto numericTenant = smsBody("a tenant that is no string");
        numericTenant["tenantId"] = 7;
        const auto claim = postStandard("/v1/webhooks/standard/acme/sms", "msg_" + unique("num"), numericTenant.dump());
        QCOMPARE(claim->status, 400);
        QCOMPARE_JSON(claim->json()["error"], "validation_failed");
        auto otherTenant = smsBody("for globex");
        otherTenant["tenantId"] = "globex";
        QCOMPARE(postStandard("/v1/webhooks/standard/acme/sms", "msg_" + unique("oth"), otherTenant.dump())->status, 403);
        const auto unknownChannel = postStandard("/v1/webhooks/standard/acme/fax", "msg_1", "{}");
        QCOMPARE(unknownChannel->status, 404);
    }

    void adminEndpointsRotateAStandardSecret()
    {
        const Headers admin{{"Authorization", "Bearer " + kAdminKey}, {"Content-Type", "application/json"}};
        const auto added = send(port(), "POST", "/v1/admin/webhooks", admin,
                                nlohmann::json{{"tenantId", "acme"}, {"provider", "standard"},
                                               {"secret", kNewStandardSecret}}
                                    .dump());
        QVERIFY(added.has_value());
        QCOMPARE(added->status, 201);
        const std::string newId = added->json()["id"];
        const auto listed = send(port(), "GET", "/v1/admin/webhooks?tenantId=acme", admin);
        QCOMPARE(listed->status, 200);
        QVERIFY(listed->body.find(kStandardSecret) == std::string::npos);
        QVERIFY(listed->body.find(kNewStandardSecret) == std::string::npos);
        QVERIFY(listed->body.find(kTwilioToken) == std::string::npos);
        std::string oldId;
        const auto items = listed->json()["items"];
        for (const auto& item : items) {
            QCOMPARE(item.size(), std::size_t(4)); // id, tenantId, provider, createdAt
            if (item["provider"] == "standard" && item["id"] != newId)
                oldId = item["id"];
        }
        QVERIFY(!oldId.empty());
        const std::string path = "/v1/webhooks/standard/acme/sms";
        const auto body = smsBody("rotation").dump();
        // A change made through the server's own admin API is in use before
        // its answer arrives, with no reload interval to wait out.
        QCOMPARE(postStandard(path, "msg_" + unique("rot"), body, kNewStandardSecret)->status, 202);
        QCOMPARE(postStandard(path, "msg_" + unique("rot"), body)->status, 202); // both valid during rotation
        QCOMPARE(send(port(), "DELETE", "/v1/admin/webhooks/" + oldId, admin)->status, 204);
        QCOMPARE(send(port(), "DELETE", "/v1/admin/webhooks/" + oldId, admin)->status, 404);
        const long long before = admitted();
        const std::string id = "msg_" + unique("rotated-out");
        verifyRefused(postStandard(path, id, body), "invalid_signature");
        QCOMPARE(admitted(), before);
        QCOMPARE(stored("acme", Channel::Sms, id), 0LL);
        QCOMPARE(postStandard(path, id, body, kNewStandardSecret)->status, 202);
    }

    void adminEndpointsRefuseBadInput()
    {
        const Headers admin{{"Authorization", "Bearer " + kAdminKey}, {"Content-Type", "application/json"}};
        QCOMPARE(send(port(), "GET", "/v1/admin/webhooks", {})->status, 401);
        const auto secrets = send(port(), "GET", "/v1/admin/webhooks?tenantId=acme", admin)->json()["items"].size();
        const auto badProvider = send(port(), "POST", "/v1/admin/webhooks", admin,
                                      R"({"tenantId":"acme","provider":"fax","secret":"x"})");
        QCOMPARE(badProvider->status, 400);
        QCOMPARE_JSON(badProvider->json()["details"][0]["path"], "provider");
        const auto badSecret = send(port(), "POST", "/v1/admin/webhooks", admin,
                                    R"({"tenantId":"acme","provider":"standard","secret":"whsec_short"})");
        QCOMPARE(badSecret->status, 400);
        QCOMPARE_JSON(badSecret->json()["details"][0]["path"], "secret");
        const auto badTenant = send(port(), "POST", "/v1/admin/webhooks", admin,
                                    R"({"tenantId":"Acme!","provider":"twilio","secret":"token"})");
        QCOMPARE(badTenant->status, 400);
        QCOMPARE(send(port(), "POST", "/v1/admin/webhooks", admin, "not json")->status, 400);
        const auto extra = send(port(), "POST", "/v1/admin/webhooks", admin,
                                R"({"tenantId":"acme","provider":"twilio","secret":"token","note":"x"})");
        QCOMPARE(extra->status, 400);
        QCOMPARE_JSON(extra->json()["error"], "invalid_parameter");
        QCOMPARE_JSON(extra->json()["details"][0]["path"], "note");
        const auto plain = send(port(), "POST", "/v1/admin/webhooks",
                                {{"Authorization", "Bearer " + kAdminKey}, {"Content-Type", "text/plain"}},
                                R"({"tenantId":"acme","provider":"twilio","secret":"token"})");
        QCOMPARE(plain->status, 415);
        QCOMPARE_JSON(plain->json()["error"], "unsupported_media_type");
        QCOMPARE(send(port(), "GET", "/v1/admin/webhooks?tenantId=acme", admin)->json()["items"].size(), secrets);
    }
};

QTEST_GUILESS_MAIN(WebhookApiTest)
#include "webhook_api_test.moc"
