#pragma once
// FeatureExtractor: the vector the library index keeps per sample for "find similar". There is one:
// core/mining's embedding (mining::computeSampleFeatures: log band energies in six time segments after the
// start, unit length), the same that mining's near-duplicate grouping compares. bench_similarity chose it
// over the library's former 26-value timbre vector on Debian's hydrogen-drumkits (565 one-shots, leave one
// out: the nearest is of the same class 92.7 % against 92.4 %, another layer of the same instrument 57.0 %
// against 54.4 %, at 0.4x the cost; BENCHMARKS.md).
//
// Swappable: the index stores vectors together with the extractor's id and version; an index made with
// another extractor (or version) is re-read.
//
// Ownership: plain values. Threads: compute is reentrant (each call owns its FFT); call it on a worker.
// Units: the audio's own frames and rate.

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

// "stemcrate-embedding", mining::kFeaturesVersion: mining::computeSampleFeatures(audio).embedding.
FeatureExtractor defaultFeatureExtractor();

// Euclidean distance; infinity when the sizes differ or either is empty. For unit-length embeddings it
// orders as mining::embeddingSimilarity does (|a - b|^2 = 2 - 2 cos).
double featureDistance(const std::vector<float>& a, const std::vector<float>& b);

} // namespace stemcrate::library
