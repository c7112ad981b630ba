#include "views/ColumnStrokes.h"

#include <algorithm>
#include <cmath>

namespace stemcrate::ui {

ColumnStrokes::ColumnStrokes(QSize size)
    : m_area(QPoint(0, 0), size), m_image(size, QImage::Format_ARGB32_Premultiplied)
{
    m_image.fill(Qt::transparent);
}

ColumnStrokes::ColumnStrokes(const QRect& area, QImage& scratch)
{
    constexpr QImage::Format kFormat = QImage::Format_ARGB32_Premultiplied;
    if (scratch.format() != kFormat)
        return; // never converted or allocated here: an empty area
    m_area = QRect(area.topLeft(), area.size().boundedTo(scratch.size()));
    if (m_area.isEmpty())
        return;
    // A view of the scratch's pixels (its row stride): no copy, no allocation. bits() of a scratch that
    // another QImage shares would detach (copy): StrokeScratch keeps it unshared.
    m_image = QImage(scratch.bits(), m_area.width(), m_area.height(), scratch.bytesPerLine(), kFormat);
    m_image.fill(Qt::transparent);
}

void ColumnStrokes::stroke(int x, double top, double bottom, const QColor& colour)
{
    const int column = x - m_area.left();
    if (column < 0 || column >= m_image.width() || m_image.height() == 0)
        return;
    if (bottom < top)
        std::swap(top, bottom);
    // The rows of the area among floor(top)..floor(bottom), found in double (a huge amplitude must not
    // overflow int).
    const double first = std::max(std::floor(top), double(m_area.top()));
    const double last = std::min(std::floor(bottom), double(m_area.bottom()));
    if (!(first <= last)) // none, or not a number
        return;
    const int r0 = int(first) - m_area.top(), r1 = int(last) - m_area.top();
    const QRgb pixel = qPremultiply(colour.rgba());
    uchar* bits = m_image.bits(); // one detach check, not one per row
    const qsizetype stride = m_image.bytesPerLine();
    for (int r = r0; r <= r1; ++r)
        reinterpret_cast<QRgb*>(bits + r * stride)[column] = pixel;
}

} // namespace stemcrate::ui
