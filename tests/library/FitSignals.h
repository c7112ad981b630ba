#pragma once
// Test signals and measurements for the time-stretch / pitch-shift tests and bench_fit: a click track, a
// tone, a seamless chord loop, and what is measured on the output (click times, frequency, the loop seam).
// Test-only; Qt-free; any thread. Units: frames at 44.1 kHz, seconds and Hz as named.

#include "common/AudioBuffer.h"

#include <cstdint>
#include <vector>

namespace stemcrate::library::test {

// A LiveFitter::PullFn source that plays `audio` round and round, counting the frames pulled.
struct LoopingSource
{
    const AudioBuffer* audio = nullptr;
    int64_t position = 0;
    int64_t pulled = 0;

    static void pull(void* context, float* const* in, int64_t frames);
};

// Stereo clicks (a 3 ms decaying 3 kHz burst) on every beat at `bpm`, starting at frame 0.
AudioBuffer clickTrack(double bpm, double seconds);

// Stereo sine at `hz`, amplitude 0.5.
AudioBuffer tone(double hz, double seconds);

// A stereo chord loop whose partials make whole cycles over the loop (220, 277, 330 Hz for a 2 s loop),
// so it repeats without a seam: the reference for loop continuity.
AudioBuffer seamlessChordLoop(double seconds);

// Onset times (seconds) of clicks: the first frame where the mono |x| rises above half of the buffer's peak,
// at least `minGapSeconds` after the previous onset.
std::vector<double> clickOnsets(const AudioBuffer& audio, double minGapSeconds);

// The largest |onset - nearest beat of `bpm`| over the onsets, in seconds; also the number of beats of the
// buffer's length that have no onset within `toleranceSeconds` (missing clicks).
struct GridError
{
    double maxErrorSeconds = 0;
    int missing = 0;
    int onsets = 0;
};
GridError gridError(const std::vector<double>& onsets, double bpm, double lengthSeconds,
                    double toleranceSeconds);

// Frequency of a steady tone over frames [from, to) of channel 0, from interpolated rising zero crossings.
double measureFrequency(const AudioBuffer& audio, int64_t fromFrame, int64_t toFrame);

// How continuous a loop is when it repeats, on every channel, wrap included (x[N-1] -> x[0]):
//   wrapJumpRatio: |x[0] - x[N-1]| over the 99.9th percentile of the steps |x[i] - x[i-1]| inside;
//   maxJumpRatio:  the largest step anywhere (wrap included) over the same percentile: a click anywhere;
//   minWindowDb / maxWindowDb: the quietest and loudest 10 ms window (every 2.5 ms, circular, so also
//                  across the wrap) against the median window, in dB: a dip or bump anywhere.
struct LoopContinuity
{
    double wrapJumpRatio = 0;
    double maxJumpRatio = 0;
    double minWindowDb = 0;
    double maxWindowDb = 0;
};
LoopContinuity measureLoop(const AudioBuffer& loop);

} // namespace stemcrate::library::test
