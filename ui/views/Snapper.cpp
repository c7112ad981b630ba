#include "views/Snapper.h"

#include <algorithm>
#include <cstdlib>

namespace stemcrate::ui {

int64_t Snapper::snap(int64_t frame, const AudioBuffer* audio, int64_t validFrames) const
{
    switch (m_mode) {
    case Mode::Off:
        return frame;
    case Mode::ZeroCrossing:
        return audio ? nearestZeroCrossing(*audio, validFrames, frame) : frame;
    case Mode::Beats:
        return nearestOf(m_beats, frame);
    case Mode::Transients:
        return nearestOf(m_transients, frame);
    }
    return frame;
}

int64_t Snapper::nearestZeroCrossing(const AudioBuffer& audio, int64_t validFrames, int64_t frame)
{
    const int64_t limit = std::min(validFrames, audio.frames);
    if (audio.channels <= 0 || limit < 2)
        return frame;
    const float* left = audio.channel(0);
    const float* right = audio.channel(std::min(1, audio.channels - 1));
    auto value = [&](int64_t t) { return left[t] + right[t]; };
    // A crossing "at t" lies between t-1 and t; t is the first frame of the new sign (or an exact zero).
    auto crossesAt = [&](int64_t t) {
        const float a = value(t - 1), b = value(t);
        return b == 0.0f || (a < 0.0f) != (b < 0.0f);
    };
    for (int64_t distance = 0; distance <= kZeroSearchFrames; ++distance) {
        for (int64_t t : {frame - distance, frame + distance}) {
            if (t >= 1 && t < limit && crossesAt(t))
                return t;
        }
    }
    return frame;
}

int64_t Snapper::nearestOf(const std::vector<int64_t>& sorted, int64_t frame)
{
    if (sorted.empty())
        return frame;
    auto it = std::lower_bound(sorted.begin(), sorted.end(), frame);
    if (it == sorted.end())
        return sorted.back();
    if (it == sorted.begin())
        return *it;
    const int64_t after = *it, before = *(it - 1);
    return (frame - before <= after - frame) ? before : after;
}

} // namespace stemcrate::ui
