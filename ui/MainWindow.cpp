#include "MainWindow.h"

#include "MessageArea.h"
#include "ModelBanner.h"
#include "ShortcutsDialog.h"
#include "library/ExportDialog.h"
#include "library/LibraryPanel.h"
#include "library/SampleExportService.h"
#include "fit/ProjectFitBar.h"
#include "fit/ProjectFitController.h"
#include "playback/Transport.h"
#include "settings/AppSettings.h"
#include "settings/SettingsDialog.h"
#include "settings/Theme.h"
#include "songs/SongDelegate.h"
#include "songs/SongList.h"
#include "songs/SongMetadata.h"
#include "songs/SongQueue.h"
#include "views/LaneStrip.h"
#include "views/TimelineView.h"
#include "views/TimelineViewport.h"

#ifdef STEMCRATE_WITH_ANALYSIS
#include "analysis/TrackAnalyzer.h"
#include "mining/MiningPanels.h"
#include "tempo/MusicalEditsController.h"
#include "tempo/TempoKeyBar.h"
#endif

#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QDrag>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QMenuBar>
#include <QMimeData>
#include <QPushButton>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QUrl>
#include <QVBoxLayout>

#include <cmath>

namespace stemcrate::ui {

namespace {

constexpr int64_t kNudgeFrames = kEngineSampleRate / 100; // 10 ms
constexpr int64_t kSeekStepFrames = kEngineSampleRate;    // 1 s without a selection

// Local files among the dropped URLs; remote URLs are ignored (we decode from disk).
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

QString clock(int64_t frames)
{
    const double seconds = double(frames) / kEngineSampleRate;
    const int minutes = int(seconds / 60.0);
    return QStringLiteral("%1:%2").arg(minutes).arg(seconds - minutes * 60.0, 6, 'f', 3, QLatin1Char('0'));
}

} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), m_songs(std::make_unique<SongList>()),
      m_queue(std::make_unique<SongQueue>(*m_songs, AppSettings::stemCacheFolder())), m_transport(std::make_unique<Transport>())
{
    setWindowTitle(tr("Stemcrate"));
    setAcceptDrops(true);
    resize(1280, 800);
    createWidgets();
    createActions();
    createMenus();
    connectQueue();
    applySettings();
    statusBar()->showMessage(m_transport->hasOutput() ? tr("Ready") : m_transport->outputMessage());
}

MainWindow::~MainWindow()
{
    m_transport->pause();
    m_queue.reset(); // cancels and waits for the jobs while the song list still exists
}

