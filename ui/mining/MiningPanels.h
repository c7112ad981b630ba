#pragma once
// MiningPanels: the mining tabs the window docks: Find Samples (loop suggestions), Chop (slices and pads)
// and Kit (one-shots). The window hands it the song on show, the timeline's selection and the export
// options; each tab does its own work.
//
// Ownership: a widget; the tabs are its children; references the window's Transport and
// SampleExportService (they outlive it). Threads: GUI thread. Units: frames at 44.1 kHz.

#include "library/ExportOptions.h"
#include "mining/MiningSong.h"

#include <QTabWidget>

class QDockWidget;

namespace stemcrate::ui {

class ChopPanel;
class FindSamplesPanel;
class KitPanel;
class SampleExportService;
class TimelineViewport;
class Transport;

class MiningPanels : public QTabWidget
{
    Q_OBJECT

public:
    MiningPanels(Transport& transport, SampleExportService& exports, QWidget* parent = nullptr);

    void setSong(const MiningSong& song);
    void setSelection(int lane, int64_t startFrame, int64_t endFrame);
    void setExportOptions(const ExportOptions& options);
    // Keeps Chop's region on the viewport's selection.
    void followSelection(const TimelineViewport& viewport);
    // A dock holding this panel set, for the window's right side.
    QDockWidget* makeDock(QWidget* window);

    FindSamplesPanel* findSamples() const { return m_findSamples; }
    ChopPanel* chop() const { return m_chop; }
    KitPanel* kit() const { return m_kit; }

private:
    FindSamplesPanel* m_findSamples; // children
    ChopPanel* m_chop;
    KitPanel* m_kit;
};

} // namespace stemcrate::ui
