#include "audio/FlacWriter.h"

#include "audio/AtomicFileOutput.h"
#include "audio/FfmpegHandles.h"
#include "audio/FfmpegLog.h"
#include "audio/SampleQuantiser.h"

extern "C" {
#include <libavutil/channel_layout.h>
}

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

namespace stemcrate::audio {
namespace {


class FlacEncodeRun
{
public:
    FlacEncodeRun(AtomicFile& file, const AudioBuffer& audio, SampleFormat format,
                  const WriteOptions& options)
        : m_output(file), m_audio(audio), m_options(options), m_bits(format == SampleFormat::Int24 ? 24 : 16),
          m_quantiser(m_bits, options.dither, options.ditherSeed)
    {
    }

    Result<void> run();

private:
    int open();
    int setVorbisComments();
    int encodeFrame(int64_t first, int frames);
    int sendAndMux(const AVFrame* frame);
    Error failure(int status) const { return m_output.failure(status, "FLAC encoding failed"); }

    // m_output outlives m_muxer's use of it: members are destroyed in reverse order.
    AtomicFileOutput m_output;
    const AudioBuffer& m_audio;
    const WriteOptions& m_options;
    const int m_bits;
    SampleQuantiser m_quantiser;
    OutputFormatPtr m_muxer;
    CodecContextPtr m_encoder;
    AVStream* m_stream = nullptr;
    PacketPtr m_packet;
    FramePtr m_frame;
};

int FlacEncodeRun::open()
{
    const AVCodec* codec = avcodec_find_encoder(AV_CODEC_ID_FLAC);
    if (!codec)
        return AVERROR_ENCODER_NOT_FOUND;
    m_encoder.reset(avcodec_alloc_context3(codec));
    m_packet.reset(av_packet_alloc());
    m_frame.reset(av_frame_alloc());
    if (!m_encoder || !m_packet || !m_frame)
        return AVERROR(ENOMEM);
    m_encoder->sample_rate = m_audio.sampleRate;
    m_encoder->time_base = AVRational{1, m_audio.sampleRate};
    m_encoder->sample_fmt = m_bits == 24 ? AV_SAMPLE_FMT_S32 : AV_SAMPLE_FMT_S16;
    m_encoder->bits_per_raw_sample = m_bits;
    av_channel_layout_default(&m_encoder->ch_layout, m_audio.channels);

    AVFormatContext* muxer = nullptr;
    int status = avformat_alloc_output_context2(&muxer, nullptr, "flac", nullptr);
    m_muxer.reset(muxer);
    if (status < 0)
        return status;
    if (muxer->oformat->flags & AVFMT_GLOBALHEADER)
        m_encoder->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    if ((status = avcodec_open2(m_encoder.get(), codec, nullptr)) < 0)
        return status;

    if ((status = m_output.attachTo(muxer)) < 0)
        return status;

    m_stream = avformat_new_stream(muxer, nullptr);
    if (!m_stream)
        return AVERROR(ENOMEM);
    m_stream->time_base = m_encoder->time_base;
    if ((status = avcodec_parameters_from_context(m_stream->codecpar, m_encoder.get())) < 0)
        return status;
    if ((status = setVorbisComments()) < 0)
        return status;
    return avformat_write_header(muxer, nullptr);
}

// The muxer writes its metadata dictionary as the VORBIS_COMMENT block, keys as given.
int FlacEncodeRun::setVorbisComments()
{
    const AudioTags& tags = m_options.tags;
    std::vector<std::pair<std::string, std::string>> comments = {{"TITLE", tags.title},
                                                                 {"ARTIST", tags.artist},
                                                                 {"ALBUM", tags.album},
                                                                 {"COMMENT", tags.comment},
                                                                 {"INITIALKEY", tags.key}};
    if (tags.bpm > 0) {
        char bpm[32];
        std::snprintf(bpm, sizeof(bpm), "%g", tags.bpm);
        comments.emplace_back("BPM", bpm);
    }
    comments.insert(comments.end(), tags.extra.begin(), tags.extra.end());
    if (const auto& loop = m_options.loop) {
        comments.emplace_back("LOOPSTART", std::to_string(loop->startFrame));
        comments.emplace_back("LOOPLENGTH", std::to_string(loop->endFrame - loop->startFrame));
        comments.emplace_back("LOOPEND", std::to_string(loop->endFrame));
    }
    for (const auto& [key, value] : comments) {
        if (value.empty())
            continue;
        if (int status = av_dict_set(&m_muxer->metadata, key.c_str(), value.c_str(), 0); status < 0)
            return status;
    }
    return 0;
}

int FlacEncodeRun::sendAndMux(const AVFrame* frame)
{
    int status = avcodec_send_frame(m_encoder.get(), frame);
    if (status < 0)
        return status;
    while ((status = avcodec_receive_packet(m_encoder.get(), m_packet.get())) >= 0) {
        av_packet_rescale_ts(m_packet.get(), m_encoder->time_base, m_stream->time_base);
        m_packet->stream_index = m_stream->index;
        if ((status = av_write_frame(m_muxer.get(), m_packet.get())) < 0) // takes the packet's reference
            return status;
    }
    return status == AVERROR(EAGAIN) || status == AVERROR_EOF ? 0 : status;
}

int FlacEncodeRun::encodeFrame(int64_t first, int frames)
{
    AVFrame* frame = m_frame.get();
    av_frame_unref(frame);
    frame->nb_samples = frames;
    frame->format = m_encoder->sample_fmt;
    frame->pts = first;
    int status = av_channel_layout_copy(&frame->ch_layout, &m_encoder->ch_layout);
    if (status < 0 || (status = av_frame_get_buffer(frame, 0)) < 0)
        return status;
    // The encoder takes interleaved samples; 24-bit ones left-justified in 32 bits.
    const int channels = m_audio.channels;
    for (int c = 0; c < channels; ++c) {
        const float* source = m_audio.channel(c) + first;
        if (m_bits == 24) {
            auto* target = reinterpret_cast<int32_t*>(frame->data[0]) + c;
            for (int i = 0; i < frames; ++i)
                target[i * channels] =
                    static_cast<int32_t>(static_cast<uint32_t>(m_quantiser.quantise(source[i])) << 8);
        } else {
            auto* target = reinterpret_cast<int16_t*>(frame->data[0]) + c;
            for (int i = 0; i < frames; ++i)
                target[i * channels] = static_cast<int16_t>(m_quantiser.quantise(source[i]));
        }
    }
    return sendAndMux(frame);
}

Result<void> FlacEncodeRun::run()
{
    if (int status = open(); status < 0)
        return failure(status);
    const int blockFrames = m_encoder->frame_size > 0 ? m_encoder->frame_size : 4096;
    for (int64_t first = 0; first < m_audio.frames; first += blockFrames) {
        const int frames = static_cast<int>(std::min<int64_t>(blockFrames, m_audio.frames - first));
        if (int status = encodeFrame(first, frames); status < 0)
            return failure(status);
    }
    if (int status = sendAndMux(nullptr); status < 0)
        return failure(status);
    if (int status = av_write_trailer(m_muxer.get()); status < 0)
        return failure(status);
    if (int status = m_output.flush(); status < 0)
        return failure(status);
    return {};
}

} // namespace

Result<void> writeFlac(AtomicFile& file, const AudioBuffer& audio, SampleFormat format,
                       const WriteOptions& options)
{
    installFfmpegLogging();
    return FlacEncodeRun(file, audio, format, options).run();
}

} // namespace stemcrate::audio
