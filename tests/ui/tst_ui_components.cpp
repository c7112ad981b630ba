// The ui's Qt-light building blocks: spectrogram tiles from core's columns (the tone's row, growing audio),
// zero-crossing snapping and the GUI's export jobs on core's
// exporter (the dialog's settings, naming, gains, no overwrites, the queued report), checked against the file
// core/audio decodes back.

#include "MessageArea.h"
#include "audio/Decoder.h"
#include "library/ExportDialog.h"
#include "library/ExportJob.h"
#include "library/SampleExportService.h"
#include "settings/AppSettings.h"
#include "views/ColumnStrokes.h"
#include "views/Snapper.h"
#include "views/SpectrogramRenderer.h"
#include "views/TimelineViewport.h"

#include <QComboBox>
#include <QLabel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include "StereoSine.h"

#include <atomic>
#include <cmath>

using namespace stemcrate;
using namespace stemcrate::ui;

using testsupport::stereoSine;

class TestUiComponents : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void messageAreaMakesItsTextDocumentBeforeTheFirstMessage()
    {
        // Qt's text document for the selectable label exists from the start (its first use stalled the GUI
        // thread at the first message); no text is shown until a message comes, and messages replace it.
        MessageArea area;
        const auto* label = area.findChild<QLabel*>();
        QVERIFY(label);
        const auto hasTextControl = [label] {
            for (const QObject* child : label->children())
                if (QByteArray(child->metaObject()->className()) == "QWidgetTextControl")
                    return true;
            return false;
        };
        QVERIFY(hasTextControl());
        QVERIFY(area.text().isEmpty());
        QVERIFY(area.isHidden());
        area.showNotice(QStringLiteral("exported kick.wav"));
        QCOMPARE(area.text(), QStringLiteral("exported kick.wav"));
        QVERIFY(!area.isError());
        area.showError(QStringLiteral("cannot read song.wav"));
        QCOMPARE(area.text(), QStringLiteral("cannot read song.wav"));
        QVERIFY(area.isError());
        QVERIFY(hasTextControl());
    }

    void spectrogramTileShowsTheToneAndGrows()
    {
        using R = SpectrogramRenderer;
        const int64_t frames = 2 * kEngineSampleRate;
        auto audio = std::make_shared<const AudioBuffer>(stereoSine(frames, 1000.0));
        analysis::SpectrogramOptions options;
        options.fftSize = R::kFftSize;
        options.hopFrames = 256;
        std::atomic<int64_t> valid{30000}; // a stem still being separated
        const analysis::SpectrogramColumns columns(audio, options, [&] { return valid.load(); });
        const analysis::LogFrequencyScale scale(R::kFftSize, kEngineSampleRate, 120, R::kMinHz, R::kMaxHz);

        R::Tile tile;
        R::computeTile(tile, columns, scale, 0);
        // Column k needs frames up to k * 256 + 1024: columns 0..113 are computable.
        QCOMPARE(tile.validColumns, 114);
        QCOMPARE(tile.image.height(), 120);
        valid = frames;
        R::computeTile(tile, columns, scale, 0); // completes the same tile
        QCOMPARE(tile.validColumns, R::kTileColumns);

        // The brightest row of a column is the band holding 1 kHz (the highest band on the top row).
        const auto& map = R::colourMap();
        auto level = [&](int row, int column) {
            const QRgb pixel = tile.image.pixel(column, row);
            return int(std::find(map.begin(), map.end(), pixel) - map.begin());
        };
        int band = 0;
        for (int b = 1; b < scale.bands(); ++b)
            if (std::abs(std::log(scale.bandCentreHz(b) / 1000.0)) <
                std::abs(std::log(scale.bandCentreHz(band) / 1000.0)))
                band = b;
        for (int column : {10, 113, 200}) {
            int brightest = 0;
            for (int row = 1; row < tile.image.height(); ++row)
                if (level(row, column) > level(brightest, column))
                    brightest = row;
            QVERIFY2(std::abs(brightest - (119 - band)) <= 1,
                     qPrintable(QStringLiteral("column %1: row %2, expected %3")
                                    .arg(column)
                                    .arg(brightest)
                                    .arg(119 - band)));
            QVERIFY(level(brightest, column) - level(5, column) > 100); // 5: about 17 kHz, far from the tone
        }
    }

    void columnStrokesCoverTheirRowsOnly()
    {
        ColumnStrokes strokes(QSize(4, 10));
        strokes.stroke(2, 3.4, 6.9, QColor(200, 0, 0));
        strokes.stroke(2, 5.0, 5.5, QColor(0, 0, 200));   // drawn over: the later colour wins its rows
        strokes.stroke(1, -5.0, 40.0, QColor(0, 200, 0)); // clamped to the image
        strokes.stroke(7, 0.0, 9.0, QColor(0, 200, 0));   // outside: ignored
        const QImage& image = strokes.image();
        for (int row = 0; row < 10; ++row) {
            const QRgb expected = row == 5               ? qRgb(0, 0, 200)
                                  : row >= 3 && row <= 6 ? qRgb(200, 0, 0)
                                                         : qRgba(0, 0, 0, 0);
            QCOMPARE(image.pixel(2, row), expected);
            QCOMPARE(image.pixel(1, row), qRgb(0, 200, 0));
            QCOMPARE(qAlpha(image.pixel(0, row)), 0);
            QCOMPARE(qAlpha(image.pixel(3, row)), 0);
        }
    }

    void columnStrokesReuseTheirScratchCleared()
    {
        QImage scratch(6, 12, QImage::Format_ARGB32_Premultiplied);
        const uchar* pixels = scratch.constBits();
        {
            ColumnStrokes strokes(QRect(0, 0, 6, 12), scratch);
            strokes.stroke(4, 0.0, 11.0, QColor(200, 0, 0));
            QCOMPARE(strokes.image().pixel(4, 11), qRgb(200, 0, 0));
        }
        // A smaller one after it: the same pixels, and nothing of the first strokes left.
        ColumnStrokes strokes(QRect(0, 0, 5, 10), scratch);
        strokes.stroke(2, 3.4, 6.9, QColor(0, 0, 200));
        ColumnStrokes alone(QSize(5, 10));
        alone.stroke(2, 3.4, 6.9, QColor(0, 0, 200));
        QCOMPARE(strokes.image().size(), QSize(5, 10));
        for (int row = 0; row < 10; ++row)
            for (int column = 0; column < 5; ++column)
                QCOMPARE(strokes.image().pixel(column, row), alone.image().pixel(column, row));
        // A larger area is cut to the scratch, which is never reallocated (StrokeScratch.h).
        ColumnStrokes wider(QRect(0, 0, 9, 40), scratch);
        QCOMPARE(wider.area(), QRect(0, 0, 6, 12));
        QCOMPARE(scratch.size(), QSize(6, 12));
        QCOMPARE(scratch.constBits(), pixels);
        QCOMPARE(qAlpha(wider.image().pixel(4, 0)), 0);
    }

    void columnStrokesInTilesGiveTheWholeImage()
    {
        // A region painted tile by tile through a small scratch gets the pixels one image of it would:
        // strokes crossing tile edges, starting or ending outside the region, and columns outside it.
        const QSize region(11, 23);
        const auto paint = [](ColumnStrokes& strokes) {
            for (int x = -2; x < 13; ++x) {
                strokes.stroke(x, 3.5 + x, 19.2 - x * 0.5, QColor(200, 40, 0));
                strokes.stroke(x, 10.0 - x * 0.7, 11.0 + x * 0.7, QColor(20, 90, 200, 128));
            }
            strokes.stroke(5, -30.0, -2.0, QColor(0, 200, 0)); // wholly above: nothing
            strokes.stroke(6, 40.0, 25.0, QColor(0, 200, 0));  // wholly below: nothing
            strokes.stroke(7, -30.0, 99.0, QColor(0, 0, 250)); // the whole column
        };
        ColumnStrokes whole(region);
        paint(whole);
        QImage tiled(region, QImage::Format_ARGB32_Premultiplied);
        tiled.fill(Qt::red); // every pixel must be written by some tile
        QImage scratch(4, 5, QImage::Format_ARGB32_Premultiplied);
        const uchar* pixels = scratch.constBits();
        int tiles = 0;
        for (int y = 0; y < region.height(); y += scratch.height())
            for (int x = 0; x < region.width(); x += scratch.width()) {
                ColumnStrokes strokes(
                    QRect(QPoint(x, y), scratch.size()).intersected(QRect(QPoint(), region)), scratch);
                paint(strokes);
                for (int row = 0; row < strokes.image().height(); ++row)
                    for (int column = 0; column < strokes.image().width(); ++column)
                        tiled.setPixel(strokes.area().left() + column, strokes.area().top() + row,
                                       strokes.image().pixel(column, row));
                ++tiles;
            }
        QCOMPARE(tiles, 15);
        QCOMPARE(scratch.constBits(), pixels);
        QCOMPARE(tiled, whole.image());
        QCOMPARE(whole.image().pixel(7, 0), qRgb(0, 0, 250));
        QCOMPARE(whole.image().pixel(7, 22), qRgb(0, 0, 250));
        QCOMPARE(qAlpha(whole.image().pixel(5, 0)), 0);
    }

    void snapsToTheNearestZeroCrossing()
    {
        const AudioBuffer audio = stereoSine(44100, 100.0); // crossings every 220.5 frames
        Snapper snapper;
        QCOMPARE(snapper.snap(1000, &audio, audio.frames), 1000); // off
        snapper.setMode(Snapper::Mode::ZeroCrossing);
        const int64_t snapped = snapper.snap(1000, &audio, audio.frames);
        QVERIFY(std::abs(snapped - 1000) <= 111);
        const float before = audio.channel(0)[snapped - 1], at = audio.channel(0)[snapped];
        QVERIFY((before < 0) != (at < 0) || at == 0.0f);
        snapper.setMode(Snapper::Mode::Beats);
        snapper.setBeats({0, 22050, 44100});
        QCOMPARE(snapper.snap(15000, &audio, audio.frames), 22050);
        QCOMPARE(snapper.snap(9000, &audio, audio.frames), 0);
    }

    void viewportZoomKeepsTheAnchor()
    {
        TimelineViewport viewport;
        viewport.setWidth(1000);
        viewport.setTotalFrames(441000);
        QCOMPARE(viewport.framesPerPixel(), 441.0);
        const double anchor = viewport.frameAt(250);
        viewport.zoom(8.0, 250);
        QVERIFY(std::abs(viewport.frameAt(250) - anchor) < 1e-6);
        for (int i = 0; i < 20; ++i)
            viewport.zoom(8.0, 250);
        QCOMPARE(viewport.framesPerPixel(), TimelineViewport::kMinFramesPerPixel);
        viewport.zoom(1e-9, 0);
        QCOMPARE(viewport.framesPerPixel(), 441.0);
        QCOMPARE(viewport.startFrame(), 0.0);
    }

    void exportJobNamesMixesAndNeverOverwrites()
    {
        QTemporaryDir dir;
        const auto source = std::make_shared<const AudioBuffer>(stereoSine(44100, 440.0));
        ExportOptions options;
        options.folder = dir.filePath(QStringLiteral("library"));
        options.format = audio::FileFormat::Wav;
        options.sampleFormat = audio::SampleFormat::Float32;
        options.fadeInMs = 0;
        options.fadeOutMs = 0;
        options.nameTemplate = QStringLiteral("{song} / {stem} {start}");
        library::SampleMetadata metadata;
        metadata.sourcePath = dir.filePath(QStringLiteral("My: Song.flac")).toStdString();
        metadata.stem = "drums";
        ExportJob job(options, metadata, 22050, 26460);
        job.addSource(source, 1.0f);
        // The dialog's settings reach core's request 1:1; {song} is core's {source}.
        QCOMPARE(job.request().options.loop, false);
        QCOMPARE(job.request().nameTemplate, std::string("{source} / {stem} {start}"));

        // Core's naming: unsafe characters become '_', a taken name gets " (2)".
        const Result<QString> first = job.run();
        QVERIFY2(first.ok(), first.ok() ? "" : first.error().c_str());
        QCOMPARE(QFileInfo(first.value()).fileName(), QStringLiteral("My_ Song _ drums 0.500.wav"));
        const Result<QString> second = job.run();
        QVERIFY(second.ok());
        QCOMPARE(QFileInfo(second.value()).fileName(), QStringLiteral("My_ Song _ drums 0.500 (2).wav"));

        // Default options export the region sample-exactly.
        const Result<audio::Track> decoded = audio::decodeFile(first.value().toStdString());
        QVERIFY(decoded.ok());
        QCOMPARE(decoded->audio.frames, 4410);
        for (int c = 0; c < 2; ++c)
            for (int64_t t = 0; t < 4410; ++t)
                QCOMPARE(decoded->audio.channel(c)[t], source->channel(c)[22050 + t]);

        // As heard: the sources with their gains (a muted lane at 0).
        const auto other = std::make_shared<const AudioBuffer>(stereoSine(44100, 1000.0));
        ExportJob heard(options, metadata, 22050, 26460);
        heard.addSource(source, 0.5f);
        heard.addSource(other, 0.0f);
        const Result<QString> heardPath = heard.run();
        QVERIFY(heardPath.ok());
        const Result<audio::Track> heardTrack = audio::decodeFile(heardPath.value().toStdString());
        QVERIFY(heardTrack.ok());
        for (int64_t t = 0; t < 4410; t += 7)
            QCOMPARE(heardTrack->audio.channel(0)[t], 0.5f * source->channel(0)[22050 + t]);

        // An empty region is refused, and nothing is written.
        ExportJob empty(options, metadata, 100, 100);
        empty.addSource(source, 1.0f);
        QVERIFY(!empty.run().ok());
        QCOMPARE(QDir(options.folder).entryList(QDir::Files).size(), 3);

        // Unknown {bpm}/{key} leave no empty fields behind; known ones fill in.
        options.nameTemplate = QStringLiteral("{song} - {bpm} - {key} - {stem}");
        metadata.stem = "bass";
        ExportJob unknown(options, metadata, 0, 4410);
        unknown.addSource(source, 1.0f);
        const Result<QString> unnamed = unknown.run();
        QVERIFY(unnamed.ok());
        QCOMPARE(QFileInfo(unnamed.value()).completeBaseName(), QStringLiteral("My_ Song - bass"));
        metadata.bpm = 124;
        metadata.key = "A minor";
        ExportJob known(options, metadata, 0, 4410);
        known.addSource(source, 1.0f);
        const Result<QString> named = known.run();
        QVERIFY(named.ok());
        QCOMPARE(QFileInfo(named.value()).completeBaseName(),
                 QStringLiteral("My_ Song - 124 - A minor - bass"));
    }

    void exportServiceReportsThePathQueued()
    {
        QTemporaryDir dir;
        const auto source = std::make_shared<const AudioBuffer>(stereoSine(44100, 440.0));
        ExportOptions options;
        options.folder = dir.path();
        options.loop = true;
        library::SampleMetadata metadata;
        metadata.stem = "drums";
        ExportJob job(options, metadata, 0, 22050);
        job.addSource(source, 1.0f);
        QCOMPARE(job.request().options.loop, true);
        SampleExportService service;
        QSignalSpy exported(&service, &SampleExportService::exported);
        const int id = service.start(job);
        QVERIFY(exported.wait(10000));
        QCOMPARE(exported.first().at(0).toInt(), id);
        QVERIFY(QFileInfo::exists(exported.first().at(1).toString()));
        ExportJob empty(options, metadata, 0, 0);
        empty.addSource(source, 1.0f);
        QSignalSpy failed(&service, &SampleExportService::failed);
        QCOMPARE(service.start(empty), id + 1);
        QVERIFY(failed.wait(10000));
    }

    void exportJobsLetGoOfTheirAudioOnTheWorker()
    {
        // The rest of the job is freed on the GUI thread, which built it; the audio, whose last reference may
        // be the job's (a song closed meanwhile), never is.
        QTemporaryDir dir;
        std::atomic<QThread*> freedOn{nullptr};
        std::shared_ptr<const AudioBuffer> source(new AudioBuffer(stereoSine(4410, 440.0)),
                                                  [&freedOn](const AudioBuffer* buffer) {
                                                      freedOn = QThread::currentThread();
                                                      delete buffer;
                                                  });
        ExportOptions options;
        options.folder = dir.path();
        library::SampleMetadata metadata;
        metadata.stem = "bass";
        ExportJob job(options, metadata, 0, 2205);
        job.addSource(std::move(source), 1.0f); // the job holds the only reference
        SampleExportService service;
        QSignalSpy exported(&service, &SampleExportService::exported);
        service.start(std::move(job));
        QVERIFY(exported.wait(10000));
        QVERIFY(freedOn.load() != nullptr); // before the report
        QVERIFY(freedOn.load() != QThread::currentThread());
    }

    void exportJobsHandOverTheirAudio()
    {
        const auto source = std::make_shared<const AudioBuffer>(stereoSine(4410, 440.0));
        ExportJob job(ExportOptions(), library::SampleMetadata(), 0, 2205);
        job.addSource(source, 1.0f);
        QCOMPARE(source.use_count(), 2);
        const std::vector<std::shared_ptr<const void>> audio = job.takeAudio();
        QCOMPARE(audio.size(), size_t(1));
        QCOMPARE(audio.front().get(), static_cast<const void*>(source.get()));
        QVERIFY(job.request().stems.empty());
        QCOMPARE(source.use_count(), 2); // the job's reference, handed over
    }

    void exportOptionsAreRemembered()
    {
        ExportOptions options;
        options.format = audio::FileFormat::Flac;
        options.sampleFormat = audio::SampleFormat::Int16;
        options.fadeInMs = 12.5;
        options.fadeOutMs = 40;
        options.loop = true;
        options.nameTemplate = QStringLiteral("{stem} {song}");
        options.folder = QStringLiteral("/tmp/stemcrate-test-library");
        AppSettings::setExportOptions(options);
        const ExportOptions back = AppSettings::exportOptions();
        QCOMPARE(back.format, options.format);
        QCOMPARE(back.sampleFormat, options.sampleFormat);
        QCOMPARE(back.fadeInMs, options.fadeInMs);
        QCOMPARE(back.fadeOutMs, options.fadeOutMs);
        QCOMPARE(back.loop, true);
        QCOMPARE(back.nameTemplate, options.nameTemplate);
        QCOMPARE(back.folder, options.folder);
        QCOMPARE(AppSettings::libraryFolder(), options.folder);

        // The dialog shows them and returns them unchanged; FLAC offers no float.
        ExportDialog dialog(back);
        const ExportOptions shown = dialog.options();
        QCOMPARE(shown.format, options.format);
        QCOMPARE(shown.sampleFormat, options.sampleFormat);
        QCOMPARE(shown.nameTemplate, options.nameTemplate);
        QCOMPARE(shown.folder, options.folder);
        auto* depth = dialog.findChildren<QComboBox*>().at(1);
        QCOMPARE(depth->count(), 2);
    }
};

QTEST_MAIN(TestUiComponents)
#include "tst_ui_components.moc"
