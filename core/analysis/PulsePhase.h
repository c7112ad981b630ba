#pragma once
// strongestPulsePhase: where a pulse of a given period sits inside one window of an onset envelope.
// Shared by the tempo estimator's off-beat test and BeatSubdivision, which both place a pulse window by
// window before they compare what sounds on and between its points. Header-only, pure, any thread.

#include <algorithm>
#include <cmath>

namespace stemcrate::analysis {

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
