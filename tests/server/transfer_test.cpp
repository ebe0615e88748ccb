// `mccig-server export` and `import`, run as the built binary: moving an
// embedded data dir to Redis + PostgreSQL and back loses nothing and stores
// nothing twice; every bad input is refused with the line it is on.
#include "sample_event.h"
#include "server_process.h"
#include "test_services.h"

#include "mccig/backends/embedded_backend.h"
#include "mccig/backends/redis_postgres_backend.h"
#include "mccig/redis/redis_sync_connection.h"

#include <QTemporaryDir>
#include <QTest>

using namespace mccig;
using namespace mccig::test;
using namespace std::chrono_literals;

namespace {

constexpr int kRedisDb = 24;
constexpr long long kStoredEvents = 1203; // more than two pages of 500

QStringList lines(const QString& text) { return text.split(QLatin1Char('\n'), Qt::SkipEmptyParts); }

long long linesOfType(const QString& text, const char* type)
{
    long long count = 0;
    for (const QString& line : lines(text))
        count += nlohmann::json::parse(line.toStdString()).value("type", "") == type ? 1 : 0;
    return count;
}

} // namespace

class TransferTest final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void embeddedMovesToRedisPostgresAndBack();
    void importingTwiceStoresNothingTwice();
    void badInputIsRefusedWithItsLine_data();
    void badInputIsRefusedWithItsLine();
    void aLineAfterGoodOnesKeepsWhatCameBefore();
    void unreachableBackendIsExitOne();

private:
    QStringList redisPostgresArgs() const
    {
        return {"--redis-url", m_redisUrl, "--database-url", m_databaseUrl};
    }
    std::shared_ptr<Backend> redisPostgres() const
    {
        return std::make_shared<RedisPostgresBackend>(RedisPostgresSettings{
            *parseRedisUrl(m_redisUrl.toStdString()), m_databaseUrl.toStdString(), 5s});
    }
    void emptyRedisPostgres();

    QTemporaryDir m_source;
    QString m_redisUrl;
    QString m_databaseUrl;
    QString m_export; // the source's export, with its dead letter
    ConversationEvent m_dead;
};

void TransferTest::initTestCase()
{
    m_redisUrl = redisUrlForDatabase(kRedisDb);
    m_databaseUrl = freshDatabaseUrl(QStringLiteral("mccig_transfer_test"));
    auto opened = EmbeddedBackend::open({.dataDir = m_source.path().toStdString()}, std::make_shared<SystemClock>());
    QVERIFY2(opened, opened ? "" : opened.error().message.c_str());
    auto& source = **opened;
    std::vector<ConversationEvent> events;
    for (int i = 0; i < kStoredEvents; ++i)
        events.push_back(sampleEvent("stored-" + std::to_string(i)));
    QCOMPARE(source.eventRepository()->storeBatch(events).value_or(0), std::size_t(kStoredEvents));
    // One dead letter, and one message still queued.
    m_dead = sampleEvent("dead");
    auto queue = source.eventQueue("test");
    QVERIFY(queue->enqueue({m_dead}));
    auto taken = queue->read(1, 100ms);
    QVERIFY(taken && taken->size() == 1);
    QVERIFY(queue->deadLetter(taken->front(), "boom").value_or(false));
    QVERIFY(queue->enqueue({sampleEvent("queued")}));
}

void TransferTest::emptyRedisPostgres()
{
    m_databaseUrl = freshDatabaseUrl(QStringLiteral("mccig_transfer_test"));
    RedisSyncConnection redis(*parseRedisUrl(m_redisUrl.toStdString()), 5s);
    QVERIFY(redis.command({"FLUSHDB"}));
}

void TransferTest::embeddedMovesToRedisPostgresAndBack()
{
    const auto exported = ServerProcess::runToExit({"export", "--with-dead-letters", "--data-dir", m_source.path()});
    QCOMPARE(exported.exitCode, 0);
    const QStringList exportLines = lines(exported.out);
    const auto header = nlohmann::json::parse(exportLines.value(0).toStdString());
    QCOMPARE(header.value("format", ""), "mccig-export");
    QCOMPARE(header.value("version", 0), 1);
    QCOMPARE(header.value("backend", ""), "embedded");
    QCOMPARE(linesOfType(exported.out, "event"), kStoredEvents);
    QCOMPARE(linesOfType(exported.out, "deadLetter"), 1LL);
    QVERIFY2(exported.err.contains("exported 1203 stored event(s) and 1 dead letter(s)"), qPrintable(exported.err));
    QVERIFY2(exported.err.contains("1 message(s) are still queued"), qPrintable(exported.err));
    m_export = exported.out;

    emptyRedisPostgres();
    const auto imported = ServerProcess::runToExit(QStringList{"import"} + redisPostgresArgs(), 60000, m_export.toUtf8());
    QCOMPARE(imported.exitCode, 0);
    QCOMPARE(imported.out.trimmed(),
             QStringLiteral("imported 1203 event(s), skipped 0 stored already, queued 1 dead letter(s) for another "
                            "attempt"));
    auto target = redisPostgres();
    QCOMPARE(target->eventRepository()->count({}).value_or(-1), kStoredEvents);
    const auto one = target->eventRepository()->list({.filter = {.providerMessageId = "stored-42"}}).value();
    QCOMPARE(one.items.size(), std::size_t(1));
    const auto original = nlohmann::json::parse(exportLines.filter(QStringLiteral("\"stored-42\"")).value(0).toStdString());
    QCOMPARE(toJson(one.items[0]).dump(), original["event"].dump());
    const auto requeued = target->eventQueue("check")->read(10, 100ms).value();
    QCOMPARE(requeued.size(), std::size_t(1));
    QCOMPARE(requeued.front().event()->id, m_dead.id);

    // And back, into a new data dir.
    QTemporaryDir back;
    const auto again = ServerProcess::runToExit(QStringList{"export"} + redisPostgresArgs());
    QCOMPARE(again.exitCode, 0);
    QCOMPARE(linesOfType(again.out, "event"), kStoredEvents);
    QCOMPARE(linesOfType(again.out, "deadLetter"), 0LL); // not asked for
    const auto home = ServerProcess::runToExit({"import", "--data-dir", back.path()}, 60000, again.out.toUtf8());
    QCOMPARE(home.exitCode, 0);
    auto embedded = EmbeddedBackend::open({.dataDir = back.path().toStdString()}, std::make_shared<SystemClock>());
    QVERIFY(embedded);
    QCOMPARE((*embedded)->eventRepository()->count({}).value_or(-1), kStoredEvents);
}

