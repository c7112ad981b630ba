// BeatPhase and HarmonicChange: beat or off-beat decided by where the harmony changes, on generated
// material whose onsets point at the off-beat: soft chords and a walking bass on the beats, loud short
// stabs of the same chord on every "and" (a skank, comping on the off-beats), chords changing every two
// beats. The onset envelope favours the "and"; the beat is where the chords and bass notes change.
#include "analysis/BeatPhase.h"
#include "analysis/HarmonicChange.h"
#include "analysis/OnsetStrength.h"
#include "analysis/TempoEstimator.h"

#include <QtTest>

#include <cmath>
#include <numbers>
#include <random>
#include <vector>

using namespace stemcrate;
using namespace stemcrate::analysis;

namespace {

constexpr int kRate = kEngineSampleRate;

double hz(int midi)
{
    return 440.0 * std::pow(2.0, (midi - 69) / 12.0);
}

// A note of a few harmonics with an exponential decay, added into `out` from `startSeconds`.
void addNote(std::vector<float>& out, double startSeconds, double seconds, int midi, float level,
             double decaySeconds)
{
    const auto start = static_cast<int64_t>(startSeconds * kRate);
    const auto count = static_cast<int64_t>(seconds * kRate);
    const double f = hz(midi);
    for (int64_t i = 0; i < count && start + i < static_cast<int64_t>(out.size()); ++i) {
        const double t = static_cast<double>(i) / kRate;
        const double attack = std::min(1.0, t / 0.004);
        const double envelope = level * attack * std::exp(-t / decaySeconds);
        double v = 0.0;
        for (int h = 1; h <= 4; ++h)
            v += std::sin(2.0 * std::numbers::pi * f * h * t) / h;
        out[static_cast<size_t>(start + i)] += static_cast<float>(envelope * v);
    }
}

struct Skank
{
    std::vector<float> mono;
    std::vector<double> beatsSeconds;
};

// bpm, seconds: the piece; chords change every two beats (I vi IV V in C), the bass walks root-fifth.
Skank skank(double bpm, double seconds)
{
    static const int kChords[4][3] = {{60, 64, 67}, {57, 60, 64}, {53, 57, 60}, {55, 59, 62}};
    static const int kRoots[4] = {36, 33, 41, 43};
    Skank out;
    out.mono.assign(static_cast<size_t>(seconds * kRate), 0.0f);
    const double beat = 60.0 / bpm;
    for (int k = 0; (k + 1) * beat < seconds; ++k) {
        const double t = k * beat;
        const int chord = (k / 2) % 4;
        out.beatsSeconds.push_back(t);
        for (int note : kChords[chord]) {
            addNote(out.mono, t, beat, note, 0.08f, 0.4); // soft sustained chord on the beat
            addNote(out.mono, t + 0.5 * beat, 0.5 * beat, note + 12, 0.5f, 0.06); // loud stab on the "and"
        }
        addNote(out.mono, t, beat, kRoots[chord] + (k % 2 ? 7 : 0), 0.25f, 0.3); // bass on the beat
    }
    return out;
}

// Drum-like material: 50 ms bursts of white noise four times a second, 10 seconds.
HarmonicChange noiseBursts()
{
    std::vector<float> noise(static_cast<size_t>(10 * kRate), 0.0f);
    std::mt19937 rng(3);
    std::normal_distribution<float> white(0.0f, 0.3f);
    for (size_t i = 0; i < noise.size(); ++i)
        if (i % (kRate / 4) < kRate / 20)
            noise[i] = white(rng);
    return HarmonicChange::compute(noise.data(), static_cast<int64_t>(noise.size()), kRate);
}

double offsetInBeats(double seconds, double beatSeconds)
{
    return std::remainder(seconds, beatSeconds) / beatSeconds;
}

} // namespace

