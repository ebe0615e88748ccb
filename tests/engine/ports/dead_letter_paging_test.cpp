// Conformance (both backends): paging through the dead-letter queue with the
// cursor of DeadLetterQueue::list sees every entry once, newest first, and
// goes on where it was when entries are replayed or removed meanwhile.
#include "backend_under_test.h"

#include "mccig/core/uuid.h"

#include <QtTest>

#include <set>

using namespace mccig;
using namespace std::chrono_literals;

namespace {

constexpr int kRedisDb = 16;
constexpr int kDeadLetters = 1200;

ConversationEvent sampleEvent(int n)
{
    ConversationEvent event;
    event.id = newUuidV7();
    event.tenantId = n % 2 == 0 ? "acme" : "globex";
    event.providerMessageId = "dead-" + std::to_string(n);
    event.channel = Channel::Sms;
    event.content = "hi";
    event.rawMetadata = {{"from", "+14155550100"}, {"to", "+14155550101"}};
    return event;
}

} // namespace

class DeadLetterPagingTest final : public QObject {
    Q_OBJECT

private:
    test::BackendUnderTest m_store{"mccig_dead_letter_paging", kRedisDb};
    std::shared_ptr<Backend> m_backend;

    // Every page from the start, `limit` at a time, calling `between` after each page.
    std::vector<DeadLetter> pageThrough(int limit, const std::function<void(const DeadLetterPage&)>& between = {})
    {
        auto dlq = m_backend->deadLetterQueue();
        std::vector<DeadLetter> seen;
        DeadLetterPageRequest request{limit, std::nullopt};
        for (int pages = 0; pages < 100; ++pages) {
            auto page = dlq->list(request);
            if (!page) {
                qWarning("list failed: %s", page.error().message.c_str());
                return {};
            }
            seen.insert(seen.end(), page->items.begin(), page->items.end());
            if (between)
                between(*page);
            if (!page->next)
                return seen;
            request.before = page->next;
        }
        qWarning("the pages never ended");
        return {};
    }

private slots:
    void initTestCase()
    {
        m_backend = m_store.open();
        QVERIFY(m_backend->prepare().has_value());
        auto queue = m_backend->eventQueue("paging-test");
        QVERIFY(queue->ensureReady().has_value());
        std::vector<ConversationEvent> events;
        for (int n = 0; n < kDeadLetters; ++n)
            events.push_back(sampleEvent(n));
        QVERIFY(queue->enqueue(events).has_value());
        int deadLettered = 0;
        while (deadLettered < kDeadLetters) {
            auto batch = queue->read(500, 100ms);
            QVERIFY(batch.has_value());
            QVERIFY(!batch->empty());
            for (auto& message : *batch) {
                message.addFailure({{"at", "2026-11-28T00:00:00Z"}, {"error", "always fails"}});
                QCOMPARE(queue->deadLetter(message, "always fails").value_or(false), true);
                ++deadLettered;
            }
        }
    }

    void everyEntryOnceNewestFirst()
    {
        const auto seen = pageThrough(500);
        QCOMPARE(seen.size(), std::size_t(kDeadLetters));
        std::set<std::string> ids;
        for (const auto& letter : seen)
            ids.insert(letter.id);
        QCOMPARE(ids.size(), std::size_t(kDeadLetters));
        for (std::size_t i = 1; i < seen.size(); ++i)
            QVERIFY2(seen[i - 1].failedAt >= seen[i].failedAt, "not newest first");
        QCOMPARE(pageThrough(7).size(), std::size_t(kDeadLetters)); // an odd page size ends right too
    }

    void totalCountsTheWholeQueueAndTheLastPageHasNoNext()
    {
        auto page = m_backend->deadLetterQueue()->list({kMaxDeadLetterPageSize, std::nullopt});
        QVERIFY(page.has_value());
        QCOMPARE(page->total, static_cast<long long>(kDeadLetters));
        QCOMPARE(page->items.size(), std::size_t(kMaxDeadLetterPageSize));
        QVERIFY(page->next.has_value());
        auto all = m_backend->deadLetterQueue()->list({kMaxDeadLetterPageSize, std::nullopt});
        QVERIFY(all.has_value());
    }

    void malformedCursorIsRejected()
    {
        auto dlq = m_backend->deadLetterQueue();
        for (const std::string cursor : {"zz", "", "00", "3132332f"}) {
            auto page = dlq->list({10, cursor});
            QVERIFY2(!page.has_value(), cursor.c_str());
            QCOMPARE(page.error().kind, ErrorKind::Rejected);
        }
    }

    // Last: removes entries. The entry a cursor points at may go between two
    // pages (an admin replayed it); the next page starts right after it anyway.
    void pagingGoesOnWhenTheCursorsEntryIsGone()
    {
        auto remover = m_backend->deadLetterQueue();
        std::set<std::string> removed;
        const auto seen = pageThrough(100, [&](const DeadLetterPage& page) {
            if (!page.items.empty() && page.next) {
                removed.insert(page.items.back().id);
                QVERIFY(remover->remove(page.items.back().id).value());
            }
        });
        QCOMPARE(seen.size(), std::size_t(kDeadLetters));
        std::set<std::string> ids;
        for (const auto& letter : seen)
            ids.insert(letter.id);
        QCOMPARE(ids.size(), std::size_t(kDeadLetters)); // none twice, none skipped
        QCOMPARE(m_backend->deadLetterQueue()->list({10, std::nullopt})->total,
                 static_cast<long long>(kDeadLetters - removed.size()));
    }
};

QTEST_GUILESS_MAIN(DeadLetterPagingTest)
#include "dead_letter_paging_test.moc"
