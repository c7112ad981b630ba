#pragma once
// Slicer: a region of a stem cut into slices, as a sampler chops a break: N equal parts, one per beat, or
// at transients. Slices are contiguous and cover the region exactly ([startFrame, endFrame) of one ends
// where the next begins). Inner boundaries move to a zero crossing of the mono sum nearby (equal and beat
// slices: the nearest within zeroCrossingWindowMs; transients: the last one at or before the attack, so the
// attack is never cut). render() copies a slice with a short fade-in and fade-out, so its first and last
// frames are exactly zero: click-free however it is triggered.
//
// Ownership: plain values; the source is read during the calls only. Threads: const and reentrant; call
// on a worker thread (beat and transient planning analyse the source). Units: frames of the source.

#include "common/AudioBuffer.h"
#include "common/Result.h"

#include <cstdint>
#include <vector>

namespace stemcrate::mining {

enum class SliceMode
{
    Equal,
    Beats,
    Transients
};

struct SliceOptions
{
    SliceMode mode = SliceMode::Equal;
    int count = 16;                      // Equal: number of parts
    std::vector<int64_t> beatFrames;     // Beats: the source's beat grid; empty = estimated from the source
    double sensitivity = 0.5;            // Transients: OnsetOptions::sensitivity
    double zeroCrossingWindowMs = 1.0;   // how far a boundary may move to a zero crossing
    double minimumSliceMs = 20.0;        // closer boundaries are dropped
    double fadeInMs = 0.5;
    double fadeOutMs = 3.0;              // both at most a quarter of the slice
};

struct Slice
{
    int64_t startFrame = 0;
    int64_t endFrame = 0; // exclusive
};

class Slicer
{
public:
    explicit Slicer(SliceOptions options = {}) : m_options(std::move(options)) {}

    // Fails when the region is empty or outside the source, or (Beats) when no beat grid can be found.
    Result<std::vector<Slice>> plan(const AudioBuffer& source, int64_t startFrame, int64_t endFrame) const;
    AudioBuffer render(const AudioBuffer& source, const Slice& slice) const;

private:
    SliceOptions m_options;
};

} // namespace stemcrate::mining
