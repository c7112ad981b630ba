#include "analysis/LoudnessMeter.h"

#include <ebur128.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <memory>
#include <mutex>
#include <numbers>
#include <numeric>
#include <vector>

namespace stemcrate::analysis {

namespace {

struct StateDeleter
{
    void operator()(ebur128_state* state) const { ebur128_destroy(&state); }
};
using State = std::unique_ptr<ebur128_state, StateDeleter>;

// ebur128_init() (re)writes library-wide constants on every call: harmless values, but a data race when two
// workers start meters at once, so starts are serialised.
State startMeter(unsigned channels, unsigned long rate, int mode)
{
    static std::mutex mutex;
    std::lock_guard lock(mutex);
    return State(ebur128_init(channels, rate, mode));
}

constexpr int64_t kChunkFrames = 4096; // interleaving scratch
constexpr int64_t kBlockFrames = 1024; // true-peak search granularity (23 ms)
// libebur128 oversamples 4x (below 96 kHz) with a 49-tap Hann-windowed sinc. No output exceeds the largest
// input sample within its reach by more than the largest per-phase sum of |taps|: 1.864 (5.4 dB).
constexpr int kFactor = 4;
constexpr int kTaps = 49;
constexpr int kTapsPerPhase = (kTaps + kFactor - 1) / kFactor; // 13
constexpr double kInterpolationGain = 1.87;
// Input samples an interpolated value depends on: warm-up before a block.
constexpr int64_t kFilterReach = 32;

// The largest |x[i]| of n samples (0 for none). Eight running maxima, not one: a maximum is exact in any
// order, and one running maximum waits on the previous comparison at every sample, where eight vectorise.
float absPeak(const float* x, int64_t n)
{
    constexpr int64_t kLanes = 8;
    std::array<float, kLanes> lane{};
    int64_t i = 0;
    for (; i + kLanes <= n; i += kLanes)
        for (int64_t j = 0; j < kLanes; ++j)
            lane[static_cast<size_t>(j)] = std::max(lane[static_cast<size_t>(j)], std::abs(x[i + j]));
    float peak = 0.0f;
    for (; i < n; ++i)
        peak = std::max(peak, std::abs(x[i]));
    for (float v : lane)
        peak = std::max(peak, v);
    return peak;
}

// libebur128's interpolation filter in float, split into phases: phase q of input frame n is
// sum_i taps[q][i] * x[n - i]. It finds the few blocks worth handing to libebur128, whose oversampling
// runs in double one sample at a time and costs more than the rest of a stem's analysis together.
struct InterpolationFilter
{
    std::array<std::array<float, kTapsPerPhase>, kFactor> taps{};

    InterpolationFilter()
    {
        for (int j = 0; j < kTaps; ++j) {
            const double m = j - (kTaps - 1) / 2.0;
            double c = std::abs(m) > 1e-6
                           ? std::sin(m * std::numbers::pi / kFactor) / (m * std::numbers::pi / kFactor)
                           : 1.0;
            c *= 0.5 * (1.0 - std::cos(2.0 * std::numbers::pi * j / (kTaps - 1)));
            taps[static_cast<size_t>(j % kFactor)][static_cast<size_t>(j / kFactor)] = static_cast<float>(c);
        }
    }

