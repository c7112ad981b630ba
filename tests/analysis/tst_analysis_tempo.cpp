// TempoEstimator against drum patterns at known tempi (non-integer, swung, with lead-in silence).
#include "SyntheticMusic.h"

#include "analysis/BeatSubdivision.h"
#include "analysis/ConstantGrid.h"
#include "analysis/PulseEvidence.h"
#include "analysis/TempoEstimator.h"

#include <QtTest>

#include <cmath>
#include <random>

using namespace stemcrate;
using namespace stemcrate::analysis;

namespace {

double matchedShare(const std::vector<int64_t>& detected, const std::vector<double>& truth, double tolerance)
{
    int matched = 0;
    for (double t : truth) {
        for (int64_t frame : detected) {
            if (std::abs(frame / double(kEngineSampleRate) - t) <= tolerance) {
                ++matched;
                break;
            }
        }
    }
    return truth.empty() ? 0.0 : double(matched) / double(truth.size());
}

} // namespace

class TestTempo : public QObject
{
    Q_OBJECT

private slots:
    void tempoSet()
    {
        struct Case
        {
            synth::DrumStyle style;
            double bpm, swing, leadIn;
        };
        const Case cases[] = {
            {synth::DrumStyle::Rock, 63.7, 0.0, 0.0},       {synth::DrumStyle::Rock, 97.3, 0.6, 0.4},
            {synth::DrumStyle::Rock, 151.9, 0.0, 0.0},      {synth::DrumStyle::Rock, 177.2, 0.0, 0.2},
            {synth::DrumStyle::House, 122.45, 0.0, 0.0},    {synth::DrumStyle::House, 128.0, 0.5, 0.0},
            {synth::DrumStyle::House, 99.1, 0.0, 0.3},      {synth::DrumStyle::House, 141.6, 0.0, 0.0},
            {synth::DrumStyle::Breakbeat, 87.6, 0.0, 0.0},  {synth::DrumStyle::Breakbeat, 110.3, 0.5, 0.0},
            {synth::DrumStyle::Breakbeat, 136.2, 0.0, 0.1}, {synth::DrumStyle::Breakbeat, 174.3, 0.0, 0.0},
            {synth::DrumStyle::HipHop, 71.2, 0.6, 0.0},     {synth::DrumStyle::HipHop, 84.9, 0.0, 0.0},
            {synth::DrumStyle::HipHop, 93.8, 0.6, 0.25},    {synth::DrumStyle::HipHop, 108.4, 0.0, 0.0},
        };
        int correct = 0;
        QStringList misses;
        uint32_t seed = 500;
        for (const Case& c : cases) {
            synth::DrumSpec spec;
            spec.style = c.style;
            spec.bpm = c.bpm;
            spec.swing = c.swing;
            spec.leadInSeconds = c.leadIn;
            spec.seconds = 16.0;
            spec.seed = seed++;
            const auto result = TempoEstimator().estimate(synth::drums(spec).audio);
            QVERIFY2(result.ok(), result.ok() ? "" : result.error().c_str());
            if (std::abs(result->bpm - c.bpm) <= 0.5)
                ++correct;
            else
                misses << QStringLiteral("%1 %2 -> %3")
                              .arg(synth::styleName(c.style))
                              .arg(c.bpm)
                              .arg(result->bpm);
        }
        // bench_analysis --tempo: 96.5 % within +-0.5 BPM over 4 patterns in their ranges (284 clips; hip-hop
        // 85 %, the rest 98-100 %). Here 15 of 16 (s13-eval: breakbeat 87.6 read at 175.19): the cases are
        // fixed, so the floor is what they measure; one more octave error fails.
        qInfo("%d of 16 within 0.5 BPM; %s", correct, qPrintable(misses.join(QStringLiteral("; "))));
        QVERIFY2(correct >= 15, qPrintable(misses.join(QStringLiteral("; "))));
    }

