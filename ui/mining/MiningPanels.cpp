#include "mining/MiningPanels.h"

#include "mining/ChopPanel.h"
#include "mining/FindSamplesPanel.h"
#include "mining/KitPanel.h"
#include "session/SelectionModel.h"
#include "session/ShownSong.h"
#include "session/SongSession.h"
#include "songs/SongList.h"
#include "views/TimelineView.h"

#include "analysis/TrackAnalyzer.h"

namespace stemcrate::ui {

MiningPanels::MiningPanels(Transport& transport, SampleExportService& exports, QWidget* parent)
    : QTabWidget(parent), m_findSamples(new FindSamplesPanel(transport, exports, this)),
      m_chop(new ChopPanel(transport, this)), m_kit(new KitPanel(this))
{
    setObjectName(QStringLiteral("miningPanels"));
    addTab(m_findSamples, tr("Find Samples"));
    addTab(m_chop, tr("Chop"));
    addTab(m_kit, tr("Kit"));
    connect(m_findSamples, &FindSamplesPanel::auditioned, this, [this](int row) {
        const mining::LoopSuggestion& suggestion = m_findSamples->suggestion(row);
        if (const int lane = m_findSamples->suggestionLane(row); lane >= 0)
            m_chop->setSelection(lane, suggestion.startFrame, suggestion.endFrame);
    });
}

void MiningPanels::setSong(const MiningSong& song)
{
    m_findSamples->setSong(song);
    m_chop->setSong(song);
    m_kit->setSong(song);
}

void MiningPanels::setSelection(int lane, int64_t startFrame, int64_t endFrame)
{
    m_chop->setSelection(lane, startFrame, endFrame);
}

void MiningPanels::followSession(SongSession& session)
{
    connect(&session, &SongSession::shownSettled, this, [this](const ShownSong& song) {
        // Also the same song with new audio (decoded, stems started or replaced): the tabs start over on it;
        // stems growing within one StemSet they follow by themselves. Export options come from MainWindow
        // (at start, and when the settings or the export dialog change them): no settings read here, at
        // every switch (QSettings blocked the GUI thread 131 ms there once, bench_gui_stall).
        setSong(song.id ? MiningSong{song.mix, song.stems, song.metadata} : MiningSong{});
    });
    // The musician's tempo and key (MusicalEditsController makes them the song's analysis): the suggestions
    // follow them. Analyses the analyser made leave the suggester its own grid.
    connect(&session, &SongSession::analysisSettled, this, [this, &session] {
        const Song* song = session.songs().song(session.shown().id);
        const analysis::TrackAnalysis* a = song ? song->analysis.get() : nullptr;
        std::optional<analysis::TempoResult> tempo;
        std::optional<std::string> key;
        if (a && a->tempoSource == "user")
            tempo = a->tempo;
        if (a && a->keySource == "user")
            key = a->key ? a->key->name : std::string();
        m_findSamples->setMusiciansWord(std::move(tempo), std::move(key));
    });
    const SelectionModel& selection = session.selection();
    connect(&selection, &SelectionModel::changed, this, [this, &selection] {
        if (!selection.isEmpty())
            setSelection(selection.lane(), selection.start(), selection.end());
    });
}

void MiningPanels::markSlicesOn(TimelineView& timeline)
{
    connect(m_chop, &ChopPanel::slicesChanged, &timeline, [this, &timeline] {
        std::vector<SliceSpan> spans;
        spans.reserve(m_chop->slices().size());
        for (const mining::Slice& slice : m_chop->slices())
            spans.push_back({slice.startFrame, slice.endFrame});
        timeline.setSlices(m_chop->slicedLane(), std::move(spans));
    });
    connect(m_chop, &ChopPanel::activeSliceChanged, &timeline, &TimelineView::setActiveSlice);
}

void MiningPanels::setExportOptions(const ExportOptions& options)
{
    m_findSamples->setExportOptions(options);
    m_chop->setExportFolder(options.folder);
    m_kit->setExportFolder(options.folder);
}

} // namespace stemcrate::ui
