#pragma once
// StemSet: the stems of one song, growing while the separation runs (Mixxx's Waveform pattern).
//
// Ownership: shared (std::shared_ptr) by the separation job that writes it, the views and the mixer.
// Threads: one writer (the worker running Separator::separate, or the cache loader) fills stems() and then
// calls publish(); readers on any thread (GUI, audio) call validFrames() first and may read stems() and
// frames [0, validFrames()) only when it is > 0: the acquire/release pair makes the buffer layout and those
// samples visible. Qt-free. Units: frames at kEngineSampleRate.

#include "separation/Separator.h"

#include <atomic>
#include <cstdint>

namespace stemcrate::ui {

class StemSet
{
public:
    explicit StemSet(int64_t frames) : m_frames(frames) {}
    StemSet(const StemSet&) = delete;
    StemSet& operator=(const StemSet&) = delete;

    // Length of the song (and of every stem once allocated).
    int64_t frames() const { return m_frames; }

    // Writer only: the buffers Separator::separate fills (it allocates them before its first publish).
    separation::Stems& writableStems() { return m_stems; }

    // Writer only: frames [0, validFrames) are final. Never decreases.
    void publish(int64_t validFrames) { m_validFrames.store(validFrames, std::memory_order_release); }

    // Any thread. 0 until the first publish().
    int64_t validFrames() const { return m_validFrames.load(std::memory_order_acquire); }
    bool complete() const { return validFrames() >= m_frames; }

    // Readers: only after validFrames() returned > 0.
    const separation::Stems& stems() const { return m_stems; }
    int count() const { return static_cast<int>(m_stems.audio.size()); }

private:
    const int64_t m_frames;
    separation::Stems m_stems;
    std::atomic<int64_t> m_validFrames{0};
};

} // namespace stemcrate::ui
