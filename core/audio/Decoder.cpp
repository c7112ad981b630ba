#include "audio/Decoder.h"

#include "audio/InputFile.h"
#include "audio/Resampler.h"

#include <algorithm>
#include <cstdio>
#include <optional>

namespace stemcrate::audio {
namespace {

// The header's duration only sizes the first allocation; a lying header must not allocate gigabytes.
constexpr double kMaxReserveSeconds = 20.0 * 60.0;
// Damaged packets are skipped; this many in a row means the stream is garbage, not a scratch.
constexpr int kMaxConsecutiveDecodeErrors = 100;
// Progress is reported in steps of at least this fraction.
constexpr double kProgressStep = 0.001;

// Decoders report damaged packets with many codes (INVALIDDATA, EPERM, PATCHWELCOME, ...). Like the ffmpeg
// CLI, skip the packet and go on; only running out of memory is fatal.
bool isDamagedData(int status)
{
    return status < 0 && status != AVERROR(EAGAIN) && status != AVERROR_EOF && status != AVERROR(ENOMEM);
}

Error cancelledError()
{
    return makeError(std::string(kCancelledMessage));
}

std::string secondsText(size_t frames)
{
    char text[32];
    std::snprintf(text, sizeof(text), "%.1f", static_cast<double>(frames) / kEngineSampleRate);
    return text;
}

// Per-call decoding state: one packet in, frames out, resampled into m_out.
class DecodeRun
{
public:
    DecodeRun(InputFile& input, const DecodeOptions& options) : m_input(input), m_options(options) {}

    Result<Track> run();

private:
    Result<void> openDecoder();
    // Receives all frames the decoder has ready. Returns false with m_error set on a fatal error.
    bool drainDecoder();
    void trimToContainerEnd(AVFrame& frame) const;
    void noteDamage(int status)
    {
        ++m_consecutiveErrors;
        m_lastDamage = status;
    }
    bool cancelled() const { return m_options.isCancelled && m_options.isCancelled(); }
    void reportProgress(const AVPacket& packet);
    Error failure(int status) const;
    Track finish();

