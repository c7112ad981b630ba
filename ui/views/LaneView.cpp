#include "views/LaneView.h"

#include "session/SelectionModel.h"
#include "views/ColumnStrokes.h"
#include "views/PaintBands.h"
#include "views/Snapper.h"
#include "views/SpectrogramRenderer.h"
#include "views/StrokeScratch.h"
#include "views/TimelineViewport.h"
#include "views/WaveformFill.h"

#include <QApplication>
#include <QMouseEvent>
#include <QPainter>
#include <QTimer>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace stemcrate::ui {

namespace {

constexpr int kSummaryPollMs = 30;        // repaint cadence while a worker fills the summary
constexpr double kWheelZoomStep = 1.25;   // per wheel notch
constexpr int kSliceNumberMinPixels = 14; // narrower slices are not numbered
const QColor kSliceMarkerColour(0xff, 0xff, 0xff, 150);
const QColor kActiveSliceColour(0xff, 0xd0, 0x40); // the playhead's

} // namespace

LaneView::LaneView(int lane, TimelineViewport& viewport, SelectionModel& selection, const Snapper& snapper,
                   StrokeScratch& strokeScratch, QWidget* parent)
    : QWidget(parent), m_lane(lane), m_viewport(viewport), m_selection(selection), m_snapper(snapper),
      m_strokeScratch(strokeScratch)
{
    setObjectName(QStringLiteral("laneView%1").arg(lane));
    setMinimumHeight(56);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setFocusPolicy(Qt::ClickFocus); // clicking a lane gives the timeline's keys to it
    m_summaryPoll = new QTimer(this);
    m_summaryPoll->setInterval(kSummaryPollMs);
    connect(m_summaryPoll, &QTimer::timeout, this, &LaneView::pollSummary);
    connect(&m_viewport, &TimelineViewport::viewChanged, this, qOverload<>(&QWidget::update));
    connect(&m_selection, &SelectionModel::changed, this, qOverload<>(&QWidget::update));
    connect(&m_viewport, &TimelineViewport::playheadChanged, this, [this](qint64 frame) {
        // Only the old and the new playhead columns.
        const int x = int(std::floor(m_viewport.xAt(double(frame))));
        update(QRect(m_playheadX - 1, 0, 3, height()));
        update(QRect(x - 1, 0, 3, height()));
        m_playheadX = x;
    });
}

LaneView::~LaneView()
{
    if (m_display.spectrogram)
        m_display.spectrogram->setView(nullptr);
}

void LaneView::setDisplay(const LaneDisplay& display)
{
    if (m_display.spectrogram)
        m_display.spectrogram->setView(nullptr);
    m_display = display;
    if (m_display.spectrogram)
        m_display.spectrogram->setView(this);
    m_paintedValid = 0;
    m_paintedSummary = 0;
    audioGrew(m_display.audio.validFrames());
    update();
}

int64_t LaneView::summarisedFrames() const
{
    return m_display.waveform ? m_display.waveform->summarisedFrames() : 0;
}

void LaneView::setColour(const QColor& colour)
{
    m_colour = colour;
    update();
}

void LaneView::setSpectrogramVisible(bool visible)
{
    m_spectrogram = visible;
    update();
}

void LaneView::audioGrew(int64_t validFrames)
{
    const int64_t before = m_paintedValid;
    m_paintedValid = std::max(m_paintedValid, validFrames);
    if (m_spectrogram)
        repaintFrames(before - SpectrogramRenderer::kFftSize, m_paintedValid);
    pollSummary();
}

void LaneView::pollSummary()
{
    // The worker publishes the summary's fill index with release; acquire it and repaint what is new.
    const int64_t summarised = summarisedFrames();
    if (!m_spectrogram && summarised > m_paintedSummary)
        repaintFrames(m_paintedSummary, summarised);
    m_paintedSummary = std::max(m_paintedSummary, summarised);
    const int64_t valid = std::min(m_display.audio.validFrames(), m_display.audio.totalFrames());
    if (summarised < valid && !m_summaryPoll->isActive())
        m_summaryPoll->start();
    else if (summarised >= valid)
        m_summaryPoll->stop();
}

void LaneView::repaintFrames(int64_t from, int64_t to)
{
    if (to <= from)
        return;
    // At fine zoom the samples are drawn directly: repaint from the valid edge as it moves.
    const int x0 = int(std::floor(m_viewport.xAt(double(from)))) - 2;
    const int x1 = int(std::ceil(m_viewport.xAt(double(to)))) + 2;
    if (x1 < 0 || x0 > width())
        return;
    update(QRect(std::max(0, x0), 0, std::min(width(), x1) - std::max(0, x0), height()));
}

