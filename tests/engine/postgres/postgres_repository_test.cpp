#include "mccig/core/time_format.h"
#include "mccig/core/uuid.h"
#include "mccig/postgres/migrations.h"
#include "mccig/postgres/postgres_event_repository.h"
#include "test_services.h"

#include <libpq-fe.h>

#include <QtTest>

#include <atomic>
#include <thread>

using namespace mccig;
using namespace std::chrono_literals;

namespace {

constexpr auto kTimeout = 2000ms;

ConversationEvent sampleEvent(const std::string& tenant, const std::string& providerMessageId,
                              std::chrono::system_clock::time_point createdAt = std::chrono::system_clock::now())
{
    ConversationEvent event;
    event.id = newUuidV7();
    event.tenantId = tenant;
    event.providerMessageId = providerMessageId;
    event.channel = Channel::Sms;
    // Quotes, backslashes, tabs and newlines: every character COPY and array literals escape.
    event.content = "Hello, \"world\" — ünïcode ✓\tTab\\N back\\slash\nnew line\r{a,b}";
    event.rawMetadata = {{"from", "+15551234567"},
                         {"to", "+15557654321"},
                         {"metadata", {{"campaign", "spring"}, {"nested", {{"list", {1, 2, 3}}, {"empty", nlohmann::json::array()}}}}},
                         {"occurredAt", "2026-11-26T10:00:00.250000Z"}};
    event.createdAt = std::chrono::time_point_cast<std::chrono::microseconds>(createdAt);
    return event;
}

std::string queryText(const std::string& url, const std::string& sql)
{
    std::unique_ptr<PGconn, decltype(&PQfinish)> connection(PQconnectdb(url.c_str()), &PQfinish);
    std::unique_ptr<PGresult, decltype(&PQclear)> result(PQexec(connection.get(), sql.c_str()), &PQclear);
    std::string text;
    for (int row = 0; row < PQntuples(result.get()); ++row) {
        for (int column = 0; column < PQnfields(result.get()); ++column)
            text += std::string(PQgetvalue(result.get(), row, column)) + (column + 1 < PQnfields(result.get()) ? "|" : "");
        text += "\n";
    }
    return text;
}

} // namespace

class PostgresRepositoryTest final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void migrationsTwiceGiveTheSameSchema();
    void concurrentMigrationsApplyOnce();
    void storedRowEqualsTheEvent();
    void duplicateUnderConcurrencyStoresOneRow();
    void twoTenantsWithTheSameProviderIdStoreTwoRows();
    void batchReportsOnlyNewRows();
    void listPagesNewestFirstWithFilters();
    void countAppliesFilters();
    void malformedCursorAndLimitAreRejected();
    void badDataIsRejectedNotAnOutage();
    void uniqueViolationCarriesItsCode();
    void unreachableDatabaseIsAnOutage();

private:
    std::string m_url;
};

void PostgresRepositoryTest::initTestCase()
{
    m_url = test::freshDatabaseUrl("mccig_postgres_test").toStdString();
    auto applied = applyMigrations(m_url, kTimeout);
    QVERIFY2(applied.has_value(), applied ? "" : applied.error().message.c_str());
    QCOMPARE(*applied, latestSchemaVersion());
}

void PostgresRepositoryTest::init() { queryText(m_url, "TRUNCATE conversation_events"); }

void PostgresRepositoryTest::migrationsTwiceGiveTheSameSchema()
{
    const std::string schemaQuery =
        "SELECT column_name, data_type, is_nullable FROM information_schema.columns "
        "WHERE table_name = 'conversation_events' ORDER BY ordinal_position";
    const std::string indexQuery = "SELECT indexdef FROM pg_indexes WHERE tablename = 'conversation_events' ORDER BY indexname";
    const std::string before = queryText(m_url, schemaQuery) + queryText(m_url, indexQuery);
    auto again = applyMigrations(m_url, kTimeout);
    QVERIFY(again.has_value());
    QCOMPARE(*again, 0);
    QCOMPARE(queryText(m_url, schemaQuery) + queryText(m_url, indexQuery), before);
    QCOMPARE(queryText(m_url, schemaQuery),
             std::string("id|uuid|NO\ntenant_id|text|NO\nprovider_message_id|text|NO\nchannel|text|NO\n"
                         "content|text|NO\nraw_metadata|jsonb|NO\ncreated_at|timestamp with time zone|NO\n"));
    const std::string indexes = queryText(m_url, indexQuery);
    QVERIFY(indexes.find("USING btree (tenant_id, created_at)") != std::string::npos);
    QVERIFY(indexes.find("USING btree (tenant_id, channel, provider_message_id)") != std::string::npos);
    QVERIFY(indexes.find("USING btree (id)") != std::string::npos);
    QCOMPARE(queryText(m_url, "SELECT count(*) FROM pg_indexes WHERE tablename = 'conversation_events'"), std::string("3\n"));
    QCOMPARE(queryText(m_url, "SELECT version FROM schema_migrations"), std::string("1\n"));
}

