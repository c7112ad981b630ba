#include "views/TimelineViewport.h"

#include <algorithm>
#include <cmath>

namespace stemcrate::ui {

TimelineViewport::TimelineViewport(QObject* parent) : QObject(parent) {}

void TimelineViewport::setTotalFrames(int64_t frames)
{
    m_totalFrames = std::max<int64_t>(0, frames);
    m_playhead = 0;
    zoomToFit();
    emit playheadChanged(0);
}

void TimelineViewport::setWidth(int pixels)
{
    const bool wasFit = m_framesPerPixel >= maxFramesPerPixel() - 1e-9;
    m_width = std::max(1, pixels);
    if (wasFit)
        m_framesPerPixel = maxFramesPerPixel();
    clampView();
    emit viewChanged();
}

double TimelineViewport::maxFramesPerPixel() const
{
    return std::max(kMinFramesPerPixel, double(m_totalFrames) / double(m_width));
}

void TimelineViewport::zoom(double factor, double anchorX)
{
    if (factor <= 0.0)
        return;
    const double anchorFrame = frameAt(anchorX);
    m_framesPerPixel = std::clamp(m_framesPerPixel / factor, kMinFramesPerPixel, maxFramesPerPixel());
    m_startFrame = anchorFrame - anchorX * m_framesPerPixel;
    clampView();
    emit viewChanged();
}

void TimelineViewport::zoomToFit()
{
    m_framesPerPixel = maxFramesPerPixel();
    m_startFrame = 0.0;
    emit viewChanged();
}

void TimelineViewport::setStartFrame(double frame)
{
    m_startFrame = frame;
    clampView();
    emit viewChanged();
}

void TimelineViewport::scrollByPixels(double pixels)
{
    setStartFrame(m_startFrame + pixels * m_framesPerPixel);
}

void TimelineViewport::ensureVisible(double frame)
{
    const double visible = m_framesPerPixel * m_width;
    if (frame < m_startFrame || frame >= m_startFrame + visible)
        setStartFrame(std::floor(frame / visible) * visible);
}

void TimelineViewport::clampView()
{
    const double visible = m_framesPerPixel * m_width;
    const double maxStart = std::max(0.0, double(m_totalFrames) - visible);
    m_startFrame = std::clamp(m_startFrame, 0.0, maxStart);
}

void TimelineViewport::setPlayhead(int64_t frame)
{
    if (frame == m_playhead)
        return;
    m_playhead = frame;
    emit playheadChanged(frame);
}

} // namespace stemcrate::ui