void TransferTest::importingTwiceStoresNothingTwice()
{
    QVERIFY(!m_export.isEmpty());
    const auto imported = ServerProcess::runToExit(QStringList{"import"} + redisPostgresArgs(), 60000, m_export.toUtf8());
    QCOMPARE(imported.exitCode, 0);
    QVERIFY2(imported.out.startsWith("imported 0 event(s), skipped 1203 stored already"), qPrintable(imported.out));
    QCOMPARE(redisPostgres()->eventRepository()->count({}).value_or(-1), kStoredEvents);
}

void TransferTest::badInputIsRefusedWithItsLine_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("message");
    const QByteArray header = R"({"format":"mccig-export","version":1,"backend":"embedded"})"
                              "\n";
    QTest::newRow("empty") << QByteArray() << "the input is empty";
    QTest::newRow("not an export") << QByteArray("{\"tenantId\":\"acme\"}\n") << "line 1: the first line is not an export header";
    QTest::newRow("not JSON") << QByteArray("hello\n") << "line 1: the first line is not an export header";
    QTest::newRow("newer version") << QByteArray(R"({"format":"mccig-export","version":2})") << "version 2 is not one this build reads";
    QTest::newRow("unknown type") << header + R"({"type":"tenant"})" << "line 2: unknown record type \"tenant\"";
    QTest::newRow("event missing") << header + R"({"type":"event"})" << "line 2: an event record needs its \"event\" object";
    QTest::newRow("bad event") << header + R"({"type":"event","event":{"id":"x"}})" << "line 2: the event:";
    QTest::newRow("truncated line") << header + R"({"type":"event","event":{"id")" << "line 2: not a JSON object";
    QTest::newRow("dead letter without event") << header + R"({"type":"deadLetter","deadLetter":{"id":"x"}})"
                                               << "line 2: a dead letter needs its \"event\" object";
}

void TransferTest::badInputIsRefusedWithItsLine()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, message);
    emptyRedisPostgres();
    const auto imported = ServerProcess::runToExit(QStringList{"import"} + redisPostgresArgs(), 30000, input);
    QCOMPARE(imported.exitCode, 2);
    QVERIFY2(imported.err.contains(message), qPrintable(imported.err));
    QVERIFY2(imported.err.count(QLatin1Char('\n')) <= 2, qPrintable(imported.err));
}

void TransferTest::aLineAfterGoodOnesKeepsWhatCameBefore()
{
    QVERIFY(!m_export.isEmpty());
    emptyRedisPostgres();
    // The header and two events, then a line cut off (a copy that ran out of disk).
    const QStringList exportLines = lines(m_export);
    const QByteArray input = (exportLines.mid(0, 3).join(QLatin1Char('\n')) + QStringLiteral("\n{\"type\":\"ev")).toUtf8();
    const auto imported = ServerProcess::runToExit(QStringList{"import"} + redisPostgresArgs(), 30000, input);
    QCOMPARE(imported.exitCode, 2);
    QVERIFY2(imported.err.contains("line 4: not a JSON object; stopped there"), qPrintable(imported.err));
    QVERIFY2(imported.out.startsWith("imported 2 event(s)"), qPrintable(imported.out));
    QCOMPARE(redisPostgres()->eventRepository()->count({}).value_or(-1), 2LL);
}

void TransferTest::unreachableBackendIsExitOne()
{
    const QByteArray header = R"({"format":"mccig-export","version":1})";
    const QStringList nowhere{"--redis-url", "redis://127.0.0.1:1", "--database-url",
                              "postgresql://postgres@127.0.0.1:1/postgres", "--backend-timeout-ms", "300"};
    const auto imported = ServerProcess::runToExit(QStringList{"import"} + nowhere, 30000, header);
    QCOMPARE(imported.exitCode, 1);
    QVERIFY2(imported.err.contains("import failed"), qPrintable(imported.err));
    const auto exported = ServerProcess::runToExit(QStringList{"export"} + nowhere);
    QCOMPARE(exported.exitCode, 1);
    QVERIFY2(exported.err.contains("export failed"), qPrintable(exported.err));
    // Exactly one of the two URLs is a usage error, as for serving.
    const auto half = ServerProcess::runToExit({"export", "--redis-url", m_redisUrl});
    QCOMPARE(half.exitCode, 2);
    QVERIFY2(half.err.contains("must be set together"), qPrintable(half.err));
    // --with-dead-letters belongs to export only.
    QCOMPARE(ServerProcess::runToExit({"import", "--with-dead-letters"}).exitCode, 2);
}

QTEST_GUILESS_MAIN(TransferTest)
#include "transfer_test.moc"
