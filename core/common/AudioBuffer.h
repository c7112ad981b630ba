#pragma once
// AudioBuffer: planar float audio. Channel c occupies samples[c * frames, (c + 1) * frames).
// Units: frames (one sample per channel), sampleRate in Hz. Plain value type; not thread-safe to mutate
// while shared. The engine's canonical format is 44.1 kHz stereo (kEngineSampleRate, kEngineChannels).

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <new>
#include <type_traits>
#include <utility>
#include <vector>

namespace stemcrate {

// An allocator for sample buffers that leaves a new buffer's pages untouched until they are written.
// calloc hands out large blocks as fresh pages that read as zero, and value-initialisation here only reads:
// it writes just the elements that are not zero already (memory a vector reuses after shrinking).
// Allocating an hour-long track's four stems (5 GB) took 6.7 s of page zeroing before the first window
// could be published; now the pages are zeroed by the kernel as the separator writes them, window by window.
template <class T> struct ZeroPageAllocator
{
    static_assert(std::is_trivially_copyable_v<T>);
    using value_type = T;

    ZeroPageAllocator() = default;
    template <class U> ZeroPageAllocator(const ZeroPageAllocator<U>&) noexcept {}

    T* allocate(std::size_t n)
    {
        void* p = std::calloc(n, sizeof(T));
        if (!p)
            throw std::bad_alloc();
        return static_cast<T*>(p);
    }
    void deallocate(T* p, std::size_t) noexcept { std::free(p); }

    template <class U> void construct(U* p) noexcept
    {
        static const U zero{};
        if (std::memcmp(p, &zero, sizeof(U)) != 0)
            std::memcpy(static_cast<void*>(p), &zero, sizeof(U));
    }
    template <class U, class... Args> void construct(U* p, Args&&... args)
    {
        ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
    }

    template <class U> bool operator==(const ZeroPageAllocator<U>&) const noexcept { return true; }
};

using SampleVector = std::vector<float, ZeroPageAllocator<float>>;

inline constexpr int kEngineSampleRate = 44100;
inline constexpr int kEngineChannels = 2;

struct AudioBuffer
{
    int sampleRate = kEngineSampleRate;
    int channels = 0;
    int64_t frames = 0;
    SampleVector samples; // planar, channels * frames

    AudioBuffer() = default;
    AudioBuffer(int channelCount, int64_t frameCount, int rate = kEngineSampleRate)
        : sampleRate(rate), channels(channelCount), frames(frameCount),
          samples(static_cast<std::size_t>(channelCount) * static_cast<std::size_t>(frameCount))
    {
    }

    float* channel(int c)
    {
        return samples.data() + static_cast<std::size_t>(c) * static_cast<std::size_t>(frames);
    }
    const float* channel(int c) const
    {
        return samples.data() + static_cast<std::size_t>(c) * static_cast<std::size_t>(frames);
    }
    double seconds() const { return sampleRate > 0 ? static_cast<double>(frames) / sampleRate : 0.0; }
};

} // namespace stemcrate
