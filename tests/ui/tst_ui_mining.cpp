// The mining panels driven offscreen as a user would: loop suggestions appear while the stems are still
// being published and grow once they are complete; a click auditions one looped on its stem; Ctrl+E exports
// it; Chop cuts the selection into N slices whose markers and pads play them (pad 1 plays slice 1, key 2
// slice 2); the slices show as markers on the timeline lane they were cut from (a selection's or an
// auditioned suggestion's), following re-chops and zoom, the playing slice highlighted; the slices and a
// one-shot kit export as files referenced by their .sfz and .dspreset. The musician's tempo and key reach the
// suggestions and their export tags.
#include "DrumGrooves.h"
#include "SyntheticMusic.h"

#include "analysis/BeatGrid.h"
#include "library/SampleExportService.h"
#include "library/SampleReader.h"
#include "mining/ChopPanel.h"
#include "mining/FindSamplesPanel.h"
#include "mining/KitPanel.h"
#include "mining/MiningPanels.h"
#include "mining/PadGrid.h"
#include "playback/Transport.h"
#include "session/SelectionModel.h"
#include "views/LaneStrip.h"
#include "views/LaneView.h"
#include "views/SongDisplay.h"
#include "views/TimelineView.h"
#include "views/TimelineViewport.h"
#include "views/ViewWorkers.h"

#include <QtTest>

#include <QDir>
#include <QListWidget>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QToolButton>
#include <QXmlStreamReader>

using namespace stemcrate;
using namespace stemcrate::ui;
namespace synth = stemcrate::analysis::synth;

namespace {

constexpr int kWaitMs = 120000; // a loaded 2-core machine

std::shared_ptr<StemSet> makeStems(const std::vector<std::pair<std::string, const AudioBuffer*>>& stems, int64_t frames)
{
    auto set = std::make_shared<StemSet>(frames);
    for (const auto& [name, audio] : stems) {
        set->writableStems().names.push_back(name);
        AudioBuffer copy(2, frames, kEngineSampleRate);
        for (int c = 0; c < 2; ++c)
            std::copy(audio->channel(std::min(c, audio->channels - 1)),
                      audio->channel(std::min(c, audio->channels - 1)) + std::min(frames, audio->frames),
                      copy.channel(c));
        set->writableStems().audio.push_back(std::move(copy));
    }
    return set;
}

// Every file an instrument names exists beside it: sample= lines of the .sfz, <sample path=> of the
// .dspreset, which must be well-formed XML. Returns how many the .sfz names.
int checkInstrumentFiles(const QString& sfzPath, const QString& dspresetPath)
{
    const QDir folder = QFileInfo(sfzPath).dir();
    QFile sfz(sfzPath);
    if (!sfz.open(QIODevice::ReadOnly))
        return -1;
    int named = 0;
    const QRegularExpression sample(QStringLiteral("^sample=(.+)$"), QRegularExpression::MultilineOption);
    for (auto it = sample.globalMatch(QString::fromUtf8(sfz.readAll())); it.hasNext(); ++named)
        if (!folder.exists(it.next().captured(1).trimmed()))
            return -1;
    QFile ds(dspresetPath);
    if (!ds.open(QIODevice::ReadOnly))
        return -1;
    QXmlStreamReader xml(&ds);
    int samples = 0;
    while (!xml.atEnd())
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QLatin1String("sample")) {
            ++samples;
            if (!folder.exists(xml.attributes().value(QLatin1String("path")).toString()))
                return -1;
        }
    return xml.hasError() || samples != named ? -1 : named;
}

} // namespace

class TestUiMining : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Transport> m_transport;
    std::unique_ptr<SampleExportService> m_exports;
    std::unique_ptr<MiningPanels> m_panels;
    std::shared_ptr<StemSet> m_stems;
    QTemporaryDir m_library;
    int64_t m_frames = 0;

