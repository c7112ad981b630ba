#pragma once
// MusicalKey: a key as a tonic pitch class and a mode, read from the spellings that tags and musicians use
// ("A minor", "Am", "F#m", "Bb major", "Ebmaj", "C", Camelot "8A"/"8B", Open Key "1m"/"1d"), and the
// transposition that takes a sample from one key into another.
//
// Ownership: plain values. Threads: any. Units: tonic 0 = C .. 11 = B; semitones, equal-tempered.

#include "common/Result.h"

#include <optional>
#include <string>

namespace stemcrate::library {

struct MusicalKey
{
    int tonic = 0; // 0 = C .. 11 = B
    bool minor = false;

    // Relative major of a minor key (A minor -> C major) and vice versa: the same notes.
    MusicalKey relative() const;
    // "F# major", "Bb minor": flats where the key signature has them (analysis/KeyDetector's spelling).
    std::string name() const;
    bool operator==(const MusicalKey&) const = default;
};

// Case-insensitive; surrounding spaces ignored. nullopt for text that is not a key.
std::optional<MusicalKey> parseMusicalKey(const std::string& text);

// The nearest transposition from `from` to `to`, in [-6, +5] semitones (a tritone goes down: shifting down
// keeps formants and transients less exposed than shifting up). Keys of different modes are matched through
// the relative key of `to` in `from`'s mode (A minor into C major: 0, same notes; A minor into D major: B
// minor, +2), so the sample keeps its own mode and fits the target's scale.
int transpositionSemitones(const MusicalKey& from, const MusicalKey& to);

// As above from text; the error names the text that is not a key.
Result<int> transpositionSemitones(const std::string& fromKey, const std::string& toKey);

} // namespace stemcrate::library
