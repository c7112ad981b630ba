#pragma once
// Spectral peaks on a semitone grid: the pieces the chromagram and the harmonic-change profile share.
// Header-only, pure, any thread. Units: bins of the spectrum, MIDI note numbers (A4 = 440 Hz = 69).

#include <cmath>

namespace stemcrate::analysis {

inline double midiOf(double hz)
{
    return 69.0 + 12.0 * std::log2(hz / 440.0);
}

// The position, in bins, of the local maximum at bin k whose magnitude is b, between neighbours a and c:
// a parabola through the three bins. The caller checks that b is a peak (b > a and b > c).
inline double parabolicPeakBin(int k, float a, float b, float c)
{
    return k + 0.5 * (a - c) / (a - 2.0 * b + c);
}

} // namespace stemcrate::analysis
