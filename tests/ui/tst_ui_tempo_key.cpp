// The musician's tempo and key (issue 17): tap tempo, the edits' JSON and what they do to an analysis, and
// the bar's buttons (x2, /2, tap, the key box with its "—").
#include "tempo/MusicalEdits.h"
#include "tempo/TapTempo.h"
#include "tempo/TempoKeyBar.h"

#include "analysis/KeyDetector.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QSignalSpy>
#include <QToolButton>
#include <QtTest>

using namespace stemcrate;
using namespace stemcrate::ui;

class TestTempoKey : public QObject
{
    Q_OBJECT

private slots:
    void tapTempo()
    {
        TapTempo taps;
        QVERIFY(!taps.tap(10.0));
        // 97 BPM with +-10 ms of human error.
        std::optional<double> bpm;
        const double period = 60.0 / 97.0;
        for (int i = 1; i < 8; ++i)
            bpm = taps.tap(10.0 + i * period + ((i % 2) ? 0.01 : -0.01));
        QVERIFY(bpm);
        QVERIFY2(std::abs(*bpm - 97.0) < 1.0, qPrintable(QString::number(*bpm)));
        // A pause starts a new count.
        QVERIFY(!taps.tap(30.0));
        QCOMPARE(taps.taps(), 1);
    }

    void editsJson()
    {
        MusicalEdits edits;
        edits.bpm = 97.5;
        edits.key = "C minor";
        QCOMPARE(MusicalEdits::fromJson(edits.toJson()), edits);
        MusicalEdits none;
        none.key = std::string();
        QCOMPARE(MusicalEdits::fromJson(none.toJson()), none);
        QVERIFY(MusicalEdits::fromJson("{\"bpm\": 5000, \"key\": \"H dorian\"}").empty());
        QVERIFY(MusicalEdits::fromJson("not json").empty());
    }

    void editsApply()
    {
        analysis::TrackAnalysis detected;
        detected.tempo = analysis::TempoResult{};
        detected.tempo->bpm = 194.0;
        for (int i = 0; i < 16; ++i)
            detected.tempo->beatFrames.push_back(1000 + i * 13639);
        detected.tempo->downbeatFrames = {1000};
        detected.key = analysis::KeyDetector::fromName("Eb major");
        MusicalEdits edits;
        edits.bpm = 97.0;
        edits.key = "C minor";
        const analysis::TrackAnalysis edited = edits.applyTo(detected, 44100 * 10, 44100);
        QCOMPARE(edited.tempo->bpm, 97.0);
        QCOMPARE(QString::fromStdString(edited.tempoSource), QStringLiteral("user"));
        QCOMPARE(edited.tempo->beatFrames.front(), int64_t(1000)); // anchored on the detected downbeat
        QCOMPARE(QString::fromStdString(edited.key->name), QStringLiteral("C minor"));
        edits.key = std::string();
        QVERIFY(!edits.applyTo(detected, 44100 * 10, 44100).key); // "—": no key
        QCOMPARE(MusicalEdits{}.applyTo(detected, 44100 * 10, 44100).tempo->bpm, 194.0);
    }

    void barButtons()
    {
        TempoKeyBar bar;
        QVERIFY(!bar.isEnabled()); // nothing analysed yet
        bar.display(120.0, std::string("A minor"), false, false);
        QVERIFY(bar.isEnabled());
        QSignalSpy bpm(&bar, &TempoKeyBar::bpmEdited);
        QSignalSpy key(&bar, &TempoKeyBar::keyEdited);
        bar.findChild<QToolButton*>(QStringLiteral("bpmDouble"))->click();
        QCOMPARE(bpm.size(), 1);
        QCOMPARE(bpm.takeFirst().at(0).toDouble(), 240.0);
        bar.findChild<QToolButton*>(QStringLiteral("bpmHalf"))->click();
        QCOMPARE(bpm.takeFirst().at(0).toDouble(), 60.0);
        bar.findChild<QDoubleSpinBox*>(QStringLiteral("bpmEdit"))->setValue(97.0);
        QCOMPARE(bpm.takeFirst().at(0).toDouble(), 97.0);
        // No key shows "—"; picking "—" says there is none.
        auto* keyBox = bar.findChild<QComboBox*>(QStringLiteral("keyEdit"));
        bar.display(120.0, std::nullopt, false, false);
        QCOMPARE(keyBox->currentText(), QStringLiteral("—"));
        QVERIFY(!bar.findChild<QToolButton*>(QStringLiteral("tempoKeyReset"))->isEnabled());
        keyBox->setCurrentIndex(keyBox->findText(QStringLiteral("C minor")));
        emit keyBox->activated(keyBox->currentIndex());
        QCOMPARE(key.size(), 1);
        QCOMPARE(key.takeFirst().at(0).value<std::string>(), std::string("C minor"));
        emit keyBox->activated(0);
        QCOMPARE(key.takeFirst().at(0).value<std::string>(), std::string());
        bar.display(97.0, std::string("C minor"), true, true);
        QVERIFY(bar.findChild<QToolButton*>(QStringLiteral("tempoKeyReset"))->isEnabled());
    }
};

QTEST_MAIN(TestTempoKey)
#include "tst_ui_tempo_key.moc"
