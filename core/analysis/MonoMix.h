#pragma once
// Helpers the analysers share: a mono downmix and an anti-aliased decimation.
// Pure functions: they own nothing and may run on any thread at once. Units: frames of the input buffer
// (samples per channel); decimate() returns samples at sampleRate / factor.

#include "common/AudioBuffer.h"

#include <cstdint>
#include <vector>

namespace stemcrate::analysis {

// The mean of all channels over frames [beginFrame, endFrame); endFrame < 0 means the end of the buffer.
std::vector<float> monoMix(const AudioBuffer& audio, int64_t beginFrame = 0, int64_t endFrame = -1);

// Sum of several buffers' mono mixes (e.g. bass + other), as long as the longest one.
std::vector<float> monoSum(const std::vector<const AudioBuffer*>& buffers);

// Low-passes below the new Nyquist frequency (windowed-sinc FIR) and keeps every factor-th sample.
std::vector<float> decimate(const std::vector<float>& samples, int factor);
std::vector<float> decimate(const float* samples, int64_t count, int factor); // no copy of the input

} // namespace stemcrate::analysis
