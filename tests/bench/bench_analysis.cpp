// bench_analysis: accuracy of core/analysis on synthetic ground truth, and its speed. Not a test: it prints
// markdown tables for BENCHMARKS.md ("Analysis accuracy (issue 5)"); tests/analysis asserts floors on a
// smaller set. Ground truth is generated here (tests/analysis/SyntheticMusic), nothing is downloaded.
//
//   bench_analysis [--help] [--quick] [--speed | --tempo | --key] [--corpus DIR] [--corpus-tempo DIR]
//     --quick: fewer cases, for a smoke run; --speed: only the timings; --tempo: only the tempo table;
//     --key: only the synthetic key progressions;
//     --corpus DIR: only the evaluation corpus that tests/corpus/build_corpus.sh renders into DIR
//     (issue 17), ours beside qm-dsp and aubio; --corpus-tempo DIR: its tempo and beats only, ours alone
//     (--compare-truth DIR2 after it: scored against DIR2/truth.tsv as well, e.g. the truth before a change)

#ifdef STEMCRATE_BENCH_CORPUS
#include "CorpusBench.h"
#endif
#include "AnalysisDigest.h"
#include "SyntheticMusic.h"

#include "analysis/Chromagram.h"
#include "analysis/KeyDetector.h"
#include "analysis/LoopFinder.h"
#include "analysis/LoudnessMeter.h"
#include "analysis/MonoMix.h"
#include "analysis/OnsetDetector.h"
#include "analysis/OnsetStrength.h"
#include "analysis/TempoEstimator.h"
#include "analysis/TrackAnalyzer.h"
#include "common/ThreadBudget.h"
#include "common/WorkerPool.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include <sys/syscall.h>
#include <unistd.h>

using namespace stemcrate;
using namespace stemcrate::analysis;

