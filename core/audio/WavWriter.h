#pragma once
// Internal to stemcrate_audio. RIFF/WAVE written byte by byte, so that the layout is exact and chunks
// (e.g. 'smpl' loop points) can be added later. Layout:
//   RIFF <size> WAVE | fmt  <16 PCM | 18 float | 40 extensible> | [fact <4> <frames>] | data <size> <samples>
//   [pad]
// 'fact' is written for float data, as the format requires for non-PCM; extensible only above 2 channels.

#include "audio/AtomicFile.h"
#include "audio/AudioFileWriter.h"

#include <cstdint>
#include <vector>

namespace stemcrate::audio {

// The header (everything before the sample bytes), or an Error with the reason (no path) when the
// data would not fit a 32-bit RIFF size.
Result<std::vector<uint8_t>> makeWavHeader(int channels, int sampleRate, int64_t frames, SampleFormat format);

Result<void> writeWav(AtomicFile& file, const AudioBuffer& audio, SampleFormat format, Dither dither);

} // namespace stemcrate::audio
