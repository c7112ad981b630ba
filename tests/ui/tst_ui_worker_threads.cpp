// Which threads run what (ui/WorkerThreads.h, songs/WorkerPriority.h): Qt's paint segments run on threads of
// the GUI thread's priority even when a reniced worker is the first to need them; our chores and the mining
// and export workers run reniced, never on Qt's global pool (where they would queue ahead of a paint). Lanes'
// blended fills and image draws paint in bands on the painting thread alone (views/PaintBands.h).

#include "AppAllocator.h"
#include "BackgroundTask.h"
#include "QtPoolHeld.h"
#include "WorkerThreads.h"
#include "mining/MiningWorker.h"
#include "settings/AppSettings.h"
#include "songs/WorkerPriority.h"
#include "views/PaintBands.h"

#include <QImage>
#include <QPainter>
#include <QSemaphore>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QThreadPool>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <future>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

using namespace stemcrate::ui;

#ifdef __GLIBC__
constexpr bool kGlibc = true;
#else
constexpr bool kGlibc = false;
#endif

namespace {

using stemcrate::ui::test::finishesWithThePoolHeld;

int niceOfThisThread()
{
    return getpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)));
}

// Where and at which nice a job ran.
struct Seen
{
    std::atomic<bool> ran{false};
    std::atomic<int> nice{-100};
    std::atomic<bool> onQtsPool{true};
    void record()
    {
        nice = niceOfThisThread();
        onQtsPool = QThreadPool::globalInstance()->contains(QThread::currentThread());
        ran = true;
    }
};

#ifdef __GLIBC__
// The malloc arenas the process has: malloc_stats() prints one "Arena N:" block per arena, to stderr.
int mallocArenas()
{
    std::fflush(stderr);
    FILE* report = std::tmpfile();
    const int savedStderr = dup(STDERR_FILENO);
    if (!report || savedStderr < 0)
        return -1;
    dup2(fileno(report), STDERR_FILENO);
    malloc_stats();
    std::fflush(stderr);
    dup2(savedStderr, STDERR_FILENO);
    close(savedStderr);
    std::rewind(report);
    int arenas = 0;
    char line[256];
    while (std::fgets(line, sizeof line, report))
        arenas += std::strncmp(line, "Arena ", 6) == 0;
    std::fclose(report);
    return arenas;
}
#endif

} // namespace

