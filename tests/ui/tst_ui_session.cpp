// The window's parts without a window: the selection model (clamping, nudging), waveform summaries filled
// on a view worker (equal to core's summary of the same audio, following a growing StemSet), spectrogram
// tiles whose jobs stop and let go of the audio when their renderer is gone, and the session keeping each
// song's display across switches (switching back computes nothing again) and releasing it when the song is
// removed; the timeline reusing its lane strips across songs; the first song a folder scan finds is shown.
// Tiles come back without a Qt event (GuiInbox), and not at all once their workers are gone. With a window's
// NextFrame, the side panels' signals (shownSettled, analysisSettled) come a frame after the timeline's, once
// for several switches, and a side panel's copy of a removed song's audio is never its last reference.

#include "GuiInbox.h"
#include "NextFrame.h"
#include "analysis/WaveformSummary.h"
#include "audio/AudioFileWriter.h"
#include "session/SelectionModel.h"
#include "session/SongSession.h"
#include "songs/SongList.h"
#include "songs/SongQueue.h"
#include "views/LaneStrip.h"
#include "views/LaneView.h"
#include "views/SongDisplay.h"
#include "views/SpectrogramRenderer.h"
#include "views/StrokeScratch.h"
#include "views/TimelineView.h"
#include "views/TimelineViewport.h"
#include "views/ViewWorkers.h"
#include "views/WaveformFill.h"

#include <QDir>
#include <QImage>
#include <QPainter>
#include <QSignalSpy>
#include <QSlider>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>
#include <QToolButton>
#include <QtTest>

#include <atomic>
#include <cmath>
#include <memory>
#include <thread>

using namespace stemcrate;
using namespace stemcrate::ui;

namespace {

// Waits for workers (decode, summaries, tiles) end with the work, not a wall-time claim: generous enough
// for ctest -j2 beside the heaviest suites on two cores.
constexpr int kLoadedMs = 120000;

AudioBuffer noise(int64_t frames, uint32_t seed)
{
    AudioBuffer buffer(2, frames);
    for (int c = 0; c < 2; ++c)
        for (int64_t t = 0; t < frames; ++t) {
            seed = seed * 1664525u + 1013904223u;
            buffer.channel(c)[t] = (float(seed >> 8) / float(1 << 24) - 0.5f) * (c ? 0.5f : 1.0f);
        }
    return buffer;
}

// Two noise WAV files `<stem>0.wav` and `<stem>1.wav` of `frames` in `dir`, seeds seed and seed + 1; empty
// if one could not be written.
QStringList writeTwoSongs(const QTemporaryDir& dir, const QString& stem, int64_t frames, uint32_t seed)
{
    QStringList paths;
    for (uint32_t i = 0; i < 2; ++i) {
        paths << dir.filePath(stem + QString::number(i) + QStringLiteral(".wav"));
        if (!audio::writeAudioFile(paths.last().toStdString(), noise(frames, seed + i),
                                   audio::FileFormat::Wav, audio::SampleFormat::Float32)
                 .ok())
            return {};
    }
    return paths;
}

void compareColumns(const analysis::WaveformSummary& a, const analysis::WaveformSummary& b, int64_t frames)
{
    for (int columns : {7, 300, 4000}) {
        const auto x = a.mixedColumns(0, frames, columns), y = b.mixedColumns(0, frames, columns);
        for (size_t i = 0; i < x.size(); ++i) {
            QCOMPARE(x[i].valid, y[i].valid);
            QCOMPARE(x[i].min, y[i].min);
            QCOMPARE(x[i].max, y[i].max);
            QCOMPARE(x[i].rms, y[i].rms);
        }
    }
}

// Queued calls (QEvent::MetaCall) delivered by the application, to any object, while it lives.
struct MetaCallCount : QObject
{
    int count = 0;
    MetaCallCount() { qApp->installEventFilter(this); }
    ~MetaCallCount() override { qApp->removeEventFilter(this); }
    bool eventFilter(QObject*, QEvent* event) override
    {
        count += event->type() == QEvent::MetaCall;
        return false;
    }
};

} // namespace

