#pragma once
// AnalysisView: a song's analysis (core's TrackAnalysis) as the views use it: the beat grid for the ruler
// and snapping, the transients for snapping, BPM and key for the status line and the export's tags.
// Empty (no beats, no key) while the song is not analysed, or in a build without core/analysis.
//
// Plain value; any thread. Units: frames at 44.1 kHz, beats per minute.

#include <QString>

#include <cstdint>
#include <vector>

namespace stemcrate::analysis {
struct TrackAnalysis;
}

namespace stemcrate::ui {

struct AnalysisView
{
    std::vector<int64_t> beatFrames;
    int beatsPerBar = 4;
    int firstDownbeat = 0; // index into beatFrames; beats before it are a pickup
    std::vector<int64_t> onsetFrames;
    double bpm = 0.0; // 0 = unknown
    QString keyName;  // "A minor", or empty
    QString camelot;  // "8A", or empty

    // Null gives the empty view.
    static AnalysisView from(const analysis::TrackAnalysis* analysis);
    // "120.0 BPM · A minor (8A)", or empty.
    QString summary() const;
};

} // namespace stemcrate::ui
