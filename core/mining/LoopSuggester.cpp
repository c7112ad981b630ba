#include "mining/LoopSuggester.h"

#include "analysis/Chromagram.h"
#include "analysis/KeyDetector.h"
#include "analysis/MonoMix.h"
#include "analysis/OnsetStrength.h"
#include "mining/HitExtractor.h"

#include <algorithm>

namespace stemcrate::mining {

Result<bool> LoopSuggester::update(const std::vector<StemSource>& stems, int64_t validFrames, bool complete)
{
    if (stems.empty() || !stems.front().audio)
        return false;
    const int rate = stems.front().audio->sampleRate;
    validFrames = std::clamp<int64_t>(validFrames, 0, stems.front().audio->frames);
    const auto step = static_cast<int64_t>(m_options.minimumNewSeconds * rate);
    if (validFrames <= m_analysedFrames || (!complete && validFrames - m_analysedFrames < step))
        return false;
    const auto cancelled = [&] { return m_options.isCancelled && m_options.isCancelled(); };

    // The beat grid: the musician's, else from the drums when present.
    if (m_options.tempo) {
        m_tempo = m_options.tempo;
    } else {
        const StemSource* beatSource = &stems.front();
        for (const StemSource& stem : stems)
            if (stem.name == "drums" && stem.audio)
                beatSource = &stem;
        const std::vector<float> mono = analysis::monoMix(*beatSource->audio, 0, validFrames);
        Result<analysis::TempoResult> tempo = analysis::TempoEstimator().estimate(
            analysis::OnsetStrength::compute(mono.data(), static_cast<int64_t>(mono.size()), rate));
        if (!tempo) {
            m_analysedFrames = validFrames;
            return false; // too short or no pulse yet: tried again once more audio is final
        }
        m_tempo = std::move(tempo).value();
    }
    std::vector<LoopSuggestion> suggestions;
    const analysis::LoopFinder finder(m_options.loops);
    for (const StemSource& stem : stems) {
        if (cancelled())
            return makeError(kMiningCancelled);
        if (!stem.audio || stem.audio->frames < validFrames)
            continue;
        const std::vector<float> mono = analysis::monoMix(*stem.audio, 0, validFrames);
        const auto count = static_cast<int64_t>(mono.size());
        const analysis::Chromagram chroma = analysis::Chromagram::compute(mono.data(), count, rate);
        const std::vector<analysis::LoopCandidate> loops =
            finder.find(analysis::OnsetStrength::compute(mono.data(), count, rate,
                                                        analysis::OnsetStrength::HarmonyPass::Skip),
                        chroma, *m_tempo, validFrames);
        for (const analysis::LoopCandidate& loop : loops) {
            LoopSuggestion s{stem.name, loop.startFrame, loop.endFrame, loop.bars, loop.score, m_tempo->bpm, {}};
            if (stem.name != "drums" && m_options.key) {
                s.key = *m_options.key;
            } else if (stem.name != "drums") {
                const std::vector<float> bars(mono.begin() + loop.startFrame, mono.begin() + loop.endFrame);
                Result<analysis::KeyResult> key = analysis::KeyDetector().detect(
                    analysis::Chromagram::compute(bars.data(), static_cast<int64_t>(bars.size()), rate));
                if (key && key->confidence >= m_options.minimumKeyConfidence)
                    s.key = key->name;
            }
            suggestions.push_back(std::move(s));
        }
    }
    std::stable_sort(suggestions.begin(), suggestions.end(),
                     [](const LoopSuggestion& a, const LoopSuggestion& b) { return a.score > b.score; });
    m_suggestions = std::move(suggestions);
    m_analysedFrames = validFrames;
    return true;
}

} // namespace stemcrate::mining
