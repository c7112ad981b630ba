// The GUI thread's malloc arena stays the GUI thread's (issue 16): what the GUI thread allocates to hand work
// to a worker must not be freed on that worker beyond the lock-free sizes, since a free there takes the GUI
// thread's arena lock, and a reniced worker preempted holding it makes the GUI thread wait in its own malloc
// (BENCHMARKS.md, s14-holder). Counted with MainArenaFrees (tests/support): in this process, free() and
// realloc() count the blocks of glibc's main arena (the GUI thread's) that other threads free, by size.
//
// - The control: a QThreadPool whose threads are all busy queues a job in a 2 KiB page that the starting
//   thread allocates and a worker deletes. The census must see that free, or it proves nothing below.
// - Jobs started while every worker is busy, on the view workers (tiles, summaries) and the chores, free
//   no block of the GUI thread's arena above the fastbin size on a worker. A WorkerQueue's active limit
//   holds (SongQueue's decode queue follows the thread budget with it).
// - Spectrogram tiles: a lane's tiles are computed and accepted without a worker freeing any block of the
//   GUI thread's arena above the fastbin size (each request comes back to the GUI thread with its tile).
// - A lane no longer shown: what SongDisplay::takeWorkerMemory hands over is let go on workers (as
//   SongSession does), the rest on the GUI thread; no block of the GUI thread's arena beyond the tcache
//   sizes is freed on a worker. (The column producers' objects, a few hundred bytes, are: tcache range.)

#include "AppAllocator.h"
#include "MainArenaFrees.h"
#include "WorkerQueue.h"
#include "WorkerThreads.h"
#include "views/SongDisplay.h"
#include "views/SpectrogramRenderer.h"
#include "views/ViewWorkers.h"

#include <QImage>
#include <QPainter>
#include <QSemaphore>
#include <QTest>
#include <QThreadPool>

#include <atomic>
#include <cmath>
#include <functional>
#include <set>
#include <string>

using namespace stemcrate;
using namespace stemcrate::ui;
using stemcrate::test::MainArenaFrees;

namespace {

// As the app's main() would tune glibc, before any thread allocates. This process keeps glibc's malloc (it
// does not link the app's allocator, mimalloc, whose frees from another thread take no lock: AppAllocator.h):
// the hand-back discipline is measured here, where a worker's free of the GUI thread's block would take a
// lock.
const bool g_mallocSet = (separateMallocArenas(), keepLargeBlocksOutOfArenas(), true);

constexpr int kJobs = 600; // over two of Qt's 256-job pages
constexpr int kLoadedMs = 120000;

// Counts main-arena frees by other threads around `work`; the frees that may take the lock.
MainArenaFrees::Counts census(const std::function<void()>& work)
{
    MainArenaFrees::start();
    work();
    MainArenaFrees::stop();
    return MainArenaFrees::counts();
}

// Frees that may take the GUI arena's lock, made on the named threads (the census' sites): other threads of
// the test process (Qt's own) are not what a test here is about.
uint64_t mayLockOn(const std::set<std::string>& threads, bool beyondTcacheOnly = false)
{
    uint64_t count = 0;
    for (const MainArenaFrees::Site& site : MainArenaFrees::sites())
        if (threads.count(site.thread) &&
            (!beyondTcacheOnly || site.realloc || site.largestChunk > MainArenaFrees::kTcacheChunk))
            count += site.count;
    return count;
}

// Holds `threads` workers of `start` busy, then starts kJobs small jobs (their closures fit std::function's
// own storage: nothing of theirs is on the heap), lets the workers go and waits for every job.
void queueBehindBusyWorkers(int threads, const std::function<void(std::function<void()>)>& start)
{
    QSemaphore held, gate, ran;
    for (int i = 0; i < threads; ++i)
        start([&held, &gate] {
            held.release();
            gate.acquire();
        });
    QVERIFY(held.tryAcquire(threads, kLoadedMs));
    for (int i = 0; i < kJobs; ++i)
        start([&ran] { ran.release(); });
    gate.release(threads);
    QVERIFY(ran.tryAcquire(kJobs, kLoadedMs));
}

AudioBuffer noise(int64_t frames)
{
    AudioBuffer buffer(2, frames);
    uint32_t seed = 11;
    for (int c = 0; c < 2; ++c)
        for (int64_t t = 0; t < frames; ++t) {
            seed = seed * 1664525u + 1013904223u;
            buffer.channel(c)[t] = float(seed >> 8) / float(1 << 24) - 0.5f;
        }
    return buffer;
}

} // namespace

