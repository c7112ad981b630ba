#pragma once
// Internal to stemcrate_audio. Streams planar audio into a file frame-interleaved (frame by frame, channel
// by channel), as WAV and AIFF store it, a block of frames at a time so memory stays small however long the
// audio is. `put(ByteWriter&, float sample)` encodes one sample (byte order, bit depth, dither are the
// caller's).

#include "audio/AtomicFile.h"
#include "audio/ByteWriter.h"
#include "common/AudioBuffer.h"
#include "common/Result.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace stemcrate::audio {

template <typename Put>
Result<void> writeInterleaved(AtomicFile& file, const AudioBuffer& audio, int sampleBytes, Put&& put)
{
    constexpr int64_t kFramesPerBlock = 4096;
    std::vector<uint8_t> block;
    block.reserve(static_cast<size_t>(kFramesPerBlock * audio.channels * sampleBytes));
    for (int64_t first = 0; first < audio.frames; first += kFramesPerBlock) {
        const int64_t last = std::min(first + kFramesPerBlock, audio.frames);
        block.clear();
        ByteWriter out(block);
        for (int64_t frame = first; frame < last; ++frame)
            for (int c = 0; c < audio.channels; ++c)
                put(out, audio.channel(c)[frame]);
        if (auto written = file.write(block.data(), block.size()); !written)
            return written;
    }
    return {};
}

} // namespace stemcrate::audio
