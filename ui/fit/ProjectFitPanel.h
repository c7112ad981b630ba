#pragma once
// ProjectFitPanel: the "Project" tempo and key in the window's toolbar (ProjectFitBar), joined with the
// shown song's analysis by a ProjectFitController: playback is fitted at once, and the FitTarget exports
// carry follows (targetChanged), so what is exported is what was heard.
//
// Ownership: a QObject owned by the window; owns the controller and the bar (a child of the toolbar once
// added); the session and the fit stage (Transport's) outlive it. Threads: GUI thread. Units: BPM.

#include "library/FitTarget.h"
#include "panels/Panel.h"

#include <QObject>

#include <memory>

namespace stemcrate::ui {

class FitStage;
class ProjectFitBar;
class ProjectFitController;
class SongSession;
struct AnalysisView;

class ProjectFitPanel : public QObject, public Panel
{
    Q_OBJECT

public:
    ProjectFitPanel(SongSession& session, FitStage& stage, QWidget* parent);
    ~ProjectFitPanel() override;

    void fillToolBar(QToolBar& bar) override;

    ProjectFitBar& bar() { return *m_bar; }
    // What exports are fitted to now.
    library::FitTarget exportTarget() const;

signals:
    void targetChanged(const stemcrate::library::FitTarget& target);
    // The fit being heard, for the status line ("" when none).
    void status(const QString& text);

private:
    void songAnalysisChanged(const AnalysisView& analysis);

    std::unique_ptr<ProjectFitController> m_controller;
    ProjectFitBar* m_bar = nullptr;
};

} // namespace stemcrate::ui
