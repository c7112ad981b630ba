#include "mining/SliceStrip.h"

#include "views/PaintBands.h"

#include <QPainter>

namespace stemcrate::ui {

SliceStrip::SliceStrip(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("sliceStrip"));
    setMinimumHeight(48);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void SliceStrip::setSlices(int64_t startFrame, int64_t endFrame, std::vector<mining::Slice> slices, QImage outline)
{
    m_startFrame = startFrame;
    m_endFrame = endFrame;
    m_slices = std::move(slices);
    m_outline = std::move(outline);
    m_active = -1;
    update();
}

void SliceStrip::setActive(int index)
{
    m_active = index;
    update();
}

void SliceStrip::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().base());
    if (m_endFrame <= m_startFrame)
        return;
    const auto xOf = [this](int64_t frame) {
        return static_cast<int>(double(frame - m_startFrame) / double(m_endFrame - m_startFrame) * width());
    };
    if (m_active >= 0 && m_active < static_cast<int>(m_slices.size())) {
        const mining::Slice& s = m_slices[static_cast<size_t>(m_active)];
        painter.fillRect(QRect(QPoint(xOf(s.startFrame), 0), QPoint(xOf(s.endFrame), height())),
                         palette().highlight().color().lighter(160));
    }
    if (!m_outline.isNull())
        drawImageInBands(painter, QRectF(rect()), m_outline, QRectF(m_outline.rect()));
    painter.setPen(palette().highlight().color());
    for (size_t i = 0; i < m_slices.size(); ++i) {
        const int x = xOf(m_slices[i].startFrame);
        painter.drawLine(x, 0, x, height());
        painter.drawText(x + 2, 12, QString::number(i + 1));
    }
}

} // namespace stemcrate::ui
