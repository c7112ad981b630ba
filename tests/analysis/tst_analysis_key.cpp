// KeyDetector against chord progressions in all 24 keys (additive synthesis), names and Camelot codes.
#include "SyntheticMusic.h"

#include "analysis/KeyDetector.h"

#include <QtTest>

using namespace stemcrate;
using namespace stemcrate::analysis;

class TestKey : public QObject
{
    Q_OBJECT

private slots:
    void allTwentyFourKeys()
    {
        int correct = 0, total = 0;
        QStringList misses;
        for (int progression : {0, 1}) {
            for (int minor = 0; minor < 2; ++minor) {
                for (int tonic = 0; tonic < 12; tonic += progression == 0 ? 1 : 2) {
                    synth::ChordSpec spec;
                    spec.tonic = tonic;
                    spec.minor = minor;
                    spec.progression = progression;
                    spec.bpm = 85.0 + 4.1 * tonic;
                    spec.seconds = 10.0;
                    spec.seed = uint32_t(100 * progression + 10 * minor + tonic);
                    const auto result = KeyDetector().detect(synth::chords(spec).audio);
                    QVERIFY(result.ok());
                    ++total;
                    if (result->tonic == tonic && result->minor == bool(minor))
                        ++correct;
                    else
                        misses << QStringLiteral("%1 -> %2")
                                      .arg(QString::fromStdString(synth::keyName(tonic, minor)),
                                           QString::fromStdString(result->name));
                }
            }
        }
        // bench_analysis: 100 % on these progressions (the Aeolian loop, identical in pitch to its relative
        // major, is reported there separately).
        QVERIFY2(correct >= total - 2,
                 qPrintable(QStringLiteral("%1/%2: ").arg(correct).arg(total) + misses.join("; ")));
    }

    void aeolianLoopIsMinor()
    {
        // i-VI-III-VII (Am-F-C-G) has exactly its relative major's notes: the bass and the opening chord
        // decide. bench_analysis: 23/24 (with and without drums).
        int correct = 0;
        QStringList misses;
        for (int tonic = 0; tonic < 12; ++tonic) {
            synth::ChordSpec spec;
            spec.tonic = tonic;
            spec.minor = true;
            spec.progression = 2;
            spec.bpm = 82.0 + 4.7 * tonic;
            spec.seconds = 12.0;
            spec.seed = uint32_t(300 + tonic);
            const auto result = KeyDetector().detect(synth::chords(spec).audio);
            QVERIFY(result.ok());
            if (result->tonic == tonic && result->minor)
                ++correct;
            else
                misses << QStringLiteral("%1 -> %2 (%3)")
                              .arg(QString::fromStdString(synth::keyName(tonic, true)),
                                   QString::fromStdString(result->name))
                              .arg(result->confidence, 0, 'f', 2);
        }
        QVERIFY2(correct >= 10, qPrintable(QStringLiteral("%1/12: ").arg(correct) + misses.join("; ")));
        if (!misses.isEmpty())
            qInfo("%s", qPrintable(QStringLiteral("%1/12: ").arg(correct) + misses.join("; ")));
    }

    void offConcertPitch()
    {
        for (double cents : {-35.0, 30.0}) {
            synth::ChordSpec spec;
            spec.tonic = 2; // D major
            spec.tuningCents = cents;
            spec.seconds = 10.0;
            const auto result = KeyDetector().detect(synth::chords(spec).audio);
            QVERIFY(result.ok());
            QCOMPARE(QString::fromStdString(result->name), QStringLiteral("D major"));
        }
    }

    void stemsAreSummed()
    {
        synth::ChordSpec spec;
        spec.tonic = 7;
        spec.minor = true;
        spec.seconds = 10.0;
        const synth::Track t = synth::chords(spec);
        AudioBuffer half = t.audio;
        for (float& v : half.samples)
            v *= 0.5f;
        const auto result = KeyDetector().detect(std::vector<const AudioBuffer*>{&half, &half});
        QVERIFY(result.ok());
        QCOMPARE(QString::fromStdString(result->name), QStringLiteral("G minor"));
        QVERIFY(result->confidence > 0.0 && result->confidence <= 1.0);
        double sum = 0.0;
        for (float c : result->chroma)
            sum += c;
        QVERIFY(std::abs(sum - 1.0) < 1e-4);
    }

    void silenceIsAnError()
    {
        const auto result = KeyDetector().detect(AudioBuffer(2, kEngineSampleRate * 5));
        QVERIFY(!result.ok());
    }

    void names()
    {
        QCOMPARE(QString::fromStdString(KeyDetector::keyName(6, false)), QStringLiteral("F# major"));
        QCOMPARE(QString::fromStdString(KeyDetector::keyName(0, true)), QStringLiteral("C minor"));
        QCOMPARE(QString::fromStdString(KeyDetector::keyName(10, true)), QStringLiteral("Bb minor"));
        QCOMPARE(QString::fromStdString(KeyDetector::keyName(1, false)), QStringLiteral("Db major"));
        QCOMPARE(QString::fromStdString(KeyDetector::keyName(1, true)), QStringLiteral("C# minor"));
        QCOMPARE(QString::fromStdString(KeyDetector::keyName(-1, false)), QStringLiteral("B major"));
    }

    void camelot()
    {
        QCOMPARE(QString::fromStdString(KeyDetector::camelotCode(0, false)), QStringLiteral("8B"));  // C
        QCOMPARE(QString::fromStdString(KeyDetector::camelotCode(9, true)), QStringLiteral("8A"));   // Am
        QCOMPARE(QString::fromStdString(KeyDetector::camelotCode(6, false)), QStringLiteral("2B"));  // F#
        QCOMPARE(QString::fromStdString(KeyDetector::camelotCode(3, true)), QStringLiteral("2A"));   // Ebm
        QCOMPARE(QString::fromStdString(KeyDetector::camelotCode(11, false)), QStringLiteral("1B")); // B
        QCOMPARE(QString::fromStdString(KeyDetector::camelotCode(4, false)), QStringLiteral("12B")); // E
        QCOMPARE(QString::fromStdString(KeyDetector::camelotCode(1, true)), QStringLiteral("12A"));  // C#m
    }
};

QTEST_APPLESS_MAIN(TestKey)
#include "tst_analysis_key.moc"
