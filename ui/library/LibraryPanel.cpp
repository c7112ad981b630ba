#include "library/LibraryPanel.h"

#include <QAction>
#include <QAudioOutput>
#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFileSystemModel>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QMediaPlayer>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

namespace stemcrate::ui {

LibraryPanel::LibraryPanel(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("libraryPanel"));
    m_model = new QFileSystemModel(this);
    m_model->setFilter(QDir::Files | QDir::NoDotAndDotDot);
    m_model->setNameFilters({QStringLiteral("*.wav"), QStringLiteral("*.flac"), QStringLiteral("*.aif"),
                             QStringLiteral("*.aiff"), QStringLiteral("*.mp3"), QStringLiteral("*.ogg")});
    m_model->setNameFilterDisables(false);

    m_folderLabel = new QLabel(this);
    m_folderLabel->setWordWrap(true);
    m_view = new QListView(this);
    m_view->setObjectName(QStringLiteral("libraryView"));
    m_view->setModel(m_model);
    m_view->setDragEnabled(true); // QFileSystemModel supplies file URLs: drag samples into a DAW

    auto* reveal = new QPushButton(tr("Show in Folder"), this);
    auto* remove = new QPushButton(tr("Move to Trash"), this);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(reveal);
    buttons->addWidget(remove);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_folderLabel);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);

    connect(m_view, &QListView::clicked, this,
            [this](const QModelIndex& index) { preview(m_model->filePath(index)); });
    connect(reveal, &QPushButton::clicked, this, &LibraryPanel::revealFolder);
    m_trashAction = new QAction(tr("Move Sample to Trash"), this);
    m_trashAction->setObjectName(QStringLiteral("trashSampleAction"));
    m_trashAction->setShortcut(QKeySequence::Delete);
    m_trashAction->setShortcutContext(Qt::WidgetWithChildrenShortcut); // only while the panel has focus
    addAction(m_trashAction);
    connect(m_trashAction, &QAction::triggered, this, &LibraryPanel::deleteCurrent);
    connect(remove, &QPushButton::clicked, m_trashAction, &QAction::trigger);
}

QList<PanelAction> LibraryPanel::panelActions() const
{
    return {{MenuId::File, m_trashAction}};
}

void LibraryPanel::setFolder(const QString& folder)
{
    m_folder = folder;
    QDir().mkpath(folder);
    m_folderLabel->setText(tr("Samples in %1").arg(QDir::toNativeSeparators(folder)));
    m_view->setRootIndex(m_model->setRootPath(folder));
}

void LibraryPanel::refresh()
{
    // Re-rooting makes QFileSystemModel read the folder again.
    m_model->setRootPath(QString());
    m_view->setRootIndex(m_model->setRootPath(m_folder));
}

QString LibraryPanel::currentFile() const
{
    const QModelIndex index = m_view->currentIndex();
    return index.isValid() ? m_model->filePath(index) : QString();
}

void LibraryPanel::preview(const QString& path)
{
    if (!m_player) {
        m_player = new QMediaPlayer(this);
        m_output = new QAudioOutput(this);
        m_player->setAudioOutput(m_output);
    }
    m_player->stop();
    m_player->setSource(QUrl::fromLocalFile(path));
    m_player->play();
}

void LibraryPanel::revealFolder()
{
    QDesktopServices::openUrl(QUrl::fromLocalFile(m_folder));
}

bool LibraryPanel::deleteCurrent()
{
    const QString path = currentFile();
    if (path.isEmpty())
        return false;
    if (m_player)
        m_player->stop();
    if (!QFile::moveToTrash(path)) {
        emit message(tr("Could not move '%1' to the trash.").arg(QFileInfo(path).fileName()), true);
        return false;
    }
    emit message(tr("Moved '%1' to the trash.").arg(QFileInfo(path).fileName()), false);
    return true;
}

} // namespace stemcrate::ui
