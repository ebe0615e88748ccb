// The embedded backend at server level (issue 12): a server killed with
// SIGKILL while 16 clients send keeps every message it answered 202 for,
// exactly once and inside the dedupe window; and one server per data dir.
#include "ingest_payloads.h"
#include "server_process.h"
#include "test_http_client.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

using namespace mccig::test;

namespace {

constexpr int kMessages = 2000;
constexpr int kClients = 16;
constexpr int kAnswersBeforeKill = 1000;
const std::string kTenant = "crash";
const std::string kApiKey = "key-crash";
const QString kAdminKey = QStringLiteral("crash-admin");

// What one message got: status 0 is no answer, so whether it was stored is unknown.
struct Answer {
    int status = 0;
    std::string eventId;

    bool stored() const { return status == 202 || status == 200; }
};

std::string messageId(int index) { return "crash-" + std::to_string(index); }

// Sends the messages `indices` over kClients connections at once (client c
// takes every kClients-th one) and counts the answers in `answered`. A client
// whose request goes unanswered stops: its server is gone.
std::vector<Answer> sendConcurrently(int port, const std::vector<int>& indices, std::atomic<int>& answered)
{
    std::vector<Answer> answers(indices.size());
    std::vector<std::thread> clients;
    for (std::size_t c = 0; c < kClients; ++c)
        clients.emplace_back([&, c] {
            TestHttpClient client(port);
            for (std::size_t i = c; i < indices.size(); i += kClients) {
                const auto reply = client.request("POST", "/v1/ingest/sms",
                                                  {{"X-Api-Key", kApiKey}, {"Content-Type", "application/json"}},
                                                  smsPayload(messageId(indices[i])).dump());
                if (!reply)
                    return;
                answers[i] = {reply->status, reply->json().value("eventId", std::string())};
                ++answered;
            }
        });
    for (auto& client : clients)
        client.join();
    return answers;
}

std::vector<int> allMessages()
{
    std::vector<int> indices(kMessages);
    for (int i = 0; i < kMessages; ++i)
        indices[i] = i;
    return indices;
}

// One admin GET on a fresh connection (the server closes a connection after
// 1000 requests); an empty object when it is not answered 200.
nlohmann::json adminGet(int port, const std::string& target)
{
    TestHttpClient admin(port);
    const auto reply = admin.request("GET", target, {{"Authorization", "Bearer " + kAdminKey.toStdString()}});
    return reply && reply->status == 200 ? reply->json() : nlohmann::json::object();
}

} // namespace

class EmbeddedCrashTest final : public QObject {
    Q_OBJECT

private:
    QStringList serverArgs(const QString& dataDir) const
    {
        // A limit no burst of this test reaches: a refusal would be a 429, not the crash.
        return {"--data-dir", dataDir, "--api-keys", QString::fromStdString(kTenant + ":" + kApiKey),
                "--rate-limit", "100000:100000", "--admin-key", kAdminKey};
    }

private slots:
    void everyAcceptedMessageSurvivesSigkillExactlyOnce_data()
    {
        QTest::addColumn<QStringList>("flags");
        QTest::newRow("default sync") << QStringList{};
        QTest::newRow("full fsync") << QStringList{"--full-fsync"};
    }

    void everyAcceptedMessageSurvivesSigkillExactlyOnce()
    {
        QFETCH(QStringList, flags);
        QElapsedTimer elapsed;
        elapsed.start();
        QTemporaryDir dataDir;
        QTemporaryDir logs;

        ServerProcess doomed;
        doomed.logTo(logs.filePath("doomed.log"));
        QVERIFY(doomed.start(serverArgs(dataDir.path()) + flags));
        std::atomic<int> answered{0};
        std::vector<Answer> answers;
        std::thread sending([&] { answers = sendConcurrently(doomed.port(), allMessages(), answered); });
        while (answered < kAnswersBeforeKill && doomed.running())
            std::this_thread::sleep_for(std::chrono::microseconds(200));
        doomed.kill();
        sending.join();
        QVERIFY(answered >= kAnswersBeforeKill);
        QVERIFY2(answered < kMessages, "every message was answered before the kill: nothing was in flight");

        std::vector<int> acknowledged;
        int refused = 0;
        for (int i = 0; i < kMessages; ++i) {
            if (answers[i].stored())
                acknowledged.push_back(i);
            else if (answers[i].status != 0)
                ++refused;
        }
        qInfo("%d answered before SIGKILL: %zu stored (202/200), %d refused", answered.load(), acknowledged.size(),
              refused);
        QCOMPARE(refused, 0);

        ServerProcess restarted;
        restarted.logTo(logs.filePath("restarted.log"));
        QVERIFY(restarted.start(serverArgs(dataDir.path()) + flags));
        // Drained well inside the claim idle time (30 s): what the killed worker
        // held waits again as soon as the data dir is reopened.
        const std::string stats = "/v1/admin/stats?window=60";
        QTRY_COMPARE_WITH_TIMEOUT(adminGet(restarted.port(), stats).value("queueDepth", -1), 0, 15000);
        QCOMPARE(adminGet(restarted.port(), stats).value("dlqDepth", -1), 0);

        // Every acknowledged message is stored once under the id it was answered
        // with; no message (answered or not) is stored twice.
        long long storedRows = 0;
        for (int i = 0; i < kMessages; ++i) {
            const auto page = adminGet(restarted.port(), "/v1/admin/events?tenantId=" + kTenant
                                                  + "&providerMessageId=" + messageId(i));
            QVERIFY2(page.contains("items"), messageId(i).c_str());
            const auto& items = page["items"];
            QVERIFY2(items.size() <= 1, messageId(i).c_str());
            if (answers[i].stored()) {
                QVERIFY2(items.size() == 1, ("acknowledged but not stored: " + messageId(i)).c_str());
                QCOMPARE(items[0].value("id", std::string()), answers[i].eventId);
            }
            storedRows += static_cast<long long>(items.size());
        }
        const auto count = adminGet(restarted.port(), "/v1/admin/events/count?tenantId=" + kTenant);
        QCOMPARE(count.value("count", -1LL), storedRows);

        // The dedupe window survived: every acknowledged message is a duplicate now.
        std::atomic<int> resent{0};
        const auto again = sendConcurrently(restarted.port(), acknowledged, resent);
        for (std::size_t i = 0; i < acknowledged.size(); ++i) {
            QCOMPARE(again[i].status, 200);
            QCOMPARE(again[i].eventId, answers[acknowledged[i]].eventId);
        }
        QCOMPARE(restarted.stop(), 0);
        qInfo("%lld rows stored after the restart; the run took %lld ms", storedRows, elapsed.elapsed());
    }

    void secondServerOnTheSameDataDirExitsTwoNamingTheHolder()
    {
        QTemporaryDir dataDir;
        ServerProcess holder;
        QVERIFY(holder.start(serverArgs(dataDir.path())));
        const auto second = ServerProcess::runToExit({"--listen", "127.0.0.1:0", "--data-dir", dataDir.path()});
        QCOMPARE(second.exitCode, 2);
        const QString expected = QStringLiteral("in use by process %1").arg(holder.processId());
        QVERIFY2(second.err.contains(expected), qPrintable(second.err));
        QVERIFY(holder.running());
        QCOMPARE(holder.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(EmbeddedCrashTest)
#include "embedded_crash_test.moc"