void PostgresRepositoryTest::concurrentMigrationsApplyOnce()
{
    const std::string url = test::freshDatabaseUrl("mccig_postgres_migrate_race").toStdString();
    std::atomic<int> applied{0};
    std::atomic<int> failed{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < 6; ++i)
        threads.emplace_back([&] {
            auto result = applyMigrations(url, kTimeout);
            result ? applied += *result : ++failed;
        });
    for (auto& thread : threads)
        thread.join();
    QCOMPARE(failed.load(), 0);
    QCOMPARE(applied.load(), 1);
    QCOMPARE(queryText(url, "SELECT count(*) FROM schema_migrations"), std::string("1\n"));
}

void PostgresRepositoryTest::storedRowEqualsTheEvent()
{
    PostgresEventRepository repository(m_url, kTimeout);
    const auto event = sampleEvent("acme", "msg-1");
    auto stored = repository.storeBatch({event});
    QVERIFY(stored.has_value());
    QCOMPARE(*stored, std::size_t(1));
    auto page = repository.list({});
    QVERIFY(page.has_value());
    QCOMPARE(page->items.size(), std::size_t(1));
    QCOMPARE(toJson(page->items[0]).dump(), toJson(event).dump());
    QVERIFY(page->items[0].createdAt == event.createdAt);
    QCOMPARE(queryText(m_url, "SELECT raw_metadata->'metadata'->>'campaign', raw_metadata->>'occurredAt', "
                              "to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US') FROM conversation_events"),
             "spring|2026-11-26T10:00:00.250000Z|" + formatUtc(event.createdAt).substr(0, 26) + "\n");
}

void PostgresRepositoryTest::duplicateUnderConcurrencyStoresOneRow()
{
    std::atomic<std::size_t> inserted{0};
    std::atomic<int> failed{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < 8; ++i)
        threads.emplace_back([&] {
            PostgresEventRepository repository(m_url, kTimeout);
            auto stored = repository.storeBatch({sampleEvent("acme", "same-key")});
            stored ? inserted += *stored : ++failed;
        });
    for (auto& thread : threads)
        thread.join();
    QCOMPARE(failed.load(), 0);
    QCOMPARE(inserted.load(), std::size_t(1));
    PostgresEventRepository repository(m_url, kTimeout);
    QCOMPARE(repository.count({}).value(), 1LL);
}

void PostgresRepositoryTest::twoTenantsWithTheSameProviderIdStoreTwoRows()
{
    PostgresEventRepository repository(m_url, kTimeout);
    auto stored = repository.storeBatch({sampleEvent("acme", "shared"), sampleEvent("globex", "shared")});
    QVERIFY(stored.has_value());
    QCOMPARE(*stored, std::size_t(2));
    QCOMPARE(repository.count({.providerMessageId = "shared"}).value(), 2LL);
    QCOMPARE(repository.count({.tenantId = "acme", .providerMessageId = "shared"}).value(), 1LL);
}

void PostgresRepositoryTest::batchReportsOnlyNewRows()
{
    PostgresEventRepository repository(m_url, kTimeout);
    std::vector<ConversationEvent> batch;
    for (int i = 0; i < 10; ++i)
        batch.push_back(sampleEvent("acme", "m-" + std::to_string(i)));
    QCOMPARE(repository.storeBatch({batch.begin(), batch.begin() + 4}).value(), std::size_t(4));
    QCOMPARE(repository.storeBatch(batch).value(), std::size_t(6));
    QCOMPARE(repository.storeBatch(batch).value(), std::size_t(0));
    QCOMPARE(repository.storeBatch({}).value(), std::size_t(0));
    QCOMPARE(repository.count({}).value(), 10LL);
}

