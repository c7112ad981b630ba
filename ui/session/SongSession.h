#pragma once
// SongSession: the songs of the window and which one is shown. It owns the song list and its queue, the
// shown song (as plain values: ShownSong, AnalysisView), the selection, and each song's SongDisplay (kept
// while the song is in the list, so switching back costs nothing), and the view workers that fill them.
// Views and panels listen to its signals; none of them looks a song up by id. The timeline takes the shown
// song in the turn it changes (shownChanged, analysisChanged); the panels beside it take it a frame later
// (shownSettled, analysisSettled, through the window's NextFrame), so that a switch's turn paints the
// timeline alone.
//
// Large frees (a removed song's stems and summaries, replaced stems after a retry) happen on a view
// worker: the session lets go of them last.
//
// The queue caches stems in AppSettings::stemCacheFolder().
//
// Ownership: owns SongList, SongQueue, SelectionModel, ViewWorkers and the displays. The destructor cancels
// the queue's jobs and waits for them (SongQueue's rule), then for the view workers (a chunk at most).
// Threads: GUI thread only. Units: frames at 44.1 kHz.

#include "session/AnalysisView.h"
#include "session/ShownSong.h"

#include <QObject>
#include <QPointer>

#include <map>
#include <memory>
#include <vector>

namespace stemcrate::ui {

class NextFrame;
class SelectionModel;
class SongList;
class SongQueue;
class ViewWorkers;

class SongSession : public QObject
{
    Q_OBJECT

public:
    explicit SongSession(QObject* parent = nullptr);
    ~SongSession() override;

    SongList& songs() { return *m_songs; }
    SongQueue& queue() { return *m_queue; }
    SelectionModel& selection() { return *m_selection; }
    const SelectionModel& selection() const { return *m_selection; }
    ViewWorkers& workers() { return *m_workers; }

    // Adds the song to the queue (decoding starts); shows it if nothing is shown. Returns its id. Songs
    // added through the queue's addPaths (a scan on a worker) are shown the same way when they arrive.
    int add(const QString& path);
    // Shows song `id` (0: none).
    void show(int id);
    // Cancels its jobs and drops it with its display; the first remaining song is shown if it was shown.
    void remove(int id);
    // Cancels every running or waiting job (closing the window: the destructor's wait is then short).
    void cancelAll();
    // The frame the settled signals wait for (NextFrame.h); without one (the default) they follow the
    // changes at once.
    void settleAfter(NextFrame* frame);
    // Song `id`'s analysis arrived or was replaced (the musician's tempo and key): its AnalysisView is built
    // now, shown or not, so that a switch to it builds nothing; re-emitted if it is the shown song.
    void analysisReplaced(int id);

    int currentId() const { return m_shown.id; }
    const ShownSong& shown() const { return m_shown; }
    const AnalysisView& analysis() const { return *m_analysis; }
    // Song `id`'s view as built when its analysis arrived; null when it has none (yet).
    std::shared_ptr<const AnalysisView> analysisOf(int id) const;

signals:
    // A different song is shown, or the shown one's mix or stems appeared or were replaced.
    void shownChanged(const stemcrate::ui::ShownSong& song);
    // The shown song's stems are final up to validFrames.
    void stemsGrew(qint64 validFrames);
    void analysisChanged(const stemcrate::ui::AnalysisView& analysis);
    // The same, for the panels beside the timeline: in the turn after the window's next sync, once for any
    // number of changes in between, with the newest state (a switch's side panels: NextFrame.h).
    void shownSettled(const stemcrate::ui::ShownSong& song);
    void analysisSettled(const stemcrate::ui::AnalysisView& analysis);
    // Any song reached its final state: for the status bar.
    void songFinished(const QString& fileName, const QString& stateText);

private:
    void refresh();
    // The settled signals for what changed since they were last emitted: now, or in the frame's next turn.
    void settleLater(bool shown, bool analysis);
    // Lets go of `memory` (buffers that workers made, references that may be a song's last) on a worker,
    // one job per piece: each job's closure is a fastbin-sized block, freed there without the GUI thread's
    // malloc arena lock.
    void releaseOnWorker(std::vector<std::shared_ptr<const void>> memory);

    // Declared first: destroyed after everything whose jobs it runs.
    std::unique_ptr<ViewWorkers> m_workers;
    std::unique_ptr<SongList> m_songs;
    std::unique_ptr<SongQueue> m_queue;
    std::unique_ptr<SelectionModel> m_selection;
    std::map<int, std::shared_ptr<SongDisplay>> m_displays; // by song id
    ShownSong m_shown;
    // Each analysed song's AnalysisView and the analysis it was built from (TrackAnalysis is immutable: a
    // replaced one is a new object), by song id. A switch shares the built view: an hour-long song's beats
    // and onsets are not copied on the GUI thread at every click.
    struct BuiltAnalysis
    {
        std::shared_ptr<const analysis::TrackAnalysis> source;
        std::shared_ptr<const AnalysisView> view;
    };
    std::map<int, BuiltAnalysis> m_analyses;
    std::shared_ptr<const AnalysisView> m_analysis; // the shown song's; never null (empty: none)
    QPointer<NextFrame> m_frame;
    bool m_shownUnsettled = false, m_analysisUnsettled = false;
    // The audio shown before the last change, held until the settled panels have let go of it too, then let
    // go of on a worker: a side panel's copy must not be the last reference, freed on the GUI thread.
    std::vector<std::shared_ptr<const void>> m_unsettledAudio;
    // The song's view, built now only if its analysis changed without analysisReplaced(); never null.
    std::shared_ptr<const AnalysisView> viewOf(int id);
    void buildAnalysisView(int id);
};

} // namespace stemcrate::ui
