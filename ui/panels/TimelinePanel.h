#pragma once
// TimelinePanel: the window's central area: the timeline of the shown song (or the drop hint), with the
// transport, selection and view actions (play, loop, go to start/end, nudge, snap, clear selection, zoom,
// spectrogram), the snap selector and the position and analysis labels. It follows the session: a shown
// song's display goes to the timeline, its audio to the transport, its analysis to the ruler and snapping.
//
// Ownership: a widget (the central area); owns the TimelineView and its actions; shares the session and
// the transport. Threads: GUI thread. Units: frames at 44.1 kHz.

#include "panels/Panel.h"

#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QStackedWidget;
class QTimer;

namespace stemcrate::ui {

class SongSession;
class TimelineView;
class Transport;
struct AnalysisView;
struct ShownSong;

class TimelinePanel : public QWidget, public Panel
{
    Q_OBJECT

public:
    TimelinePanel(SongSession& session, Transport& transport, QWidget* parent = nullptr);

    QWidget* panelWidget() override { return this; }
    QList<PanelAction> panelActions() const override;
    void fillToolBar(QToolBar& bar) override;
    QList<QWidget*> statusWidgets() override;

    TimelineView& timeline() { return *m_timeline; }

signals:
    // The user pressed inside the selection (a drag out may follow) / dragged it out of the lane.
    void dragOutArmed();
    void dragOutRequested();

private:
    QAction* addAction(const QString& objectName, const QString& text, const QList<QKeySequence>& keys,
                       MenuId menu, bool timelineOnly = false);
    void show(const ShownSong& song);
    void applyAnalysis(const AnalysisView& analysis);
    void togglePlay();
    void seekTo(int64_t frame, bool scrollTo);
    void nudge(int64_t frames, bool endOnly);
    void zoomBy(double factor);
    void updateLoop();
    void updatePlayhead();
    void updatePositionLabel();

    SongSession& m_session;
    Transport& m_transport;
    QStackedWidget* m_stack = nullptr;
    QLabel* m_dropHint = nullptr;
    TimelineView* m_timeline = nullptr;
    QComboBox* m_snapMode = nullptr;
    QLabel* m_positionLabel = nullptr;
    QLabel* m_analysisLabel = nullptr;
    QTimer* m_playheadTimer = nullptr;
    QAction* m_playAction = nullptr;
    QAction* m_loopAction = nullptr;
    QAction* m_spectrogramAction = nullptr;
    QList<PanelAction> m_actions;
};

} // namespace stemcrate::ui
