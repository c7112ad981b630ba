#include "library/MusicalKey.h"

#include <cctype>

namespace stemcrate::library {
namespace {

int wrapPitchClass(int pc)
{
    return ((pc % 12) + 12) % 12;
}

std::string normalised(const std::string& text)
{
    std::string out;
    for (char c : text)
        if (!std::isspace(static_cast<unsigned char>(c)))
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// "8a", "12b" (Camelot) or "1m", "6d" (Open Key).
std::optional<MusicalKey> parseWheelCode(const std::string& s)
{
    size_t digits = 0;
    while (digits < s.size() && std::isdigit(static_cast<unsigned char>(s[digits])))
        ++digits;
    if (digits == 0 || digits > 2 || digits + 1 != s.size())
        return std::nullopt;
    const int number = std::stoi(s.substr(0, digits));
    if (number < 1 || number > 12)
        return std::nullopt;
    const char letter = s.back();
    // Each step on either wheel is a fifth up (7 semitones; 7 is its own inverse mod 12). 8B = 1d = C major.
    int majorTonic = 0;
    bool minor = false;
    if (letter == 'a' || letter == 'b') {
        majorTonic = wrapPitchClass((number - 8) * 7);
        minor = letter == 'a';
    } else if (letter == 'm' || letter == 'd') {
        majorTonic = wrapPitchClass((number - 1) * 7);
        minor = letter == 'm';
    } else {
        return std::nullopt;
    }
    return MusicalKey{minor ? wrapPitchClass(majorTonic + 9) : majorTonic, minor};
}

} // namespace

MusicalKey MusicalKey::relative() const
{
    return minor ? MusicalKey{wrapPitchClass(tonic + 3), false} : MusicalKey{wrapPitchClass(tonic + 9), true};
}

std::string MusicalKey::name() const
{
    static const char* kMajor[12] = {"C", "Db", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"};
    static const char* kMinor[12] = {"C", "C#", "D", "Eb", "E", "F", "F#", "G", "G#", "A", "Bb", "B"};
    const int pc = wrapPitchClass(tonic);
    return std::string(minor ? kMinor[pc] : kMajor[pc]) + (minor ? " minor" : " major");
}

std::optional<MusicalKey> parseMusicalKey(const std::string& text)
{
    // Case-insensitive: DJ software writes "Am" and "AM" alike for A minor.
    const std::string s = normalised(text);
    if (s.empty())
        return std::nullopt;
    if (std::isdigit(static_cast<unsigned char>(s.front())))
        return parseWheelCode(s);

    static const int kNaturals[7] = {9, 11, 0, 2, 4, 5, 7}; // a b c d e f g
    if (s.front() < 'a' || s.front() > 'g')
        return std::nullopt;
    int tonic = kNaturals[s.front() - 'a'];
    size_t at = 1;
    while (at < s.size() &&
           (s[at] == '#' || s[at] == 'b' || s.compare(at, 3, "♯") == 0 || s.compare(at, 3, "♭") == 0)) {
        if (s[at] == '#') {
            ++tonic;
            at += 1;
        } else if (s[at] == 'b') {
            --tonic;
            at += 1;
        } else {
            tonic += s.compare(at, 3, "♯") == 0 ? 1 : -1;
            at += 3;
        }
    }
    const std::string mode = s.substr(at);
    bool minor = false;
    if (mode.empty() || mode == "maj" || mode == "major" || mode == "dur")
        minor = false;
    else if (mode == "m" || mode == "min" || mode == "minor" || mode == "moll")
        minor = true;
    else
        return std::nullopt;
    return MusicalKey{wrapPitchClass(tonic), minor};
}

int transpositionSemitones(const MusicalKey& from, const MusicalKey& to)
{
    const MusicalKey target = from.minor == to.minor ? to : to.relative();
    int shift = wrapPitchClass(target.tonic - from.tonic); // 0..11
    if (shift >= 6)
        shift -= 12; // -6..+5
    return shift;
}

Result<int> transpositionSemitones(const std::string& fromKey, const std::string& toKey)
{
    const std::optional<MusicalKey> from = parseMusicalKey(fromKey);
    if (!from)
        return makeError("'" + fromKey + "' is not a key (try \"A minor\", \"F#m\", \"Bb major\" or \"8A\")");
    const std::optional<MusicalKey> to = parseMusicalKey(toKey);
    if (!to)
        return makeError("'" + toKey + "' is not a key (try \"A minor\", \"F#m\", \"Bb major\" or \"8A\")");
    return transpositionSemitones(*from, *to);
}

} // namespace stemcrate::library
