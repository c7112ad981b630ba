// The musician's tempo and key (issue 17): tap tempo, the edits' JSON and what they do to an analysis, the
// bar's buttons (x2, /2, tap, the key box with its "—"), and the controller that makes the edits the song's
// analysis, re-finds its loops on the new grid and remembers the edits per song beside its stems.
#include "SyntheticMusic.h"
#include "session/SongSession.h"
#include "songs/SongList.h"
#include "tempo/MusicalEdits.h"
#include "tempo/MusicalEditsController.h"
#include "tempo/TapTempo.h"
#include "tempo/TempoKeyBar.h"

#include "analysis/KeyDetector.h"
#include "analysis/TrackAnalyzer.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

using namespace stemcrate;
using namespace stemcrate::ui;

namespace {

constexpr int kWaitMs = 60'000; // the controller's chores run at low priority on a loaded 2-core machine

} // namespace

class TestTempoKey : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void sessionBuildsASongsAnalysisViewWhenItsAnalysisArrives()
    {
        // A song's AnalysisView is built when its analysis arrives (or is replaced), shown or not; switching
        // to the song shows that very view: a switch builds and copies none.
        const auto analysed = [](int64_t firstBeat, int beats) {
            auto a = std::make_shared<analysis::TrackAnalysis>();
            a->tempo.emplace();
            a->tempo->bpm = 120.0;
            for (int i = 0; i < beats; ++i)
                a->tempo->beatFrames.push_back(firstBeat + i * 22050);
            a->tempo->downbeatFrames = {a->tempo->beatFrames[1]};
            a->mix.onsets.resize(3);
            return std::shared_ptr<const analysis::TrackAnalysis>(std::move(a));
        };
        SongSession session;
        const int first = session.songs().add(QStringLiteral("/music/a.wav")).id;
        const int second = session.songs().add(QStringLiteral("/music/b.wav")).id;
        session.show(second);
        QVERIFY(session.analysis().beatFrames.empty());

        // The first song's analysis arrives while the second is shown.
        QSignalSpy changed(&session, &SongSession::analysisChanged);
        session.songs().song(first)->analysis = analysed(100, 8);
        session.analysisReplaced(first);
        QCOMPARE(changed.count(), 0); // not shown: nothing to tell the views
        const std::shared_ptr<const AnalysisView> built = session.analysisOf(first);
        QVERIFY(built);
        QCOMPARE(built->beatFrames.size(), size_t(8));
        QCOMPARE(built->beatFrames.front(), int64_t(100));
        QCOMPARE(built->firstDownbeat, 1);
        QCOMPARE(built->onsetFrames.size(), size_t(3));

        for (int i = 0; i < 3; ++i) {
            session.show(first);
            QCOMPARE(&session.analysis(), built.get());
            session.show(second);
            QVERIFY(session.analysis().beatFrames.empty());
        }
        QCOMPARE(session.analysisOf(first), built);

        // Replaced (the musician's tempo): a new view, built at once, shown if its song is.
        session.show(first);
        session.songs().song(first)->analysis = analysed(5000, 4);
        session.analysisReplaced(first);
        const std::shared_ptr<const AnalysisView> rebuilt = session.analysisOf(first);
        QVERIFY(rebuilt && rebuilt != built);
        QCOMPARE(&session.analysis(), rebuilt.get());
        QCOMPARE(session.analysis().beatFrames.front(), int64_t(5000));
        session.show(second);
        session.show(first);
        QCOMPARE(&session.analysis(), rebuilt.get());
    }

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
        // x2 and /2 act on the detected value, not on the box's two decimals.
        bar.display(96.1254, std::string("A minor"), false, false);
        bar.findChild<QToolButton*>(QStringLiteral("bpmDouble"))->click();
        QCOMPARE(bpm.takeFirst().at(0).toDouble(), 192.2508);
        bar.findChild<QToolButton*>(QStringLiteral("bpmHalf"))->click();
        QCOMPARE(bpm.takeFirst().at(0).toDouble(), 48.0627);
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

    void controllerRemembersEditsPerSong()
    {
        analysis::synth::DrumSpec spec;
        spec.bpm = 97.0;
        spec.seconds = 16.0;
        spec.style = analysis::synth::DrumStyle::Breakbeat;
        auto track = std::make_shared<audio::Track>();
        track->audio = analysis::synth::drums(spec).audio;
        auto analysed = analysis::TrackAnalyzer().analyze(track->audio);
        QVERIFY(analysed.ok() && analysed->tempo);
        const auto detected = std::make_shared<const analysis::TrackAnalysis>(std::move(analysed).value());
        const double detectedBpm = detected->tempo->bpm;
        QTemporaryDir cache;
        SongList songs;
        Song& song = songs.add(QStringLiteral("/music/groove.wav"));
        song.track = track;
        song.cacheKey = QStringLiteral("0123abcd");
        song.analysis = detected;
        const int id = song.id;

        TempoKeyBar bar;
        MusicalEditsController controller(songs, cache.path(), bar);
        QSignalSpy changed(&controller, &MusicalEditsController::analysisChanged);
        controller.setCurrentSong(id);
        controller.songAnalysed(id);
        controller.waitForDone();
        QCoreApplication::processEvents(); // nothing remembered: the detected analysis stays
        QCOMPARE(changed.count(), 0);
        QVERIFY(bar.isEnabled());

        // x2: the grid at double the shown tempo, at once; then the loops found again on it.
        bar.findChild<QToolButton*>(QStringLiteral("bpmDouble"))->click();
        const double edited = songs.song(id)->analysis->tempo->bpm;
        QVERIFY2(std::abs(edited - 2.0 * detectedBpm) < 0.02, qPrintable(QString::number(edited)));
        QCOMPARE(QString::fromStdString(songs.song(id)->analysis->tempoSource), QStringLiteral("user"));
        QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 2, kWaitMs);
        const analysis::TrackAnalysis& a = *songs.song(id)->analysis;
        QVERIFY(!a.mix.loops.empty());
        const double bar4 = 4.0 * 60.0 * track->audio.sampleRate / edited;
        for (const analysis::LoopCandidate& loop : a.mix.loops) {
            QVERIFY(std::find(a.tempo->downbeatFrames.begin(), a.tempo->downbeatFrames.end(),
                              loop.startFrame) != a.tempo->downbeatFrames.end());
            QVERIFY(std::abs(static_cast<double>(loop.endFrame - loop.startFrame) - loop.bars * bar4) <= 2.0);
        }
        auto* keyBox = bar.findChild<QComboBox*>(QStringLiteral("keyEdit"));
        emit keyBox->activated(keyBox->findText(QStringLiteral("C minor")));
        QCOMPARE(QString::fromStdString(songs.song(id)->analysis->key->name), QStringLiteral("C minor"));
        controller.waitForDone();
        QVERIFY(QFile::exists(controller.editsPath(song.cacheKey)));

        // The app again, the song analysed afresh: its edits come back from beside its stems; another song
        // (another cache key) keeps its own analysis.
        TempoKeyBar bar2;
        MusicalEditsController again(songs, cache.path(), bar2);
        songs.song(id)->analysis = detected;
        Song& other = songs.add(QStringLiteral("/music/other.wav"));
        other.track = track;
        other.cacheKey = QStringLiteral("4567ef01");
        other.analysis = detected;
        const int otherId = other.id;
        again.setCurrentSong(id);
        again.songAnalysed(id);
        again.songAnalysed(otherId);
        QTRY_COMPARE_WITH_TIMEOUT(QString::fromStdString(songs.song(id)->analysis->tempoSource),
                                  QStringLiteral("user"), kWaitMs);
        QCOMPARE(songs.song(id)->analysis->tempo->bpm, edited);
        QCOMPARE(QString::fromStdString(songs.song(id)->analysis->key->name), QStringLiteral("C minor"));
        QCOMPARE(again.edits(id).bpm, std::optional(edited));
        again.waitForDone();
        QCoreApplication::processEvents();
        QCOMPARE(songs.song(otherId)->analysis, detected);

        // Reset: the detected analysis again, and nothing remembered.
        bar2.findChild<QToolButton*>(QStringLiteral("tempoKeyReset"))->click();
        QCOMPARE(songs.song(id)->analysis->tempo->bpm, detectedBpm);
        QCOMPARE(QString::fromStdString(songs.song(id)->analysis->tempoSource),
                 QString::fromStdString(detected->tempoSource));
        again.waitForDone();
        QVERIFY(!QFile::exists(again.editsPath(song.cacheKey)));
    }
};

QTEST_MAIN(TestTempoKey)
#include "tst_ui_tempo_key.moc"