class TestUiGuiArena : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(g_mallocSet);
        if (!MainArenaFrees::available())
            QSKIP("counts glibc's arenas only");
    }

    void theCensusSeesQtsQueuePageFreedOnAWorker()
    {
        QThreadPool pool;
        pool.setMaxThreadCount(1);
        const MainArenaFrees::Counts counts = census(
            [&] { queueBehindBusyWorkers(1, [&pool](std::function<void()> job) { pool.start(job); }); });
        pool.waitForDone();
        QVERIFY2(counts.beyondTcache >= 1, MainArenaFrees::report().c_str());
    }

    void viewWorkersFreeNothingOfTheGuiArena()
    {
        ViewWorkers workers;
        census([&] {
            queueBehindBusyWorkers(workers.tileThreads(), [&workers](std::function<void()> job) {
                workers.startTile(std::move(job));
            });
            queueBehindBusyWorkers(workers.summaryThreads(), [&workers](std::function<void()> job) {
                workers.startSummary(std::move(job));
            });
            workers.waitForDone();
        });
        QVERIFY2(mayLockOn({"tiles", "summaries"}) == 0, MainArenaFrees::report().c_str());
    }

    void choresFreeNothingOfTheGuiArena()
    {
        census([&] {
            queueBehindBusyWorkers(chorePool().threadCount(),
                                   [](std::function<void()> job) { startChore(std::move(job)); });
            chorePool().waitForDone();
        });
        QVERIFY2(mayLockOn({"chores"}) == 0, MainArenaFrees::report().c_str());
    }

    void aWorkerQueueRunsNoMoreThanItsLimit()
    {
        // SongQueue's decode queue follows the thread budget this way (its threads are the largest budget's).
        WorkerQueue queue(QStringLiteral("limited"), 3);
        queue.setActiveLimit(1);
        QSemaphore started, gate;
        // n jobs that each say they started, then wait at the gate.
        const auto startGated = [&](int n) {
            for (int i = 0; i < n; ++i)
                queue.start([&started, &gate] {
                    started.release();
                    gate.acquire();
                });
        };
        startGated(3);
        QVERIFY(started.tryAcquire(1, kLoadedMs));
        QVERIFY(!started.tryAcquire(1, 300)); // a second job would have started by now without the limit
        queue.setActiveLimit(3);
        QVERIFY(started.tryAcquire(2, kLoadedMs)); // raised: the other two run beside the first
        gate.release(3);
        queue.waitForDone();
        // Lowered while all three run: afterwards one at a time again.
        startGated(3);
        QVERIFY(started.tryAcquire(3, kLoadedMs));
        queue.setActiveLimit(1);
        gate.release(3);
        queue.waitForDone();
        startGated(2);
        QVERIFY(started.tryAcquire(1, kLoadedMs));
        QVERIFY(!started.tryAcquire(1, 300));
        gate.release(2);
        queue.waitForDone();
    }

    void tilesAndDroppedLanesFreeTheGuiArenaOnTheGuiThread()
    {
        ViewWorkers workers;
        auto display = std::make_shared<SongDisplay>(
            std::make_shared<const AudioBuffer>(noise(10 * kEngineSampleRate)), workers);
        workers.waitForDone(); // the waveform summary
        QImage canvas(1200, 200, QImage::Format_RGB32);
        SpectrogramRenderer::Parameters p;
        p.framesPerPixel = 64; // tiles of 256 columns of hop 64: five tiles, two pending at a time
        const auto paintMissesTiles = [&] {
            QPainter painter(&canvas);
            return display->lane(0).spectrogram->paint(painter, canvas.rect(), p);
        };
        census([&] {
            QTRY_VERIFY_WITH_TIMEOUT(!paintMissesTiles(), kLoadedMs);
            workers.waitForDone();
        });
        QVERIFY(display->lane(0).spectrogram->cachedTiles() >= 5);
        QVERIFY2(mayLockOn({"tiles", "summaries"}) == 0, MainArenaFrees::report().c_str());

        const MainArenaFrees::Counts dropped = census([&] {
            std::vector<std::shared_ptr<const void>> memory;
            display->takeWorkerMemory(memory);
            display.reset(); // the GUI thread's allocations, here
            for (std::shared_ptr<const void>& piece : memory)
                workers.startBackground([piece = std::move(piece)]() mutable { piece.reset(); });
            workers.waitForDone();
        });
        QVERIFY2(mayLockOn({"tiles", "summaries"}, true) == 0, MainArenaFrees::report().c_str());
        qInfo("dropped lane: %llu blocks of the GUI arena in the tcache range freed on workers",
              (unsigned long long)dropped.tcacheRange);
    }
};

QTEST_MAIN(TestUiGuiArena)
#include "tst_ui_gui_arena.moc"
