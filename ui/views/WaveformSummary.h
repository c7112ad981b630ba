#pragma once
// WaveformSummary: a min/max/RMS pyramid of one stereo signal for drawing waveforms at any zoom. Level 0
// holds one bin per kBaseFrames frames; each further level merges kFactor bins of the one below. Both
// channels go into the same bin (min of mins, max of maxes, RMS over both).
//
// It grows with the audio: extend() summarises newly valid frames within a budget, so a long song or a
// cache hit never stalls the caller; call it again while it returns true.
//
// Ownership: owns its bins; reads the audio only during extend(). Threads: one thread (the GUI's lane).
// Qt-free. Units: frames; sample values as in the audio.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace stemcrate::ui {

class WaveformSummary
{
public:
    static constexpr int64_t kBaseFrames = 64;
    static constexpr int kFactor = 4;

    struct Bin
    {
        float min = 0.0f;
        float max = 0.0f;
        float rms = 0.0f;
    };

    // Forgets everything; totalFrames is the full length the audio will reach.
    void reset(int64_t totalFrames);
    // Summarises frames from summarisedFrames() up to validFrames, at most budgetFrames of them. A final
    // partial bin is only summarised once validFrames reaches the total. Returns true if work remains.
    bool extend(const float* left, const float* right, int64_t validFrames, int64_t budgetFrames);
    int64_t summarisedFrames() const { return m_summarised; }
    int64_t totalFrames() const { return m_total; }

    // Summary of frames [first, last) from the coarsest level that still resolves that span; frames not
    // summarised yet are left out. valid is false if none of the span is summarised.
    Bin range(int64_t first, int64_t last, bool* valid = nullptr) const;

    int levelCount() const { return int(m_levels.size()); }
    const std::vector<Bin>& level(int index) const { return m_levels[std::size_t(index)]; }

private:
    void rebuildUpperLevels(std::size_t firstChangedBin);

    int64_t m_total = 0;
    int64_t m_summarised = 0;
    std::vector<std::vector<Bin>> m_levels;
};

} // namespace stemcrate::ui
