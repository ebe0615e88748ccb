// Conformance (both backends): the promises of the AdmissionGate port
// (ports/admission_gate.h, API.md §3), seen only through the ports. How a
// backend keeps them (Lua in Redis, one SQLite transaction) is tested in its
// own files.
#include "backend_under_test.h"
#include "io_wait.h"
#include "numbered_id.h"

#include "mccig/core/uuid.h"

#include <QtTest>

#include <algorithm>
#include <thread>

using namespace mccig;
using namespace std::chrono_literals;

namespace {

constexpr int kRedisDb = 25;

AdmissionRequest request(const std::string& tenant, const std::string& providerMessageId, RateLimitPolicy rateLimit,
                         Channel channel = Channel::Sms)
{
    AdmissionRequest request;
    request.event.id = newUuidV7();
    request.event.tenantId = tenant;
    request.event.providerMessageId = providerMessageId;
    request.event.channel = channel;
    request.event.content = "hello";
    request.event.rawMetadata = {{"from", "+15550001111"}, {"to", "+15550002222"}};
    request.event.createdAt = std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now());
    request.rateLimit = rateLimit;
    request.idempotencyTtl = 600s;
    return request;
}

const RateLimitPolicy kPlenty{1000, 1000};

} // namespace

class AdmissionConformanceTest final : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void acceptedIsQueuedAndADuplicateAnswersTheFirstId();
    void anotherChannelOrTenantIsANewMessage();
    void throttledRequestLeavesNoIdempotencyRecord();
    void bucketRefillsAtItsRate();
    void tenantsHaveSeparateBuckets();
    void concurrentAdmitsOfOneMessageAcceptExactlyOne();
    void rejectedRequestTakesNoToken();
    void twoCopiesArrivingTogetherAcceptExactlyOne();
    void bucketRunningOutAmongRequestsArrivingTogether();
    void mixOfTenantsArrivingTogetherGetsTheSequentialVerdicts();
    void keyStaysTakenWhereverTheMessageGoesInItsWindow();
    void keyIsFreeAfterItsWindowAndTheNextWindowAnswersTheNewId();

private:
    Result<AdmissionDecision> admit(AdmissionGate& gate, const AdmissionRequest& admission)
    {
        std::optional<Result<AdmissionDecision>> result;
        gate.admit(admission, [&](Result<AdmissionDecision> decision) { result = std::move(decision); });
        if (!test::runUntilSet(m_io, result))
            return failure(ErrorKind::Internal, "no answer within 10 s");
        return *result;
    }
    AdmissionVerdict verdictOf(const AdmissionRequest& admission)
    {
        const auto decision = admit(*m_gate, admission);
        if (!decision)
            qFatal("admission failed: %s", decision.error().message.c_str());
        return decision->verdict;
    }
    // Admits all of `admissions` in one turn of the loop (they reach the
    // backend together: one batch for the Redis gate) and returns the
    // decisions in the order given.
    std::vector<AdmissionDecision> admitTogether(const std::vector<AdmissionRequest>& admissions);
    // Admits them one after the other, each after the previous one's answer.
    std::vector<AdmissionDecision> admitOneByOne(const std::vector<AdmissionRequest>& admissions);
    // The ids of every queued event, in queue order.
    std::vector<std::string> queuedIds();
    // Takes every queued message and stores it (acknowledged), or dead-letters it.
    enum class Settle { Store, DeadLetter };
    void settleQueued(Settle how);
    // The verdict and event id a copy of `original` gets now.
    std::pair<AdmissionVerdict, std::string> copyOf(const AdmissionRequest& original);

    boost::asio::io_context m_io;
    std::unique_ptr<test::BackendUnderTest> m_store;
    std::shared_ptr<Backend> m_backend;
    std::unique_ptr<AdmissionGate> m_gate;
};

void AdmissionConformanceTest::init()
{
    m_store = std::make_unique<test::BackendUnderTest>("mccig_admission_conformance", kRedisDb);
    m_backend = m_store->openAlone();
    const auto prepared = m_backend->prepare();
    QVERIFY2(prepared, prepared ? "" : prepared.error().message.c_str());
    m_gate = m_backend->admissionGate(m_io);
}

