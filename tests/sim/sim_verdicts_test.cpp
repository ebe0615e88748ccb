#include "manifest.h"
#include "outcome_log.h"
#include "paced_scheduler.h"
#include "progress_line.h"
#include "send_side_checks.h"
#include "traffic_summary.h"

#include <QTemporaryDir>
#include <QTest>

#include <fstream>
#include <mutex>
#include <thread>

using mccig::Channel;
using mccig::sim::SendOutcome;

namespace {

SendOutcome outcome(const std::string& tenant, int status, const std::string& eventId = {})
{
    SendOutcome o;
    o.tenant = tenant;
    o.channel = Channel::Sms;
    o.providerMessageId = "SM-1";
    o.status = status;
    o.eventId = eventId;
    return o;
}

SendOutcome limited(const std::string& tenant, int retryAfterSeconds, std::int64_t retryAfterMs)
{
    SendOutcome o = outcome(tenant, 429);
    o.retryAfterSeconds = retryAfterSeconds;
    o.retryAfterMs = retryAfterMs;
    return o;
}

} // namespace

class SimVerdictsTest final : public QObject {
    Q_OBJECT

private slots:
    void replayWithOneAcceptanceAndSameEventIdPasses();
    void replayWithTwoAcceptancesFails();
    void replayWithADifferentEventIdFails();
    void replayWithAnErrorAnswerFails();
    void noisyPassesWhenOnlyTheNoisyTenantIsLimited();
    void noisyFailsWhenAWellBehavedTenantIsLimited();
    void noisyFailsWhenTheNoisyTenantIsNeverLimited();
    void noisyFailsOnA429WithoutRetryAfter();
    void summaryComputesNearestRankPercentiles();
    void manifestRoundTripsThroughAFile();
    void manifestRejectsMalformedFiles();
    void schedulerHandsOutEverySlotExactlyOnce();
    void stoppedSchedulerHandsOutNothing();
    void outcomeLogCountsByStatus();
};

void SimVerdictsTest::replayWithOneAcceptanceAndSameEventIdPasses()
{
    const auto result = mccig::sim::judgeReplayAnswers(
        {outcome("a", 200, "e1"), outcome("a", 202, "e1"), outcome("a", 200, "e1")});
    QVERIFY(result.passed);
    QVERIFY(result.problems.empty());
    QCOMPARE(result.summary, std::string("3 concurrent copies: 1 x 202, 2 x 200"));
}

void SimVerdictsTest::replayWithTwoAcceptancesFails()
{
    const auto result = mccig::sim::judgeReplayAnswers({outcome("a", 202, "e1"), outcome("a", 202, "e2")});
    QVERIFY(!result.passed);
    QCOMPARE(result.problems.front(), std::string("expected exactly one 202, got 2"));
}

void SimVerdictsTest::replayWithADifferentEventIdFails()
{
    const auto result = mccig::sim::judgeReplayAnswers({outcome("a", 202, "e1"), outcome("a", 200, "e9")});
    QVERIFY(!result.passed);
    QCOMPARE(result.problems, std::vector<std::string>{"copy answered eventId e9, the accepted one e1"});
}

void SimVerdictsTest::replayWithAnErrorAnswerFails()
{
    auto broken = outcome("a", 503);
    broken.error = "unavailable";
    const auto result = mccig::sim::judgeReplayAnswers({outcome("a", 202, "e1"), broken});
    QVERIFY(!result.passed);
    QCOMPARE(result.problems, std::vector<std::string>{"a/sms/SM-1: HTTP 503 unavailable"});
    QVERIFY(!mccig::sim::judgeReplayAnswers({}).passed);
}

void SimVerdictsTest::noisyPassesWhenOnlyTheNoisyTenantIsLimited()
{
    const auto result = mccig::sim::judgeNoisyNeighbour(
        {outcome("n", 202, "e1"), limited("n", 1, 800), outcome("a", 202, "e2"), outcome("b", 202, "e3")}, "n");
    QVERIFY2(result.passed, result.problems.empty() ? "" : result.problems.front().c_str());
    QCOMPARE(result.summary, std::string("noisy tenant n: 2 sent, 1 x 202, 1 x 429; 2 other tenant(s): 2 sent, 2 x 202"));
}

void SimVerdictsTest::noisyFailsWhenAWellBehavedTenantIsLimited()
{
    const auto result = mccig::sim::judgeNoisyNeighbour({limited("n", 1, 800), limited("a", 1, 10)}, "n");
    QVERIFY(!result.passed);
    QCOMPARE(result.problems, std::vector<std::string>{"well-behaved tenant not accepted: a/sms/SM-1: HTTP 429"});
}

void SimVerdictsTest::noisyFailsWhenTheNoisyTenantIsNeverLimited()
{
    const auto result = mccig::sim::judgeNoisyNeighbour({outcome("n", 202, "e"), outcome("a", 202, "f")}, "n");
    QVERIFY(!result.passed);
    QCOMPARE(result.problems.size(), std::size_t{1});
    QVERIFY(result.problems.front().starts_with("the noisy tenant was never rate-limited"));
}

void SimVerdictsTest::noisyFailsOnA429WithoutRetryAfter()
{
    const auto result = mccig::sim::judgeNoisyNeighbour({limited("n", -1, 500), limited("n", 0, -1),
                                                         outcome("a", 202, "f")}, "n");
    QVERIFY(!result.passed);
    QCOMPARE(result.problems.size(), std::size_t{3});
}

