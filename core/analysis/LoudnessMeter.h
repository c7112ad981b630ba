#pragma once
// LoudnessMeter: EBU R128 / ITU-R BS.1770-4 loudness and true peak (libebur128) of a buffer or of a
// selection [beginFrame, endFrame) of it.
//
// Integrated loudness is gated as R128 prescribes; a selection shorter than one 400 ms gating block (a
// single drum hit) gets the ungated K-weighted loudness of the whole selection instead, flagged by
// `gated = false`. True peak is libebur128's 4x-oversampled peak. libebur128 oversamples in double, one
// sample at a time, which alone would cost more than the rest of a stem's analysis; so the same filter
// runs in float (vectorised) over the blocks whose sample peak could still hold the maximum, and
// libebur128 measures only the blocks that come within float rounding of it. The result is libebur128's;
// exactTruePeak runs libebur128 over everything, and tests check that both agree.
//
// Ownership: plain values. Threads: measure() is const and reentrant (each call owns its libebur128
// states); call it on a worker thread. Units: LUFS and dBTP; -infinity for digital silence.

#include "common/AudioBuffer.h"
#include "common/Result.h"

#include <cstdint>
#include <limits>

namespace stemcrate::analysis {

struct LoudnessResult
{
    double integratedLufs = -std::numeric_limits<double>::infinity();
    double truePeakDbtp = -std::numeric_limits<double>::infinity();
    bool gated = true; // false: a selection under 400 ms, measured as one ungated block
};

struct LoudnessOptions
{
    bool exactTruePeak = false; // oversample every block, not only those that can hold the peak
};

class LoudnessMeter
{
public:
    explicit LoudnessMeter(LoudnessOptions options = {}) : m_options(options) {}

    // endFrame < 0 means the end of the buffer.
    Result<LoudnessResult> measure(const AudioBuffer& audio, int64_t beginFrame = 0,
                                   int64_t endFrame = -1) const;

private:
    LoudnessOptions m_options;
};

} // namespace stemcrate::analysis
