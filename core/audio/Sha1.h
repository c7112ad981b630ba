#pragma once
// Sha1: incremental SHA-1 digest (FFmpeg's libavutil, behind this FFmpeg-free header). Used for content
// keys (the stem cache's), not for security.
//
// Ownership: owns its libavutil context. Threads: one thread at a time. Units: bytes.

#include <cstddef>
#include <memory>
#include <string>

struct AVSHA;

namespace stemcrate::audio {

class Sha1
{
public:
    Sha1();
    ~Sha1();
    Sha1(Sha1&&) noexcept;
    Sha1& operator=(Sha1&&) noexcept;

    void add(const void* bytes, size_t size);
    // The digest as 40 lower-case hex digits; the object starts afresh afterwards.
    std::string hexDigest();

private:
    struct Free
    {
        void operator()(AVSHA* context) const;
    };
    std::unique_ptr<AVSHA, Free> m_context;
};

} // namespace stemcrate::audio
