#pragma once
// Internal to stemcrate_audio. Converts decoded frames of any sample format, rate and channel layout to the
// engine's 44.1 kHz stereo planar float, appending to two growing channel vectors. Mono is duplicated at
// unity gain (swr's own mono->stereo matrix would lower it by 3 dB); more channels use swr's default
// downmix matrix. Reconfigures itself (after draining) if the input format changes mid-stream.
// One thread at a time.

#include "audio/FfmpegHandles.h"
#include "common/AudioBuffer.h"

#include <array>

namespace stemcrate::audio {

using StereoChannels = std::array<SampleVector, 2>; // moved into AudioBuffer::samples when done

class Resampler
{
public:
    Resampler() = default;
    ~Resampler();
    Resampler(const Resampler&) = delete;
    Resampler& operator=(const Resampler&) = delete;

    // Returns 0 or an AVERROR.
    int convert(const AVFrame& frame, StereoChannels& out);
    // Drains the samples still held in the resampler's filter. Returns 0 or an AVERROR.
    int flush(StereoChannels& out);

private:
    int configure(const AVFrame& frame, StereoChannels& out);
    int run(const uint8_t* const* input, int inputFrames, StereoChannels& out);

    SwrPtr m_swr;
    AVChannelLayout m_inLayout{};
    int m_inSampleRate = 0;
    int m_inFormat = -1;
    bool m_mono = false;
};

} // namespace stemcrate::audio
