#pragma once
// LaneView: the canvas of one lane: waveform (from core's WaveformSummary, or the samples themselves when
// zoomed in) or spectrogram, with the selection and the playhead on top. The mouse selects (drag), drags
// the selection out (press inside it and move), seeks (click), zooms (wheel, around the mouse) and scrolls
// (Shift+wheel or a horizontal wheel). Chop's slices show as markers on the lane they were cut from: a line
// at every slice boundary, numbered as the pads play them, the playing slice tinted.
//
// Ownership: a child widget of its LaneStrip; shares its LaneDisplay (the song's summary and spectrogram
// tiles, kept by the SongDisplay), the viewport, snapper and stroke scratch of the TimelineView and the
// session's selection.
// Threads: GUI thread; it never computes a summary or a tile: workers fill them and this view repaints
// what they published (a light poll of the summary's fill index while it is behind the audio).
// Units: frames, pixels.

#include "views/SliceSpan.h"
#include "views/SongDisplay.h"

#include <QColor>
#include <QWidget>

#include <memory>
#include <vector>

class QTimer;

namespace stemcrate::ui {

class SelectionModel;
class Snapper;
class SpectrogramRenderer;
class StrokeScratch;
class TimelineViewport;

class LaneView : public QWidget
{
    Q_OBJECT

public:
    LaneView(int lane, TimelineViewport& viewport, SelectionModel& selection, const Snapper& snapper,
             StrokeScratch& strokeScratch, QWidget* parent = nullptr);
    ~LaneView() override;

    int lane() const { return m_lane; }
    void setDisplay(const LaneDisplay& display);
    const LaneAudio& audio() const { return m_display.audio; }
    void setColour(const QColor& colour);
    void setSpectrogramVisible(bool visible);
    bool spectrogramVisible() const { return m_spectrogram; }

    // The audio is valid up to validFrames now: repaints as the workers catch up.
    void audioGrew(int64_t validFrames);
    // The slices to mark on this lane (empty: none) and the playing one (-1: none). Only stores and repaints.
    void setSlices(std::vector<SliceSpan> slices);
    void setActiveSlice(int index);
    const std::vector<SliceSpan>& slices() const { return m_slices; }
    int activeSlice() const { return m_activeSlice; }
    // Where the slice markers are drawn, pixels from the lane's left edge, in time order: every slice's
    // start, and its end where the next slice does not start there.
    std::vector<double> sliceMarkerXs() const;

    // Frames summarised so far (tests: the lane "filled").
    int64_t summarisedFrames() const;
    const SpectrogramRenderer& spectrogramRenderer() const { return *m_display.spectrogram; }

signals:
    void seekRequested(qint64 frame);
    void dragOutArmed(); // pressed inside the selection: the export for a drag out can start now
    void dragOutRequested();

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void pollSummary();
    void paintWaveform(QPainter& painter, const QRect& rect);
    void paintSlices(QPainter& painter, const QRect& dirty);
    void updateSlice(int index);
    void repaintFrames(int64_t from, int64_t to);
    int64_t snappedFrameAt(double x) const;

    const int m_lane;
    TimelineViewport& m_viewport;
    SelectionModel& m_selection;
    const Snapper& m_snapper;
    StrokeScratch& m_strokeScratch; // the timeline's, shared by its lanes
    LaneDisplay m_display;
    QTimer* m_summaryPoll = nullptr; // child: runs while the summary is behind the audio
    int64_t m_paintedSummary = 0;    // summarised frames already repainted
    QColor m_colour{0x4f, 0xa3, 0xe0};
    bool m_spectrogram = false;
    int64_t m_paintedValid = 0;
    int m_playheadX = 0; // where the playhead was last drawn
    std::vector<SliceSpan> m_slices;
    int m_activeSlice = -1;

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
