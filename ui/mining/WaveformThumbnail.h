#pragma once
// renderWaveformThumbnail: a peak outline of frames [startFrame, endFrame) of a buffer (all channels), for
// lists and strips. Any thread (worker threads included: a QImage, not a QPixmap). Units: frames, pixels.

#include "common/AudioBuffer.h"

#include <QImage>
#include <QSize>

namespace stemcrate::ui {

QImage renderWaveformThumbnail(const AudioBuffer& audio, int64_t startFrame, int64_t endFrame, QSize size);

} // namespace stemcrate::ui
