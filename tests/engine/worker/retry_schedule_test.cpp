#include "mccig/worker/retry_schedule.h"

#include <QtTest>

using namespace mccig;
using namespace std::chrono_literals;

class RetryScheduleTest final : public QObject {
    Q_OBJECT

private slots:
    void delayIsAtLeastTheDoubledBaseAndAtMostHalfAgain();
    void delaysNeverShrinkWhateverTheRandomness();
    void delayIsCappedAtSixtySeconds();
};

void RetryScheduleTest::delayIsAtLeastTheDoubledBaseAndAtMostHalfAgain()
{
    QCOMPARE(retryDelay(1, 500ms, 0.0), 500ms); // --retry-base-ms is the first retry's least delay
    QCOMPARE(retryDelay(1, 500ms, 0.5), 625ms);
    QCOMPARE(retryDelay(1, 500ms, 0.999999), 749ms);
    QCOMPARE(retryDelay(2, 500ms, 0.0), 1000ms);
    QCOMPARE(retryDelay(3, 500ms, 0.0), 2000ms);
    QCOMPARE(retryDelay(3, 500ms, 1.0), 3000ms);
    // Out-of-range randomness is clamped, never a shorter or doubled delay.
    QCOMPARE(retryDelay(1, 500ms, -3.0), 500ms);
    QCOMPARE(retryDelay(1, 500ms, 7.0), 750ms);
    QCOMPARE(retryDelay(0, 500ms, 0.0), 500ms);
}

void RetryScheduleTest::delaysNeverShrinkWhateverTheRandomness()
{
    for (int attempts = 1; attempts < 40; ++attempts) {
        const auto longestNow = retryDelay(attempts, 500ms, 1.0);
        const auto shortestNext = retryDelay(attempts + 1, 500ms, 0.0);
        QVERIFY2(shortestNext >= longestNow, qPrintable(QString::number(attempts)));
    }
}

void RetryScheduleTest::delayIsCappedAtSixtySeconds()
{
    QCOMPARE(retryDelay(7, 500ms, 0.0), 32000ms);
    QCOMPARE(retryDelay(7, 500ms, 1.0), 48000ms);
    QCOMPARE(retryDelay(8, 500ms, 0.0), 60000ms); // 64 s before jitter: the cap itself
    QCOMPARE(retryDelay(6, 500ms, 0.0), 16000ms);
    QCOMPARE(retryDelay(9, 500ms, 0.9), 60000ms);
    QCOMPARE(retryDelay(1000, 500ms, 0.3), 60000ms);
    QCOMPARE(retryDelay(1, 120000ms, 0.0), 60000ms);
}

QTEST_GUILESS_MAIN(RetryScheduleTest)
#include "retry_schedule_test.moc"
