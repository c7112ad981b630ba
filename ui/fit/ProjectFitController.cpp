#include "fit/ProjectFitController.h"

#include "playback/FitStage.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>

namespace stemcrate::ui {

namespace {

// "+3 semitones", "-1 semitone": a key-to-key shift is whole, and takes the language's plural form. A
// fractional shift (an explicit one, e.g. +1.5) is a decimal number, which takes the plural in English and
// reads with the same word in the other languages ("+1,5 Halbtöne").
QString semitonesText(double semitones)
{
    const double whole = std::round(semitones);
    if (std::abs(semitones - whole) < 1e-6) {
        const int count = static_cast<int>(std::abs(whole));
        return semitones > 0 ? QCoreApplication::translate("ProjectFitController", "+%n semitone(s)",
                                                           "a shift up", count)
                             : QCoreApplication::translate("ProjectFitController", "-%n semitone(s)",
                                                           "a shift down", count);
    }
    const QString number = QLocale().toString(semitones, 'g', 4);
    return QCoreApplication::translate("ProjectFitController", "%1 semitones",
                                       "a fractional shift, e.g. +1.5")
        .arg(semitones > 0 ? QLocale().positiveSign() + number : number);
}

} // namespace

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
        parts << semitonesText(fit->semitones);
    m_summary = parts.join(QStringLiteral(", "));
}

} // namespace stemcrate::ui
