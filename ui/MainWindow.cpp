#include "MainWindow.h"

#include <QAction>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMimeData>
#include <QStatusBar>
#include <QUrl>

namespace stemcrate {

namespace {

// Local files among the dropped URLs; remote URLs are ignored (we decode from disk).
QStringList localPaths(const QMimeData* mime)
{
    QStringList paths;
    if (!mime || !mime->hasUrls())
        return paths;
    for (const QUrl& url : mime->urls()) {
        if (url.isLocalFile())
            paths << QFileInfo(url.toLocalFile()).absoluteFilePath();
    }
    return paths;
}

} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setWindowTitle(tr("Stemcrate"));
    setAcceptDrops(true);
    resize(960, 600);

    m_dropHint = new QLabel(tr("Drop songs here"), this);
    m_dropHint->setObjectName(QStringLiteral("dropHint"));
    m_dropHint->setAlignment(Qt::AlignCenter);
    m_dropHint->setEnabled(false); // greyed: a hint, not content
    setCentralWidget(m_dropHint);

    createMenus();
    statusBar()->showMessage(tr("Ready"));
}

void MainWindow::createMenus()
{
    QMenu* fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->setObjectName(QStringLiteral("fileMenu"));

    QAction* openAction = fileMenu->addAction(tr("&Open…"), this, &MainWindow::openSongs);
    openAction->setObjectName(QStringLiteral("openAction"));
    openAction->setShortcut(QKeySequence::Open);

    fileMenu->addSeparator();

    QAction* quitAction = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quitAction->setObjectName(QStringLiteral("quitAction"));
    quitAction->setShortcut(QKeySequence::Quit);
    quitAction->setMenuRole(QAction::QuitRole);
}

void MainWindow::openSongs()
{
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, tr("Open Songs"), QString(),
        tr("Audio files (*.wav *.flac *.mp3 *.ogg *.opus *.m4a *.aac *.aif *.aiff);;All files (*)"));
    if (!paths.isEmpty())
        emit songsChosen(paths);
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
}

} // namespace stemcrate
