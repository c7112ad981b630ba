#include "audio/Resampler.h"

#include "common/AudioBuffer.h"

extern "C" {
#include <libavutil/channel_layout.h>
}

#include <algorithm>

namespace stemcrate::audio {

Resampler::~Resampler()
{
    av_channel_layout_uninit(&m_inLayout);
}

int Resampler::configure(const AVFrame& frame, StereoChannels& out)
{
    AVChannelLayout layout{};
    // Files without a channel mask (plain WAV, raw) get the usual layout for their channel count.
    int status = frame.ch_layout.order == AV_CHANNEL_ORDER_UNSPEC
                     ? (av_channel_layout_default(&layout, frame.ch_layout.nb_channels), 0)
                     : av_channel_layout_copy(&layout, &frame.ch_layout);
    if (status < 0)
        return status;
    if (m_swr && frame.format == m_inFormat && frame.sample_rate == m_inSampleRate &&
        av_channel_layout_compare(&layout, &m_inLayout) == 0) {
        av_channel_layout_uninit(&layout);
        return 0;
    }
    if (m_swr && (status = flush(out)) < 0) {
        av_channel_layout_uninit(&layout);
        return status;
    }
    av_channel_layout_uninit(&m_inLayout);
    m_inLayout = layout; // takes ownership
    m_inFormat = frame.format;
    m_inSampleRate = frame.sample_rate;
    m_mono = layout.nb_channels == 1;

    AVChannelLayout outLayout =
        m_mono ? AVChannelLayout AV_CHANNEL_LAYOUT_MONO : AVChannelLayout AV_CHANNEL_LAYOUT_STEREO;
    SwrContext* raw = nullptr;
    status = swr_alloc_set_opts2( // FFmpeg 5.1 takes the layouts non-const
        &raw, &outLayout, AV_SAMPLE_FMT_FLTP, kEngineSampleRate, &m_inLayout,
        static_cast<AVSampleFormat>(frame.format), frame.sample_rate, 0, nullptr);
    m_swr.reset(raw);
    if (status < 0)
        return status;
    return swr_init(m_swr.get());
}

int Resampler::convert(const AVFrame& frame, StereoChannels& out)
{
    if (const int status = configure(frame, out); status < 0)
        return status;
    return run(frame.extended_data, frame.nb_samples, out);
}

int Resampler::flush(StereoChannels& out)
{
    if (!m_swr)
        return 0;
    int status = 0;
    // swr hands out what its filter still holds for a null input; repeat until it has nothing left.
    while ((status = run(nullptr, 0, out)) > 0) {
    }
    return status;
}

// Returns the frames produced (>= 0) or an AVERROR.
int Resampler::run(const uint8_t* const* input, int inputFrames, StereoChannels& out)
{
    const int capacity = swr_get_out_samples(m_swr.get(), inputFrames);
    if (capacity <= 0)
        return capacity;
    const size_t start = out[0].size();
    const int outChannels = m_mono ? 1 : 2;
    uint8_t* planes[2] = {};
    for (int c = 0; c < outChannels; ++c) {
        out[c].resize(start + static_cast<size_t>(capacity));
        planes[c] = reinterpret_cast<uint8_t*>(out[c].data() + start);
    }
    const int produced =
        swr_convert(m_swr.get(), planes, capacity, const_cast<const uint8_t**>(input), inputFrames);
    const size_t end = start + static_cast<size_t>(std::max(produced, 0));
    out[0].resize(end);
    if (m_mono)
        out[1].insert(out[1].end(), out[0].begin() + static_cast<std::ptrdiff_t>(start), out[0].end());
    else
        out[1].resize(end);
    return produced;
}

} // namespace stemcrate::audio
