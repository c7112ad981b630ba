#pragma once
// SampleFeatures: a compact timbre vector per sample for "find similar" (XO / Sononym style): MFCC-like
// coefficients of the energy-weighted mean mel spectrum and their spread over time, spectral centroid,
// spread, flatness and roll-off, attack and decay times, length and loudness. Every entry is scaled by a
// fixed constant to roughly [-1, 1] (no statistics of the library involved), so distances stay comparable
// as the library changes and a stored vector stays valid.
//
// Swappable: the index stores vectors together with the extractor's id and version; an index made with
// another extractor is re-read. core/mining may supply a better one: pass it in LibraryScanOptions.
//
// Ownership: plain values. Threads: an extractor's compute is reentrant (each call owns its FFT); call it on
// a worker. Units: the audio's own frames and rate (analysed as a mono mix of at most kFeatureSeconds).

#include "common/AudioBuffer.h"

#include <functional>
#include <string>
#include <vector>

namespace stemcrate::library {

struct FeatureExtractor
{
    std::string id; // stored in the index: vectors of another id or version are recomputed
    int version = 0;
    std::function<std::vector<float>(const AudioBuffer& audio)> compute;
};

// Seconds from the start of a sample that the default extractor looks at (a one-shot is shorter; a loop's
// first seconds stand for it).
inline constexpr double kFeatureSeconds = 4.0;

// The default: "stemcrate-timbre", 26 values.
FeatureExtractor defaultFeatureExtractor();
std::vector<float> timbreFeatures(const AudioBuffer& audio);

// Euclidean distance; infinity when the sizes differ or either is empty.
double featureDistance(const std::vector<float>& a, const std::vector<float>& b);

} // namespace stemcrate::library
