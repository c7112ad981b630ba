// MainWindow smoke test, offscreen: it shows, has File > Open/Quit, says where to drop songs, and
// turns dropped local files into songsChosen() and songs.

#include "MainWindow.h"
#include "songs/SongList.h"

#include <QAction>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTest>

using stemcrate::ui::MainWindow;

namespace {

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
        QCOMPARE(window.songs().count(), 2);
        QTRY_COMPARE(window.songs().data(window.songs().index(0), stemcrate::ui::SongList::StateRole).toInt(),
                     int(stemcrate::ui::SongState::Failed));
    }
};

QTEST_MAIN(MainWindowTest)
#include "tst_app_main_window.moc"
