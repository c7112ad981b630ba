// bench_fit: accuracy and speed of fitting samples to a tempo and key (core/library's SampleFitter, Rubber
// Band R3 offline, and LiveFitter, its real-time engine). Not a test: it prints the markdown for
// BENCHMARKS.md ("Time-stretch and pitch-shift (issue 19)"); tst_library_fit asserts the same measurements.
// Signals are generated (tests/library/FitSignals), nothing is read from disk.
//
//   bench_fit [--quick]    --quick: a 5 s speed signal instead of 30 s

#include "FitSignals.h"

#include "library/LiveFitter.h"
#include "library/SampleFitter.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <functional>

using namespace stemcrate;
using namespace stemcrate::library;
using namespace stemcrate::library::test;

namespace {

double threadCpuSeconds()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) + 1e-9 * double(now.tv_nsec);
}

double cpuSecondsOf(const std::function<void()>& work)
{
    const double start = threadCpuSeconds();
    work();
    return threadCpuSeconds() - start;
}

AudioBuffer fit(const AudioBuffer& source, double timeRatio, double semitones, bool loop)
{
    FitOptions options;
    options.ratios = {timeRatio, std::exp2(semitones / 12.0)};
    options.loop = loop;
    Result<AudioBuffer> out = fitOffline(source, options);
    if (!out) {
        std::fprintf(stderr, "bench_fit: %s\n", out.error().c_str());
        std::exit(1);
    }
    return std::move(out.value());
}

AudioBuffer playedTwice(const AudioBuffer& loop)
{
    AudioBuffer twice(loop.channels, 2 * loop.frames);
    for (int c = 0; c < loop.channels; ++c) {
        std::copy(loop.channel(c), loop.channel(c) + loop.frames, twice.channel(c));
        std::copy(loop.channel(c), loop.channel(c) + loop.frames, twice.channel(c) + loop.frames);
    }
    return twice;
}

// CPU seconds to render `seconds` of output through the live engine in 512-frame blocks.
double liveCpuSeconds(const AudioBuffer& source, LiveFitter::Quality quality, FitRatios ratios,
                      double seconds)
{
    constexpr int kBlock = 512;
    LiveFitter live(source.sampleRate, source.channels, kBlock, quality);
    live.setRatios(ratios);
    LoopingSource pull{&source};
    std::vector<float> left(kBlock), right(kBlock);
    float* planes[2] = {left.data(), right.data()};
    const int64_t blocks = std::llround(seconds * source.sampleRate / kBlock);
    return cpuSecondsOf([&] {
        for (int64_t b = 0; b < blocks; ++b)
            live.render(planes, kBlock, &LoopingSource::pull, &pull);
    });
}

} // namespace

