// MainWindow smoke test, offscreen: it shows, has File > Open/Quit, says where to drop songs, composes its
// panels (docks, toolbar and status-bar parts), and turns dropped local files into songsChosen() and songs.

#include "MainWindow.h"
#include "fit/ProjectFitBar.h"
#include "fit/ProjectFitPanel.h"
#include "songs/SongList.h"

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

using stemcrate::ui::MainWindow;

namespace {

// Waits for workers (decode, summaries, tiles) end with the work, not a wall-time claim: generous enough
// for ctest -j2 beside the heaviest suites on two cores.
constexpr int kLoadedMs = 120000;

void dropUrls(QWidget& target, const QList<QUrl>& urls)
{
    QMimeData mime;
    mime.setUrls(urls);
    const QPointF centre = QRectF(target.rect()).center();
    QDragEnterEvent enter(centre.toPoint(), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&target, &enter);
    QDropEvent drop(centre, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&target, &drop);
}

} // namespace

class MainWindowTest : public QObject
{
    Q_OBJECT

private slots:
    void showsWithFileMenuAndDropHint()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        auto* fileMenu = window.menuBar()->findChild<QMenu*>(QStringLiteral("fileMenu"));
        QVERIFY(fileMenu);
        QCOMPARE(fileMenu->title(), QStringLiteral("&File"));
        auto* open = window.findChild<QAction*>(QStringLiteral("openAction"));
        auto* quit = window.findChild<QAction*>(QStringLiteral("quitAction"));
        QVERIFY(open && quit);
        QVERIFY(fileMenu->actions().contains(open));
        QVERIFY(fileMenu->actions().contains(quit));
        QCOMPARE(open->shortcut(), QKeySequence(QKeySequence::Open));

        auto* hint = window.findChild<QLabel*>(QStringLiteral("dropHint"));
        QVERIFY(hint);
        QVERIFY(hint->isVisible());
        QCOMPARE(hint->text(), QStringLiteral("Drop songs here"));
        QVERIFY(!window.statusBar()->currentMessage().isEmpty());

        quit->trigger();
        QVERIFY(!window.isVisible());
    }

    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void composesThePanels()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const auto dockOf = [&window](const char* name) {
            return window.findChild<QDockWidget*>(QLatin1String(name), Qt::FindDirectChildrenOnly);
        };
        QVERIFY(dockOf("songsPanelDock"));
        QVERIFY(dockOf("libraryPanelDock"));
        QCOMPARE(window.dockWidgetArea(dockOf("libraryPanelDock")), Qt::RightDockWidgetArea);
        // The project's tempo and key sit in the transport toolbar.
        auto* toolBar = window.findChild<QToolBar*>(QStringLiteral("transportBar"));
        QVERIFY(toolBar);
        QVERIFY(toolBar->isAncestorOf(&window.projectFit().bar()));
        QVERIFY(window.projectFit().bar().findChild<QWidget*>(QStringLiteral("projectBpm")));
        // Builds with core/analysis: the tempo/key editor in the status bar and the mining tabs docked.
        QCOMPARE(window.tempoKey() != nullptr, window.mining() != nullptr);
        if (window.mining()) {
            QVERIFY(window.statusBar()->findChild<QWidget*>(QStringLiteral("bpmEdit")));
            QDockWidget* mining = dockOf("miningPanelsDock");
            QVERIFY(mining);
            QCOMPARE(mining->windowTitle(), QStringLiteral("Mining"));
            QCOMPARE(mining->widget()->objectName(), QStringLiteral("miningPanels"));
        }
    }

    void dropEmitsLocalPathsOnly()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy chosen(&window, &MainWindow::songsChosen);

        dropUrls(window, {QUrl(QStringLiteral("https://example.invalid/song.mp3"))});
        QCOMPARE(chosen.count(), 0);

        dropUrls(window, {QUrl::fromLocalFile(QStringLiteral("/music/a.flac")),
                          QUrl(QStringLiteral("https://example.invalid/song.mp3")),
                          QUrl::fromLocalFile(QStringLiteral("/music/b.wav"))});
        QCOMPARE(chosen.count(), 1);
        QCOMPARE(chosen.first().first().toStringList(),
                 (QStringList{QStringLiteral("/music/a.flac"), QStringLiteral("/music/b.wav")}));
        // Both became songs; missing files fail with a reason in the list, not a modal box.
        QTRY_COMPARE_WITH_TIMEOUT(window.songs().count(), 2, kLoadedMs);
        QTRY_COMPARE_WITH_TIMEOUT(
            window.songs().data(window.songs().index(0), stemcrate::ui::SongList::StateRole).toInt(),
            int(stemcrate::ui::SongState::Failed), kLoadedMs);
    }

    void droppedFolderOpensItsAudioFiles()
    {
        QTemporaryDir dir;
        QDir(dir.path()).mkpath(QStringLiteral("inner"));
        for (const char* name : {"b.wav", "inner/a.flac", "notes.txt", "cover.jpg"}) {
            QFile file(dir.filePath(QLatin1String(name)));
            QVERIFY(file.open(QIODevice::WriteOnly));
        }
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        dropUrls(window, {QUrl::fromLocalFile(dir.path())});
        QTRY_COMPARE_WITH_TIMEOUT(window.songs().count(), 2, kLoadedMs); // the folder is scanned on a worker
        QCOMPARE(window.currentSongId(), window.songs().songAt(0)->id);  // the first song found is shown
        QCOMPARE(QFileInfo(window.songs().songAt(0)->path).fileName(), QStringLiteral("b.wav"));
        QCOMPARE(QFileInfo(window.songs().songAt(1)->path).fileName(), QStringLiteral("a.flac"));
        // Empty files fail to decode: the reason shows in the list and in the message area, not a dialog.
        QTRY_COMPARE_WITH_TIMEOUT(window.songs().songAt(1)->state(), stemcrate::ui::SongState::Failed,
                                  kLoadedMs);
        QVERIFY(window.songs()
                    .data(window.songs().index(1), Qt::DisplayRole)
                    .toString()
                    .contains(QStringLiteral("failed:")));
        QTRY_VERIFY_WITH_TIMEOUT(window.findChild<QWidget*>(QStringLiteral("messageArea"))->isVisible(),
                                 kLoadedMs);
        // Remove it: the list shrinks.
        window.removeSong(window.songs().songAt(1)->id);
        QCOMPARE(window.songs().count(), 1);
    }
};

QTEST_MAIN(MainWindowTest)
#include "tst_app_main_window.moc"