    // The largest |interpolated value| for input frames [start, stop) of one channel (zeros before `first`).
    float blockPeak(const float* x, int64_t first, int64_t start, int64_t stop, std::vector<float>& padded,
                    std::vector<float>& sum) const
    {
        const int64_t n = stop - start;
        padded.assign(static_cast<size_t>(n + kTapsPerPhase), 0.0f);
        for (int64_t i = -kTapsPerPhase; i < n; ++i)
            if (start + i >= first)
                padded[static_cast<size_t>(i + kTapsPerPhase)] = x[start + i];
        float peak = 0.0f;
        for (const auto& phase : taps) {
            sum.assign(static_cast<size_t>(n), 0.0f);
            // Tap-outer, frame-inner: plain loops the compiler vectorises.
            for (int i = 0; i < kTapsPerPhase; ++i) {
                const float c = phase[static_cast<size_t>(i)];
                const float* in = padded.data() + kTapsPerPhase - i;
                for (int64_t t = 0; t < n; ++t)
                    sum[static_cast<size_t>(t)] += c * in[t];
            }
            peak = std::max(peak, absPeak(sum.data(), n));
        }
        return peak;
    }
};

// Feeds frames [begin, end) of the planar buffer to libebur128, which wants interleaved samples. With
// `truePeak`, raises it to the largest true peak libebur128 saw in these frames.
bool feed(ebur128_state* state, const AudioBuffer& audio, int64_t begin, int64_t end,
          std::vector<float>& scratch, double* truePeak = nullptr)
{
    for (int64_t chunk = begin; chunk < end; chunk += kChunkFrames) {
        const int64_t frames = std::min(kChunkFrames, end - chunk);
        scratch.resize(static_cast<size_t>(frames * audio.channels));
        for (int c = 0; c < audio.channels; ++c) {
            const float* in = audio.channel(c) + chunk;
            for (int64_t i = 0; i < frames; ++i)
                scratch[static_cast<size_t>(i * audio.channels + c)] = in[i];
        }
        if (ebur128_add_frames_float(state, scratch.data(), static_cast<size_t>(frames)) != EBUR128_SUCCESS)
            return false;
        for (int c = 0; truePeak && c < audio.channels; ++c) {
            double peak = 0.0;
            if (ebur128_prev_true_peak(state, static_cast<unsigned>(c), &peak) == EBUR128_SUCCESS)
                *truePeak = std::max(*truePeak, peak);
        }
    }
    return true;
}

double toDb(double linear)
{
    return linear > 0.0 ? 20.0 * std::log10(linear) : -std::numeric_limits<double>::infinity();
}

} // namespace

Result<LoudnessResult> LoudnessMeter::measure(const AudioBuffer& audio, int64_t beginFrame,
                                              int64_t endFrame) const
{
    if (audio.sampleRate <= 0 || audio.channels <= 0)
        return makeError("no audio to measure");
    if (endFrame < 0 || endFrame > audio.frames)
        endFrame = audio.frames;
    beginFrame = std::clamp<int64_t>(beginFrame, 0, endFrame);
    LoudnessResult result;
    if (endFrame == beginFrame)
        return result;

    const auto channels = static_cast<unsigned>(audio.channels);
    const auto rate = static_cast<unsigned long>(audio.sampleRate);
    std::vector<float> scratch;

    // Loudness.
    const int64_t gatingBlock = audio.sampleRate * 2 / 5;
    const bool shortSelection = endFrame - beginFrame < gatingBlock;
    State loudness = startMeter(channels, rate, shortSelection ? EBUR128_MODE_M : EBUR128_MODE_I);
    if (!loudness)
        return makeError("could not start the loudness meter");
    if (!feed(loudness.get(), audio, beginFrame, endFrame, scratch))
        return makeError("the loudness meter failed");
    double lufs = 0.0;
    if (shortSelection) {
        result.gated = false;
        const auto ms = static_cast<unsigned long>((endFrame - beginFrame) * 1000 / audio.sampleRate);
        if (ms == 0 || ebur128_loudness_window(loudness.get(), ms, &lufs) != EBUR128_SUCCESS)
            lufs = -std::numeric_limits<double>::infinity();
    } else if (ebur128_loudness_global(loudness.get(), &lufs) != EBUR128_SUCCESS) {
        return makeError("the loudness meter failed");
    }
    result.integratedLufs = std::isfinite(lufs) ? lufs : -std::numeric_limits<double>::infinity();

    // True peak. 1: blocks in order of their sample peak, estimated in float until no block's sample peak
    // can beat the best estimate through the filter. 2: libebur128 on the blocks within float rounding of
    // the best, for its exact value (exactTruePeak: libebur128 on every block).
    const int64_t blocks = (endFrame - beginFrame + kBlockFrames - 1) / kBlockFrames;
    std::vector<float> blockPeak(static_cast<size_t>(blocks), 0.0f);
    for (int64_t b = 0; b < blocks; ++b) {
        const int64_t from = std::max(beginFrame, beginFrame + b * kBlockFrames - kTapsPerPhase);
        const int64_t to = std::min(endFrame, beginFrame + (b + 1) * kBlockFrames);
        float peak = 0.0f;
        for (int c = 0; c < audio.channels; ++c)
            peak = std::max(peak, absPeak(audio.channel(c) + from, to - from));
        blockPeak[static_cast<size_t>(b)] = peak;
    }
    std::vector<int64_t> order(static_cast<size_t>(blocks));
    std::iota(order.begin(), order.end(), int64_t{0});
    std::sort(order.begin(), order.end(), [&](int64_t a, int64_t b) {
        return blockPeak[static_cast<size_t>(a)] > blockPeak[static_cast<size_t>(b)];
    });
    std::vector<int64_t> candidates;
    if (m_options.exactTruePeak) {
        candidates = order;
    } else {
        static const InterpolationFilter filter;
        std::vector<float> estimate(static_cast<size_t>(blocks), -1.0f), padded, sum;
        float best = 0.0f;
        for (int64_t b : order) {
            if (blockPeak[static_cast<size_t>(b)] * kInterpolationGain < best)
                break;
            const int64_t start = beginFrame + b * kBlockFrames;
            const int64_t stop = std::min(endFrame, start + kBlockFrames);
            float peak = 0.0f;
            for (int c = 0; c < audio.channels; ++c)
                peak =
                    std::max(peak, filter.blockPeak(audio.channel(c), beginFrame, start, stop, padded, sum));
            estimate[static_cast<size_t>(b)] = peak;
            best = std::max(best, peak);
        }
        for (int64_t b = 0; b < blocks; ++b)
            if (estimate[static_cast<size_t>(b)] >= best * 0.999f && estimate[static_cast<size_t>(b)] > 0.0f)
                candidates.push_back(b);
    }
    State peakMeter = startMeter(channels, rate, EBUR128_MODE_TRUE_PEAK);
    if (!peakMeter)
        return makeError("could not start the true-peak meter");
    double truePeak = 0.0;
    std::vector<float> silence(static_cast<size_t>(kFilterReach * audio.channels), 0.0f);
    for (int64_t b : candidates) {
        const int64_t start = beginFrame + b * kBlockFrames;
        const int64_t stop = std::min(endFrame, start + kBlockFrames);
        // Warm the filter's memory with the samples before the block, or with silence at the selection's
        // start as a full pass sees it; libebur128's output there is not read.
        ebur128_add_frames_float(peakMeter.get(), silence.data(), static_cast<size_t>(kFilterReach));
        const int64_t warmFrom = std::max(beginFrame, start - kFilterReach);
        if (warmFrom < start && !feed(peakMeter.get(), audio, warmFrom, start, scratch))
            return makeError("the true-peak meter failed");
        if (!feed(peakMeter.get(), audio, start, stop, scratch, &truePeak))
            return makeError("the true-peak meter failed");
    }
    result.truePeakDbtp = toDb(truePeak);
    return result;
}

} // namespace stemcrate::analysis
