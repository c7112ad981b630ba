// The musician's word (issue 17): BeatGrid at a chosen tempo over the detected grid, KeyDetector::fromName,
// and TrackAnalyzer's bpm/key options (the grid and the loops follow them).
#include "SyntheticMusic.h"

#include "analysis/BeatGrid.h"
#include "analysis/KeyDetector.h"
#include "analysis/TrackAnalyzer.h"

#include <QtTest>

#include <cmath>

using namespace stemcrate;
using namespace stemcrate::analysis;

class TestAnalysisOverrides : public QObject
{
    Q_OBJECT

private slots:
    void gridAtDoubleTempoKeepsTheDetectedBeats()
    {
        TempoResult detected;
        detected.bpm = 97.0;
        const double period = 60.0 * kEngineSampleRate / 97.0;
        for (int i = 0; i < 40; ++i)
            detected.beatFrames.push_back(std::llround(10000 + i * period));
        for (int i = 1; i < 40; i += 4)
            detected.downbeatFrames.push_back(detected.beatFrames[static_cast<size_t>(i)]);
        const int64_t total = detected.beatFrames.back() + 1000;

        const TempoResult twice = BeatGrid::atTempo(&detected, 194.0, total, kEngineSampleRate);
        QCOMPARE(twice.bpm, 194.0);
        QCOMPARE(twice.confidence, 1.0);
        // Every detected beat is a beat of the doubled grid (within a frame), with one between each pair.
        for (int64_t beat : detected.beatFrames) {
            const auto it = std::lower_bound(twice.beatFrames.begin(), twice.beatFrames.end(), beat - 1);
            QVERIFY(it != twice.beatFrames.end() && std::abs(*it - beat) <= 1);
        }
        QVERIFY(std::abs(static_cast<double>(twice.beatFrames.size()) - 2.0 * total / period) <= 2.0);
        // The grid reaches back to the start of the track, and downbeats every 4 beats from the detected one.
        QVERIFY(twice.beatFrames.front() < period / 2.0);
        QVERIFY(std::find(twice.downbeatFrames.begin(), twice.downbeatFrames.end(), detected.downbeatFrames[0]) !=
                twice.downbeatFrames.end());
        for (size_t i = 1; i < twice.downbeatFrames.size(); ++i)
            QVERIFY(std::abs(twice.downbeatFrames[i] - twice.downbeatFrames[i - 1] - 4.0 * period / 2.0) <= 1.0);

        const TempoResult half = BeatGrid::atTempo(&detected, 48.5, total, kEngineSampleRate);
        // Every other detected beat, from the downbeat.
        for (size_t i = 1; i < detected.beatFrames.size(); i += 2) {
            const auto it =
                std::lower_bound(half.beatFrames.begin(), half.beatFrames.end(), detected.beatFrames[i] - 1);
            QVERIFY(it != half.beatFrames.end() && std::abs(*it - detected.beatFrames[i]) <= 1);
        }
    }

    void gridWithoutDetectionStartsAtZero()
    {
        const TempoResult grid = BeatGrid::atTempo(nullptr, 120.0, 10 * kEngineSampleRate, kEngineSampleRate);
        QCOMPARE(grid.beatFrames.size(), size_t(20));
        QCOMPARE(grid.beatFrames.front(), int64_t(0));
        QCOMPARE(grid.downbeatFrames.size(), size_t(5));
        QCOMPARE(BeatGrid::atTempo(nullptr, 5000.0, 1000, kEngineSampleRate).bpm, BeatGrid::kMaxBpm);
        QVERIFY(BeatGrid::atTempo(nullptr, 120.0, 0, kEngineSampleRate).beatFrames.empty());
    }

    void keyNames_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("name");
        QTest::newRow("full") << "F# minor" << "F# minor";
        QTest::newRow("short minor") << "Bbm" << "Bb minor";
        QTest::newRow("flat major") << "Eb" << "Eb major";
        QTest::newRow("lower case") << "c#min" << "C# minor";
        QTest::newRow("B") << "B" << "B major";
        QTest::newRow("Cb") << "Cb major" << "B major";
        QTest::newRow("camelot 8A") << "8A" << "A minor";
        QTest::newRow("camelot 8B") << "8B" << "C major";
        QTest::newRow("camelot 12B") << "12B" << "E major";
        QTest::newRow("camelot 1A") << "1A" << "G# minor";
        QTest::newRow("no key") << "H major" << "";
        QTest::newRow("bad mode") << "C dorian" << "";
        QTest::newRow("bad camelot") << "13A" << "";
        QTest::newRow("empty") << "" << "";
    }

    void keyNames()
    {
        QFETCH(QString, text);
        QFETCH(QString, name);
        const std::optional<KeyResult> key = KeyDetector::fromName(text.toStdString());
        QCOMPARE(key ? QString::fromStdString(key->name) : QString(), name);
        if (key) {
            QCOMPARE(key->confidence, 1.0);
            QCOMPARE(KeyDetector::fromName(key->camelot)->name, key->name); // Camelot round trip
        }
    }

    // The analyser lays its grid and loops at the given tempo, and reports the given key.
    void analyzerFollowsOverrides()
    {
        synth::DrumSpec spec;
        spec.bpm = 97.0;
        spec.seconds = 16.0;
        spec.style = synth::DrumStyle::Breakbeat;
        const synth::Track drums = synth::drums(spec);
        TrackAnalyzerOptions options;
        options.bpm = 194.0;
        options.key = KeyDetector::fromName("C minor");
        const auto result = TrackAnalyzer(options).analyze(drums.audio);
        QVERIFY(result.ok());
        QVERIFY(result->tempo);
        QCOMPARE(result->tempo->bpm, 194.0);
        QCOMPARE(QString::fromStdString(result->tempoSource), QStringLiteral("user"));
        QVERIFY(result->key);
        QCOMPARE(QString::fromStdString(result->key->name), QStringLiteral("C minor"));
        QCOMPARE(QString::fromStdString(result->keySource), QStringLiteral("user"));
        // Loops start on the user grid's downbeats and span whole bars of it.
        const double bar = 4.0 * 60.0 * kEngineSampleRate / 194.0;
        QVERIFY(!result->mix.loops.empty());
        for (const LoopCandidate& loop : result->mix.loops) {
            QVERIFY(std::find(result->tempo->downbeatFrames.begin(), result->tempo->downbeatFrames.end(),
                              loop.startFrame) != result->tempo->downbeatFrames.end());
            QVERIFY(std::abs(static_cast<double>(loop.endFrame - loop.startFrame) - loop.bars * bar) <= 2.0);
        }
    }
};

QTEST_GUILESS_MAIN(TestAnalysisOverrides)
#include "tst_analysis_overrides.moc"
