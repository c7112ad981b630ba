#pragma once
// CamelotKey: a musical key on the Camelot wheel (1A..12A minor, 1B..12B major), as DJs use it for harmonic
// mixing. Two keys mix well when they are the same, one step apart on the wheel with the same letter
// (a fifth up or down), or the relative major/minor (same number, other letter).
//
// Ownership: plain value. Threads: any. Units: wheel positions 1..12; tonic 0 = C .. 11 = B.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stemcrate::library {

struct CamelotKey
{
    int number = 0;     // 1..12
    bool minor = false; // A = minor, B = major

    // Parses "A minor", "Am", "a min", "F#m", "Gb major", "Bbmaj", "C", "E♭m", "8A", "08b", "10B".
    static std::optional<CamelotKey> parse(std::string_view text);
    static CamelotKey fromTonic(int tonic, bool minor);

    int tonic() const;           // 0 = C .. 11 = B
    std::string code() const;    // "8A"
    std::string keyName() const; // "A minor", "F# major" (sharps, except Bb, Eb and Ab as usual)

    // This key, its neighbours on the wheel (same letter, number +-1) and its relative (other letter):
    // four keys, this one first.
    std::vector<CamelotKey> compatibleKeys() const;
    bool isCompatibleWith(const CamelotKey& other) const;

    bool operator==(const CamelotKey&) const = default;
};

} // namespace stemcrate::library
