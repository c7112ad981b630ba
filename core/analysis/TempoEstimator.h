#pragma once
// TempoEstimator: BPM, a beat grid and downbeats from an onset-strength envelope (OnsetStrength: aubio
// FFT, spectral flux in bands).
//
// How: the envelope's autocorrelation proposes a beat period (its repetition at the half period counts
// too, which keeps periods of three eighths or three sixteenths out); its octave relatives (half, double,
// ...) are then weighed: a backbeat (kick-like and snare-like hits alternating every half period) means the
// beat is half that period (above 180 BPM only where the slower level's off-beats are hit as regularly as
// any faster level's must be there); otherwise the faster level wins while the half-period points carry
// drum hits as regularly as the beats, a reading below 78 BPM whose half-period points carry hits now and
// then is half time, one below 60 BPM and slower than the periodicity's own pick is half time unless a
// backbeat names it, and tempi outside the preferred 70-180 BPM are reported only on clear evidence. Every
// such step to a faster level needs something sounding between that level's points (BeatSubdivision: a
// level with nothing between its points is the subdivision of the slower beat), except from a backbeat
// below 78 BPM (a half-time feel). The backbeat, off-beat and half-way evidence: PulseEvidence.
// A dynamic-programming beat tracker (Ellis 2007) places the beats. Where the music is steady
// (ConstantGrid), a constant grid fitted to the whole envelope replaces them, moved onto the beat where its
// points sit on swung off-beats (long-short eighths read from the short side) or half a beat where the
// kicks and bass notes sit between its points; then half a beat where the harmony changes between its
// points rather than on them (tonal music) or where the kicks and snares sit between them (drums alone),
// see BeatPhase; the BPM is its period. Otherwise the tracked beats stay,
// and the BPM is still the grid's period where its points stand out from the envelope (the pulse of the
// whole clip), else the least-squares slope of the tracked beat times.
// Downbeats: the beat phase (of 4) with the most low-band (kick, bass) onset energy. Assumes a steady tempo
// and 4 beats to the bar.
//
// Ownership: plain values. Threads: estimate() is const and reentrant; call it on a worker thread.
// Units: frames of the analysed audio (44.1 kHz in the engine), BPM, confidence in [0, 1].

#include "common/AudioBuffer.h"
#include "common/Result.h"

#include <cstdint>
#include <vector>

namespace stemcrate::analysis {

class OnsetStrength;

struct TempoResult
{
    double bpm = 0.0;
    double confidence = 0.0; // 0 = a guess, 1 = a clear, steady pulse
    int beatsPerBar = 4;
    std::vector<int64_t> beatFrames;
    std::vector<int64_t> downbeatFrames; // a subset of beatFrames
};

struct TempoOptions
{
    double minBpm = 70.0;  // the preferred range: a tempo outside it is reported only on clear evidence
    double maxBpm = 180.0; // (e.g. 60 BPM with nothing between the beats)
    double minimumSeconds = 4.0;
};

class TempoEstimator
{
public:
    explicit TempoEstimator(TempoOptions options = {}) : m_options(options) {}

    Result<TempoResult> estimate(const AudioBuffer& audio) const;
    Result<TempoResult> estimate(const OnsetStrength& envelope) const;

private:
    TempoOptions m_options;
};

} // namespace stemcrate::analysis
