#pragma once
// The signal processing behind a sample export, on plain buffers: mixing stems, finding zero crossings,
// fades, a seamless loop wrap and peak normalisation. SampleExporter chains them; they are public so that
// the GUI can preview the same result.
//
// Ownership: functions read the stems (never keep pointers) and modify only the buffer passed by reference.
// Threads: reentrant, any thread. Units: frames (per channel) unless a name says Ms or Db.

#include "common/AudioBuffer.h"

#include <cstdint>
#include <vector>

namespace stemcrate::library {

enum class FadeCurve
{
    Linear,    // gain t
    EqualPower // gain sin(t * pi/2): keeps loudness steady through a crossfade of unrelated material
};

enum class ZeroCrossingSnap
{
    Off,
    Any,   // the nearest sign change in either direction
    Rising // the nearest change from negative to non-negative (both loop ends then meet going upward)
};

// sum_i gains[i] * stems[i] over frames [startFrame, endFrame). The stems share channels, rate and length;
// frames outside a stem read as silence. An empty gains vector means unity gain for every stem.
AudioBuffer mixRegion(const std::vector<const AudioBuffer*>& stems, const std::vector<float>& gains,
                      int64_t startFrame, int64_t endFrame);

// The zero crossing of the mix's mono sum nearest to `frame`, looking at most `windowFrames` either way,
// or `frame` itself when there is none. A crossing at frame c means mono[c - 1] and mono[c] lie on either
// side of zero (or mono[c] is exactly 0): c is where a region should start, or end exclusively.
int64_t nearestZeroCrossing(const std::vector<const AudioBuffer*>& stems, const std::vector<float>& gains,
                            int64_t frame, int64_t windowFrames, ZeroCrossingSnap mode);

// Fades the first fadeInFrames from silence and the last fadeOutFrames to silence: the first and the last
// frame become exactly 0. Lengths are clamped to the buffer (and shortened in proportion if they overlap).
void applyFades(AudioBuffer& audio, int64_t fadeInFrames, int64_t fadeOutFrames, FadeCurve curve);

// Makes the wrap from the last frame to the first continuous without changing the length, with an
// equal-power crossfade over preRoll.frames frames:
//   tail[k] = region[N - L + k] * fadeOut + preRoll[k] * fadeIn, so the tail ends in exactly the frame that
//   preceded the region, and the wrap continues the original signal. preRoll = the L frames before it.
void crossfadeLoopTail(AudioBuffer& region, const AudioBuffer& preRoll);

// The same when nothing precedes the region: postRoll (the L frames after it) fades out over the head, so
// the head starts with exactly the frame that followed the region.
void crossfadeLoopHead(AudioBuffer& region, const AudioBuffer& postRoll);

// Scales so that the largest absolute sample is targetDb dBFS; returns the gain applied (1 for silence).
double normalisePeak(AudioBuffer& audio, double targetDb);

inline int64_t msToFrames(double ms, int sampleRate)
{
    return static_cast<int64_t>(ms * sampleRate / 1000.0 + 0.5);
}

} // namespace stemcrate::library
