#include "library/RegionProcessing.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace stemcrate::library {
namespace {

double fadeGain(double t, FadeCurve curve)
{
    return curve == FadeCurve::Linear ? t : std::sin(t * std::numbers::pi / 2.0);
}

// Equal-power pair at position t in [0, 1]: (fadeIn, fadeOut) with fadeIn^2 + fadeOut^2 = 1.
std::pair<double, double> crossfadeGains(double t)
{
    const double angle = t * std::numbers::pi / 2.0;
    return {std::sin(angle), std::cos(angle)};
}

bool isCrossing(float before, float at, ZeroCrossingSnap mode)
{
    if (at == 0.0f)
        return mode == ZeroCrossingSnap::Any || before < 0.0f;
    if (mode == ZeroCrossingSnap::Rising)
        return before < 0.0f && at > 0.0f;
    return (before < 0.0f) != (at < 0.0f);
}

} // namespace

AudioBuffer mixRegion(const std::vector<const AudioBuffer*>& stems, const std::vector<float>& gains,
                      int64_t startFrame, int64_t endFrame)
{
    const AudioBuffer& first = *stems.front();
    AudioBuffer mix(first.channels, std::max<int64_t>(endFrame - startFrame, 0), first.sampleRate);
    const int64_t from = std::max<int64_t>(startFrame, 0);
    const int64_t to = std::min(endFrame, first.frames);
    for (size_t s = 0; s < stems.size(); ++s) {
        const float gain = gains.empty() ? 1.0f : gains[s];
        for (int c = 0; c < mix.channels; ++c) {
            const float* source = stems[s]->channel(c);
            float* target = mix.channel(c) - startFrame;
            if (stems.size() == 1 && gain == 1.0f) {
                std::copy(source + from, source + to, target + from); // bit-exact
                continue;
            }
            for (int64_t i = from; i < to; ++i)
                target[i] += gain * source[i];
        }
    }
    return mix;
}

int64_t nearestZeroCrossing(const std::vector<const AudioBuffer*>& stems, const std::vector<float>& gains,
                            int64_t frame, int64_t windowFrames, ZeroCrossingSnap mode)
{
    if (mode == ZeroCrossingSnap::Off || windowFrames <= 0)
        return frame;
    const int64_t total = stems.front()->frames;
    const int64_t lo = std::max<int64_t>(frame - windowFrames - 1, 0);
    const int64_t hi = std::min(frame + windowFrames + 1, total);
    const AudioBuffer window = mixRegion(stems, gains, lo, hi);
    std::vector<float> mono(static_cast<size_t>(window.frames), 0.0f);
    for (int c = 0; c < window.channels; ++c)
        for (int64_t i = 0; i < window.frames; ++i)
            mono[size_t(i)] += window.channel(c)[i];

    auto crossingAt = [&](int64_t candidate) {
        const int64_t i = candidate - lo;
        return i >= 1 && i < window.frames && isCrossing(mono[size_t(i - 1)], mono[size_t(i)], mode);
    };
    for (int64_t distance = 0; distance <= windowFrames; ++distance) {
        if (crossingAt(frame - distance))
            return frame - distance;
        if (crossingAt(frame + distance))
            return frame + distance;
    }
    return frame;
}

void applyFades(AudioBuffer& audio, int64_t fadeInFrames, int64_t fadeOutFrames, FadeCurve curve)
{
    fadeInFrames = std::clamp<int64_t>(fadeInFrames, 0, audio.frames);
    fadeOutFrames = std::clamp<int64_t>(fadeOutFrames, 0, audio.frames);
    if (fadeInFrames + fadeOutFrames > audio.frames) {
        const double scale = double(audio.frames) / double(fadeInFrames + fadeOutFrames);
        fadeInFrames = static_cast<int64_t>(fadeInFrames * scale);
        fadeOutFrames = audio.frames - fadeInFrames;
    }
    for (int c = 0; c < audio.channels; ++c) {
        float* samples = audio.channel(c);
        // Gain k / n over the fade: the outermost frame is silent, the first unfaded frame has gain 1.
        for (int64_t k = 0; k < fadeInFrames; ++k)
            samples[k] *= static_cast<float>(fadeGain(double(k) / double(fadeInFrames), curve));
        for (int64_t k = 0; k < fadeOutFrames; ++k)
            samples[audio.frames - 1 - k] *=
                static_cast<float>(fadeGain(double(k) / double(fadeOutFrames), curve));
    }
}

void crossfadeLoopTail(AudioBuffer& region, const AudioBuffer& preRoll)
{
    const int64_t length = std::min(preRoll.frames, region.frames);
    const int64_t tailStart = region.frames - length;
    for (int c = 0; c < region.channels; ++c) {
        float* tail = region.channel(c) + tailStart;
        const float* incoming = preRoll.channel(c) + (preRoll.frames - length);
        // (k + 1) / L: the last tail frame is entirely the frame that preceded the region.
        for (int64_t k = 0; k < length; ++k) {
            const auto [in, out] = crossfadeGains(double(k + 1) / double(length));
            tail[k] = static_cast<float>(tail[k] * out + incoming[k] * in);
        }
    }
}

void crossfadeLoopHead(AudioBuffer& region, const AudioBuffer& postRoll)
{
    const int64_t length = std::min(postRoll.frames, region.frames);
    for (int c = 0; c < region.channels; ++c) {
        float* head = region.channel(c);
        const float* outgoing = postRoll.channel(c);
        // k / L: the first head frame is entirely the frame that followed the region.
        for (int64_t k = 0; k < length; ++k) {
            const auto [in, out] = crossfadeGains(double(k) / double(length));
            head[k] = static_cast<float>(head[k] * in + outgoing[k] * out);
        }
    }
}

double normalisePeak(AudioBuffer& audio, double targetDb)
{
    float peak = 0.0f;
    for (float sample : audio.samples)
        if (std::isfinite(sample))
            peak = std::max(peak, std::abs(sample));
    if (peak <= 0.0f)
        return 1.0;
    const double gain = std::pow(10.0, targetDb / 20.0) / peak;
    for (float& sample : audio.samples)
        sample = static_cast<float>(sample * gain);
    return gain;
}

} // namespace stemcrate::library