    void nonIntegerTempoIsPrecise()
    {
        synth::DrumSpec spec;
        spec.bpm = 123.45;
        spec.style = synth::DrumStyle::House;
        spec.seconds = 20.0;
        const auto result = TempoEstimator().estimate(synth::drums(spec).audio);
        QVERIFY(result.ok());
        QVERIFY2(std::abs(result->bpm - 123.45) < 0.05, qPrintable(QString::number(result->bpm, 'f', 4)));
        QVERIFY(result->confidence > 0.5);
    }

    void beatsAndDownbeatsSitOnTheGrid()
    {
        for (synth::DrumStyle style :
             {synth::DrumStyle::House, synth::DrumStyle::Breakbeat, synth::DrumStyle::HipHop}) {
            synth::DrumSpec spec;
            spec.bpm = 104.2;
            spec.style = style;
            spec.seconds = 16.0;
            spec.seed = 9;
            const synth::Track t = synth::drums(spec);
            const auto result = TempoEstimator().estimate(t.audio);
            QVERIFY(result.ok());
            QCOMPARE(result->beatsPerBar, 4);
            QVERIFY(matchedShare(result->beatFrames, t.beatsSeconds, 0.03) >= 0.95);
            QVERIFY(std::is_sorted(result->beatFrames.begin(), result->beatFrames.end()));
            QVERIFY2(matchedShare(result->downbeatFrames, t.downbeatsSeconds, 0.03) >= 0.9,
                     synth::styleName(style));
            for (int64_t downbeat : result->downbeatFrames)
                QVERIFY(std::find(result->beatFrames.begin(), result->beatFrames.end(), downbeat) !=
                        result->beatFrames.end());
        }
    }

    // Grooves whose hats play eighths: the hats' pulse has nothing between its points, so it is the
    // subdivision of the slower beat, not the beat (issue 17's corpus: kick/snare grooves at 60 and 85 and a
    // 3/4 at 90 were read at double). Hats with body-band noise, as recorded hats have, pass for drum hits on
    // the off-beats. The same grooves at 170-180 keep their faster beat. Main read the rock grooves at 60 and
    // 63.1 at double.
    void eighthHatsAreNotTheBeat()
    {
        struct Case
        {
            synth::DrumStyle style;
            double bpm;
            bool fullBandHats;
        };
        const Case cases[] = {
            {synth::DrumStyle::Rock, 60.0, true},  {synth::DrumStyle::Rock, 63.1, true},
            {synth::DrumStyle::Rock, 85.0, true},  {synth::DrumStyle::Waltz, 84.3, true},
            {synth::DrumStyle::Waltz, 90.0, true}, {synth::DrumStyle::Waltz, 97.6, false},
            {synth::DrumStyle::Rock, 170.0, true}, {synth::DrumStyle::Waltz, 180.0, true},
        };
        QStringList misses;
        uint32_t seed = 900;
        for (const Case& c : cases) {
            synth::DrumSpec spec;
            spec.style = c.style;
            spec.bpm = c.bpm;
            spec.fullBandHats = c.fullBandHats;
            spec.seconds = 20.0;
            spec.seed = seed++;
            const auto result = TempoEstimator().estimate(synth::drums(spec).audio);
            QVERIFY2(result.ok(), result.ok() ? "" : result.error().c_str());
            if (std::abs(result->bpm - c.bpm) > 0.5)
                misses << QStringLiteral("%1 %2 -> %3")
                              .arg(synth::styleName(c.style))
                              .arg(c.bpm)
                              .arg(result->bpm);
        }
        QVERIFY2(misses.isEmpty(), qPrintable(misses.join(QStringLiteral("; "))));
    }

