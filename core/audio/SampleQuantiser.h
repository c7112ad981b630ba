#pragma once
// Internal to stemcrate_audio. Float sample -> signed integer of a given bit depth: scale by 2^(bits-1),
// round to nearest, clamp to [-2^(bits-1), 2^(bits-1) - 1]. NaN becomes 0. The dither hook lives here;
// it holds state (its noise generator) later, hence a class. One thread at a time.

#include "audio/AudioFileWriter.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace stemcrate::audio {

class SampleQuantiser
{
public:
    SampleQuantiser(int bits, Dither dither)
        : m_scale(std::ldexp(1.0, bits - 1)), m_max(m_scale - 1.0), m_dither(dither)
    {
    }

    int32_t quantise(float sample)
    {
        if (std::isnan(sample))
            return 0;
        // Exact in double: the scale is a power of two and float has 24 bits of mantissa.
        const double scaled = std::clamp(static_cast<double>(sample) * m_scale, -m_scale, m_max);
        static_cast<void>(m_dither); // Dither::None; TPDF noise will be added to `scaled` here.
        return static_cast<int32_t>(std::nearbyint(scaled));
    }

private:
    double m_scale;
    double m_max;
    Dither m_dither;
};

} // namespace stemcrate::audio
