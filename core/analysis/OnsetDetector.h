#pragma once
// OnsetDetector: onsets (transients) for snapping and slicing. Peaks of the shared onset-strength
// envelope (OnsetStrength) are picked with aubio's adaptive peak picker (the one aubio_onset uses), then
// gated by level and by a sensitivity-dependent floor, and spaced by a minimum gap.
//
// Ownership: plain values. Threads: detect() is const and reentrant; call it on a worker thread.
// Units: frames of the analysed audio; strength is the envelope's peak height (relative, for sorting and
// filtering, not calibrated).

#include "common/AudioBuffer.h"

#include <cstdint>
#include <vector>

namespace stemcrate::analysis {

class OnsetStrength;

struct Onset
{
    int64_t frame = 0;
    float strength = 0.0f;
};

struct OnsetOptions
{
    // 0 = only the strongest hits, 1 = every wiggle aubio's peak picker finds; 0.5 suits drums and mixes.
    double sensitivity = 0.5;
    double minimumGapSeconds = 0.05; // of two closer detections the stronger stays
    double silenceDb = -60.0;        // onsets in hops quieter than this (dBFS mean square) are ignored
};

class OnsetDetector
{
public:
    explicit OnsetDetector(OnsetOptions options = {}) : m_options(options) {}

    std::vector<Onset> detect(const AudioBuffer& audio) const;
    std::vector<Onset> detect(const OnsetStrength& envelope) const;

private:
    OnsetOptions m_options;
};

} // namespace stemcrate::analysis
