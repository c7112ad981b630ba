#pragma once
// AudioBuffer: planar float audio. Channel c occupies samples[c * frames, (c + 1) * frames).
// Units: frames (one sample per channel), sampleRate in Hz. Plain value type; not thread-safe to mutate
// while shared. The engine's canonical format is 44.1 kHz stereo (kEngineSampleRate, kEngineChannels).

#include <cstddef>
#include <cstdint>
#include <vector>

namespace stemcrate {

inline constexpr int kEngineSampleRate = 44100;
inline constexpr int kEngineChannels = 2;

struct AudioBuffer
{
    int sampleRate = kEngineSampleRate;
    int channels = 0;
    int64_t frames = 0;
    std::vector<float> samples; // planar, channels * frames

    AudioBuffer() = default;
    AudioBuffer(int channelCount, int64_t frameCount, int rate = kEngineSampleRate)
        : sampleRate(rate), channels(channelCount), frames(frameCount),
          samples(static_cast<std::size_t>(channelCount) * static_cast<std::size_t>(frameCount), 0.0f)
    {
    }

    float* channel(int c)
    {
        return samples.data() + static_cast<std::size_t>(c) * static_cast<std::size_t>(frames);
    }
    const float* channel(int c) const
    {
        return samples.data() + static_cast<std::size_t>(c) * static_cast<std::size_t>(frames);
    }
    double seconds() const { return sampleRate > 0 ? static_cast<double>(frames) / sampleRate : 0.0; }
};

} // namespace stemcrate
