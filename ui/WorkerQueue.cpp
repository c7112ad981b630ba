#include "WorkerQueue.h"

#include "songs/WorkerPriority.h"

#include <bit>
#include <chrono>

#ifdef __linux__
#include <pthread.h>
#endif

namespace stemcrate::ui {

WorkerQueue::WorkerQueue(const QString& name, int threads, size_t capacity)
    : m_ring(std::bit_ceil(std::max<size_t>(capacity, 2))), m_mask(m_ring.size() - 1)
{
    for (size_t i = 0; i < m_ring.size(); ++i)
        m_ring[i].sequence.store(i, std::memory_order_relaxed);
    const QByteArray threadName = name.toUtf8().left(15); // Linux's limit
    m_limit = std::max(1, threads);
    m_running.release(m_limit);
    for (int i = 0; i < m_limit; ++i)
        m_threads.emplace_back([this, threadName] {
#ifdef __linux__
            pthread_setname_np(pthread_self(), threadName.constData());
#endif
            work();
        });
}

WorkerQueue::~WorkerQueue()
{
    clear();
    waitForDone();
    m_stop = true;
    m_queued.release(int(m_threads.size()));
    for (std::thread& thread : m_threads)
        thread.join();
}

void WorkerQueue::start(std::function<void()> job)
{
    if (!job)
        return;
    ++m_outstanding;
    if (!push(job)) {
        std::lock_guard lock(m_spillMutex);
        m_spill.push_back(std::move(job));
        ++m_spilled;
    }
    m_queued.release();
}

void WorkerQueue::setActiveLimit(int limit)
{
    limit = std::clamp(limit, 1, threadCount());
    int change = limit - m_limit.exchange(limit);
    for (int debt = m_runningDebt.load(); change > 0 && debt > 0;) // withheld permits not needed any more
        if (m_runningDebt.compare_exchange_weak(debt, debt - 1))
            --change;
    if (change > 0)
        m_running.release(change);
    for (; change < 0; ++change)
        if (!m_running.tryAcquire())
            ++m_runningDebt; // a running job's permit: withheld when it ends
}

void WorkerQueue::clear()
{
    std::function<void()> job;
    const auto drop = [this](std::function<void()>& job) {
        job = nullptr;
        --m_outstanding;
        m_queued.tryAcquire(); // if a worker took this permit first, it finds nothing and waits again
    };
    while (pop(job))
        drop(job);
    std::lock_guard lock(m_spillMutex);
    for (; !m_spill.empty(); m_spill.pop_front()) {
        --m_spilled;
        drop(m_spill.front());
    }
}

void WorkerQueue::waitForDone()
{
    while (m_outstanding.load() > 0)
        std::this_thread::sleep_for(std::chrono::microseconds(200));
}

bool WorkerQueue::push(std::function<void()>& job)
{
    size_t position = m_head.load(std::memory_order_relaxed);
    for (;;) {
        Slot& slot = m_ring[position & m_mask];
        const auto difference = intptr_t(slot.sequence.load(std::memory_order_acquire)) - intptr_t(position);
        if (difference == 0) {
            if (m_head.compare_exchange_weak(position, position + 1, std::memory_order_relaxed)) {
                slot.job = std::move(job);
                slot.sequence.store(position + 1, std::memory_order_release);
                return true;
            }
        } else if (difference < 0) {
            return false; // full
        } else {
            position = m_head.load(std::memory_order_relaxed);
        }
    }
}

bool WorkerQueue::pop(std::function<void()>& job)
{
    size_t position = m_tail.load(std::memory_order_relaxed);
    for (;;) {
        Slot& slot = m_ring[position & m_mask];
        const auto difference =
            intptr_t(slot.sequence.load(std::memory_order_acquire)) - intptr_t(position + 1);
        if (difference == 0) {
            if (m_tail.compare_exchange_weak(position, position + 1, std::memory_order_relaxed)) {
                job = std::move(slot.job);
                slot.job = nullptr;
                slot.sequence.store(position + m_mask + 1, std::memory_order_release);
                return true;
            }
        } else if (difference < 0) {
            return false; // empty
        } else {
            position = m_tail.load(std::memory_order_relaxed);
        }
    }
}

void WorkerQueue::work()
{
    lowerWorkerPriority(); // once: the thread is this queue's for its whole life
    for (;;) {
        m_queued.acquire();
        if (m_stop.load())
            return;
        std::function<void()> job;
        if (!pop(job) && m_spilled.load() > 0) {
            std::lock_guard lock(m_spillMutex);
            if (!m_spill.empty()) {
                job = std::move(m_spill.front());
                m_spill.pop_front();
                --m_spilled;
            }
        }
        if (!job)
            continue; // cleared meanwhile
        m_running.acquire();
        job();
        job = nullptr; // what the closure holds goes before the job counts as done
        bool withheld = false;
        for (int debt = m_runningDebt.load(); debt > 0 && !withheld;)
            withheld = m_runningDebt.compare_exchange_weak(debt, debt - 1);
        if (!withheld)
            m_running.release();
        --m_outstanding;
    }
}

} // namespace stemcrate::ui
