#include "analysis/OnsetDetector.h"

#include "analysis/AubioHandles.h"
#include "analysis/MonoMix.h"
#include "analysis/OnsetStrength.h"

#include <algorithm>
#include <cmath>

namespace stemcrate::analysis {

namespace {
// aubio's peak picker reports a peak this many envelope values after it (its median window's look-ahead
// plus the three-point peak test).
constexpr int kPickerDelay = 3;

// The envelope value most onsets reach: a high percentile, robust to a few huge hits.
float referenceLevel(const std::vector<float>& flux)
{
    std::vector<float> sorted(flux);
    if (sorted.empty())
        return 0.0f;
    const size_t k = static_cast<size_t>(0.98 * static_cast<double>(sorted.size() - 1));
    std::nth_element(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(k), sorted.end());
    return sorted[k];
}
} // namespace

std::vector<Onset> OnsetDetector::detect(const AudioBuffer& audio) const
{
    const std::vector<float> mono = monoMix(audio);
    return detect(OnsetStrength::compute(mono.data(), static_cast<int64_t>(mono.size()), audio.sampleRate,
                                         OnsetStrength::HarmonyPass::Skip));
}

std::vector<Onset> OnsetDetector::detect(const OnsetStrength& envelope) const
{
    std::vector<Onset> onsets;
    const std::vector<float>& flux = envelope.flux();
    if (flux.empty())
        return onsets;
    const double sensitivity = std::clamp(m_options.sensitivity, 0.0, 1.0);
    aubio::PeakPicker picker(new_aubio_peakpicker());
    aubio::Fvec in(new_fvec(1));
    aubio::Fvec out(new_fvec(1));
    if (!picker || !in || !out)
        return onsets;
    // aubio_onset's default adaptive threshold is 0.3 (sensitivity 0.5); 1 lowers it to 0.02. The floor
    // (relative to the level most onsets reach) keeps noise-floor wiggles out.
    aubio_peakpicker_set_threshold(picker.get(),
                                   static_cast<smpl_t>(std::max(0.02, 0.7 - 0.78 * sensitivity)));
    const float floor = referenceLevel(flux) * static_cast<float>(0.256 * std::pow(1.0 - sensitivity, 2.0));
    const double silence = std::pow(10.0, m_options.silenceDb / 10.0);
    const double minimumGap = m_options.minimumGapSeconds * envelope.sampleRate();

    const auto consider = [&](double position) {
        const auto peak =
            static_cast<size_t>(std::clamp<double>(std::round(position), 0, double(flux.size() - 1)));
        // The level test looks at the hop the onset lands in and the next (the attack).
        float level = envelope.energy()[peak];
        if (peak + 1 < flux.size())
            level = std::max(level, envelope.energy()[peak + 1]);
        if (flux[peak] < floor || level < silence)
            return;
        const auto frame = static_cast<int64_t>(std::llround(std::max(0.0, envelope.audioFrame(position))));
        if (!onsets.empty() && static_cast<double>(frame - onsets.back().frame) < minimumGap) {
            if (flux[peak] > onsets.back().strength)
                onsets.back() = Onset{frame, flux[peak]}; // keep the stronger of two close detections
            return;
        }
        onsets.push_back(Onset{frame, flux[peak]});
    };
    for (size_t t = 0; t < flux.size() + kPickerDelay; ++t) {
        in->data[0] = t < flux.size() ? flux[t] : 0.0f;
        aubio_peakpicker_do(picker.get(), in.get(), out.get());
        if (out->data[0] > 0.0f)
            consider(static_cast<double>(t) - kPickerDelay + out->data[0]);
    }
    return onsets;
}

} // namespace stemcrate::analysis
