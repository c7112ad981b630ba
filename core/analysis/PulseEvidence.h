#pragma once
// PulseEvidence: what sounds on a candidate beat pulse and half-way between its points, the evidence
// TempoEstimator weighs when it chooses between a tempo and its double or half.
// - offBeatConsistency: how regularly the half-way points carry a hit (a snare on every "and" makes them
//   beats too);
// - halfWayStrength: how strong they are against the points (an even pulse, a kick on every beat, is a
//   pulse of its own);
// - isBackbeat: kick-like and snare-like hits alternating every half period ("snare on 2 and 4"), which
//   makes the beat half the period.
//
// Ownership: plain values; Bands refers to envelopes the caller keeps alive for the call. Threads: pure
// functions, any thread. Units: envelope values (one per hop); periods in values, fractional.

#include <vector>

namespace stemcrate::analysis {

class PulseEvidence
{
public:
    static constexpr double kWindowSeconds = 8.0; // windows for the phase-aligned on/half-way comparison

    // The body band (kick, snare, bass) of an OnsetStrength, for the backbeat test.
    struct Bands
    {
        const std::vector<float>& body;     // novelty, unit RMS: strength
        const std::vector<float>& bodyFlux; // raw: character
        const std::vector<float>& lowFlux;  // raw, the low part of the body band
    };

    // Share in [0, 1] of the half-way points of a pulse of `period` whose strongest value nearby reaches a
    // quarter of the median on the points (1 where the envelope is too short for one window).
    static double offBeatConsistency(const std::vector<float>& envelope, double period, double valuesPerSecond);

    // Median on the half-way points over median on the points (0 where there are none or the points are 0).
    static double halfWayStrength(const std::vector<float>& envelope, double period, double valuesPerSecond);

    // At a period of two beats, whether the points and the middle half between them both carry strong
    // body-band hits in almost every period, one kick-like (mostly low band), the other snare-like.
    static bool isBackbeat(const Bands& bands, double period);
};

} // namespace stemcrate::analysis