void PostgresRepositoryTest::listPagesNewestFirstWithFilters()
{
    PostgresEventRepository repository(m_url, kTimeout);
    const auto base = std::chrono::system_clock::now() - 1h;
    std::vector<ConversationEvent> events;
    for (int i = 0; i < 7; ++i)
        events.push_back(sampleEvent("acme", "p-" + std::to_string(i), base + std::chrono::seconds(i)));
    // Two rows with the same created_at: the id breaks the tie.
    events.push_back(sampleEvent("acme", "p-tie", events[6].createdAt));
    events.push_back(sampleEvent("globex", "p-0", base));
    QCOMPARE(repository.storeBatch(events).value(), events.size());

    std::vector<std::string> seen;
    EventPageRequest request{.filter = {.tenantId = "acme"}, .limit = 3};
    for (int pages = 0;; ++pages) {
        QVERIFY(pages < 4);
        auto page = repository.list(request);
        QVERIFY(page.has_value());
        for (const auto& item : page->items)
            seen.push_back(item.providerMessageId);
        if (!page->next)
            break;
        request.before = page->next;
    }
    const auto tieFirst = events[7].id > events[6].id;
    std::vector<std::string> expected{tieFirst ? "p-tie" : "p-6", tieFirst ? "p-6" : "p-tie", "p-5", "p-4", "p-3", "p-2",
                                      "p-1", "p-0"};
    QCOMPARE(seen, expected);

    auto globex = repository.list({.filter = {.tenantId = "globex", .channel = Channel::Sms, .providerMessageId = "p-0"}});
    QVERIFY(globex.has_value());
    QCOMPARE(globex->items.size(), std::size_t(1));
    QCOMPARE(globex->items[0].id, events[8].id);
    QVERIFY(!globex->next);
    QCOMPARE(repository.list({.filter = {.channel = Channel::Voice}})->items.size(), std::size_t(0));
}

void PostgresRepositoryTest::countAppliesFilters()
{
    PostgresEventRepository repository(m_url, kTimeout);
    auto chat = sampleEvent("acme", "c-1");
    chat.channel = Channel::Chat;
    QCOMPARE(repository.storeBatch({sampleEvent("acme", "s-1"), sampleEvent("acme", "s-2"), chat}).value(), std::size_t(3));
    QCOMPARE(repository.count({}).value(), 3LL);
    QCOMPARE(repository.count({.channel = Channel::Chat}).value(), 1LL);
    QCOMPARE(repository.count({.tenantId = "acme", .channel = Channel::Sms}).value(), 2LL);
    QCOMPARE(repository.count({.tenantId = "nobody"}).value(), 0LL);
}

void PostgresRepositoryTest::malformedCursorAndLimitAreRejected()
{
    PostgresEventRepository repository(m_url, kTimeout);
    for (const std::string cursor : {"zz", "abc", "", "6162632f78797a", "31"}) {
        auto page = repository.list({.before = cursor});
        QVERIFY(!page.has_value());
        QCOMPARE(page.error().kind, ErrorKind::Rejected);
    }
    QCOMPARE(repository.list({.limit = 0}).error().kind, ErrorKind::Rejected);
    QCOMPARE(repository.list({.limit = 501}).error().kind, ErrorKind::Rejected);
    QVERIFY(repository.list({.limit = 500}).has_value());
}

void PostgresRepositoryTest::badDataIsRejectedNotAnOutage()
{
    PostgresEventRepository repository(m_url, kTimeout);
    auto bad = sampleEvent("acme", "bad");
    bad.rawMetadata["metadata"] = {{"text", std::string("nul\0byte", 8)}}; // jsonb refuses \u0000
    auto stored = repository.storeBatch({sampleEvent("acme", "good"), bad});
    QVERIFY(!stored.has_value());
    QCOMPARE(stored.error().kind, ErrorKind::Rejected);
    QVERIFY2(stored.error().message.starts_with("22P05"), stored.error().message.c_str());
    // The failed statement stored nothing, and the connection is still usable.
    QCOMPARE(repository.count({}).value(), 0LL);
}

void PostgresRepositoryTest::uniqueViolationCarriesItsCode()
{
    PgConnection connection(m_url, kTimeout);
    const auto event = sampleEvent("acme", "twice");
    const std::string insert = "INSERT INTO conversation_events VALUES ($1::uuid, 'acme', 'twice', 'sms', '', "
                               "'{}', now())";
    QVERIFY(connection.exec(insert, {event.id}).has_value());
    const auto again = connection.exec(insert, {newUuidV7()});
    QVERIFY(!again.has_value());
    QCOMPARE(again.error().kind, ErrorKind::Rejected);
    QCOMPARE(again.error().code, ErrorCode::UniqueViolation);
    const auto badUuid = connection.exec("SELECT 'x'::uuid");
    QCOMPARE(badUuid.error().code, ErrorCode::Unspecified);
}

void PostgresRepositoryTest::unreachableDatabaseIsAnOutage()
{
    PostgresEventRepository repository("postgresql://postgres@127.0.0.1:1/postgres", kTimeout);
    auto stored = repository.storeBatch({sampleEvent("acme", "x")});
    QVERIFY(!stored.has_value());
    QVERIFY(isOutage(stored.error()));
    auto missing = applyMigrations("postgresql://postgres@127.0.0.1:1/postgres", kTimeout);
    QVERIFY(!missing.has_value());
    QVERIFY(isOutage(missing.error()));
}

QTEST_GUILESS_MAIN(PostgresRepositoryTest)
#include "postgres_repository_test.moc"
