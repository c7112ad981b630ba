#pragma once
// TempoKeyPanel: the shown song's tempo and key, correctable by the musician (TempoKeyBar in the status
// bar). A MusicalEditsController makes the edits the song's analysis; the session then hands the new
// analysis to the views, snapping, the project fit and exports like any other.
//
// Ownership: a QObject owned by the window; owns the controller and the bar (a child of the status bar
// once added); the session outlives it. Threads: GUI thread. Units: BPM.

#include "panels/Panel.h"

#include <QObject>

namespace stemcrate::ui {

class MusicalEditsController;
class SongSession;
class TempoKeyBar;

class TempoKeyPanel : public QObject, public Panel
{
    Q_OBJECT

public:
    TempoKeyPanel(SongSession& session, QWidget* parent);

    QList<QWidget*> statusWidgets() override;

    TempoKeyBar& bar() { return *m_bar; }
    MusicalEditsController& edits() { return *m_edits; }

private:
    TempoKeyBar* m_bar = nullptr;
    MusicalEditsController* m_edits = nullptr; // child
};

} // namespace stemcrate::ui
