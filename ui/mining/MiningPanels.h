#pragma once
// MiningPanels: the mining tabs, a panel the window docks on the right ("Mining"): Find Samples (loop
// suggestions), Chop (slices and pads) and Kit (one-shots). followSession() keeps it on the session's shown
// song, its selection and the remembered export options; tests may set them directly. Chop cuts the last
// region chosen: the selection, or the loop suggestion last auditioned. markSlicesOn() shows Chop's slices as
// markers on a timeline's lanes. Each tab does its own work on its own worker.
//
// Ownership: a widget; the tabs are its children; references the window's Transport and
// SampleExportService (they outlive it). Threads: GUI thread. Units: frames at 44.1 kHz.

#include "library/ExportOptions.h"
#include "mining/MiningSong.h"
#include "panels/Panel.h"

#include <QTabWidget>

namespace stemcrate::ui {

class ChopPanel;
class FindSamplesPanel;
class KitPanel;
class SampleExportService;
class SongSession;
class TimelineView;
class Transport;

class MiningPanels : public QTabWidget, public Panel
{
    Q_OBJECT

public:
    MiningPanels(Transport& transport, SampleExportService& exports, QWidget* parent = nullptr);

    void setSong(const MiningSong& song);
    void setSelection(int lane, int64_t startFrame, int64_t endFrame);
    void setExportOptions(const ExportOptions& options);
    // Follows the session: a newly shown song (with the export options of the moment), the musician's tempo
    // and key for the loop suggestions, and Chop's region on the selection. The session outlives this panel.
    void followSession(SongSession& session);
    // Chop's slices as markers on `timeline` (on the lane they were cut from), the playing one highlighted;
    // kept in step as they are chopped again, played or cleared. The timeline outlives this panel.
    void markSlicesOn(TimelineView& timeline);

    QWidget* panelWidget() override { return this; }
    QString panelTitle() const override { return tr("Mining"); }
    Qt::DockWidgetArea panelArea() const override { return Qt::RightDockWidgetArea; }

    FindSamplesPanel* findSamples() const { return m_findSamples; }
    ChopPanel* chop() const { return m_chop; }
    KitPanel* kit() const { return m_kit; }

private:
    FindSamplesPanel* m_findSamples; // children
    ChopPanel* m_chop;
    KitPanel* m_kit;
};

} // namespace stemcrate::ui
