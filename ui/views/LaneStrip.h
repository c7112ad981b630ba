#pragma once
// LaneStrip: one lane of the timeline: a header (name, solo, mute, gain) beside its LaneView canvas.
//
// Ownership: a child widget of the TimelineView; owns its header controls and canvas. Threads: GUI thread.
// Units: gain is linear (the slider shows percent; its tooltip shows dB).

#include <QWidget>

class QLabel;
class QSlider;
class QToolButton;

namespace stemcrate::ui {

class LaneView;
class SelectionModel;
class Snapper;
class StrokeScratch;
class TimelineViewport;

class LaneStrip : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kHeaderWidth = 150;

    LaneStrip(int lane, const QString& name, TimelineViewport& viewport, SelectionModel& selection,
              const Snapper& snapper, StrokeScratch& strokeScratch, QWidget* parent = nullptr);

    LaneView* view() const { return m_view; }
    QString name() const;
    QToolButton* soloButton() const { return m_solo; }
    QToolButton* muteButton() const { return m_mute; }
    QSlider* gainSlider() const { return m_gain; }
    // Solo and mute off, gain 100 %, as a new strip has them; no signal (the caller resets the mixer).
    void resetControls();

signals:
    void soloToggled(int lane, bool soloed);
    void muteToggled(int lane, bool muted);
    void gainChanged(int lane, float linearGain);

private:
    const int m_lane;
    QLabel* m_name = nullptr;
    QToolButton* m_solo = nullptr;
    QToolButton* m_mute = nullptr;
    QSlider* m_gain = nullptr;
    LaneView* m_view = nullptr;
};

} // namespace stemcrate::ui
