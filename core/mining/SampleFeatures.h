#pragma once
// SampleFeatures: a short sound (a one-shot, a slice) described by loudness-independent numbers: how its
// spectrum is spread over bands, how fast it rises and decays, how noisy or tonal it is, plus an
// `embedding` for similarity. The hit classifier, near-duplicate grouping and the library's "find
// similar" all use these; computeSampleFeatures is the one place that measures them.
//
// Embedding: kEmbeddingBands log band energies in each of kEmbeddingSegments time segments after the onset,
// relative to the loudest cell and floored at -80 dB, scaled to [0, 1], then unit length. Compare two with
// embeddingSimilarity (cosine, [0, 1]). kFeaturesVersion changes whenever the numbers would; an on-disk
// index stores it and recomputes when it differs.
//
// Ownership: plain value. Threads: computeSampleFeatures is reentrant (own FFT plan per call).
// Units: seconds, Hz; fractions in [0, 1]. Input: mono samples starting at the sound's onset.

#include "common/AudioBuffer.h"

#include <array>
#include <cstdint>
#include <vector>

namespace stemcrate::mining {

inline constexpr int kFeaturesVersion = 2;
inline constexpr int kFeatureBands = 10; // edges kFeatureBandEdgesHz
inline constexpr std::array<double, kFeatureBands - 1> kFeatureBandEdgesHz = {
    60.0, 120.0, 250.0, 500.0, 1000.0, 2000.0, 4000.0, 8000.0, 12000.0};
inline constexpr int kEmbeddingBands = kFeatureBands;
inline constexpr int kEmbeddingSegments = 6; // 0-10, 10-30, 30-80, 80-200, 200-500, 500-1200 ms
inline constexpr int kEmbeddingSize = kEmbeddingBands * kEmbeddingSegments;

struct SampleFeatures
{
    double durationSeconds = 0;
    double peak = 0;             // largest |sample|
    double attackSeconds = 0;    // onset to the loudest analysis frame
    double decay20Seconds = 0;   // loudest frame to 20 dB below it (the length if it never gets there)
    double decay40Seconds = 0;   // ... to 40 dB below
    bool decayComplete = false;  // the sound fell 40 dB before its end
    // The decay's shape relative to the sound's own peak level (what rang on from before subtracted), dB:
    // the level 30 ms and 80 ms after the loudest frame, and the slope fitted over its first 100 ms. Where the
    // sound ends sooner (cut by the next hit) the levels are extrapolated along the slope.
    double levelDbAt30ms = 0;
    double levelDbAt80ms = 0;
    double decaySlopeDbPerSecond = 0; // <= 0 for a decaying sound
    double centroidHz = 0;       // spectral centroid of the first 150 ms (power-weighted)
    double rolloffHz = 0;        // below it lies 85 % of the first 150 ms' power
    double attackCentroidHz = 0; // of the first 25 ms
    double flatness = 0;         // spectral flatness of the first 150 ms: 0 tonal ... 1 white noise
    double tonality = 0;         // share of the body's energy in its strongest partial (+-1 bin), [0, 1]
    double pitchHz = 0;          // that partial's frequency
    double zeroCrossingRate = 0; // crossings per sample over the first 150 ms
    std::array<double, kFeatureBands> bands{}; // power fractions over the first 150 ms (sum 1)
    std::array<double, kFeatureBands> tailBands{}; // the same over 150-600 ms (zeros when shorter)
    std::vector<float> embedding; // kEmbeddingSize values, unit length (all zero for silence)
};

// mono: `frames` samples at sampleRate, starting at the onset. `before` (optional): the kFeatureContextFrames
// samples that precede the onset in its source, e.g. the previous hit's tail; its spectrum is subtracted from
// the sound's spectra, so that what rings on from before does not count as this sound's.
inline constexpr int kFeatureContextFrames = 1024;
SampleFeatures computeSampleFeatures(const float* mono, int64_t frames, int sampleRate,
                                     const float* before = nullptr);
// The mean of the channels.
SampleFeatures computeSampleFeatures(const AudioBuffer& audio);

// Cosine similarity of two embeddings, [0, 1] (1 = the same shape of spectrum over time).
double embeddingSimilarity(const std::vector<float>& a, const std::vector<float>& b);

} // namespace stemcrate::mining
