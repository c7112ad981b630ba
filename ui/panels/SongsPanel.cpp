#include "panels/SongsPanel.h"

#include "session/SongSession.h"
#include "songs/SongDelegate.h"
#include "songs/SongList.h"
#include "songs/SongQueue.h"

#include <QAction>
#include <QHBoxLayout>
#include <QListView>
#include <QPushButton>
#include <QVBoxLayout>

namespace stemcrate::ui {

SongsPanel::SongsPanel(SongSession& session, QWidget* parent) : QWidget(parent), m_session(session)
{
    setObjectName(QStringLiteral("songsPanel"));
    m_view = new QListView(this);
    m_view->setObjectName(QStringLiteral("songList"));
    m_view->setModel(&session.songs());
    m_view->setItemDelegate(new SongDelegate(m_view));
    m_view->setSpacing(1);
    auto* cancel = new QPushButton(tr("Cancel"), this);
    cancel->setObjectName(QStringLiteral("cancelSongButton"));
    auto* retry = new QPushButton(tr("Retry"), this);
    retry->setObjectName(QStringLiteral("retrySongButton"));
    auto* remove = new QPushButton(tr("Remove"), this);
    remove->setObjectName(QStringLiteral("removeSongButton"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(cancel);
    buttons->addWidget(retry);
    buttons->addWidget(remove);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);

    m_removeAction = new QAction(tr("Remove Song"), this);
    m_removeAction->setObjectName(QStringLiteral("removeSongAction"));
    m_removeAction->setShortcut(QKeySequence::Delete);
    m_removeAction->setShortcutContext(Qt::WidgetWithChildrenShortcut); // only while the list has focus
    addAction(m_removeAction);

    connect(cancel, &QPushButton::clicked, this, [this] { m_session.queue().cancel(chosenSongId()); });
    connect(retry, &QPushButton::clicked, this, [this] { m_session.queue().retry(chosenSongId()); });
    connect(remove, &QPushButton::clicked, m_removeAction, &QAction::trigger);
    connect(m_removeAction, &QAction::triggered, this, [this] { m_session.remove(chosenSongId()); });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& index) {
                if (index.isValid())
                    m_session.show(index.data(SongList::IdRole).toInt());
            });
    connect(&session, &SongSession::shownSettled, this, &SongsPanel::follow);
}

QList<PanelAction> SongsPanel::panelActions() const
{
    return {{MenuId::File, m_removeAction}};
}

int SongsPanel::chosenSongId() const
{
    const QModelIndex index = m_view->currentIndex();
    return index.isValid() ? index.data(SongList::IdRole).toInt() : m_session.currentId();
}

void SongsPanel::follow(const ShownSong& song)
{
    const int row = m_session.songs().rowOf(song.id);
    if (row >= 0 && m_view->currentIndex().row() != row)
        m_view->setCurrentIndex(m_session.songs().index(row));
}

} // namespace stemcrate::ui
