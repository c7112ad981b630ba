// WorkerPool: every chunk runs exactly once, on threads started once and reused by every run().

#include "common/WorkerPool.h"

#include <QtTest>

#include <atomic>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

using stemcrate::WorkerPool;

class TestWorkerPool : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyChunkOnce_data()
    {
        QTest::addColumn<int>("threads");
        QTest::addColumn<int>("chunks");
        QTest::newRow("one thread") << 1 << 17;
        QTest::newRow("more chunks than threads") << 3 << 1000;
        QTest::newRow("fewer chunks than threads") << 4 << 2;
        QTest::newRow("no chunks") << 3 << 0;
    }

    void everyChunkOnce()
    {
        QFETCH(int, threads);
        QFETCH(int, chunks);
        WorkerPool pool(threads);
        QCOMPARE(pool.threads(), threads);
        for (int round = 0; round < 50; ++round) {
            std::vector<std::atomic<int>> runs(static_cast<size_t>(chunks));
            pool.run(chunks, [&](std::int64_t k) { runs[static_cast<size_t>(k)]++; });
            for (const std::atomic<int>& r : runs)
                QCOMPARE(r.load(), 1);
        }
    }

    // The helpers are the same threads in every run: no thread is started per call.
    void threadsAreReused()
    {
        WorkerPool pool(3);
        std::mutex mutex;
        std::set<std::thread::id> seen;
        for (int round = 0; round < 100; ++round) {
            pool.run(64, [&](std::int64_t) {
                std::this_thread::sleep_for(std::chrono::microseconds(50));
                const std::lock_guard lock(mutex);
                seen.insert(std::this_thread::get_id());
            });
        }
        QVERIFY(seen.count(std::this_thread::get_id()) == 1); // the caller works too
        QVERIFY2(seen.size() <= 3, qPrintable(QString::number(seen.size())));
    }

    // run() returns only when every chunk has finished, including a helper's slow one.
    void runWaitsForEveryChunk()
    {
        WorkerPool pool(2);
        std::atomic<int> finished{0};
        pool.run(2, [&](std::int64_t k) {
            if (k == 1)
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
            finished++;
        });
        QCOMPARE(finished.load(), 2);
    }
};

QTEST_GUILESS_MAIN(TestWorkerPool)
#include "tst_worker_pool.moc"