class TestBeatPhase : public QObject
{
    Q_OBJECT

private slots:
    void harmonyChangesOnTheBeatAndDrumsHaveNone()
    {
        const double bpm = 120.0, beat = 0.5;
        const Skank music = skank(bpm, 20.0);
        const HarmonicChange harmony =
            HarmonicChange::compute(music.mono.data(), static_cast<int64_t>(music.mono.size()), kRate);
        QVERIFY(!harmony.empty());
        QVERIFY2(harmony.tonality() >= BeatPhase::kMinimumTonality,
                 qPrintable(QString::number(harmony.tonality())));
        double onBeats = 0.0, offBeats = 0.0;
        int n = 0;
        for (double t = 2.0; t < 18.0; t += beat, ++n) {
            onBeats += harmony.change(t, beat);
            offBeats += harmony.change(t + 0.5 * beat, beat);
        }
        QVERIFY2(onBeats > 1.5 * offBeats, qPrintable(QString("%1 %2").arg(onBeats / n).arg(offBeats / n)));
        // Noise bursts (drums) are not tonal; silence has no change.
        const HarmonicChange drums = noiseBursts();
        QVERIFY2(drums.tonality() < BeatPhase::kMinimumTonality,
                 qPrintable(QString::number(drums.tonality())));
        const std::vector<float> silence(static_cast<size_t>(5 * kRate), 0.0f);
        QCOMPARE(HarmonicChange::compute(silence.data(), static_cast<int64_t>(silence.size()), kRate)
                     .change(2.0, 0.5),
                 0.0);
        QVERIFY(HarmonicChange::compute(nullptr, 0, kRate).empty());
    }

    void gridOnTheOffBeatMovesToWhereTheHarmonyChanges()
    {
        const double bpm = 120.0;
        const Skank music = skank(bpm, 24.0);
        const OnsetStrength envelope =
            OnsetStrength::compute(music.mono.data(), static_cast<int64_t>(music.mono.size()), kRate);
        const double period = 60.0 * envelope.valuesPerSecond() / bpm;
        const double beatIndex = envelope.indexOfAudioFrame(0.0); // the first beat, in envelope values
        ConstantGrid::Fit fit;
        fit.period = period;
        fit.phase = std::fmod(beatIndex + 0.5 * period + 10.0 * period, period); // on the "and"
        QVERIFY(BeatPhase::preferHarmonicChange(fit, envelope, envelope.harmony()));
        QVERIFY2(std::abs(std::remainder(fit.phase - beatIndex, period)) < 0.05 * period,
                 qPrintable(QString::number(fit.phase)));
        // On the beat it stays.
        QVERIFY(!BeatPhase::preferHarmonicChange(fit, envelope, envelope.harmony()));
    }

    // Drums alone: kick and snare on the beats, a pedal hat (a little body-band energy) and open hats (loud,
    // above the body band, so only in the full envelope) on every "and". A grid on the "and" moves onto the
    // kicks and snares; on tonal material that rule leaves the harmony its say.
    void drumsAloneFollowKickAndSnare()
    {
        const double period = 86.137, phase = 23.4;
        std::vector<float> low(5200, 0.0f), body(5200, 0.0f);
        for (int k = 0; phase + (k + 1) * period < 5200.0; ++k) {
            const auto beat = static_cast<size_t>(std::lround(phase + k * period));
            const auto half = static_cast<size_t>(std::lround(phase + (k + 0.5) * period));
            body[beat] = 1.0f;                    // kick or snare
            low[beat] = k % 2 == 0 ? 0.8f : 0.1f; // the kick on 1 and 3
            body[half] = 0.3f;                    // pedal hat
        }
        const HarmonicChange drums = noiseBursts();
        ConstantGrid::Fit fit;
        fit.period = period;
        fit.phase = phase + 0.5 * period;
        QVERIFY(BeatPhase::preferKickAndSnare(fit, low, body, drums));
        QVERIFY2(std::abs(std::remainder(fit.phase - phase, period)) < 0.5,
                 qPrintable(QString::number(fit.phase)));
        QVERIFY(!BeatPhase::preferKickAndSnare(fit, low, body, drums)); // on the beat it stays
        const Skank music = skank(120.0, 10.0);
        const HarmonicChange tonal =
            HarmonicChange::compute(music.mono.data(), static_cast<int64_t>(music.mono.size()), kRate);
        fit.phase = phase + 0.5 * period;
        QVERIFY(!BeatPhase::preferKickAndSnare(fit, low, body, tonal));
    }