class TestWorkerThreads : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // This process keeps glibc's malloc (it does not link the app's allocator): tuned as the app's main()
        // would tune it, before the workers.
        QCOMPARE(configureAppAllocator(), kGlibc ? Allocator::Glibc : Allocator::Other);
        QVERIFY(separateMallocArenas() || !kGlibc);
        QVERIFY(keepLargeBlocksOutOfArenas() || !kGlibc);
        QStandardPaths::setTestModeEnabled(true); // settings go to the test's own folder
        // As MainWindow does, before any worker exists.
        reserveQtPaintThreads();
        QVERIFY(niceOfThisThread() < 10);
    }

    void workersGetMallocArenasOfTheirOwn()
    {
#ifdef __GLIBC__
        // 40 threads allocating at once, more than glibc's default limit of 8 arenas per core on machines of
        // up to 4 cores: each gets an arena of its own, none shares the GUI thread's.
        constexpr int kThreads = 40;
        QSemaphore allocated, release;
        std::vector<void*> blocks(kThreads); // kept: an unused malloc/free pair may be optimized away
        std::vector<std::thread> threads;
        for (int i = 0; i < kThreads; ++i)
            threads.emplace_back([&, i] {
                blocks[size_t(i)] = std::malloc(1000);
                allocated.release();
                release.acquire();
            });
        QVERIFY(allocated.tryAcquire(kThreads, 60000));
        const int arenas = mallocArenas();
        release.release(kThreads);
        for (std::thread& thread : threads)
            thread.join();
        for (void* block : blocks)
            QVERIFY(block);
        for (void* block : blocks)
            std::free(block);
        QVERIFY2(arenas > kThreads, qPrintable(QString::number(arenas)));
#else
        QSKIP("glibc's malloc arenas only");
#endif
    }

    void largeBlocksStayMappedAfterALargerOneIsFreed()
    {
#ifdef __GLIBC__
        // glibc's dynamic threshold would rise to the freed block's size, and the next large block would come
        // from the arena (the mapped blocks' count would not grow). On a thread of its own, whose arena has
        // little free space at its top: there, a block that does not fit is either mapped or grows the arena.
        static_assert(kMallocTrimThreshold < 8 * kMallocMmapThreshold);
        size_t mappedBefore = 0, mappedAfter = 0, mappedBytesBefore = 0, mappedBytesAfter = 0;
        std::thread([&] {
            void* volatile larger = std::malloc(8 * kMallocMmapThreshold); // volatile: the pair is kept
            std::free(larger);
            const struct mallinfo2 before = mallinfo2();
            void* volatile block = std::malloc(kMallocMmapThreshold);
            const struct mallinfo2 after = mallinfo2();
            std::free(block);
            mappedBefore = before.hblks;
            mappedAfter = after.hblks;
            mappedBytesBefore = before.hblkhd;
            mappedBytesAfter = after.hblkhd;
        }).join();
        QCOMPARE(mappedAfter, mappedBefore + 1);
        QVERIFY(mappedBytesAfter >= mappedBytesBefore + kMallocMmapThreshold);
#else
        QSKIP("glibc's malloc thresholds only");
#endif
    }

    void qtPaintThreadsKeepTheGuiThreadsPriority()
    {
        const int guiNice = niceOfThisThread();
        QThreadPool* pool = QThreadPool::globalInstance();
        QCOMPARE(pool->expiryTimeout(), -1); // never remade later by whichever thread starts a segment
        std::mutex mutex;
        std::set<int> nices;
        std::set<QThread*> threads;
        // A reniced worker is the first to use the pool after start-up: a blended fill (Qt runs it in
        // segments there) and more jobs than the pool has threads, each holding its thread a little while.
        std::thread worker([&] {
            lowerWorkerPriority();
            QImage image(1200, 400, QImage::Format_ARGB32_Premultiplied);
            QPainter painter(&image);
            painter.fillRect(image.rect(), QColor(10, 20, 30, 100));
            painter.end();
            for (int i = 0; i < 4 * pool->maxThreadCount(); ++i)
                pool->start([&] {
                    std::this_thread::sleep_for(std::chrono::milliseconds(20));
                    const std::lock_guard lock(mutex);
                    nices.insert(niceOfThisThread());
                    threads.insert(QThread::currentThread());
                });
            pool->waitForDone();
        });
        worker.join();
        QCOMPARE(nices, std::set<int>{guiNice});
        QVERIFY(int(threads.size()) <= pool->maxThreadCount());
    }

    void choresRunRenicedOffQtsPool()
    {
        Seen seen;
        startChore([&seen] { seen.record(); });
        QTRY_VERIFY_WITH_TIMEOUT(seen.ran.load(), 60000);
        QVERIFY(seen.nice > niceOfThisThread());
        QVERIFY(!seen.onQtsPool);
        chorePool().waitForDone();
    }

    void backgroundTasksRunRenicedAndReportOnTheGuiThread()
    {
        QObject context;
        Seen seen;
        std::atomic<bool> doneOnGui{false};
        int result = 0;
        runInBackground<int>(
            &context,
            [&seen] {
                seen.record();
                return 42;
            },
            [&](int value) {
                result = value;
                doneOnGui = QThread::currentThread() == qApp->thread();
            });
        QTRY_COMPARE_WITH_TIMEOUT(result, 42, 60000);
        QVERIFY(doneOnGui.load());
        QVERIFY(seen.nice > niceOfThisThread());
        QVERIFY(!seen.onQtsPool);
    }

    void miningJobsRunReniced()
    {
        MiningWorker worker;
        Seen seen;
        bool done = false;
        worker.run(
            [&seen](const std::atomic<bool>&) {
                seen.record();
                return 1;
            },
            [&done](int) { done = true; });
        QTRY_VERIFY_WITH_TIMEOUT(done, 60000);
        QVERIFY(seen.nice > niceOfThisThread());
        QVERIFY(!seen.onQtsPool);
    }

    void recentFilesAreSavedOnAChoreThread()
    {
        QCOMPARE(AppSettings::withRecentFile({"/a.wav", "/b.wav"}, "/b.wav"),
                 QStringList({"/b.wav", "/a.wav"}));
        QStringList many;
        for (int i = 0; i < 15; ++i)
            many = AppSettings::withRecentFile(many, QStringLiteral("/%1.wav").arg(i));
        QCOMPARE(many.size(), AppSettings::kMaxRecentFiles);
        QCOMPARE(many.front(), QStringLiteral("/14.wav"));

        // Every chore thread is held: a save done on the calling thread would show at once; one queued on
        // the chores shows only after they are let go. The last of several lists is the one kept.
        QSettings(QStringLiteral("stemcrate"), QStringLiteral("stemcrate"))
            .remove("recent/files"); // older runs'
        const QStringList before = AppSettings::recentFiles();
        WorkerQueue& chores = chorePool();
        QSemaphore held, gate;
        for (int i = 0; i < chores.threadCount(); ++i)
            startChore([&] {
                held.release();
                gate.acquire();
            });
        QVERIFY(held.tryAcquire(chores.threadCount(), 60000));
        const QStringList first{"/first.wav"}, last{"/last.wav", "/first.wav"};
        AppSettings::storeRecentFiles(first);
        AppSettings::storeRecentFiles(last);
        QCOMPARE(AppSettings::recentFiles(), before);
        gate.release(chores.threadCount());
        chores.waitForDone();
        QCOMPARE(AppSettings::recentFiles(), last);
        // Not in the app's settings file, whose lock the GUI thread takes at every read.
        QVERIFY(
            !QSettings(QStringLiteral("stemcrate"), QStringLiteral("stemcrate")).contains("recent/files"));
    }

    void bandsPaintTheSamePixelsAsOneCall()
    {
        QImage tile(64, 120, QImage::Format_ARGB32_Premultiplied);
        for (int y = 0; y < tile.height(); ++y)
            for (int x = 0; x < tile.width(); ++x)
                tile.setPixel(x, y, qRgba(x * 4, y * 2, 90, 200));
        const QRectF target(3, 0, 1200, 120), source(0, 0, 64, 120);
        const QBrush hatch(QColor(128, 128, 128, 40), Qt::BDiagPattern);
        const QColor tint(40, 90, 200, 90);
        QImage once(1280, 120, QImage::Format_ARGB32_Premultiplied), banded = once;
        once.fill(Qt::darkGray);
        banded.fill(Qt::darkGray);
        {
            QPainter painter(&once);
            painter.drawImage(target, tile, source);
            painter.fillRect(QRectF(0, 0, 1280, 120), hatch);
            painter.fillRect(QRectF(100.5, 0, 700, 120), tint);
        }
        {
            QPainter painter(&banded);
            drawImageInBands(painter, target, tile, source);
            fillRectInBands(painter, QRectF(0, 0, 1280, 120), hatch);
            fillRectInBands(painter, QRectF(100.5, 0, 700, 120), tint);
        }
        QCOMPARE(banded, once);
    }

    void bandsNeedNoPoolThread()
    {
        // Every thread of Qt's pool is held: a paint that handed segments to the pool would wait for them.
        QVERIFY(finishesWithThePoolHeld(
            [] {
                QImage image(1280, 400, QImage::Format_ARGB32_Premultiplied);
                image.fill(Qt::black);
                QImage tile(64, 400, QImage::Format_ARGB32_Premultiplied);
                tile.fill(qRgba(10, 200, 30, 128));
                QPainter painter(&image);
                fillRectInBands(painter, QRectF(image.rect()),
                                QBrush(QColor(128, 128, 128, 40), Qt::BDiagPattern));
                fillRectInBands(painter, QRectF(image.rect()), QColor(40, 90, 200, 90));
                drawImageInBands(painter, QRectF(image.rect()), tile, QRectF(tile.rect()));
                // Qt splits by rows, whatever the width: a narrow strip (the unseparated end of a lane) of
                // 400 rows would be split too, and so would a smoothly scaled image.
                fillRectInBands(painter, QRectF(1200, 0, 20, 400),
                                QBrush(QColor(128, 128, 128, 40), Qt::BDiagPattern));
                fillRectInBands(painter, QRectF(1230.5, 0, 7, 400), QColor(40, 90, 200, 90));
                painter.setRenderHint(QPainter::SmoothPixmapTransform);
                drawImageInBands(painter, QRectF(0, 0, 300, 400), tile, QRectF(0, 0, 64, 300));
            },
            std::chrono::seconds(60)));
    }
};

QTEST_MAIN(TestWorkerThreads)
#include "tst_ui_worker_threads.moc"
