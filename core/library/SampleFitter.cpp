#include "library/SampleFitter.h"

#include "library/RegionProcessing.h" // msToFrames

#include <rubberband/RubberBandStretcher.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace stemcrate::library {
namespace {

using RubberBand::RubberBandStretcher;

constexpr int64_t kBlockFrames = 8192;
constexpr double kRollSeconds = 0.5;      // context on each side: several times R3's longest window
constexpr int64_t kSeamSearchSeconds = 2; // a loop's seam goes where its two repetitions agree best in here
constexpr double kStudyShare = 0.1;       // of the progress: the study pass is cheap next to processing

// `frames` frames of `source` read circularly from `startFrame` (may be negative or beyond the end).
AudioBuffer circularCopy(const AudioBuffer& source, int64_t startFrame, int64_t frames)
{
    AudioBuffer out(source.channels, frames, source.sampleRate);
    const int64_t n = source.frames;
    for (int c = 0; c < source.channels; ++c) {
        const float* in = source.channel(c);
        float* o = out.channel(c);
        int64_t at = ((startFrame % n) + n) % n;
        for (int64_t i = 0; i < frames;) {
            const int64_t run = std::min(frames - i, n - at);
            std::copy(in + at, in + at + run, o + i);
            i += run;
            at = 0;
        }
    }
    return out;
}

// `source` with `before` frames of silence before it and `after` after it.
AudioBuffer paddedCopy(const AudioBuffer& source, int64_t before, int64_t after)
{
    AudioBuffer out(source.channels, before + source.frames + after, source.sampleRate);
    for (int c = 0; c < source.channels; ++c)
        std::copy(source.channel(c), source.channel(c) + source.frames, out.channel(c) + before);
    return out;
}

// Closes a stretched loop. The stretcher ran over the loop and on into its next repetition, which differs
// from the first in phase only; `region` holds the first repetition. Its wrap (last frame -> first) is made
// exact by starting the loop with the second repetition's head: region[i] = next[i] for i < s, the
// continuation of region's last frame. At s the two repetitions meet in a linear crossfade of `seam`
// frames, at the spot in [0, searchFrames) where they differ least (both nearly the same sound, or quiet),
// so no transient is ever doubled or thinned by the join.
void joinLoop(AudioBuffer& region, const AudioBuffer& stretched, int64_t head, int64_t seam,
              int64_t searchFrames)
{
    const int64_t m = region.frames;
    const int64_t next = head + m; // where the second repetition starts in `stretched`
    const int64_t last = std::min(searchFrames, std::min(m, stretched.frames - next) - seam);
    if (seam < 1 || last < 0)
        return;
    int64_t best = 0;
    double bestDifference = -1;
    for (int64_t s = 0; s <= last; s += std::max<int64_t>(1, seam / 4)) {
        double difference = 0;
        for (int c = 0; c < region.channels; ++c) {
            const float* a = stretched.channel(c) + head + s;
            const float* b = stretched.channel(c) + next + s;
            for (int64_t k = 0; k < seam; ++k)
                difference += double(a[k] - b[k]) * double(a[k] - b[k]);
        }
        if (bestDifference < 0 || difference < bestDifference) {
            bestDifference = difference;
            best = s;
        }
    }
    for (int c = 0; c < region.channels; ++c) {
        float* out = region.channel(c);
        const float* second = stretched.channel(c) + next;
        std::copy(second, second + best, out);
        for (int64_t k = 0; k < seam; ++k) {
            const double in = double(k) / double(seam); // the first repetition fades in
            out[best + k] = static_cast<float>(out[best + k] * in + second[best + k] * (1.0 - in));
        }
    }
}

class Progress
{
public:
    Progress(const FitOptions& options, int64_t totalFrames) : m_options(options), m_total(totalFrames) {}
    bool cancelled() const { return m_options.isCancelled && m_options.isCancelled(); }
    void study(int64_t done) const { report(kStudyShare * double(done) / double(m_total)); }
    void process(int64_t done) const
    {
        report(kStudyShare + (1.0 - kStudyShare) * double(done) / double(m_total));
    }

private:
    void report(double fraction) const
    {
        if (m_options.progress)
            m_options.progress(std::clamp(fraction, 0.0, 1.0));
    }
    const FitOptions& m_options;
    int64_t m_total;
};

// Runs the offline stretcher over all of `input`; returns the whole output (about input * timeRatio).
Result<AudioBuffer> stretchAll(const AudioBuffer& input, const FitOptions& options)
{
    RubberBandStretcher::Options flags =
        RubberBandStretcher::OptionProcessOffline | RubberBandStretcher::OptionEngineFiner |
        RubberBandStretcher::OptionThreadingNever | RubberBandStretcher::OptionChannelsTogether;
    if (options.preserveFormants)
        flags |= RubberBandStretcher::OptionFormantPreserved;
    RubberBandStretcher stretcher(static_cast<size_t>(input.sampleRate), static_cast<size_t>(input.channels),
                                  flags, options.ratios.timeRatio, options.ratios.pitchScale);
    if (stretcher.getEngineVersion() != 3)
        return makeError("cannot stretch: Rubber Band's R3 engine is not available");
    stretcher.setExpectedInputDuration(static_cast<size_t>(input.frames));
    stretcher.setMaxProcessSize(static_cast<size_t>(kBlockFrames));

    const Progress progress(options, input.frames);
    std::vector<const float*> in(static_cast<size_t>(input.channels));
    auto pointAt = [&](int64_t frame) {
        for (int c = 0; c < input.channels; ++c)
            in[static_cast<size_t>(c)] = input.channel(c) + frame;
    };
    for (int64_t at = 0; at < input.frames; at += kBlockFrames) {
        if (progress.cancelled())
            return makeError("cancelled");
        const int64_t n = std::min(kBlockFrames, input.frames - at);
        pointAt(at);
        stretcher.study(in.data(), static_cast<size_t>(n), at + n >= input.frames);
        progress.study(at + n);
    }

    const int64_t expected = fittedFrames(input.frames, options.ratios.timeRatio);
    std::vector<std::vector<float>> output(static_cast<size_t>(input.channels));
    for (auto& channel : output)
        channel.reserve(static_cast<size_t>(expected + kBlockFrames));
    std::vector<float*> out(static_cast<size_t>(input.channels));
    std::vector<float> scratch(static_cast<size_t>(input.channels * kBlockFrames));
    for (int c = 0; c < input.channels; ++c)
        out[static_cast<size_t>(c)] = scratch.data() + c * kBlockFrames;
    auto drain = [&] {
        for (int available = stretcher.available(); available > 0; available = stretcher.available()) {
            const size_t got =
                stretcher.retrieve(out.data(), std::min<size_t>(size_t(available), size_t(kBlockFrames)));
            if (got == 0)
                break;
            for (int c = 0; c < input.channels; ++c)
                output[size_t(c)].insert(output[size_t(c)].end(), out[size_t(c)], out[size_t(c)] + got);
        }
    };
    for (int64_t at = 0; at < input.frames; at += kBlockFrames) {
        if (progress.cancelled())
            return makeError("cancelled");
        const int64_t n = std::min(kBlockFrames, input.frames - at);
        pointAt(at);
        stretcher.process(in.data(), static_cast<size_t>(n), at + n >= input.frames);
        drain();
        progress.process(at + n);
    }
    drain();

    AudioBuffer result(input.channels, static_cast<int64_t>(output.front().size()), input.sampleRate);
    for (int c = 0; c < input.channels; ++c)
        std::copy(output[size_t(c)].begin(), output[size_t(c)].end(), result.channel(c));
    return result;
}

// Frames [from, from + frames) of `audio`; what lies beyond its end reads as silence.
AudioBuffer slice(const AudioBuffer& audio, int64_t from, int64_t frames)
{
    AudioBuffer out(audio.channels, frames, audio.sampleRate);
    const int64_t available = std::clamp<int64_t>(audio.frames - from, 0, frames);
    for (int c = 0; c < audio.channels; ++c)
        std::copy(audio.channel(c) + from, audio.channel(c) + from + available, out.channel(c));
    return out;
}

} // namespace

