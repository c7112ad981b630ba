#include "mining/MiningPanels.h"

#include "mining/ChopPanel.h"
#include "mining/FindSamplesPanel.h"
#include "mining/KitPanel.h"
#include "views/TimelineViewport.h"

#include <QDockWidget>

namespace stemcrate::ui {

MiningPanels::MiningPanels(Transport& transport, SampleExportService& exports, QWidget* parent)
    : QTabWidget(parent), m_findSamples(new FindSamplesPanel(transport, exports, this)),
      m_chop(new ChopPanel(transport, this)), m_kit(new KitPanel(this))
{
    setObjectName(QStringLiteral("miningPanels"));
    addTab(m_findSamples, tr("Find Samples"));
    addTab(m_chop, tr("Chop"));
    addTab(m_kit, tr("Kit"));
}

void MiningPanels::setSong(const MiningSong& song)
{
    m_findSamples->setSong(song);
    m_chop->setSong(song);
    m_kit->setSong(song);
}

void MiningPanels::setSelection(int lane, int64_t startFrame, int64_t endFrame)
{
    m_chop->setSelection(lane, startFrame, endFrame);
}

void MiningPanels::followSelection(const TimelineViewport& viewport)
{
    connect(&viewport, &TimelineViewport::selectionChanged, this, [this, &viewport] {
        if (viewport.hasSelection())
            setSelection(viewport.selectionLane(), viewport.selectionStart(), viewport.selectionEnd());
    });
}

QDockWidget* MiningPanels::makeDock(QWidget* window)
{
    auto* dock = new QDockWidget(tr("Mining"), window);
    dock->setObjectName(QStringLiteral("miningDock"));
    dock->setWidget(this);
    dock->setFeatures(QDockWidget::DockWidgetMovable);
    return dock;
}

void MiningPanels::setExportOptions(const ExportOptions& options)
{
    m_findSamples->setExportOptions(options);
    m_chop->setExportFolder(options.folder);
    m_kit->setExportFolder(options.folder);
}

} // namespace stemcrate::ui
