#pragma once
// MusicalEditsController: makes the musician's tempo and key corrections (TempoKeyBar) the song's analysis.
// An edit replaces Song::analysis at once with MusicalEdits::applyTo(the detected analysis), so the ruler,
// snapping and export tags follow on the next repaint; the loop suggestions are then re-found on the new
// grid on a worker and swapped in. Edits are remembered per song beside its stems in the stem cache
// (<cache folder>/<cache key>.edits.json, written on a worker, atomically) and re-applied whenever the song
// is analysed again.
//
// Ownership: owned by MainWindow (QObject parent); the SongList and the bar are not owned. Threads: GUI
// thread; workers report through queued calls. Units: BPM, frames.

#include "tempo/MusicalEdits.h"

#include <QObject>
#include <QString>

#include <map>
#include <memory>

namespace stemcrate::ui {

class SongList;
class TempoKeyBar;

class MusicalEditsController : public QObject
{
    Q_OBJECT

public:
    MusicalEditsController(SongList& songs, QString cacheFolder, TempoKeyBar& bar, QObject* parent = nullptr);

    void setCurrentSong(int id);
    // SongQueue::songAnalysed: keeps the detected analysis and applies the song's remembered edits.
    void songAnalysed(int id);
    MusicalEdits edits(int id) const;
    QString editsPath(const QString& cacheKey) const;
    // Blocks until the workers are done (tests).
    void waitForDone();

signals:
    void analysisChanged(int id); // Song::analysis was replaced

private:
    void edit(const MusicalEdits& edits);
    void apply(int id);
    void refindLoops(int id);
    void showCurrent();

    SongList& m_songs;
    QString m_cacheFolder;
    TempoKeyBar& m_bar;
    int m_currentId = 0;
    struct Entry
    {
        std::shared_ptr<const analysis::TrackAnalysis> detected;
        MusicalEdits edits;
        int generation = 0; // bumped by every edit: a loop search for an older one is dropped
    };
    std::map<int, Entry> m_entries;
};

} // namespace stemcrate::ui
