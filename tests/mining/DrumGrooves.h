#pragma once
// DrumGrooves: ground truth for one-shot mining from real drum recordings. Reads a Hydrogen drum kit
// (Debian's hydrogen-drumkits: a folder with drumkit.xml naming each instrument and its sample layers),
// types the instruments from their names (kick, snare, clap, hats, toms, cymbals; ambiguous ones such as
// pedal or semi-open hats are left out), and sequences their samples into grooves with known hit times and
// classes. Grooves are monophonic on a sixteenth grid (no two hits start together, as in a breakbeat),
// at a random tempo, with random velocities and layers; tails overlap the next hits.
//
// A hit's true time is where its sample first reaches 1 % (-40 dB) of its own peak.
// Ownership: plain values. Threads: any. Units: frames at 44.1 kHz (decoded with core/audio), seconds.

#include "common/AudioBuffer.h"
#include "common/Result.h"
#include "mining/HitClass.h"

#include <cstdint>
#include <string>
#include <vector>

namespace stemcrate::testing {

inline constexpr const char* kHydrogenKitsFolder = "/usr/share/hydrogen/data/drumkits";

struct KitInstrument
{
    std::string name;
    mining::HitClass hitClass = mining::HitClass::Perc;
    std::vector<AudioBuffer> layers; // decoded samples, 44.1 kHz stereo
    std::vector<std::string> files;  // per layer: its file's path
    std::vector<int64_t> leadFrames; // per layer: frames before it reaches -40 dB of its peak
};

struct DrumKit
{
    std::string name;
    std::vector<KitInstrument> instruments; // typed ones only
};

struct TrueHit
{
    int64_t frame = 0;
    mining::HitClass hitClass = mining::HitClass::Perc;
    std::string instrument;
};

struct Groove
{
    AudioBuffer audio;
    std::vector<TrueHit> hits; // in time order
    double bpm = 0;
};

// The class a Hydrogen instrument name stands for, or false when it is ambiguous or untyped.
bool hitClassOfInstrumentName(const std::string& name, mining::HitClass& hitClass);

// Loads a kit from `folder` (containing drumkit.xml). Fails naming the file and reason.
Result<DrumKit> loadHydrogenKit(const std::string& folder);

// A groove of `bars` bars from the kit; the same seed gives the same groove.
Groove makeGroove(const DrumKit& kit, int bars, uint32_t seed);

// Kit folder names (under kHydrogenKitsFolder) the classifier was tuned on, and those held out.
std::vector<std::string> tuningKits();
std::vector<std::string> heldOutKits();

struct MiningScore
{
    int truths = 0;
    int recalled = 0;         // a detected hit within the tolerance
    int detections = 0;
    int scoredTruths = 0;     // recalled kick, snare, hat_closed and hat_open hits
    int correctlyTyped = 0;   // ... whose detected class is right
    int hatSwaps = 0;         // ... typed as the other kind of hat
    int confusion[9][9] = {}; // [true class][detected class], recalled hits of every class
};

// Matches detections (frame, class) to the truth one to one, nearest first, within toleranceFrames.
void scoreDetections(const std::vector<TrueHit>& truth, const std::vector<std::pair<int64_t, mining::HitClass>>& detected,
                     int64_t toleranceFrames, MiningScore& score);

} // namespace stemcrate::testing
