#pragma once
// A test signal: a sine of `amplitude` on the left channel and the same at -0.5x on the right, at the engine's
// rate, so the two channels differ in sign and level (a swapped or collapsed channel shows). Header-only.

#include "common/AudioBuffer.h"

#include <cmath>
#include <cstdint>
#include <numbers>

namespace stemcrate::testsupport {

inline AudioBuffer stereoSine(int64_t frames, double hz, float amplitude = 0.5f)
{
    AudioBuffer buffer(2, frames);
    for (int64_t t = 0; t < frames; ++t) {
        const float v =
            amplitude * float(std::sin(2 * std::numbers::pi * hz * double(t) / kEngineSampleRate));
        buffer.channel(0)[t] = v;
        buffer.channel(1)[t] = -0.5f * v;
    }
    return buffer;
}

} // namespace stemcrate::testsupport
