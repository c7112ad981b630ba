#pragma once
// StemFileWriter: an NI Stems file (".stem.mp4", read by Traktor and Mixxx 2.6): one MP4 holding the mix and
// four stems as five AAC or ALAC audio tracks, the mix first and the only track flagged default (the stems'
// tracks are disabled, so ordinary players play the mix), and the stem manifest: a `stem` box inside
// moov/udta whose payload is JSON,
//   {"version":1,"mastering_dsp":{...off...},"stems":[{"name":"Drums","color":"#009E73"}, ...]}
// with one entry per stem, in track order after the mix.
//
// FFmpeg's mp4 muxer writes the tracks (moov last, no faststart); it cannot write arbitrary udta boxes, so
// the moov it wrote at the end of the file is rewritten with the `stem` box added to its udta. Nothing
// before moov moves, so the chunk offsets (stco/co64) stay valid. The file appears atomically (AtomicFile).
//
// Ownership: reads the buffers during the call. Threads: reentrant; call from a worker thread. Units: all
// buffers at one sample rate, as long as the mix (a shorter stem is padded with silence).

#include "audio/AudioFileWriter.h"
#include "common/AudioBuffer.h"
#include "common/Result.h"

#include <string>
#include <vector>

namespace stemcrate::audio {

enum class StemCodec
{
    Aac, // lossy, 256 kb/s per track: NI's recommendation, what Traktor writes
    Alac // lossless, 24-bit
};

struct StemTrack
{
    std::string name;  // shown by the DJ software, e.g. "Drums"
    std::string color; // "#RRGGBB"
    const AudioBuffer* audio = nullptr;
};

struct StemFileOptions
{
    StemCodec codec = StemCodec::Aac;
    int aacBitRate = 256'000; // per track, bits per second
    AudioTags tags;           // title, artist, album go into the MP4's iTunes metadata
};

// The NI layout has exactly four stems; their colours default to NI's (see defaultStemColor).
Result<void> writeStemFile(const std::string& path, const AudioBuffer& mix,
                           const std::vector<StemTrack>& stems, const StemFileOptions& options = {});

// The manifest JSON written into moov/udta/stem.
std::string stemManifestJson(const std::vector<StemTrack>& stems);

// NI's default colours for stem i (0..3): drums green, bass orange, other pink, vocals blue.
const char* defaultStemColor(int index);

} // namespace stemcrate::audio
