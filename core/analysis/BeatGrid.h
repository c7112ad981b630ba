#pragma once
// BeatGrid: a beat grid at a tempo the musician chose (a typed BPM, x2, /2, tap tempo), laid over the
// detected one so that beats stay where the music has them: the grid is anchored at the detected first
// downbeat (else the first beat, else the start) and runs at exactly the chosen BPM across the whole track,
// 4 beats to the bar. x2 puts a beat between each detected pair; /2 keeps every other one from the downbeat.
//
// Ownership: plain values. Threads: any (pure function). Units: frames at sampleRate, BPM.

#include "analysis/TempoEstimator.h"

#include <cstdint>

namespace stemcrate::analysis {

class BeatGrid
{
public:
    static constexpr double kMinBpm = 20.0;
    static constexpr double kMaxBpm = 400.0;

    // `detected` may be empty (no tempo found): then the grid starts at frame 0. bpm is clamped to
    // [kMinBpm, kMaxBpm]. Confidence 1: the musician's word.
    static TempoResult atTempo(const TempoResult* detected, double bpm, int64_t totalFrames, int sampleRate);
};

} // namespace stemcrate::analysis
