// OnsetDetector against onsets at known times (SyntheticMusic), F-measure at +-20 ms.
#include "SyntheticMusic.h"

#include "analysis/OnsetDetector.h"

#include <QtTest>

#include <cmath>
#include <random>

using namespace stemcrate;
using namespace stemcrate::analysis;

namespace {

struct Score
{
    int matched = 0, detected = 0, truth = 0;
    double absError = 0.0;
    double f() const { return matched ? 2.0 * matched / (detected + truth) : 0.0; }
};

void addScore(Score& score, const std::vector<Onset>& onsets, const std::vector<double>& truth)
{
    std::vector<bool> used(onsets.size(), false);
    for (double t : truth) {
        int best = -1;
        double bestError = 0.02;
        for (size_t k = 0; k < onsets.size(); ++k) {
            const double e = std::abs(onsets[k].frame / double(kEngineSampleRate) - t);
            if (!used[k] && e <= bestError) {
                best = int(k);
                bestError = e;
            }
        }
        if (best >= 0) {
            used[size_t(best)] = true;
            ++score.matched;
            score.absError += bestError;
        }
    }
    score.detected += int(onsets.size());
    score.truth += int(truth.size());
}

} // namespace

class TestOnsets : public QObject
{
    Q_OBJECT

private slots:
    void randomEventsFMeasure()
    {
        Score score;
        for (uint32_t seed : {11u, 12u, 13u}) {
            const synth::Track t = synth::onsetEvents(seed, 20.0);
            addScore(score, OnsetDetector().detect(t.audio), t.onsetsSeconds);
        }
        // bench_analysis measures F = 0.966 on 20 such tracks.
        QVERIFY2(score.f() >= 0.93, qPrintable(QStringLiteral("F = %1").arg(score.f())));
        QVERIFY(score.absError / score.matched < 0.005);
    }

    void drumPatternsFMeasure()
    {
        Score score;
        for (int i = 0; i < 3; ++i) {
            synth::DrumSpec spec;
            spec.bpm = 93.7 + 21.3 * i;
            spec.style = static_cast<synth::DrumStyle>(i + 1);
            spec.swing = i == 2 ? 0.5 : 0.0;
            spec.seconds = 12.0;
            spec.seed = 70 + i;
            const synth::Track t = synth::drums(spec);
            addScore(score, OnsetDetector().detect(t.audio), t.onsetsSeconds);
        }
        QVERIFY2(score.f() >= 0.97, qPrintable(QStringLiteral("F = %1").arg(score.f())));
    }

    void sensitivityGrowsTheList()
    {
        const synth::Track t = synth::onsetEvents(21, 15.0);
        size_t previous = 0;
        for (double sensitivity : {0.0, 0.25, 0.5, 0.75, 1.0}) {
            OnsetOptions options;
            options.sensitivity = sensitivity;
            const size_t count = OnsetDetector(options).detect(t.audio).size();
            QVERIFY2(count >= previous,
                     qPrintable(QStringLiteral("%1 onsets at %2").arg(count).arg(sensitivity)));
            previous = count;
        }
        QVERIFY(previous > 0);
    }

    void sortedSpacedAndInRange()
    {
        const synth::Track t = synth::onsetEvents(22, 10.0);
        OnsetOptions options;
        options.minimumGapSeconds = 0.07;
        const std::vector<Onset> onsets = OnsetDetector(options).detect(t.audio);
        QVERIFY(!onsets.empty());
        for (size_t i = 0; i < onsets.size(); ++i) {
            QVERIFY(onsets[i].frame >= 0 && onsets[i].frame < t.audio.frames);
            QVERIFY(onsets[i].strength > 0.0f);
            if (i > 0)
                QVERIFY(onsets[i].frame - onsets[i - 1].frame >= int64_t(0.07 * kEngineSampleRate) - 1);
        }
    }

    void silenceAndNoiseFloorHaveNone()
    {
        AudioBuffer silence(2, 5 * kEngineSampleRate);
        QVERIFY(OnsetDetector().detect(silence).empty());
        AudioBuffer hiss(2, 5 * kEngineSampleRate);
        std::mt19937 rng(3);
        std::normal_distribution<float> noise(0.0f, 0.0002f); // about -74 dBFS
        for (float& v : hiss.samples)
            v = noise(rng);
        QVERIFY(OnsetDetector().detect(hiss).empty());
    }

    void emptyBuffer() { QVERIFY(OnsetDetector().detect(AudioBuffer()).empty()); }
};

QTEST_APPLESS_MAIN(TestOnsets)
#include "tst_analysis_onsets.moc"
