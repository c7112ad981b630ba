#pragma once
// WorkerPool: a fixed set of threads, started once, for work split into independent chunks: the Separator's
// host-side loops (normalising the mix, mapping the stems' memory) and TrackAnalyzer's independent steps
// (onset pass, loudness, chroma). It replaces starting std::threads on every call; the pool's size comes
// from ThreadBudget (common/ThreadBudget.h). libtorch's own pool (at::parallel_for) is not used here:
// core/separation is not compiled with OpenMP, and builds against a PyTorch wheel compile none of the engine
// with it, where at::parallel_for runs serially; core/analysis does not link libtorch at all.
//
// Ownership: the pool owns its threads and joins them on destruction. run() runs work on the calling thread
// too and returns when every chunk is done. One run() at a time gets the helpers: a run() called from
// another thread meanwhile runs all its chunks on its own caller (never waits for the other run), so
// several workers may share one pool. Threads the pool starts inherit the priority of the thread that
// constructs it. Plain C++, no Qt.

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace stemcrate {

class WorkerPool
{
public:
    // `threads` counts the caller: threads - 1 helpers are started (fewer if the system refuses more).
    explicit WorkerPool(int threads);
    ~WorkerPool();
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

    // The threads a run() uses, the caller's included.
    int threads() const { return static_cast<int>(m_helpers.size()) + 1; }

    // work(k) for every k in [0, chunks), each exactly once, spread over the pool's threads and the caller's
    // (all on the caller while another thread's run() holds the helpers). Chunks are claimed in order of k.
    // work must not throw.
    void run(std::int64_t chunks, const std::function<void(std::int64_t)>& work);

private:
    void helperLoop();
    void take(); // claims and runs chunks of the current job until none are left

    std::vector<std::thread> m_helpers;
    std::mutex m_runMutex; // held by the run() that has the helpers
    std::mutex m_mutex;
    std::condition_variable m_wake, m_done;
    // Under m_mutex:
    std::uint64_t m_generation = 0; // bumped per run(): helpers wake for a new one
    int m_busy = 0;                 // helpers still inside the current job
    bool m_stop = false;
    const std::function<void(std::int64_t)>* m_work = nullptr;
    std::int64_t m_chunks = 0;
    std::int64_t m_next = 0; // the next unclaimed chunk
};

} // namespace stemcrate