void MainWindow::createWidgets()
{
    m_modelBanner = new ModelBanner(this);
    m_messageArea = new MessageArea(this);

    m_dropHint = new QLabel(tr("Drop songs here"), this);
    m_dropHint->setObjectName(QStringLiteral("dropHint"));
    m_dropHint->setAlignment(Qt::AlignCenter);
    m_dropHint->setEnabled(false); // greyed: a hint, not content
    QFont hintFont = m_dropHint->font();
    hintFont.setPointSizeF(hintFont.pointSizeF() * 1.6);
    m_dropHint->setFont(hintFont);

    m_timeline = new TimelineView(this);
    m_timeline->setMixer(&m_transport->mixer());
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_dropHint);
    m_stack->addWidget(m_timeline);

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_modelBanner);
    layout->addWidget(m_messageArea);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);

    // Songs dock: the list with its job controls.
    auto* songPanel = new QWidget(this);
    m_songView = new QListView(songPanel);
    m_songView->setObjectName(QStringLiteral("songList"));
    m_songView->setModel(m_songs.get());
    m_songView->setItemDelegate(new SongDelegate(m_songView));
    m_songView->setSpacing(1);
    auto* cancel = new QPushButton(tr("Cancel"), songPanel);
    cancel->setObjectName(QStringLiteral("cancelSongButton"));
    auto* retry = new QPushButton(tr("Retry"), songPanel);
    retry->setObjectName(QStringLiteral("retrySongButton"));
    auto* remove = new QPushButton(tr("Remove"), songPanel);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(cancel);
    buttons->addWidget(retry);
    buttons->addWidget(remove);
    auto* songLayout = new QVBoxLayout(songPanel);
    songLayout->setContentsMargins(4, 4, 4, 4);
    songLayout->addWidget(m_songView, 1);
    songLayout->addLayout(buttons);
    auto* songDock = new QDockWidget(tr("Songs"), this);
    songDock->setObjectName(QStringLiteral("songDock"));
    songDock->setWidget(songPanel);
    songDock->setFeatures(QDockWidget::DockWidgetMovable);
    addDockWidget(Qt::LeftDockWidgetArea, songDock);
    connect(cancel, &QPushButton::clicked, this, [this] { m_queue->cancel(selectedSongId()); });
    connect(retry, &QPushButton::clicked, this, [this] { m_queue->retry(selectedSongId()); });
    connect(remove, &QPushButton::clicked, this, [this] { removeSong(selectedSongId()); });
    connect(m_songView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& index) {
                if (index.isValid())
                    showSong(index.data(SongList::IdRole).toInt());
            });

    m_library = new LibraryPanel(this);
    auto* libraryDock = new QDockWidget(tr("Library"), this);
    libraryDock->setObjectName(QStringLiteral("libraryDock"));
    libraryDock->setWidget(m_library);
    libraryDock->setFeatures(QDockWidget::DockWidgetMovable);
    addDockWidget(Qt::RightDockWidgetArea, libraryDock);
    connect(m_library, &LibraryPanel::message, this, [this](const QString& text, bool isError) {
        isError ? m_messageArea->showError(text) : m_messageArea->showNotice(text);
    });

    m_analysisLabel = new QLabel(this);
    m_analysisLabel->setObjectName(QStringLiteral("analysisLabel"));
    statusBar()->addPermanentWidget(m_analysisLabel);
#ifdef STEMCRATE_WITH_ANALYSIS
    auto* tempoKeyBar = new TempoKeyBar(this);
    statusBar()->addPermanentWidget(tempoKeyBar);
    m_musicalEdits = new MusicalEditsController(*m_songs, QString::fromStdString(m_queue->cache().folder()),
                                                *tempoKeyBar, this);
    connect(m_musicalEdits, &MusicalEditsController::analysisChanged, this, [this](int id) {
        if (id == m_currentId)
            applyAnalysis();
    });
#endif
    m_positionLabel = new QLabel(this);
    m_positionLabel->setObjectName(QStringLiteral("positionLabel"));
    statusBar()->addPermanentWidget(m_positionLabel);

    m_playheadTimer = new QTimer(this);
    m_playheadTimer->setInterval(30);
    connect(m_playheadTimer, &QTimer::timeout, this, &MainWindow::updatePlayhead);

    TimelineViewport& viewport = m_timeline->viewport();
    connect(&viewport, &TimelineViewport::selectionChanged, this, &MainWindow::updateLoop);
    connect(&viewport, &TimelineViewport::selectionChanged, this, &MainWindow::updatePositionLabel);
    connect(&viewport, &TimelineViewport::playheadChanged, this, &MainWindow::updatePositionLabel);
    connect(m_timeline, &TimelineView::seekRequested, this, [this](qint64 frame) {
        m_transport->seek(frame);
        m_timeline->viewport().setPlayhead(frame);
    });
    connect(m_timeline, &TimelineView::dragOutRequested, this, &MainWindow::dragSelectionOut);
    m_exports = new SampleExportService(this);
    connect(m_exports, &SampleExportService::exported, this,
            [this](int, const QString& path) { showExported(path); });
    connect(m_exports, &SampleExportService::failed, this, [this](int, const QString& message) {
        m_messageArea->showError(tr("Export failed: %1").arg(message));
    });
#ifdef STEMCRATE_WITH_ANALYSIS
    m_mining = new MiningPanels(*m_transport, *m_exports, this);
    m_mining->followSelection(viewport);
    addDockWidget(Qt::RightDockWidgetArea, m_mining->makeDock(this));
