#include "fit/ProjectFitController.h"

#include "playback/FitStage.h"

#include <QCoreApplication>

namespace stemcrate::ui {

void ProjectFitController::setProject(const ProjectFit& project)
{
    m_project = project;
    apply();
}

void ProjectFitController::setSong(double bpm, const std::string& key)
{
    m_songBpm = bpm > 0 ? bpm : 0;
    m_songKey = key;
    apply();
}

library::FitTarget ProjectFitController::exportTarget() const
{
    library::FitTarget target;
    if (m_project.bpm > 0 && m_songBpm > 0)
        target.targetBpm = m_project.bpm;
    if (!m_project.key.isEmpty() && !m_songKey.empty())
        target.targetKey = m_project.key.toStdString();
    return target;
}

void ProjectFitController::apply()
{
    m_summary.clear();
    const library::FitTarget target = exportTarget();
    Result<library::ResolvedFit> fit = library::resolveFit(target, m_songBpm, m_songKey);
    if (!target.active() || !fit || fit->ratios.identity()) {
        m_stage.setActive(false);
        return;
    }
    m_stage.setRatios(fit->ratios);
    m_stage.setActive(true);
    QStringList parts;
    if (target.targetBpm > 0)
        parts << QCoreApplication::translate("ProjectFitController", "%1 → %2 BPM")
                     .arg(m_songBpm, 0, 'f', 1)
                     .arg(target.targetBpm, 0, 'f', 1);
    if (fit->semitones != 0)
        parts << QCoreApplication::translate("ProjectFitController", "%1 semitones")
                     .arg(fit->semitones > 0 ? QStringLiteral("+%1").arg(fit->semitones)
                                             : QString::number(fit->semitones));
    m_summary = parts.join(QStringLiteral(", "));
}

} // namespace stemcrate::ui
