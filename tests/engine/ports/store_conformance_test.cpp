// Conformance (both backends): the promises of the EventRepository and
// ApiKeyStore ports, seen only through the ports: duplicates skipped, counts
// and filters, cursors that see every event once; keys added once, listed
// oldest first, removed once.
#include "backend_under_test.h"

#include "mccig/core/uuid.h"

#include <QtTest>

#include <set>

using namespace mccig;
using namespace std::chrono_literals;

namespace {

constexpr int kRedisDb = 26;

ConversationEvent sampleEvent(const std::string& tenant, Channel channel, const std::string& providerMessageId,
                              std::chrono::system_clock::time_point createdAt)
{
    ConversationEvent event;
    event.id = newUuidV7();
    event.tenantId = tenant;
    event.providerMessageId = providerMessageId;
    event.channel = channel;
    event.content = "hi " + providerMessageId;
    event.rawMetadata = {{"metadata", {{"n", providerMessageId}}}};
    event.createdAt = std::chrono::time_point_cast<std::chrono::microseconds>(createdAt);
    return event;
}

} // namespace

class StoreConformanceTest final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void storingTwiceSkipsTheDuplicates();
    void countAppliesEveryFilter();
    void pagesSeeEveryEventOnceNewestFirst();
    void malformedCursorIsRejected();
    void keysAreAddedOnceListedAndRemovedOnce();

private:
    test::BackendUnderTest m_store{"mccig_store_conformance", kRedisDb};
    std::shared_ptr<Backend> m_backend;
    std::vector<ConversationEvent> m_events;
};

void StoreConformanceTest::initTestCase()
{
    m_backend = m_store.openAlone();
    const auto prepared = m_backend->prepare();
    QVERIFY2(prepared, prepared ? "" : prepared.error().message.c_str());
    // 1200 events over two tenants and two channels, one second apart, and
    // 50 that share one instant (the cursor must order them by id).
    const auto start = std::chrono::system_clock::now() - 2h;
    for (int i = 0; i < 1200; ++i)
        m_events.push_back(sampleEvent(i % 2 ? "acme" : "globex", i % 3 ? Channel::Sms : Channel::Chat,
                                       "e-" + std::to_string(i), start + std::chrono::seconds(i)));
    for (int i = 0; i < 50; ++i)
        m_events.push_back(sampleEvent("acme", Channel::Voice, "same-" + std::to_string(i), start));
}

void StoreConformanceTest::storingTwiceSkipsTheDuplicates()
{
    auto repository = m_backend->eventRepository();
    QCOMPARE(repository->storeBatch(m_events).value_or(0), m_events.size());
    // The same messages again, under new event ids: all skipped.
    auto again = std::vector<ConversationEvent>(m_events.begin(), m_events.begin() + 10);
    for (auto& event : again)
        event.id = newUuidV7();
    again.push_back(sampleEvent("acme", Channel::Sms, "new-one", std::chrono::system_clock::now()));
    QCOMPARE(repository->storeBatch(again).value_or(0), std::size_t(1));
    QCOMPARE(repository->count({}).value_or(-1), static_cast<long long>(m_events.size()) + 1);
    const auto kept = repository->list({.filter = {.providerMessageId = "e-3"}}).value();
    QCOMPARE(kept.items.size(), std::size_t(1));
    QCOMPARE(kept.items[0].id, m_events[3].id);
    QCOMPARE(toJson(kept.items[0]).dump(), toJson(m_events[3]).dump());
}

void StoreConformanceTest::countAppliesEveryFilter()
{
    auto repository = m_backend->eventRepository();
    QCOMPARE(repository->count({.tenantId = "globex"}).value_or(-1), 600LL);
    QCOMPARE(repository->count({.tenantId = "acme", .channel = Channel::Voice}).value_or(-1), 50LL);
    QCOMPARE(repository->count({.channel = Channel::Chat}).value_or(-1), 400LL);
    QCOMPARE(repository->count({.tenantId = "acme", .providerMessageId = "e-1"}).value_or(-1), 1LL);
    QCOMPARE(repository->count({.tenantId = "globex", .providerMessageId = "e-1"}).value_or(-1), 0LL);
    QCOMPARE(repository->count({.tenantId = "nobody"}).value_or(-1), 0LL);
}

void StoreConformanceTest::pagesSeeEveryEventOnceNewestFirst()
{
    auto repository = m_backend->eventRepository();
    EventPageRequest request{.filter = {.tenantId = "acme"}, .limit = 37};
    std::vector<ConversationEvent> seen;
    for (int pages = 0; pages < 100; ++pages) {
        auto page = repository->list(request);
        QVERIFY2(page, page ? "" : page.error().message.c_str());
        seen.insert(seen.end(), page->items.begin(), page->items.end());
        if (!page->next)
            break;
        request.before = page->next;
    }
    QCOMPARE(seen.size(), std::size_t(600 + 50 + 1));
    std::set<std::string> ids;
    for (std::size_t i = 0; i < seen.size(); ++i) {
        QCOMPARE(seen[i].tenantId, std::string("acme"));
        QVERIFY(ids.insert(seen[i].id).second);
        if (i > 0) {
            const bool ordered = seen[i - 1].createdAt > seen[i].createdAt
                || (seen[i - 1].createdAt == seen[i].createdAt && seen[i - 1].id > seen[i].id);
            QVERIFY2(ordered, seen[i].id.c_str());
        }
    }
}

void StoreConformanceTest::malformedCursorIsRejected()
{
    auto repository = m_backend->eventRepository();
    for (const std::string& cursor : std::vector<std::string>{"", "not-a-cursor", "@@@", std::string(600, 'A')}) {
        const auto page = repository->list({.before = cursor});
        QVERIFY2(!page, cursor.c_str());
        QCOMPARE(page.error().kind, ErrorKind::Rejected);
    }
}

void StoreConformanceTest::keysAreAddedOnceListedAndRemovedOnce()
{
    auto keys = m_backend->apiKeyStore();
    const StoredApiKey first{digestSecret("first-secret"), "acme", "2026-11-28T10:00:00Z"};
    const StoredApiKey second{digestSecret("second-secret"), "globex", "2026-11-28T10:00:01Z"};
    QVERIFY(keys->add(first));
    QVERIFY(keys->add(second));
    const auto refused = keys->add({first.digest, "globex", "2026-11-28T10:00:02Z"});
    QVERIFY(!refused);
    QCOMPARE(refused.error().kind, ErrorKind::Rejected);

    const auto listed = keys->list().value();
    QCOMPARE(listed.size(), std::size_t(2));
    QCOMPARE(listed[0].digest, first.digest);
    QCOMPARE(listed[0].tenantId, std::string("acme"));
    QCOMPARE(listed[0].createdAt, first.createdAt);
    QCOMPARE(listed[1].tenantId, std::string("globex"));
    // Another process sees them too.
    QCOMPARE(m_store.open()->apiKeyStore()->list().value().size(), std::size_t(2));

    QCOMPARE(keys->remove(first.digest).value_or(false), true);
    QCOMPARE(keys->remove(first.digest).value_or(true), false);
    QCOMPARE(keys->list().value().size(), std::size_t(1));
}

QTEST_GUILESS_MAIN(StoreConformanceTest)
#include "store_conformance_test.moc"
