#include "audio/StemFileWriter.h"

#include "audio/AtomicFile.h"
#include "audio/AtomicFileOutput.h"
#include "audio/FfmpegHandles.h"
#include "audio/FfmpegLog.h"
#include "audio/FileError.h"
#include "audio/SampleQuantiser.h"

extern "C" {
#include <libavutil/channel_layout.h>
}

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <optional>

namespace stemcrate::audio {
namespace {

constexpr int kStemCount = 4; // NI Stems: exactly four stems after the mix
constexpr int kAlacBits = 24;

// Big-endian box helpers for the moov rewrite.
uint32_t readU32(const uint8_t* p)
{
    return uint32_t(p[0]) << 24 | uint32_t(p[1]) << 16 | uint32_t(p[2]) << 8 | uint32_t(p[3]);
}
void putU32(std::vector<uint8_t>& out, size_t at, uint32_t v)
{
    for (int i = 0; i < 4; ++i)
        out[at + size_t(i)] = uint8_t(v >> (24 - 8 * i));
}
std::vector<uint8_t> box(const char type[4], const std::vector<uint8_t>& payload)
{
    std::vector<uint8_t> out(8 + payload.size());
    putU32(out, 0, uint32_t(out.size()));
    std::memcpy(out.data() + 4, type, 4);
    std::copy(payload.begin(), payload.end(), out.begin() + 8);
    return out;
}

// One box of a list: offset, total size, header size, type. nullopt where the list is malformed.
struct Box
{
    size_t at = 0, size = 0;
    char type[5] = {};
};
std::optional<std::vector<Box>> boxesOf(const uint8_t* data, size_t size)
{
    std::vector<Box> boxes;
    for (size_t at = 0; at < size;) {
        if (size - at < 8)
            return std::nullopt;
        const uint32_t length = readU32(data + at);
        if (length < 8 || length > size - at) // 64-bit and to-the-end sizes never occur inside our moov
            return std::nullopt;
        Box b;
        b.at = at;
        b.size = length;
        std::memcpy(b.type, data + at + 4, 4);
        boxes.push_back(b);
        at += length;
    }
    return boxes;
}

// moov with the `stem` box appended to its udta (a udta is created at the end of moov if there is none).
std::optional<std::vector<uint8_t>> withStemBox(const uint8_t* moov, size_t moovSize, const std::string& json)
{
    const std::vector<uint8_t> stemBox = box("stem", std::vector<uint8_t>(json.begin(), json.end()));
    const auto children = boxesOf(moov + 8, moovSize - 8);
    if (!children)
        return std::nullopt;
    std::vector<uint8_t> payload;
    bool placed = false;
    for (const Box& child : *children) {
        const uint8_t* begin = moov + 8 + child.at;
        if (std::strcmp(child.type, "udta") == 0 && !placed) {
            std::vector<uint8_t> udta(begin + 8, begin + child.size);
            udta.insert(udta.end(), stemBox.begin(), stemBox.end());
            const std::vector<uint8_t> grown = box("udta", udta);
            payload.insert(payload.end(), grown.begin(), grown.end());
            placed = true;
        } else {
            payload.insert(payload.end(), begin, begin + child.size);
        }
    }
    if (!placed) {
        const std::vector<uint8_t> udta = box("udta", stemBox);
        payload.insert(payload.end(), udta.begin(), udta.end());
    }
    return box("moov", payload);
}

std::string jsonEscaped(const std::string& text)
{
    std::string out;
    for (char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            char escape[8];
            std::snprintf(escape, sizeof escape, "\\u%04x", c);
            out += escape;
        } else {
            out += c;
        }
    }
    return out;
}

class StemMp4Run
{
public:
    StemMp4Run(AtomicFile& file, std::vector<const AudioBuffer*> tracks, const StemFileOptions& options,
               std::string manifest)
        : m_output(file), m_tracks(std::move(tracks)), m_options(options), m_manifest(std::move(manifest))
    {
    }

    Result<void> run();

private:
    struct Encoder
    {
        CodecContextPtr context;
        AVStream* stream = nullptr;
    };

    int open();
    int openEncoder(size_t index);
    int encodeBlock(int64_t first, int frames);
    int drain(Encoder& encoder, const AVFrame* frame);
    int addManifest();
    Error failure(int status) const { return m_output.failure(status, "stem file encoding failed"); }

