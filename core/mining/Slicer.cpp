#include "mining/Slicer.h"

#include "analysis/MonoMix.h"
#include "analysis/OnsetDetector.h"
#include "analysis/OnsetStrength.h"
#include "analysis/TempoEstimator.h"
#include "library/RegionProcessing.h"
#include "mining/HitExtractor.h"

#include <algorithm>
#include <cmath>

namespace stemcrate::mining {

namespace {

// The last zero crossing at or before `frame` (mono[c - 1] and mono[c] on either side of zero, or
// mono[c] == 0), looking back at most `window` frames; `frame` when there is none.
int64_t zeroCrossingBefore(const std::vector<float>& mono, int64_t offset, int64_t frame, int64_t window)
{
    for (int64_t c = frame; c > frame - window && c - offset >= 1; --c) {
        const auto i = static_cast<size_t>(c - offset);
        if (i >= mono.size())
            continue;
        if (mono[i] == 0.0f || (mono[i - 1] < 0.0f) != (mono[i] < 0.0f))
            return c;
    }
    return frame;
}

} // namespace

Result<std::vector<Slice>> Slicer::plan(const AudioBuffer& source, int64_t startFrame, int64_t endFrame) const
{
    if (startFrame < 0 || endFrame > source.frames || endFrame <= startFrame)
        return makeError("the region " + std::to_string(startFrame) + "-" + std::to_string(endFrame) +
                         " is not inside the audio (" + std::to_string(source.frames) + " frames)");
    const int rate = source.sampleRate;
    const int64_t window = library::msToFrames(m_options.zeroCrossingWindowMs, rate);
    const std::vector<const AudioBuffer*> stems = {&source};
    std::vector<int64_t> cuts; // inner boundaries
    switch (m_options.mode) {
    case SliceMode::Equal: {
        if (m_options.count < 1)
            return makeError("the number of slices must be at least 1");
        const int64_t length = endFrame - startFrame;
        for (int i = 1; i < m_options.count; ++i) {
            const int64_t exact = startFrame + length * i / m_options.count;
            cuts.push_back(library::nearestZeroCrossing(stems, {}, exact, window, library::ZeroCrossingSnap::Any));
        }
        break;
    }
    case SliceMode::Beats: {
        std::vector<int64_t> beats = m_options.beatFrames;
        if (beats.empty()) {
            Result<analysis::TempoResult> tempo = analysis::TempoEstimator().estimate(source);
            if (!tempo)
                return makeError("no beat grid: " + tempo.error());
            beats = tempo->beatFrames;
        }
        for (int64_t beat : beats)
            if (beat > startFrame && beat < endFrame)
                cuts.push_back(library::nearestZeroCrossing(stems, {}, beat, window, library::ZeroCrossingSnap::Any));
        break;
    }
    case SliceMode::Transients: {
        // Analysed with 50 ms of context before the region, so an attack right at its start is seen whole.
        const int64_t from = std::max<int64_t>(0, startFrame - library::msToFrames(50.0, rate));
        const std::vector<float> mono = analysis::monoMix(source, from, endFrame);
        const auto count = static_cast<int64_t>(mono.size());
        analysis::OnsetOptions onsetOptions;
        onsetOptions.sensitivity = m_options.sensitivity;
        const std::vector<analysis::Onset> onsets = analysis::OnsetDetector(onsetOptions).detect(
            analysis::OnsetStrength::compute(mono.data(), count, rate, analysis::OnsetStrength::HarmonyPass::Skip));
        for (const analysis::Onset& onset : onsets) {
            const int64_t attack = from + findAttackStart(mono.data(), count, onset.frame, rate);
            cuts.push_back(zeroCrossingBefore(mono, from, attack, window));
        }
        break;
    }
    }
    // Keep boundaries inside the region, increasing and at least minimumSliceMs apart.
    const int64_t minimum = std::max<int64_t>(1, library::msToFrames(m_options.minimumSliceMs, rate));
    std::sort(cuts.begin(), cuts.end());
    std::vector<Slice> slices;
    int64_t previous = startFrame;
    for (int64_t cut : cuts) {
        if (cut - previous < minimum || endFrame - cut < minimum)
            continue;
        slices.push_back({previous, cut});
        previous = cut;
    }
    slices.push_back({previous, endFrame});
    return slices;
}

AudioBuffer Slicer::render(const AudioBuffer& source, const Slice& slice) const
{
    const int64_t from = std::clamp<int64_t>(slice.startFrame, 0, source.frames);
    const int64_t to = std::clamp<int64_t>(slice.endFrame, from, source.frames);
    AudioBuffer out(source.channels, to - from, source.sampleRate);
    for (int c = 0; c < source.channels; ++c)
        std::copy(source.channel(c) + from, source.channel(c) + to, out.channel(c));
    const int64_t quarter = std::max<int64_t>(1, out.frames / 4);
    library::applyFades(out, std::clamp<int64_t>(library::msToFrames(m_options.fadeInMs, source.sampleRate), 1, quarter),
                        std::clamp<int64_t>(library::msToFrames(m_options.fadeOutMs, source.sampleRate), 1, quarter),
                        library::FadeCurve::Linear);
    return out;
}

} // namespace stemcrate::mining
