#pragma once
// LoopSuggester: ranked loop suggestions (1, 2, 4 and 8 bars on downbeats) per stem, computed as
// separation publishes its stems: each update() looks at the prefix [0, validFrames) that is final so far
// and recomputes once it has grown by minimumNewSeconds (or when told the stems are complete). The beat
// grid comes from the drums stem when there is one (else the first stem); loops per stem come from
// core/analysis's LoopFinder on that prefix; a tonal stem's suggestion carries the key of its own bars.
// The musician has the last word (issue 17): a tempo grid and a key set in the options replace the
// estimated grid and the keys read from the bars.
//
// Ownership: owns its results; update() reads the stems during the call only. Threads: not thread-safe;
// one owner calls update() on a worker thread (a 3-minute song's four stems take about a second), and hands
// the results (plain values) to the GUI. Units: frames of the stems (44.1 kHz), BPM.

#include "analysis/LoopFinder.h"
#include "analysis/TempoEstimator.h"
#include "common/AudioBuffer.h"
#include "common/Result.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace stemcrate::mining {

struct LoopSuggestion
{
    std::string stem;
    int64_t startFrame = 0; // a downbeat
    int64_t endFrame = 0;   // exclusive
    int bars = 0;
    double score = 0; // [0, 1], LoopFinder's
    double bpm = 0;
    std::string key; // e.g. "A minor"; empty for drums or when unclear
};

struct StemSource
{
    std::string name; // "drums", "bass", "other", "vocals", "mix", ...
    const AudioBuffer* audio = nullptr;
};

struct LoopSuggesterOptions
{
    analysis::LoopFinderOptions loops;
    double minimumNewSeconds = 8.0;  // recompute when this much more audio is final
    double minimumKeyConfidence = 0.15;
    std::function<bool()> isCancelled;
    // The musician's corrections of the song (frames of the stems): the beat grid every stem's loops are
    // found on, instead of the one estimated from the stems; and the key every tonal stem's suggestion
    // carries instead of its bars' own (empty: the musician says there is none).
    std::optional<analysis::TempoResult> tempo;
    std::optional<std::string> key;
};

class LoopSuggester
{
public:
    explicit LoopSuggester(LoopSuggesterOptions options = {}) : m_options(std::move(options)) {}

    // The stems (same length and rate) are final over [0, validFrames). Returns whether the suggestions
    // were recomputed; an error only when cancelled. `complete`: nothing more will come, compute now.
    Result<bool> update(const std::vector<StemSource>& stems, int64_t validFrames, bool complete = false);

    // Best first, across stems.
    const std::vector<LoopSuggestion>& suggestions() const { return m_suggestions; }
    const std::optional<analysis::TempoResult>& tempo() const { return m_tempo; }
    int64_t analysedFrames() const { return m_analysedFrames; }

private:
    LoopSuggesterOptions m_options;
    int64_t m_analysedFrames = 0;
    std::vector<LoopSuggestion> m_suggestions;
    std::optional<analysis::TempoResult> m_tempo;
};

} // namespace stemcrate::mining
