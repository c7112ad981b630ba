#pragma once
// ProjectFitBar: the "Project" controls: a target tempo (off, or 40-300 BPM) and key (off, or one of the 24),
// remembered between runs (QSettings "project/bpm", "project/key"). Emits fitChanged() on every change.
//
// Ownership: a widget; owns its children. Threads: GUI thread only.

#include "fit/ProjectFit.h"

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;

namespace stemcrate::ui {

class ProjectFitBar : public QWidget
{
    Q_OBJECT

public:
    explicit ProjectFitBar(QWidget* parent = nullptr);

    ProjectFit fit() const;
    void setFit(const ProjectFit& fit); // emits fitChanged() if it differs

signals:
    void fitChanged(const stemcrate::ui::ProjectFit& fit);

private:
    void onEdited();

    QDoubleSpinBox* m_bpm = nullptr;
    QComboBox* m_key = nullptr;
    ProjectFit m_fit;
};

} // namespace stemcrate::ui
