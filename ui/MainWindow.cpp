#include "MainWindow.h"

#include "BackingStorePrefault.h"
#include "MessageArea.h"
#include "ModelBanner.h"
#include "NextFrame.h"
#include "ShortcutsDialog.h"
#include "StagedReveal.h"
#include "WorkerThreads.h"
#include "export/StemExportActions.h"
#include "fit/ProjectFitPanel.h"
#include "library/ExportActions.h"
#include "library/LibraryPanel.h"
#include "mining/MiningPanels.h" // constructed in builds with core/analysis (and so core/mining)
#include "panels/SongsPanel.h"
#include "panels/TimelinePanel.h"
#include "playback/Transport.h"
#include "session/SongSession.h"
#include "settings/AppSettings.h"
#include "settings/SettingsDialog.h"
#include "settings/Theme.h"
#include "songs/SongList.h"
#include "songs/SongQueue.h"
#include "tempo/TempoKeyPanel.h"
#include "views/TimelineView.h"

#include <QAction>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QMimeData>
#include <QStatusBar>
#include <QToolBar>
#include <QUrl>
#include <QVBoxLayout>

namespace stemcrate::ui {

namespace {

// Absolute paths of the local files among the URLs; remote URLs are ignored (we decode from disk).
QStringList localPaths(const QMimeData* mime)
{
    QStringList paths;
    if (!mime || !mime->hasUrls())
        return paths;
    for (const QUrl& url : mime->urls())
        if (url.isLocalFile())
            paths << QFileInfo(url.toLocalFile()).absoluteFilePath();
    return paths;
}

} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), m_session(std::make_unique<SongSession>()),
      m_transport(std::make_unique<Transport>())
{
    reserveQtPaintThreads(); // before any worker exists: Qt's paint segments run on threads of our priority
    // The chores' threads made now, before the event loop: the first chore would make them there, and
    // pthread_create waits for the process's memory map lock (17.4 ms blocked in a first paint, BENCHMARKS).
    chorePool();
    setWindowTitle(tr("Stemcrate"));
    setAcceptDrops(true);
    resize(1280, 800);
    // The image this window is painted into is mapped by a worker while the rest is built, not page by page
    // inside the first paint.
    auto* prefault = new BackingStorePrefault(*this);
    for (const QString& title : {tr("&File"), tr("&Playback"), tr("&Selection"), tr("&View"), tr("&Help")})
        m_menus << menuBar()->addMenu(title);
    m_menus.first()->setObjectName(QStringLiteral("fileMenu"));
    m_toolBar = addToolBar(tr("Transport"));
    m_toolBar->setObjectName(QStringLiteral("transportBar"));
    m_toolBar->setMovable(false);

    // A song switch paints the timeline in its own turn; the panels beside it follow a frame later.
    m_session->settleAfter(new NextFrame(*this));
    m_modelBanner = new ModelBanner(this);
    m_messageArea = new MessageArea(this);
    m_songsPanel = new SongsPanel(*m_session, this);
    m_timelinePanel = new TimelinePanel(*m_session, *m_transport, this);
    m_library = new LibraryPanel(this);
    m_exports = new ExportActions(*m_session, m_transport->mixer(), this);
    m_stemExports = new StemExportActions(*m_session, this);
    m_projectFit = new ProjectFitPanel(*m_session, m_transport->fitStage(), this);
#ifdef STEMCRATE_WITH_ANALYSIS
    m_tempoKey = new TempoKeyPanel(*m_session, this);
    m_mining = new MiningPanels(*m_transport, m_exports->service(), this);
    m_mining->followSession(*m_session);
    m_mining->setExportOptions(AppSettings::exportOptions()); // then kept up to date, never read at a switch
    connect(m_exports, &ExportActions::exportOptionsChanged, m_mining, &MiningPanels::setExportOptions);
    m_mining->markSlicesOn(m_timelinePanel->timeline());
#endif

    createFileActions();
    for (Panel* panel : std::initializer_list<Panel*>{m_timelinePanel, m_songsPanel, m_library, m_exports,
                                                      m_stemExports, m_projectFit, m_tempoKey, m_mining})
        if (panel)
            addPanel(*panel);
    QAction* shortcuts = menu(MenuId::Help)->addAction(tr("&Keyboard Shortcuts"));
    shortcuts->setObjectName(QStringLiteral("shortcutsAction"));
    shortcuts->setShortcut(QKeySequence::HelpContents);
    m_shortcutActions << shortcuts;
    connect(shortcuts, &QAction::triggered, this, [this] {
        auto* dialog = new ShortcutsDialog(m_shortcutActions, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });

    connect(m_library, &LibraryPanel::message, this, &MainWindow::showMessage);
    connect(m_exports, &ExportActions::message, this, &MainWindow::showMessage);
    connect(m_exports, &ExportActions::exported, this, [this](const QString& path) {
        const QString folder = QFileInfo(path).absolutePath();
        if (folder != QFileInfo(m_library->folder()).absoluteFilePath())
            m_library->setFolder(folder);
    });
    connect(m_timelinePanel, &TimelinePanel::dragOutArmed, m_exports, &ExportActions::armDragOut);
    connect(m_timelinePanel, &TimelinePanel::dragOutRequested, this,
            [this] { m_exports->dragOut(&m_timelinePanel->timeline()); });
    connect(m_projectFit, &ProjectFitPanel::targetChanged, m_exports, &ExportActions::setFitTarget);
    connect(m_stemExports, &StemExportActions::status, this, [this](const QString& text, bool isError) {
        statusBar()->showMessage(text, isError ? 0 : 8000);
    });
    connect(m_projectFit, &ProjectFitPanel::status, this,
            [this](const QString& text) { statusBar()->showMessage(text, 4000); });
    m_exports->setFitTarget(m_projectFit->exportTarget());
    connect(&m_session->queue(), &SongQueue::problem, m_messageArea, &MessageArea::showError);
    connect(&m_session->queue(), &SongQueue::pathsAdded, this, &MainWindow::pathsAdded);
    connect(m_session.get(), &SongSession::songFinished, this,
            [this](const QString& file, const QString& state) {
                statusBar()->showMessage(tr("%1: %2").arg(file, state), 5000);
            });
    connect(m_session.get(), &SongSession::shownSettled, this, [this](const ShownSong& song) {
        setWindowTitle(song.id ? tr("%1 — Stemcrate").arg(song.fileName()) : tr("Stemcrate"));
    });
    applySettings();
    statusBar()->showMessage(m_transport->hasOutput() ? tr("Ready") : m_transport->outputMessage());

    // The first paint in several turns: the menu bar and the central area first, then the tool bar, each
    // dock and the status bar in turns of their own.
    QList<QWidget*> later{m_toolBar};
    for (QDockWidget* dock : findChildren<QDockWidget*>(Qt::FindDirectChildrenOnly))
        later << dock;
    later << statusBar();
    new StagedReveal(*this, later);
    // The palette is final (applySettings): the image is filled with the window's background here, before the
    // event loop, so that the first paint does not fill it (BackingStorePrefault.h).
    prefault->prefillBackground();
}

MainWindow::~MainWindow()
{
    m_transport->pause();
    // The panels share the session and the transport: they go first. The docked ones (the mining tabs
    // among them) before the exports, whose service they use; the exports wait for a running one.
    delete m_tempoKey;
    delete m_projectFit;
    qDeleteAll(findChildren<QDockWidget*>(Qt::FindDirectChildrenOnly));
    delete m_exports;
    delete centralWidget();
}

QMenu* MainWindow::menu(MenuId id)
{
    return m_menus[int(id)];
}

void MainWindow::addPanel(Panel& panel)
{
    if (QWidget* widget = panel.panelWidget()) {
        if (panel.panelTitle().isEmpty()) {
            auto* central = new QWidget(this);
            auto* layout = new QVBoxLayout(central);
            layout->setContentsMargins(0, 0, 0, 0);
            layout->setSpacing(0);
            layout->addWidget(m_modelBanner);
            layout->addWidget(m_messageArea);
            layout->addWidget(widget, 1);
            setCentralWidget(central);
        } else {
            auto* dock = new QDockWidget(panel.panelTitle(), this);
            dock->setObjectName(widget->objectName() + QStringLiteral("Dock")); // songsPanelDock, ...
            dock->setWidget(widget);
            dock->setFeatures(QDockWidget::DockWidgetMovable);
            addDockWidget(panel.panelArea(), dock);
        }
    }
    MenuId last = MenuId::File;
    bool first = true;
    for (const PanelAction& entry : panel.panelActions()) {
        QMenu* target = menu(entry.menu);
        // A panel's first entry in a menu that already has entries starts a new group.
        if ((first || entry.menu != last) && !target->isEmpty() && entry.menu != MenuId::File)
            target->addSeparator();
        if (!entry.action && entry.menu == MenuId::File) {
            target->insertSeparator(m_fileInsertPoint);
            continue;
        }
        first = false;
        last = entry.menu;
        if (!entry.action) {
            target->addSeparator();
            continue;
        }
        if (entry.menu == MenuId::File)
            target->insertAction(m_fileInsertPoint, entry.action); // above Settings and Quit
        else
            target->addAction(entry.action);
        // Window-wide keys work without the menu too; panel-scoped ones stay on their widgets.
        if (entry.action->shortcutContext() == Qt::WindowShortcut)
            QWidget::addAction(entry.action);
        if (!entry.action->shortcuts().isEmpty())
            m_shortcutActions << entry.action;
    }
    panel.fillToolBar(*m_toolBar);
    for (QWidget* widget : panel.statusWidgets())
        statusBar()->addPermanentWidget(widget);
}

void MainWindow::createFileActions()
{
    QMenu* file = menu(MenuId::File);
    const auto add = [this, file](const char* name, const QString& text, QKeySequence key) {
        auto* action = file->addAction(text);
        action->setObjectName(QLatin1String(name));
        action->setShortcut(key);
        QWidget::addAction(action);
        m_shortcutActions << action;
        return action;
    };
    connect(add("openAction", tr("&Open…"), QKeySequence::Open), &QAction::triggered, this,
            &MainWindow::openSongsDialog);
    connect(add("openFolderAction", tr("Open &Folder…"), QKeySequence(tr("Ctrl+Shift+O"))),
            &QAction::triggered, this, &MainWindow::openFolderDialog);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    m_recentFiles = AppSettings::recentFiles();
    rebuildRecentMenu();
    file->addSeparator();
    m_fileInsertPoint = file->addSeparator(); // the panels' entries go above it
    connect(add("settingsAction", tr("&Settings…"), QKeySequence::Preferences), &QAction::triggered, this,
            [this] {
                SettingsDialog dialog(m_session->queue().cache(), this);
                if (dialog.exec() == QDialog::Accepted)
                    applySettings();
            });
    file->addSeparator();
    QAction* quit = add("quitAction", tr("&Quit"), QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);
}

void MainWindow::applySettings()
{
    Theme::apply(AppSettings::theme());
    if (const QString configured = AppSettings::modelPath(); !configured.isEmpty())
        m_modelPath = configured;
    SeparationConfig config;
    config.modelPath = m_modelPath;
    config.options = AppSettings::separatorOptions();
    config.cacheLimitBytes = AppSettings::cacheLimitBytes();
    m_session->queue().setConfig(config); // a lowered cache limit applies at once, on a worker
    m_library->setFolder(AppSettings::libraryFolder());
    if (m_mining)
        m_mining->setExportOptions(AppSettings::exportOptions()); // its folder and formats
}

void MainWindow::setModelPath(const QString& path)
{
    m_modelPath = path;
    SeparationConfig config = m_session->queue().config();
    config.modelPath = path;
    m_session->queue().setConfig(config);
    if (!path.isEmpty())
        m_modelBanner->hide();
}

void MainWindow::openPaths(const QStringList& paths)
{
    m_session->queue().addPaths(paths); // scanned on a worker; pathsAdded follows (the session shows one)
}

void MainWindow::pathsAdded(const QStringList& paths, const QList<int>& ids)
{
    if (ids.isEmpty()) {
        m_messageArea->showError(tr("No audio files found in %1.").arg(paths.join(QStringLiteral(", "))));
        return;
    }
    for (const QString& path : paths)
        m_recentFiles = AppSettings::withRecentFile(m_recentFiles, path);
    AppSettings::storeRecentFiles(m_recentFiles); // saved on a chore thread
    rebuildRecentMenu();
}

void MainWindow::showSong(int id)
{
    m_session->show(id);
}

void MainWindow::removeSong(int id)
{
    m_session->remove(id);
}

int MainWindow::currentSongId() const
{
    return m_session->currentId();
}

Result<int> MainWindow::exportSelection(const ExportOptions& options)
{
    return m_exports->exportSelection(options);
}

SampleExportService& MainWindow::sampleExports()
{
    return m_exports->service();
}

SelectionModel& MainWindow::selection()
{
    return m_session->selection();
}

SongList& MainWindow::songs()
{
    return m_session->songs();
}

SongQueue& MainWindow::queue()
{
    return m_session->queue();
}

TimelineView& MainWindow::timeline()
{
    return m_timelinePanel->timeline();
}

void MainWindow::showMessage(const QString& text, bool isError)
{
    isError ? m_messageArea->showError(text) : m_messageArea->showNotice(text);
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList& recent = m_recentFiles;
    for (const QString& path : recent)
        connect(m_recentMenu->addAction(QFileInfo(path).fileName()), &QAction::triggered, this,
                [this, path] { openPaths({path}); });
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::openSongsDialog()
{
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, tr("Open Songs"), QString(),
        tr("Audio files (*.wav *.flac *.mp3 *.ogg *.opus *.m4a *.aac *.aif *.aiff);;All files (*)"));
    if (!paths.isEmpty()) {
        emit songsChosen(paths);
        openPaths(paths);
    }
}

void MainWindow::openFolderDialog()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Open Folder"));
    if (!folder.isEmpty()) {
        emit songsChosen({folder});
        openPaths({folder});
    }
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (!localPaths(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const QStringList paths = localPaths(event->mimeData());
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    emit songsChosen(paths);
    openPaths(paths);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    // Running jobs stop at their next check, so the session's destructor has little to wait for.
    m_transport->pause();
    m_session->cancelAll();
    QMainWindow::closeEvent(event);
}

} // namespace stemcrate::ui
