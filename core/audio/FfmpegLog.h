#pragma once
// FFmpeg's own diagnostics. By default FFmpeg prints them to stderr; stemcrate_audio silences that the first
// time it touches FFmpeg and hands lines of warning level or worse to the sink set here instead (none by
// default, so they are dropped). The app points the sink at its log file (XDG state folder).
// Threads: the sink is called from whichever thread runs FFmpeg code, possibly several at once, so it must
// be thread-safe. setFfmpegLogSink may be called from any thread.

#include <functional>
#include <string_view>

namespace stemcrate::audio {

using FfmpegLogSink = std::function<void(std::string_view line)>;

void setFfmpegLogSink(FfmpegLogSink sink);

// Idempotent and thread-safe; every decode/probe/write entry point calls it.
void installFfmpegLogging();

} // namespace stemcrate::audio
