#pragma once
// Benchmark-only audio files through libsndfile (FLAC in, WAV or FLAC out), for builds without FFmpeg (the
// GPU machine); tests/bench/torchaudio_throughput.py reads and writes through the same library, so both
// sides of bench_throughput pay the same codec. Outputs are written to "<path>.part" and renamed. Any thread.

#include "common/AudioBuffer.h"
#include "common/Result.h"

#include <string>

namespace stemcrate::bench {

enum class OutFormat
{
    WavFloat,
    Flac24
};

// Decodes a 44.1 kHz file into planar stereo (mono duplicated), into `out`, whose storage is reused when it
// has room (a pipeline's recycled mix: no fresh pages to fault in, nothing handed back to the kernel).
Result<void> readSndfileInto(const std::string& path, AudioBuffer& out);
Result<AudioBuffer> readSndfile(const std::string& path);

Result<void> writeSndfile(const std::string& path, const AudioBuffer& audio, OutFormat format);

// The code of before (main before s13-gpu), kept for bench_throughput --host-stages' before/after.
namespace before {
Result<AudioBuffer> readSndfile(const std::string& path);
Result<void> writeSndfile(const std::string& path, const AudioBuffer& audio, OutFormat format);
} // namespace before

// A 16-bit FLAC of a music-like signal (partials with an envelope, noise), deterministic per seed.
Result<void> writeTestFlac(const std::string& path, double seconds, unsigned seed);

} // namespace stemcrate::bench
