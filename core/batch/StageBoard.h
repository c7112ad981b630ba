#pragma once
// StageBoard: the queues between SongPipeline's stages and the stage workers' choice of work, under one lock.
// One set of workers serves both sides of the separation: the decode side (decode + prepare: songs in, mixes
// out) and the write side (landing + write: stem sets in). A worker asking for work gets, in this order:
//   1. a stem set waiting to be written (writing it frees memory and lets the separation go on);
//   2. the next song to decode, while the mixes decoded or being decoded and not yet taken by the
//      separation number fewer than `mixesAhead` (so a decode never waits for room once it is done);
//   3. otherwise it waits, or is told there is nothing left for it.
// So the workers move to whichever side is slow, and memory stays bounded: at most `mixesAhead` mixes ahead
// of the separation and `queued` stem sets behind it, besides the one each worker and the separation hold.
//
// A fixed split (the code before, kept to measure against): the first `fixedDecodeWorkers` workers only
// decode and the others only write; 0 = every worker does both.
//
// Internal to core/batch (SongPipeline.cpp). Ownership: owns the queued mixes and stem sets. Threads: workers
// call next()/mixDone()/writeDone(), the separating thread takeMix()/putStems()/separationFinished(); any
// thread the rest. `cancelled` is called under the board's lock: it must not call back into the board.
// Units: songs, seconds.

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <utility>

namespace stemcrate::batch {

template <class Mix, class StemSet> class StageBoard
{
public:
    struct Work
    {
        bool write = false;      // else: decode song `song`
        std::size_t song = 0;    // the song to decode
        std::optional<StemSet> stems; // the stem set to write
    };

    StageBoard(std::size_t songs, std::size_t queued, std::size_t mixesAhead, int fixedDecodeWorkers)
        : m_songs(songs), m_queued(std::max<std::size_t>(1, queued)),
          m_mixesAhead(std::max<std::size_t>(1, mixesAhead)), m_fixedDecodeWorkers(std::max(0, fixedDecodeWorkers))
    {
    }

    // Worker `worker`'s next work; waits while there is none yet; nothing once none is left for it.
    std::optional<Work> next(int worker, const std::function<bool()>& cancelled)
    {
        std::unique_lock lock(m_mutex);
        while (true) {
            const bool fixed = m_fixedDecodeWorkers > 0;
            const bool mayWrite = !fixed || worker >= m_fixedDecodeWorkers;
            const bool mayDecode = !fixed || worker < m_fixedDecodeWorkers;
            if (mayWrite && !m_stems.empty()) {
                Work work;
                work.write = true;
                work.stems = std::move(m_stems.front());
                m_stems.pop_front();
                m_roomForStems.notify_one();
                m_writingPeak = std::max(m_writingPeak, ++m_writing);
                return work;
            }
            if (mayDecode && !m_decodeStopped && m_nextSong < m_songs && cancelled && cancelled())
                stopDecodingLocked();
            const bool songsLeft = !m_decodeStopped && m_nextSong < m_songs;
            if (mayDecode && songsLeft && static_cast<std::size_t>(m_decoding) + m_mixes.size() < m_mixesAhead) {
                Work work;
                work.song = m_nextSong++;
                m_decodingPeak = std::max(m_decodingPeak, ++m_decoding);
                return work;
            }
            const bool writesLeft = !m_separationFinished || !m_stems.empty();
            if ((!mayDecode || !songsLeft) && (!mayWrite || !writesLeft))
                return std::nullopt;
            m_changed.wait(lock);
        }
    }

    // The end of decode work: its mix for the separation, or nothing when the song failed (its room is free).
    void mixDone(std::optional<Mix> mix)
    {
        {
            std::lock_guard lock(m_mutex);
            --m_decoding;
            if (mix)
                m_mixes.push_back(std::move(*mix));
        }
        m_changed.notify_all();
    }

    void writeDone()
    {
        {
            std::lock_guard lock(m_mutex);
            --m_writing;
        }
        m_changed.notify_all();
    }

    // The separating thread: the next mix, waiting for one; nothing once no more will come.
    std::optional<Mix> takeMix(double* waitedSeconds)
    {
        std::unique_lock lock(m_mutex);
        const auto started = std::chrono::steady_clock::now();
        m_changed.wait(lock, [&] { return !m_mixes.empty() || mixesOver(); });
        *waitedSeconds = secondsSince(started);
        if (m_mixes.empty())
            return std::nullopt;
        Mix mix = std::move(m_mixes.front());
        m_mixes.pop_front();
        lock.unlock();
        m_changed.notify_all(); // room for one more decode
        return mix;
    }

    // The separating thread: hands a stem set to the writers, waiting while `queued` are waiting already.
    void putStems(StemSet stems, double* waitedSeconds)
    {
        std::unique_lock lock(m_mutex);
        const auto started = std::chrono::steady_clock::now();
        m_roomForStems.wait(lock, [&] { return m_stems.size() < m_queued; });
        *waitedSeconds = secondsSince(started);
        m_stems.push_back(std::move(stems));
        lock.unlock();
        m_changed.notify_all();
    }

    // The separating thread is done: the workers finish the stem sets waiting, then stop.
    void separationFinished()
    {
        {
            std::lock_guard lock(m_mutex);
            m_separationFinished = true;
        }
        m_changed.notify_all();
    }

    // No more songs start decoding (cancel, or no worker could be started). Returns the first song never
    // handed out; songs from there on were not started.
    std::size_t stopDecoding()
    {
        std::size_t first = 0;
        {
            std::lock_guard lock(m_mutex);
            stopDecodingLocked();
            first = m_nextSong;
        }
        m_changed.notify_all();
        return first;
    }

    // Every worker does both sides from now on (a fixed split whose threads could not all be started).
    void dropFixedSplit()
    {
        {
            std::lock_guard lock(m_mutex);
            m_fixedDecodeWorkers = 0;
        }
        m_changed.notify_all();
    }

    int decodingPeak() const
    {
        std::lock_guard lock(m_mutex);
        return m_decodingPeak;
    }
    int writingPeak() const
    {
        std::lock_guard lock(m_mutex);
        return m_writingPeak;
    }

private:
    static double secondsSince(std::chrono::steady_clock::time_point since)
    {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
    }
    void stopDecodingLocked()
    {
        m_decodeStopped = true;
        m_songs = std::min(m_songs, m_nextSong);
        m_changed.notify_all(); // the separating thread may be waiting for a mix that will not come
    }
    bool mixesOver() const { return (m_decodeStopped || m_nextSong >= m_songs) && m_decoding == 0; }

    mutable std::mutex m_mutex;
    std::condition_variable m_changed;      // anything a worker or the separating thread waits for
    std::condition_variable m_roomForStems; // the separating thread, waiting to hand over stems

    // Under m_mutex.
    std::size_t m_songs;
    const std::size_t m_queued;
    const std::size_t m_mixesAhead;
    int m_fixedDecodeWorkers;
    std::size_t m_nextSong = 0;
    bool m_decodeStopped = false;
    bool m_separationFinished = false;
    std::deque<Mix> m_mixes;
    std::deque<StemSet> m_stems;
    int m_decoding = 0, m_writing = 0;
    int m_decodingPeak = 0, m_writingPeak = 0;
};

} // namespace stemcrate::batch
