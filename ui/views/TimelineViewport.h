#pragma once
// TimelineViewport: what the lanes and the ruler show, shared by all of them: the visible range (first
// frame and frames per pixel) and the playhead (the selection is the session's SelectionModel). Changing
// any of it repaints every lane alike, so lanes stay aligned.
//
// Zoom runs from the whole song in the view width down to kMinFramesPerPixel (single samples are
// several pixels wide). Zooming keeps the frame under the anchor pixel (the mouse) where it is.
//
// Ownership: a QObject owned by the TimelineView. Threads: GUI thread only. Units: frames at 44.1 kHz
// (double where sub-sample positions matter for smooth zoom), pixels.

#include <QObject>

#include <cstdint>

namespace stemcrate::ui {

class TimelineViewport : public QObject
{
    Q_OBJECT

public:
    static constexpr double kMinFramesPerPixel = 1.0 / 32.0;

    explicit TimelineViewport(QObject* parent = nullptr);

    // A new song: shows all of it; clears the playhead.
    void setTotalFrames(int64_t frames);
    int64_t totalFrames() const { return m_totalFrames; }
    void setWidth(int pixels);
    int width() const { return m_width; }

    double startFrame() const { return m_startFrame; }
    double framesPerPixel() const { return m_framesPerPixel; }
    double endFrame() const { return m_startFrame + m_framesPerPixel * m_width; }
    double frameAt(double x) const { return m_startFrame + x * m_framesPerPixel; }
    double xAt(double frame) const { return (frame - m_startFrame) / m_framesPerPixel; }

    // factor > 1 zooms in. The frame at anchorX stays at anchorX.
    void zoom(double factor, double anchorX);
    void zoomToFit();
    void setStartFrame(double frame);
    void scrollByPixels(double pixels);
    // Scrolls just enough (by pages) that `frame` is visible.
    void ensureVisible(double frame);
    double maxFramesPerPixel() const;

    void setPlayhead(int64_t frame);
    int64_t playhead() const { return m_playhead; }

signals:
    void viewChanged();
    void playheadChanged(qint64 frame);

private:
    void clampView();

    int64_t m_totalFrames = 0;
    int m_width = 1;
    double m_startFrame = 0.0;
    double m_framesPerPixel = 1.0;
    int64_t m_playhead = 0;
};

} // namespace stemcrate::ui