void LaneView::paintEvent(QPaintEvent* event)
{
    QPainter painter(this);
    const QRect dirty = event->rect();
    const QColor background = palette().color(QPalette::Base);
    painter.fillRect(dirty, background);

    if (m_spectrogram && m_display.spectrogram) {
        SpectrogramRenderer::Parameters parameters;
        parameters.startFrame = m_viewport.startFrame();
        parameters.framesPerPixel = m_viewport.framesPerPixel();
        const QRect columns(dirty.left(), 0, dirty.width(), height());
        // Missing tiles are computed on workers; each finished one repaints the lane through the callback.
        m_display.spectrogram->paint(painter, columns, parameters);
    } else {
        painter.setPen(QPen(background.lighter(140), 0));
        painter.drawLine(dirty.left(), height() / 2, dirty.right(), height() / 2);
        paintWaveform(painter, dirty);
    }

    // Not separated yet: dimmed, so the growing part is visible.
    const int64_t valid = m_display.audio.validFrames();
    const int64_t total = m_display.audio.totalFrames();
    if (total > 0 && valid < total) {
        const double validX = std::max(0.0, m_viewport.xAt(double(valid)));
        const QRectF pending(validX, 0, width() - validX, height());
        fillRectInBands(painter, pending.intersected(QRectF(dirty)),
                        QBrush(QColor(128, 128, 128, 40), Qt::BDiagPattern));
    }

    if (!m_selection.isEmpty()) {
        const double x0 = m_viewport.xAt(double(m_selection.start()));
        const double x1 = m_viewport.xAt(double(m_selection.end()));
        QColor tint = palette().color(QPalette::Highlight);
        tint.setAlpha(m_selection.lane() == m_lane ? 90 : 40);
        fillRectInBands(painter, QRectF(x0, 0, std::max(1.0, x1 - x0), height()).intersected(QRectF(dirty)),
                        tint);
    }

    if (!m_slices.empty())
        paintSlices(painter, dirty);

    const double playheadX = m_viewport.xAt(double(m_viewport.playhead()));
    if (playheadX >= 0 && playheadX <= width()) {
        painter.setPen(QPen(QColor(0xff, 0xd0, 0x40), 1));
        painter.drawLine(QPointF(playheadX, 0), QPointF(playheadX, height()));
    }
}

void LaneView::setSlices(std::vector<SliceSpan> slices)
{
    m_slices = std::move(slices);
    m_activeSlice = -1;
    update();
}

void LaneView::setActiveSlice(int index)
{
    if (index == m_activeSlice)
        return;
    updateSlice(m_activeSlice);
    m_activeSlice = index;
    updateSlice(m_activeSlice);
}

void LaneView::updateSlice(int index)
{
    if (index < 0 || index >= int(m_slices.size()))
        return;
    const SliceSpan& slice = m_slices[size_t(index)];
    const int x0 = int(std::floor(m_viewport.xAt(double(slice.startFrame)))) - 2;
    const int x1 = int(std::ceil(m_viewport.xAt(double(slice.endFrame)))) + 2;
    update(QRect(x0, 0, x1 - x0, height()));
}

std::vector<double> LaneView::sliceMarkerXs() const
{
    std::vector<double> xs;
    for (size_t i = 0; i < m_slices.size(); ++i) {
        xs.push_back(m_viewport.xAt(double(m_slices[i].startFrame)));
        if (i + 1 == m_slices.size() || m_slices[i + 1].startFrame != m_slices[i].endFrame)
            xs.push_back(m_viewport.xAt(double(m_slices[i].endFrame)));
    }
    return xs;
}