void SimVerdictsTest::summaryComputesNearestRankPercentiles()
{
    std::vector<SendOutcome> outcomes;
    for (int i = 1; i <= 100; ++i) {
        auto o = outcome("a", i <= 90 ? 202 : 429);
        o.latencyUs = i * 1000;
        outcomes.push_back(o);
    }
    outcomes.push_back(outcome("a", 0)); // no answer: counted, but has no latency
    const auto summary = mccig::sim::TrafficSummary::of(outcomes, 2.0);
    QCOMPARE(summary.sent, std::size_t{101});
    QCOMPARE(summary.throughput, 50.5);
    QCOMPARE(summary.p50Ms, 50.0);
    QCOMPARE(summary.p90Ms, 90.0);
    QCOMPARE(summary.p99Ms, 99.0);
    QCOMPARE(summary.maxMs, 100.0);
    QCOMPARE(summary.statuses.at(202), std::size_t{90});
    QCOMPARE(summary.statuses.at(429), std::size_t{10});
    QCOMPARE(summary.statuses.at(0), std::size_t{1});
    QVERIFY(summary.toJson().at("statuses").at("no_answer") == 1);
}

void SimVerdictsTest::manifestRoundTripsThroughAFile()
{
    mccig::sim::Manifest manifest;
    manifest.runId = "r1";
    manifest.target = "http://127.0.0.1:1";
    manifest.checks = {mccig::sim::CheckKind::Replay, mccig::sim::CheckKind::Failures};
    manifest.noisyTenant = "n";
    manifest.trafficSeconds = 1.5;
    auto o = limited("a", 2, 1500);
    o.channel = Channel::Voice;
    o.latencyUs = 77;
    o.error = "rate_limited";
    manifest.traffic = {o, outcome("b", 202, "e1")};
    manifest.failures = {outcome("c", 202, "e2")};
    QTemporaryDir dir;
    const std::string path = dir.filePath("m.json").toStdString();
    QVERIFY(manifest.save(path).has_value());
    const auto loaded = mccig::sim::Manifest::load(path);
    QVERIFY(loaded.has_value());
    QCOMPARE(loaded->toJson().dump(), manifest.toJson().dump());
    QCOMPARE(loaded->traffic[0].channel, Channel::Voice);
    QCOMPARE(loaded->traffic[0].retryAfterMs, std::int64_t{1500});
}

void SimVerdictsTest::manifestRejectsMalformedFiles()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath("bad.json").toStdString();
    QCOMPARE(mccig::sim::Manifest::load(path).error().kind, mccig::ErrorKind::NotFound);
    std::ofstream(path) << "{not json";
    QCOMPARE(mccig::sim::Manifest::load(path).error().kind, mccig::ErrorKind::Rejected);
    std::ofstream(path, std::ios::trunc) << R"({"format":"mccig-sim-manifest/1","runId":"r"})";
    QCOMPARE(mccig::sim::Manifest::load(path).error().kind, mccig::ErrorKind::Rejected);
    std::ofstream(path, std::ios::trunc) << R"({"format":"other"})";
    QCOMPARE(mccig::sim::Manifest::load(path).error().kind, mccig::ErrorKind::Rejected);
}

void SimVerdictsTest::schedulerHandsOutEverySlotExactlyOnce()
{
    mccig::sim::PacedScheduler scheduler(100000.0, 500);
    std::mutex mutex; // guards taken
    std::vector<int> taken(500, 0);
    {
        std::vector<std::jthread> threads;
        for (int t = 0; t < 4; ++t)
            threads.emplace_back([&] {
                while (const auto slot = scheduler.next()) {
                    const std::lock_guard lock(mutex);
                    ++taken[*slot];
                }
            });
    }
    QCOMPARE(std::ranges::count(taken, 1), 500);
    QVERIFY(!scheduler.next().has_value());
    QVERIFY(scheduler.dueTime(10) - scheduler.dueTime(0) == std::chrono::microseconds(100));
}

void SimVerdictsTest::stoppedSchedulerHandsOutNothing()
{
    mccig::sim::PacedScheduler scheduler(1.0, 10);
    scheduler.stop();
    QVERIFY(!scheduler.next().has_value());
}

void SimVerdictsTest::outcomeLogCountsByStatus()
{
    mccig::sim::OutcomeLog log;
    for (const int status : {202, 202, 200, 429, 503, 0})
        log.record(outcome("a", status));
    const auto totals = log.totals();
    QCOMPARE(totals.sent, std::size_t{6});
    QCOMPARE(totals.accepted, std::size_t{2});
    QCOMPARE(totals.duplicate, std::size_t{1});
    QCOMPARE(totals.rateLimited, std::size_t{1});
    QCOMPARE(totals.otherErrors, std::size_t{2});
    QCOMPARE(log.outcomes().size(), std::size_t{6});
    QCOMPARE(mccig::sim::ProgressLine::format("traffic", totals, 10, 2.0),
             std::string("traffic    sent 6/10  202 2  200 1  429 1  other 2  3 req/s"));
}

QTEST_GUILESS_MAIN(SimVerdictsTest)
#include "sim_verdicts_test.moc"
