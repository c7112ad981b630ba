#pragma once
// TrackAnalyzer: everything the sample-mining views need for one song, in one synchronous call:
// tempo and beat grid (from the drums stem when it carries enough energy, else from the mix), key (from
// the harmonic stems, bass + other, else the mix), and per stem and for the mix: loudness, onsets and
// ranked loop candidates. Each stem's spectral passes are computed once and shared by the analysers.
//
// Ownership: reads the buffers during the call only; the result is plain data; the pool is the caller's.
// Threads: analyze() is const and reentrant; run it on a worker thread, never the GUI thread. With
// TrackAnalyzerOptions::pool, the independent steps (per signal: the onset pass and onsets | loudness,
// chroma and the harmonic-change profile; then tempo | key; then each signal's loops) run on the pool's
// threads and the calling one; the result is the same to the bit as without (each step writes only its own
// part). About 1.1 s of CPU per 3-minute stem; 0.5-0.6 s of wall time on two threads. Callbacks run on the
// calling thread between stages. Units: frames of the inputs (44.1 kHz).

#include "analysis/KeyDetector.h"
#include "analysis/LoopFinder.h"
#include "analysis/LoudnessMeter.h"
#include "analysis/OnsetDetector.h"
#include "analysis/TempoEstimator.h"

#include "common/AudioBuffer.h"
#include "common/Result.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace stemcrate {
class WorkerPool; // common/WorkerPool.h
}

namespace stemcrate::analysis {

// The message of the Error analyze() returns when isCancelled said so.
inline constexpr const char* kAnalysisCancelled = "cancelled";

struct StemInput
{
    std::string name; // "drums", "bass", "other", "vocals" pick the roles; others are analysed only
    const AudioBuffer* audio = nullptr; // as long as the mix, same rate
};

struct StemAnalysis
{
    std::string name;
    LoudnessResult loudness;
    std::vector<Onset> onsets;
    std::vector<LoopCandidate> loops;
};

struct TrackAnalysis
{
    std::optional<TempoResult> tempo;
    std::string tempoSource; // "drums", "mix", or "user" (TrackAnalyzerOptions::bpm)
    std::string tempoError;  // why there is no tempo
    std::optional<KeyResult> key;
    std::string keySource; // "bass+other", "mix", or "user" (TrackAnalyzerOptions::key)
    std::string keyError;
    StemAnalysis mix; // name "mix"
    std::vector<StemAnalysis> stems;
};

struct TrackAnalyzerOptions
{
    OnsetOptions onsets;
    TempoOptions tempo;
    LoopFinderOptions loops;
    // The drums stem gives the tempo when its loudness is within this many LU of the mix's.
    double drumsWithinLu = 20.0;
    // The musician's word: a tempo (the beat grid is laid at it over the detected one, BeatGrid) and a key
    // (KeyDetector::fromName) replace the detected ones; loops follow the grid.
    std::optional<double> bpm;
    std::optional<KeyResult> key;
    std::function<void(double fraction)> progress; // [0, 1], grows
    std::function<bool()> isCancelled;
    // Threads for the independent steps (ThreadBudget::analysisStepThreads); null: all on the calling thread.
    // May be shared by several analyses at once (WorkerPool lends its helpers to one run at a time).
    WorkerPool* pool = nullptr;
};

class TrackAnalyzer
{
public:
    explicit TrackAnalyzer(TrackAnalyzerOptions options = {}) : m_options(std::move(options)) {}

    Result<TrackAnalysis> analyze(const AudioBuffer& mix, const std::vector<StemInput>& stems = {}) const;

private:
    TrackAnalyzerOptions m_options;
};

} // namespace stemcrate::analysis
