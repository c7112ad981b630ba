#pragma once
// BeatSubdivision: whether a pulse is subdivided, i.e. how often something sounds between its points.
// A beat is rarely the fastest pulse in a piece: eighth notes (straight or swung), sixteenths or triplets
// fall between the beats, and where nothing at all ever does, that pulse is itself the subdivision (the
// hats' eighths of a groove whose kick and snare alternate at half its rate, a 3/4 with eighth-note hats).
// TempoEstimator asks it before taking a faster octave for the beat.
//
// How: per window of the envelope the phase with the most onset energy is the pulse's; an interval between
// two of its points counts when the envelope anywhere in its middle (kFrom..kTo of a period: a straight
// eighth, a swung one, triplets) reaches a quarter of the median on the points.
//
// Ownership: plain values. Threads: pure function, any thread. Units: envelope values (one per hop).

#include <vector>

namespace stemcrate::analysis {

class BeatSubdivision
{
public:
    static constexpr double kFrom = 0.25, kTo = 0.8; // of a period after a point
    static constexpr double kWindowSeconds = 8.0;

    // Share in [0, 1] of the intervals of a pulse of `period` values whose middle carries an onset.
    // envelope: onset novelty (unit RMS), one value per hop.
    static double share(const std::vector<float>& envelope, double period, double valuesPerSecond);
};

} // namespace stemcrate::analysis
