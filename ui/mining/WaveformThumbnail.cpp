#include "mining/WaveformThumbnail.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace stemcrate::ui {

QImage renderWaveformThumbnail(const AudioBuffer& audio, int64_t startFrame, int64_t endFrame, QSize size)
{
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setPen(QColor(90, 160, 230));
    const int w = image.width(), h = image.height();
    const int64_t frames = std::max<int64_t>(1, endFrame - startFrame);
    for (int x = 0; x < w; ++x) {
        const int64_t from = startFrame + frames * x / w;
        const int64_t to = std::max(from + 1, startFrame + frames * (x + 1) / w);
        float peak = 0.0f;
        for (int c = 0; c < audio.channels; ++c)
            for (int64_t i = std::max<int64_t>(0, from); i < to && i < audio.frames; ++i)
                peak = std::max(peak, std::fabs(audio.channel(c)[i]));
        const int half = std::clamp(static_cast<int>(peak * float(h) / 2), 0, h / 2);
        painter.drawLine(x, h / 2 - half, x, h / 2 + half);
    }
    return image;
}

} // namespace stemcrate::ui