class TestUiSession : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void selectionClampsAndNudges()
    {
        SelectionModel selection;
        QSignalSpy changed(&selection, &SelectionModel::changed);
        selection.reset(1000);
        selection.set(900, 100, 2); // either order
        QCOMPARE(selection.start(), 100);
        QCOMPARE(selection.end(), 900);
        QCOMPARE(selection.lane(), 2);
        selection.nudge(500, false); // kept inside the song
        QCOMPARE(selection.start(), 200);
        QCOMPARE(selection.end(), 1000);
        selection.nudge(-5000, true); // the end never passes the start
        QCOMPARE(selection.length(), 1);
        selection.set(-50, 5000, 1);
        QCOMPARE(selection.start(), 0);
        QCOMPARE(selection.end(), 1000);
        selection.reset(10);
        QVERIFY(selection.isEmpty());
        QCOMPARE(changed.count(), 6);
    }

    void waveformFillsOnAWorkerAsTheStemsGrow()
    {
        ViewWorkers workers;
        const int64_t frames = 3 * WaveformFill::kChunkFrames + 1234;
        auto stems = std::make_shared<StemSet>(frames);
        stems->writableStems().names = {"drums"};
        stems->writableStems().audio = {noise(frames, 7)};
        WaveformFill fill(LaneAudio{nullptr, stems, 0}, workers);
        QCOMPARE(fill.summarisedFrames(), 0); // nothing valid, nothing summarised

        stems->publish(frames / 3);
        fill.audioGrew();
        QTRY_COMPARE_WITH_TIMEOUT(fill.summarisedFrames(), frames / 3, kLoadedMs);
        stems->publish(frames);
        fill.audioGrew();
        QTRY_COMPARE_WITH_TIMEOUT(fill.summarisedFrames(), frames, kLoadedMs);

        analysis::WaveformSummary reference(2, frames);
        reference.append(stems->stems().audio[0], frames);
        compareColumns(*fill.summary(), reference, frames);
    }

    void releasedImagesAreFreedOffTheGuiThread()
    {
        // ViewWorkers::release drops an image's pixels on a worker: the cleanup of the image's buffer (run
        // where the last reference goes) does not run on this, the GUI, thread.
        ViewWorkers workers;
        struct Freed
        {
            std::atomic<bool> done{false};
            std::atomic<QThread*> thread{nullptr};
        } freed;
        auto* pixels = new uchar[64 * 64 * 4];
        QImage image(
            pixels, 64, 64, 64 * 4, QImage::Format_ARGB32,
            [](void* info) {
                auto* f = static_cast<Freed*>(info);
                f->thread = QThread::currentThread();
                f->done = true;
            },
            &freed);
        workers.release(std::move(image));
        workers.waitForDone();
        QVERIFY(freed.done);
        QVERIFY(freed.thread.load() != QThread::currentThread());
        delete[] pixels;
    }

    void tileJobsStopAndReleaseTheAudioWhenTheRendererIsGone()
    {
        auto mix = std::make_shared<const AudioBuffer>(noise(20 * kEngineSampleRate, 3));
        ViewWorkers workers;
        {
            auto renderer = std::make_shared<SpectrogramRenderer>(LaneAudio{mix, nullptr, 0}, workers);
            QImage canvas(800, 200, QImage::Format_RGB32);
            QPainter painter(&canvas);
            SpectrogramRenderer::Parameters p;
            p.framesPerPixel = 16;                               // the finest hop: many columns per tile
            QVERIFY(renderer->paint(painter, canvas.rect(), p)); // tiles missing: jobs started
            QCOMPARE(renderer->pendingTiles(), SpectrogramRenderer::kMaxPendingTiles);
        } // the renderer dies with its jobs queued or running: no wait here
        workers.waitForDone();
        QCoreApplication::processEvents(); // a tile posted before the flag was seen finds no renderer
        QCOMPARE(mix.use_count(), 1);      // the jobs let go of the audio

        // A cancelled computation stops before its first column.
        analysis::SpectrogramOptions options;
        options.fftSize = SpectrogramRenderer::kFftSize;
        const analysis::SpectrogramColumns columns(mix, options);
        const analysis::LogFrequencyScale scale(options.fftSize, kEngineSampleRate, 64, 30.0, 20000.0);
        SpectrogramRenderer::Tile tile;
        const std::atomic<bool> cancelled{true};
        SpectrogramRenderer::computeTile(tile, columns, scale, 0, &cancelled);
        QCOMPARE(tile.validColumns, 0);
    }

    // Finished tiles come back through GuiInbox: no queued call (QEvent::MetaCall) reaches the GUI thread, so
    // the tile workers never take Qt's posted-event lock that the GUI thread waits on.
    void tilesArriveWithoutAQtEvent()
    {
        auto mix = std::make_shared<const AudioBuffer>(noise(20 * kEngineSampleRate, 5));
        ViewWorkers workers;
        auto renderer = std::make_shared<SpectrogramRenderer>(LaneAudio{mix, nullptr, 0}, workers);
        MetaCallCount metaCalls;
        QImage canvas(800, 200, QImage::Format_RGB32);
        QPainter painter(&canvas);
        SpectrogramRenderer::Parameters p;
        p.framesPerPixel = 16;
        QVERIFY(renderer->paint(painter, canvas.rect(), p));
        QCOMPARE(renderer->pendingTiles(), SpectrogramRenderer::kMaxPendingTiles);
        QTRY_COMPARE_WITH_TIMEOUT(renderer->pendingTiles(), 0, kLoadedMs);
        QCOMPARE(renderer->cachedTiles(), SpectrogramRenderer::kMaxPendingTiles);
        QCOMPARE(metaCalls.count, 0);
    }

    // As Qt dropped a queued call whose receiver died: a result posted while the ViewWorkers lived does not
    // run once they are gone.
    void aPostOfWorkersGoneDoesNotRun()
    {
        auto workers = std::make_unique<ViewWorkers>();
        std::atomic<bool> ran{false};
        workers->startTile([&w = *workers, &ran] { w.post([&ran] { ran = true; }); });
        workers->waitForDone(); // posted; the GUI thread has not run it
        workers.reset();
        std::atomic<bool> later{false};
        std::thread([&later] { GuiInbox::instance().post([&later] { later = true; }); }).join();
        QTRY_VERIFY_WITH_TIMEOUT(later.load(), kLoadedMs); // after the dead workers' closure in the inbox
        QVERIFY(!ran.load());
    }

    void theSessionKeepsEachSongsDisplayAcrossSwitches()
    {
        const int64_t frames = 2 * kEngineSampleRate;
        const QStringList paths = writeTwoSongs(m_dir, QStringLiteral("song"), frames, 11);
        QCOMPARE(paths.size(), 2);
        SongSession session; // no model: songs decode and wait
        int shown = 0;
        connect(&session, &SongSession::shownChanged, this, [&shown] { ++shown; });
        const int a = session.add(paths[0]);
        const int b = session.add(paths[1]);
        QCOMPARE(session.currentId(), a); // the first song added is shown
        QTRY_VERIFY_WITH_TIMEOUT(session.shown().display != nullptr, kLoadedMs);
        std::shared_ptr<SongDisplay> displayA = session.shown().display;
        QCOMPARE(session.selection().totalFrames(), frames);
        QTRY_COMPARE_WITH_TIMEOUT(displayA->lane(0).waveform->summarisedFrames(), frames, kLoadedMs);

        session.selection().set(100, 200, 0);
        session.show(b);
        QVERIFY(session.selection().isEmpty()); // a new song clears the selection
        QTRY_VERIFY_WITH_TIMEOUT(session.shown().display != nullptr, kLoadedMs);
        QVERIFY(session.shown().display != displayA);
        QCOMPARE(session.shown().fileName(), QStringLiteral("song1.wav"));

        session.show(a);
        QCOMPARE(session.shown().display, displayA); // kept: the summary is there at once
        QCOMPARE(session.shown().display->lane(0).waveform->summarisedFrames(), frames);
        QVERIFY(shown >= 3);

        const std::weak_ptr<SongDisplay> kept = displayA;
        displayA.reset();
        session.remove(a);
        QCOMPARE(session.currentId(), b); // the remaining song is shown
        QCOMPARE(session.songs().count(), 1);
        session.workers().waitForDone(); // the display is released there, not on this thread
        QTRY_VERIFY_WITH_TIMEOUT(kept.expired(), kLoadedMs);
    }

    void lanesPaintThroughTheTimelinesScratchWithoutAllocating()
    {
        // The lanes' waveform strokes go through the timeline's scratch tile, made and touched when the
        // timeline is built: no paint allocates scratch pixels, at any zoom or lane size (StrokeScratch.h). A
        // lane wider and taller than a tile is painted whole, tile by tile.
        const int64_t frames = kEngineSampleRate * 4;
        ViewWorkers workers;
        auto display =
            std::make_shared<SongDisplay>(std::make_shared<const AudioBuffer>(noise(frames, 51)), workers);
        SelectionModel selection;
        TimelineView timeline(selection);
        const uchar* pixels = timeline.strokeScratch().pixels();
        const QSize tile = timeline.strokeScratch().tileSize();
        QVERIFY(pixels);
        timeline.resize(LaneStrip::kHeaderWidth + tile.width() * 2 + 300, tile.height() * 2 + 300);
        timeline.setDisplay(display);
        timeline.show();
        QVERIFY(QTest::qWaitForWindowExposed(&timeline));
        LaneView* lane = timeline.lane(0)->view();
        QTRY_COMPARE_WITH_TIMEOUT(lane->summarisedFrames(), frames, kLoadedMs);
        QTRY_VERIFY_WITH_TIMEOUT(lane->width() > tile.width() * 2 && lane->height() > tile.height(),
                                 kLoadedMs);

        const QColor background = lane->palette().color(QPalette::Base);
        const auto strokedIn = [&](const QImage& image, const QRect& area) {
            for (int y = area.top(); y <= area.bottom(); ++y)
                for (int x = area.left(); x <= area.right(); ++x)
                    if (image.pixelColor(x, y) != background)
                        return true;
            return false;
        };
        TimelineViewport& viewport = timeline.viewport();
        const double fit = viewport.framesPerPixel();
        // Fit (summary columns), then zoomed in to a few frames per pixel (the samples read).
        for (const double framesPerPixel : {fit, 3.0}) {
            viewport.zoom(framesPerPixel / viewport.framesPerPixel(), 0);
            const QImage image = lane->grab().toImage();
            // Strokes in the last tile column and in both tile rows (the noise reaches rows of both).
            const int lastTileX = tile.width() * 2;
            QVERIFY(strokedIn(image, QRect(lastTileX, tile.height() - 40, 200, 40)));
            QVERIFY(strokedIn(image, QRect(lastTileX, tile.height(), 200, 40)));
            QVERIFY(strokedIn(image, QRect(10, tile.height() - 40, 200, 40)));
            QCOMPARE(timeline.strokeScratch().pixels(), pixels);
            QCOMPARE(timeline.strokeScratch().tileSize(), tile);
        }
    }

    void theTimelineReusesItsLaneStripsAcrossSongs()
    {
        // A song switch rebinds the strips at the same places with the same names instead of building new
        // ones: each then shows the new song's audio with neutral controls, as a new strip would; strips a
        // song does not use are hidden and hold no audio.
        const int64_t frames = kEngineSampleRate / 2;
        ViewWorkers workers;
        const auto songDisplay = [&](uint32_t seed, bool withStems) {
            auto display = std::make_shared<SongDisplay>(
                std::make_shared<const AudioBuffer>(noise(frames, seed)), workers);
            if (withStems) {
                auto stems = std::make_shared<StemSet>(frames);
                stems->writableStems().names = {"drums", "bass"};
                stems->writableStems().audio = {noise(frames, seed + 1), noise(frames, seed + 2)};
                stems->publish(frames);
                display->setStems(stems);
                display->stemsGrew();
            }
            return display;
        };
        const auto a = songDisplay(21, true), b = songDisplay(31, true), mixOnly = songDisplay(41, false);
        QCOMPARE(a->laneCount(), 3);
        QCOMPARE(mixOnly->laneCount(), 1);
        SelectionModel selection;
        TimelineView timeline(selection);
        timeline.resize(700, 400);
        timeline.setDisplay(a);
        timeline.show();
        QVERIFY(QTest::qWaitForWindowExposed(&timeline));
        QList<LaneStrip*> strips;
        for (int i = 0; i < timeline.laneCount(); ++i)
            strips << timeline.lane(i);
        strips[1]->soloButton()->setChecked(true);
        strips[2]->muteButton()->setChecked(true);
        strips[2]->gainSlider()->setValue(40);

        timeline.setDisplay(b);
        QCOMPARE(timeline.laneCount(), 3);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(timeline.lane(i), strips[i]);
            QVERIFY(timeline.lane(i)->isVisible());
            QCOMPARE(timeline.lane(i)->name(), b->lane(i).name);
            QCOMPARE(timeline.lane(i)->view()->audio().mix, b->lane(i).audio.mix);
            QCOMPARE(timeline.lane(i)->view()->audio().stems, b->lane(i).audio.stems);
            QVERIFY(!timeline.lane(i)->soloButton()->isChecked());
            QVERIFY(!timeline.lane(i)->muteButton()->isChecked());
            QCOMPARE(timeline.lane(i)->gainSlider()->value(), 100);
        }

        timeline.setDisplay(mixOnly);
        QCOMPARE(timeline.laneCount(), 1);
        QCOMPARE(timeline.lane(0), strips[0]);
        QCOMPARE(timeline.lane(0)->view()->audio().mix, mixOnly->lane(0).audio.mix);
        for (int i = 1; i < 3; ++i) {
            QVERIFY(strips[i]->isHidden());
            QVERIFY(strips[i]->view()->audio().isNull());
        }

        timeline.setDisplay(a);
        QCOMPARE(timeline.laneCount(), 3);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(timeline.lane(i), strips[i]);
            QVERIFY(timeline.lane(i)->isVisible());
            QCOMPARE(timeline.lane(i)->view()->audio().stems, a->lane(i).audio.stems);
            QCOMPARE(timeline.lane(i)->view()->audio().mix, a->lane(i).audio.mix);
        }
        // In order in the layout: each lane below the one before it.
        QTest::qWait(20);
        for (int i = 1; i < 3; ++i)
            QVERIFY(strips[i]->geometry().top() > strips[i - 1]->geometry().top());
    }

    void sidePanelsSettleAFrameAfterTheTimeline()
    {
        const QStringList paths = writeTwoSongs(m_dir, QStringLiteral("settle"), kEngineSampleRate, 21);
        QCOMPARE(paths.size(), 2);
        QWidget window;
        window.resize(200, 100);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        SongSession session; // no model: songs decode and wait
        session.settleAfter(new NextFrame(window));
        int changed = 0, analysisChanged = 0, analysisSettled = 0;
        QList<int> settled;
        // A side panel: it keeps the shown song's mix, as the mining tabs do.
        std::shared_ptr<const AudioBuffer> panelCopy;
        bool panelCopyWasLast = false;
        connect(&session, &SongSession::shownChanged, this, [&changed] { ++changed; });
        connect(&session, &SongSession::analysisChanged, this, [&analysisChanged] { ++analysisChanged; });
        connect(&session, &SongSession::analysisSettled, this, [&analysisSettled] { ++analysisSettled; });
        connect(&session, &SongSession::shownSettled, this, [&](const ShownSong& song) {
            settled << song.id;
            panelCopyWasLast = panelCopyWasLast || (panelCopy && panelCopy.use_count() == 1);
            panelCopy = song.mix;
        });
        const int a = session.add(paths[0]);
        const int b = session.add(paths[1]);
        QTRY_VERIFY_WITH_TIMEOUT(session.songs().song(a)->mix() && session.songs().song(b)->mix(), kLoadedMs);
        QTRY_VERIFY_WITH_TIMEOUT(panelCopy == session.songs().song(a)->mix(), kLoadedMs);

        // Three switches in one turn: the timeline hears each at once, the side panels once, later, of the
        // last one.
        const int changedBefore = changed, analysisBefore = analysisChanged,
                  settledBefore = int(settled.size());
        const int analysisSettledBefore = analysisSettled;
        session.show(b);
        session.show(a);
        session.show(b);
        QCOMPARE(changed, changedBefore + 3);
        QCOMPARE(analysisChanged, analysisBefore + 3);
        QCOMPARE(int(settled.size()), settledBefore);
        QTRY_COMPARE_WITH_TIMEOUT(int(settled.size()), settledBefore + 1, kLoadedMs);
        QCOMPARE(settled.last(), b);
        QCOMPARE(analysisSettled, analysisSettledBefore + 1);
        QCOMPARE(panelCopy, session.songs().song(b)->mix());

        // The shown song removed: the panel lets go of its mix when it settles on the other song, and the
        // session still holds it then; the last reference goes on a worker.
        const std::weak_ptr<const AudioBuffer> removedMix = session.songs().song(b)->mix();
        session.remove(b);
        QCOMPARE(session.currentId(), a);
        QTRY_COMPARE_WITH_TIMEOUT(settled.last(), a, kLoadedMs);
        QVERIFY(!panelCopyWasLast);
        session.workers().waitForDone();
        QTRY_VERIFY_WITH_TIMEOUT(removedMix.expired(), kLoadedMs);
    }

    void songsFoundByAFolderScanAreShown()
    {
        QDir(m_dir.path()).mkpath(QStringLiteral("scan/inner"));
        for (const char* name : {"scan/inner/b.wav", "scan/a.wav"})
            QVERIFY(audio::writeAudioFile(m_dir.filePath(QLatin1String(name)).toStdString(),
                                          noise(kEngineSampleRate / 10, 5), audio::FileFormat::Wav,
                                          audio::SampleFormat::Float32)
                        .ok());
        SongSession session;
        QSignalSpy added(&session.queue(), &SongQueue::pathsAdded);
        session.queue().addPaths({m_dir.filePath(QStringLiteral("scan"))}); // scanned on the queue's worker
        QTRY_COMPARE_WITH_TIMEOUT(added.count(), 1, kLoadedMs);
        QCOMPARE(session.songs().count(), 2);
        // The first file found (sorted: a.wav before inner/b.wav) is shown; a later scan leaves it shown.
        QCOMPARE(session.shown().fileName(), QStringLiteral("a.wav"));
        const int shown = session.currentId();
        session.queue().addPaths({m_dir.filePath(QStringLiteral("scan/inner/b.wav"))});
        QTRY_COMPARE_WITH_TIMEOUT(added.count(), 2, kLoadedMs);
        QCOMPARE(session.songs().count(), 3);
        QCOMPARE(session.currentId(), shown);
    }
};

QTEST_MAIN(TestUiSession)
#include "tst_ui_session.moc"