    // BeatSubdivision: an interval counts when anything between its points (a straight or swung eighth,
    // triplets) reaches a quarter of the points' median; nothing between, or only faint noise, does not.
    void subdivisionShareSeesWhatSoundsBetweenPoints()
    {
        const double period = 71.3, fps = 172.27; // 145 BPM
        const auto envelopeOf = [&](std::initializer_list<std::pair<double, float>> pattern, int everyNth) {
            std::vector<float> envelope(5200, 0.0f);
            std::mt19937 rng(11);
            std::normal_distribution<double> jitter(0.0, 0.4);
            for (int k = 0; 10.0 + (k + 1) * period < 5200.0; ++k)
                for (const auto& [offset, strength] : pattern) {
                    if (offset > 0.0 && k % everyNth != 0)
                        continue;
                    const auto i =
                        static_cast<size_t>(std::lround(10.0 + (k + offset) * period + jitter(rng)));
                    envelope[i] += strength;
                    envelope[i + 1] += 0.5f * strength;
                }
            return envelope;
        };
        const auto share = [&](const std::vector<float>& envelope) {
            return BeatSubdivision::share(envelope, period, fps);
        };
        QCOMPARE(share(envelopeOf({{0.0, 4.0f}}, 1)), 0.0);
        QCOMPARE(share(envelopeOf({{0.0, 4.0f}, {0.5, 0.1f}}, 1)), 0.0); // below a quarter of the points
        QVERIFY(share(envelopeOf({{0.0, 4.0f}, {0.5, 2.0f}}, 1)) > 0.95);
        QVERIFY(share(envelopeOf({{0.0, 4.0f}, {2.0 / 3.0, 1.5f}}, 1)) > 0.95); // swung
        QVERIFY(share(envelopeOf({{0.0, 4.0f}, {1.0 / 3.0, 1.5f}, {2.0 / 3.0, 1.5f}}, 1)) > 0.95);
        const double everyOther = share(envelopeOf({{0.0, 4.0f}, {0.5, 2.0f}}, 2));
        QVERIFY2(everyOther > 0.4 && everyOther < 0.6, qPrintable(QString::number(everyOther)));
        // Too short for a pulse: nothing to say.
        QCOMPARE(BeatSubdivision::share(std::vector<float>(100, 1.0f), period, fps), 0.0);
    }

    // PulseEvidence on generated envelopes: the half-way points of a pulse counted as hits when they reach a
    // quarter of the points' median, their strength against the points, and the backbeat's alternation of a
    // kick-like (mostly low band) and a snare-like hit.
    void pulseEvidenceReadsWhatSoundsHalfWay()
    {
        const double period = 71.3, fps = 172.27; // 145 BPM
        const size_t n = 5200;
        // Hits `strength` at offset (of a period) from 10, every `everyNth` period.
        const auto add = [&](std::vector<float>& envelope, double offset, float strength, int everyNth) {
            for (int k = 0; 10.0 + (k + 1) * period < double(n); ++k)
                if (k % everyNth == 0)
                    envelope[static_cast<size_t>(std::lround(10.0 + (k + offset) * period))] += strength;
        };
        std::vector<float> beatsOnly(n, 0.0f), faintAnds(n, 0.0f), evenPulse(n, 0.0f), everyOtherAnd(n, 0.0f);
        add(beatsOnly, 0.0, 4.0f, 1);
        faintAnds = beatsOnly;
        add(faintAnds, 0.5, 0.5f, 1); // an eighth of the beats: under the quarter
        evenPulse = beatsOnly;
        add(evenPulse, 0.5, 4.0f, 1);
        everyOtherAnd = beatsOnly;
        add(everyOtherAnd, 0.5, 2.0f, 2);
        QCOMPARE(PulseEvidence::offBeatConsistency(beatsOnly, period, fps), 0.0);
        QCOMPARE(PulseEvidence::offBeatConsistency(faintAnds, period, fps), 0.0);
        QVERIFY(PulseEvidence::offBeatConsistency(evenPulse, period, fps) > 0.95); // the last "and" past the end
        const double half = PulseEvidence::offBeatConsistency(everyOtherAnd, period, fps);
        QVERIFY2(half > 0.4 && half < 0.6, qPrintable(QString::number(half)));
        QCOMPARE(PulseEvidence::halfWayStrength(beatsOnly, period, fps), 0.0);
        QCOMPARE(PulseEvidence::halfWayStrength(evenPulse, period, fps), 1.0);
        // Too short for one half-way point: the off-beats cannot speak against the faster level.
        QCOMPARE(PulseEvidence::offBeatConsistency(std::vector<float>(20, 1.0f), period, fps), 1.0);

        // Backbeat at a period of two beats: kicks (low share 0.8) on the points, snares (0.1) half-way.
        std::vector<float> body(n, 0.0f), bodyFlux(n, 0.0f), kickLow(n, 0.0f), sameLow(n, 0.0f);
        add(body, 0.0, 4.0f, 1);
        add(body, 0.5, 3.5f, 1);
        bodyFlux = body;
        add(kickLow, 0.0, 3.2f, 1);
        add(kickLow, 0.5, 0.35f, 1);
        add(sameLow, 0.0, 3.2f, 1);
        add(sameLow, 0.5, 2.8f, 1);
        QVERIFY(PulseEvidence::isBackbeat({body, bodyFlux, kickLow}, period));
        QVERIFY(!PulseEvidence::isBackbeat({body, bodyFlux, sameLow}, period)); // one character: an even pulse
        QVERIFY(!PulseEvidence::isBackbeat({beatsOnly, beatsOnly, beatsOnly}, period)); // nothing half-way
    }

