#pragma once
// Internal to stemcrate_audio. AIFF written byte by byte, big-endian:
//   FORM <size> AIFF | COMM <18> | [NAME] [AUTH] [ANNO] [ID3 ] | [MARK] [INST] | SSND <size> 0 0 <samples>
// 16 or 24-bit PCM. COMM's sample rate is an 80-bit IEEE 754 extended float.

#include "audio/AtomicFile.h"
#include "audio/AudioFileWriter.h"

#include <array>
#include <cstdint>

namespace stemcrate::audio {

// The 80-bit extended (big-endian) encoding of a positive whole sample rate.
std::array<uint8_t, 10> extendedFloat80(uint32_t sampleRate);

// format must be Int16 or Int24 (the caller rejects Float32).
Result<void> writeAiff(AtomicFile& file, const AudioBuffer& audio, SampleFormat format,
                       const WriteOptions& options);

} // namespace stemcrate::audio
