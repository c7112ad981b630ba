#pragma once
// Internal to stemcrate_audio. Float sample -> signed integer of a given bit depth: scale by 2^(bits-1),
// add dither noise if asked, round to nearest, clamp to [-2^(bits-1), 2^(bits-1) - 1]. NaN becomes 0.
// TPDF noise comes from a SplitMix64 generator of our own (std:: distributions differ between standard
// libraries), so a seed gives the same file everywhere. One thread at a time.

#include "audio/AudioFileWriter.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace stemcrate::audio {

class SampleQuantiser
{
public:
    SampleQuantiser(int bits, Dither dither, uint64_t seed = 1)
        : m_scale(std::ldexp(1.0, bits - 1)), m_max(m_scale - 1.0), m_dither(dither), m_state(seed)
    {
    }

    int32_t quantise(float sample)
    {
        if (std::isnan(sample))
            return 0;
        // Exact in double: the scale is a power of two and float has 24 bits of mantissa.
        double scaled = static_cast<double>(sample) * m_scale;
        if (m_dither == Dither::Tpdf)
            scaled += uniform() - uniform(); // triangular on (-1, 1) LSB
        return static_cast<int32_t>(std::nearbyint(std::clamp(scaled, -m_scale, m_max)));
    }

private:
    // Uniform on [0, 1) with 53 bits.
    double uniform()
    {
        uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        z ^= z >> 31;
        return static_cast<double>(z >> 11) * 0x1.0p-53;
    }

    double m_scale;
    double m_max;
    Dither m_dither;
    uint64_t m_state;
};

} // namespace stemcrate::audio