    AtomicFileOutput m_output; // outlives m_muxer's use of it; keeps the trailer's bytes for the moov rewrite
    const std::vector<const AudioBuffer*> m_tracks; // the mix, then the stems
    const StemFileOptions& m_options;
    const std::string m_manifest;
    const int64_t m_frames = m_tracks.front()->frames;
    OutputFormatPtr m_muxer;
    std::vector<Encoder> m_encoders;
    PacketPtr m_packet;
    FramePtr m_frame;
};

int StemMp4Run::openEncoder(size_t index)
{
    const bool alac = m_options.codec == StemCodec::Alac;
    const AVCodec* codec = avcodec_find_encoder(alac ? AV_CODEC_ID_ALAC : AV_CODEC_ID_AAC);
    if (!codec)
        return AVERROR_ENCODER_NOT_FOUND;
    Encoder encoder;
    encoder.context.reset(avcodec_alloc_context3(codec));
    if (!encoder.context)
        return AVERROR(ENOMEM);
    AVCodecContext* c = encoder.context.get();
    const AudioBuffer& audio = *m_tracks[index];
    c->sample_rate = audio.sampleRate;
    c->time_base = AVRational{1, audio.sampleRate};
    av_channel_layout_default(&c->ch_layout, audio.channels);
    if (alac) {
        c->sample_fmt = AV_SAMPLE_FMT_S32P;
        c->bits_per_raw_sample = kAlacBits;
    } else {
        c->sample_fmt = AV_SAMPLE_FMT_FLTP;
        c->bit_rate = m_options.aacBitRate;
    }
    if (m_muxer->oformat->flags & AVFMT_GLOBALHEADER)
        c->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    if (int status = avcodec_open2(c, codec, nullptr); status < 0)
        return status;
    encoder.stream = avformat_new_stream(m_muxer.get(), nullptr);
    if (!encoder.stream)
        return AVERROR(ENOMEM);
    encoder.stream->time_base = c->time_base;
    // Only the mix plays in ordinary players; the mp4 muxer marks the other tracks disabled.
    encoder.stream->disposition = index == 0 ? AV_DISPOSITION_DEFAULT : 0;
    if (int status = avcodec_parameters_from_context(encoder.stream->codecpar, c); status < 0)
        return status;
    m_encoders.push_back(std::move(encoder));
    return 0;
}

int StemMp4Run::open()
{
    m_packet.reset(av_packet_alloc());
    m_frame.reset(av_frame_alloc());
    AVFormatContext* muxer = nullptr;
    int status = avformat_alloc_output_context2(&muxer, nullptr, "mp4", nullptr);
    m_muxer.reset(muxer);
    if (status < 0)
        return status;
    if (!m_packet || !m_frame)
        return AVERROR(ENOMEM);
    for (size_t i = 0; i < m_tracks.size(); ++i)
        if ((status = openEncoder(i)) < 0)
            return status;

    if ((status = m_output.attachTo(muxer)) < 0)
        return status;
    const AudioTags& tags = m_options.tags;
    for (const auto& [key, value] : {std::pair{"title", tags.title}, std::pair{"artist", tags.artist},
                                     std::pair{"album", tags.album}, std::pair{"comment", tags.comment}})
        if (!value.empty() && (status = av_dict_set(&muxer->metadata, key, value.c_str(), 0)) < 0)
            return status;
    return avformat_write_header(muxer, nullptr); // no faststart: moov goes last
}

int StemMp4Run::drain(Encoder& encoder, const AVFrame* frame)
{
    int status = avcodec_send_frame(encoder.context.get(), frame);
    if (status < 0)
        return status;
    while ((status = avcodec_receive_packet(encoder.context.get(), m_packet.get())) >= 0) {
        av_packet_rescale_ts(m_packet.get(), encoder.context->time_base, encoder.stream->time_base);
        m_packet->stream_index = encoder.stream->index;
        if ((status = av_interleaved_write_frame(m_muxer.get(), m_packet.get())) < 0)
            return status;
    }
    return status == AVERROR(EAGAIN) || status == AVERROR_EOF ? 0 : status;
}

int StemMp4Run::encodeBlock(int64_t first, int frames)
{
    for (size_t t = 0; t < m_tracks.size(); ++t) {
        const AudioBuffer& audio = *m_tracks[t];
        Encoder& encoder = m_encoders[t];
        AVFrame* frame = m_frame.get();
        av_frame_unref(frame);
        frame->nb_samples = frames;
        frame->format = encoder.context->sample_fmt;
        frame->pts = first;
        int status = av_channel_layout_copy(&frame->ch_layout, &encoder.context->ch_layout);
        if (status < 0 || (status = av_frame_get_buffer(frame, 0)) < 0)
            return status;
        const int64_t available = std::clamp<int64_t>(audio.frames - first, 0, frames);
        for (int c = 0; c < audio.channels; ++c) {
            const float* source = audio.channel(c) + first;
            if (encoder.context->sample_fmt == AV_SAMPLE_FMT_FLTP) {
                auto* target = reinterpret_cast<float*>(frame->data[c]);
                std::copy(source, source + available, target);
                std::fill(target + available, target + frames, 0.0f);
            } else {
                // 24-bit, left-justified in 32 bits, as FFmpeg's ALAC encoder takes them (no dither: the
                // float stems carry no more than 24 bits of a useful signal).
                SampleQuantiser quantiser(kAlacBits, Dither::None);
                auto* target = reinterpret_cast<int32_t*>(frame->data[c]);
                for (int64_t i = 0; i < frames; ++i)
                    target[i] =
                        i < available
                            ? static_cast<int32_t>(static_cast<uint32_t>(quantiser.quantise(source[i])) << 8)
                            : 0;
            }
        }
        if ((status = drain(encoder, frame)) < 0)
            return status;
    }
    return 0;
}

// Rewrites the moov the trailer wrote at the end of the file, with moov/udta/stem added.
int StemMp4Run::addManifest()
{
    const std::vector<uint8_t> tail = m_output.captured();
    const auto top = boxesOf(tail.data(), tail.size());
    if (!top || top->empty() || std::strcmp(top->front().type, "moov") != 0)
        return AVERROR_BUG; // the muxer did not put moov last
    const Box& moov = top->front();
    const auto grown = withStemBox(tail.data() + moov.at, moov.size, m_manifest);
    if (!grown)
        return AVERROR_BUG;
    std::vector<uint8_t> rewritten = *grown;
    rewritten.insert(rewritten.end(), tail.begin() + std::ptrdiff_t(moov.at + moov.size), tail.end());
    if (int status = m_output.seekTo(m_output.captureStart()); status < 0)
        return status;
    return m_output.write(rewritten.data(), rewritten.size());
}

Result<void> StemMp4Run::run()
{
    if (int status = open(); status < 0)
        return failure(status);
    const int blockFrames =
        m_encoders.front().context->frame_size > 0 ? m_encoders.front().context->frame_size : 4096;
    for (int64_t first = 0; first < m_frames; first += blockFrames) {
        const int frames = static_cast<int>(std::min<int64_t>(blockFrames, m_frames - first));
        if (int status = encodeBlock(first, frames); status < 0)
            return failure(status);
    }
    for (Encoder& encoder : m_encoders)
        if (int status = drain(encoder, nullptr); status < 0)
            return failure(status);
    if (int status = av_interleaved_write_frame(m_muxer.get(), nullptr); status < 0)
        return failure(status);
    if (int status = m_output.flush(); status < 0)
        return failure(status);
    m_output.captureFromHere();
    if (int status = av_write_trailer(m_muxer.get()); status < 0)
        return failure(status);
    if (int status = m_output.flush(); status < 0)
        return failure(status);
    if (int status = addManifest(); status < 0)
        return failure(status);
    return {};
}

} // namespace

