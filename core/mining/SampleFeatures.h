#pragma once
// SampleFeatures: a short sound (a one-shot, a slice) described by loudness-independent numbers: how its
// spectrum is spread over bands, how fast it rises and decays, how noisy or tonal it is, plus an
// `embedding` for similarity. The hit classifier, near-duplicate grouping and the library's "find
// similar" all use these; computeSampleFeatures is the one place that measures them.
//
// Embedding: kEmbeddingBands log band energies in each of kEmbeddingSegments time segments after the onset,
// relative to the loudest cell and floored at -60 dB (a noise floor or dither below it does not count), scaled
// to [0, 1], then unit length. Compare two with
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

inline constexpr int kFeaturesVersion = 4; // 4: the embedding's floor -60 dB (was -80)
inline constexpr int kFeatureBands = 10; // edges kFeatureBandEdgesHz
inline constexpr std::array<double, kFeatureBands - 1> kFeatureBandEdgesHz = {
    60.0, 120.0, 250.0, 500.0, 1000.0, 2000.0, 4000.0, 8000.0, 12000.0};
// The attack's spectrum in three overlapping windows of analysis frames (1024 samples, hop 256 at 44.1 kHz):
// frames [0, 2), [2, 6), [6, 14), about 0-35, 12-58 and 35-104 ms after the onset.
inline constexpr int kAttackSegments = 3;
// Band groups whose decay is fitted apart: below 250 Hz, 250 Hz-2 kHz, 2-8 kHz, above 8 kHz.
inline constexpr int kDecayBandGroups = 4;
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
    // Power per band in each attack segment, as a fraction of the first 150 ms' total. Frames that the sound's
    // end (the next hit) cuts are left out and the segment is scaled up from those it has.
    std::array<std::array<double, kFeatureBands>, kAttackSegments> attackBands{};
    // Slope of each band group's level over its first ~80 ms from its own peak, dB/s (<= 0 decays; 0 when
    // too short to fit), so that a hat's ringing top is seen apart from a loud low thump that dies at once.
    std::array<double, kDecayBandGroups> bandDecayDbPerSecond{};
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