    void tooShortSilentOrNoise()
    {
        AudioBuffer shortClip(2, 2 * kEngineSampleRate);
        QVERIFY(!TempoEstimator().estimate(shortClip).ok());
        AudioBuffer silence(2, 10 * kEngineSampleRate);
        const auto silent = TempoEstimator().estimate(silence);
        QVERIFY(!silent.ok());
        QVERIFY(!silent.error().empty());
        // White noise has no beat: whatever comes out must say so.
        AudioBuffer noise(2, 10 * kEngineSampleRate);
        std::mt19937 rng(5);
        std::normal_distribution<float> n(0.0f, 0.1f);
        for (float& v : noise.samples)
            v = n(rng);
        const auto noisy = TempoEstimator().estimate(noise);
        if (noisy.ok())
            QVERIFY2(noisy->confidence < 0.5, qPrintable(QString::number(noisy->confidence)));
    }

    // A steady pulse the beat tracker would drift on: swung off-beats louder than some beats, a pickup,
    // bars with the beat left out, jitter. The grid fitted to the whole envelope finds the period to a
    // thousandth of a value and the phase within a value, where the first guess was 2 % off.
    void constantGridIsExactOnSteadyMaterial()
    {
        const double period = 86.137, phase = 23.4; // 120.003 BPM at 172.27 values/s; beats at 23.4 + k p
        std::vector<float> envelope(5200, 0.0f);
        std::mt19937 rng(11);
        std::normal_distribution<double> jitter(0.0, 0.4);
        const auto hit = [&](double at, float strength) {
            const auto i = static_cast<size_t>(std::lround(at + jitter(rng)));
            if (i + 1 < envelope.size()) {
                envelope[i] += strength;
                envelope[i + 1] += 0.5f * strength;
            }
        };
        std::vector<double> tracked;
        for (int k = 0; phase + k * period < 5150.0; ++k) {
            const double beat = phase + k * period;
            if (k % 8 != 5) // a beat left out now and then
                hit(beat, k % 4 == 0 ? 1.0f : 0.6f);
            hit(beat + period * 2.0 / 3.0, 0.8f); // swung off-beat, louder than beats 2-4
            tracked.push_back(beat + (k % 3 == 0 ? 9.0 : 0.0)); // a tracker off on every third beat
        }
        hit(phase - period / 4.0, 0.7f); // pickup
        const ConstantGrid::Fit fit = ConstantGrid::fit(envelope, period * 1.02, tracked);
        QVERIFY2(std::abs(fit.period - period) < 0.02, qPrintable(QString::number(fit.period, 'f', 4)));
        QVERIFY2(std::abs(std::remainder(fit.phase - phase, period)) < 1.0, qPrintable(QString::number(fit.phase)));
        QVERIFY(fit.steady);
        const std::vector<double> beats = ConstantGrid::beats(fit, tracked.front(), tracked.back());
        QCOMPARE(beats.size(), tracked.size());
        // Nothing steady to find (a noise-like envelope, beats tracked anywhere): a grid is still returned,
        // but not called steady.
        std::vector<float> scattered(5200, 0.0f);
        std::exponential_distribution<float> level(1.0f);
        for (float& v : scattered)
            v = level(rng);
        std::vector<double> scatteredBeats;
        for (int i = 0; i < 60; ++i)
            scatteredBeats.push_back(i * period * 0.97 + 40.0 * std::sin(i));
        QVERIFY(!ConstantGrid::fit(scattered, period, scatteredBeats).steady);
    }

