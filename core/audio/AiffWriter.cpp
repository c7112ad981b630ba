#include "audio/AiffWriter.h"

#include "audio/ByteWriter.h"
#include "audio/FileError.h"
#include "audio/InterleavedWriter.h"
#include "audio/SampleQuantiser.h"
#include "audio/TagChunks.h"

#include <algorithm>
#include <bit>

namespace stemcrate::audio {
namespace {

constexpr uint64_t kMaxFormSize = 0xFFFFFFFFu;
constexpr int kExtendedExponentBias = 16383;

} // namespace

std::array<uint8_t, 10> extendedFloat80(uint32_t sampleRate)
{
    std::array<uint8_t, 10> bytes{};
    if (sampleRate == 0)
        return bytes;
    // Normalised: the mantissa's top bit is the explicit integer bit.
    const int exponent = std::bit_width(sampleRate) - 1;
    const uint64_t mantissa = static_cast<uint64_t>(sampleRate) << (63 - exponent);
    const uint32_t biased = static_cast<uint32_t>(exponent + kExtendedExponentBias);
    bytes[0] = static_cast<uint8_t>(biased >> 8);
    bytes[1] = static_cast<uint8_t>(biased);
    for (int i = 0; i < 8; ++i)
        bytes[2 + i] = static_cast<uint8_t>(mantissa >> (56 - 8 * i));
    return bytes;
}

Result<void> writeAiff(AtomicFile& file, const AudioBuffer& audio, SampleFormat format,
                       const WriteOptions& options)
{
    const int bits = format == SampleFormat::Int24 ? 24 : 16;
    const int sampleBytes = bits / 8;
    const int rootNote = rootNoteOfKey(options.tags.key);

    std::vector<uint8_t> chunks = makeAiffTextChunks(options.tags);
    const std::vector<uint8_t> id3 = makeId3Chunk(options.tags, "ID3 ", true);
    chunks.insert(chunks.end(), id3.begin(), id3.end());
    if (options.loop) {
        const std::vector<uint8_t> loop = makeAiffLoopChunks(*options.loop, rootNote);
        chunks.insert(chunks.end(), loop.begin(), loop.end());
    }

    const uint64_t dataSize = static_cast<uint64_t>(audio.frames) * audio.channels * sampleBytes;
    const uint64_t pad = dataSize & 1;
    const uint64_t formSize = 4 + (8 + 18) + chunks.size() + (8 + 8 + dataSize) + pad;
    if (formSize > kMaxFormSize)
        return fileError(file.finalPath(), "too long for an AIFF file (over 4 GiB)");

    std::vector<uint8_t> header;
    ByteWriter out(header);
    out.tag("FORM");
    out.u32be(static_cast<uint32_t>(formSize));
    out.tag("AIFF");
    out.tag("COMM");
    out.u32be(18);
    out.u16be(static_cast<uint32_t>(audio.channels));
    out.u32be(static_cast<uint32_t>(audio.frames));
    out.u16be(static_cast<uint32_t>(bits));
    for (uint8_t byte : extendedFloat80(static_cast<uint32_t>(audio.sampleRate)))
        out.u8(byte);
    header.insert(header.end(), chunks.begin(), chunks.end());
    out.tag("SSND");
    out.u32be(static_cast<uint32_t>(8 + dataSize));
    out.u32be(0); // offset
    out.u32be(0); // block size
    if (auto written = file.write(header.data(), header.size()); !written)
        return written;

    SampleQuantiser quantiser(bits, options.dither, options.ditherSeed);
    auto written = writeInterleaved(file, audio, sampleBytes, [&](uint8_t*& out, float sample) {
        storeBig(out, static_cast<uint32_t>(quantiser.quantise(sample)), sampleBytes);
    });
    if (!written)
        return written;
    if (pad) {
        const uint8_t zero = 0;
        return file.write(&zero, 1);
    }
    return {};
}

} // namespace stemcrate::audio