void LaneView::paintSlices(QPainter& painter, const QRect& dirty)
{
    // Only the slices that reach into the dirty columns (they are in time order).
    const double firstFrame = m_viewport.frameAt(dirty.left() - 1);
    const double lastFrame = m_viewport.frameAt(dirty.right() + 2);
    auto slice = std::partition_point(m_slices.begin(), m_slices.end(),
                                      [&](const SliceSpan& s) { return double(s.endFrame) < firstFrame; });
    for (; slice != m_slices.end() && double(slice->startFrame) <= lastFrame; ++slice) {
        const int index = int(slice - m_slices.begin());
        const double x0 = m_viewport.xAt(double(slice->startFrame));
        const double x1 = m_viewport.xAt(double(slice->endFrame));
        const bool active = index == m_activeSlice;
        if (active) {
            QColor tint = kActiveSliceColour;
            tint.setAlpha(60);
            fillRectInBands(painter,
                            QRectF(x0, 0, std::max(1.0, x1 - x0), height()).intersected(QRectF(dirty)), tint);
        }
        painter.setPen(QPen(active ? kActiveSliceColour : kSliceMarkerColour, active ? 2 : 1));
        painter.drawLine(QPointF(x0, 0), QPointF(x0, height()));
        const bool nextStartsHere = slice + 1 != m_slices.end() && (slice + 1)->startFrame == slice->endFrame;
        if (!nextStartsHere || active)
            painter.drawLine(QPointF(x1, 0), QPointF(x1, height()));
        if (x1 - x0 >= kSliceNumberMinPixels)
            painter.drawText(QPointF(x0 + 3, 12), QString::number(index + 1));
    }
}

void LaneView::paintWaveform(QPainter& painter, const QRect& dirty)
{
    const AudioBuffer* buffer = m_display.audio.buffer();
    if (!buffer)
        return;
    const int64_t valid = std::min(m_display.audio.validFrames(), buffer->frames);
    const float* left = buffer->channel(0);
    const float* right = buffer->channel(std::min(1, buffer->channels - 1));
    const double mid = height() / 2.0;
    const double amplitude = height() / 2.0 - 1.0;
    const double fpp = m_viewport.framesPerPixel();

    if (fpp >= 1.0) {
        // Peak then RMS per column, as pixels (ColumnStrokes.h: drawLines of every column was most of a
        // song switch's GUI time).
        const analysis::WaveformSummary* summary =
            m_display.waveform ? m_display.waveform->summary() : nullptr;
        // Coarser than a summary bin per pixel: one column of the summary per pixel.
        const bool summarised = fpp >= double(analysis::WaveformSummary::kBaseFramesPerBin);
        // Coarse and no summary yet (its worker is allocating it): nothing to draw. Reading the samples
        // instead would read the whole song per repaint at "fit" zoom (7.7 s on the GUI thread for an hour,
        // measured by bench_gui_stall).
        if ((summarised && !summary) || height() <= 0)
            return;
        std::vector<analysis::WaveformColumn> columns;
        if (summarised)
            columns = summary->mixedColumns(int64_t(std::floor(m_viewport.frameAt(dirty.left()))),
                                            int64_t(std::floor(m_viewport.frameAt(dirty.right() + 1))),
                                            dirty.width());
        // The dirty columns' strokes, in lane rows (clamped to the lane: a clipped peak ends at its edge).
        struct StrokeRows
        {
            double peakTop, peakBottom, rmsTop, rmsBottom;
            bool drawn;
        };
        std::vector<StrokeRows> strokes(size_t(dirty.width()), StrokeRows{0, 0, 0, 0, false});
        const double lastRow = height() - 1;
        const auto row = [lastRow](double y) { return std::clamp(y, 0.0, lastRow); };
        for (int x = dirty.left(); x <= dirty.right(); ++x) {
            const int64_t f0 = int64_t(std::floor(m_viewport.frameAt(x)));
            int64_t f1 = std::max(f0 + 1, int64_t(std::floor(m_viewport.frameAt(x + 1))));
            if (f0 >= valid)
                break;
            f1 = std::min(f1, valid);
            analysis::WaveformBin bin;
            if (summarised) {
                const analysis::WaveformColumn& column = columns[size_t(x - dirty.left())];
                if (!column.valid)
                    continue;
                bin = {column.min, column.max, column.rms};
            } else {
                // Fewer than a summary bin per pixel: read the samples.
                bin = {left[f0], left[f0], 0.0f};
                double squares = 0.0;
                for (int64_t t = f0; t < f1; ++t) {
                    bin.min = std::min({bin.min, left[t], right[t]});
                    bin.max = std::max({bin.max, left[t], right[t]});
                    squares += double(left[t]) * left[t] + double(right[t]) * right[t];
                }
                bin.rms = float(std::sqrt(squares / double(2 * (f1 - f0))));
            }
            strokes[size_t(x - dirty.left())] = {
                row(mid - bin.max * amplitude), row(mid - bin.min * amplitude + 0.5),
                row(mid - bin.rms * amplitude), row(mid + bin.rms * amplitude), true};
        }
        // Written into the timeline's scratch tile by tile (StrokeScratch.h: no paint allocates), each tile
        // drawn where it belongs; only the dirty rows.
        const QRect region = dirty.intersected(rect());
        const QSize tile = m_strokeScratch.tileSize();
        const QColor peakColour = m_colour.darker(130), rmsColour = m_colour.lighter(130);
        for (int y = region.top(); y <= region.bottom(); y += tile.height())
            for (int x = region.left(); x <= region.right(); x += tile.width()) {
                const QRect area = QRect(x, y, tile.width(), tile.height()).intersected(region);
                ColumnStrokes pixels(area, m_strokeScratch.image());
                for (int column = area.left(); column <= area.right(); ++column) {
                    const StrokeRows& s = strokes[size_t(column - dirty.left())];
                    if (!s.drawn)
                        continue;
                    pixels.stroke(column, s.peakTop, s.peakBottom, peakColour);
                    pixels.stroke(column, s.rmsTop, s.rmsBottom, rmsColour);
                }
                painter.drawImage(pixels.area().topLeft(), pixels.image());
            }
        return;
    }

    // Zoomed in below one frame per pixel: a line through the samples (channel average), dots when wide.
    const int64_t first = std::max<int64_t>(0, int64_t(std::floor(m_viewport.frameAt(dirty.left() - 1))));
    const int64_t last =
        std::min<int64_t>(valid - 1, int64_t(std::ceil(m_viewport.frameAt(dirty.right() + 1))));
    if (last < first)
        return;
    QPolygonF line;
    line.reserve(int(last - first + 1));
    for (int64_t t = first; t <= last; ++t)
        line.append(QPointF(m_viewport.xAt(t + 0.5), mid - 0.5 * (left[t] + right[t]) * amplitude));
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(QPen(m_colour, 1.5));
    painter.drawPolyline(line);
    if (1.0 / fpp >= 6.0) {
        painter.setBrush(m_colour);
        for (const QPointF& point : line)
            painter.drawEllipse(point, 2.0, 2.0);
    }
}

