// The GUI process's allocator (issue 16, "the GUI thread never waits ... no lock that a worker can hold"):
// this test links the app's allocator as the app does (stemcrate_use_app_allocator,
// cmake/AppAllocator.cmake).
//
// - malloc, operator new and the blocks Qt allocates inside its own calls are mimalloc's: the override
//   reaches every library of the process, not only our code. A stack address is the control (not in the
//   heap), so the check can fail.
// - A worker at the app's lowered priority frees many blocks the main thread allocated and handed to it (16 B
//   to 4 MiB: mimalloc's small, medium and large pages; glibc's tcache, arena and mmap sizes), while the main
//   thread allocates and frees blocks of its own. The main thread never sleeps meanwhile: its voluntary
//   context switches (getrusage RUSAGE_THREAD) stay 0. Under glibc a free of another thread's block takes the
//   lock of the arena it came from, and the main thread sleeps in its malloc while the worker holds it: the
//   same source built without the app's allocator (tst_ui_app_allocator_glibc, not run by ctest) fails here
//   (its main thread slept in __lll_lock_wait_private; BENCHMARKS.md, s16-alloc), and in the first check.
//   What else could put the main thread to sleep is kept out of its loop: it makes no call that waits (the
//   one ahead spins with sched_yield, an involuntary switch), it faults only pages of its own blocks, and
//   the worker maps nothing (it only frees, and mimalloc frees a block of another thread's page onto that
//   page). The process has no other busy thread (a Core-only application).

#include "AppAllocator.h"
#include "songs/WorkerPriority.h"

#include <QByteArray>
#include <QString>
#include <QTest>

#include <atomic>
#include <cstdlib>
#include <memory>
#include <thread>
#include <vector>

#include <sys/resource.h>

using namespace stemcrate::ui;

namespace {

// Block i's size: 16 B to 4 MiB, small ones most often, as a GUI's blocks are.
size_t blockSize(size_t i)
{
    static constexpr size_t kSmall[] = {16,  48,   256, 1000, 4096, 16,   100,
                                        640, 2048, 32,  24,   512,  8192, 20000};
    if (i % 2048 == 2047)
        return 4 << 20;
    if (i % 512 == 511)
        return 1 << 20;
    if (i % 256 == 255)
        return 300000;
    if (i % 32 == 31)
        return 70000;
    return kSmall[i % std::size(kSmall)];
}

// Writes the block's first and last byte (its own pages, faulted in by the thread that allocated it).
void* touched(void* block, size_t bytes)
{
    auto* bytesOf = static_cast<unsigned char*>(block);
    bytesOf[0] = 1;
    bytesOf[bytes - 1] = 1;
    return block;
}

struct ThreadUsage
{
    long voluntarySwitches = 0, involuntarySwitches = 0, minorFaults = 0, majorFaults = 0;
    static ThreadUsage now()
    {
        rusage usage{};
        getrusage(RUSAGE_THREAD, &usage);
        return {usage.ru_nvcsw, usage.ru_nivcsw, usage.ru_minflt, usage.ru_majflt};
    }
};

} // namespace

class TestAppAllocator : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // As the app's main() does; what it found, for the report.
        qInfo("allocator: %s", allocatorName(configureAppAllocator()));
    }

    void mallocNewAndQtsBlocksAreMimallocs()
    {
        QCOMPARE(allocatorName(processAllocator()), "mimalloc");
        const auto inHeap = inMimallocsHeap;
        int onStack = 0;
        QVERIFY(!inHeap(&onStack)); // the control

        void* volatile fromMalloc = std::malloc(100);
        QVERIFY(inHeap(fromMalloc));
        std::free(fromMalloc);
        void* fromMemalign = nullptr;
        QCOMPARE(posix_memalign(&fromMemalign, 64, 1 << 20), 0); // libtorch's CPU allocator's call
        QVERIFY(inHeap(fromMemalign));
        std::free(fromMemalign);
        const auto fromNew = std::make_unique<std::vector<double>>(1000);
        QVERIFY(inHeap(fromNew.get()));
        QVERIFY(inHeap(fromNew->data()));

        // Allocated inside libQt6Core's own code (QArrayData::allocate's call to malloc).
        const QString text = QString::number(12345).repeated(100);
        QVERIFY(inHeap(text.constData()));
        const QByteArray utf8 = text.toUtf8();
        QVERIFY(inHeap(utf8.constData()));
    }

    void workerFreesNeverMakeTheMainThreadWait()
    {
        // This thread's own traffic: a ring of live blocks, each replaced by a new one in turn.
        constexpr size_t kOwn = 256;
        std::vector<void*> own(kOwn, nullptr);
        const auto replaceOwn = [&](size_t i) {
            std::free(own[i % kOwn]);
            own[i % kOwn] = touched(std::malloc(blockSize(i * 7)), blockSize(i * 7));
        };
        for (size_t i = 0; i < 4 * kOwn; ++i) // warm: the allocator has its pages before the count starts
            replaceOwn(i);

        // The blocks handed to the worker, as the GUI thread hands a job, a closure or a buffer: this thread
        // allocates block i into inFlight[i % kSlots], the worker frees it. The one ahead by a whole ring
        // spins (sched_yield: an involuntary switch, not a sleep), so the two keep in step however the
        // machine schedules them.
        constexpr size_t kBlocks = 200000, kSlots = 4096;
        std::vector<void*> inFlight(kSlots, nullptr);
        std::atomic<size_t> handed{0}, freed{0};
        std::thread worker([&] {
            lowerWorkerPriority(); // as every background job of the app
            for (size_t j = 0; j < kBlocks; ++j) {
                while (handed.load(std::memory_order_acquire) <= j)
                    std::this_thread::yield();
                std::free(inFlight[j % kSlots]);
                freed.store(j + 1, std::memory_order_release);
            }
        });

        const ThreadUsage before = ThreadUsage::now();
        size_t whileFreeing = 0; // blocks handed after the worker's first free, before its last
        for (size_t i = 0; i < kBlocks; ++i) {
            size_t freedNow;
            while (i - (freedNow = freed.load(std::memory_order_acquire)) >= kSlots)
                std::this_thread::yield();
            inFlight[i % kSlots] = touched(std::malloc(blockSize(i)), blockSize(i));
            handed.store(i + 1, std::memory_order_release);
            replaceOwn(i);
            whileFreeing += freedNow > 0;
        }
        while (freed.load(std::memory_order_acquire) < kBlocks) // its last frees, beside this thread's own
            replaceOwn(size_t(freed.load(std::memory_order_relaxed)) * 3);
        const ThreadUsage after = ThreadUsage::now();
        worker.join();
        for (void* block : own)
            std::free(block);

        const QByteArray report =
            QStringLiteral("main thread: %1 voluntary switches, %2 involuntary, %3 minor faults, %4 major; "
                           "%5 blocks handed to the worker, %6 of them after its first free (of %7)")
                .arg(after.voluntarySwitches - before.voluntarySwitches)
                .arg(after.involuntarySwitches - before.involuntarySwitches)
                .arg(after.minorFaults - before.minorFaults)
                .arg(after.majorFaults - before.majorFaults)
                .arg(kBlocks)
                .arg(whileFreeing)
                .arg(kBlocks)
                .toUtf8();
        qInfo("%s", report.constData());
        QVERIFY2(whileFreeing >= kBlocks / 2, report.constData()); // the two threads' traffic overlapped
        QVERIFY2(after.voluntarySwitches == before.voluntarySwitches, report.constData());
    }
};

QTEST_GUILESS_MAIN(TestAppAllocator)
#include "tst_ui_app_allocator.moc"