int main(int argc, char** argv)
{
    const bool quick = argc > 1 && std::strcmp(argv[1], "--quick") == 0;

    std::printf("### Accuracy\n\n| measurement | result | target |\n|---|---|---|\n");
    {
        const AudioBuffer clicks = clickTrack(120.0, 8.0);
        const AudioBuffer out = fit(clicks, 120.0 / 90.0, 0, false);
        const GridError e = gridError(clickOnsets(out, 0.3), 90.0, out.seconds(), 0.005);
        std::printf("| clicks 120 -> 90 BPM (8 s, not looped): worst offset from the 90 BPM grid | %.2f ms "
                    "(%d of 16 clicks over half their peak) | +-5 ms |\n",
                    1e3 * e.maxErrorSeconds, e.onsets);
        const AudioBuffer loop = fit(clickTrack(120.0, 4.0), 120.0 / 90.0, 0, true);
        const GridError l = gridError(clickOnsets(playedTwice(loop), 0.3), 90.0, 2 * loop.seconds(), 0.005);
        std::printf("| the same as a 2-bar loop, played twice: worst offset | %.2f ms (%d clicks; the first "
                    "pass's first attack lies before frame 0) | +-5 ms |\n",
                    1e3 * l.maxErrorSeconds, l.onsets);
    }
    {
        const AudioBuffer a4 = tone(440.0, 3.0);
        const AudioBuffer out = fit(a4, 1.0, 3.0, false);
        const double hz = measureFrequency(out, out.frames / 4, 3 * out.frames / 4);
        std::printf("| 440 Hz + 3 semitones (offline R3) | %.3f Hz (%+.4f %%) | 523.25 Hz +-0.5 %% |\n", hz,
                    100 * (hz / 523.2511306 - 1));
        constexpr int kBlock = 512;
        LiveFitter live(kEngineSampleRate, 2, kBlock);
        live.setRatios({1.0, std::exp2(0.25)});
        LoopingSource pull{&a4};
        AudioBuffer heard(2, 3 * kEngineSampleRate);
        for (int64_t at = 0; at + kBlock <= heard.frames; at += kBlock) {
            float* planes[2] = {heard.channel(0) + at, heard.channel(1) + at};
            live.render(planes, kBlock, &LoopingSource::pull, &pull);
        }
        const double liveHz = measureFrequency(heard, heard.frames / 3, heard.frames - kBlock);
        std::printf(
            "| 440 Hz + 3 semitones (real-time R3, 512-frame blocks) | %.3f Hz (%+.4f %%) | 523.25 Hz "
            "+-0.5 %% |\n",
            liveHz, 100 * (liveHz / 523.2511306 - 1));
    }
    {
        int exact = 0, cases = 0;
        for (int frames : {4410, 22050, 30011, 44101, 52919})
            for (double ratio : {0.5, 90.0 / 128.0, 100.0 / 97.0, 1.5, 120.0 / 90.0})
                for (bool loop : {false, true}) {
                    const AudioBuffer out =
                        fit(seamlessChordLoop(double(frames) / kEngineSampleRate), ratio, 0, loop);
                    exact += out.frames == fittedFrames(frames, ratio) ? 1 : 0;
                    ++cases;
                }
        std::printf("| output length = round(frames x ratio) | %d of %d cases | all |\n", exact, cases);
    }
    {
        const AudioBuffer loop = seamlessChordLoop(2.0);
        const LoopContinuity source = measureLoop(loop);
        const LoopContinuity looped = measureLoop(fit(loop, 1.2, 0, true));
        const LoopContinuity plain = measureLoop(fit(loop, 1.2, 0, false));
        std::printf(
            "| loop seam, 2 s chord 120 -> 100 BPM: wrap step / 99.9th-percentile step | %.2f (source "
            "%.2f; plain stretch %.2f) | <= 1 |\n",
            looped.wrapJumpRatio, source.wrapJumpRatio, plain.wrapJumpRatio);
        std::printf(
            "| the same: largest step anywhere / 99.9th-percentile step | %.2f (source %.2f; plain %.2f) "
            "| <= 1.5 |\n",
            looped.maxJumpRatio, source.maxJumpRatio, plain.maxJumpRatio);
        std::printf(
            "| the same: 10 ms windows against the median (the chord beats) | %+.2f..%+.2f dB (source "
            "%+.2f..%+.2f; plain %+.2f..%+.2f) | within the source's +-1.5 dB |\n",
            looped.minWindowDb, looped.maxWindowDb, source.minWindowDb, source.maxWindowDb, plain.minWindowDb,
            plain.maxWindowDb);
    }

    const double seconds = quick ? 5.0 : 30.0;
    std::printf("\n### Speed (%.0f s stereo chord + clicks, one thread, CPU seconds)\n\n", seconds);
    AudioBuffer music = seamlessChordLoop(seconds);
    const AudioBuffer clicks = clickTrack(120.0, seconds);
    for (size_t i = 0; i < music.samples.size(); ++i)
        music.samples[i] += 0.5f * clicks.samples[i];
    const FitRatios stretch{120.0 / 90.0, std::exp2(3.0 / 12.0)};
    const double r2 =
        liveCpuSeconds(music, LiveFitter::Quality::Faster, stretch, seconds * stretch.timeRatio);
    const double r3Live =
        liveCpuSeconds(music, LiveFitter::Quality::Finer, stretch, seconds * stretch.timeRatio);
    const double r3Offline = cpuSecondsOf([&] { fit(music, stretch.timeRatio, 3.0, false); });
    const double r3Loop = cpuSecondsOf([&] { fit(music, stretch.timeRatio, 3.0, true); });
    const double outSeconds = seconds * stretch.timeRatio;
    std::printf(
        "120 -> 90 BPM and +3 semitones; %.1f s of output. Reference: Rubber Band's R2 real-time engine "
        "in the same run.\n\n",
        outSeconds);
    std::printf("| engine | CPU s | x real time | vs R2 real-time |\n|---|---|---|---|\n");
    auto row = [&](const char* name, double cpu) {
        std::printf("| %s | %.2f | %.1f | %.2f |\n", name, cpu, outSeconds / cpu, cpu / r2);
    };
    row("R2 real-time (reference)", r2);
    row("R3 real-time, short window (LiveFitter, preview)", r3Live);
    row("R3 offline (SampleFitter, export)", r3Offline);
    row("R3 offline as a loop (+ up to 2 s of its repetition)", r3Loop);
    return 0;
}