    InputFile& m_input;
    const DecodeOptions& m_options;
    CodecContextPtr m_codec;
    FramePtr m_frame;
    Resampler m_resampler;
    StereoChannels m_out;
    std::optional<Error> m_error;
    int64_t m_containerEndPts = AV_NOPTS_VALUE; // stream time base; see trimToContainerEnd
    int m_consecutiveErrors = 0;
    int m_lastDamage = 0;
    bool m_decodedAnything = false;
    double m_lastProgress = -1.0;
};

Result<void> DecodeRun::openDecoder()
{
    const std::string& path = m_input.info.path;
    m_codec.reset(avcodec_alloc_context3(m_input.decoder));
    m_frame.reset(av_frame_alloc());
    if (!m_codec || !m_frame)
        return fileError(path, "out of memory");
    int status = avcodec_parameters_to_context(m_codec.get(), m_input.stream->codecpar);
    m_codec->pkt_timebase = m_input.stream->time_base;
    if (status >= 0)
        status = avcodec_open2(m_codec.get(), m_input.decoder, nullptr);
    if (status < 0)
        return fileError(path,
                         "cannot decode its " + m_input.info.codec + " audio: " + ffmpegErrorText(status));
    return {};
}

Error DecodeRun::failure(int status) const
{
    return fileError(m_input.info.path, "decoding failed after " + secondsText(m_out[0].size()) +
                                            " s: " + ffmpegErrorText(status));
}

bool DecodeRun::drainDecoder()
{
    AVFrame* frame = m_frame.get();
    for (;;) {
        int status = avcodec_receive_frame(m_codec.get(), frame);
        if (status == AVERROR(EAGAIN) || status == AVERROR_EOF)
            return true;
        if (isDamagedData(status)) {
            noteDamage(status);
            return true;
        }
        if (status < 0) {
            m_error = failure(status);
            return false;
        }
        trimToContainerEnd(*frame);
        status = frame->nb_samples > 0 ? m_resampler.convert(*frame, m_out) : 0;
        av_frame_unref(frame);
        if (status < 0) {
            m_error = failure(status);
            return false;
        }
        m_consecutiveErrors = 0;
        m_decodedAnything = true;
        if (static_cast<double>(m_out[0].size()) > kMaxDecodeSeconds * kEngineSampleRate) {
            m_error = fileError(m_input.info.path,
                                "longer than " + std::to_string(static_cast<int>(kMaxDecodeSeconds / 3600)) +
                                    " hours, too long to load");
            return false;
        }
    }
}

// FFmpeg 5.1's MP4 demuxer applies an edit list's start (the AAC encoder delay, via skip samples) but not
// its end, so the last codec frame would keep its padding. Cut frames at the end the edit list declares.
void DecodeRun::trimToContainerEnd(AVFrame& frame) const
{
    const int64_t pts = frame.best_effort_timestamp;
    if (m_containerEndPts == AV_NOPTS_VALUE || pts == AV_NOPTS_VALUE || frame.sample_rate <= 0)
        return;
    const int64_t keep =
        av_rescale_q(m_containerEndPts - pts, m_input.stream->time_base, AVRational{1, frame.sample_rate});
    frame.nb_samples = static_cast<int>(std::clamp<int64_t>(keep, 0, frame.nb_samples));
}

void DecodeRun::reportProgress(const AVPacket& packet)
{
    if (!m_options.progress)
        return;
    double fraction = -1.0;
    const AVStream& stream = *m_input.stream;
    if (m_input.info.durationSeconds > 0 && packet.pts != AV_NOPTS_VALUE) {
        const int64_t start = stream.start_time != AV_NOPTS_VALUE ? stream.start_time : 0;
        fraction =
            static_cast<double>(packet.pts - start) * av_q2d(stream.time_base) / m_input.info.durationSeconds;
    } else if (AVIOContext* io = m_input.format->pb) {
        // No usable timestamps: fall back to how far through the file the reader is.
        const int64_t size = avio_size(io);
        if (size > 0)
            fraction = static_cast<double>(avio_tell(io)) / static_cast<double>(size);
    }
    fraction = std::clamp(fraction, 0.0, 1.0);
    if (fraction >= m_lastProgress + kProgressStep && fraction < 1.0) {
        m_lastProgress = fraction;
        m_options.progress(fraction);
    }
}

Track DecodeRun::finish()
{
    Track track;
    track.info = std::move(m_input.info);
    const size_t frames = m_out[0].size();
    track.audio.sampleRate = kEngineSampleRate;
    track.audio.channels = kEngineChannels;
    track.audio.frames = static_cast<int64_t>(frames);
    // Planar layout is left then right; left's vector was reserved for both, so this usually doesn't copy it.
    track.audio.samples = std::move(m_out[0]);
    track.audio.samples.insert(track.audio.samples.end(), m_out[1].begin(), m_out[1].end());
    if (m_options.buffers) {
        AudioBuffer scratch;
        scratch.samples = std::move(m_out[1]);
        m_options.buffers->give(std::move(scratch));
    }
    m_out[1] = {};
    track.info.durationSeconds = static_cast<double>(frames) / kEngineSampleRate;
    if (m_options.progress)
        m_options.progress(1.0);
    return track;
}

Result<Track> DecodeRun::run()
{
    const std::string& path = m_input.info.path;
    if (auto opened = openDecoder(); !opened)
        return makeError(opened.error());

    AVFormatContext* format = m_input.format.get();
    for (unsigned i = 0; i < format->nb_streams; ++i) {
        if (format->streams[i] != m_input.stream)
            format->streams[i]->discard = AVDISCARD_ALL; // a video's pictures are never demuxed in full
    }
    const AVStream& stream = *m_input.stream;
    if (std::string_view(format->iformat->name).starts_with("mov,") && stream.duration > 0)
        m_containerEndPts = (stream.start_time != AV_NOPTS_VALUE ? stream.start_time : 0) + stream.duration;

    if (m_options.buffers) // the left channel then the right go into the larger; the smaller is scratch
        for (SampleVector& channel : m_out) {
            channel = std::move(m_options.buffers->take().samples);
            channel.clear(); // the capacity stays
        }
    const double reserveSeconds = std::min(m_input.info.durationSeconds, kMaxReserveSeconds);
    const auto reserveFrames = static_cast<size_t>(std::max(reserveSeconds, 0.0) * kEngineSampleRate) + 4096;
    m_out[0].reserve(2 * reserveFrames);
    m_out[1].reserve(reserveFrames);

    PacketPtr packet(av_packet_alloc());
    if (!packet)
        return fileError(path, "out of memory");
    for (;;) {
        if (cancelled())
            return cancelledError();
        int status = av_read_frame(format, packet.get());
        if (status == AVERROR_EOF)
            break;
        if (status == AVERROR_EXIT)
            return cancelledError();
        if (status == AVERROR_INVALIDDATA) {
            if (!m_decodedAnything)
                return fileError(path, "not an audio file FFmpeg can read");
            break; // a damaged or truncated tail: keep what decoded
        }
        if (status < 0)
            return failure(status);
        if (packet->stream_index != m_input.stream->index) {
            av_packet_unref(packet.get());
            continue;
        }
        reportProgress(*packet);
        status = avcodec_send_packet(m_codec.get(), packet.get());
        av_packet_unref(packet.get());
        if (isDamagedData(status))
            noteDamage(status);
        else if (status < 0)
            return failure(status);
        if (!drainDecoder())
            return *m_error;
        if (m_consecutiveErrors > kMaxConsecutiveDecodeErrors) {
            if (!m_decodedAnything)
                return fileError(path, "not an audio file FFmpeg can read");
            return failure(m_lastDamage);
        }
    }
    // End of input: the decoder and then the resampler still hold the last samples.
    if (const int status = avcodec_send_packet(m_codec.get(), nullptr); status < 0 && status != AVERROR_EOF)
        return failure(status);
    if (!drainDecoder())
        return *m_error;
    if (const int status = m_resampler.flush(m_out); status < 0)
        return failure(status);
    if (m_out[0].empty())
        return fileError(path, m_decodedAnything || m_consecutiveErrors == 0
                                   ? "contains no audio"
                                   : "not an audio file FFmpeg can read");
    return finish();
}

} // namespace

Result<TrackInfo> probeFile(const std::string& path)
{
    auto input = openInputFile(path, nullptr);
    if (!input)
        return makeError(input.error());
    return std::move(input.value().info);
}

Result<Track> decodeFile(const std::string& path, const DecodeOptions& options)
{
    const std::function<bool()>* isCancelled = options.isCancelled ? &options.isCancelled : nullptr;
    auto input = openInputFile(path, isCancelled);
    if (!input)
        return makeError(input.error());
    return DecodeRun(input.value(), options).run();
}

} // namespace stemcrate::audio