#endif
    connect(m_transport.get(), &Transport::playingChanged, this, [this](bool playing) {
        m_playAction->setText(playing ? tr("Pause") : tr("Play"));
        if (playing)
            m_playheadTimer->start();
        else
            m_playheadTimer->stop();
        updatePlayhead();
    });
}

QAction* MainWindow::addAction(const QString& objectName, const QString& text,
                               const QList<QKeySequence>& keys, Qt::ShortcutContext context)
{
    auto* action = new QAction(text, this);
    action->setObjectName(objectName);
    action->setShortcuts(keys);
    action->setShortcutContext(context);
    // Active even when not in a menu; timeline keys only while the timeline has focus.
    if (context == Qt::WidgetWithChildrenShortcut)
        m_timeline->addAction(action);
    else
        QWidget::addAction(action);
    if (!keys.isEmpty())
        m_shortcutActions << action;
    return action;
}

void MainWindow::createActions()
{
    TimelineViewport& viewport = m_timeline->viewport();
    connect(addAction(QStringLiteral("openAction"), tr("&Open…"), {QKeySequence::Open}), &QAction::triggered,
            this, &MainWindow::openSongsDialog);
    connect(addAction(QStringLiteral("openFolderAction"), tr("Open &Folder…"),
                      {QKeySequence(tr("Ctrl+Shift+O"))}),
            &QAction::triggered, this, &MainWindow::openFolderDialog);
    connect(addAction(QStringLiteral("exportAction"), tr("&Export Selection…"), {QKeySequence(tr("Ctrl+E"))}),
            &QAction::triggered, this, &MainWindow::exportWithDialog);
    connect(addAction(QStringLiteral("settingsAction"), tr("&Settings…"), {QKeySequence::Preferences}),
            &QAction::triggered, this, &MainWindow::openSettings);
    QAction* quit = addAction(QStringLiteral("quitAction"), tr("&Quit"), {QKeySequence::Quit});
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    m_playAction = addAction(QStringLiteral("playAction"), tr("Play"), {QKeySequence(Qt::Key_Space)});
    connect(m_playAction, &QAction::triggered, this, [this] {
        TimelineViewport& v = m_timeline->viewport();
        // Playing with a selection starts inside it (Audacity's habit).
        if (!m_transport->isPlaying() && v.hasSelection() &&
            (v.playhead() < v.selectionStart() || v.playhead() >= v.selectionEnd()))
            m_transport->seek(v.selectionStart());
        else if (!m_transport->isPlaying())
            m_transport->seek(v.playhead());
        m_transport->togglePlay();
    });
    m_loopAction = addAction(QStringLiteral("loopAction"), tr("Loop Selection"), {QKeySequence(Qt::Key_L)});
    m_loopAction->setCheckable(true);
    connect(m_loopAction, &QAction::toggled, this, &MainWindow::updateLoop);

    // Arrows, Home and End act on the timeline only while it (or a lane) has focus, so the lists keep them.
    const auto timelineKeys = Qt::WidgetWithChildrenShortcut;
    connect(addAction(QStringLiteral("homeAction"), tr("Go to Start"), {QKeySequence(Qt::Key_Home)},
                      timelineKeys),
            &QAction::triggered, this, [this] {
                m_transport->seek(0);
                m_timeline->viewport().setPlayhead(0);
                m_timeline->viewport().ensureVisible(0);
            });
    connect(
        addAction(QStringLiteral("endAction"), tr("Go to End"), {QKeySequence(Qt::Key_End)}, timelineKeys),
        &QAction::triggered, this, [this] {
            const int64_t end = m_timeline->viewport().totalFrames();
            m_transport->seek(end);
            m_timeline->viewport().setPlayhead(end);
            m_timeline->viewport().ensureVisible(double(std::max<int64_t>(0, end - 1)));
        });
    connect(addAction(QStringLiteral("zoomInAction"), tr("Zoom In"),
                      {QKeySequence(Qt::Key_Plus), QKeySequence(Qt::Key_Equal), QKeySequence::ZoomIn}),
            &QAction::triggered, this, [this] { zoomBy(2.0); });
    connect(addAction(QStringLiteral("zoomOutAction"), tr("Zoom Out"),
                      {QKeySequence(Qt::Key_Minus), QKeySequence::ZoomOut}),
            &QAction::triggered, this, [this] { zoomBy(0.5); });
    connect(addAction(QStringLiteral("zoomFitAction"), tr("Zoom to Fit"), {QKeySequence(tr("Ctrl+0"))}),
            &QAction::triggered, &viewport, &TimelineViewport::zoomToFit);
    connect(addAction(QStringLiteral("nudgeLeftAction"), tr("Nudge Selection Left"),
                      {QKeySequence(Qt::Key_Left)}, timelineKeys),
            &QAction::triggered, this, [this] { nudgeSelection(-kNudgeFrames, false); });
    connect(addAction(QStringLiteral("nudgeRightAction"), tr("Nudge Selection Right"),
                      {QKeySequence(Qt::Key_Right)}, timelineKeys),
            &QAction::triggered, this, [this] { nudgeSelection(kNudgeFrames, false); });
    connect(addAction(QStringLiteral("shrinkAction"), tr("Move Selection End Left"),
                      {QKeySequence(Qt::SHIFT | Qt::Key_Left)}, timelineKeys),
            &QAction::triggered, this, [this] { nudgeSelection(-kNudgeFrames, true); });
    connect(addAction(QStringLiteral("growAction"), tr("Move Selection End Right"),
                      {QKeySequence(Qt::SHIFT | Qt::Key_Right)}, timelineKeys),
            &QAction::triggered, this, [this] { nudgeSelection(kNudgeFrames, true); });
    connect(addAction(QStringLiteral("deleteAction"), tr("Delete (song, sample or selection)"),
                      {QKeySequence::Delete}),
            &QAction::triggered, this, [this] {
                // Del acts on what has focus: the song list, the library, or else the selection.
                QWidget* focus = focusWidget();
                if (focus == m_songView) {
                    removeSong(selectedSongId());
                } else if (focus && m_library->isAncestorOf(focus)) {
                    m_library->deleteCurrent();
                } else {
                    m_timeline->viewport().clearSelection();
                }
            });
    m_spectrogramAction =
        addAction(QStringLiteral("spectrogramAction"), tr("Spectrogram"), {QKeySequence(Qt::Key_S)});
    m_spectrogramAction->setCheckable(true);
    connect(m_spectrogramAction, &QAction::toggled, m_timeline, &TimelineView::setSpectrogramVisible);
    connect(addAction(QStringLiteral("snapAction"), tr("Cycle Snapping"), {QKeySequence(Qt::Key_Z)}),
            &QAction::triggered, this,
            [this] { m_snapMode->setCurrentIndex((m_snapMode->currentIndex() + 1) % m_snapMode->count()); });
    connect(
        addAction(QStringLiteral("shortcutsAction"), tr("&Keyboard Shortcuts"), {QKeySequence::HelpContents}),
        &QAction::triggered, this, &MainWindow::showShortcuts);
}

