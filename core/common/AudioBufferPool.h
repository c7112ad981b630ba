#pragma once
// AudioBufferPool: audio buffers handed back for reuse, so that a stream of songs (core/batch's SongPipeline:
// a decode worker takes one for the mix, the worker that prepared the song gives it back) stops allocating
// after its first songs. A 180 s mix is 64 MB: allocated fresh, its 15 500 pages are faulted in one by one
// while the decoder writes them and handed back to the kernel when it is freed, on 15 threads at once.
//
// Holds at most `capacity` buffers; a buffer given back beyond that is freed. Ownership: take() hands the
// buffer over, give() takes it back. Threads: any, concurrently. Units: frames.

#include "common/AudioBuffer.h"

#include <cstddef>
#include <mutex>
#include <utility>
#include <vector>

namespace stemcrate {

class AudioBufferPool
{
public:
    explicit AudioBufferPool(std::size_t capacity) : m_capacity(capacity) {}
    AudioBufferPool(const AudioBufferPool&) = delete;
    AudioBufferPool& operator=(const AudioBufferPool&) = delete;

    // The pooled buffer with the most room, as it was given back (its size and samples those of its last
    // use: resizing it within its capacity touches no new page, shrinking it costs nothing), or an empty one.
    AudioBuffer take()
    {
        std::lock_guard lock(m_mutex);
        if (m_free.empty())
            return AudioBuffer();
        auto largest = m_free.begin();
        for (auto it = m_free.begin(); it != m_free.end(); ++it)
            if (it->samples.capacity() > largest->samples.capacity())
                largest = it;
        AudioBuffer buffer = std::move(*largest);
        m_free.erase(largest);
        ++m_reused;
        return buffer;
    }

    void give(AudioBuffer&& buffer)
    {
        AudioBuffer dropped; // freed outside the lock
        std::lock_guard lock(m_mutex);
        if (buffer.samples.capacity() == 0)
            return;
        if (m_free.size() < m_capacity)
            m_free.push_back(std::move(buffer));
        else
            dropped = std::move(buffer);
    }

    // How many take() calls were served from the pool.
    std::size_t reused() const
    {
        std::lock_guard lock(m_mutex);
        return m_reused;
    }

private:
    const std::size_t m_capacity;
    mutable std::mutex m_mutex;
    std::vector<AudioBuffer> m_free;
    std::size_t m_reused = 0;
};

} // namespace stemcrate
