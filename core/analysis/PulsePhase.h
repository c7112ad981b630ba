#pragma once
// Small helpers for reading a pulse off an onset envelope, shared by PulseEvidence (the tempo estimator's
// off-beat and backbeat tests) and BeatSubdivision, which all place a pulse window by window and then
// compare what sounds on and between its points. Header-only, pure, any thread. Units: envelope values
// (one per hop); positions and periods in values, fractional.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

namespace stemcrate::analysis {

// The strongest value within one value of `position` (onset peaks are a few values wide, pulse points
// fractional); 0 where nothing of the envelope is that near. Envelope values are >= 0.
inline float peakNear(const std::vector<float>& x, double position)
{
    const auto centre = static_cast<long>(std::lround(position));
    float v = 0.0f;
    for (long i = std::max(0L, centre - 1); i <= centre + 1 && i < static_cast<long>(x.size()); ++i)
        v = std::max(v, x[static_cast<size_t>(i)]);
    return v;
}

// The median (the upper one of an even count); `values` must not be empty.
inline float medianOf(std::vector<float> values)
{
    const auto middle = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
    std::nth_element(values.begin(), middle, values.end());
    return *middle;
}

// The phase, in envelope values from `start` (0 .. ceil(periodValues) - 1), whose points start + phase,
// + periodValues, ... below `end` collect the largest sum of `valueAt(position)`. The first of equal sums wins.
template <typename ValueAt>
int strongestPulsePhase(int start, int end, double periodValues, const ValueAt& valueAt)
{
    const int phases = std::max(1, static_cast<int>(std::ceil(periodValues)));
    double best = -1.0;
    int bestPhase = 0;
    for (int phase = 0; phase < phases; ++phase) {
        double sum = 0.0;
        for (double t = start + phase; t < end; t += periodValues)
            sum += valueAt(t);
        if (sum > best) {
            best = sum;
            bestPhase = phase;
        }
    }
    return bestPhase;
}

} // namespace stemcrate::analysis