void MainWindow::createMenus()
{
    auto find = [this](const char* name) { return findChild<QAction*>(QLatin1String(name)); };
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    file->addAction(find("openAction"));
    file->addAction(find("openFolderAction"));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    rebuildRecentMenu();
    file->addSeparator();
    file->addAction(find("exportAction"));
    file->addSeparator();
    file->addAction(find("settingsAction"));
    file->addSeparator();
    file->addAction(find("quitAction"));

    QMenu* play = menuBar()->addMenu(tr("&Playback"));
    for (const char* name : {"playAction", "loopAction", "homeAction", "endAction"})
        play->addAction(find(name));

    QMenu* edit = menuBar()->addMenu(tr("&Selection"));
    for (const char* name :
         {"nudgeLeftAction", "nudgeRightAction", "shrinkAction", "growAction", "snapAction", "deleteAction"})
        edit->addAction(find(name));

    QMenu* view = menuBar()->addMenu(tr("&View"));
    for (const char* name : {"zoomInAction", "zoomOutAction", "zoomFitAction", "spectrogramAction"})
        view->addAction(find(name));

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(find("shortcutsAction"));

    QToolBar* bar = addToolBar(tr("Transport"));
    bar->setObjectName(QStringLiteral("transportBar"));
    bar->setMovable(false);
    bar->addAction(m_playAction);
    bar->addAction(m_loopAction);
    bar->addSeparator();
    bar->addWidget(new QLabel(tr("Snap: "), bar));
    m_snapMode = new QComboBox(bar);
    m_snapMode->setObjectName(QStringLiteral("snapMode"));
    m_snapMode->addItem(tr("Off"), int(Snapper::Mode::Off));
    m_snapMode->addItem(tr("Zero crossings"), int(Snapper::Mode::ZeroCrossing));
    m_snapMode->addItem(tr("Beats"), int(Snapper::Mode::Beats));
    m_snapMode->addItem(tr("Transients"), int(Snapper::Mode::Transients));
    connect(m_snapMode, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_timeline->snapper().setMode(Snapper::Mode(m_snapMode->itemData(index).toInt()));
    });
    bar->addWidget(m_snapMode);
    bar->addSeparator();
    m_projectFit = std::make_unique<ProjectFitController>(m_transport->fitStage());
    m_projectFitBar = new ProjectFitBar(bar);
    m_projectFit->setProject(m_projectFitBar->fit());
    connect(m_projectFitBar, &ProjectFitBar::fitChanged, this, [this](const ProjectFit& fit) {
        m_projectFit->setProject(fit);
        statusBar()->showMessage(m_projectFit->summary(), 4000);
    });
    bar->addWidget(m_projectFitBar);
    bar->addSeparator();
    bar->addAction(m_spectrogramAction);
    bar->addAction(find("zoomInAction"));
    bar->addAction(find("zoomOutAction"));
    bar->addAction(find("zoomFitAction"));
    bar->addSeparator();
    bar->addAction(find("exportAction"));
}

