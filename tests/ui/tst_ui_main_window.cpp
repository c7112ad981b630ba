// The window end to end, offscreen, on a random-weights HDemucs (1 s windows, so a 3 s song publishes
// several times): a real QDropEvent starts decode + separation; the lanes fill progressively (summaries
// filled by workers); a selection made with the mouse exports a file that decodes back to the stem's
// samples; re-opening the song hits the stem cache (no second separation); a running separation cancels and
// retries. The GUI thread's stalls are logged here, not asserted: wall time on a loaded machine is the
// benchmark's business (tests/bench/bench_gui_stall.cpp); these tests assert behaviour.

#include "PythonReference.h"

#include "MainWindow.h"
#include "StallMeter.h"
#include "audio/AudioFileWriter.h"
#include "audio/Decoder.h"
#include "library/ExportActions.h"
#include "library/LibraryModel.h"
#include "library/LibraryPanel.h"
#include "library/SampleExportService.h"
#include "mining/FindSamplesPanel.h"
#include "playback/Transport.h"
#include "separation/StemCache.h"
#include "session/SelectionModel.h"
#include "session/SongSession.h"
#include "settings/AppSettings.h"
#include "songs/SongList.h"
#include "songs/SongQueue.h"
#include "views/LaneStrip.h"
#include "views/LaneView.h"
#include "views/SongDisplay.h"
#include "views/SpectrogramRenderer.h"
#include "views/TimelineView.h"
#include "views/TimelineViewport.h"
#include "views/WaveformFill.h"

#include <QAbstractItemModel>
#include <QDir>
#include <QElapsedTimer>
#include <QListView>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <cmath>

using namespace stemcrate;
using namespace stemcrate::ui;

using stemcrate::test::StallMeter;

namespace {

// Waits for workers (decode, summaries, tiles) end with the work, not a wall-time claim: generous enough
// for ctest -j2 beside the heaviest suites on two cores.
constexpr int kLoadedMs = 120000;

uint32_t le32(const QByteArray& bytes, int at)
{
    const auto* p = reinterpret_cast<const uint8_t*>(bytes.constData() + at);
    return uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16 | uint32_t(p[3]) << 24;
}

// The body of the first chunk named `id` at the top level of a RIFF/WAVE file, or empty.
QByteArray riffChunk(const QString& path, const char* id)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray bytes = file.readAll();
    if (bytes.size() < 12 || !bytes.startsWith("RIFF") || bytes.mid(8, 4) != "WAVE")
        return {};
    for (qsizetype at = 12; at + 8 <= bytes.size();) {
        const uint32_t size = le32(bytes, int(at + 4));
        if (bytes.mid(at, 4) == id)
            return bytes.mid(at + 8, size);
        at += 8 + size + (size & 1); // chunks are padded to even sizes
    }
    return {};
}

void dropUrls(QWidget& target, const QList<QUrl>& urls)
{
    QMimeData mime;
    mime.setUrls(urls);
    const QPointF centre = QRectF(target.rect()).center();
    QDragEnterEvent enter(centre.toPoint(), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&target, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(centre, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&target, &drop);
}

void writeSong(const QString& path, double seconds, double hz)
{
    AudioBuffer audio(2, int64_t(seconds * kEngineSampleRate));
    uint32_t seed = 99;
    for (int c = 0; c < 2; ++c)
        for (int64_t t = 0; t < audio.frames; ++t) {
            seed = seed * 1664525u + 1013904223u;
            const double noise = (double(seed >> 8) / double(1 << 24) - 0.5) * 0.1;
            audio.channel(c)[t] =
                float(0.3 * std::sin(2 * M_PI * hz * double(t) / kEngineSampleRate) + noise);
        }
    QVERIFY(
        audio::writeAudioFile(path.toStdString(), audio, audio::FileFormat::Wav, audio::SampleFormat::Float32)
            .ok());
}

SongState stateOf(MainWindow& window, int row = 0)
{
    const Song* song = window.songs().songAt(row);
    return song ? song->state() : SongState::Queued;
}

separation::StemCache appCache()
{
    return separation::StemCache(AppSettings::stemCacheFolder().toStdString());
}

void sendMouse(QWidget* widget, QEvent::Type type, QPointF pos, Qt::MouseButtons buttons)
{
    QMouseEvent event(type, pos, widget->mapToGlobal(pos), Qt::LeftButton, buttons, Qt::NoModifier);
    QCoreApplication::sendEvent(widget, &event);
}

} // namespace

