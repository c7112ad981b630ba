#pragma once
// Decoding any audio (or the audio stream of a video) that FFmpeg reads into the engine's format:
// 44.1 kHz, 2 channels, planar float. Mono is duplicated to both channels at unity gain; more than two
// channels are downmixed with libswresample's standard matrix. Encoder delay and padding that the file
// declares (MP3 LAME/Xing header, MP4 edit list, Opus pre-skip) are trimmed, so durations are sample-exact.
//
// Ownership: the returned Track owns its samples. Threads: both functions are reentrant and may run on any
// worker thread at once (each call owns its FFmpeg state); DecodeOptions callbacks run on the calling
// thread. Units: sample rates in Hz, durations in seconds, frames = samples per channel.
//
// Errors name the file and say what went wrong in plain words, e.g. "'song.mp3': no audio stream".
// A truncated file yields the part that could be decoded.

#include "common/AudioBuffer.h"
#include "common/AudioBufferPool.h"
#include "common/Result.h"

#include <functional>
#include <map>
#include <string>
#include <string_view>

namespace stemcrate::audio {

// The message of the Error that decodeFile returns when DecodeOptions::isCancelled said so.
inline constexpr std::string_view kCancelledMessage = "cancelled";

// Longest input decodeFile accepts; 3 hours of 44.1 kHz stereo float is about 3.8 GB of memory.
inline constexpr double kMaxDecodeSeconds = 3.0 * 3600.0;

struct TrackInfo
{
    std::string path;
    std::string codec; // FFmpeg's short codec name: "mp3", "aac", "flac", "pcm_s16le", ...
    std::string title, artist, album;
    // Every tag as FFmpeg reports it (file level, then the stream's), keys upper-cased: e.g. "BPM",
    // "TBPM", "INITIALKEY", "COMMENT". The first value wins when a key repeats.
    std::map<std::string, std::string> tags;
    int sourceSampleRate = 0; // Hz, as stored in the file
    int sourceChannels = 0;
    // probeFile: what the container claims (0 when unknown). decodeFile: exact length of Track::audio.
    double durationSeconds = 0;
};

struct Track
{
    TrackInfo info;
    AudioBuffer audio; // 44.1 kHz, 2 channels, planar
};

struct DecodeOptions
{
    // Called with a fraction in [0, 1] that only grows, at most about a thousand times, ending with 1.
    std::function<void(double fraction)> progress;
    // Polled once per packet (and while FFmpeg reads the header); returning true stops the decode.
    std::function<bool()> isCancelled;
    // Where the decode's storage comes from, and its scratch goes back to: buffers of earlier songs (a batch
    // of songs gives each mix back once it is no longer needed), so that a stream of songs stops faulting in
    // fresh pages (BENCHMARKS.md, s13-gpu). Null: fresh memory. Borrowed; any thread (the pool locks).
    AudioBufferPool* buffers = nullptr;
};

// Reads the header and tags only.
Result<TrackInfo> probeFile(const std::string& path);

// Decodes the best audio stream. Returns Error{kCancelledMessage} when cancelled.
Result<Track> decodeFile(const std::string& path, const DecodeOptions& options = {});

} // namespace stemcrate::audio
