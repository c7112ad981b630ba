#pragma once
// Snapper: moves a selection edge to the nearest beat, transient or zero crossing. Beats and transients
// come from analysis later (setBeats/setTransients are the hooks); zero crossings are found in the audio.
//
// Ownership: a value type owned by the TimelineView. Threads: GUI thread. Qt-free. Units: frames.

#include "common/AudioBuffer.h"

#include <cstdint>
#include <vector>

namespace stemcrate::ui {

class Snapper
{
public:
    enum class Mode
    {
        Off,
        ZeroCrossing,
        Beats,
        Transients
    };
    // How far a zero crossing is searched for on either side (~12 ms).
    static constexpr int64_t kZeroSearchFrames = 512;

    void setMode(Mode mode) { m_mode = mode; }
    Mode mode() const { return m_mode; }
    // Sorted frame positions, e.g. from core/analysis.
    void setBeats(std::vector<int64_t> beatFrames) { m_beats = std::move(beatFrames); }
    void setTransients(std::vector<int64_t> onsetFrames) { m_transients = std::move(onsetFrames); }

    // The snapped frame; `frame` itself when nothing to snap to is near. audio may be null; validFrames
    // bounds what may be read of it.
    int64_t snap(int64_t frame, const AudioBuffer* audio, int64_t validFrames) const;

    // Nearest sign change of the channel average within kZeroSearchFrames; `frame` if there is none.
    static int64_t nearestZeroCrossing(const AudioBuffer& audio, int64_t validFrames, int64_t frame);

private:
    static int64_t nearestOf(const std::vector<int64_t>& sorted, int64_t frame);

    Mode m_mode = Mode::Off;
    std::vector<int64_t> m_beats;
    std::vector<int64_t> m_transients;
};

} // namespace stemcrate::ui
