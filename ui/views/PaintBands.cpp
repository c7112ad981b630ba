#include "views/PaintBands.h"

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

} // namespace

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
