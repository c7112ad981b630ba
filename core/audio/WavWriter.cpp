#include "audio/WavWriter.h"

#include "audio/ByteWriter.h"
#include "audio/FileError.h"
#include "audio/InterleavedWriter.h"
#include "audio/SampleQuantiser.h"
#include "audio/TagChunks.h"

#include <algorithm>
#include <bit>
#include <cstdint>

namespace stemcrate::audio {
namespace {

constexpr uint16_t kFormatPcm = 1;
constexpr uint16_t kFormatIeeeFloat = 3;
constexpr uint16_t kFormatExtensible = 0xFFFE;
constexpr uint64_t kMaxRiffSize = 0xFFFFFFFFu;

int bytesPerSample(SampleFormat format)
{
    switch (format) {
    case SampleFormat::Int16:
        return 2;
    case SampleFormat::Int24:
        return 3;
    case SampleFormat::Float32:
        return 4;
    }
    return 0;
}

// KSDATAFORMAT_SUBTYPE_PCM / _IEEE_FLOAT: {0000000T-0000-0010-8000-00AA00389B71} with T the format tag.
void writeSubFormatGuid(ByteWriter& out, uint16_t formatTag)
{
    out.u32(formatTag);
    out.u16(0x0000);
    out.u16(0x0010);
    for (uint8_t byte : {0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71})
        out.u8(byte);
}

// LIST/INFO, id3, acid and smpl, in that order.
std::vector<uint8_t> metadataChunks(const AudioBuffer& audio, const WriteOptions& options)
{
    const int rootNote = rootNoteOfKey(options.tags.key);
    std::vector<uint8_t> chunks = makeInfoListChunk(options.tags);
    auto append = [&chunks](const std::vector<uint8_t>& chunk) {
        chunks.insert(chunks.end(), chunk.begin(), chunk.end());
    };
    append(makeId3Chunk(options.tags, "id3 ", false));
    if (options.tags.bpm > 0)
        append(makeAcidChunk(audio.sampleRate, audio.frames, options.tags.bpm, options.loop.has_value(),
                             rootNote));
    if (options.loop)
        append(makeSmplChunk(audio.sampleRate, *options.loop, rootNote));
    return chunks;
}

} // namespace

Result<std::vector<uint8_t>> makeWavHeader(int channels, int sampleRate, int64_t frames, SampleFormat format,
                                           const std::vector<uint8_t>& extraChunks)
{
    const bool isFloat = format == SampleFormat::Float32;
    const bool extensible = channels > 2;
    const uint16_t formatTag = isFloat ? kFormatIeeeFloat : kFormatPcm;
    const uint32_t fmtSize = extensible ? 40 : isFloat ? 18 : 16;
    const uint32_t blockAlign = static_cast<uint32_t>(channels * bytesPerSample(format));

    const uint64_t dataSize = static_cast<uint64_t>(frames) * blockAlign;
    const uint64_t pad = dataSize & 1; // chunks are word-aligned
    const uint64_t riffSize =
        4 + (8 + fmtSize) + (isFloat ? 12 : 0) + extraChunks.size() + 8 + dataSize + pad;
    if (frames < 0 || riffSize > kMaxRiffSize)
        return makeError("too long for a WAV file (over 4 GiB)");

    std::vector<uint8_t> header;
    ByteWriter out(header);
    out.tag("RIFF");
    out.u32(static_cast<uint32_t>(riffSize));
    out.tag("WAVE");

    out.tag("fmt ");
    out.u32(fmtSize);
    out.u16(extensible ? kFormatExtensible : formatTag);
    out.u16(static_cast<uint32_t>(channels));
    out.u32(static_cast<uint32_t>(sampleRate));
    out.u32(static_cast<uint32_t>(sampleRate) * blockAlign); // bytes per second
    out.u16(blockAlign);
    out.u16(static_cast<uint32_t>(8 * bytesPerSample(format)));
    if (extensible) {
        out.u16(22);                                                // cbSize
        out.u16(static_cast<uint32_t>(8 * bytesPerSample(format))); // valid bits
        out.u32(0);                                                 // channel mask: no speaker assignment
        writeSubFormatGuid(out, formatTag);
    } else if (isFloat) {
        out.u16(0); // cbSize
    }

    if (isFloat) {
        out.tag("fact");
        out.u32(4);
        out.u32(static_cast<uint32_t>(frames));
    }
    header.insert(header.end(), extraChunks.begin(), extraChunks.end());
    out.tag("data");
    out.u32(static_cast<uint32_t>(dataSize));
    return header;
}

Result<void> writeWav(AtomicFile& file, const AudioBuffer& audio, SampleFormat format,
                      const WriteOptions& options)
{
    auto header =
        makeWavHeader(audio.channels, audio.sampleRate, audio.frames, format, metadataChunks(audio, options));
    if (!header)
        return fileError(file.finalPath(), header.error());
    if (auto written = file.write(header->data(), header->size()); !written)
        return written;

    const int sampleBytes = bytesPerSample(format);
    Result<void> written;
    if (format == SampleFormat::Float32) {
        written = writeInterleavedFloats(file, audio);
    } else {
        SampleQuantiser quantiser(format == SampleFormat::Int24 ? 24 : 16, options.dither, options.ditherSeed);
        written = writeInterleaved(file, audio, sampleBytes, [&](uint8_t*& out, float sample) {
            storeLittle(out, static_cast<uint32_t>(quantiser.quantise(sample)), sampleBytes);
        });
    }
    if (!written)
        return written;
    if ((audio.frames * audio.channels * sampleBytes) & 1) { // the data chunk's pad byte
        const uint8_t pad = 0;
        return file.write(&pad, 1);
    }
    return {};
}

} // namespace stemcrate::audio
