#pragma once
// Writing an AudioBuffer to a WAV or FLAC file. The file appears atomically (see AtomicFile): the caller
// names the final path, an existing file there is replaced only once the new one is complete, and on any
// error the final path is left as it was.
//
// WAV: PCM 16/24-bit or IEEE float 32-bit (with a 'fact' chunk); WAVE_FORMAT_EXTENSIBLE only for more than
// two channels; files over 4 GiB are refused. FLAC: 16 or 24 bit (FLAC cannot store float).
// Integer formats clamp to [-1, 1] and round to nearest (sample * 2^(bits-1)).
//
// Ownership: reads audio, owns nothing afterwards. Threads: reentrant, any thread. Units: audio.sampleRate
// in Hz, audio.frames per channel; 1 to 8 channels.

#include "common/AudioBuffer.h"
#include "common/Result.h"

#include <string>

namespace stemcrate::audio {

enum class FileFormat
{
    Wav,
    Flac
};

enum class SampleFormat
{
    Int16,
    Int24,
    Float32
};

// Noise added before rounding to an integer format. Only None exists so far; TPDF dither will be added
// here and applied in SampleQuantiser.
enum class Dither
{
    None
};

struct WriteOptions
{
    Dither dither = Dither::None;
};

Result<void> writeAudioFile(const std::string& path, const AudioBuffer& audio, FileFormat format,
                            SampleFormat sampleFormat, const WriteOptions& options = {});

} // namespace stemcrate::audio
