#pragma once
// ShortcutsDialog: Help > Keyboard Shortcuts: every action with a shortcut, read from the actions
// themselves (so the list cannot go stale), plus the mouse gestures of the timeline.
//
// Ownership: a non-modal dialog; the actions stay owned by the window. Threads: GUI thread.

#include <QDialog>
#include <QList>

class QAction;

namespace stemcrate::ui {

class ShortcutsDialog : public QDialog
{
    Q_OBJECT

public:
    ShortcutsDialog(const QList<QAction*>& actions, QWidget* parent = nullptr);
};

} // namespace stemcrate::ui
