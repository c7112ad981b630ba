#include "fit/ProjectFitPanel.h"

#include "fit/ProjectFitBar.h"
#include "fit/ProjectFitController.h"
#include "session/AnalysisView.h"
#include "session/SongSession.h"

#include <QToolBar>

namespace stemcrate::ui {

ProjectFitPanel::ProjectFitPanel(SongSession& session, FitStage& stage, QWidget* parent)
    : QObject(parent), m_controller(std::make_unique<ProjectFitController>(stage)),
      m_bar(new ProjectFitBar(parent))
{
    m_controller->setProject(m_bar->fit());
    connect(m_bar, &ProjectFitBar::fitChanged, this, [this](const ProjectFit& fit) {
        m_controller->setProject(fit);
        emit targetChanged(m_controller->exportTarget());
        emit status(m_controller->summary());
    });
    connect(&session, &SongSession::analysisSettled, this, &ProjectFitPanel::songAnalysisChanged);
}

ProjectFitPanel::~ProjectFitPanel() = default;

void ProjectFitPanel::fillToolBar(QToolBar& bar)
{
    bar.addSeparator();
    bar.addWidget(m_bar);
}

library::FitTarget ProjectFitPanel::exportTarget() const
{
    return m_controller->exportTarget();
}

void ProjectFitPanel::songAnalysisChanged(const AnalysisView& analysis)
{
    m_controller->setSong(analysis.bpm, analysis.keyName.toStdString());
    emit targetChanged(m_controller->exportTarget());
}

} // namespace stemcrate::ui
