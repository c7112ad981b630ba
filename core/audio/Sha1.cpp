#include "audio/Sha1.h"

extern "C" {
#include <libavutil/mem.h>
#include <libavutil/sha.h>
}

#include <algorithm>
#include <cstdint>
#include <new>

namespace stemcrate::audio {

namespace {

constexpr int kSha1Bits = 160;
// av_sha_update's length was an unsigned int before FFmpeg 5; feed it in pieces that fit either.
constexpr size_t kMaxUpdateBytes = size_t(1) << 30;

} // namespace

void Sha1::Free::operator()(AVSHA* context) const
{
    av_free(context);
}

Sha1::Sha1() : m_context(av_sha_alloc())
{
    if (!m_context)
        throw std::bad_alloc();
    av_sha_init(m_context.get(), kSha1Bits);
}

Sha1::~Sha1() = default;
Sha1::Sha1(Sha1&&) noexcept = default;
Sha1& Sha1::operator=(Sha1&&) noexcept = default;

void Sha1::add(const void* bytes, size_t size)
{
    const auto* data = static_cast<const uint8_t*>(bytes);
    while (size > 0) {
        const size_t piece = std::min(size, kMaxUpdateBytes);
        av_sha_update(m_context.get(), data, piece);
        data += piece;
        size -= piece;
    }
}

std::string Sha1::hexDigest()
{
    uint8_t digest[kSha1Bits / 8];
    av_sha_final(m_context.get(), digest);
    av_sha_init(m_context.get(), kSha1Bits);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(2 * sizeof digest);
    for (const uint8_t byte : digest) {
        hex.push_back(kHex[byte >> 4]);
        hex.push_back(kHex[byte & 0xf]);
    }
    return hex;
}

} // namespace stemcrate::audio