private slots:
    void initTestCase()
    {
        synth::DrumSpec drums;
        drums.bpm = 120;
        drums.seconds = 36;
        synth::ChordSpec chords;
        chords.bpm = 120;
        chords.seconds = 36;
        const synth::Track d = synth::drums(drums), o = synth::chords(chords);
        m_frames = std::min(d.audio.frames, o.audio.frames);
        m_stems = makeStems({{"drums", &d.audio}, {"other", &o.audio}}, m_frames);
        m_transport = std::make_unique<Transport>();
        m_exports = std::make_unique<SampleExportService>();
        m_panels = std::make_unique<MiningPanels>(*m_transport, *m_exports);
        ExportOptions options;
        options.folder = m_library.path();
        m_panels->setExportOptions(options);
        m_panels->resize(500, 400);
        m_panels->show();
    }

    void suggestionsAppearWhileSeparating()
    {
        m_stems->publish(12 * kEngineSampleRate); // separation under way: 12 s final
        MiningSong song;
        song.stems = m_stems;
        song.metadata.sourcePath = "/music/groove.flac";
        m_transport->setSong(nullptr, m_stems);
        m_panels->setSong(song);
        FindSamplesPanel& panel = *m_panels->findSamples();
        QTRY_VERIFY_WITH_TIMEOUT(panel.suggestionCount() > 0, kWaitMs);
        for (int i = 0; i < panel.suggestionCount(); ++i)
            QVERIFY(panel.suggestion(i).endFrame <= 12 * kEngineSampleRate);
        auto* list = panel.findChild<QListWidget*>(QStringLiteral("suggestionList"));
        QVERIFY(list);
        QCOMPARE(list->count(), panel.suggestionCount());
        QVERIFY(!list->item(0)->icon().isNull()); // the waveform thumbnail
        QVERIFY(list->item(0)->text().contains(QStringLiteral("BPM")));

        m_stems->publish(m_frames); // complete: recomputed over the whole song
        QTRY_VERIFY_WITH_TIMEOUT([&] {
            for (int i = 0; i < panel.suggestionCount(); ++i)
                if (panel.suggestion(i).endFrame > 12 * kEngineSampleRate)
                    return true;
            return false;
        }(), kWaitMs);
    }

    void clickAuditionsLooped()
    {
        FindSamplesPanel& panel = *m_panels->findSamples();
        auto* list = panel.findChild<QListWidget*>(QStringLiteral("suggestionList"));
        QSignalSpy auditioned(&panel, &FindSamplesPanel::auditioned);
        const int row = std::min(2, list->count() - 1);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(list->item(row)).center());
        QCOMPARE(auditioned.count(), 1);
        QCOMPARE(auditioned.first().first().toInt(), row);
        QCOMPARE(list->currentRow(), row);
        const StemMixer& mixer = m_transport->mixer();
        QVERIFY(mixer.looping());
        QCOMPARE(mixer.position(), panel.suggestion(row).startFrame);
        const int lane = panel.suggestion(row).stem == "drums" ? 1 : 2;
        QVERIFY(mixer.soloed(lane));
        QVERIFY(!mixer.soloed(3 - lane));
    }

    void ctrlEExportsTheLoop()
    {
        FindSamplesPanel& panel = *m_panels->findSamples();
        auto* list = panel.findChild<QListWidget*>(QStringLiteral("suggestionList"));
        QSignalSpy exported(m_exports.get(), &SampleExportService::exported);
        QSignalSpy failed(m_exports.get(), &SampleExportService::failed);
        list->setFocus();
        QTest::keyClick(list, Qt::Key_E, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(exported.count() + failed.count() == 1, kWaitMs);
        QCOMPARE(failed.count(), 0);
        const QFileInfo file(exported.first().at(1).toString());
        QVERIFY(file.exists());
        QCOMPARE(file.absoluteDir().absolutePath(), QDir(m_library.path()).absolutePath());
        QVERIFY(file.size() > 44);
    }

    // The musician's tempo and key (issue 17) reach the suggestions and their export tags: the 120 BPM song
    // called 60 BPM in F major; without the word, the suggester's own grid again.
    void suggestionsFollowTheMusiciansWord()
    {
        FindSamplesPanel& panel = *m_panels->findSamples();
        const analysis::TempoResult grid =
            analysis::BeatGrid::atTempo(nullptr, 60.0, m_frames, kEngineSampleRate);
        panel.setMusiciansWord(grid, std::string("F major"));
        const auto allAt = [&](double bpm) {
            if (panel.suggestionCount() == 0)
                return false;
            for (int i = 0; i < panel.suggestionCount(); ++i)
                if (std::abs(panel.suggestion(i).bpm - bpm) > 1.0)
                    return false;
            return true;
        };
        QTRY_VERIFY_WITH_TIMEOUT(allAt(60.0), kWaitMs);
        int other = -1;
        for (int i = 0; i < panel.suggestionCount(); ++i) {
            const mining::LoopSuggestion& s = panel.suggestion(i);
            QVERIFY(std::find(grid.downbeatFrames.begin(), grid.downbeatFrames.end(), s.startFrame) !=
                    grid.downbeatFrames.end());
            QCOMPARE(QString::fromStdString(s.key),
                     s.stem == "other" ? QStringLiteral("F major") : QString());
            if (s.stem == "other" && other < 0)
                other = i;
        }
        QVERIFY(other >= 0);
        QSignalSpy exported(m_exports.get(), &SampleExportService::exported);
        QSignalSpy failed(m_exports.get(), &SampleExportService::failed);
        QVERIFY(panel.exportSuggestion(other) >= 0);
        QTRY_VERIFY_WITH_TIMEOUT(exported.count() + failed.count() == 1, kWaitMs);
        QCOMPARE(failed.count(), 0);
        const library::SampleRecord tags = library::readSampleTags(
            library::listSample(exported.first().at(1).toString().toStdString(), 0, 0));
        QCOMPARE(tags.bpm, 60.0);
        QCOMPARE(QString::fromStdString(tags.key), QStringLiteral("F major"));

        panel.setMusiciansWord(std::nullopt, std::nullopt);
        QTRY_VERIFY_WITH_TIMEOUT(allAt(120.0), kWaitMs);
    }

    void chopMakesSlicesThatPadsAndKeysPlay()
    {
        ChopPanel& chop = *m_panels->chop();
        m_panels->setCurrentWidget(&chop);
        QSignalSpy sliced(&chop, &ChopPanel::slicesChanged);
        m_panels->setSelection(1, 2 * kEngineSampleRate, 6 * kEngineSampleRate);
        chop.setMode(mining::SliceMode::Equal, 8);
        QVERIFY(chop.chop());
        QTRY_VERIFY_WITH_TIMEOUT(sliced.count() == 1, kWaitMs);
        QCOMPARE(sliced.first().first().toInt(), 8);
        QCOMPARE(int(chop.slices().size()), 8);
        QCOMPARE(chop.slices().front().startFrame, 2 * kEngineSampleRate);
        QCOMPARE(chop.slices().back().endFrame, 6 * kEngineSampleRate);
        QCOMPARE(chop.padGrid()->padCount(), 8);
        QVERIFY(chop.padGrid()->pad(7)->isEnabled());
        QVERIFY(!chop.padGrid()->pad(8)->isEnabled());

        QSignalSpy played(&chop, &ChopPanel::slicePlayed);
        QTest::mouseClick(chop.padGrid()->pad(0), Qt::LeftButton);
        QCOMPARE(played.count(), 1);
        QCOMPARE(played.last().at(0).toInt(), 0);
        QCOMPARE(played.last().at(1).toLongLong(), chop.slices()[0].startFrame);
        QCOMPARE(m_transport->mixer().position(), chop.slices()[0].startFrame);
        QVERIFY(!m_transport->mixer().looping());
        chop.setFocus();
        QTest::keyClick(&chop, Qt::Key_2);
        QCOMPARE(played.count(), 2);
        QCOMPARE(played.last().at(0).toInt(), 1);
        QCOMPARE(m_transport->mixer().position(), chop.slices()[1].startFrame);

        QSignalSpy kit(&chop, &ChopPanel::kitExported);
        QVERIFY(chop.exportSlices());
        QTRY_VERIFY_WITH_TIMEOUT(kit.count() == 1, kWaitMs);
        QCOMPARE(checkInstrumentFiles(kit.first().at(0).toString(), kit.first().at(1).toString()), 8);
    }

    void sliceMarkersFollowTheSlices()
    {
        // The window's timeline on the same song: the mix lane (any buffer of the song's length), drums, other.
        ViewWorkers workers;
        SelectionModel selection;
        auto display = std::make_shared<SongDisplay>(
            std::make_shared<const AudioBuffer>(m_stems->stems().audio.front()), workers);
        display->setStems(m_stems);
        display->stemsGrew();
        TimelineView timeline(selection);
        timeline.resize(900, 400);
        timeline.setDisplay(display);
        timeline.show();
        QVERIFY(QTest::qWaitForWindowExposed(&timeline));
        QCOMPARE(timeline.laneCount(), 3);
        m_panels->markSlicesOn(timeline);
        ChopPanel& chop = *m_panels->chop();
        const auto markersOf = [&](int lane) { return timeline.lane(lane)->view()->sliceMarkerXs(); };
        // Every slice's start and the last one's end, where the viewport puts those frames.
        const auto expectedMarkers = [&] {
            std::vector<double> xs;
            for (const mining::Slice& slice : chop.slices())
                xs.push_back(timeline.viewport().xAt(double(slice.startFrame)));
            xs.push_back(timeline.viewport().xAt(double(chop.slices().back().endFrame)));
            return xs;
        };

        // An auditioned suggestion is what Chop cuts next; its slices are marked on the suggestion's stem lane.
        FindSamplesPanel& suggestions = *m_panels->findSamples();
        QVERIFY(suggestions.suggestionCount() > 0);
        suggestions.audition(0);
        const mining::LoopSuggestion suggestion = suggestions.suggestion(0);
        const int suggestionLane = suggestion.stem == "drums" ? 1 : 2;
        QSignalSpy sliced(&chop, &ChopPanel::slicesChanged);
        chop.setMode(mining::SliceMode::Equal, 4);
        QVERIFY(chop.chop());
        QTRY_VERIFY_WITH_TIMEOUT(sliced.count() == 1, kWaitMs);
        QCOMPARE(int(chop.slices().size()), 4);
        QCOMPARE(chop.slices().front().startFrame, suggestion.startFrame);
        QCOMPARE(chop.slices().back().endFrame, suggestion.endFrame);
        QCOMPARE(timeline.slicedLane(), suggestionLane);
        QCOMPARE(markersOf(suggestionLane).size(), size_t(5));
        QCOMPARE(markersOf(suggestionLane), expectedMarkers());
        QVERIFY(markersOf(0).empty());
        QVERIFY(markersOf(3 - suggestionLane).empty());
        QVERIFY(markersOf(suggestionLane)[1] > markersOf(suggestionLane)[0] + 1.0); // apart on screen

        // The playing pad's marker is highlighted; another pad moves the highlight.
        LaneView& lane = *timeline.lane(suggestionLane)->view();
        QCOMPARE(lane.activeSlice(), -1);
        QTest::mouseClick(chop.padGrid()->pad(2), Qt::LeftButton);
        QCOMPARE(lane.activeSlice(), 2);
        const QImage highlighted = lane.grab().toImage(); // paints the markers offscreen
        QVERIFY(!highlighted.isNull());
        chop.playSlice(1);
        QCOMPARE(lane.activeSlice(), 1);

        // Zoomed in, the markers stay on the slices' frames.
        const std::vector<double> before = markersOf(suggestionLane);
        timeline.viewport().zoom(4.0, before[1]);
        QCOMPARE(markersOf(suggestionLane), expectedMarkers());
        QVERIFY(std::abs(markersOf(suggestionLane)[2] - markersOf(suggestionLane)[1] -
                         4.0 * (before[2] - before[1])) < 1.0);
        QVERIFY(std::abs(markersOf(suggestionLane)[1] - before[1]) < 0.5); // the zoom's anchor
        timeline.viewport().zoomToFit();

        // A selection on the other stem chopped into 3: the markers move there.
        m_panels->setSelection(3 - suggestionLane, 4 * kEngineSampleRate, 7 * kEngineSampleRate);
        chop.setMode(mining::SliceMode::Equal, 3);
        QVERIFY(chop.chop());
        QTRY_VERIFY_WITH_TIMEOUT(sliced.count() == 2, kWaitMs);
        QCOMPARE(timeline.slicedLane(), 3 - suggestionLane);
        QCOMPARE(markersOf(3 - suggestionLane), expectedMarkers());
        QCOMPARE(markersOf(3 - suggestionLane).front(), timeline.viewport().xAt(4.0 * kEngineSampleRate));
        QVERIFY(markersOf(suggestionLane).empty());
        QCOMPARE(timeline.lane(3 - suggestionLane)->view()->activeSlice(), -1);

        // Another song: no slices, no markers.
        m_panels->setSong(MiningSong{});
        QCOMPARE(sliced.count(), 3);
        QCOMPARE(timeline.slicedLane(), -1);
        for (int l = 0; l < timeline.laneCount(); ++l)
            QVERIFY(markersOf(l).empty());
    }

    void kitExportWritesReferencedFiles()
    {
        Result<testing::DrumKit> drumKit =
            testing::loadHydrogenKit(std::string(testing::kHydrogenKitsFolder) + "/" + testing::heldOutKits().front());
        QVERIFY2(drumKit.ok(), drumKit.ok() ? "" : drumKit.error().c_str());
        const testing::Groove groove = testing::makeGroove(drumKit.value(), 2, 11);
        std::shared_ptr<StemSet> stems = makeStems({{"drums", &groove.audio}}, groove.audio.frames);
        MiningSong song;
        song.stems = stems;
        m_panels->setSong(song);
        KitPanel& panel = *m_panels->kit();
        QVERIFY(!panel.findOneShots()); // nothing separated yet
        stems->publish(groove.audio.frames);
        QSignalSpy found(&panel, &KitPanel::oneShotsFound);
        QVERIFY(panel.findOneShots());
        QTRY_VERIFY_WITH_TIMEOUT(found.count() == 1, kWaitMs);
        QVERIFY(found.first().at(0).toInt() >= int(groove.hits.size()) * 9 / 10);
        const int groups = found.first().at(1).toInt();
        QVERIFY(groups > 1);
        QCOMPARE(panel.findChild<QListWidget*>(QStringLiteral("oneShotList"))->count(), groups);
        QSignalSpy kit(&panel, &KitPanel::kitExported);
        QVERIFY(panel.exportKit());
        QTRY_VERIFY_WITH_TIMEOUT(kit.count() == 1, kWaitMs);
        QCOMPARE(checkInstrumentFiles(kit.first().at(0).toString(), kit.first().at(1).toString()), groups);
    }
};

QTEST_MAIN(TestUiMining)
#include "tst_ui_mining.moc"