void AdmissionConformanceTest::cleanup()
{
    m_gate.reset();
    m_backend.reset();
    m_store.reset();
}

std::vector<std::string> AdmissionConformanceTest::queuedIds()
{
    std::vector<std::string> ids;
    auto reader = m_backend->eventQueue("check");
    const auto messages = reader->read(1000, 50ms);
    if (!messages)
        qFatal("cannot read the queue: %s", messages.error().message.c_str());
    for (const auto& message : *messages)
        ids.push_back(message.event().value().id);
    return ids;
}

void AdmissionConformanceTest::settleQueued(Settle how)
{
    auto queue = m_backend->eventQueue("settler");
    const auto messages = queue->read(1000, 50ms);
    if (!messages || messages->empty())
        qFatal("nothing to settle: %s", messages ? "the queue is empty" : messages.error().message.c_str());
    if (how == Settle::DeadLetter) {
        for (const auto& message : *messages)
            if (auto moved = queue->deadLetter(message, "refused for the test"); !moved || !*moved)
                qFatal("cannot dead-letter %s", message.entryId.c_str());
        return;
    }
    if (auto stored = m_backend->eventRepository()->storeQueued(*messages); !stored)
        qFatal("cannot store: %s", stored.error().message.c_str());
    std::vector<std::string> entryIds;
    for (const auto& message : *messages)
        entryIds.push_back(message.entryId);
    if (auto acknowledged = queue->acknowledge(entryIds); !acknowledged || *acknowledged != entryIds.size())
        qFatal("cannot acknowledge the stored messages");
}

std::pair<AdmissionVerdict, std::string> AdmissionConformanceTest::copyOf(const AdmissionRequest& original)
{
    auto copy = original;
    copy.event.id = newUuidV7();
    auto decision = admit(*m_gate, copy);
    if (!decision)
        qFatal("admission failed: %s", decision.error().message.c_str());
    return {decision->verdict, decision->eventId};
}

std::vector<AdmissionDecision> AdmissionConformanceTest::admitTogether(const std::vector<AdmissionRequest>& admissions)
{
    std::vector<std::optional<Result<AdmissionDecision>>> results(admissions.size());
    for (std::size_t i = 0; i < admissions.size(); ++i)
        m_gate->admit(admissions[i], [&results, i](Result<AdmissionDecision> decision) { results[i] = std::move(decision); });
    const bool answered = test::runUntil(m_io, [&] {
        return std::all_of(results.begin(), results.end(), [](const auto& result) { return result.has_value(); });
    });
    if (!answered)
        qFatal("admissions not answered within 10 s");
    std::vector<AdmissionDecision> decisions;
    for (auto& result : results) {
        if (!*result)
            qFatal("admission failed: %s", result->error().message.c_str());
        decisions.push_back(std::move(**result));
    }
    return decisions;
}

std::vector<AdmissionDecision> AdmissionConformanceTest::admitOneByOne(const std::vector<AdmissionRequest>& admissions)
{
    std::vector<AdmissionDecision> decisions;
    for (const auto& admission : admissions) {
        auto decision = admit(*m_gate, admission);
        if (!decision)
            qFatal("admission failed: %s", decision.error().message.c_str());
        decisions.push_back(std::move(*decision));
    }
    return decisions;
}

void AdmissionConformanceTest::acceptedIsQueuedAndADuplicateAnswersTheFirstId()
{
    const auto first = request("acme", "msg-1", {10, 1});
    const auto accepted = admit(*m_gate, first);
    QVERIFY2(accepted, accepted ? "" : accepted.error().message.c_str());
    QCOMPARE(accepted->verdict, AdmissionVerdict::Accepted);
    QCOMPARE(accepted->eventId, first.event.id);
    QCOMPARE(accepted->bucket.capacity, 10.0);
    QCOMPARE(accepted->bucket.remaining, 9L);
    QCOMPARE(accepted->bucket.resetIn, 1s);

    const auto again = request("acme", "msg-1", {10, 1});
    const auto duplicate = admit(*m_gate, again);
    QVERIFY(duplicate);
    QCOMPARE(duplicate->verdict, AdmissionVerdict::Duplicate);
    QCOMPARE(duplicate->eventId, first.event.id);
    QCOMPARE(queuedIds(), std::vector<std::string>{first.event.id});
}

