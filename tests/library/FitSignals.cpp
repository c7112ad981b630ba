#include "FitSignals.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace stemcrate::library::test {
namespace {

constexpr double kRate = kEngineSampleRate;

AudioBuffer stereoOf(const std::vector<float>& mono)
{
    AudioBuffer out(2, static_cast<int64_t>(mono.size()));
    std::copy(mono.begin(), mono.end(), out.channel(0));
    std::copy(mono.begin(), mono.end(), out.channel(1));
    return out;
}

double rms(const float* x, int64_t frames)
{
    double sum = 0;
    for (int64_t i = 0; i < frames; ++i)
        sum += double(x[i]) * x[i];
    return frames > 0 ? std::sqrt(sum / double(frames)) : 0.0;
}

} // namespace

void LoopingSource::pull(void* context, float* const* in, int64_t frames)
{
    auto* self = static_cast<LoopingSource*>(context);
    for (int64_t i = 0; i < frames; ++i) {
        for (int c = 0; c < self->audio->channels; ++c)
            in[c][i] = self->audio->channel(c)[self->position];
        self->position = (self->position + 1) % self->audio->frames;
    }
    self->pulled += frames;
}

AudioBuffer clickTrack(double bpm, double seconds)
{
    std::vector<float> mono(static_cast<size_t>(std::llround(seconds * kRate)));
    const double beat = 60.0 / bpm * kRate;
    const int64_t burst = std::llround(0.003 * kRate);
    for (int64_t k = 0; std::llround(k * beat) < int64_t(mono.size()); ++k) {
        const int64_t start = std::llround(k * beat);
        for (int64_t i = 0; i < burst && start + i < int64_t(mono.size()); ++i)
            mono[size_t(start + i)] = static_cast<float>(0.8 * std::exp(-double(i) / (0.001 * kRate)) *
                                                         std::sin(2 * std::numbers::pi * 3000.0 * i / kRate));
    }
    return stereoOf(mono);
}

AudioBuffer tone(double hz, double seconds)
{
    std::vector<float> mono(static_cast<size_t>(std::llround(seconds * kRate)));
    for (size_t i = 0; i < mono.size(); ++i)
        mono[i] = static_cast<float>(0.5 * std::sin(2 * std::numbers::pi * hz * double(i) / kRate));
    return stereoOf(mono);
}

AudioBuffer seamlessChordLoop(double seconds)
{
    const int64_t frames = std::llround(seconds * kRate);
    AudioBuffer out(2, frames);
    // Whole cycles over the loop: round each partial to a multiple of 1 / seconds.
    const double partials[3] = {220.0, 277.0, 330.0};
    for (int c = 0; c < 2; ++c)
        for (int64_t i = 0; i < frames; ++i) {
            double x = 0;
            for (int p = 0; p < 3; ++p) {
                const double hz = std::round(partials[p] * seconds) / seconds;
                x += 0.2 * std::sin(2 * std::numbers::pi * hz * double(i) / kRate + 0.7 * p + 0.3 * c);
            }
            out.channel(c)[i] = static_cast<float>(x);
        }
    return out;
}

std::vector<double> clickOnsets(const AudioBuffer& audio, double minGapSeconds)
{
    std::vector<float> mono(static_cast<size_t>(audio.frames));
    float peak = 0;
    for (int64_t i = 0; i < audio.frames; ++i) {
        float sum = 0;
        for (int c = 0; c < audio.channels; ++c)
            sum += audio.channel(c)[i];
        mono[size_t(i)] = std::abs(sum / float(audio.channels));
        peak = std::max(peak, mono[size_t(i)]);
    }
    std::vector<double> onsets;
    const int64_t gap = std::llround(minGapSeconds * audio.sampleRate);
    int64_t last = -gap;
    for (int64_t i = 0; i < audio.frames; ++i)
        if (mono[size_t(i)] > 0.5f * peak && i - last >= gap) {
            onsets.push_back(double(i) / audio.sampleRate);
            last = i;
        }
    return onsets;
}

GridError gridError(const std::vector<double>& onsets, double bpm, double lengthSeconds,
                    double toleranceSeconds)
{
    GridError e;
    e.onsets = int(onsets.size());
    const double beat = 60.0 / bpm;
    for (double t : onsets)
        e.maxErrorSeconds = std::max(e.maxErrorSeconds, std::abs(t - std::round(t / beat) * beat));
    for (int k = 0; k * beat < lengthSeconds - toleranceSeconds; ++k) {
        const bool found = std::any_of(onsets.begin(), onsets.end(),
                                       [&](double t) { return std::abs(t - k * beat) <= toleranceSeconds; });
        e.missing += found ? 0 : 1;
    }
    return e;
}

double measureFrequency(const AudioBuffer& audio, int64_t fromFrame, int64_t toFrame)
{
    const float* x = audio.channel(0);
    double first = -1, last = -1;
    int crossings = 0;
    for (int64_t i = std::max<int64_t>(fromFrame, 1); i < std::min(toFrame, audio.frames); ++i)
        if (x[i - 1] < 0 && x[i] >= 0) {
            const double at = double(i - 1) + double(-x[i - 1]) / double(x[i] - x[i - 1]);
            if (first < 0)
                first = at;
            last = at;
            ++crossings;
        }
    if (crossings < 2)
        return 0;
    return double(crossings - 1) * audio.sampleRate / (last - first);
}

LoopContinuity measureLoop(const AudioBuffer& loop)
{
    LoopContinuity m;
    const int64_t n = loop.frames;
    const int64_t window = std::llround(0.010 * loop.sampleRate);
    const int64_t hop = window / 4;
    double inside = 0, wrap = 0, largest = 0;
    std::vector<double> windowRms;
    for (int c = 0; c < loop.channels; ++c) {
        const float* x = loop.channel(c);
        std::vector<float> steps;
        for (int64_t i = 1; i < n; ++i)
            steps.push_back(std::abs(x[i] - x[i - 1]));
        wrap = std::max(wrap, double(std::abs(x[0] - x[n - 1])));
        largest = std::max({largest, wrap, double(*std::max_element(steps.begin(), steps.end()))});
        std::sort(steps.begin(), steps.end());
        inside = std::max(inside, double(steps[size_t(0.999 * double(steps.size() - 1))]));

        std::vector<float> circular(x, x + n);
        circular.insert(circular.end(), x, x + window);
        for (int64_t at = 0; at < n; at += hop)
            windowRms.push_back(rms(circular.data() + at, window));
    }
    std::vector<double> sorted = windowRms;
    std::sort(sorted.begin(), sorted.end());
    const double median = std::max(sorted[sorted.size() / 2], 1e-12);
    m.wrapJumpRatio = inside > 0 ? wrap / inside : 0;
    m.maxJumpRatio = inside > 0 ? largest / inside : 0;
    m.minWindowDb = 20 * std::log10(std::max(sorted.front(), 1e-12) / median);
    m.maxWindowDb = 20 * std::log10(std::max(sorted.back(), 1e-12) / median);
    return m;
}

} // namespace stemcrate::library::test
