#pragma once
// ReferenceAnalysers: the well-kept libraries' tempo, beat and key detectors run the way their best-known
// users run them, for bench_analysis's corpus comparison (issue 17). Not part of the engine.
//  - qm-dsp TempoTrackV2 (Mixxx's and the QM Vamp Bar & Beat Tracker's): complex spectral-difference
//    detection function, 512-frame hop, comb-filter tempo + Viterbi, then dynamic-programming beats.
//  - aubio's tempo object ("default" onset function, 1024/512), its running BPM at the end.
//  - qm-dsp GetKeyMode (Mixxx's key detector): the key held longest over the track.
// Threads: reentrant. Units: seconds, BPM; mono float input at `sampleRate`.

#include <optional>
#include <utility>
#include <vector>

namespace stemcrate::bench {

struct ReferenceBeats
{
    double bpm = 0.0;
    std::vector<double> beatSeconds;
};

ReferenceBeats qmDspBeats(const std::vector<float>& mono, int sampleRate);
ReferenceBeats aubioBeats(const std::vector<float>& mono, int sampleRate);
std::optional<std::pair<int, bool>> qmDspKey(const std::vector<float>& mono, int sampleRate);

// BPM from beat times: least-squares slope over beats numbered by rounded spacing (as TempoEstimator does).
double bpmFromBeats(const std::vector<double>& beatSeconds);

} // namespace stemcrate::bench
