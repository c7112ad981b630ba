#pragma once
// MusicalEdits: the musician's corrections of one song's tempo and key (issue 17), and the analysis they
// make of the detected one: the beat grid laid at the chosen BPM over the detected grid (core's BeatGrid),
// the chosen key (or explicitly none). Loops are left as they are; MusicalEditsController re-finds them.
// Stored as JSON beside the song's stems in the stem cache.
//
// Ownership: plain values. Threads: any. Units: BPM; frames of the song.

#include "analysis/TrackAnalyzer.h"

#include <QByteArray>

#include <optional>
#include <string>

namespace stemcrate::ui {

struct MusicalEdits
{
    std::optional<double> bpm;
    // Unset: the detected key. Set and empty: "no key" (the musician says there is none). Else a key name
    // KeyDetector::fromName understands.
    std::optional<std::string> key;

    bool empty() const { return !bpm && !key; }
    bool operator==(const MusicalEdits&) const = default;

    QByteArray toJson() const;
    // Unknown or malformed fields are left unset.
    static MusicalEdits fromJson(const QByteArray& json);

    // The detected analysis with these edits applied (tempo grid and key; loops unchanged).
    analysis::TrackAnalysis applyTo(const analysis::TrackAnalysis& detected, int64_t totalFrames,
                                    int sampleRate) const;
};

} // namespace stemcrate::ui
