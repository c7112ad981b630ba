#include "analysis/LoudnessMeter.h"

#include <ebur128.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <numeric>
#include <vector>

namespace stemcrate::analysis {

namespace {

struct StateDeleter
{
    void operator()(ebur128_state* state) const { ebur128_destroy(&state); }
};
using State = std::unique_ptr<ebur128_state, StateDeleter>;

constexpr int64_t kChunkFrames = 4096; // interleaving scratch
constexpr int64_t kBlockFrames = 1024; // true-peak search granularity (23 ms)
// How far (linear) a block's true peak may exceed its sample peak and still be searched for: 4 dB. (The
// worst case of libebur128's 49-tap Hann-windowed sinc is its largest per-phase sum of |taps|, 1.864 or
// 5.4 dB, reached only by full-scale samples alternating in sign at the filter's taps.)
constexpr double kInterpolationGain = 1.585;
// Input samples an interpolated value depends on: warm-up before a block and overlap after it.
constexpr int64_t kFilterReach = 32;

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
    State loudness(ebur128_init(channels, rate, shortSelection ? EBUR128_MODE_M : EBUR128_MODE_I));
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

    // True peak: blocks in order of their sample peak, until none can beat the maximum found.
    const int64_t blocks = (endFrame - beginFrame + kBlockFrames - 1) / kBlockFrames;
    std::vector<float> blockPeak(static_cast<size_t>(blocks), 0.0f);
    for (int64_t b = 0; b < blocks; ++b) {
        const int64_t from = std::max(beginFrame, beginFrame + b * kBlockFrames - kFilterReach);
        const int64_t to = std::min(endFrame, beginFrame + (b + 1) * kBlockFrames + kFilterReach);
        float peak = 0.0f;
        for (int c = 0; c < audio.channels; ++c) {
            const float* in = audio.channel(c);
            for (int64_t i = from; i < to; ++i)
                peak = std::max(peak, std::abs(in[i]));
        }
        blockPeak[static_cast<size_t>(b)] = peak;
    }
    std::vector<int64_t> order(static_cast<size_t>(blocks));
    std::iota(order.begin(), order.end(), int64_t{0});
    std::sort(order.begin(), order.end(), [&](int64_t a, int64_t b) {
        return blockPeak[static_cast<size_t>(a)] > blockPeak[static_cast<size_t>(b)];
    });
    State peakMeter(ebur128_init(channels, rate, EBUR128_MODE_TRUE_PEAK));
    if (!peakMeter)
        return makeError("could not start the true-peak meter");
    double truePeak = 0.0;
    for (int64_t b : order) {
        if (!m_options.exactTruePeak && blockPeak[static_cast<size_t>(b)] * kInterpolationGain <= truePeak)
            break;
        const int64_t start = beginFrame + b * kBlockFrames;
        const int64_t stop = std::min(endFrame, start + kBlockFrames + kFilterReach);
        // Warm the filter's memory with the samples before the block (or silence at the selection's start,
        // as a full pass would see it); its output there belongs to the neighbouring block.
        const int64_t warmFrom = std::max(beginFrame, start - kFilterReach);
        if (start == beginFrame) {
            std::vector<float> silence(static_cast<size_t>(kFilterReach * audio.channels), 0.0f);
            ebur128_add_frames_float(peakMeter.get(), silence.data(), static_cast<size_t>(kFilterReach));
        } else if (!feed(peakMeter.get(), audio, warmFrom, start, scratch)) {
            return makeError("the true-peak meter failed");
        }
        if (!feed(peakMeter.get(), audio, start, stop, scratch, &truePeak))
            return makeError("the true-peak meter failed");
    }
    result.truePeakDbtp = toDb(truePeak);
    return result;
}

} // namespace stemcrate::analysis