void MainWindow::connectQueue()
{
    connect(m_queue.get(), &SongQueue::songDecoded, this, [this](int id) {
        if (id == m_currentId)
            refreshShownSong();
    });
    connect(m_queue.get(), &SongQueue::stemsStarted, this, [this](int id) {
        if (id == m_currentId)
            refreshShownSong();
    });
    connect(m_queue.get(), &SongQueue::stemsPublished, this, [this](int id, qint64 validFrames) {
        if (id == m_currentId)
            m_timeline->stemsGrew(validFrames);
    });
    connect(m_queue.get(), &SongQueue::songFinished, this, [this](int id) {
        if (const Song* song = m_songs->song(id))
            statusBar()->showMessage(
                tr("%1: %2").arg(QFileInfo(song->path).fileName(), SongList::stateText(*song)), 5000);
    });
    connect(m_queue.get(), &SongQueue::problem, m_messageArea, &MessageArea::showError);
    connect(m_queue.get(), &SongQueue::pathsAdded, this, &MainWindow::pathsAdded);
    connect(m_queue.get(), &SongQueue::songAnalysed, this, [this](int id) {
        if (m_musicalEdits)
            m_musicalEdits->songAnalysed(id); // the musician's remembered tempo and key
        if (id == m_currentId)
            applyAnalysis();
    });
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
    m_queue->setConfig(config); // a lowered cache limit applies at once, on a worker
    m_library->setFolder(AppSettings::libraryFolder());
}

void MainWindow::setModelPath(const QString& path)
{
    m_modelPath = path;
    SeparationConfig config = m_queue->config();
    config.modelPath = path;
    m_queue->setConfig(config);
    if (!path.isEmpty())
        m_modelBanner->hide();
}