const char* defaultStemColor(int index)
{
    static const char* kColors[kStemCount] = {"#009E73", "#D55E00", "#CC79A7", "#56B4E9"};
    return kColors[std::clamp(index, 0, kStemCount - 1)];
}

std::string stemManifestJson(const std::vector<StemTrack>& stems)
{
    // NI's layout: the mastering DSP present and off, then one entry per stem in track order.
    std::string json =
        "{\"version\":1,\"mastering_dsp\":{\"compressor\":{\"enabled\":false,\"input_gain\":0.5,"
        "\"output_gain\":0.5,\"threshold\":0,\"dry_wet\":50,\"attack\":0.003,\"release\":0.3,"
        "\"ratio\":3,\"hp_cutoff\":300},\"limiter\":{\"enabled\":false,\"threshold\":0,"
        "\"ceiling\":-0.35,\"release\":0.05}},\"stems\":[";
    for (size_t i = 0; i < stems.size(); ++i) {
        if (i > 0)
            json += ",";
        const std::string color = stems[i].color.empty() ? defaultStemColor(int(i)) : stems[i].color;
        json += "{\"name\":\"" + jsonEscaped(stems[i].name) + "\",\"color\":\"" + jsonEscaped(color) + "\"}";
    }
    return json + "]}";
}

Result<void> writeStemFile(const std::string& path, const AudioBuffer& mix,
                           const std::vector<StemTrack>& stems, const StemFileOptions& options)
{
    if (stems.size() != kStemCount)
        return fileError(path,
                         "an NI Stems file holds exactly four stems, not " + std::to_string(stems.size()));
    std::vector<const AudioBuffer*> tracks = {&mix};
    for (const StemTrack& stem : stems) {
        if (!stem.audio || stem.audio->channels != mix.channels || stem.audio->sampleRate != mix.sampleRate)
            return fileError(path, "the stems differ from the mix in channels or sample rate");
        tracks.push_back(stem.audio);
    }
    if (mix.frames < 1 || mix.channels < 1 || mix.channels > 2)
        return fileError(path, "a stem file needs mono or stereo audio");
    installFfmpegLogging();
    Result<AtomicFile> file = AtomicFile::create(path);
    if (!file)
        return makeError(file.error());
    if (Result<void> written = StemMp4Run(file.value(), tracks, options, stemManifestJson(stems)).run();
        !written)
        return written;
    return file->commit();
}

} // namespace stemcrate::audio
