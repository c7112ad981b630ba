#include "library/CamelotKey.h"

#include <cctype>
#include <string>

namespace stemcrate::library {
namespace {

constexpr int kWheel = 12;
constexpr const char* kNoteNames[kWheel] = {"C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"};

std::string lowerWithoutSpaces(std::string_view text)
{
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        // The Unicode sharp and flat signs (U+266F, U+266D: E2 99 AF / E2 99 AD) become '#' and 'b'.
        if (text.substr(i).starts_with("\u266F")) {
            out += '#';
            i += 2;
        } else if (text.substr(i).starts_with("\u266D")) {
            out += 'b';
            i += 2;
        } else if (!std::isspace(static_cast<unsigned char>(text[i])) && text[i] != '-' && text[i] != '_') {
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(text[i])));
        }
    }
    return out;
}

std::optional<CamelotKey> parseCamelotCode(const std::string& text)
{
    size_t digits = 0;
    while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits])))
        ++digits;
    if (digits == 0 || digits > 2 || digits + 1 != text.size())
        return std::nullopt;
    const int number = std::stoi(text.substr(0, digits));
    const char letter = text.back();
    if (number < 1 || number > kWheel || (letter != 'a' && letter != 'b'))
        return std::nullopt;
    return CamelotKey{number, letter == 'a'};
}

} // namespace

std::optional<CamelotKey> CamelotKey::parse(std::string_view text)
{
    const std::string t = lowerWithoutSpaces(text);
    if (t.empty())
        return std::nullopt;
    if (std::isdigit(static_cast<unsigned char>(t.front())))
        return parseCamelotCode(t);

    static constexpr int kPitchOfLetter[7] = {9, 11, 0, 2, 4, 5, 7}; // a b c d e f g
    if (t.front() < 'a' || t.front() > 'g')
        return std::nullopt;
    int pitch = kPitchOfLetter[t.front() - 'a'];
    std::string_view rest = std::string_view(t).substr(1);
    if (rest.starts_with("#") || rest.starts_with("sharp")) {
        ++pitch;
        rest.remove_prefix(rest.starts_with("#") ? 1 : 5);
    } else if (rest.starts_with("flat")) {
        --pitch;
        rest.remove_prefix(4);
    } else if (rest.starts_with("b")) { // "eb", "bbm": a 'b' right after the letter is a flat
        --pitch;
        rest.remove_prefix(1);
    }
    bool minor = false;
    if (rest.empty() || rest == "maj" || rest == "major" || rest == "dur")
        minor = false;
    else if (rest == "m" || rest == "min" || rest == "minor" || rest == "moll")
        minor = true;
    else
        return std::nullopt;
    return fromTonic((pitch + kWheel) % kWheel, minor);
}

CamelotKey CamelotKey::fromTonic(int tonic, bool minor)
{
    // Majors: C = 8B, each fifth up is one step clockwise. A minor key sits at its relative major's number.
    const int majorTonic = minor ? (tonic + 3) % kWheel : tonic % kWheel;
    const int number = ((majorTonic * 7) % kWheel + 7) % kWheel + 1;
    return CamelotKey{number, minor};
}

int CamelotKey::tonic() const
{
    // Inverse of fromTonic: steps of a fifth from C (8B).
    const int fifths = ((number - 8) % kWheel + kWheel) % kWheel;
    const int majorTonic = (fifths * 7) % kWheel;
    return minor ? (majorTonic + 9) % kWheel : majorTonic;
}

std::string CamelotKey::code() const
{
    return std::to_string(number) + (minor ? "A" : "B");
}

std::string CamelotKey::keyName() const
{
    return std::string(kNoteNames[tonic()]) + (minor ? " minor" : " major");
}

std::vector<CamelotKey> CamelotKey::compatibleKeys() const
{
    const int up = number % kWheel + 1;
    const int down = (number + kWheel - 2) % kWheel + 1;
    return {*this, CamelotKey{up, minor}, CamelotKey{down, minor}, CamelotKey{number, !minor}};
}

bool CamelotKey::isCompatibleWith(const CamelotKey& other) const
{
    for (const CamelotKey& key : compatibleKeys())
        if (key == other)
            return true;
    return false;
}

} // namespace stemcrate::library
