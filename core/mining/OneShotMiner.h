#pragma once
// OneShotMiner: one-shots from a stem in one call: every hit detected and trimmed (HitExtractor), described
// (SampleFeatures), classified (HitClassifier) and grouped with its near-duplicates (HitGrouper), each group
// represented by its cleanest hit. Rendering the representatives and writing a kit is KitExporter's job.
//
// Ownership: plain values; mine() reads the buffer during the call only. Threads: const and reentrant;
// run on a worker thread (about 10 ms per second of drums on one core). Units: frames of the input.

#include "common/AudioBuffer.h"
#include "common/Result.h"
#include "mining/HitClassifier.h"
#include "mining/HitExtractor.h"
#include "mining/HitGrouper.h"
#include "mining/SampleFeatures.h"

#include <vector>

namespace stemcrate::mining {

struct OneShot
{
    Hit hit;
    HitClassification classification;
    SampleFeatures features;
    int group = -1; // index into OneShotResult::groups
};

struct OneShotResult
{
    std::vector<OneShot> hits; // in time order
    std::vector<HitGroup> groups;
};

struct OneShotOptions
{
    HitExtractorOptions extractor;
    double duplicateSimilarity = kDefaultDuplicateSimilarity;
    // Only the first this many seconds of a hit are described (the features look at 1.2 s at most).
    double featureSeconds = 1.5;
    // Decide closed against open hat again against the stem's other hats (HitClassifier.h); off: the
    // regression over all of the stem's hits alone (what bench_mining compares against).
    bool hatStage = true;
};

class OneShotMiner
{
public:
    explicit OneShotMiner(OneShotOptions options = {}) : m_options(std::move(options)) {}

    Result<OneShotResult> mine(const AudioBuffer& audio) const;

    const OneShotOptions& options() const { return m_options; }

private:
    OneShotOptions m_options;
};

} // namespace stemcrate::mining
