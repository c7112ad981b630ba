#pragma once
// FindSamplesPanel: ranked loop suggestions (1, 2, 4 and 8 bars on downbeats) for each stem of the song on
// show, each with a waveform thumbnail, stem, bars, BPM and key. They appear while the separation runs:
// a timer watches the stems' published prefix and core's LoopSuggester recomputes on a worker as it grows.
// Clicking a suggestion auditions it looped (the transport's mixer loops the region with the stem's lane
// soloed); Return or Ctrl+E exports it as a loop sample through the SampleExportService; a suggestion can
// be dragged out (the file is exported for the drag, as the timeline's drag-out does).
//
// Ownership: a widget; references the window's Transport and SampleExportService (they outlive it).
// Threads: GUI thread; suggestions and thumbnails are computed on its MiningWorker.
// Units: frames at kEngineSampleRate.

#include "library/ExportJob.h"
#include "library/ExportOptions.h"
#include "mining/LoopSuggester.h" // core's
#include "mining/MiningSong.h"

#include <QWidget>

#include <memory>
#include <optional>
#include <string>
#include <vector>

class QLabel;
class QListWidget;
class QMimeData;
class QTimer;

namespace stemcrate::ui {

class MiningWorker;
class SampleExportService;
class Transport;

class FindSamplesPanel : public QWidget
{
    Q_OBJECT

public:
    FindSamplesPanel(Transport& transport, SampleExportService& exports, QWidget* parent = nullptr);

    // The song on show (an empty MiningSong: none). Drops the old suggestions and the old song's corrections.
    void setSong(MiningSong song);
    // The musician's corrections of the song on show (MusicalEdits, issue 17): the beat grid and the key the
    // suggestions, their BPM and key, and their exports' tags follow (none: the estimated ones). A change
    // starts the suggestions over.
    void setMusiciansWord(std::optional<analysis::TempoResult> tempo, std::optional<std::string> key);
    // Folder, format and naming for exports (the export dialog's; loop is forced on).
    void setExportOptions(const ExportOptions& options) { m_exportOptions = options; }
    const ExportOptions& exportOptions() const { return m_exportOptions; }

    int suggestionCount() const { return static_cast<int>(m_suggestions.size()); }
    const mining::LoopSuggestion& suggestion(int row) const
    {
        return m_suggestions[static_cast<size_t>(row)];
    }
    // The timeline lane of its stem (1..), -1 when the song has no such stem.
    int suggestionLane(int row) const { return laneOf(suggestion(row).stem); }

    // Loops the suggestion through the transport with its stem soloed.
    void audition(int row);
    // Starts its export; the job id (SampleExportService's signals), or -1 when it cannot be exported.
    int exportSuggestion(int row);

signals:
    void suggestionsChanged(int count);
    void auditioned(int row);
    void exportStarted(int jobId);

private:
    void poll();
    void startSuggestions();
    void showSuggestions(std::vector<mining::LoopSuggestion> suggestions, std::vector<QImage> thumbnails);
    int laneOf(const std::string& stem) const;
    // The export of suggestion `row` as a loop sample of its stem; none when that stem is not there.
    std::optional<ExportJob> suggestionJob(int row) const;
    std::unique_ptr<QMimeData> dragData(int row);
    bool eventFilter(QObject* watched, QEvent* event) override;

    Transport& m_transport;
    SampleExportService& m_exports;
    MiningWorker* m_worker; // child
    QTimer* m_poll;         // child
    QListWidget* m_list;    // child
    QLabel* m_status;       // child
    MiningSong m_song;
    std::shared_ptr<mining::LoopSuggester> m_suggester; // used by one job at a time
    mining::LoopSuggesterOptions m_suggesterOptions;    // the musician's tempo and key
    int64_t m_submittedFrames = 0;                      // valid frames of the last update started
    bool m_submittedComplete = false;
    std::vector<mining::LoopSuggestion> m_suggestions;
    ExportOptions m_exportOptions;
    QPoint m_pressPos;
};

} // namespace stemcrate::ui
