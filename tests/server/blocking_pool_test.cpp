#include "blocking_pool.h"

#include <QTest>

#include <atomic>
#include <future>
#include <set>
#include <thread>

using namespace mccig::server;

class BlockingPoolTest final : public QObject {
    Q_OBJECT

private slots:
    void runsEveryTaskOnPoolThreads()
    {
        BlockingPool pool(3, 100);
        std::atomic<int> done{0};
        std::mutex mutex;
        std::set<std::thread::id> threads;
        for (int i = 0; i < 50; ++i) {
            QVERIFY(pool.submit([&] {
                std::lock_guard lock(mutex);
                threads.insert(std::this_thread::get_id());
                ++done;
            }));
        }
        pool.stop();
        QCOMPARE(done.load(), 50);
        QVERIFY(!threads.contains(std::this_thread::get_id()));
        QVERIFY(threads.size() <= 3);
    }

    void refusesWhenTheQueueIsFull()
    {
        BlockingPool pool(1, 2);
        std::promise<void> release;
        std::shared_future<void> released = release.get_future().share();
        std::promise<void> started;
        QVERIFY(pool.submit([&started, released] {
            started.set_value();
            released.wait();
        }));
        started.get_future().wait(); // the only thread is now busy
        QVERIFY(pool.submit([] {}));
        QVERIFY(pool.submit([] {}));
        QVERIFY(!pool.submit([] {}));
        release.set_value();
        pool.stop();
        QCOMPARE(pool.threadCount(), std::size_t(1));
        QCOMPARE(pool.queueCapacity(), std::size_t(2));
    }

    void stopRunsQueuedTasksAndThenRefuses()
    {
        BlockingPool pool(1, 10);
        std::atomic<int> done{0};
        for (int i = 0; i < 5; ++i)
            QVERIFY(pool.submit([&] { ++done; }));
        pool.stop();
        QCOMPARE(done.load(), 5);
        QVERIFY(!pool.submit([&] { ++done; }));
        pool.stop(); // idempotent
        QCOMPARE(done.load(), 5);
    }
};

QTEST_GUILESS_MAIN(BlockingPoolTest)
#include "blocking_pool_test.moc"