class TestMainWindowSeparation : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_checkpoint;
    QString m_song;     // 3 s
    QString m_longSong; // 8 s, for cancelling

    std::unique_ptr<MainWindow> openWindow()
    {
        auto window = std::make_unique<MainWindow>();
        window->setModelPath(m_checkpoint);
        window->show();
        if (!QTest::qWaitForWindowExposed(window.get()))
            return nullptr;
        return window;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings settings(QStringLiteral("stemcrate"), QStringLiteral("stemcrate"));
        settings.clear();
        settings.setValue(QStringLiteral("separation/segmentSeconds"), 1.0);
        settings.setValue(QStringLiteral("separation/threads"), 1); // leave a core to the GUI thread
        settings.setValue(QStringLiteral("library/folder"), m_dir.filePath(QStringLiteral("library")));
        settings.sync();
        appCache().clear();
        m_checkpoint = test::makeCheckpoint(m_dir.filePath(QStringLiteral("hdemucs_random.pt")));
        QVERIFY(!m_checkpoint.isEmpty());
        m_song = m_dir.filePath(QStringLiteral("groove.wav"));
        writeSong(m_song, 3.0, 110.0);
        m_longSong = m_dir.filePath(QStringLiteral("long.wav"));
        writeSong(m_longSong, 8.0, 220.0);
    }

    void idleBaseline()
    {
        // For the log: what the machine alone costs the GUI thread (other processes, the scheduler).
        auto window = openWindow();
        QVERIFY(window);
        StallMeter meter([] { return true; });
        QTest::qWait(2000);
        qInfo("longest GUI-thread stall with nothing running: %.1f ms", meter.worstMs());
    }

    void dropSeparatesProgressivelyWithoutStalls()
    {
        auto window = openWindow();
        QVERIFY(window);
        QSignalSpy published(&window->queue(), &SongQueue::stemsPublished);
        StallMeter meter([&] {
            const SongState s = stateOf(*window);
            return s == SongState::Decoding || s == SongState::Separating;
        });

        dropUrls(*window, {QUrl::fromLocalFile(m_song)});
        // Added once the worker looked at the path.
        QTRY_COMPARE_WITH_TIMEOUT(window->songs().count(), 1, kLoadedMs);
        QTRY_VERIFY_WITH_TIMEOUT(stateOf(*window) == SongState::Done, 600000);
        QCOMPARE(window->queue().separationsRun(), 1);

        // Several publications, growing, the last one complete.
        QVERIFY2(published.count() >= 2, qPrintable(QString::number(published.count())));
        qint64 previous = 0;
        for (const QList<QVariant>& args : published) {
            QVERIFY(args.at(1).toLongLong() >= previous);
            previous = args.at(1).toLongLong();
        }
        QCOMPARE(previous, qint64(3 * kEngineSampleRate));

        // Mix + four stem lanes, all summarised to the end.
        TimelineView& timeline = window->timeline();
        QTRY_COMPARE_WITH_TIMEOUT(timeline.laneCount(), 5, kLoadedMs);
        QCOMPARE(timeline.lane(1)->name(), QStringLiteral("drums"));
        QCOMPARE(timeline.lane(4)->name(), QStringLiteral("vocals"));
        for (int lane = 0; lane < 5; ++lane)
            QTRY_COMPARE_WITH_TIMEOUT(timeline.lane(lane)->view()->summarisedFrames(),
                                      qint64(3 * kEngineSampleRate), kLoadedMs);
        QVERIFY(window->songs().data(window->songs().index(0), SongList::StateTextRole).toString() ==
                QStringLiteral("done"));

        // Logged, not asserted: on a loaded 2-core machine (ctest -j2) the scheduler alone stalls the GUI
        // thread for tens of milliseconds. The bound is a benchmark's (issue 16's scripted GUI session).
        qInfo("longest GUI-thread stall while decoding + separating: %.1f ms", meter.worstMs());

        // The finished song is analysed beside everything else (tempo, key, onsets feed ruler and snapping).
        QSignalSpy analysed(&window->queue(), &SongQueue::songAnalysed);
        QTRY_VERIFY_WITH_TIMEOUT(window->songs().songAt(0)->analysis != nullptr, 60000);

        // The spectrogram toggle paints tiles from the finished stems.
        timeline.setSpectrogramVisible(true);
        QTRY_VERIFY_WITH_TIMEOUT(timeline.lane(1)->view()->spectrogramRenderer().cachedTiles() > 0,
                                 kLoadedMs);
    }

    void reopeningHitsTheCache()
    {
        auto window = openWindow();
        QVERIFY(window);
        window->openPaths({m_song});
        QTRY_VERIFY_WITH_TIMEOUT(stateOf(*window) == SongState::Done, 60000);
        QCOMPARE(window->queue().separationsRun(), 0);
        QVERIFY(window->songs().songAt(0)->fromCache);
        QTRY_COMPARE_WITH_TIMEOUT(window->timeline().laneCount(), 5, kLoadedMs);
    }

    void miningPanelsTakeExportOptionsFromTheWindow()
    {
        // Given at the start and by the export dialog's save, never read from QSettings when the shown song
        // changes (that read once blocked the GUI thread 131 ms on a lock inside QSettings).
        auto window = openWindow();
        QVERIFY(window);
        auto* findSamples = window->findChild<FindSamplesPanel*>(QStringLiteral("findSamplesPanel"));
        QVERIFY(findSamples);
        const ExportOptions original = AppSettings::exportOptions();
        QCOMPARE(findSamples->exportOptions().nameTemplate, original.nameTemplate);

        ExportOptions elsewhere = original;
        elsewhere.nameTemplate = QStringLiteral("{stem}-written-elsewhere");
        AppSettings::setExportOptions(elsewhere);
        QSignalSpy shown(&window->session(), &SongSession::shownChanged);
        window->openPaths({m_song});
        QTRY_VERIFY_WITH_TIMEOUT(stateOf(*window) == SongState::Done, 60000);
        QVERIFY(shown.count() >= 1);
        QCOMPARE(findSamples->exportOptions().nameTemplate, original.nameTemplate);

        emit window->exports().exportOptionsChanged(elsewhere);
        QCOMPARE(findSamples->exportOptions().nameTemplate, elsewhere.nameTemplate);
        AppSettings::setExportOptions(original);
    }

    void waitsForTheModelThenHitsTheCache()
    {
        MainWindow window;
        window.setModelPath(QString());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.openPaths({m_song});
        QTRY_VERIFY_WITH_TIMEOUT(stateOf(window) == SongState::WaitingForModel, kLoadedMs);
        QCOMPARE(window.timeline().laneCount(), 1); // the mix is there to listen to meanwhile
        window.setModelPath(m_checkpoint);
        QTRY_VERIFY_WITH_TIMEOUT(stateOf(window) == SongState::Done, 60000);
        QCOMPARE(window.queue().separationsRun(), 0);
        QVERIFY(window.songs().songAt(0)->fromCache);
        QTRY_COMPARE_WITH_TIMEOUT(window.timeline().laneCount(), 5, kLoadedMs);
    }

    void selectWithTheMouseAndExport()
    {
        auto window = openWindow();
        QVERIFY(window);
        window->openPaths({m_song});
        QTRY_VERIFY_WITH_TIMEOUT(stateOf(*window) == SongState::Done && window->timeline().laneCount() == 5,
                                 60000);
        LaneView* drums = window->timeline().lane(1)->view();
        SelectionModel& selection = window->selection();
        // The lanes are laid out when they appear; waited for rather than assumed, so that on a loaded
        // machine the mouse never lands on a lane still narrow (the selection came out short).
        QTRY_VERIFY_WITH_TIMEOUT(
            drums->isVisible() && drums->width() == window->timeline().viewport().width(), kLoadedMs);
        const int y = drums->height() / 2;
        sendMouse(drums, QEvent::MouseButtonPress, QPointF(drums->width() * 0.2, y), Qt::LeftButton);
        sendMouse(drums, QEvent::MouseMove, QPointF(drums->width() * 0.4, y), Qt::LeftButton);
        sendMouse(drums, QEvent::MouseButtonRelease, QPointF(drums->width() * 0.4, y), Qt::NoButton);
        QVERIFY(!selection.isEmpty());
        QCOMPARE(selection.lane(), 1);
        const int64_t start = selection.start(), end = selection.end();
        // 0.2 to 0.4 of the width: a fifth of the 3 s song, give or take the pixel rounding.
        QVERIFY2(std::abs(double(end - start) - 0.2 * 3 * kEngineSampleRate) < 0.01 * 3 * kEngineSampleRate,
                 qPrintable(QStringLiteral("%1 frames").arg(end - start)));

        // Keyboard nudge: the whole selection moves 10 ms.
        window->activateWindow();
        drums->setFocus();
        QTest::keyClick(window.get(), Qt::Key_Right);
        QCOMPARE(selection.start(), start + kEngineSampleRate / 100);
        QCOMPARE(selection.end(), end + kEngineSampleRate / 100);

        ExportOptions options;
        options.format = audio::FileFormat::Wav;
        options.sampleFormat = audio::SampleFormat::Float32;
        options.fadeInMs = options.fadeOutMs = 0;
        options.folder = m_dir.filePath(QStringLiteral("library"));
        // The export runs on the service's worker; its path comes back queued.
        const auto exportSelection = [&window](const ExportOptions& o) -> QString {
            QSignalSpy done(&window->sampleExports(), &SampleExportService::exported);
            const Result<int> job = window->exportSelection(o);
            if (!job.ok() || !done.wait(20000))
                return QString();
            return done.first().at(0).toInt() == job.value() ? done.first().at(1).toString() : QString();
        };
        const QString exported = exportSelection(options);
        QVERIFY(!exported.isEmpty());
        QVERIFY(QFileInfo(exported).fileName().startsWith(QStringLiteral("groove - drums - ")));

        const Result<audio::Track> decoded = audio::decodeFile(exported.toStdString());
        QVERIFY(decoded.ok());
        const AudioBuffer& stem = window->songs().songAt(0)->stems->stems().audio[0];
        const int64_t from = selection.start();
        QCOMPARE(decoded->audio.frames, selection.end() - from);
        for (int c = 0; c < 2; ++c)
            for (int64_t t = 0; t < decoded->audio.frames; t += 97)
                QCOMPARE(decoded->audio.channel(c)[t], stem.channel(c)[from + t]);

        // Dragging the selection out hands over a WAV file's URL (the export dialog's settings, as WAV),
        // written on the export worker from the moment the mouse is pressed inside the selection.
        QSignalSpy dragReady(&window->exports(), &ExportActions::dragOutReady);
        const int x = int(drums->width() * 0.3);
        sendMouse(drums, QEvent::MouseButtonPress, QPointF(x, y), Qt::LeftButton);
        QVERIFY(dragReady.wait(20000));
        sendMouse(drums, QEvent::MouseButtonRelease, QPointF(x, y), Qt::NoButton);
        QCOMPARE(selection.start(), from); // a click inside the selection keeps it
        const QString dragged = dragReady.first().at(0).toUrl().toLocalFile();
        qInfo("exported %s, dragged out %s", qPrintable(exported), qPrintable(dragged));
        QVERIFY(dragged.endsWith(QStringLiteral(".wav")));
        QVERIFY(dragged != exported); // never overwrites: a new name
        const Result<audio::Track> draggedTrack = audio::decodeFile(dragged.toStdString());
        QVERIFY(draggedTrack.ok());
        QCOMPARE(draggedTrack->audio.frames, decoded->audio.frames);

        // "As heard": drums soloed at half gain is half the drums.
        window->transport().mixer().setSoloed(1, true);
        window->transport().mixer().setGain(1, 0.5f);
        options.asHeard = true;
        const QString heard = exportSelection(options);
        QVERIFY(!heard.isEmpty());
        QVERIFY(QFileInfo(heard).fileName().startsWith(QStringLiteral("groove - as heard - ")));
        const Result<audio::Track> heardTrack = audio::decodeFile(heard.toStdString());
        QVERIFY(heardTrack.ok());
        QCOMPARE(heardTrack->audio.frames, decoded->audio.frames);
        for (int64_t t = 0; t < heardTrack->audio.frames; t += 101)
            QCOMPARE(heardTrack->audio.channel(1)[t], 0.5f * stem.channel(1)[from + t]);

        // The dialog's loop flag reaches core: the WAV carries a 'smpl' chunk looping the whole file.
        options.loop = true;
        const QString loop = exportSelection(options);
        QVERIFY(!loop.isEmpty());
        const QByteArray smpl = riffChunk(loop, "smpl");
        QCOMPARE(smpl.size(), 60);
        QCOMPARE(le32(smpl, 28), 1u);                                  // one loop
        QCOMPARE(le32(smpl, 44), 0u);                                  // from the first frame
        QCOMPARE(le32(smpl, 48), uint32_t(decoded->audio.frames - 1)); // to the last

        // All four are in the library folder, and the panel lists them. The panel's index hears of new files
        // from its file watcher and reads them on a worker, which a loaded machine can delay by seconds.
        QCOMPARE(QDir(options.folder).entryList(QDir::Files).size(), 4);
        LibraryModel* library = window->libraryPanel().model();
        QTRY_VERIFY_WITH_TIMEOUT(library->rowOfPath(exported) >= 0, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(library->rowCount(), 4, 30000);
    }

    void cancelMidSeparationThenRetry()
    {
        auto window = openWindow();
        QVERIFY(window);
        QSignalSpy published(&window->queue(), &SongQueue::stemsPublished);
        window->openPaths({m_longSong});
        QTRY_VERIFY_WITH_TIMEOUT(!published.isEmpty() && published.last().at(1).toLongLong() > 0, 600000);
        auto* cancel = window->findChild<QPushButton*>(QStringLiteral("cancelSongButton"));
        QVERIFY(cancel);
        cancel->click();
        QTRY_VERIFY_WITH_TIMEOUT(stateOf(*window) == SongState::Cancelled, 60000);
        const Song* song = window->songs().songAt(0);
        QVERIFY(song->stems->validFrames() < song->stems->frames());
        QVERIFY(song->stems->validFrames() > 0);
        QCOMPARE(window->timeline().laneCount(), 5); // what was separated stays visible
        QVERIFY(!appCache().contains(separation::StemCache::key(
            song->track->audio, separation::StemCache::modelIdentity(m_checkpoint.toStdString()))));

        // Retry with the spectrogram on: its tiles are computed as the stems grow, still without stalls.
        window->timeline().setSpectrogramVisible(true);
        StallMeter meter([&] { return stateOf(*window) == SongState::Separating; });
        window->findChild<QPushButton*>(QStringLiteral("retrySongButton"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(stateOf(*window) == SongState::Done, 600000);
        qInfo("longest GUI-thread stall while separating with spectrograms: %.1f ms (logged, as above)",
              meter.worstMs());
        QCOMPARE(window->songs().songAt(0)->stems->validFrames(), qint64(8 * kEngineSampleRate));
        // The retry's stems replaced the cancelled ones in the lanes, and their tiles follow the new audio.
        QTRY_COMPARE_WITH_TIMEOUT(window->timeline().laneCount(), 5, kLoadedMs);
        QCOMPARE(window->timeline().lane(1)->view()->audio().stems, window->songs().songAt(0)->stems);
        QTRY_VERIFY_WITH_TIMEOUT(window->timeline().lane(1)->view()->spectrogramRenderer().cachedTiles() > 0,
                                 kLoadedMs);
    }
};

QTEST_MAIN(TestMainWindowSeparation)
#include "tst_ui_main_window.moc"
