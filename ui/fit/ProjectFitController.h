#pragma once
// ProjectFitController: joins the project's tempo and key (ProjectFitBar) with the current song's analysis
// into the ratios the playback's FitStage applies, and the FitTarget an export carries, so what is exported
// is what was heard. A part the song cannot be fitted on (its tempo or key not known yet) is left out of
// both until the analysis arrives.
//
// Ownership: does not own the stage, which must outlive it. Threads: GUI thread only. Units: BPM.

#include "fit/ProjectFit.h"
#include "library/FitTarget.h"

#include <QString>

#include <string>

namespace stemcrate::ui {

class FitStage;

class ProjectFitController
{
public:
    explicit ProjectFitController(FitStage& stage) : m_stage(stage) {}

    void setProject(const ProjectFit& project);
    // The current song's tempo and key (0 / "" while unknown, e.g. before analysis).
    void setSong(double bpm, const std::string& key);

    // What exports are fitted to (core resolves it against each sample's own tempo and key).
    library::FitTarget exportTarget() const;
    // The fit being heard, for the status line: "120 → 90 BPM, +3 semitones", "" when none.
    QString summary() const { return m_summary; }

private:
    void apply();

    FitStage& m_stage;
    ProjectFit m_project;
    double m_songBpm = 0;
    std::string m_songKey;
    QString m_summary;
};

} // namespace stemcrate::ui