void AdmissionConformanceTest::anotherChannelOrTenantIsANewMessage()
{
    QCOMPARE(verdictOf(request("acme", "m", kPlenty)), AdmissionVerdict::Accepted);
    QCOMPARE(verdictOf(request("acme", "m", kPlenty, Channel::Chat)), AdmissionVerdict::Accepted);
    QCOMPARE(verdictOf(request("globex", "m", kPlenty)), AdmissionVerdict::Accepted);
    QCOMPARE(verdictOf(request("globex", "m", kPlenty)), AdmissionVerdict::Duplicate);
    QCOMPARE(queuedIds().size(), std::size_t(3));
}

void AdmissionConformanceTest::throttledRequestLeavesNoIdempotencyRecord()
{
    const RateLimitPolicy policy{2, 0.5};
    QCOMPARE(verdictOf(request("acme", "a", policy)), AdmissionVerdict::Accepted);
    QCOMPARE(verdictOf(request("acme", "b", policy)), AdmissionVerdict::Accepted);
    const auto limited = admit(*m_gate, request("acme", "c", policy));
    QVERIFY(limited);
    QCOMPARE(limited->verdict, AdmissionVerdict::RateLimited);
    QVERIFY(limited->eventId.empty());
    QCOMPARE(limited->bucket.remaining, 0L);
    QCOMPARE(limited->bucket.resetIn, 4s); // two tokens at 0.5/s
    QVERIFY2(limited->retryAfter > 1500ms && limited->retryAfter <= 2000ms,
             std::to_string(limited->retryAfter.count()).c_str());
    QCOMPARE(queuedIds().size(), std::size_t(2));
    // With tokens again, the same message is new: the throttled try left no record.
    std::this_thread::sleep_for(60ms); // 60 tokens at the plentiful rate below
    QCOMPARE(verdictOf(request("acme", "c", kPlenty)), AdmissionVerdict::Accepted);
}

void AdmissionConformanceTest::bucketRefillsAtItsRate()
{
    const RateLimitPolicy policy{1, 20}; // one token every 50 ms
    QCOMPARE(verdictOf(request("acme", "a", policy)), AdmissionVerdict::Accepted);
    QCOMPARE(verdictOf(request("acme", "b", policy)), AdmissionVerdict::RateLimited);
    std::this_thread::sleep_for(120ms);
    QCOMPARE(verdictOf(request("acme", "b", policy)), AdmissionVerdict::Accepted);
    QCOMPARE(verdictOf(request("acme", "c", policy)), AdmissionVerdict::RateLimited);
}

void AdmissionConformanceTest::tenantsHaveSeparateBuckets()
{
    const RateLimitPolicy policy{3, 0.001};
    int accepted = 0;
    for (int i = 0; i < 10; ++i)
        accepted += verdictOf(request("noisy", test::numberedId("m", i), policy)) == AdmissionVerdict::Accepted;
    QCOMPARE(accepted, 3);
    const auto quiet = admit(*m_gate, request("quiet", "m0", policy));
    QVERIFY(quiet);
    QCOMPARE(quiet->verdict, AdmissionVerdict::Accepted);
    QCOMPARE(quiet->bucket.remaining, 2L);
}

void AdmissionConformanceTest::concurrentAdmitsOfOneMessageAcceptExactlyOne()
{
    // Two gates, as two I/O threads have: their requests interleave in the backend.
    auto second = m_backend->admissionGate(m_io);
    std::vector<Result<AdmissionDecision>> decisions;
    for (int i = 0; i < 100; ++i) {
        AdmissionGate& gate = i % 2 == 0 ? *m_gate : *second;
        gate.admit(request("acme", "same", kPlenty),
                   [&](Result<AdmissionDecision> decision) { decisions.push_back(std::move(decision)); });
    }
    QVERIFY(test::runUntil(m_io, [&] { return decisions.size() == 100; }));
    int accepted = 0;
    std::string acceptedId;
    for (const auto& decision : decisions) {
        QVERIFY(decision);
        if (decision->verdict == AdmissionVerdict::Accepted) {
            ++accepted;
            acceptedId = decision->eventId;
        } else {
            QCOMPARE(decision->verdict, AdmissionVerdict::Duplicate);
        }
    }
    QCOMPARE(accepted, 1);
    for (const auto& decision : decisions)
        QCOMPARE(decision->eventId, acceptedId);
    QCOMPARE(queuedIds(), std::vector<std::string>{acceptedId});
}

