#pragma once
// TimeRuler: the time axis above all lanes: minutes:seconds ticks at a readable spacing, or bars and
// beats once a beat grid is known (setBeatGrid, fed by core/analysis later). Shows the selection; a click
// seeks.
//
// Ownership: a child widget of the TimelineView, sharing its viewport and the session's selection. Threads:
// GUI thread. Units: frames.

#include <QWidget>

#include <cstdint>
#include <vector>

namespace stemcrate::ui {

class SelectionModel;
class TimelineViewport;

class TimeRuler : public QWidget
{
    Q_OBJECT

public:
    TimeRuler(TimelineViewport& viewport, const SelectionModel& selection, QWidget* parent = nullptr);

    // Beat positions (sorted frames), the beats in a bar and the index of a downbeat (beats before it are
    // a pickup); an empty list returns to clock time.
    void setBeatGrid(std::vector<int64_t> beatFrames, int beatsPerBar = 4, int firstDownbeat = 0);
    bool hasBeatGrid() const { return !m_beats.empty(); }

    QSize sizeHint() const override { return {400, 24}; }

signals:
    void seekRequested(qint64 frame);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    void paintClock(QPainter& painter);
    void paintBeats(QPainter& painter);

    TimelineViewport& m_viewport;
    const SelectionModel& m_selection;
    std::vector<int64_t> m_beats;
    int m_beatsPerBar = 4;
    int m_firstDownbeat = 0;
};

} // namespace stemcrate::ui
