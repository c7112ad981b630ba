#pragma once
// SongsPanel: the song list with its job controls (cancel, retry, remove). Choosing a row shows that song;
// the shown song's row follows the session. Del removes the chosen song while the list has focus.
//
// Ownership: a widget (docked); shares the session. Threads: GUI thread.

#include "panels/Panel.h"

#include <QWidget>

class QAction;
class QListView;

namespace stemcrate::ui {

class SongSession;
struct ShownSong;

class SongsPanel : public QWidget, public Panel
{
    Q_OBJECT

public:
    explicit SongsPanel(SongSession& session, QWidget* parent = nullptr);

    QWidget* panelWidget() override { return this; }
    QString panelTitle() const override { return tr("Songs"); }
    Qt::DockWidgetArea panelArea() const override { return Qt::LeftDockWidgetArea; }
    QList<PanelAction> panelActions() const override;

    QListView* view() const { return m_view; }
    // The song chosen in the list, else the shown one; 0 if none.
    int chosenSongId() const;

private:
    void follow(const ShownSong& song);

    SongSession& m_session;
    QListView* m_view = nullptr;
    QAction* m_removeAction = nullptr;
};

} // namespace stemcrate::ui