void AdmissionConformanceTest::rejectedRequestTakesNoToken()
{
    const RateLimitPolicy policy{5, 0.001};
    std::optional<Result<BucketSnapshot>> untouched;
    m_gate->recordRejected("acme", policy, [&](Result<BucketSnapshot> snapshot) { untouched = std::move(snapshot); });
    QVERIFY(test::runUntilSet(m_io, untouched));
    QVERIFY(*untouched);
    QCOMPARE((*untouched)->remaining, 5L);
    QCOMPARE((*untouched)->resetIn, 0s);
    const auto admitted = admit(*m_gate, request("acme", "a", policy));
    QVERIFY(admitted);
    QCOMPARE(admitted->bucket.remaining, 4L);
    QVERIFY(queuedIds().size() == 1);
}

void AdmissionConformanceTest::twoCopiesArrivingTogetherAcceptExactlyOne()
{
    const auto first = request("acme", "same", kPlenty);
    const auto copy = request("acme", "same", kPlenty);
    const auto decisions = admitTogether({first, copy});
    QCOMPARE(decisions[0].verdict, AdmissionVerdict::Accepted);
    QCOMPARE(decisions[0].eventId, first.event.id);
    QCOMPARE(decisions[1].verdict, AdmissionVerdict::Duplicate);
    QCOMPARE(decisions[1].eventId, first.event.id);
    QCOMPARE(queuedIds(), std::vector<std::string>{first.event.id});
}

void AdmissionConformanceTest::bucketRunningOutAmongRequestsArrivingTogether()
{
    const RateLimitPolicy policy{3, 0.001};
    std::vector<AdmissionRequest> admissions;
    for (int i = 0; i < 5; ++i)
        admissions.push_back(request("acme", test::numberedId("m", i), policy));
    const auto decisions = admitTogether(admissions);

    const std::vector<AdmissionVerdict> expected{AdmissionVerdict::Accepted, AdmissionVerdict::Accepted,
                                                 AdmissionVerdict::Accepted, AdmissionVerdict::RateLimited,
                                                 AdmissionVerdict::RateLimited};
    for (std::size_t i = 0; i < expected.size(); ++i)
        QCOMPARE(decisions[i].verdict, expected[i]);
    QCOMPARE(decisions[0].bucket.remaining, 2L);
    QCOMPARE(decisions[2].bucket.remaining, 0L);
    QCOMPARE(decisions[3].bucket.remaining, 0L);
    QVERIFY(decisions[3].eventId.empty());
    QVERIFY(decisions[3].retryAfter > 0ms);
    QCOMPARE(queuedIds(), (std::vector<std::string>{admissions[0].event.id, admissions[1].event.id,
                                                    admissions[2].event.id}));
    // With tokens again, the throttled m3 is new: it left no record.
    std::this_thread::sleep_for(60ms);
    QCOMPARE(verdictOf(request("acme", "m3", kPlenty)), AdmissionVerdict::Accepted);
}