    // Even sixteenths of equal loudness, the chord changing on every beat: the onsets leave the beat open
    // at every quarter of it. A grid that stands out but is not steady, a quarter off, moves onto the beats
    // and counts as steady; a steady grid, or one in music whose chord never changes, is left alone.
    void unsteadyGridAdoptsWhereTheHarmonyChanges()
    {
        static const int kChords[4][3] = {{60, 64, 67}, {57, 60, 64}, {53, 57, 60}, {55, 59, 62}};
        const double bpm = 104.0, beat = 60.0 / bpm, seconds = 20.0;
        const auto sixteenths = [&](bool changing) {
            std::vector<float> mono(static_cast<size_t>(seconds * kRate), 0.0f);
            for (int k = 0; (k + 1) * beat < seconds; ++k)
                for (int s = 0; s < 4; ++s)
                    for (int note : kChords[changing ? k % 4 : 0])
                        addNote(mono, (k + 0.25 * s) * beat, 0.25 * beat, note, 0.2f, 0.08);
            return OnsetStrength::compute(mono.data(), static_cast<int64_t>(mono.size()), kRate);
        };
        const OnsetStrength changing = sixteenths(true);
        const double period = 60.0 * changing.valuesPerSecond() / bpm;
        const double beatIndex = changing.indexOfAudioFrame(0.0);
        ConstantGrid::Fit fit;
        fit.period = period;
        fit.standsOut = true;
        for (double quarter : {0.25, 0.5, 0.75}) {
            fit.phase = std::fmod(beatIndex + quarter * period, period);
            fit.steady = false;
            QVERIFY(BeatPhase::adoptWhereHarmonyChanges(fit, changing, changing.harmony()));
            QVERIFY(fit.steady);
            QVERIFY2(std::abs(std::remainder(fit.phase - beatIndex, period)) < 0.05 * period,
                     qPrintable(QString::number(fit.phase)));
        }
        fit.phase = std::fmod(beatIndex + 0.25 * period, period);
        fit.steady = true; // the tracked beats agree with it: not this rule's business
        QVERIFY(!BeatPhase::adoptWhereHarmonyChanges(fit, changing, changing.harmony()));
        fit.steady = false;
        const OnsetStrength oneChord = sixteenths(false);
        QVERIFY(!BeatPhase::adoptWhereHarmonyChanges(fit, oneChord, oneChord.harmony()));
        QVERIFY(!fit.steady);
    }

    // The steady grid runs through the whole piece: from a quarter period before the first sound (a soft
    // intro the tracker dropped, after a silent lead-in) to the last sound, never into the silence after.
    void steadyGridRunsWhileTheMusicSounds()
    {
        const double period = 86.13, phase = 10.0;
        std::vector<float> energy(3000, 0.0f);
        for (size_t i = 500; i < 2600; ++i)
            energy[i] = i < 1200 ? 0.01f : 1.0f; // a soft intro (-20 dB), then the band
        ConstantGrid::Fit fit;
        fit.period = period;
        fit.phase = phase;
        const double first = phase + 14 * period, last = phase + 28 * period; // the tracker's span
        const std::vector<double> beats = ConstantGrid::soundingBeats(fit, energy, first, last);
        QVERIFY(!beats.empty());
        QVERIFY2(beats.front() >= 500.0 - 0.25 * period && beats.front() < 500.0 + 0.75 * period,
                 qPrintable(QString::number(beats.front())));
        QVERIFY2(beats.back() <= 2599.0 && beats.back() > 2599.0 - period, qPrintable(QString::number(beats.back())));
        for (size_t i = 1; i < beats.size(); ++i)
            QVERIFY(std::abs(beats[i] - beats[i - 1] - period) < 1e-6);
        // Silence everywhere: the tracker's span, as ConstantGrid::beats gives it.
        const std::vector<float> silence(3000, 0.0f);
        QCOMPARE(ConstantGrid::soundingBeats(fit, silence, first, last), ConstantGrid::beats(fit, first, last));
    }

