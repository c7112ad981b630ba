// KeyDetector against chord progressions in all 24 keys (additive synthesis), names and Camelot codes.
#include "SyntheticMusic.h"

#include "analysis/KeyDetector.h"

#include <QtTest>

using namespace stemcrate;
using namespace stemcrate::analysis;

namespace {

struct Case
{
    int tonic = 0;
    bool minor = false;
    int progression = 0;
    KeyResult detected;

    bool exact() const { return detected.tonic == tonic && detected.minor == minor; }
    QString text() const
    {
        return QStringLiteral("%1 -> %2 (%3)")
            .arg(QString::fromStdString(synth::keyName(tonic, minor)), QString::fromStdString(detected.name))
            .arg(detected.confidence, 0, 'f', 2);
    }
};

} // namespace

class TestKey : public QObject
{
    Q_OBJECT

    // I-IV-V-I / i-iv-V-i in all 24 keys, I-vi-IV-V / i-VII-VI-V on every other tonic, and the Aeolian loop
    // i-VI-III-VII in all 12 minor keys: rendered and detected once, asserted by the slots below.
    std::vector<Case> m_cases;

    static Case detect(int tonic, bool minor, int progression, double bpm, double seconds, uint32_t seed)
    {
        synth::ChordSpec spec;
        spec.tonic = tonic;
        spec.minor = minor;
        spec.progression = progression;
        spec.bpm = bpm;
        spec.seconds = seconds;
        spec.seed = seed;
        const auto result = KeyDetector().detect(synth::chords(spec).audio);
        Case c{tonic, minor, progression, {}};
        if (result)
            c.detected = result.value();
        else
            c.detected.tonic = -1;
        return c;
    }

private slots:
    void initTestCase()
    {
        for (int progression : {0, 1})
            for (int minor = 0; minor < 2; ++minor)
                for (int tonic = 0; tonic < 12; tonic += progression == 0 ? 1 : 2)
                    m_cases.push_back(detect(tonic, minor, progression, 85.0 + 4.1 * tonic, 10.0,
                                             uint32_t(100 * progression + 10 * minor + tonic)));
        for (int tonic = 0; tonic < 12; ++tonic)
            m_cases.push_back(detect(tonic, true, 2, 82.0 + 4.7 * tonic, 12.0, uint32_t(300 + tonic)));
    }

    void allTwentyFourKeys()
    {
        int correct = 0, total = 0;
        QStringList misses;
        for (const Case& c : m_cases) {
            if (c.progression == 2)
                continue;
            ++total;
            if (c.exact())
                ++correct;
            else
                misses << c.text();
        }
        // bench_analysis: 100 % on these progressions, the Andalusian minor (i-VII-VI-V, once read a fifth
        // away: C# minor as G# minor) included; the Aeolian loop is reported there separately.
        QVERIFY2(correct >= total - 1,
                 qPrintable(QStringLiteral("%1/%2: ").arg(correct).arg(total) + misses.join("; ")));
    }

    void aeolianLoopIsMinor()
    {
        // i-VI-III-VII (Am-F-C-G) has exactly its relative major's notes: the bass and the opening chord
        // decide. bench_analysis: 21/24 (with and without drums).
        int correct = 0;
        QStringList misses;
        for (const Case& c : m_cases) {
            if (c.progression != 2)
                continue;
            if (c.exact())
                ++correct;
            else
                misses << c.text();
        }
        QVERIFY2(correct >= 10, qPrintable(QStringLiteral("%1/12: ").arg(correct) + misses.join("; ")));
        if (!misses.isEmpty())
            qInfo("%s", qPrintable(QStringLiteral("%1/12: ").arg(correct) + misses.join("; ")));
    }

    // key_confidence means something: a key reported at 0.75 or more is right (bench_analysis: 126 of 126
    // synthetic cases, BENCHMARKS.md: 17 of 17 on the corpus), most keys here are that sure, and the doubtful
    // ones (the Aeolian loop's relative-major readings) sit below it.
    void confidenceIsCalibrated()
    {
        int sure = 0;
        QStringList wrongButSure;
        for (const Case& c : m_cases) {
            QVERIFY(c.detected.confidence >= 0.0 && c.detected.confidence <= 1.0);
            if (c.detected.confidence < 0.75)
                continue;
            ++sure;
            if (!c.exact())
                wrongButSure << c.text();
        }
        QVERIFY2(wrongButSure.isEmpty(), qPrintable(wrongButSure.join("; ")));
        QVERIFY2(sure * 4 >= static_cast<int>(m_cases.size()) * 3,
                 qPrintable(QStringLiteral("%1 of %2 at 0.75 or more").arg(sure).arg(m_cases.size())));
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
