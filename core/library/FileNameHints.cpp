#include "library/FileNameHints.h"

#include "library/CamelotKey.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <filesystem>
#include <vector>

namespace stemcrate::library {
namespace {

std::vector<std::string> words(std::string_view name)
{
    std::vector<std::string> out;
    std::string word;
    for (const char c : name) {
        const bool separator = std::isspace(static_cast<unsigned char>(c)) || c == '_' || c == '-' ||
                               c == '.' || c == '(' || c == ')' || c == '[' || c == ']' || c == ',';
        if (separator) {
            if (!word.empty())
                out.push_back(std::move(word));
            word.clear();
        } else {
            word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
    }
    if (!word.empty())
        out.push_back(std::move(word));
    return out;
}

// The whole word as a number, or -1.
int wholeNumber(std::string_view word)
{
    int value = -1;
    const auto [end, ec] = std::from_chars(word.data(), word.data() + word.size(), value);
    return ec == std::errc() && end == word.data() + word.size() ? value : -1;
}

bool isModeWord(std::string_view word)
{
    return word == "minor" || word == "major" || word == "min" || word == "maj" || word == "m";
}

bool isOneOf(std::string_view word, std::initializer_list<std::string_view> options)
{
    return std::find(options.begin(), options.end(), word) != options.end();
}

double bpmOf(const std::vector<std::string>& w, bool saysLoop)
{
    for (size_t i = 0; i < w.size(); ++i) {
        const std::string_view word = w[i];
        if (word.size() > 3 && word.ends_with("bpm")) {
            const int n = wholeNumber(word.substr(0, word.size() - 3));
            if (n >= 40 && n <= 300)
                return n;
        }
        const int n = wholeNumber(word);
        if (n >= 40 && n <= 300 && i + 1 < w.size() && w[i + 1] == "bpm")
            return n;
    }
    if (saysLoop)
        for (const std::string& word : w)
            if (const int n = wholeNumber(word); n >= 60 && n <= 200 && word.size() <= 3)
                return n;
    return 0;
}

std::string keyOf(const std::vector<std::string>& w)
{
    for (size_t i = 0; i < w.size(); ++i) {
        const std::string& word = w[i];
        const bool letterOnly = word.size() == 1 || (word.size() == 2 && (word[1] == '#' || word[1] == 'b'));
        if (letterOnly) {
            // "A minor", "C# maj": a lone note needs a mode word after it ("a" is also just a word).
            if (i + 1 < w.size() && isModeWord(w[i + 1]))
                if (auto key = CamelotKey::parse(word + w[i + 1]))
                    return key->keyName();
            continue;
        }
        // "8a" would also be read from "8a" in "take 8a"; Camelot codes count only with a letter A/B and
        // a number up to 12, which is what CamelotKey accepts.
        if (auto key = CamelotKey::parse(word))
            return key->keyName();
    }
    return {};
}

} // namespace

FileNameHints FileNameHints::fromName(std::string_view name)
{
    const std::filesystem::path path{std::string(name)};
    const std::vector<std::string> w = words(path.stem().string());
    FileNameHints hints;
    bool saysOpen = false;
    for (size_t i = 0; i < w.size(); ++i) {
        const std::string_view word = w[i];
        if (hints.stem.empty()) {
            if (isOneOf(word, {"drums", "drum"}))
                hints.stem = "drums";
            else if (word == "bass")
                hints.stem = "bass";
            else if (isOneOf(word, {"vocals", "vocal", "vox"}))
                hints.stem = "vocals";
            else if (word == "other")
                hints.stem = "other";
            else if (word == "mix")
                hints.stem = "mix";
        }
        if (hints.kind == SampleKind::Unknown) {
            if (isOneOf(word, {"loop", "loops"}))
                hints.kind = SampleKind::Loop;
            else if (isOneOf(word, {"slice", "slices", "chop"}))
                hints.kind = SampleKind::Slice;
            else if (isOneOf(word, {"oneshot", "hit"}) ||
                     (word == "one" && i + 1 < w.size() && w[i + 1] == "shot"))
                hints.kind = SampleKind::OneShot;
        }
        saysOpen = saysOpen || word == "open" || word == "ohh";
        if (hints.sampleClass.empty()) {
            if (isOneOf(word, {"kick", "bd", "kickdrum"}))
                hints.sampleClass = "kick";
            else if (isOneOf(word, {"snare", "sd", "rim", "rimshot"}))
                hints.sampleClass = "snare";
            else if (isOneOf(word, {"clap", "claps"}))
                hints.sampleClass = "clap";
            else if (isOneOf(word, {"hat", "hihat", "hh", "hats", "chh", "ohh"}))
                hints.sampleClass = "hat";
            else if (isOneOf(word, {"cymbal", "crash", "ride", "splash", "china"}))
                hints.sampleClass = "cymbal";
            else if (isOneOf(word, {"tom", "toms"}))
                hints.sampleClass = "tom";
            else if (isOneOf(word, {"perc", "shaker", "conga", "bongo", "tamb", "tambourine", "cowbell"}))
                hints.sampleClass = "perc";
        }
    }
    if (hints.sampleClass == "hat")
        hints.sampleClass = saysOpen ? "hat_open" : "hat_closed";
    hints.bpm = bpmOf(w, hints.kind == SampleKind::Loop);
    hints.key = keyOf(w);
    return hints;
}

} // namespace stemcrate::library
