#pragma once
// SpectrogramColumns: magnitude spectra (KissFFT) of a buffer's mono mix, one column per hop, computed on
// demand and kept in a least-recently-used cache, for spectrogram views. Pair it with LogFrequencyScale for
// a log-frequency display.
//
// Column c is the Hann-windowed spectrum of frames [c * hop - fftSize / 2, c * hop + fftSize / 2) (zeros
// outside the buffer). Magnitudes are scaled so a full-scale sine reads about 1.0 at its bin.
//
// Ownership: shares the audio (shared_ptr); owns its cache. Threads: every function may be called from any
// thread at once; column() computes outside the lock (two threads may compute the same column; the cache
// keeps one). While the audio is still being written (stems arriving), pass validFrames: it must return the
// writer's published frame count with acquire semantics; columns reaching past it return nullptr and are not
// cached. Units: frames, Hz.

#include "common/AudioBuffer.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace stemcrate::analysis {

class RealFft;

struct SpectrogramOptions
{
    int fftSize = 2048; // even
    int hopFrames = 512;
    size_t cacheColumns = 4096; // about 8 MB at fftSize 2048
};

class SpectrogramColumns
{
public:
    using Column = std::shared_ptr<const std::vector<float>>;

    explicit SpectrogramColumns(std::shared_ptr<const AudioBuffer> audio, SpectrogramOptions options = {},
                                std::function<int64_t()> validFrames = {});
    ~SpectrogramColumns();
    SpectrogramColumns(const SpectrogramColumns&) = delete;
    SpectrogramColumns& operator=(const SpectrogramColumns&) = delete;

    int bins() const { return m_options.fftSize / 2 + 1; }
    int fftSize() const { return m_options.fftSize; }
    int sampleRate() const { return m_audio->sampleRate; }
    int64_t hopFrames() const { return m_options.hopFrames; }
    int64_t columnCount() const;
    double binHz(int bin) const { return static_cast<double>(bin) * m_audio->sampleRate / m_options.fftSize; }

    // bins() magnitudes, or nullptr for an index out of range or audio not yet valid.
    Column column(int64_t index) const;
    size_t cachedColumns() const;

private:
    Column compute(int64_t index) const;

    const std::shared_ptr<const AudioBuffer> m_audio;
    const SpectrogramOptions m_options;
    const std::function<int64_t()> m_validFrames;
    const std::vector<float>& m_window; // shared by every producer of this size, never freed (see the .cpp)
    const float m_scale;

    mutable std::mutex m_mutex;          // guards everything below
    mutable std::list<int64_t> m_recent; // most recent first
    mutable std::unordered_map<int64_t, std::pair<Column, std::list<int64_t>::iterator>> m_cache;
    mutable std::vector<std::unique_ptr<RealFft>> m_idleFfts; // KissFFT plans carry scratch: one per caller
};

} // namespace stemcrate::analysis