namespace {

double secondsOf(int64_t frame)
{
    return static_cast<double>(frame) / kEngineSampleRate;
}

double elapsedMs(const std::function<void()>& work)
{
    const auto start = std::chrono::steady_clock::now();
    work();
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

double cpuMs(clockid_t clock)
{
    timespec now{};
    clock_gettime(clock, &now);
    return 1e3 * static_cast<double>(now.tv_sec) + 1e-6 * static_cast<double>(now.tv_nsec);
}

// Median wall-clock and thread CPU time of `runs` runs. CPU time is what the other engineers' builds on
// the same two cores disturb least.
struct Timing
{
    double wallMs = 0.0, cpuMs = 0.0;
};

// `clock`: CLOCK_PROCESS_CPUTIME_ID where the work runs on a pool's threads too.
Timing median(int runs, const std::function<void()>& work, clockid_t clock = CLOCK_THREAD_CPUTIME_ID)
{
    std::vector<double> walls, cpus;
    for (int i = 0; i < runs; ++i) {
        const double cpuStart = cpuMs(clock);
        walls.push_back(elapsedMs(work));
        cpus.push_back(cpuMs(clock) - cpuStart);
    }
    std::sort(walls.begin(), walls.end());
    std::sort(cpus.begin(), cpus.end());
    return {walls[walls.size() / 2], cpus[cpus.size() / 2]};
}

// Greedy one-to-one matching within `tolerance` seconds.
struct Matching
{
    int matched = 0, detected = 0, truth = 0;
    double absErrorSum = 0.0;
    double precision() const { return detected ? double(matched) / detected : 0.0; }
    double recall() const { return truth ? double(matched) / truth : 0.0; }
    double f() const
    {
        const double p = precision(), r = recall();
        return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
    }
    void add(const Matching& o)
    {
        matched += o.matched;
        detected += o.detected;
        truth += o.truth;
        absErrorSum += o.absErrorSum;
    }
};

Matching match(const std::vector<double>& detected, const std::vector<double>& truth, double tolerance)
{
    Matching m;
    m.detected = static_cast<int>(detected.size());
    m.truth = static_cast<int>(truth.size());
    std::vector<bool> used(detected.size(), false);
    for (double t : truth) {
        int best = -1;
        double bestError = tolerance;
        for (size_t k = 0; k < detected.size(); ++k) {
            const double e = std::abs(detected[k] - t);
            if (!used[k] && e <= bestError) {
                bestError = e;
                best = static_cast<int>(k);
            }
        }
        if (best >= 0) {
            used[static_cast<size_t>(best)] = true;
            ++m.matched;
            m.absErrorSum += bestError;
        }
    }
    return m;
}

std::vector<double> toSeconds(const std::vector<int64_t>& frames)
{
    std::vector<double> out;
    for (int64_t f : frames)
        out.push_back(secondsOf(f));
    return out;
}

// --- Tempo -------------------------------------------------------------------------------------------

struct TempoTally
{
    int cases = 0, correct = 0, octave = 0, other = 0;
    double absErrorSum = 0.0; // over correct cases
    Matching beats;           // correct cases only, +-50 ms
    int downbeatCases = 0, downbeatCorrect = 0;
};

void tallyTempo(TempoTally& tally, const synth::Track& track, const Result<TempoResult>& result)
{
    ++tally.cases;
    const double bpm = result ? result->bpm : 0.0;
    const double truth = track.bpm;
    if (std::abs(bpm - truth) <= 0.5) {
        ++tally.correct;
        tally.absErrorSum += std::abs(bpm - truth);
        tally.beats.add(match(toSeconds(result->beatFrames), track.beatsSeconds, 0.05));
        // Downbeats: right when most detected downbeats sit on true ones.
        const Matching d = match(toSeconds(result->downbeatFrames), track.downbeatsSeconds, 0.05);
        ++tally.downbeatCases;
        tally.downbeatCorrect += d.detected > 0 && d.matched * 2 > d.detected;
    } else if (std::abs(bpm - 2 * truth) <= 1.0 || std::abs(bpm - truth / 2) <= 0.25) {
        ++tally.octave;
    } else {
        ++tally.other;
    }
}

void printTempoRow(const char* label, const TempoTally& t)
{
    std::printf("| %s | %d | %.1f %% | %.1f %% | %.1f %% | %.3f | %.3f | %.1f %% |\n", label, t.cases,
                100.0 * t.correct / std::max(1, t.cases), 100.0 * t.octave / std::max(1, t.cases),
                100.0 * t.other / std::max(1, t.cases), t.correct ? t.absErrorSum / t.correct : 0.0,
                t.beats.f(), 100.0 * t.downbeatCorrect / std::max(1, t.downbeatCases));
}

void benchTempo(bool quick)
{
    struct Range
    {
        synth::DrumStyle style;
        double lo, hi, swing;
    };
    // Where each pattern is played: the ground truth is what a drummer would count. The stress set plays
    // every pattern at every tempo, e.g. a boom-bap pattern at 176 BPM, which most listeners count at 88.
    const Range plausible[] = {{synth::DrumStyle::Rock, 60, 180, 0.6},
                               {synth::DrumStyle::House, 90, 150, 0.5},
                               {synth::DrumStyle::Breakbeat, 80, 180, 0.5},
                               {synth::DrumStyle::HipHop, 60, 115, 0.6}};
    const double step = quick ? 7.31 : 2.37; // non-integer tempi
    const double seconds = quick ? 15.0 : 20.0;
    TempoTally perStyle[4], plausibleAll, stress, withChords;
    uint32_t seed = 1;
    for (const Range& range : plausible) {
        for (double bpm = 60.0; bpm <= 180.0; bpm += step) {
            for (double swing : {0.0, range.swing}) {
                synth::DrumSpec spec;
                spec.bpm = bpm;
                spec.style = range.style;
                spec.swing = swing;
                spec.seconds = seconds;
                spec.leadInSeconds = (seed % 3) * 0.37;
                spec.seed = seed++;
                const synth::Track track = synth::drums(spec);
                const auto result = TempoEstimator().estimate(track.audio);
                const bool inRange = bpm >= range.lo && bpm <= range.hi;
                if (inRange) {
                    tallyTempo(perStyle[static_cast<int>(range.style)], track, result);
                    tallyTempo(plausibleAll, track, result);
                }
                tallyTempo(stress, track, result);
                // The same drums under a chord progression, tempo from the mix.
                if (inRange && swing == 0.0) {
                    synth::ChordSpec chords;
                    chords.tonic = static_cast<int>(seed % 12);
                    chords.minor = seed % 2;
                    chords.bpm = bpm;
                    chords.seconds = seconds;
                    chords.seed = seed;
                    synth::Track mixed = track;
                    mixed.audio = synth::mix(track.audio, synth::chords(chords).audio, 0.8f);
                    // chords() starts its bars at 0; shift the truth-free comparison to the drums' grid.
                    if (spec.leadInSeconds == 0.0)
                        tallyTempo(withChords, mixed, TempoEstimator().estimate(mixed.audio));
                }
            }
        }
    }
    std::printf("\n### Tempo\n\n");
    std::printf(
        "%s s clips, tempi from 60 to 180 BPM in steps of %.2f BPM (non-integer), straight and swung, "
        "some with a lead-in of silence. Correct: within +-0.5 BPM. Octave: twice or half the tempo. "
        "Beat F: detected beats within +-50 ms of the true ones (correct-tempo clips). Downbeats: clips "
        "where most detected downbeats are true ones.\n\n",
        quick ? "15" : "20", step);
    std::printf("| set | clips | correct | octave | other | mean abs error (BPM) | beat F | downbeats |\n");
    std::printf("|---|---|---|---|---|---|---|---|\n");
    printTempoRow("rock 60-180", perStyle[0]);
    printTempoRow("house 90-150", perStyle[1]);
    printTempoRow("breakbeat 80-180", perStyle[2]);
    printTempoRow("hip-hop 60-115", perStyle[3]);
    printTempoRow("**all patterns, their ranges**", plausibleAll);
    printTempoRow("drums + chords (mix), their ranges, straight", withChords);
    printTempoRow("stress: every pattern at every tempo", stress);
}

// --- Key ---------------------------------------------------------------------------------------------

void benchKey(bool quick)
{
    const char* names[3][2] = {{"I-IV-V-I", "i-iv-V-i (harmonic)"},
                               {"I-vi-IV-V", "i-VII-VI-V (Andalusian)"},
                               {"I-V-vi-IV", "i-VI-III-VII (Aeolian)"}};
    struct Tally
    {
        int cases = 0, correct = 0, relative = 0, fifth = 0, parallel = 0, other = 0;
        double mirex = 0.0;
    };
    Tally perProgression[3][2], all, unambiguous, withDrums;
    // Confidence bands [0, .25), [.25, .5), [.5, .75), [.75, 1]: cases and exact keys in each.
    std::array<int, 4> bandCases{}, bandExact{};
    uint32_t seed = 1000;
    for (int progression = 0; progression < 3; ++progression) {
        for (int minor = 0; minor < 2; ++minor) {
            for (int tonic = 0; tonic < 12; tonic += quick ? 3 : 1) {
                synth::ChordSpec spec;
                spec.tonic = tonic;
                spec.minor = minor;
                spec.progression = progression;
                spec.bpm = 80.0 + 5.3 * tonic;
                spec.seconds = 16.0;
                spec.seed = seed++;
                const synth::Track track = synth::chords(spec);
                for (bool drums : {false, true}) {
                    AudioBuffer audio = track.audio;
                    if (drums) {
                        synth::DrumSpec d;
                        d.bpm = spec.bpm;
                        d.seconds = spec.seconds;
                        d.seed = seed;
                        audio = synth::mix(track.audio, synth::drums(d).audio, 0.7f);
                    }
                    const auto result = KeyDetector().detect(audio);
                    Tally t;
                    t.cases = 1;
                    if (result) {
                        const int d = ((result->tonic - tonic) % 12 + 12) % 12;
                        if (d == 0 && result->minor == bool(minor)) {
                            t.correct = 1;
                            t.mirex = 1.0;
                        } else if (result->minor != bool(minor) &&
                                   ((minor && d == 3) || (!minor && d == 9))) {
                            t.relative = 1;
                            t.mirex = 0.3;
                        } else if (result->minor == bool(minor) && (d == 7 || d == 5)) {
                            t.fifth = 1;
                            t.mirex = 0.5;
                        } else if (d == 0) {
                            t.parallel = 1;
                            t.mirex = 0.2;
                        } else {
                            t.other = 1;
                        }
                    } else {
                        t.other = 1;
                    }
                    const size_t band =
                        result ? std::min<size_t>(3, static_cast<size_t>(result->confidence * 4.0)) : 0;
                    ++bandCases[band];
                    bandExact[band] += t.correct;
                    for (Tally* target :
                         {&perProgression[progression][minor], &all, drums ? &withDrums : nullptr,
                          (progression == 2 && minor) ? nullptr : &unambiguous}) {
                        if (!target)
                            continue;
                        target->cases += t.cases;
                        target->correct += t.correct;
                        target->relative += t.relative;
                        target->fifth += t.fifth;
                        target->parallel += t.parallel;
                        target->other += t.other;
                        target->mirex += t.mirex;
                    }
                }
            }
        }
    }
    const auto row = [](const std::string& label, const Tally& t) {
        std::printf("| %s | %d | %.1f %% | %d | %d | %d | %d | %.3f |\n", label.c_str(), t.cases,
                    100.0 * t.correct / std::max(1, t.cases), t.relative, t.fifth, t.parallel, t.other,
                    t.mirex / std::max(1, t.cases));
    };
    std::printf("\n### Key\n\n");
    std::printf("Additive-synthesis chord progressions (pad triads, bass on beats 1 and 3, a melody from the "
                "scale), 16 s, %s, each alone and under a drum loop. Relative/fifth/parallel: the usual near "
                "misses; MIREX: the weighted score (1, fifth 0.5, relative 0.3, parallel 0.2).\n\n",
                quick ? "tonics C, Eb, F#, A" : "all 12 tonics");
    std::printf("| progression | clips | correct | relative | fifth | parallel | other | MIREX |\n");
    std::printf("|---|---|---|---|---|---|---|---|\n");
    for (int progression = 0; progression < 3; ++progression)
        for (int minor = 0; minor < 2; ++minor)
            row(names[progression][minor], perProgression[progression][minor]);
    row("**all 24 keys, all progressions**", all);
    row("all but the Aeolian minor loop (same pitch set as its relative major)", unambiguous);
    row("with drums", withDrums);
    std::printf("\n| key confidence | clips | correct |\n|---|---|---|\n");
    const char* bands[4] = {"0-0.25", "0.25-0.5", "0.5-0.75", "0.75-1"};
    for (size_t b = 0; b < 4; ++b)
        std::printf("| %s | %d | %d |\n", bands[b], bandCases[b], bandExact[b]);
}

// --- Onsets ------------------------------------------------------------------------------------------

void benchOnsets(bool quick)
{
    const int tracks = quick ? 4 : 20;
    Matching mixed, perKind[5], drumPatterns;
    for (int i = 0; i < tracks; ++i) {
        const synth::Track t = synth::onsetEvents(500 + i, 30.0);
        std::vector<double> detected;
        for (const Onset& o : OnsetDetector().detect(t.audio))
            detected.push_back(secondsOf(o.frame));
        mixed.add(match(detected, t.onsetsSeconds, 0.02));
    }
    for (int kind = 0; kind < 5; ++kind) {
        for (int i = 0; i < (quick ? 1 : 4); ++i) {
            const synth::Track t = synth::onsetEvents(900 + 10 * kind + i, 30.0, kind);
            std::vector<double> detected;
            for (const Onset& o : OnsetDetector().detect(t.audio))
                detected.push_back(secondsOf(o.frame));
            perKind[kind].add(match(detected, t.onsetsSeconds, 0.02));
        }
    }
    for (int i = 0; i < (quick ? 4 : 16); ++i) {
        synth::DrumSpec spec;
        spec.bpm = 70.0 + 6.7 * i;
        spec.style = static_cast<synth::DrumStyle>(i % 4);
        spec.swing = i % 3 == 0 ? 0.5 : 0.0;
        spec.seed = 300 + i;
        const synth::Track t = synth::drums(spec);
        std::vector<double> detected;
        for (const Onset& o : OnsetDetector().detect(t.audio))
            detected.push_back(secondsOf(o.frame));
        drumPatterns.add(match(detected, t.onsetsSeconds, 0.02));
    }
    const auto row = [](const char* label, const Matching& m) {
        std::printf("| %s | %d | %.3f | %.3f | **%.3f** | %.1f |\n", label, m.truth, m.precision(),
                    m.recall(), m.f(), m.matched ? 1000.0 * m.absErrorSum / m.matched : 0.0);
    };
    std::printf("\n### Onsets\n\n");
    std::printf(
        "Default options (sensitivity 0.5). A detection counts within +-20 ms of a true onset, one "
        "to one. Random events: kicks, snares, hats, plucked and struck tones at -20..0 dB, 80-500 ms "
        "apart, overlapping decays, over a -60 dB noise floor.\n\n");
    std::printf("| material | true onsets | precision | recall | F | mean abs error (ms) |\n");
    std::printf("|---|---|---|---|---|---|\n");
    row("random events, mixed kinds", mixed);
    const char* kinds[] = {"kicks only", "snares only", "hats only", "plucked tones only",
                           "struck tones only"};
    for (int k = 0; k < 5; ++k)
        row(kinds[k], perKind[k]);
    row("drum patterns (16ths, flams of kick+hat count once)", drumPatterns);
}

// --- Loudness ----------------------------------------------------------------------------------------

void benchLoudness()
{
    std::printf("\n### Loudness\n\n");
    AudioBuffer sine(2, 10 * kEngineSampleRate);
    for (int c = 0; c < 2; ++c)
        for (int64_t i = 0; i < sine.frames; ++i)
            sine.channel(c)[i] =
                0.1f * static_cast<float>(std::sin(2.0 * M_PI * 997.0 * i / kEngineSampleRate));
    const auto s = LoudnessMeter().measure(sine);
    std::printf("- 997 Hz sine, -20 dBFS peak, both channels: %.2f LUFS (BS.1770 expects -20.00), true peak "
                "%.2f dBTP\n",
                s->integratedLufs, s->truePeakDbtp);
    AudioBuffer quarter(2, 2 * kEngineSampleRate);
    for (int c = 0; c < 2; ++c)
        for (int64_t i = 0; i < quarter.frames; ++i)
            quarter.channel(c)[i] = 0.5f * static_cast<float>(std::sin(M_PI / 2 * i + M_PI / 4));
    const auto q = LoudnessMeter().measure(quarter);
    std::printf(
        "- fs/4 sine at 45 degrees, amplitude 0.5 (samples at -9.03 dBFS): true peak %.2f dBTP (ideal "
        "-6.02; libebur128's 4x interpolation)\n",
        q->truePeakDbtp);
    int same = 0, total = 0;
    for (int i = 0; i < 8; ++i) {
        synth::DrumSpec d;
        d.bpm = 90 + 9 * i;
        d.style = static_cast<synth::DrumStyle>(i % 4);
        d.seed = 40 + i;
        const AudioBuffer audio = synth::mix(synth::drums(d).audio, synth::onsetEvents(60 + i, 20.0).audio);
        LoudnessOptions exact;
        exact.exactTruePeak = true;
        const auto fast = LoudnessMeter().measure(audio);
        const auto full = LoudnessMeter(exact).measure(audio);
        same += std::abs(fast->truePeakDbtp - full->truePeakDbtp) < 1e-9;
        ++total;
    }
    std::printf("- block-pruned true peak equals libebur128's full pass on %d of %d synthetic mixes\n", same,
                total);
}

// --- Speed -------------------------------------------------------------------------------------------

// CPU time and run-queue wait (ms) of every thread of this process, from /proc/self/task/*/schedstat.
struct ThreadTimes
{
    double cpuMs = 0.0, waitMs = 0.0;
};

std::map<std::string, ThreadTimes> threadTimes()
{
    std::map<std::string, ThreadTimes> times;
    std::error_code error;
    for (const auto& task : std::filesystem::directory_iterator("/proc/self/task", error)) {
        std::ifstream stat(task.path() / "schedstat");
        double cpuNs = 0.0, waitNs = 0.0;
        if (stat >> cpuNs >> waitNs)
            times[task.path().filename().string()] = {cpuNs * 1e-6, waitNs * 1e-6};
    }
    return times;
}

// One pooled analysis: its wall time, the CPU time of its busiest thread (what two idle cores would take at
// least, whatever the load) and the time this thread waited for a core (what the load cost).
struct PooledTiming
{
    double wallMs = 0.0, busiestCpuMs = 0.0, callerWaitMs = 0.0;
    double fastestWallMs = 0.0; // of the runs: the one that found the cores freest
};

PooledTiming pooledTiming(int runs, const std::function<void()>& work)
{
    std::vector<PooledTiming> timings;
    const std::string self = std::to_string(static_cast<long>(syscall(SYS_gettid)));
    for (int i = 0; i < runs; ++i) {
        const auto before = threadTimes();
        PooledTiming t;
        t.wallMs = elapsedMs(work);
        for (const auto& [id, after] : threadTimes()) {
            const auto was = before.find(id);
            const ThreadTimes start = was == before.end() ? ThreadTimes{} : was->second;
            t.busiestCpuMs = std::max(t.busiestCpuMs, after.cpuMs - start.cpuMs);
            if (id == self)
                t.callerWaitMs = after.waitMs - start.waitMs;
        }
        timings.push_back(t);
    }
    std::sort(timings.begin(), timings.end(),
              [](const auto& a, const auto& b) { return a.wallMs < b.wallMs; });
    PooledTiming median = timings[timings.size() / 2];
    median.fastestWallMs = timings.front().wallMs;
    return median;
}

// /proc/loadavg's three averages: the machine's two cores are shared with other engineers' builds.
std::string loadAverage()
{
    std::FILE* file = std::fopen("/proc/loadavg", "r");
    double one = 0.0, five = 0.0, fifteen = 0.0;
    const bool read = file && std::fscanf(file, "%lf %lf %lf", &one, &five, &fifteen) == 3;
    if (file)
        std::fclose(file);
    if (!read)
        return "unknown";
    char text[64];
    std::snprintf(text, sizeof text, "%.2f, %.2f, %.2f", one, five, fifteen);
    return text;
}

void benchSpeed(bool quick)
{
    const double seconds = 180.0;
    synth::DrumSpec d;
    d.bpm = 123.4;
    d.seconds = seconds;
    d.style = synth::DrumStyle::Breakbeat;
    const synth::Track drums = synth::drums(d);
    synth::ChordSpec c;
    c.bpm = 123.4;
    c.seconds = seconds;
    c.tonic = 9;
    c.minor = true;
    const synth::Track chords = synth::chords(c);
    const AudioBuffer mix = synth::mix(drums.audio, chords.audio, 0.8f);
    const int runs = quick ? 1 : 5;

    const std::vector<float> mono = monoMix(mix);
    const auto count = static_cast<int64_t>(mono.size());
    const OnsetStrength envelope = OnsetStrength::compute(mono.data(), count, kEngineSampleRate);
    const Chromagram chroma = Chromagram::compute(mono.data(), count, kEngineSampleRate);
    const TempoResult tempo = TempoEstimator().estimate(envelope).value();

    std::printf("\n### Speed\n\nLoad average at the start: %s\n\n", loadAverage().c_str());
    std::printf(
        "A 3-minute stereo 44.1 kHz stem (synthetic drums + chords), one thread, median of %d runs; wall "
        "clock and the thread's CPU time (the machine's two cores are shared with other builds).\n\n",
        runs);
    std::printf("| step | wall ms | CPU ms |\n|---|---|---|\n");
    const auto row = [&](const char* label, const Timing& t) {
        std::printf("| %s | %.0f | %.0f |\n", label, t.wallMs, t.cpuMs);
    };
    row("mono mix", median(runs, [&] { (void)monoMix(mix); }));
    row("onset-strength pass (aubio FFT, SuperFlux in 3 bands, 6 band levels)",
        median(runs, [&] { (void)OnsetStrength::compute(mono.data(), count, kEngineSampleRate); }));
    row("- of which the harmonic-change profile (HarmonicChange: decimate to 5.5 kHz, KissFFT)",
        median(runs, [&] { (void)HarmonicChange::compute(mono.data(), count, kEngineSampleRate); }));
    row("- the pass without it (HarmonyPass::Skip: onsets, loops)", median(runs, [&] {
            (void)OnsetStrength::compute(mono.data(), count, kEngineSampleRate,
                                         OnsetStrength::HarmonyPass::Skip);
        }));
    row("chromagram (decimate to 11 kHz, KissFFT)",
        median(runs, [&] { (void)Chromagram::compute(mono.data(), count, kEngineSampleRate); }));
    row("onsets (aubio peak picker)", median(runs, [&] { (void)OnsetDetector().detect(envelope); }));
    row("tempo, beats, downbeats", median(runs, [&] { (void)TempoEstimator().estimate(envelope); }));
    row("key", median(runs, [&] { (void)KeyDetector().detect(chroma); }));
    row("loudness + true peak (libebur128)", median(runs, [&] { (void)LoudnessMeter().measure(mix); }));
    row("loops", median(runs, [&] { (void)LoopFinder().find(envelope, chroma, tempo, mix.frames); }));
    const Timing whole = median(runs, [&] { (void)TrackAnalyzer().analyze(mix); });
    std::printf("| **TrackAnalyzer, one 3-minute stem (all of the above)** | **%.0f** | **%.0f** |\n",
                whole.wallMs, whole.cpuMs);
    const std::vector<StemInput> stems = {{"drums", &drums.audio},
                                          {"bass", &chords.audio},
                                          {"other", &chords.audio},
                                          {"vocals", &chords.audio}};
    row("TrackAnalyzer, mix + 4 stems (one thread)",
        median(quick ? 1 : 3, [&] { (void)TrackAnalyzer().analyze(mix, stems); }));
    // The same on the app's analysis step threads (ThreadBudget): wall time, and the CPU time of all threads.
    const int threads = ThreadBudget::forMachine(2, false).analysisStepThreads;
    WorkerPool pool(threads);
    TrackAnalyzerOptions pooled;
    pooled.pool = &pool;
    const Timing parallel = median(
        runs, [&] { (void)TrackAnalyzer(pooled).analyze(mix); }, CLOCK_PROCESS_CPUTIME_ID);
    std::printf(
        "| **TrackAnalyzer, one 3-minute stem, %d threads (WorkerPool; CPU of all threads)** | **%.0f** | "
        "**%.0f** |\n",
        threads, parallel.wallMs, parallel.cpuMs);
    const PooledTiming busiest =
        pooledTiming(quick ? 3 : 9, [&] { (void)TrackAnalyzer(pooled).analyze(mix); });
    std::printf(
        "| - its busiest thread's CPU (the least two idle cores take); this thread waited %.0f ms for a "
        "core; fastest run %.0f ms wall | %.0f | %.0f |\n",
        busiest.callerWaitMs, busiest.fastestWallMs, busiest.wallMs, busiest.busiestCpuMs);
    row("TrackAnalyzer, mix + 4 stems, 2 threads (CPU of all threads)",
        median(
            quick ? 1 : 3, [&] { (void)TrackAnalyzer(pooled).analyze(mix, stems); },
            CLOCK_PROCESS_CPUTIME_ID));
    LoudnessOptions exact;
    exact.exactTruePeak = true;
    row("for comparison: libebur128 true peak over every block",
        median(runs, [&] { (void)LoudnessMeter(exact).measure(mix); }));
    const auto serialResult = TrackAnalyzer().analyze(mix, stems);
    const auto pooledResult = TrackAnalyzer(pooled).analyze(mix, stems);
    const bool same = serialResult && pooledResult &&
                      analysisDigest(serialResult.value()) == analysisDigest(pooledResult.value());
    std::printf("\n%d threads give the one-thread result to the bit (mix + 4 stems): %s. Load average at the "
                "end: %s\n",
                threads, same ? "yes" : "NO", loadAverage().c_str());
}

} // namespace

namespace {

void printUsage(std::FILE* to)
{
    std::fprintf(
        to,
        "usage: bench_analysis [--quick] [--speed | --tempo | --key]\n"
        "       bench_analysis --corpus DIR | --corpus-tempo DIR [--compare-truth DIR2]\n"
        "  (none)          every synthetic table (tempo, key, onsets, loudness), then the timings\n"
        "  --quick         fewer cases, for a smoke run\n"
        "  --tempo         the synthetic tempo and beat table only\n"
        "  --key           the synthetic key progressions only\n"
        "  --speed         the timings only (a 3-minute stem, one thread and the analysis step threads)\n"
        "  --corpus DIR    the evaluation corpus (tests/corpus/build_corpus.sh DIR): tempo, beats and key,\n"
        "                  ours beside qm-dsp and aubio (DIR/reference.tsv, written by bench_reference DIR)\n"
        "  --corpus-tempo DIR  the corpus' tempo and beats only, ours alone; --compare-truth DIR2 scores\n"
        "                  against DIR2/truth.tsv as well\n");
}

} // namespace

int main(int argc, char** argv)
{
    bool quick = false, speedOnly = false, tempoOnly = false, keyOnly = false;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0) {
            printUsage(stdout);
            return 0;
        }
        const std::array<const char*, 7> options = {"--quick",  "--tempo",        "--speed",        "--key",
                                                    "--corpus", "--corpus-tempo", "--compare-truth"};
        if (argv[i][0] == '-' &&
            std::none_of(options.begin(), options.end(), [&](const char* o) { return std::strcmp(argv[i], o) == 0; })) {
            std::fprintf(stderr, "bench_analysis: unknown option %s\n", argv[i]);
            printUsage(stderr);
            return 2;
        }
        quick |= std::strcmp(argv[i], "--quick") == 0;
        tempoOnly |= std::strcmp(argv[i], "--tempo") == 0;
        speedOnly |= std::strcmp(argv[i], "--speed") == 0;
        keyOnly |= std::strcmp(argv[i], "--key") == 0;
#ifdef STEMCRATE_BENCH_CORPUS
        if (std::strcmp(argv[i], "--corpus") == 0 && i + 1 < argc)
            return bench::benchCorpus(argv[i + 1]) ? 0 : 1;
        if (std::strcmp(argv[i], "--corpus-tempo") == 0 && i + 1 < argc) {
            const bool compare = i + 3 < argc && std::strcmp(argv[i + 2], "--compare-truth") == 0;
            return bench::benchCorpusTempo(argv[i + 1], compare ? argv[i + 3] : "") ? 0 : 1;
        }
#endif
    }
    std::printf("## Analysis accuracy (issue 5)\n");
    if (tempoOnly) {
        benchTempo(quick);
        return 0;
    }
    if (keyOnly) {
        benchKey(quick);
        return 0;
    }
    if (!speedOnly) {
        benchTempo(quick);
        benchKey(quick);
        benchOnsets(quick);
        benchLoudness();
    }
    benchSpeed(quick);
    return 0;
}