    // Swung eighths are long-short: a grid on the swung off-beats (strong onsets a third of a period after
    // its points, nothing two thirds after) moves onto the beats; a grid on the beats stays, and so does a
    // triplet feel (onsets at both thirds) and straight eighths (those are preferLowBandBeats' case).
    void swungOffBeatGridMovesOntoTheBeat()
    {
        const double period = 86.137, phase = 23.4;
        const auto envelopeOf = [&](std::initializer_list<std::pair<double, float>> pattern) {
            std::vector<float> envelope(5200, 0.0f);
            std::mt19937 rng(5);
            std::normal_distribution<double> jitter(0.0, 0.4);
            for (int k = 0; phase + k * period < 5150.0; ++k)
                for (const auto& [offset, strength] : pattern) {
                    const auto i = static_cast<size_t>(std::lround(phase + (k + offset) * period + jitter(rng)));
                    if (i + 1 < envelope.size()) {
                        envelope[i] += strength;
                        envelope[i + 1] += 0.5f * strength;
                    }
                }
            return envelope;
        };
        const auto gridAt = [&](double at) {
            ConstantGrid::Fit fit;
            fit.period = period;
            fit.phase = at - std::floor(at / period) * period;
            fit.steady = true;
            return fit;
        };
        const auto offBeats = [&](const ConstantGrid::Fit& fit) {
            return std::abs(std::remainder(fit.phase - phase, period)) / period;
        };
        // Louder swung off-beats (the bass on the "and"), the tracker on them.
        const std::vector<float> swung = envelopeOf({{0.0, 0.7f}, {2.0 / 3.0, 1.0f}});
        ConstantGrid::Fit fit = gridAt(phase + period * 2.0 / 3.0);
        QVERIFY(ConstantGrid::preferLongShortSwing(fit, swung));
        QVERIFY2(offBeats(fit) < 0.02, qPrintable(QString::number(offBeats(fit))));
        fit = gridAt(phase);
        QVERIFY(!ConstantGrid::preferLongShortSwing(fit, swung));
        QVERIFY(offBeats(fit) < 0.01);
        // A lighter swing (the off-beat at 0.6 of the beat) is read the same way.
        const std::vector<float> light = envelopeOf({{0.0, 0.7f}, {0.6, 1.0f}});
        fit = gridAt(phase + period * 0.6);
        QVERIFY(ConstantGrid::preferLongShortSwing(fit, light));
        QVERIFY2(offBeats(fit) < 0.02, qPrintable(QString::number(offBeats(fit))));
        // Triplets and straight eighths: nothing says which side is long.
        const std::vector<float> triplets = envelopeOf({{0.0, 1.0f}, {1.0 / 3.0, 0.8f}, {2.0 / 3.0, 0.8f}});
        fit = gridAt(phase + period / 3.0);
        QVERIFY(!ConstantGrid::preferLongShortSwing(fit, triplets));
        const std::vector<float> straight = envelopeOf({{0.0, 0.7f}, {0.5, 1.0f}});
        fit = gridAt(phase + period * 0.5);
        QVERIFY(!ConstantGrid::preferLongShortSwing(fit, straight));
    }
};

QTEST_APPLESS_MAIN(TestTempo)
#include "tst_analysis_tempo.moc"