Result<FitRatios> fitRatios(double sourceBpm, double targetBpm, double semitones)
{
    FitRatios ratios;
    const bool stretch = sourceBpm > 0 || targetBpm > 0;
    if (stretch) {
        for (double bpm : {sourceBpm, targetBpm})
            if (!(bpm >= 1 && bpm <= 999))
                return makeError("a tempo must be between 1 and 999 BPM");
        ratios.timeRatio = sourceBpm / targetBpm;
        if (!(ratios.timeRatio >= kMinTimeRatio && ratios.timeRatio <= kMaxTimeRatio))
            return makeError("cannot stretch more than eightfold (from " + std::to_string(int(sourceBpm)) +
                             " to " + std::to_string(int(targetBpm)) + " BPM)");
    }
    if (!(std::abs(semitones) <= kMaxShiftSemitones))
        return makeError("a pitch shift must be between -24 and +24 semitones");
    ratios.pitchScale = std::exp2(semitones / 12.0);
    return ratios;
}

int64_t fittedFrames(int64_t sourceFrames, double timeRatio)
{
    return std::llround(static_cast<double>(sourceFrames) * timeRatio);
}

Result<AudioBuffer> fitOffline(const AudioBuffer& source, const FitOptions& options)
{
    if (source.channels < 1 || source.frames < 1 ||
        source.samples.size() != size_t(source.channels) * size_t(source.frames))
        return makeError("cannot stretch: the audio is empty");
    if (source.sampleRate < 8000 || source.sampleRate > 192000)
        return makeError("cannot stretch: the sample rate must be between 8 and 192 kHz");
    const FitRatios& r = options.ratios;
    if (!(r.timeRatio >= kMinTimeRatio && r.timeRatio <= kMaxTimeRatio) ||
        !(r.pitchScale >= std::exp2(-kMaxShiftSemitones / 12) &&
          r.pitchScale <= std::exp2(kMaxShiftSemitones / 12)))
        return makeError("cannot stretch: the time or pitch ratio is out of range");
    if (!(options.loopCrossfadeMs >= 0 && options.loopCrossfadeMs <= 60'000))
        return makeError("cannot stretch: the loop crossfade must be 0 to 60000 ms");

    const int64_t outFrames = fittedFrames(source.frames, r.timeRatio);
    if (r.identity())
        return source;

    // Context on both sides, so that neither edge meets the engine's start or end: for a loop its own end
    // before it and its own start after it (and some more of it, for the seam); for anything else silence,
    // so that the engine's start-up and its flush at the end fall outside the sample.
    const int64_t roll = static_cast<int64_t>(kRollSeconds * source.sampleRate);
    const int64_t seamSearch = std::min<int64_t>(source.frames, kSeamSearchSeconds * source.sampleRate);
    const AudioBuffer extended = options.loop
                                     ? circularCopy(source, -roll, roll + source.frames + seamSearch + roll)
                                     : paddedCopy(source, roll, roll);
    Result<AudioBuffer> stretched = stretchAll(extended, options);
    if (!stretched)
        return stretched;
    const int64_t head = fittedFrames(roll, r.timeRatio);
    AudioBuffer region = slice(stretched.value(), head, outFrames);
    if (options.loop)
        joinLoop(region, stretched.value(), head,
                 std::min(msToFrames(options.loopCrossfadeMs, source.sampleRate), outFrames / 4),
                 std::min(fittedFrames(seamSearch, r.timeRatio), outFrames));
    return region;
}

} // namespace stemcrate::library