void MainWindow::openPaths(const QStringList& paths)
{
    m_queue->addPaths(paths); // folders are scanned on a worker; pathsAdded follows
}

void MainWindow::pathsAdded(const QStringList& paths, const QList<int>& ids)
{
    if (ids.isEmpty()) {
        m_messageArea->showError(tr("No audio files found in %1.").arg(paths.join(QStringLiteral(", "))));
        return;
    }
    for (const QString& path : paths)
        AppSettings::addRecentFile(path);
    rebuildRecentMenu();
    if (!m_currentId)
        showSong(ids.first());
}

void MainWindow::removeSong(int id)
{
    m_queue->remove(id);
    if (id == m_currentId)
        showSong(m_songs->count() > 0 ? m_songs->songAt(0)->id : 0);
}

void MainWindow::showSong(int id)
{
    m_currentId = id;
    if (m_musicalEdits)
        m_musicalEdits->setCurrentSong(id);
    const int row = m_songs->rowOf(id);
    if (row >= 0 && m_songView->currentIndex().row() != row)
        m_songView->setCurrentIndex(m_songs->index(row));
    refreshShownSong();
}

void MainWindow::refreshShownSong()
{
    const Song* song = m_songs->song(m_currentId);
    const std::shared_ptr<const AudioBuffer> mix = song ? song->mix() : nullptr;
    const std::shared_ptr<const StemSet> stems = song && mix ? song->stems : nullptr;
    if (mix == m_shownMix && stems == m_shownStems)
        return;
    if (mix != m_shownMix) {
        m_timeline->setSong(mix);
        m_shownStems.reset();
    }
    if (stems != m_shownStems)
        m_timeline->setStems(stems);
    m_shownMix = mix;
    m_shownStems = stems;
    applyAnalysis();
    m_transport->setSong(mix, stems);
#ifdef STEMCRATE_WITH_ANALYSIS
    m_mining->setExportOptions(AppSettings::exportOptions());
    m_mining->setSong(song ? MiningSong{mix, stems, songMetadata(*song)} : MiningSong{});
#endif
    updateLoop();
    m_stack->setCurrentWidget(mix ? static_cast<QWidget*>(m_timeline) : m_dropHint);
    if (mix && !m_songView->hasFocus())
        m_timeline->setFocus(); // the transport and selection keys work at once
    if (song)
        setWindowTitle(tr("%1 — Stemcrate").arg(QFileInfo(song->path).fileName()));
    updatePositionLabel();
}

