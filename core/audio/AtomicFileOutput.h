#pragma once
// Internal to stemcrate_audio. AtomicFileOutput: FFmpeg's custom output (an AVIOContext) over an AtomicFile,
// for the muxers that write FLAC and NI Stems files. A failed write keeps the file's own words ("cannot
// write: No space left on device") for the error the caller returns; the write position is tracked, and the
// bytes written from a chosen point on can be kept (the mp4 trailer's moov, which the stem writer rewrites).
//
// Owner: the encoding run that owns the muxer; declare it before the muxer so it outlives the muxer's use.
// Threads: one thread, the encoding run's.

#include "audio/AtomicFile.h"
#include "audio/FfmpegHandles.h"
#include "common/Result.h"

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace stemcrate::audio {

class AtomicFileOutput
{
public:
    explicit AtomicFileOutput(AtomicFile& file) : m_file(file) {}
    AtomicFileOutput(const AtomicFileOutput&) = delete;
    AtomicFileOutput& operator=(const AtomicFileOutput&) = delete;

    // Makes the AVIOContext and hands it to the muxer as its custom I/O. An FFmpeg error code (< 0) when out
    // of memory, else 0.
    int attachTo(AVFormatContext* muxer);

    // Flushes FFmpeg's buffer into the file; the AVIOContext's error (< 0) if a write failed, else 0.
    int flush();

    // Writes bytes at the file's current position outside the muxer, keeping a failure's error; an FFmpeg
    // error code (< 0) on failure, else 0.
    int write(const uint8_t* bytes, size_t size);

    // Moves the file's position (outside the muxer); an FFmpeg error code (< 0) on failure, else 0.
    int seekTo(int64_t position);

    // From here on, every byte written at or after the current position is also kept in captured().
    void captureFromHere() { m_captureFrom = m_position; m_captured.clear(); }
    int64_t captureStart() const { return m_captureFrom; }
    const std::vector<uint8_t>& captured() const { return m_captured; }

    // The error to return for an FFmpeg status: the failed write's own error if there was one, else
    // "'<path>': <what>: <FFmpeg's text>".
    Error failure(int status, std::string_view what) const;

private:
    static int writePacket(void* opaque, uint8_t* bytes, int size);
    static int64_t seekFile(void* opaque, int64_t offset, int whence);
    void capture(const uint8_t* bytes, int64_t size);

    AtomicFile& m_file;
    IoContextPtr m_io;
    std::optional<Error> m_writeError;
    int64_t m_position = 0;     // where the next write lands
    int64_t m_captureFrom = -1; // bytes written from here on are copied into m_captured
    std::vector<uint8_t> m_captured;
};

} // namespace stemcrate::audio
