#pragma once
// Internal to stemcrate_audio. RIFF/WAVE written byte by byte, so that the layout is exact and chunks
// (e.g. 'smpl' loop points) can be added later. Layout:
//   RIFF <size> WAVE | fmt  <16 PCM | 18 float | 40 extensible> | [fact <4> <frames>] | [LIST INFO] [id3 ]
//   [acid] [smpl] | data <size> <samples> [pad]
// 'fact' is written for float data, as the format requires for non-PCM; extensible only above 2 channels.
// Metadata sits before 'data' so that readers which stop at 'data' (and streaming readers) still see it.

#include "audio/AtomicFile.h"
#include "audio/AudioFileWriter.h"

#include <cstdint>
#include <vector>

namespace stemcrate::audio {

// The header (everything before the sample bytes), or an Error with the reason (no path) when the
// data would not fit a 32-bit RIFF size.
// extraChunks (complete, padded chunks) go between fmt/fact and data.
Result<std::vector<uint8_t>> makeWavHeader(int channels, int sampleRate, int64_t frames, SampleFormat format,
                                           const std::vector<uint8_t>& extraChunks = {});

Result<void> writeWav(AtomicFile& file, const AudioBuffer& audio, SampleFormat format,
                      const WriteOptions& options);

} // namespace stemcrate::audio
