#pragma once
// LaneView: the canvas of one lane: waveform (from core's WaveformSummary, or the samples themselves when
// zoomed in) or spectrogram, with the selection and the playhead on top. The mouse selects (drag), drags
// the selection out (press inside it and move), seeks (click), zooms (wheel, around the mouse) and scrolls
// (Shift+wheel or a horizontal wheel).
//
// Ownership: a child widget of its LaneStrip; owns its summary and renderer; shares the viewport and
// snapper of the TimelineView. Threads: GUI thread. The audio may grow (stems being separated):
// audioGrew() summarises the new frames in budgeted steps and repaints only the newly valid range.
// Units: frames, pixels.

#include "analysis/WaveformSummary.h"
#include "views/LaneAudio.h"
#include "views/SpectrogramRenderer.h"

#include <QColor>
#include <QWidget>

#include <memory>

class QTimer;

namespace stemcrate::ui {

class Snapper;
class TimelineViewport;

class LaneView : public QWidget
{
    Q_OBJECT

public:
    LaneView(int lane, TimelineViewport& viewport, const Snapper& snapper, QWidget* parent = nullptr);

    int lane() const { return m_lane; }
    void setAudio(const LaneAudio& audio);
    const LaneAudio& audio() const { return m_audio; }
    void setColour(const QColor& colour);
    void setSpectrogramVisible(bool visible);
    bool spectrogramVisible() const { return m_spectrogram; }

    // The audio is valid up to validFrames now.
    void audioGrew(int64_t validFrames);
    // Frames summarised so far (tests: the lane "filled").
    int64_t summarisedFrames() const { return m_summary ? m_summary->validFrames() : 0; }
    const SpectrogramRenderer& spectrogramRenderer() const { return m_renderer; }

signals:
    void seekRequested(qint64 frame);
    void dragOutRequested();

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void summariseMore();
    void paintWaveform(QPainter& painter, const QRect& rect);
    void repaintFrames(int64_t from, int64_t to);
    int64_t snappedFrameAt(double x) const;

    const int m_lane;
    TimelineViewport& m_viewport;
    const Snapper& m_snapper;
    LaneAudio m_audio;
    std::unique_ptr<analysis::WaveformSummary> m_summary; // of m_audio; null while there is none
    SpectrogramRenderer m_renderer;
    QTimer* m_summaryTimer = nullptr; // child: continues budgeted summarising
    QColor m_colour{0x4f, 0xa3, 0xe0};
    bool m_spectrogram = false;
    int64_t m_paintedValid = 0;
    int m_playheadX = 0; // where the playhead was last drawn

    enum class Drag
    {
        None,
        Selecting,
        MaybeDragOut,
    };
    Drag m_drag = Drag::None;
    QPoint m_pressPos;
    int64_t m_anchorFrame = 0;
};

} // namespace stemcrate::ui
