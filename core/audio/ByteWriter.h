#pragma once
// Internal to stemcrate_audio. Appends fixed-size fields to a byte vector, little-endian (RIFF/WAV) or
// big-endian (AIFF, ID3). Does not own the vector.

#include <cstdint>
#include <string_view>
#include <vector>

namespace stemcrate::audio {

class ByteWriter
{
public:
    explicit ByteWriter(std::vector<uint8_t>& bytes) : m_bytes(bytes) {}
    void tag(std::string_view fourCC) { bytes(fourCC); }
    void bytes(std::string_view text) { m_bytes.insert(m_bytes.end(), text.begin(), text.end()); }
    void u8(uint32_t value) { m_bytes.push_back(static_cast<uint8_t>(value)); }
    void u16(uint32_t value) { little(value, 2); }
    void u24(uint32_t value) { little(value, 3); }
    void u32(uint32_t value) { little(value, 4); }
    void u16be(uint32_t value) { big(value, 2); }
    void u24be(uint32_t value) { big(value, 3); }
    void u32be(uint32_t value) { big(value, 4); }
    // RIFF and AIFF chunks are word-aligned: a chunk of odd size is followed by a zero byte.
    void padToEven(size_t chunkSize)
    {
        if (chunkSize & 1)
            u8(0);
    }
    size_t size() const { return m_bytes.size(); }

private:
    void little(uint32_t value, int count)
    {
        for (int i = 0; i < count; ++i)
            m_bytes.push_back(static_cast<uint8_t>(value >> (8 * i)));
    }
    void big(uint32_t value, int count)
    {
        for (int i = count - 1; i >= 0; --i)
            m_bytes.push_back(static_cast<uint8_t>(value >> (8 * i)));
    }
    std::vector<uint8_t>& m_bytes;
};

} // namespace stemcrate::audio
