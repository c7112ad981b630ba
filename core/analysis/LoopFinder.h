#pragma once
// LoopFinder: ranked candidate loops of 1, 2, 4 and 8 bars in one stem (or the mix), aligned to the
// downbeats of the track's beat grid.
//
// Each bar is described beat by beat: band levels per sixteenth (rhythm and timbre) and chroma per beat
// (notes). A candidate scores on
//   energy      - loud enough, and no silent bar inside (a loop with a gap is no loop);
//   repetition  - the material repeats right before or after it (it loops seamlessly) and recurs elsewhere;
//   distinctness- how unlike the loops already chosen it is (maximal marginal relevance), so the list is not
//                 eight shifted copies of the chorus.
// The reported score is the relevance after the distinctness penalty, in [0, 1]; the list is sorted by it.
//
// Ownership: plain values. Threads: find() is const and reentrant; call it on a worker thread.
// Units: frames of the analysed audio, bars of 4 beats.

#include "common/AudioBuffer.h"

#include <cstdint>
#include <vector>

namespace stemcrate::analysis {

class Chromagram;
class OnsetStrength;
struct TempoResult;

struct LoopCandidate
{
    int64_t startFrame = 0; // a downbeat
    int64_t endFrame = 0;   // the downbeat `bars` bars later (exclusive)
    int bars = 0;
    double score = 0.0;        // ranking, [0, 1]
    double energy = 0.0;       // [0, 1]
    double repetition = 0.0;   // [0, 1]
    double distinctness = 0.0; // [0, 1]: 1 - the largest similarity to a loop ranked above it
};

struct LoopFinderOptions
{
    std::vector<int> barCounts = {1, 2, 4, 8};
    int maxPerLength = 3;
    double minimumEnergy = 0.25; // candidates quieter than this (see LoopCandidate::energy) are skipped
};

class LoopFinder
{
public:
    explicit LoopFinder(LoopFinderOptions options = {}) : m_options(std::move(options)) {}

    std::vector<LoopCandidate> find(const AudioBuffer& audio, const TempoResult& tempo) const;
    // With the stem's spectral passes already computed (TrackAnalyzer shares them).
    std::vector<LoopCandidate> find(const OnsetStrength& envelope, const Chromagram& chroma,
                                    const TempoResult& tempo, int64_t totalFrames) const;

private:
    LoopFinderOptions m_options;
};

} // namespace stemcrate::analysis
