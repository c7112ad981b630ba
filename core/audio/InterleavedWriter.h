#pragma once
// Internal to stemcrate_audio. Streams planar audio into a file frame-interleaved (frame by frame, channel
// by channel), as WAV and AIFF store it, a block of frames at a time so memory stays small however long the
// audio is: one write() per block of kFramesPerBlock frames.
//   - writeInterleaved: `put(uint8_t*& out, float sample)` stores one encoded sample at `out` and advances it
//     (byte order, bit depth, dither are the caller's; samples come in file order, so a dither's noise
//     sequence is that of the file).
//   - writeInterleavedFloats: 32-bit IEEE float, little-endian: on a little-endian machine the samples' own
//     bytes, interleaved without a per-sample conversion.
// Threads: any; the block buffer is the call's own.

#include "audio/AtomicFile.h"
#include "common/AudioBuffer.h"
#include "common/Result.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <vector>

namespace stemcrate::audio {

// 512 KB a block for stereo float: few system calls, and the block stays in the core's cache.
inline constexpr int64_t kFramesPerBlock = 65536;

inline void storeLittle(uint8_t*& out, uint32_t value, int bytes)
{
    for (int i = 0; i < bytes; ++i)
        *out++ = static_cast<uint8_t>(value >> (8 * i));
}

inline void storeBig(uint8_t*& out, uint32_t value, int bytes)
{
    for (int i = bytes - 1; i >= 0; --i)
        *out++ = static_cast<uint8_t>(value >> (8 * i));
}

template <typename Put>
Result<void> writeInterleaved(AtomicFile& file, const AudioBuffer& audio, int sampleBytes, Put&& put)
{
    std::vector<uint8_t> block(static_cast<size_t>(kFramesPerBlock * audio.channels * sampleBytes));
    for (int64_t first = 0; first < audio.frames; first += kFramesPerBlock) {
        const int64_t last = std::min(first + kFramesPerBlock, audio.frames);
        uint8_t* out = block.data();
        for (int64_t frame = first; frame < last; ++frame)
            for (int c = 0; c < audio.channels; ++c)
                put(out, audio.channel(c)[frame]);
        if (auto written = file.write(block.data(), static_cast<size_t>(out - block.data())); !written)
            return written;
    }
    return {};
}

// Frames [first, first + count) of every channel, interleaved into `out`.
inline void interleaveFloats(const AudioBuffer& audio, int64_t first, int64_t count, float* out)
{
    if (audio.channels == 2) { // the engine's format: a loop the compiler vectorises
        const float* left = audio.channel(0) + first;
        const float* right = audio.channel(1) + first;
        for (int64_t i = 0; i < count; ++i) {
            out[2 * i] = left[i];
            out[2 * i + 1] = right[i];
        }
        return;
    }
    for (int c = 0; c < audio.channels; ++c) {
        const float* source = audio.channel(c) + first;
        for (int64_t i = 0; i < count; ++i)
            out[i * audio.channels + c] = source[i];
    }
}

inline Result<void> writeInterleavedFloats(AtomicFile& file, const AudioBuffer& audio)
{
    if constexpr (std::endian::native != std::endian::little) {
        return writeInterleaved(file, audio, 4, [](uint8_t*& out, float sample) {
            storeLittle(out, std::bit_cast<uint32_t>(sample), 4);
        });
    } else {
        std::vector<float> block(static_cast<size_t>(kFramesPerBlock * audio.channels));
        for (int64_t first = 0; first < audio.frames; first += kFramesPerBlock) {
            const int64_t count = std::min(kFramesPerBlock, audio.frames - first);
            interleaveFloats(audio, first, count, block.data());
            if (auto written = file.write(block.data(), static_cast<size_t>(count * audio.channels) * sizeof(float));
                !written)
                return written;
        }
        return {};
    }
}

} // namespace stemcrate::audio