void MainWindow::applyAnalysis()
{
    const Song* song = m_songs->song(m_currentId);
    QString summary;
#ifdef STEMCRATE_WITH_ANALYSIS
    const analysis::TrackAnalysis* a = song ? song->analysis.get() : nullptr;
    if (a && a->tempo) {
        const analysis::TempoResult& tempo = *a->tempo;
        int firstDownbeat = 0;
        if (!tempo.downbeatFrames.empty()) {
            const auto it =
                std::find(tempo.beatFrames.begin(), tempo.beatFrames.end(), tempo.downbeatFrames.front());
            firstDownbeat = it == tempo.beatFrames.end() ? 0 : int(it - tempo.beatFrames.begin());
        }
        m_timeline->setBeatGrid(tempo.beatFrames, tempo.beatsPerBar, firstDownbeat);
        summary = tr("%1 BPM").arg(tempo.bpm, 0, 'f', 1);
    } else {
        m_timeline->setBeatGrid({});
    }
    std::vector<int64_t> onsets;
    if (a) {
        for (const analysis::Onset& onset : a->mix.onsets)
            onsets.push_back(onset.frame);
        if (a->key)
            summary += (summary.isEmpty() ? QString() : QStringLiteral(" · ")) +
                       tr("%1 (%2)").arg(QString::fromStdString(a->key->name),
                                         QString::fromStdString(a->key->camelot));
    }
    m_timeline->setTransients(std::move(onsets));
    m_projectFit->setSong(a && a->tempo ? a->tempo->bpm : 0.0, a && a->key ? a->key->name : std::string());
#else
    Q_UNUSED(song);
#endif
    m_analysisLabel->setText(summary);
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = AppSettings::recentFiles();
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

Result<ExportJob> MainWindow::selectionExportJob(const ExportOptions& chosen) const
{
    ExportOptions options = chosen;
    options.fit = m_projectFit->exportTarget(); // what is exported is what was heard
    const TimelineViewport& v = m_timeline->viewport();
    const Song* song = m_songs->song(m_currentId);
    if (!song || !v.hasSelection())
        return makeError(tr("Select a region first: drag across a lane.").toStdString());
    const int lane = v.selectionLane();
    const LaneAudio audio = m_timeline->laneAudio(lane);
    // A loop's crossfade may read just past the region: those frames must be separated too.
    const int64_t loopMargin =
        options.loop ? library::msToFrames(library::ExportOptions().loopCrossfadeMs, kEngineSampleRate) : 0;
    const int64_t neededFrames = std::min(audio.totalFrames(), v.selectionEnd() + loopMargin);
    if (!audio.buffer() || !m_shownMix || audio.validFrames() < neededFrames)
        return makeError(tr("That part of the stem is still being separated.").toStdString());

    library::SampleMetadata metadata = songMetadata(*song);
    metadata.stem = m_timeline->lane(lane)->name().toStdString();

    if (!options.asHeard) {
        ExportJob job(options, std::move(metadata), v.selectionStart(), v.selectionEnd());
        job.addSource(audio.mix ? audio.mix : std::shared_ptr<const AudioBuffer>(audio.stems, audio.buffer()),
                      1.0f);
        return job;
    }
    // As heard: the lanes with the mixer's gains, a muted lane (or one not soloed while another is) at 0.
    // Where the stems are separated the mixer plays them (and the mix only when soloed), else the mix.
    const StemMixer& mixer = m_transport->mixer();
    const auto laneGain = [&mixer](int l, bool anySolo) {
        const bool audible = !mixer.muted(l) && (!anySolo || mixer.soloed(l));
        return audible ? mixer.gain(l) : 0.0f;
    };
    const std::shared_ptr<const StemSet> stems = m_shownStems;
    const bool stemsCover = stems && stems->count() > 0 && stems->validFrames() >= neededFrames;
    const int lanes = stemsCover ? 1 + std::min(stems->count(), StemMixer::kMaxLanes - 1) : 1;
    bool anySolo = false;
    for (int l = 0; l < lanes; ++l)
        anySolo = anySolo || mixer.soloed(l);
    metadata.stem = tr("as heard").toStdString();
    ExportJob job(options, std::move(metadata), v.selectionStart(), v.selectionEnd());
    if (!stemsCover) {
        job.addSource(m_shownMix, laneGain(StemMixer::kMixLane, anySolo));
        return job;
    }
    if (mixer.soloed(StemMixer::kMixLane))
        job.addSource(m_shownMix, laneGain(StemMixer::kMixLane, anySolo));
    for (int l = 1; l < lanes; ++l)
        job.addSource(std::shared_ptr<const AudioBuffer>(stems, &stems->stems().audio[size_t(l - 1)]),
                      laneGain(l, anySolo));
    return job;
}

Result<int> MainWindow::exportSelection(const ExportOptions& options)
{
    Result<ExportJob> job = selectionExportJob(options);
    if (!job) {
        m_messageArea->showError(tr("Export failed: %1").arg(QString::fromStdString(job.error())));
        return makeError(job.error());
    }
    return m_exports->start(std::move(job.value()));
}

void MainWindow::showExported(const QString& path)
{
    m_messageArea->showNotice(tr("Exported %1").arg(QFileInfo(path).fileName()));
    const QString folder = QFileInfo(path).absolutePath();
    if (folder != QFileInfo(m_library->folder()).absoluteFilePath())
        m_library->setFolder(folder);
}

void MainWindow::exportWithDialog()
{
    if (!m_timeline->viewport().hasSelection()) {
        m_messageArea->showNotice(tr("Select a region first: drag across a lane."));
        return;
    }
    ExportDialog dialog(AppSettings::exportOptions(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    AppSettings::setExportOptions(dialog.options());
    (void)exportSelection(dialog.options());
}

std::unique_ptr<QMimeData> MainWindow::selectionDragData()
{
    // A DAW wants the file before the drag starts: the same job runs here, not on the worker (short
    // selections take milliseconds).
    ExportOptions options = AppSettings::exportOptions();
    options.format = audio::FileFormat::Wav;
    Result<ExportJob> job = selectionExportJob(options);
    Result<QString> exported = job ? job->run() : Result<QString>(makeError(job.error()));
    if (!exported) {
        m_messageArea->showError(tr("Export failed: %1").arg(QString::fromStdString(exported.error())));
        return nullptr;
    }
    showExported(exported.value());
    auto mime = std::make_unique<QMimeData>();
    mime->setUrls({QUrl::fromLocalFile(exported.value())});
    return mime;
}

void MainWindow::dragSelectionOut()
{
    std::unique_ptr<QMimeData> mime = selectionDragData();
    if (!mime)
        return;
    auto* drag = new QDrag(this);
    drag->setMimeData(mime.release()); // the drag owns it
    drag->exec(Qt::CopyAction);
}

void MainWindow::openSettings()
{
    SettingsDialog dialog(m_queue->cache(), this);
    if (dialog.exec() == QDialog::Accepted)
        applySettings();
}

void MainWindow::showShortcuts()
{
    auto* dialog = new ShortcutsDialog(m_shortcutActions, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void MainWindow::updateLoop()
{
    const TimelineViewport& v = m_timeline->viewport();
    m_transport->mixer().setLoop(v.selectionStart(), v.selectionEnd(), m_loopAction->isChecked());
}

void MainWindow::updatePlayhead()
{
    TimelineViewport& v = m_timeline->viewport();
    const int64_t frame = m_transport->audiblePosition();
    v.setPlayhead(frame);
    if (m_transport->isPlaying())
        v.ensureVisible(double(frame)); // page-wise follow
}

void MainWindow::updatePositionLabel()
{
    const TimelineViewport& v = m_timeline->viewport();
    QString text = tr("%1 / %2").arg(clock(v.playhead()), clock(v.totalFrames()));
    if (v.hasSelection())
        text += tr("   selection %1 – %2 (%3 s)")
                    .arg(clock(v.selectionStart()), clock(v.selectionEnd()))
                    .arg(double(v.selectionEnd() - v.selectionStart()) / kEngineSampleRate, 0, 'f', 3);
    m_positionLabel->setText(text);
}

void MainWindow::nudgeSelection(int64_t frames, bool endOnly)
{
    TimelineViewport& v = m_timeline->viewport();
    if (!v.hasSelection()) {
        const int64_t target =
            std::clamp<int64_t>(v.playhead() + (frames > 0 ? 1 : -1) * kSeekStepFrames, 0, v.totalFrames());
        m_transport->seek(target);
        v.setPlayhead(target);
        return;
    }
    int64_t start = v.selectionStart(), end = v.selectionEnd();
    if (endOnly) {
        end = std::max(start + 1, end + frames);
    } else {
        frames = std::clamp(frames, -start, v.totalFrames() - end);
        start += frames;
        end += frames;
    }
    v.setSelection(start, end, v.selectionLane());
}

void MainWindow::zoomBy(double factor)
{
    TimelineViewport& v = m_timeline->viewport();
    const double playheadX = v.xAt(double(v.playhead()));
    const double anchor = (playheadX >= 0 && playheadX <= v.width()) ? playheadX : v.width() / 2.0;
    v.zoom(factor, anchor);
}

int MainWindow::selectedSongId() const
{
    const QModelIndex index = m_songView->currentIndex();
    return index.isValid() ? index.data(SongList::IdRole).toInt() : m_currentId;
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

} // namespace stemcrate::ui
