#pragma once
// Internal to stemcrate_audio. FLAC through libavcodec's encoder and libavformat's muxer, writing into an
// AtomicFile through a custom AVIOContext (the muxer seeks back to finish STREAMINFO). 16 or 24 bit;
// 24-bit samples travel as s32 shifted left by 8, as the encoder expects with bits_per_raw_sample = 24.
// Tags become Vorbis comments through the muxer's metadata dictionary.

#include "audio/AtomicFile.h"
#include "audio/AudioFileWriter.h"

namespace stemcrate::audio {

// format must be Int16 or Int24 (the caller rejects Float32).
Result<void> writeFlac(AtomicFile& file, const AudioBuffer& audio, SampleFormat format,
                       const WriteOptions& options);

} // namespace stemcrate::audio
