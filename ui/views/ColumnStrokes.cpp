#include "views/ColumnStrokes.h"

#include <algorithm>
#include <cmath>

namespace stemcrate::ui {

ColumnStrokes::ColumnStrokes(QSize size) : m_image(size, QImage::Format_ARGB32_Premultiplied)
{
    m_image.fill(Qt::transparent);
}

ColumnStrokes::ColumnStrokes(QSize size, QImage& scratch)
{
    constexpr QImage::Format kFormat = QImage::Format_ARGB32_Premultiplied;
    if (size.isEmpty())
        return;
    if (scratch.format() != kFormat || scratch.width() < size.width() || scratch.height() < size.height())
        scratch = QImage(size.expandedTo(scratch.size()), kFormat);
    // A view of the scratch's pixels (its row stride): no copy, no allocation.
    m_image = QImage(scratch.bits(), size.width(), size.height(), scratch.bytesPerLine(), kFormat);
    m_image.fill(Qt::transparent);
}

void ColumnStrokes::stroke(int x, double top, double bottom, const QColor& colour)
{
    if (x < 0 || x >= m_image.width() || m_image.height() == 0)
        return;
    if (bottom < top)
        std::swap(top, bottom);
    const int last = m_image.height() - 1;
    const int r0 = std::clamp(int(std::floor(top)), 0, last);
    const int r1 = std::clamp(int(std::floor(bottom)), 0, last);
    const QRgb pixel = qPremultiply(colour.rgba());
    uchar* bits = m_image.bits(); // one detach check, not one per row
    const qsizetype stride = m_image.bytesPerLine();
    for (int r = r0; r <= r1; ++r)
        reinterpret_cast<QRgb*>(bits + r * stride)[x] = pixel;
}

} // namespace stemcrate::ui