int64_t LaneView::snappedFrameAt(double x) const
{
    const int64_t frame =
        std::clamp<int64_t>(int64_t(std::llround(m_viewport.frameAt(x))), 0, m_viewport.totalFrames());
    return m_snapper.snap(frame, m_display.audio.buffer(), m_display.audio.validFrames());
}

void LaneView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton || m_display.audio.isNull())
        return QWidget::mousePressEvent(event);
    m_pressPos = event->position().toPoint();
    const double frame = m_viewport.frameAt(event->position().x());
    if (!m_selection.isEmpty() && frame >= m_selection.start() && frame < m_selection.end()) {
        m_drag = Drag::MaybeDragOut;
        emit dragOutArmed();
        return;
    }
    m_drag = Drag::Selecting;
    m_anchorFrame = snappedFrameAt(event->position().x());
    m_selection.set(m_anchorFrame, m_anchorFrame, m_lane);
}

void LaneView::mouseMoveEvent(QMouseEvent* event)
{
    if (m_drag == Drag::MaybeDragOut) {
        if ((event->position().toPoint() - m_pressPos).manhattanLength() >=
            QApplication::startDragDistance()) {
            m_drag = Drag::None;
            emit dragOutRequested();
        }
        return;
    }
    if (m_drag == Drag::Selecting)
        m_selection.set(m_anchorFrame, snappedFrameAt(event->position().x()), m_lane);
}

void LaneView::mouseReleaseEvent(QMouseEvent* event)
{
    const Drag drag = m_drag;
    m_drag = Drag::None;
    if (event->button() != Qt::LeftButton)
        return;
    const qint64 frame = qint64(std::llround(m_viewport.frameAt(event->position().x())));
    if (drag == Drag::MaybeDragOut) {
        emit seekRequested(frame); // a click inside the selection
    } else if (drag == Drag::Selecting && m_selection.isEmpty()) {
        m_selection.clear();
        emit seekRequested(frame);
    }
}

void LaneView::wheelEvent(QWheelEvent* event)
{
    const QPoint angle = event->angleDelta();
    const bool horizontal = angle.x() != 0 && angle.y() == 0;
    if (horizontal || (event->modifiers() & Qt::ShiftModifier)) {
        const int delta = horizontal ? angle.x() : angle.y();
        m_viewport.scrollByPixels(-delta / 120.0 * width() / 8.0);
    } else {
        m_viewport.zoom(std::pow(kWheelZoomStep, angle.y() / 120.0), event->position().x());
    }
    event->accept();
}

void LaneView::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    // Every lane has the same width; the viewport follows it.
    m_viewport.setWidth(width());
}

} // namespace stemcrate::ui
