#include "GrooveVariants.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <random>

namespace stemcrate::testing {

namespace {

// Linear-interpolation resampling by `ratio` (> 1: higher and shorter), the test material's pitch variation.
AudioBuffer repitched(const AudioBuffer& in, double ratio)
{
    if (ratio == 1.0)
        return in;
    const auto frames = static_cast<int64_t>(static_cast<double>(in.frames - 1) / ratio);
    AudioBuffer out(in.channels, std::max<int64_t>(1, frames));
    for (int c = 0; c < in.channels; ++c)
        for (int64_t i = 0; i < out.frames; ++i) {
            const double at = static_cast<double>(i) * ratio;
            const auto j = static_cast<int64_t>(at);
            const double t = at - static_cast<double>(j);
            const float* x = in.channel(c);
            out.channel(c)[i] = static_cast<float>(x[j] * (1.0 - t) + x[std::min(j + 1, in.frames - 1)] * t);
        }
    return out;
}

} // namespace

// The groove through a random three-band equaliser (one-pole splits at 150 Hz and 3 kHz, each band +-6 dB):
// the same kit as another room, mic or mix would colour it.
Groove equalised(Groove groove, uint32_t seed)
{
    std::mt19937 random(seed);
    std::uniform_real_distribution<double> db(-6.0, 6.0);
    const double low = std::pow(10.0, db(random) / 20.0), mid = std::pow(10.0, db(random) / 20.0),
                 high = std::pow(10.0, db(random) / 20.0);
    const auto pole = [](double hz) { return std::exp(-2.0 * M_PI * hz / kEngineSampleRate); };
    const double a1 = pole(150.0), a2 = pole(3000.0);
    for (int c = 0; c < groove.audio.channels; ++c) {
        float* x = groove.audio.channel(c);
        double lp1 = 0.0, lp2 = 0.0;
        for (int64_t i = 0; i < groove.audio.frames; ++i) {
            lp1 = (1.0 - a1) * x[i] + a1 * lp1;
            lp2 = (1.0 - a2) * x[i] + a2 * lp2;
            x[i] = static_cast<float>(low * lp1 + mid * (lp2 - lp1) + high * (x[i] - lp2));
        }
    }
    return groove;
}

// The groove played in a synthetic room (Schroeder: four damped feedback combs, two all-passes), RT60 0.4-1.2
// s, the reverb 8-18 dB under the dry sound: every sound gets a tail it did not have, as a live room or a
// loosely held hat adds, and the kit's own decay shape stays underneath.
Groove inRoom(Groove groove, uint32_t seed)
{
    std::mt19937 random(seed);
    const double rt60Seconds = std::uniform_real_distribution<double>(0.4, 1.2)(random);
    const double wet = std::pow(10.0, -std::uniform_real_distribution<double>(8.0, 18.0)(random) / 20.0);
    constexpr std::array<int, 4> kCombFrames = {1116, 1188, 1277, 1356};
    constexpr std::array<int, 2> kAllPassFrames = {556, 441};
    const int64_t frames = groove.audio.frames;
    std::vector<float> dry(static_cast<size_t>(frames)), sum(static_cast<size_t>(frames), 0.0f);
    for (int64_t i = 0; i < frames; ++i)
        for (int c = 0; c < groove.audio.channels; ++c)
            dry[static_cast<size_t>(i)] +=
                groove.audio.channel(c)[i] / static_cast<float>(groove.audio.channels);
    for (int delay : kCombFrames) {
        const double feedback = std::pow(10.0, -3.0 * delay / (rt60Seconds * kEngineSampleRate)), damp = 0.2;
        std::vector<double> line(static_cast<size_t>(delay), 0.0);
        double low = 0.0;
        for (int64_t i = 0; i < frames; ++i) {
            double& slot = line[static_cast<size_t>(i % delay)];
            const double out = slot;
            low = (1.0 - damp) * out + damp * low;
            slot = dry[static_cast<size_t>(i)] + feedback * low;
            sum[static_cast<size_t>(i)] += static_cast<float>(out / kCombFrames.size());
        }
    }
    for (int delay : kAllPassFrames) {
        std::vector<double> line(static_cast<size_t>(delay), 0.0);
        for (int64_t i = 0; i < frames; ++i) {
            double& slot = line[static_cast<size_t>(i % delay)];
            const double in = sum[static_cast<size_t>(i)], out = slot - 0.5 * in;
            slot = in + 0.5 * slot;
            sum[static_cast<size_t>(i)] = static_cast<float>(out);
        }
    }
    // The combs' gain at DC is about 1 / (1 - feedback): scaled so that `wet` is the tail's level.
    float peakDry = 0.0f, peakWet = 0.0f;
    for (int64_t i = 0; i < frames; ++i) {
        peakDry = std::max(peakDry, std::fabs(dry[static_cast<size_t>(i)]));
        peakWet = std::max(peakWet, std::fabs(sum[static_cast<size_t>(i)]));
    }
    const float gain = peakWet > 0.0f ? static_cast<float>(wet) * peakDry / peakWet : 0.0f;
    for (int c = 0; c < groove.audio.channels; ++c)
        for (int64_t i = 0; i < frames; ++i)
            groove.audio.channel(c)[i] += gain * sum[static_cast<size_t>(i)];
    return groove;
}

// Every layer alone, one after the other with 0.3 s of silence between.
Groove isolatedLayers(const DrumKit& kit, float gain, double pitch)
{
    std::vector<std::pair<const KitInstrument*, AudioBuffer>> sounds;
    int64_t total = kEngineSampleRate;
    const int64_t gap = kEngineSampleRate * 3 / 10;
    for (const KitInstrument& instrument : kit.instruments)
        for (const AudioBuffer& layer : instrument.layers) {
            sounds.emplace_back(&instrument, repitched(layer, pitch));
            total += sounds.back().second.frames + gap;
        }
    Groove groove;
    groove.audio = AudioBuffer(2, total);
    int64_t at = gap;
    for (const auto& [instrument, sound] : sounds) {
        float peak = 0.0f;
        int64_t lead = -1;
        for (float v : sound.samples)
            peak = std::max(peak, std::fabs(v));
        for (int64_t i = 0; i < sound.frames; ++i)
            for (int c = 0; c < 2; ++c) {
                const float v = sound.channel(std::min(c, sound.channels - 1))[i];
                groove.audio.channel(c)[at + i] = gain * v;
                if (lead < 0 && std::fabs(v) >= 0.01f * peak)
                    lead = i;
            }
        groove.hits.push_back({at + std::max<int64_t>(0, lead), instrument->hitClass, instrument->name});
        at += sound.frames + gap;
    }
    return groove;
}

} // namespace stemcrate::testing