    // Swing: a ride's "ding-a" (the beat, then the swung "and" two thirds of the way to the next beat) and a
    // pedal hat on every straight "and". A grid on the hats moves onto the beats; one on the beats stays, and
    // straight sixteenths or a triplet feel (both thirds played) leave the grid where it is.
    void swungAndMarksTheBeat()
    {
        const double period = 103.36, phase = 20.3;
        const size_t n = 6000;
        const auto pulses = [&](std::initializer_list<std::pair<double, float>> pattern) {
            std::vector<float> envelope(n, 0.0f);
            for (int k = 0; phase + (k + 1) * period < static_cast<double>(n); ++k)
                for (const auto& [offset, level] : pattern)
                    envelope[static_cast<size_t>(std::lround(phase + (k + offset) * period))] = level;
            return envelope;
        };
        const std::vector<float> swung = pulses({{0.0, 4.4f}, {0.5, 3.6f}, {2.0 / 3.0, 2.7f}});
        ConstantGrid::Fit fit;
        fit.period = period;
        fit.phase = phase + 0.5 * period; // on the pedal hat
        QVERIFY(BeatPhase::preferSwungAnd(fit, swung));
        QVERIFY2(std::abs(std::remainder(fit.phase - phase, period)) < 1.0, qPrintable(QString::number(fit.phase)));
        QVERIFY(!BeatPhase::preferSwungAnd(fit, swung)); // on the beat it stays
        // Slow and sparse: strong beats, a ripple of the envelope elsewhere. No swung "and" to speak of.
        const std::vector<float> sparse = pulses({{0.0, 4.4f}, {0.5, 0.02f}, {1.0 / 6.0, 0.03f}});
        QVERIFY(!BeatPhase::preferSwungAnd(fit, sparse));
        for (const std::vector<float>& even : {pulses({{0.0, 4.4f}, {0.25, 2.0f}, {0.5, 3.6f}, {0.75, 2.0f}}),
                                               pulses({{0.0, 4.4f}, {1.0 / 3.0, 2.7f}, {0.5, 3.6f}, {2.0 / 3.0, 2.7f}})}) {
            fit.phase = phase + 0.5 * period;
            QVERIFY(!BeatPhase::preferSwungAnd(fit, even));
            fit.phase = phase;
            QVERIFY(!BeatPhase::preferSwungAnd(fit, even));
        }
    }

    // Hats a sixth of a beat ahead of each kick and snare: a grid on the hats (little body-band onset) moves
    // onto the kicks and snares, from either side; a grid on them stays however loud a ghost note nearby.
    void gridFollowsTheBodyBand()
    {
        const double period = 103.36, phase = 30.7;
        const size_t n = 6000;
        std::vector<float> body(n, 0.0f), ghosts(n, 0.0f);
        for (int k = 0; phase + (k + 1) * period < static_cast<double>(n); ++k) {
            body[static_cast<size_t>(std::lround(phase + k * period))] = 3.0f;
            body[static_cast<size_t>(std::lround(phase + (k - 1.0 / 6.0) * period + period))] = 0.4f; // hat's leak
            ghosts[static_cast<size_t>(std::lround(phase + k * period))] = 3.0f;
            ghosts[static_cast<size_t>(std::lround(phase + (k + 0.15) * period))] = 1.5f;
        }
        for (double start : {-1.0 / 6.0, 1.0 / 6.0}) {
            ConstantGrid::Fit fit;
            fit.period = period;
            fit.phase = std::fmod(phase + (1.0 + start) * period, period);
            QVERIFY(BeatPhase::preferBodyOnsets(fit, body));
            QVERIFY2(std::abs(std::remainder(fit.phase - phase, period)) < 1.0,
                     qPrintable(QString::number(fit.phase)));
            QVERIFY(!BeatPhase::preferBodyOnsets(fit, body)); // on the kicks it stays
        }
        ConstantGrid::Fit fit;
        fit.period = period;
        fit.phase = phase;
        QVERIFY(!BeatPhase::preferBodyOnsets(fit, ghosts));
        QCOMPARE(fit.phase, phase);
    }

    // End to end: the onsets alone put the grid on the "and" (the stabs are the loudest onsets); the
    // estimator's beats land on the notated beats.
    void tempoEstimatorPlacesBeatsWhereTheChordsChange()
    {
        for (double bpm : {96.0, 120.0, 132.0}) {
            const Skank music = skank(bpm, 24.0);
            AudioBuffer audio(1, static_cast<int64_t>(music.mono.size()));
            std::copy(music.mono.begin(), music.mono.end(), audio.samples.begin());
            const auto tempo = TempoEstimator().estimate(audio);
            QVERIFY(tempo.ok());
            QVERIFY2(std::abs(tempo.value().bpm - bpm) < 0.5, qPrintable(QString::number(tempo.value().bpm)));
            const double beat = 60.0 / bpm;
            int onBeat = 0;
            const std::vector<int64_t>& frames = tempo.value().beatFrames;
            for (int64_t frame : frames)
                onBeat += std::abs(offsetInBeats(static_cast<double>(frame) / kRate, beat)) * beat < 0.07;
            QVERIFY2(
                onBeat >= 0.9 * static_cast<double>(frames.size()),
                qPrintable(
                    QString("%1 BPM: %2 of %3 beats on the beat").arg(bpm).arg(onBeat).arg(frames.size())));
        }
    }
};

QTEST_APPLESS_MAIN(TestBeatPhase)
#include "tst_analysis_beatphase.moc"
