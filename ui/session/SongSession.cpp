#include "session/SongSession.h"

#include "NextFrame.h"
#include "session/SelectionModel.h"
#include "settings/AppSettings.h"
#include "songs/SongList.h"
#include "songs/SongMetadata.h"
#include "songs/SongQueue.h"
#include "views/SongDisplay.h"
#include "views/ViewWorkers.h"

#include <QFileInfo>

#include <utility>

namespace stemcrate::ui {

namespace {

// The view of no analysis, one object for every song without one (GUI thread only).
const std::shared_ptr<const AnalysisView>& noAnalysis()
{
    static const auto none = std::make_shared<const AnalysisView>();
    return none;
}

} // namespace

QString ShownSong::fileName() const
{
    return QFileInfo(path).fileName();
}

SongSession::SongSession(QObject* parent)
    : QObject(parent), m_workers(std::make_unique<ViewWorkers>()), m_songs(std::make_unique<SongList>()),
      m_queue(std::make_unique<SongQueue>(*m_songs, AppSettings::stemCacheFolder())),
      m_selection(std::make_unique<SelectionModel>()), m_analysis(noAnalysis())
{
    connect(m_queue.get(), &SongQueue::songDecoded, this, [this](int id) {
        if (id == m_shown.id)
            refresh();
    });
    connect(m_queue.get(), &SongQueue::stemsStarted, this, [this](int id) {
        if (id == m_shown.id)
            refresh();
    });
    connect(m_queue.get(), &SongQueue::stemsPublished, this, [this](int id, qint64 validFrames) {
        if (id != m_shown.id || !m_shown.display)
            return;
        m_shown.display->stemsGrew();
        emit stemsGrew(validFrames);
    });
    connect(m_queue.get(), &SongQueue::songFinished, this, [this](int id) {
        if (const Song* song = m_songs->song(id))
            emit songFinished(QFileInfo(song->path).fileName(), SongList::stateText(*song));
    });
    connect(m_queue.get(), &SongQueue::songAnalysed, this, &SongSession::analysisReplaced);
    connect(m_queue.get(), &SongQueue::pathsAdded, this, [this](const QStringList&, const QList<int>& ids) {
        if (!m_shown.id && !ids.isEmpty())
            show(ids.first());
    });
}

SongSession::~SongSession()
{
    cancelAll();
    m_displays.clear(); // cancels the view jobs of every song
    m_shown = {};
    m_queue.reset(); // waits for the song jobs while the song list still exists
}

int SongSession::add(const QString& path)
{
    const int id = m_queue->add(path);
    if (!m_shown.id)
        show(id);
    return id;
}

void SongSession::show(int id)
{
    if (id != m_shown.id) {
        // The side panels hold the old song's audio until they settle on the new one (settleLater).
        m_unsettledAudio.push_back(std::move(m_shown.mix));
        m_unsettledAudio.push_back(std::move(m_shown.stems));
        m_shown = {};
        m_shown.id = m_songs->song(id) ? id : 0;
        const Song* song = m_songs->song(m_shown.id);
        m_analysis = viewOf(m_shown.id);
        m_selection->reset(song && song->track ? song->track->audio.frames : 0); // a selection is per song
    }
    refresh();
}

void SongSession::refresh()
{
    const Song* song = m_songs->song(m_shown.id);
    std::shared_ptr<const AudioBuffer> mix = song ? song->mix() : nullptr;
    std::shared_ptr<const StemSet> stems = song && mix ? song->stems : nullptr;
    const bool first = m_shown.path.isEmpty();
    if (!first && mix == m_shown.mix && stems == m_shown.stems)
        return;

    std::shared_ptr<SongDisplay>& display = m_displays[m_shown.id];
    if (mix && (!display || display->mix() != mix))
        display = std::make_shared<SongDisplay>(mix, *m_workers);
    if (display)
        display->setStems(stems);

    m_shown.path = song ? song->path : QString();
    m_shown.metadata = song ? songMetadata(*song) : library::SampleMetadata{};
    const bool newAudio = mix != m_shown.mix;
    if (m_shown.mix != mix)
        m_unsettledAudio.push_back(m_shown.mix);
    if (m_shown.stems != stems)
        m_unsettledAudio.push_back(m_shown.stems);
    m_shown.mix = std::move(mix);
    m_shown.stems = std::move(stems);
    m_shown.display = m_shown.mix ? display : nullptr;
    if (!m_shown.id)
        m_displays.erase(0);
    if (newAudio)
        m_selection->reset(m_shown.mix ? m_shown.mix->frames : 0);
    emit shownChanged(m_shown);
    emit analysisChanged(*m_analysis);
    settleLater(true, true);
    // The views let go of replaced stem lanes in the slots above; the last references to their audio and
    // worker-made buffers go on a worker, the lanes' own objects (the GUI thread's allocations) here.
    if (m_shown.display) {
        std::vector<std::shared_ptr<const void>> memory;
        for (LaneDisplay& lane : m_shown.display->takeDropped())
            lane.takeWorkerMemory(memory);
        releaseOnWorker(std::move(memory));
    }
}

void SongSession::analysisReplaced(int id)
{
    buildAnalysisView(id);
    const Song* song = m_songs->song(id);
    if (id != m_shown.id)
        return;
    m_analysis = viewOf(id);
    if (song)
        m_shown.metadata = songMetadata(*song);
    emit analysisChanged(*m_analysis);
    settleLater(false, true);
}

void SongSession::settleAfter(NextFrame* frame)
{
    m_frame = frame;
}

void SongSession::settleLater(bool shown, bool analysis)
{
    m_shownUnsettled = m_shownUnsettled || shown;
    m_analysisUnsettled = m_analysisUnsettled || analysis;
    const auto settle = [this] {
        if (std::exchange(m_shownUnsettled, false))
            emit shownSettled(m_shown);
        if (std::exchange(m_analysisUnsettled, false))
            emit analysisSettled(*m_analysis);
        releaseOnWorker(std::exchange(m_unsettledAudio, {}));
    };
    if (m_frame)
        m_frame->post(this, settle);
    else
        settle();
}

std::shared_ptr<const AnalysisView> SongSession::analysisOf(int id) const
{
    const auto it = m_analyses.find(id);
    const Song* song = m_songs->song(id);
    return it != m_analyses.end() && song && it->second.source == song->analysis ? it->second.view : nullptr;
}

std::shared_ptr<const AnalysisView> SongSession::viewOf(int id)
{
    if (std::shared_ptr<const AnalysisView> built = analysisOf(id))
        return built;
    const Song* song = m_songs->song(id);
    if (!song || !song->analysis)
        return noAnalysis();
    buildAnalysisView(id); // not told of this analysis (a test that set it directly): built now
    return m_analyses[id].view;
}

void SongSession::buildAnalysisView(int id)
{
    const Song* song = m_songs->song(id);
    if (song && song->analysis)
        m_analyses[id] = {song->analysis,
                          std::make_shared<const AnalysisView>(AnalysisView::from(song->analysis.get()))};
    else
        m_analyses.erase(id);
}

void SongSession::remove(int id)
{
    m_queue->remove(id);
    m_analyses.erase(id);
    std::shared_ptr<SongDisplay> display;
    if (auto it = m_displays.find(id); it != m_displays.end()) {
        display = std::move(it->second);
        m_displays.erase(it);
    }
    if (id == m_shown.id)
        show(m_songs->count() > 0 ? m_songs->songAt(0)->id : 0);
    // Shown elsewhere no more: the stems and summaries (gigabytes for an hour-long song) are freed on a
    // worker; the display's own objects, allocated here, are freed here (SongDisplay::takeWorkerMemory).
    if (display) {
        std::vector<std::shared_ptr<const void>> memory;
        display->takeWorkerMemory(memory);
        releaseOnWorker(std::move(memory));
    }
}

void SongSession::cancelAll()
{
    for (int row = 0; row < m_songs->count(); ++row)
        if (const Song* song = m_songs->songAt(row);
            song->busy() || song->state() == SongState::WaitingForModel)
            m_queue->cancel(song->id);
}

void SongSession::releaseOnWorker(std::vector<std::shared_ptr<const void>> memory)
{
    for (std::shared_ptr<const void>& piece : memory)
        if (piece)
            m_workers->startBackground([piece = std::move(piece)]() mutable { piece.reset(); });
}

} // namespace stemcrate::ui
