#include "SampleSynth.h"

#include "audio/AudioFileWriter.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>

namespace stemcrate::library::test {
namespace {

constexpr double kRate = kEngineSampleRate;

AudioBuffer stereo(const std::vector<float>& mono)
{
    AudioBuffer out(2, static_cast<int64_t>(mono.size()));
    std::copy(mono.begin(), mono.end(), out.channel(0));
    std::copy(mono.begin(), mono.end(), out.channel(1));
    return out;
}

std::vector<float> kickMono(double endHz, double decaySeconds)
{
    const auto frames = static_cast<size_t>((decaySeconds * 5 + 0.02) * kRate);
    std::vector<float> out(frames);
    double phase = 0;
    for (size_t i = 0; i < frames; ++i) {
        const double t = i / kRate;
        const double hz = endHz + (160.0 - endHz) * std::exp(-t / 0.03);
        phase += 2 * std::numbers::pi * hz / kRate;
        out[i] = static_cast<float>(0.9 * std::sin(phase) * std::exp(-t / decaySeconds) *
                                    std::min(1.0, t / 0.002));
    }
    return out;
}

std::vector<float> hatMono(bool open, unsigned seed)
{
    const double decay = open ? 0.25 : 0.04;
    const auto frames = static_cast<size_t>((decay * 5 + 0.01) * kRate);
    std::mt19937 random(seed);
    std::uniform_real_distribution<float> noise(-1.0f, 1.0f);
    std::vector<float> out(frames);
    float previous = 0, previous2 = 0;
    for (size_t i = 0; i < frames; ++i) {
        const float white = noise(random);
        // Second difference: a high-pass that leaves mostly the top octaves.
        const float high = white - 2 * previous + previous2;
        previous2 = previous;
        previous = white;
        out[i] = static_cast<float>(0.25 * high * std::exp(-(i / kRate) / decay));
    }
    return out;
}

} // namespace

AudioBuffer kick(double endHz, double decaySeconds, unsigned)
{
    return stereo(kickMono(endHz, decaySeconds));
}

AudioBuffer snare(unsigned seed)
{
    const auto frames = static_cast<size_t>(0.5 * kRate);
    std::mt19937 random(seed);
    std::uniform_real_distribution<float> noise(-1.0f, 1.0f);
    std::vector<float> out(frames);
    float low = 0;
    for (size_t i = 0; i < frames; ++i) {
        const double t = i / kRate;
        low += 0.3f * (noise(random) - low); // noise with its very top softened
        const double body = std::sin(2 * std::numbers::pi * 190 * t) * std::exp(-t / 0.04);
        out[i] = static_cast<float>(0.5 * low * std::exp(-t / 0.09) + 0.5 * body);
    }
    return stereo(out);
}

AudioBuffer hat(bool open, unsigned seed)
{
    return stereo(hatMono(open, seed));
}

AudioBuffer tone(double hz, double seconds, unsigned)
{
    const auto frames = static_cast<size_t>(seconds * kRate);
    std::vector<float> out(frames);
    for (size_t i = 0; i < frames; ++i) {
        const double t = i / kRate;
        double v = 0;
        for (int h = 1; h <= 4; ++h)
            v += std::sin(2 * std::numbers::pi * hz * h * t) / h;
        const double fade = std::min({1.0, t / 0.01, (seconds - t) / 0.01});
        out[i] = static_cast<float>(0.3 * v * fade);
    }
    return stereo(out);
}

AudioBuffer drumLoop(double bpm, int bars, unsigned seed)
{
    const double beat = 60.0 / bpm;
    const auto frames = static_cast<size_t>(bars * 4 * beat * kRate);
    std::vector<float> out(frames, 0.0f);
    const std::vector<float> k = kickMono(50, 0.08);
    const std::vector<float> h = hatMono(false, seed);
    const auto add = [&](const std::vector<float>& hit, double at, float gain) {
        const auto start = static_cast<size_t>(at * kRate);
        for (size_t i = 0; i < hit.size() && start + i < frames; ++i)
            out[start + i] += gain * hit[i];
    };
    for (int b = 0; b < bars * 4; ++b) {
        add(k, b * beat, 0.8f);
        add(h, (b + 0.5) * beat, 0.6f);
    }
    return stereo(out);
}

AudioBuffer nearCopy(const AudioBuffer& audio, float gain, double delayMs, double noiseDb, unsigned seed)
{
    AudioBuffer out(audio.channels, audio.frames, audio.sampleRate);
    const auto delay = static_cast<int64_t>(delayMs * audio.sampleRate / 1000.0);
    std::mt19937 random(seed);
    std::uniform_real_distribution<float> noise(-1.0f, 1.0f);
    const auto noiseGain = static_cast<float>(std::pow(10.0, noiseDb / 20.0));
    for (int c = 0; c < audio.channels; ++c)
        for (int64_t i = 0; i < audio.frames; ++i)
            out.channel(c)[i] =
                (i >= delay ? gain * audio.channel(c)[i - delay] : 0.0f) + noiseGain * noise(random);
    return out;
}

bool writePlainWav(const std::string& path, const AudioBuffer& audio)
{
    return audio::writeAudioFile(path, audio, audio::FileFormat::Wav, audio::SampleFormat::Int16).ok();
}

} // namespace stemcrate::library::test
