#pragma once
// WaveformSummary: a min/max/RMS pyramid of one buffer, for drawing waveforms at any zoom. Built
// incrementally while the audio becomes valid (stems arrive window by window from the separator); readers
// never lock (Mixxx's waveform model): each level publishes how many of its bins are complete with a
// release store, readers acquire it and read only those bins, which never change again.
//
// Level 0 summarises kBaseFramesPerBin frames per bin, each further level kLevelFactor bins of the one
// below, up to a level of one bin. Storage for all levels is allocated up front, so it never moves.
//
// Ownership: owns its bins. Threads: one writer at a time calls append(); any number of readers call the
// const functions concurrently with it, from any thread (the GUI thread included: they are O(columns)).
// Units: frames of the summarised buffer; values in sample units (full scale = 1).

#include "common/AudioBuffer.h"

#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

namespace stemcrate::analysis {

struct WaveformBin
{
    float min = 0.0f;
    float max = 0.0f;
    float rms = 0.0f;
};

struct WaveformColumn
{
    float min = 0.0f;
    float max = 0.0f;
    float rms = 0.0f;
    bool valid = false; // false: none of the column's audio has been summarised yet
};

class WaveformSummary
{
public:
    static constexpr int kBaseFramesPerBin = 64;
    static constexpr int kLevelFactor = 4;

    WaveformSummary(int channels, int64_t totalFrames);
    WaveformSummary(const WaveformSummary&) = delete;
    WaveformSummary& operator=(const WaveformSummary&) = delete;

    // Writer. Summarises source frames [validFrames(), endFrame); frames must arrive in order and the
    // source must have this summary's channel count and length. Reaching totalFrames() completes every level.
    void append(const AudioBuffer& source, int64_t endFrame);

    // Readers.
    int channels() const { return m_channels; }
    int64_t totalFrames() const { return m_totalFrames; }
    int64_t validFrames() const { return m_validFrames.load(std::memory_order_acquire); }
    int levels() const { return static_cast<int>(m_levels.size()); }
    int64_t framesPerBin(int level) const;
    int64_t binCount(int level) const;
    int64_t validBins(int level) const;
    // index < validBins(level).
    WaveformBin bin(int level, int channel, int64_t index) const;
    // [startFrame, endFrame) cut into `columns` equal spans, each summarised from the coarsest level that
    // still has at least one bin per span (columns narrower than a level-0 bin repeat that bin).
    std::vector<WaveformColumn> columns(int channel, int64_t startFrame, int64_t endFrame, int columns) const;
    // The same over every channel at once (a stereo waveform drawn as one): min of the minima, max of the
    // maxima, RMS over all channels' samples. A column is valid when every channel's is.
    std::vector<WaveformColumn> mixedColumns(int64_t startFrame, int64_t endFrame, int columns) const;

private:
    struct Stat
    {
        float min, max, meanSquare;
    };
    struct Level
    {
        int64_t framesPerBin = 0;
        int64_t bins = 0;
        std::unique_ptr<Stat[]> stats; // channel-major: [channel * bins + bin]
        std::atomic<int64_t> validBins{0};
    };
    struct Accumulator // writer only
    {
        float min = 0.0f, max = 0.0f;
        double sumSquares = 0.0;
        int64_t frames = 0;
        int children = 0;
    };

    void writeBin(size_t level, int channel, const Accumulator& acc);
    void absorb(size_t level, int channel, const Stat& child, int64_t childFrames);
    void flush(size_t level, int channel);

    const int m_channels;
    const int64_t m_totalFrames;
    std::vector<std::unique_ptr<Level>> m_levels;
    std::atomic<int64_t> m_validFrames{0};
    // Writer-thread only.
    std::vector<std::vector<Accumulator>> m_accumulators; // [level][channel]
    std::vector<std::vector<int64_t>> m_written;          // bins written per [level][channel]
};

} // namespace stemcrate::analysis
