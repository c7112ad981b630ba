#pragma once
// MainWindow: Stemcrate's window, as a composition: the SongSession (songs, queue, shown song, selection),
// the Transport, and panels (Panel.h) that it docks and whose actions it merges into its menus: the song
// list, the timeline (central), the library, the export actions, the project's tempo/key fit, and in builds
// with core/analysis the tempo/key editor and the mining tabs. It keeps only what is the window's own:
// opening files (dialogs, drop, recent files, the command line), settings, the model banner and the
// message area. Adding a panel is constructing it and calling addPanel().
//
// Ownership: owns the session, the transport, the panels and its widgets and actions. Separation config
// comes from AppSettings plus setModelPath() (the app resolves and downloads the model).
// Threads: GUI thread only; all work runs in the session's workers and reports back queued.

#include "common/Result.h"
#include "library/ExportOptions.h"

#include <QMainWindow>
#include <QStringList>

#include <memory>

class QAction;
class QMenu;
class QToolBar;

namespace stemcrate::ui {

class ExportActions;
class StemExportActions;
class LibraryPanel;
class MessageArea;
class MiningPanels;
class ModelBanner;
class Panel;
class ProjectFitPanel;
class SampleExportService;
class SelectionModel;
class SongList;
class SongQueue;
class SongSession;
class SongsPanel;
class TempoKeyPanel;
class TimelinePanel;
class TimelineView;
class Transport;
enum class MenuId;

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

    // Docks the panel's widget (or makes it the central area), merges its actions into the menus (and the
    // window, for their shortcuts), its toolbar entries and status widgets.
    void addPanel(Panel& panel);

    void showSong(int id);
    // Cancels its jobs and drops it from the list; the next song is shown if it was the current one.
    void removeSong(int id);
    int currentSongId() const;

    // Starts exporting the selection into options.folder on sampleExports()' worker; the job id its
    // signals carry, or why it cannot start.
    Result<int> exportSelection(const ExportOptions& options);
    SampleExportService& sampleExports();
    ExportActions& exports() { return *m_exports; }

    SongSession& session() { return *m_session; }
    SelectionModel& selection();
    SongList& songs();
    SongQueue& queue();
    Transport& transport() { return *m_transport; }
    TimelineView& timeline();
    ModelBanner& modelBanner() { return *m_modelBanner; }
    MessageArea& messageArea() { return *m_messageArea; }
    LibraryPanel& libraryPanel() { return *m_library; }
    ProjectFitPanel& projectFit() { return *m_projectFit; }
    // Null in builds without core/analysis.
    TempoKeyPanel* tempoKey() { return m_tempoKey; }
    MiningPanels* mining() { return m_mining; }
    // Every action with a shortcut, in menu order (the help panel lists them).
    const QList<QAction*>& shortcutActions() const { return m_shortcutActions; }

signals:
    // Absolute paths of local files or folders picked with File > Open or dropped; never empty.
    void songsChosen(const QStringList& paths);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void createFileActions();
    QMenu* menu(MenuId id);
    // SongQueue::pathsAdded: remembers the paths, or says nothing was found.
    void pathsAdded(const QStringList& paths, const QList<int>& ids);
    void rebuildRecentMenu();
    void openSongsDialog();
    void openFolderDialog();
    void showMessage(const QString& text, bool isError);

    // Declared first: destroyed last (the panels and the transport share its songs).
    std::unique_ptr<SongSession> m_session;
    std::unique_ptr<Transport> m_transport;

    // Children of the window.
    ModelBanner* m_modelBanner = nullptr;
    MessageArea* m_messageArea = nullptr;
    SongsPanel* m_songsPanel = nullptr;
    TimelinePanel* m_timelinePanel = nullptr;
    LibraryPanel* m_library = nullptr;
    ExportActions* m_exports = nullptr;
    StemExportActions* m_stemExports = nullptr;
    ProjectFitPanel* m_projectFit = nullptr;
    TempoKeyPanel* m_tempoKey = nullptr; // null without core/analysis
    MiningPanels* m_mining = nullptr;    // null without core/mining
    QToolBar* m_toolBar = nullptr;
    QMenu* m_recentMenu = nullptr;
    QStringList m_recentFiles;            // read at construction; saved by AppSettings::storeRecentFiles
    QAction* m_fileInsertPoint = nullptr; // separator above Settings: panels' File entries go before it
    QList<QMenu*> m_menus;                // by MenuId
    QList<QAction*> m_shortcutActions;    // for the help panel, in menu order

    QString m_modelPath;
};

} // namespace stemcrate::ui
