#include "audio/FfmpegLog.h"

extern "C" {
#include <libavutil/log.h>
}

#include <cstdarg>
#include <memory>
#include <mutex>

namespace stemcrate::audio {
namespace {

std::mutex g_sinkMutex;
std::shared_ptr<const FfmpegLogSink> g_sink; // guarded by g_sinkMutex

void forwardToSink(void* avClass, int level, const char* format, va_list args)
{
    if (level > AV_LOG_WARNING)
        return;
    std::shared_ptr<const FfmpegLogSink> sink;
    {
        std::lock_guard lock(g_sinkMutex);
        sink = g_sink;
    }
    if (!sink || !*sink)
        return;
    // FFmpeg may split one line over several calls; the prefix state follows the calling thread.
    thread_local int printPrefix = 1;
    char line[1024];
    av_log_format_line2(avClass, level, format, args, line, sizeof(line), &printPrefix);
    std::string_view text(line);
    while (!text.empty() && text.back() == '\n')
        text.remove_suffix(1);
    if (!text.empty())
        (*sink)(text);
}

} // namespace

void setFfmpegLogSink(FfmpegLogSink sink)
{
    installFfmpegLogging();
    auto shared = std::make_shared<const FfmpegLogSink>(std::move(sink));
    std::lock_guard lock(g_sinkMutex);
    g_sink = std::move(shared);
}

void installFfmpegLogging()
{
    static std::once_flag installed;
    std::call_once(installed, [] { av_log_set_callback(&forwardToSink); });
}

} // namespace stemcrate::audio
