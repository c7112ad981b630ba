#include "views/TimeRuler.h"

#include "common/AudioBuffer.h"
#include "session/SelectionModel.h"
#include "views/TimelineViewport.h"

#include <QMouseEvent>
#include <QPainter>

#include <cmath>

namespace stemcrate::ui {

namespace {

constexpr int kMinLabelSpacing = 80; // pixels between labelled ticks

QString clockLabel(double seconds, double step)
{
    const int minutes = int(seconds / 60.0);
    const double rest = seconds - minutes * 60.0;
    const int decimals = step >= 1.0 ? 0 : (step >= 0.1 ? 1 : (step >= 0.01 ? 2 : 3));
    return QStringLiteral("%1:%2").arg(minutes).arg(rest, decimals ? 3 + decimals : 2, 'f', decimals,
                                                    QLatin1Char('0'));
}

} // namespace

TimeRuler::TimeRuler(TimelineViewport& viewport, const SelectionModel& selection, QWidget* parent)
    : QWidget(parent), m_viewport(viewport), m_selection(selection)
{
    setObjectName(QStringLiteral("timeRuler"));
    setFixedHeight(24);
    connect(&m_viewport, &TimelineViewport::viewChanged, this, qOverload<>(&QWidget::update));
    connect(&m_selection, &SelectionModel::changed, this, qOverload<>(&QWidget::update));
}

void TimeRuler::setBeatGrid(std::vector<int64_t> beatFrames, int beatsPerBar, int firstDownbeat)
{
    m_beats = std::move(beatFrames);
    m_beatsPerBar = std::max(1, beatsPerBar);
    m_firstDownbeat = std::max(0, firstDownbeat);
    update();
}

void TimeRuler::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().color(QPalette::Window).darker(115));
    if (!m_selection.isEmpty()) {
        const double x0 = m_viewport.xAt(double(m_selection.start()));
        const double x1 = m_viewport.xAt(double(m_selection.end()));
        QColor tint = palette().color(QPalette::Highlight);
        tint.setAlpha(120);
        painter.fillRect(QRectF(x0, height() - 6, std::max(1.0, x1 - x0), 6), tint);
    }
    painter.setPen(palette().color(QPalette::WindowText));
    if (m_beats.empty())
        paintClock(painter);
    else
        paintBeats(painter);
}

void TimeRuler::paintClock(QPainter& painter)
{
    if (m_viewport.totalFrames() <= 0)
        return;
    const double secondsPerPixel = m_viewport.framesPerPixel() / kEngineSampleRate;
    // The smallest 1-2-5 step whose labels stay kMinLabelSpacing apart.
    double step = 0.001;
    for (const double candidate : {0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0,
                                   15.0, 30.0, 60.0, 120.0, 300.0, 600.0}) {
        step = candidate;
        if (candidate / secondsPerPixel >= kMinLabelSpacing)
            break;
    }
    const double firstSecond = m_viewport.startFrame() / kEngineSampleRate;
    const double lastSecond = m_viewport.endFrame() / kEngineSampleRate;
    for (double t = std::floor(firstSecond / step) * step; t <= lastSecond; t += step) {
        const double x = m_viewport.xAt(t * kEngineSampleRate);
        painter.drawLine(QPointF(x, height() - 8), QPointF(x, height()));
        for (int minor = 1; minor < 5; ++minor) {
            const double mx = m_viewport.xAt((t + step * minor / 5.0) * kEngineSampleRate);
            painter.drawLine(QPointF(mx, height() - 3), QPointF(mx, height()));
        }
        painter.drawText(QPointF(x + 3, height() - 10), clockLabel(t, step));
    }
}

void TimeRuler::paintBeats(QPainter& painter)
{
    // Label every bar, or every n-th bar when bars are narrow.
    double barPixels = kMinLabelSpacing;
    if (m_beats.size() > size_t(m_beatsPerBar))
        barPixels = (m_beats[size_t(m_beatsPerBar)] - m_beats[0]) / m_viewport.framesPerPixel();
    const int barStride = std::max(1, int(std::ceil(kMinLabelSpacing / std::max(1.0, barPixels))));
    for (size_t i = 0; i < m_beats.size(); ++i) {
        const double x = m_viewport.xAt(double(m_beats[i]));
        if (x < -kMinLabelSpacing || x > width())
            continue;
        // Counted from the first downbeat; a pickup before it belongs to bar 0.
        const int fromDownbeat = int(i) - m_firstDownbeat;
        const int bar = fromDownbeat >= 0 ? fromDownbeat / m_beatsPerBar : -1;
        const int beat = ((fromDownbeat % m_beatsPerBar) + m_beatsPerBar) % m_beatsPerBar;
        if (beat == 0) {
            painter.drawLine(QPointF(x, height() - 10), QPointF(x, height()));
            if (bar >= 0 && bar % barStride == 0)
                painter.drawText(QPointF(x + 3, height() - 10), QString::number(bar + 1));
        } else if (barPixels / m_beatsPerBar >= 6) {
            painter.drawLine(QPointF(x, height() - 4), QPointF(x, height()));
        }
    }
}

void TimeRuler::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton && m_viewport.totalFrames() > 0)
        emit seekRequested(qint64(std::llround(m_viewport.frameAt(event->position().x()))));
}

} // namespace stemcrate::ui
