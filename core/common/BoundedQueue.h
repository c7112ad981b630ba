#pragma once
// BoundedQueue: a first-in first-out queue of at most `capacity` items between threads. push() waits while
// the queue is full, pop() while it is empty; close() wakes everyone: pushes then fail and pops drain what is
// left. The bound is what keeps a pipeline's memory bounded (decoded songs waiting for the GPU, separated
// songs waiting for the writers).
//
// Ownership: owns the queued items. Threads: any number of producers and consumers. Units: items. The
// seconds that push() and pop() spent waiting are returned, so a pipeline can tell which stage limits it.

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <utility>

namespace stemcrate {

template <class T> class BoundedQueue
{
public:
    explicit BoundedQueue(std::size_t capacity) : m_capacity(std::max<std::size_t>(1, capacity)) {}

    // Waits for room; returns false (and drops `item`) once the queue is closed. `waitedSeconds`, when
    // given, receives how long this call waited for room.
    bool push(T item, double* waitedSeconds = nullptr)
    {
        std::unique_lock lock(m_mutex);
        const auto started = std::chrono::steady_clock::now();
        m_notFull.wait(lock, [&] { return m_closed || m_items.size() < m_capacity; });
        if (waitedSeconds)
            *waitedSeconds = secondsSince(started);
        if (m_closed)
            return false;
        m_items.push_back(std::move(item));
        m_notEmpty.notify_one();
        return true;
    }

    // Waits for an item; returns nothing once the queue is closed and empty.
    std::optional<T> pop(double* waitedSeconds = nullptr)
    {
        std::unique_lock lock(m_mutex);
        const auto started = std::chrono::steady_clock::now();
        m_notEmpty.wait(lock, [&] { return m_closed || !m_items.empty(); });
        if (waitedSeconds)
            *waitedSeconds = secondsSince(started);
        if (m_items.empty())
            return std::nullopt;
        T item = std::move(m_items.front());
        m_items.pop_front();
        m_notFull.notify_one();
        return item;
    }

    // An item if one is there now, without waiting.
    std::optional<T> tryPop()
    {
        std::lock_guard lock(m_mutex);
        if (m_items.empty())
            return std::nullopt;
        T item = std::move(m_items.front());
        m_items.pop_front();
        m_notFull.notify_one();
        return item;
    }

    void close()
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        m_notEmpty.notify_all();
        m_notFull.notify_all();
    }

    std::size_t capacity() const { return m_capacity; }

private:
    static double secondsSince(std::chrono::steady_clock::time_point since)
    {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
    }

    const std::size_t m_capacity;
    std::mutex m_mutex;
    std::condition_variable m_notEmpty;
    std::condition_variable m_notFull;
    std::deque<T> m_items;
    bool m_closed = false;
};

} // namespace stemcrate