// The same requests give the same verdicts arriving together as arriving one
// after the other: a batch is admitted in order, request by request.
void AdmissionConformanceTest::mixOfTenantsArrivingTogetherGetsTheSequentialVerdicts()
{
    const auto scenario = [](const std::string& run) {
        const RateLimitPolicy tight{2, 0.001};
        std::vector<AdmissionRequest> admissions;
        for (const auto& [tenant, message] : std::vector<std::pair<std::string, std::string>>{
                 {"a", "x"}, {"b", "x"}, {"a", "x"}, {"c", "x"}, {"a", "y"}, {"b", "y"}, {"b", "z"}, {"c", "x"},
                 {"a", "z"}, {"b", "x"}, {"c", "y"}, {"c", "z"}})
            admissions.push_back(request(run + tenant, message, tight));
        return admissions;
    };
    const auto together = admitTogether(scenario("together-"));
    const auto oneByOne = admitOneByOne(scenario("alone-"));
    QCOMPARE(together.size(), oneByOne.size());
    for (std::size_t i = 0; i < together.size(); ++i) {
        QCOMPARE(together[i].verdict, oneByOne[i].verdict);
        QCOMPARE(together[i].bucket.remaining, oneByOne[i].bucket.remaining);
        QCOMPARE(together[i].eventId.empty(), oneByOne[i].eventId.empty());
    }
    // Spelled out: a's third request and b's third find their buckets empty.
    QCOMPARE(together[2].verdict, AdmissionVerdict::Duplicate);
    QCOMPARE(together[4].verdict, AdmissionVerdict::RateLimited);
    QCOMPARE(together[6].verdict, AdmissionVerdict::RateLimited);
    QCOMPARE(together[7].verdict, AdmissionVerdict::Duplicate);
    QCOMPARE(together[7].eventId, together[3].eventId);
    QCOMPARE(together[10].verdict, AdmissionVerdict::RateLimited);
}

void AdmissionConformanceTest::keyStaysTakenWhereverTheMessageGoesInItsWindow()
{
    const auto stored = request("acme", "stored", kPlenty);
    QCOMPARE(verdictOf(stored), AdmissionVerdict::Accepted);
    settleQueued(Settle::Store);
    QCOMPARE(copyOf(stored), std::pair(AdmissionVerdict::Duplicate, stored.event.id));

    const auto deleted = request("acme", "dead-lettered then deleted", kPlenty);
    QCOMPARE(verdictOf(deleted), AdmissionVerdict::Accepted);
    settleQueued(Settle::DeadLetter);
    QCOMPARE(copyOf(deleted), std::pair(AdmissionVerdict::Duplicate, deleted.event.id));
    QCOMPARE(m_backend->deadLetterQueue()->remove(deleted.event.id).value(), true);
    QCOMPARE(copyOf(deleted), std::pair(AdmissionVerdict::Duplicate, deleted.event.id));

    const auto replayed = request("acme", "dead-lettered then replayed", kPlenty);
    QCOMPARE(verdictOf(replayed), AdmissionVerdict::Accepted);
    settleQueued(Settle::DeadLetter);
    QCOMPARE(m_backend->deadLetterQueue()->replay(replayed.event.id).value(), true);
    QCOMPARE(copyOf(replayed), std::pair(AdmissionVerdict::Duplicate, replayed.event.id));
    QCOMPARE(queuedIds(), std::vector<std::string>{replayed.event.id});
}

void AdmissionConformanceTest::keyIsFreeAfterItsWindowAndTheNextWindowAnswersTheNewId()
{
    auto first = request("acme", "brief", kPlenty);
    first.idempotencyTtl = 1s;
    QCOMPARE(verdictOf(first), AdmissionVerdict::Accepted);
    settleQueued(Settle::Store);
    std::this_thread::sleep_for(1100ms);

    // The stored event stays, but its window is over: the key is new again.
    const auto [verdict, secondId] = copyOf(first);
    QCOMPARE(verdict, AdmissionVerdict::Accepted);
    QVERIFY(secondId != first.event.id);
    QCOMPARE(copyOf(first), std::pair(AdmissionVerdict::Duplicate, secondId));
    // Storing the second copy adds nothing (the unique key), and its window still holds.
    settleQueued(Settle::Store);
    QCOMPARE(copyOf(first), std::pair(AdmissionVerdict::Duplicate, secondId));
    const auto stored = m_backend->eventRepository()->count({"acme", Channel::Sms, "brief"});
    QCOMPARE(stored.value(), 1LL);
}

QTEST_GUILESS_MAIN(AdmissionConformanceTest)
#include "admission_conformance_test.moc"
