#pragma once
// Synthetic music with known ground truth, generated at test time (no fixtures are committed): drum
// patterns at any tempo with swing, chord progressions in all 24 keys by additive synthesis, and
// percussive/plucked events at known onset times. Qt-free, so bench_analysis uses it too.
// Deterministic for a given seed. Units: seconds in the truth lists, 44.1 kHz stereo audio.

#include "common/AudioBuffer.h"

#include <cstdint>
#include <string>
#include <vector>

namespace stemcrate::analysis::synth {

enum class DrumStyle
{
    Rock,      // kick 1 and 3, snare 2 and 4, eighth hats
    House,     // four on the floor, clap 2 and 4, open hats on the off-beats, sixteenth closed hats
    Breakbeat, // syncopated kicks, snare 2 and 4, sixteenth hats with accents
    HipHop,    // sparse kicks, snare 2 and 4, eighth hats (usually swung)
    Waltz,     // 3/4: kick on 1, snare on 2 and 3, eighth hats
};

struct DrumSpec
{
    double bpm = 120.0;
    double swing = 0.0; // 0 straight, 1 full triplet swing of the off-beat eighths/sixteenths
    DrumStyle style = DrumStyle::Rock;
    double seconds = 20.0;
    double leadInSeconds = 0.0; // silence before the first downbeat
    // Hi-hats whose noise reaches down into the body band (below 2 kHz), as recorded hats' does; the default
    // hats are almost all above it.
    bool fullBandHats = false;
    uint32_t seed = 1;
};

struct ChordSpec
{
    int tonic = 0; // 0 = C
    bool minor = false;
    int progression = 0; // 0..2, see SyntheticMusic.cpp
    double bpm = 100.0;
    double seconds = 16.0;
    double tuningCents = 0.0; // the whole band off concert pitch (A = 440 Hz)
    uint32_t seed = 1;
};

struct Track
{
    AudioBuffer audio;
    std::vector<double> beatsSeconds;
    std::vector<double> downbeatsSeconds;
    std::vector<double> onsetsSeconds; // every event start, sorted
    double bpm = 0.0;
    int tonic = -1;
    bool minor = false;
};

Track drums(const DrumSpec& spec);
Track chords(const ChordSpec& spec);
// Random percussive hits and plucked/struck tones, 80 to 500 ms apart, over a quiet noise floor.
// onlyKind 0..4 (kick, snare, hat, pluck, struck tone) restricts them to one kind.
Track onsetEvents(uint32_t seed, double seconds, int onlyKind = -1);

// a + gain * b, as long as the longer.
AudioBuffer mix(const AudioBuffer& a, const AudioBuffer& b, float gain = 1.0f);
std::string keyName(int tonic, bool minor);
const char* styleName(DrumStyle style);

} // namespace stemcrate::analysis::synth
