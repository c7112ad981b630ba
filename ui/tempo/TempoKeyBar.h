#pragma once
// TempoKeyBar: the song's tempo and key, which the musician may correct: an editable BPM, x2 and /2, tap
// tempo, an editable key ("—" when there is none), and a reset to what was detected. Shows values; emits
// the edits. What the edits do is MusicalEditsController's business.
//
// Ownership: a child widget. Threads: GUI thread. Units: BPM.

#include "tempo/MusicalEdits.h"
#include "tempo/TapTempo.h"

#include <QElapsedTimer>
#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QToolButton;

namespace stemcrate::ui {

class TempoKeyBar : public QWidget
{
    Q_OBJECT

public:
    explicit TempoKeyBar(QWidget* parent = nullptr);

    // What is shown: the effective tempo and key (nothing: no song or not analysed yet, the bar is disabled),
    // and whether they are the musician's edits (shown in italics, reset enabled).
    void display(std::optional<double> bpm, std::optional<std::string> keyName, bool bpmEdited, bool keyEdited);
    void clear();

    // For tests and shortcuts.
    void tap();

signals:
    void bpmEdited(double bpm);
    void keyEdited(const std::string& keyName); // empty: no key
    void resetRequested();

private:
    void commitBpm(double bpm);

    QDoubleSpinBox* m_bpm = nullptr;
    QToolButton* m_double = nullptr;
    QToolButton* m_half = nullptr;
    QToolButton* m_tap = nullptr;
    QComboBox* m_key = nullptr;
    QToolButton* m_reset = nullptr;
    std::optional<double>
        m_shownBpm; // as displayed, unrounded: x2 and /2 act on it, not the box's 2 decimals
    TapTempo m_tapTempo;
    QElapsedTimer m_clock;
    bool m_updating = false;
};

} // namespace stemcrate::ui
