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

// A painter on `view` in the state `painter` is in.
void beginLike(QPainter& viewPainter, QImage& view, const QPainter& painter)
{
    viewPainter.begin(&view);
    viewPainter.setTransform(painter.deviceTransform());
    if (painter.hasClipping())
        viewPainter.setClipRegion(painter.clipRegion());
    viewPainter.setFont(painter.font());
    viewPainter.setPen(painter.pen());
    viewPainter.setBrush(painter.brush());
    viewPainter.setBrushOrigin(painter.brushOrigin());
    viewPainter.setBackground(painter.background());
    viewPainter.setBackgroundMode(painter.backgroundMode());
    viewPainter.setRenderHints(painter.renderHints());
    viewPainter.setOpacity(painter.opacity());
    viewPainter.setCompositionMode(painter.compositionMode());
    viewPainter.setLayoutDirection(painter.layoutDirection());
}

} // namespace

bool paintInDeviceTiles(QPainter& painter, const QRect& rect, const std::function<void(QPainter&)>& paint)
{
    QPaintEngine* engine = painter.paintEngine();
    if (!engine || engine->type() != QPaintEngine::Raster || !engine->paintDevice()
        || engine->paintDevice()->devType() != QInternal::Image)
        return false;
    const auto& target = *static_cast<const QImage*>(engine->paintDevice());
    const QTransform transform = painter.deviceTransform();
    if (transform.type() > QTransform::TxTranslate || target.devicePixelRatio() != 1.0
        || painter.device()->devicePixelRatio() != 1.0)
        return false;
    const QRect deviceRect = transform.mapRect(rect);
    if (deviceRect.width() <= kDeviceTileSide && deviceRect.height() <= kDeviceTileSide)
        return false;
    // The exposed region (device coordinates), which the widget machinery set and no clip of the painter's
    // user can leave; none: the whole image.
    const QRegion systemClip = engine->systemClip().isEmpty() ? QRegion(target.rect()) : engine->systemClip();
    const QRect painted = deviceRect & systemClip.boundingRect();
    // A view of the very pixels the active painter writes to (constBits: no detach; the raster engine
    // prepared its buffer from these bytes when it began), of the same size: lines are clipped against the
    // same device bounds as in a direct paint, so their ends and corners come out the same. Each tile is
    // that view's system clip, which bounds every blend Qt makes.
    QImage view(const_cast<uchar*>(target.constBits()), target.width(), target.height(), target.bytesPerLine(),
                target.format());
    view.setDotsPerMeterX(qRound(painter.device()->logicalDpiX() / 0.0254));
    view.setDotsPerMeterY(qRound(painter.device()->logicalDpiY() / 0.0254));
    for (int top = painted.top(); top <= painted.bottom(); top += kDeviceTileSide) {
        for (int left = painted.left(); left <= painted.right(); left += kDeviceTileSide) {
            const QRegion tile = systemClip & QRect(left, top, kDeviceTileSide, kDeviceTileSide);
            if (tile.isEmpty())
                continue;
            view.paintEngine()->setSystemClip(tile);
            QPainter viewPainter;
            beginLike(viewPainter, view, painter);
            paint(viewPainter);
            viewPainter.end();
        }
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
