#pragma once
// HitExtractor: every hit in a stem (the drums, usually), trimmed from its onset to the end of its decay.
//
// How: onsets from core/analysis (OnsetStrength + OnsetDetector, hop resolution) that make some band
// louder (not the wobble of a ringing tail) are refined to the
// sample where the attack rises out of what came before (findAttackStart). A hit ends where its level
// (5 ms RMS) stays tailDb below its peak or near the stem's noise floor, at the next hit's attack, or after
// maxSeconds, whichever comes first. render() copies it with a pre-roll before the attack that is faded
// in, and a short fade-out, so both ends are exactly zero: no click.
//
// Ownership: plain values; detect() reads the buffer during the call only. Threads: const and reentrant:
// call on a worker thread. Units: frames of the input buffer; seconds and dB as the names say.

#include "common/AudioBuffer.h"
#include "common/Result.h"

#include <cstdint>
#include <functional>
#include <vector>

namespace stemcrate::mining {

struct Hit
{
    int64_t attackFrame = 0; // where the sound starts (the reported hit time)
    int64_t startFrame = 0;  // attackFrame minus the pre-roll: the first frame of the one-shot
    int64_t endFrame = 0;    // exclusive
    double peak = 0;         // largest |sample| of the mono sum inside the hit
    bool truncated = false;  // cut by the next hit (or maxSeconds) before it had decayed by 40 dB
    double cleanliness = 0;  // [0, 1]: little of the previous sound before it, a complete decay
};

struct HitExtractorOptions
{
    double sensitivity = 0.6;        // OnsetOptions::sensitivity
    double minimumGapSeconds = 0.03; // hits closer than this merge (flams)
    double minimumRiseDb = 4.0;      // an onset must make some band this much louder (not a tail's wobble)
    double maxSeconds = 3.0;
    double tailDb = -50.0;  // the decay ends this far below the hit's peak level
    double preRollMs = 1.0; // kept before the attack, faded in
    double fadeOutMs = 8.0; // at most a quarter of the hit
    std::function<bool()> isCancelled;
};

// The message of the Error detect() returns when isCancelled said so.
inline constexpr const char* kMiningCancelled = "cancelled";

class HitExtractor
{
public:
    explicit HitExtractor(HitExtractorOptions options = {}) : m_options(std::move(options)) {}

    Result<std::vector<Hit>> detect(const AudioBuffer& audio) const;
    // The hit as its own buffer (all channels), faded at both ends.
    AudioBuffer render(const AudioBuffer& audio, const Hit& hit) const;

    const HitExtractorOptions& options() const { return m_options; }

private:
    HitExtractorOptions m_options;
};

// The sample where an attack near `roughFrame` (an onset detector's estimate, within ~10 ms) starts: the
// first sample of its rise above both what precedes it (3 x the quietest millisecond of the 30 ms before)
// and 2 % of its peak. Never before `notBefore`.
int64_t findAttackStart(const float* mono, int64_t count, int64_t roughFrame, int sampleRate,
                        int64_t notBefore = 0);

} // namespace stemcrate::mining
