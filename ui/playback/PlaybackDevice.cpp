#include "playback/PlaybackDevice.h"

#include "playback/FitStage.h"
#include "playback/StemMixer.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace stemcrate::ui {

PlaybackDevice::PlaybackDevice(StemMixer& mixer, const QAudioFormat& format, QObject* parent)
    : QIODevice(parent), m_mixer(mixer), m_format(format),
      m_channels(std::clamp(format.channelCount(), 1, 2)),
      m_scratch(static_cast<size_t>(2 * kBlockFrames), 0.0f)
{
}

qint64 PlaybackDevice::bytesAvailable() const
{
    // Endless while open: the sink decides how much it wants; silence follows the song's end.
    return qint64(kBlockFrames) * m_format.bytesPerFrame() + QIODevice::bytesAvailable();
}

qint64 PlaybackDevice::readData(char* data, qint64 maxSize)
{
    if (m_firstPullMs.load(std::memory_order_relaxed) == 0) {
        // The monotonic clock, read without locks or allocation.
        m_firstPullMs.store(steadyMilliseconds(), std::memory_order_relaxed);
    }
    const int bytesPerFrame = m_format.bytesPerFrame();
    const bool isFloat = m_format.sampleFormat() == QAudioFormat::Float;
    const int deviceChannels = m_format.channelCount();
    qint64 frames = bytesPerFrame > 0 ? maxSize / bytesPerFrame : 0;
    qint64 written = 0;
    while (frames > 0) {
        const qint64 block = std::min<qint64>(frames, kBlockFrames);
        float* planes[2] = {m_scratch.data(), m_scratch.data() + kBlockFrames};
        if (m_fit)
            m_fit->render(m_mixer, planes, m_channels, block);
        else
            m_mixer.render(planes, m_channels, block);
        char* out = data + written;
        for (qint64 i = 0; i < block; ++i) {
            for (int c = 0; c < deviceChannels; ++c) {
                const float v = planes[std::min(c, m_channels - 1)][i];
                const qint64 index = i * deviceChannels + c;
                if (isFloat) {
                    reinterpret_cast<float*>(out)[index] = v;
                } else {
                    const float clamped = std::clamp(v, -1.0f, 1.0f);
                    reinterpret_cast<qint16*>(out)[index] =
                        static_cast<qint16>(std::lrint(clamped * 32767.0f));
                }
            }
        }
        written += block * bytesPerFrame;
        frames -= block;
    }
    return written;
}

} // namespace stemcrate::ui
