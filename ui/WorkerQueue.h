#pragma once
// WorkerQueue: a fixed set of reniced worker threads fed through a lock-free ring, for jobs that the GUI
// thread starts (spectrogram tiles, waveform summaries, chores). It replaces QThreadPool::start() there.
//
// Why: when every thread of a QThreadPool is busy, start() stores the job in a 2 KiB page (QueuePage) that Qt
// allocates on the calling thread, and the worker that takes the page's last job deletes it: a block of the
// GUI thread's malloc arena freed on a reniced worker, under that arena's lock (and under the pool's mutex,
// which start() takes too). bench_gui_stall --free-census counted 48 such frees in one session; under glibc
// a worker preempted inside one makes the GUI thread wait in its own malloc or free (issue 16, BENCHMARKS.md
// s14-holder; the app's allocator is now mimalloc, whose cross-thread frees take no lock: AppAllocator.h).
// Here the ring's slots are allocated once, by the constructor, and jobs pass through them by atomics
// (Vyukov's bounded queue); start() allocates nothing but what the job itself holds, takes no lock that a
// worker holds and never waits (QSemaphore::release is a futex add on Linux).
//
// What a job's closure holds is still destroyed on the worker after the job ran (the last reference to a
// song's audio must go there); keep what the GUI thread allocated for a job small (fastbin sizes, up to 120
// bytes, are freed without the lock) or hand it back (see SpectrogramRenderer::request).
//
// Ownership: the owner constructs and destroys it on one thread (the GUI thread). The destructor drops the
// queued jobs (destroyed on the calling thread), waits for the running ones and joins the threads.
// Threads: start() and clear() from any thread; waitForDone() and the destructor never from a worker.

#include <QSemaphore>
#include <QString>

#include <atomic>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace stemcrate::ui {

class WorkerQueue
{
public:
    static constexpr size_t kDefaultCapacity = 4096;

    // `threads` workers named `name`, started now at lowered priority (lowerWorkerPriority).
    WorkerQueue(const QString& name, int threads, size_t capacity = kDefaultCapacity);
    ~WorkerQueue();
    WorkerQueue(const WorkerQueue&) = delete;
    WorkerQueue& operator=(const WorkerQueue&) = delete;

    void start(std::function<void()> job);
    // Drops the jobs not started yet (destroyed on the calling thread).
    void clear();
    // Blocks until no job is queued or running (tests, shutdown).
    void waitForDone();
    int threadCount() const { return int(m_threads.size()); }
    // No job queued or running.
    bool idle() const { return m_outstanding.load() == 0; }
    // At most `limit` jobs (1..threadCount()) run at once; the others wait queued. A lowered limit takes
    // effect as running jobs end. Any thread.
    void setActiveLimit(int limit);

private:
    struct Slot
    {
        std::atomic<size_t> sequence{0};
        std::function<void()> job;
    };
    bool push(std::function<void()>& job);
    bool pop(std::function<void()>& job);
    void work();

    std::vector<Slot> m_ring;
    const size_t m_mask;
    alignas(64) std::atomic<size_t> m_head{0}; // next slot to fill
    alignas(64) std::atomic<size_t> m_tail{0}; // next slot to take
    // Jobs past a full ring (none expected: the capacity is far above the jobs the views keep pending);
    // only then does start() take this mutex.
    std::mutex m_spillMutex;
    std::deque<std::function<void()>> m_spill;
    std::atomic<size_t> m_spilled{0};
    QSemaphore m_queued;  // one permit per queued job, and one per thread to stop
    QSemaphore m_running; // one permit per job that may run now (setActiveLimit)
    std::atomic<int> m_limit{0};
    std::atomic<int> m_runningDebt{0};    // permits to withhold as jobs end (the limit was lowered)
    std::atomic<size_t> m_outstanding{0}; // queued or running
    std::atomic<bool> m_stop{false};
    std::vector<std::thread> m_threads;
};

} // namespace stemcrate::ui
