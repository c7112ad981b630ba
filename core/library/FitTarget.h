#pragma once
// FitTarget: what the musician asks a sample to fit (the project's tempo and key, or a shift in semitones),
// resolved against what the sample is (its own BPM and key) into Rubber Band ratios, and the tempo and key
// the fitted sample then has (for its tags and file name).
//
// Ownership: plain values. Threads: any. Units: BPM, semitones.

#include "common/Result.h"
#include "library/SampleFitter.h"

#include <string>

namespace stemcrate::library {

struct FitTarget
{
    double targetBpm = 0;  // stretch from the sample's tempo to this; 0 = keep the tempo
    std::string targetKey; // shift by the nearest transposition (+-6) into this key; empty = see semitones
    double semitones = 0;  // an explicit shift, used when targetKey is empty
    bool preserveFormants = false;

    bool active() const { return targetBpm > 0 || !targetKey.empty() || semitones != 0; }
};

struct ResolvedFit
{
    FitRatios ratios;
    double semitones = 0;
    double bpm = 0;  // the fitted sample's tempo (0 = unknown)
    std::string key; // the fitted sample's key, e.g. "C minor" (empty = unknown)
};

// Errors name what is missing: "the sample's tempo is unknown (give its BPM)", a key that does not parse.
Result<ResolvedFit> resolveFit(const FitTarget& target, double sourceBpm, const std::string& sourceKey);

} // namespace stemcrate::library
