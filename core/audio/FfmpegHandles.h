#pragma once
// Internal to stemcrate_audio (includes FFmpeg; never include from a public header).
// Owning smart pointers for FFmpeg's C handles, so every exit path frees them.

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/error.h>
#include <libavutil/frame.h>
#include <libswresample/swresample.h>
}

#include <memory>
#include <string>

namespace stemcrate::audio {

struct InputFormatDeleter
{
    void operator()(AVFormatContext* context) const { avformat_close_input(&context); }
};
struct OutputFormatDeleter
{
    void operator()(AVFormatContext* context) const { avformat_free_context(context); }
};
struct CodecContextDeleter
{
    void operator()(AVCodecContext* context) const { avcodec_free_context(&context); }
};
struct PacketDeleter
{
    void operator()(AVPacket* packet) const { av_packet_free(&packet); }
};
struct FrameDeleter
{
    void operator()(AVFrame* frame) const { av_frame_free(&frame); }
};
struct SwrDeleter
{
    void operator()(SwrContext* context) const { swr_free(&context); }
};
// Custom AVIOContext: its buffer belongs to FFmpeg (it may reallocate it), so free that first.
struct IoContextDeleter
{
    void operator()(AVIOContext* io) const
    {
        if (io)
            av_freep(&io->buffer);
        avio_context_free(&io);
    }
};

using InputFormatPtr = std::unique_ptr<AVFormatContext, InputFormatDeleter>;
using OutputFormatPtr = std::unique_ptr<AVFormatContext, OutputFormatDeleter>;
using CodecContextPtr = std::unique_ptr<AVCodecContext, CodecContextDeleter>;
using PacketPtr = std::unique_ptr<AVPacket, PacketDeleter>;
using FramePtr = std::unique_ptr<AVFrame, FrameDeleter>;
using SwrPtr = std::unique_ptr<SwrContext, SwrDeleter>;
using IoContextPtr = std::unique_ptr<AVIOContext, IoContextDeleter>;

// A write-only AVIOContext over the caller's callbacks (opaque is passed to them), with a 64 KiB buffer that
// FFmpeg owns; null when out of memory.
inline IoContextPtr makeWriteIo(void* opaque, int (*write)(void*, uint8_t*, int),
                                int64_t (*seek)(void*, int64_t, int))
{
    constexpr int kIoBufferBytes = 64 * 1024;
    auto* buffer = static_cast<unsigned char*>(av_malloc(kIoBufferBytes));
    if (!buffer)
        return nullptr;
    IoContextPtr io(avio_alloc_context(buffer, kIoBufferBytes, 1, opaque, nullptr, write, seek));
    if (!io)
        av_free(buffer);
    return io;
}

// av_err2str is a compound-literal macro that C++ rejects; this is the same text as a std::string.
inline std::string ffmpegErrorText(int code)
{
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, text, sizeof(text));
    return text;
}

} // namespace stemcrate::audio
