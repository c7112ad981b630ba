#pragma once
// KitExporter: slices and one-shots written as a sampler instrument: numbered (slices) or class-named
// (one-shots) audio files plus <name>.sfz and <name>.dspreset beside them, all in one folder.
//   Slices map chromatically from C1 (MIDI 36) up, one key each.
//   Drum kits map each near-duplicate group's representative to General MIDI drum notes: kick 36 (then 35),
//   snare 38 (40, 37), clap 39, closed hat 42 (44), open hat 46 (choked by the closed hats), toms 41, 43, 45,
//   47, 48, 50 from low to high, cymbals 49, 51, 57, 52, 55, 59, 53, percussion and tonal on the free notes
//   from 54 up. A class with more groups than notes spills onto free notes.
// Every file is written atomically (temporary, then rename over an older file of the same name); the
// instrument files come last, so a failed export never leaves an instrument naming missing samples.
// Audio: 24-bit WAV (TPDF dither), the source's rate and channels.
//
// Ownership: plain values. Threads: reentrant; call on a worker thread (it writes and fsyncs files).
// Errors name the file and the reason. Units: MIDI notes, Hz.

#include "common/AudioBuffer.h"
#include "common/Result.h"
#include "mining/HitClass.h"
#include "mining/OneShotMiner.h"

#include <string>
#include <vector>

namespace stemcrate::mining {

inline constexpr int kFirstSliceNote = 36; // C1

struct KitFiles
{
    std::vector<std::string> samples; // file names (no folder), in zone order
    std::vector<int> notes;           // the MIDI note of each
    std::string sfzPath;
    std::string dspresetPath;
};

// One note per entry: class and, for toms, pitch (toms are laid out from low to high).
struct DrumVoice
{
    HitClass hitClass = HitClass::Perc;
    double pitchHz = 0;
};
std::vector<int> assignDrumNotes(const std::vector<DrumVoice>& voices);

// "<folder>/<name>-01.wav", ... one per slice, then the instrument files.
Result<KitFiles> exportSliceKit(const std::vector<AudioBuffer>& slices, const std::string& folder,
                                const std::string& name);

// One file per group of `result`, its representative rendered by `extractor`, named
// "<name>-<class>-<n>.wav"; samples[g] belongs to result.groups[g].
Result<KitFiles> exportDrumKit(const AudioBuffer& source, const OneShotResult& result, const HitExtractor& extractor,
                               const std::string& folder, const std::string& name);

} // namespace stemcrate::mining
