#include "audio/TagChunks.h"

#include "audio/ByteWriter.h"

#include <algorithm>
#include <bit>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <string>
#include <string_view>

namespace stemcrate::audio {
namespace {

constexpr uint8_t kId3Utf8 = 3;
constexpr uint32_t kAcidOneShot = 0x01;
constexpr uint32_t kAcidRootNoteSet = 0x02;
constexpr uint32_t kAcidStretch = 0x04;
constexpr int kDefaultRootNote = 60; // middle C: samplers play the file at its own pitch there

std::string bpmText(double bpm)
{
    char text[32];
    if (std::abs(bpm - std::round(bpm)) < 1e-6)
        std::snprintf(text, sizeof(text), "%.0f", bpm);
    else
        std::snprintf(text, sizeof(text), "%.2f", bpm);
    return text;
}

// ID3v2.4 sizes are "syncsafe": 7 bits per byte.
void syncsafe(ByteWriter& out, uint32_t value)
{
    for (int shift = 21; shift >= 0; shift -= 7)
        out.u8((value >> shift) & 0x7F);
}

void id3Frame(std::vector<uint8_t>& frames, std::string_view id, const std::string& payload)
{
    ByteWriter out(frames);
    out.tag(id);
    syncsafe(out, static_cast<uint32_t>(payload.size()));
    out.u16be(0); // flags
    out.bytes(payload);
}

void id3Text(std::vector<uint8_t>& frames, std::string_view id, const std::string& text)
{
    if (!text.empty())
        id3Frame(frames, id, std::string(1, char(kId3Utf8)) + text);
}

// TXXX and COMM carry a description before the value, terminated by a NUL.
void id3Described(std::vector<uint8_t>& frames, std::string_view id, std::string_view prefix,
                  const std::string& description, const std::string& value)
{
    std::string payload(1, char(kId3Utf8));
    payload += prefix;
    payload += description;
    payload += '\0';
    payload += value;
    id3Frame(frames, id, payload);
}

void infoField(ByteWriter& out, std::string_view id, const std::string& text)
{
    if (text.empty())
        return;
    out.tag(id);
    out.u32(static_cast<uint32_t>(text.size() + 1)); // the size includes the terminating NUL
    out.bytes(text);
    out.u8(0);
    out.padToEven(text.size() + 1);
}

void aiffText(ByteWriter& out, std::string_view id, const std::string& text)
{
    if (text.empty())
        return;
    out.tag(id);
    out.u32be(static_cast<uint32_t>(text.size()));
    out.bytes(text);
    out.padToEven(text.size());
}

// Pascal string padded so that count byte + text + pad is even (AIFF marker names).
void aiffPString(ByteWriter& out, std::string_view text)
{
    out.u8(static_cast<uint32_t>(text.size()));
    out.bytes(text);
    out.padToEven(text.size() + 1);
}

} // namespace

std::vector<uint8_t> makeId3Chunk(const AudioTags& tags, const char* chunkId, bool bigEndianSize)
{
    if (tags.empty())
        return {};
    std::vector<uint8_t> frames;
    id3Text(frames, "TIT2", tags.title);
    id3Text(frames, "TPE1", tags.artist);
    id3Text(frames, "TALB", tags.album);
    if (tags.bpm > 0)
        id3Text(frames, "TBPM", bpmText(tags.bpm));
    id3Text(frames, "TKEY", tags.key);
    if (!tags.comment.empty())
        id3Described(frames, "COMM", "eng", "", tags.comment);
    for (const auto& [name, value] : tags.extra)
        id3Described(frames, "TXXX", "", name, value);

    std::vector<uint8_t> chunk;
    ByteWriter out(chunk);
    const size_t tagSize = 10 + frames.size();
    out.tag(chunkId);
    if (bigEndianSize)
        out.u32be(static_cast<uint32_t>(tagSize));
    else
        out.u32(static_cast<uint32_t>(tagSize));
    out.tag("ID3");
    out.u8(4); // version 2.4.0
    out.u8(0);
    out.u8(0); // flags
    syncsafe(out, static_cast<uint32_t>(frames.size()));
    chunk.insert(chunk.end(), frames.begin(), frames.end());
    out.padToEven(tagSize);
    return chunk;
}

std::vector<uint8_t> makeInfoListChunk(const AudioTags& tags)
{
    std::vector<uint8_t> fields;
    ByteWriter out(fields);
    infoField(out, "INAM", tags.title);
    infoField(out, "IART", tags.artist);
    infoField(out, "IPRD", tags.album);
    infoField(out, "ICMT", tags.comment);
    if (fields.empty())
        return {};
    infoField(out, "ISFT", "Stemcrate");

    std::vector<uint8_t> chunk;
    ByteWriter list(chunk);
    list.tag("LIST");
    list.u32(static_cast<uint32_t>(4 + fields.size()));
    list.tag("INFO");
    chunk.insert(chunk.end(), fields.begin(), fields.end()); // fields are padded, so the size is even
    return chunk;
}

std::vector<uint8_t> makeSmplChunk(int sampleRate, const LoopPoints& loop, int rootNote)
{
    std::vector<uint8_t> chunk;
    chunk.reserve(8 + 36 + 24); // also spares GCC 12 a false -Wstringop-overflow on an empty vector
    ByteWriter out(chunk);
    out.tag("smpl");
    out.u32(36 + 24);
    out.u32(0);                                                                  // manufacturer
    out.u32(0);                                                                  // product
    out.u32(static_cast<uint32_t>(std::lround(1e9 / sampleRate)));               // sample period in ns
    out.u32(static_cast<uint32_t>(rootNote >= 0 ? rootNote : kDefaultRootNote)); // MIDI unity note
    out.u32(0);                                                                  // pitch fraction
    out.u32(0);                                                                  // SMPTE format
    out.u32(0);                                                                  // SMPTE offset
    out.u32(1);                                                                  // number of loops
    out.u32(0);                                                                  // sampler data bytes
    out.u32(0);                                                                  // cue point id
    out.u32(0);                                                                  // type: forward
    out.u32(static_cast<uint32_t>(loop.startFrame));
    out.u32(static_cast<uint32_t>(loop.endFrame - 1)); // inclusive
    out.u32(0);                                        // fraction
    out.u32(0);                                        // play count: forever
    return chunk;
}

std::vector<uint8_t> makeAcidChunk(int sampleRate, int64_t frames, double bpm, bool isLoop, int rootNote)
{
    const double seconds = static_cast<double>(frames) / sampleRate;
    const auto beats = static_cast<uint32_t>(std::max(1L, std::lround(seconds * bpm / 60.0)));
    uint32_t flags = isLoop ? kAcidStretch : kAcidOneShot;
    if (rootNote >= 0)
        flags |= kAcidRootNoteSet;

    std::vector<uint8_t> chunk;
    chunk.reserve(8 + 24);
    ByteWriter out(chunk);
    out.tag("acid");
    out.u32(24);
    out.u32(flags);
    out.u16(static_cast<uint32_t>(rootNote >= 0 ? rootNote : kDefaultRootNote));
    out.u16(0x8000); // unknown; the value ACID itself writes
    out.u32(0);      // unknown float, 0.0
    out.u32(beats);
    out.u16(4); // meter denominator
    out.u16(4); // meter numerator
    out.u32(std::bit_cast<uint32_t>(static_cast<float>(bpm)));
    return chunk;
}

std::vector<uint8_t> makeAiffTextChunks(const AudioTags& tags)
{
    std::vector<uint8_t> chunks;
    ByteWriter out(chunks);
    aiffText(out, "NAME", tags.title);
    aiffText(out, "AUTH", tags.artist);
    aiffText(out, "ANNO", tags.comment);
    return chunks;
}

std::vector<uint8_t> makeAiffLoopChunks(const LoopPoints& loop, int rootNote)
{
    std::vector<uint8_t> chunks;
    ByteWriter out(chunks);
    std::vector<uint8_t> markers;
    ByteWriter mark(markers);
    mark.u16be(2);
    mark.u16be(1);
    mark.u32be(static_cast<uint32_t>(loop.startFrame));
    aiffPString(mark, "beg loop");
    mark.u16be(2);
    mark.u32be(static_cast<uint32_t>(loop.endFrame));
    aiffPString(mark, "end loop");
    out.tag("MARK");
    out.u32be(static_cast<uint32_t>(markers.size()));
    chunks.insert(chunks.end(), markers.begin(), markers.end()); // even: the names are padded

    out.tag("INST");
    out.u32be(20);
    out.u8(static_cast<uint32_t>(rootNote >= 0 ? rootNote : kDefaultRootNote)); // base note
    out.u8(0);                                                                  // detune
    out.u8(0);                                                                  // low note
    out.u8(127);                                                                // high note
    out.u8(1);                                                                  // low velocity
    out.u8(127);                                                                // high velocity
    out.u16be(0);                                                               // gain in dB
    out.u16be(1);                                                               // sustain loop: forward
    out.u16be(1);                                                               // begins at marker 1
    out.u16be(2);                                                               // ends at marker 2
    out.u16be(0);                                                               // release loop: none
    out.u16be(0);
    out.u16be(0);
    return chunks;
}

int rootNoteOfKey(const std::string& key)
{
    static constexpr int kPitchClass[7] = {9, 11, 0, 2, 4, 5, 7}; // A B C D E F G
    size_t at = 0;
    while (at < key.size() && std::isspace(static_cast<unsigned char>(key[at])))
        ++at;
    if (at >= key.size())
        return -1;
    const int letter = std::toupper(static_cast<unsigned char>(key[at])) - 'A';
    if (letter < 0 || letter > 6)
        return -1;
    int pitch = kPitchClass[letter];
    const std::string_view rest = std::string_view(key).substr(at + 1);
    if (rest.starts_with("#") || rest.starts_with("\u266F"))
        ++pitch;
    else if (rest.starts_with("b") || rest.starts_with("\u266D"))
        --pitch;
    return 60 + (pitch + 12) % 12;
}

} // namespace stemcrate::audio
