#include "analysis/BeatGrid.h"

#include <algorithm>
#include <cmath>

namespace stemcrate::analysis {

TempoResult BeatGrid::atTempo(const TempoResult* detected, double bpm, int64_t totalFrames, int sampleRate)
{
    TempoResult grid;
    grid.bpm = std::clamp(bpm, kMinBpm, kMaxBpm);
    grid.confidence = 1.0;
    grid.beatsPerBar = detected ? detected->beatsPerBar : 4;
    if (sampleRate <= 0 || totalFrames <= 0)
        return grid;
    double anchor = 0.0;
    if (detected && !detected->downbeatFrames.empty())
        anchor = static_cast<double>(detected->downbeatFrames.front());
    else if (detected && !detected->beatFrames.empty())
        anchor = static_cast<double>(detected->beatFrames.front());
    const double period = 60.0 * sampleRate / grid.bpm;
    // The beat index of frame 0 relative to the anchor (negative: beats before the anchor).
    const auto first = static_cast<int64_t>(std::ceil(-anchor / period - 1e-9));
    for (int64_t i = first;; ++i) {
        const auto frame = static_cast<int64_t>(std::llround(anchor + static_cast<double>(i) * period));
        if (frame >= totalFrames)
            break;
        if (frame < 0)
            continue;
        grid.beatFrames.push_back(frame);
        const int64_t barIndex = ((i % grid.beatsPerBar) + grid.beatsPerBar) % grid.beatsPerBar;
        if (barIndex == 0)
            grid.downbeatFrames.push_back(frame);
    }
    return grid;
}

} // namespace stemcrate::analysis
