#include "mining/OneShotMiner.h"

#include "analysis/MonoMix.h"

#include <algorithm>

namespace stemcrate::mining {

Result<OneShotResult> OneShotMiner::mine(const AudioBuffer& audio) const
{
    const HitExtractor extractor(m_options.extractor);
    Result<std::vector<Hit>> hits = extractor.detect(audio);
    if (!hits)
        return makeError(hits.error());
    OneShotResult result;
    const auto featureFrames = static_cast<int64_t>(m_options.featureSeconds * audio.sampleRate);
    for (const Hit& hit : hits.value()) {
        if (m_options.extractor.isCancelled && m_options.extractor.isCancelled())
            return makeError(kMiningCancelled);
        OneShot shot;
        shot.hit = hit;
        // Described from the attack on, without the faded pre-roll.
        const int64_t to = std::min(hit.endFrame, hit.attackFrame + featureFrames);
        const std::vector<float> mono = analysis::monoMix(audio, hit.attackFrame, to);
        const std::vector<float> before =
            hit.attackFrame >= kFeatureContextFrames
                ? analysis::monoMix(audio, hit.attackFrame - kFeatureContextFrames, hit.attackFrame)
                : std::vector<float>{};
        shot.features = computeSampleFeatures(mono.data(), static_cast<int64_t>(mono.size()), audio.sampleRate,
                                              before.empty() ? nullptr : before.data());
        result.hits.push_back(std::move(shot));
    }
    // Classified together: the model reads each hit also relative to the rest of its stem.
    std::vector<const SampleFeatures*> stem;
    stem.reserve(result.hits.size());
    for (const OneShot& shot : result.hits)
        stem.push_back(&shot.features);
    const std::vector<HitClassification> classes = classifyHits(stem, m_options.hatStage);
    for (size_t i = 0; i < result.hits.size(); ++i)
        result.hits[i].classification = classes[i];
    std::vector<GroupingInput> inputs;
    inputs.reserve(result.hits.size());
    for (const OneShot& shot : result.hits)
        inputs.push_back({shot.classification.hitClass, &shot.features, shot.hit.cleanliness});
    std::vector<int> groupOf;
    result.groups = groupNearDuplicates(inputs, groupOf, m_options.duplicateSimilarity);
    for (size_t i = 0; i < result.hits.size(); ++i)
        result.hits[i].group = groupOf[i];
    return result;
}

} // namespace stemcrate::mining
