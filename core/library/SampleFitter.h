#pragma once
// SampleFitter: fits a sample to the track being made: time-stretched from its tempo to the project's and
// pitch-shifted by semitones, with Rubber Band's offline R3 ("finer") engine, the quality path for export.
// (LiveFitter is the real-time engine for preview.)
//
// Length: the output has exactly fittedFrames(source.frames, timeRatio) = round(frames * timeRatio) frames
// (halves away from zero). Input frame i lands at about i * timeRatio: Rubber Band's offline mode
// compensates its own delay, and the sample is stretched with half a second of silence on each side (cut
// off afterwards), so the engine's start-up and end fall outside it. R3 places a transient's attack about a
// millisecond early, so a click right on frame 0 keeps only its body (a loop keeps all of it, see below).
//
// Loops: with FitOptions::loop the region is treated as circular: the context before it is the loop's own
// end, and after it the loop runs on into its next repetition (up to 2 s of it), so the engine sees the
// music that surrounds each edge when the loop plays. The output's wrap (last frame -> first) is then the
// stretched signal itself, continuous to the sample (the head is taken from the next repetition); the two
// repetitions, which differ only in phase, are joined inside the loop by a short linear crossfade where
// they differ least. A transient on the loop's first beat keeps its attack (which R3 places about a
// millisecond early, at the end of the loop) and its body.
//
// Ownership: reads the source, returns a new buffer. Threads: reentrant; call from a worker thread (seconds
// of CPU per minute of audio). Units: frames; timeRatio = output duration / input duration (2 = twice as
// long, half the tempo); pitchScale = output frequency / input frequency (2^(semitones / 12)).

#include "common/AudioBuffer.h"
#include "common/Result.h"

#include <cstdint>
#include <functional>
#include <string>

namespace stemcrate::library {

struct FitRatios
{
    double timeRatio = 1.0;
    double pitchScale = 1.0;

    bool identity() const { return timeRatio == 1.0 && pitchScale == 1.0; }
};

// Ratios for a tempo change (0 for either BPM = no stretch) and a shift in semitones. The error says which
// value is out of range: BPM 1..999, a time ratio within [1/8, 8], semitones within [-24, 24].
Result<FitRatios> fitRatios(double sourceBpm, double targetBpm, double semitones);

inline constexpr double kMinTimeRatio = 0.125;
inline constexpr double kMaxTimeRatio = 8.0;
inline constexpr double kMaxShiftSemitones = 24.0;

// round(sourceFrames * timeRatio), halves away from zero.
int64_t fittedFrames(int64_t sourceFrames, double timeRatio);

struct FitOptions
{
    FitRatios ratios;
    bool loop = false;           // circular: see the header comment
    double loopCrossfadeMs = 10; // the join of the repetitions, at most a quarter of the output
    // Keep the spectral envelope when shifting (voices sound less "chipmunk"); off for drums and synths.
    bool preserveFormants = false;
    std::function<bool()> isCancelled;             // polled between blocks; may be empty
    std::function<void(double fraction)> progress; // [0, 1], grows; may be empty
};

// The fitted copy of `source` (any channel count >= 1, 8 kHz..192 kHz). Identity ratios return an exact copy.
// Errors: an empty source, ratios out of range, cancellation ("cancelled").
Result<AudioBuffer> fitOffline(const AudioBuffer& source, const FitOptions& options);

} // namespace stemcrate::library
