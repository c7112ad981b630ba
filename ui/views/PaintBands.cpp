#include "views/PaintBands.h"

#include <QPaintEngine>
#include <QRegion>
#include <QTransform>

#include <algorithm>
#include <cmath>

namespace stemcrate::ui {

namespace {

// Rows per band in the painter's coordinates (at least one): kMaxBandRows device rows, less one for a band
// that starts between two rows. Qt's split depends on the row count alone, not on the width.
double bandRows(const QPainter& painter)
{
    const double scale = std::max(1.0, painter.device() ? painter.device()->devicePixelRatioF() : 1.0);
    return std::max(1.0, std::floor(double(kMaxBandRows - 1) / scale));
}

// A painter on `band` in the state `painter` is in, its transform moved up by `top` device rows.
void beginLike(QPainter& bandPainter, QImage& band, const QPainter& painter, const QPoint& offset, int top)
{
    bandPainter.begin(&band);
    bandPainter.setTransform(QTransform::fromTranslate(offset.x(), offset.y() - top));
    if (painter.hasClipping())
        bandPainter.setClipRegion(painter.clipRegion());
    bandPainter.setFont(painter.font());
    bandPainter.setPen(painter.pen());
    bandPainter.setBrush(painter.brush());
    bandPainter.setBrushOrigin(painter.brushOrigin());
    bandPainter.setBackground(painter.background());
    bandPainter.setBackgroundMode(painter.backgroundMode());
    bandPainter.setRenderHints(painter.renderHints());
    bandPainter.setOpacity(painter.opacity());
    bandPainter.setCompositionMode(painter.compositionMode());
    bandPainter.setLayoutDirection(painter.layoutDirection());
}

} // namespace

bool paintInDeviceBands(QPainter& painter, const QRect& rect, const std::function<void(QPainter&)>& paint)
{
    QPaintEngine* engine = painter.paintEngine();
    if (!engine || engine->type() != QPaintEngine::Raster || !engine->paintDevice()
        || engine->paintDevice()->devType() != QInternal::Image)
        return false;
    const auto& target = *static_cast<const QImage*>(engine->paintDevice());
    const QTransform transform = painter.deviceTransform();
    const QPoint offset(qRound(transform.dx()), qRound(transform.dy()));
    if (transform.type() > QTransform::TxTranslate || target.devicePixelRatio() != 1.0
        || QPointF(offset) != QPointF(transform.dx(), transform.dy()))
        return false;
    // The exposed region (device coordinates), which the widget machinery set and no clip of the painter's
    // user can leave; none: the whole image.
    const QRegion systemClip = engine->systemClip();
    const QRect painted = rect.translated(offset) & target.rect()
                          & (systemClip.isEmpty() ? target.rect() : systemClip.boundingRect());
    if (rect.translated(offset).height() <= kDeviceBandRows)
        return false;
    const int dotsPerMeterX = qRound(painter.device()->logicalDpiX() / 0.0254);
    const int dotsPerMeterY = qRound(painter.device()->logicalDpiY() / 0.0254);
    // The rows the active painter writes to (constBits: no detach, the raster engine prepared its buffer
    // from these bytes when it began).
    auto* rows = const_cast<uchar*>(target.constBits());
    for (int top = painted.top(); top <= painted.bottom(); top += kDeviceBandRows) {
        const int height = std::min(kDeviceBandRows, painted.bottom() + 1 - top);
        const QRect bandRect(0, top, target.width(), height);
        if (!systemClip.isEmpty() && !systemClip.intersects(bandRect))
            continue;
        QImage band(rows + qsizetype(top) * target.bytesPerLine(), target.width(), height,
                    target.bytesPerLine(), target.format());
        band.setDotsPerMeterX(dotsPerMeterX);
        band.setDotsPerMeterY(dotsPerMeterY);
        if (!systemClip.isEmpty())
            band.paintEngine()->setSystemClip(systemClip.translated(0, -top) & band.rect());
        QPainter bandPainter;
        beginLike(bandPainter, band, painter, offset, top);
        paint(bandPainter);
        bandPainter.end();
    }
    return true;
}

void fillRectInBands(QPainter& painter, const QRectF& rect, const QBrush& brush)
{
    if (rect.isEmpty())
        return;
    const double rows = bandRows(painter);
    for (double y = rect.top(); y < rect.bottom(); y += rows)
        painter.fillRect(QRectF(rect.left(), y, rect.width(), std::min(rows, rect.bottom() - y)), brush);
}

void drawImageInBands(QPainter& painter, const QRectF& target, const QImage& image, const QRectF& source)
{
    if (target.isEmpty() || source.isEmpty())
        return;
    const double rows = bandRows(painter);
    const double sourcePerTarget = source.height() / target.height();
    for (double y = target.top(); y < target.bottom(); y += rows) {
        const double height = std::min(rows, target.bottom() - y);
        const QRectF band(target.left(), y, target.width(), height);
        const QRectF from(source.left(), source.top() + (y - target.top()) * sourcePerTarget, source.width(),
                          height * sourcePerTarget);
        painter.drawImage(band, image, from);
    }
}

} // namespace stemcrate::ui
