#include "common/WorkerPool.h"

#include <system_error>

namespace stemcrate {

WorkerPool::WorkerPool(int threads)
{
    for (int t = 1; t < threads; ++t) {
        try {
            m_helpers.emplace_back([this] { helperLoop(); });
        } catch (const std::system_error&) {
            break; // no more threads to be had: the ones started (and the caller) take every chunk
        }
    }
}

WorkerPool::~WorkerPool()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    for (std::thread& helper : m_helpers)
        helper.join();
}

void WorkerPool::take()
{
    std::unique_lock lock(m_mutex);
    while (m_next < m_chunks) {
        const std::int64_t k = m_next++;
        const std::function<void(std::int64_t)>& work = *m_work;
        lock.unlock();
        work(k);
        lock.lock();
    }
}

void WorkerPool::helperLoop()
{
    std::uint64_t seen = 0;
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [&] { return m_stop || m_generation != seen; });
            if (m_stop)
                return;
            seen = m_generation;
            ++m_busy;
        }
        take();
        {
            const std::lock_guard lock(m_mutex);
            --m_busy;
        }
        m_done.notify_one();
    }
}

void WorkerPool::run(std::int64_t chunks, const std::function<void(std::int64_t)>& work)
{
    if (chunks <= 0)
        return;
    std::unique_lock helpers(m_runMutex, std::defer_lock);
    if (m_helpers.empty() || chunks == 1 || !helpers.try_lock()) {
        for (std::int64_t k = 0; k < chunks; ++k)
            work(k);
        return;
    }
    {
        const std::lock_guard lock(m_mutex);
        m_work = &work;
        m_chunks = chunks;
        m_next = 0;
        ++m_generation;
    }
    m_wake.notify_all();
    take();
    // Every chunk is claimed; wait for helpers still running theirs. A helper that wakes only now finds
    // nothing left and leaves at once.
    std::unique_lock lock(m_mutex);
    m_done.wait(lock, [&] { return m_busy == 0; });
    m_work = nullptr;
    m_chunks = 0;
}

} // namespace stemcrate
