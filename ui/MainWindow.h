#pragma once
// MainWindow: Stemcrate's window. Songs arrive by drop (files and folders), File > Open, recent files or
// the command line; the song list shows each one's state (cancel, retry, remove). The timeline shows the
// current song's mix and stems as they are separated; the transport plays them; a selection exports to
// the library panel's folder (Ctrl+E, or drag it out of the window).
//
// Ownership: owns the song list and queue (jobs), the transport, and its widgets and actions. Separation
// config comes from AppSettings plus setModelPath() (the app resolves and downloads the model).
// Threads: GUI thread only; all work runs in SongQueue's pools and reports back queued.

#include "common/Result.h"
#include "library/ExportOptions.h"

#include <QMainWindow>
#include <QStringList>

#include <memory>

class QAction;
class QLabel;
class QListView;
class QMimeData;
class QMenu;
class QStackedWidget;
class QComboBox;
class QTimer;

namespace stemcrate {
struct AudioBuffer;
}

namespace stemcrate::ui {

class ExportJob;
class LibraryPanel;
class MessageArea;
class MiningPanels;
class ModelBanner;
class SampleExportService;
class MusicalEditsController;
class SongList;
class SongQueue;
class StemSet;
class TimelineView;
class Transport;
class ProjectFitBar;
class ProjectFitController;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Adds the songs (folders: their audio files, recursively, scanned on a worker; they appear in the
    // list when the scan ends) and starts decoding them.
    void openPaths(const QStringList& paths);
    // The separation model to use ("" = none yet: songs wait). Songs waiting for it start.
    void setModelPath(const QString& path);
    QString modelPath() const { return m_modelPath; }
    // Re-reads AppSettings: separation options, cache limit, library folder, theme.
    void applySettings();

    void showSong(int id);
    // Cancels its jobs and drops it from the list; the next song is shown if it was the current one.
    void removeSong(int id);
    int currentSongId() const { return m_currentId; }

    // Starts exporting the selection (of the lane it was made on, or as heard) into options.folder on
    // sampleExports()' worker; returns the job id its signals carry, or why it cannot start.
    Result<int> exportSelection(const ExportOptions& options);
    // Drag-out: exports the selection as WAV with the remembered options, now; the file's URL, or null.
    std::unique_ptr<QMimeData> selectionDragData();
    SampleExportService& sampleExports() { return *m_exports; }

    SongList& songs() { return *m_songs; }
    SongQueue& queue() { return *m_queue; }
    Transport& transport() { return *m_transport; }
    TimelineView& timeline() { return *m_timeline; }
    ModelBanner& modelBanner() { return *m_modelBanner; }
    MessageArea& messageArea() { return *m_messageArea; }
    LibraryPanel& libraryPanel() { return *m_library; }
    // Every action with a shortcut, in menu order (the help panel lists them).
    const QList<QAction*>& shortcutActions() const { return m_shortcutActions; }

signals:
    // Absolute paths of local files or folders picked with File > Open or dropped; never empty.
    void songsChosen(const QStringList& paths);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createWidgets();
    void createActions();
    void createMenus();
    void connectQueue();
    QAction* addAction(const QString& objectName, const QString& text, const QList<QKeySequence>& keys,
                       Qt::ShortcutContext context = Qt::WindowShortcut);

    void refreshShownSong();
    // Beat grid, transients and the BPM/key line of the current song, or clock time while unknown.
    void applyAnalysis();
    void rebuildRecentMenu();
    // SongQueue::addPaths' result: remembers the paths, shows the first song, or says nothing was found.
    void pathsAdded(const QStringList& paths, const QList<int>& ids);
    void openSongsDialog();
    void openFolderDialog();
    // The selection as core's export request, with the buffers it needs; the stems' gains when as heard.
    Result<ExportJob> selectionExportJob(const ExportOptions& options) const;
    void showExported(const QString& path);
    void exportWithDialog();
    void dragSelectionOut();
    void openSettings();
    void showShortcuts();
    void updateLoop();
    void updatePlayhead();
    void updatePositionLabel();
    void nudgeSelection(int64_t frames, bool endOnly);
    void zoomBy(double factor);
    int selectedSongId() const;

    // Members whose destructor uses another are declared after it (destroyed first).
    std::unique_ptr<SongList> m_songs;
    std::unique_ptr<SongQueue> m_queue;
    std::unique_ptr<Transport> m_transport;
    std::unique_ptr<ProjectFitController> m_projectFit; // the project's tempo and key -> playback and export
    ProjectFitBar* m_projectFitBar = nullptr;           // child of the transport toolbar

    // Widgets: children of the window.
    QStackedWidget* m_stack = nullptr;
    QLabel* m_dropHint = nullptr;
    TimelineView* m_timeline = nullptr;
    ModelBanner* m_modelBanner = nullptr;
    MessageArea* m_messageArea = nullptr;
    LibraryPanel* m_library = nullptr;
    SampleExportService* m_exports = nullptr; // child; its destructor waits for running exports
    MiningPanels* m_mining = nullptr;         // child (in its dock); null in builds without core/mining
    QListView* m_songView = nullptr;
    QLabel* m_positionLabel = nullptr;
    QLabel* m_analysisLabel = nullptr;
    MusicalEditsController* m_musicalEdits = nullptr; // the musician's tempo and key; null without analysis
    QComboBox* m_snapMode = nullptr;
    QMenu* m_recentMenu = nullptr;
    QTimer* m_playheadTimer = nullptr;

    QAction* m_playAction = nullptr;
    QAction* m_loopAction = nullptr;
    QAction* m_spectrogramAction = nullptr;
    QList<QAction*> m_shortcutActions; // for the help panel, in menu order

    QString m_modelPath;
    int m_currentId = 0;
    std::shared_ptr<const AudioBuffer> m_shownMix;
    std::shared_ptr<const StemSet> m_shownStems;
};

} // namespace stemcrate::ui
