#include "library/FileNaming.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>
#include <vector>

namespace stemcrate::library {
namespace {

constexpr std::string_view kSeparatorChars = "-_.,;";
constexpr std::string_view kForbiddenChars = "/\\:*?\"<>|";

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

std::vector<std::string> splitWords(const std::string& text)
{
    std::vector<std::string> words;
    std::string word;
    for (char c : text) {
        if (isSpace(c)) {
            if (!word.empty())
                words.push_back(std::move(word));
            word.clear();
        } else {
            word += c;
        }
    }
    if (!word.empty())
        words.push_back(std::move(word));
    return words;
}

// A word of ASCII punctuation only, such as "-" or "|".
bool isSeparatorWord(const std::string& word)
{
    return std::all_of(word.begin(), word.end(),
                       [](char c) { return std::ispunct(static_cast<unsigned char>(c)) != 0; });
}

std::string trimSeparators(const std::string& text)
{
    const size_t first = text.find_first_not_of(kSeparatorChars);
    if (first == std::string::npos)
        return {};
    const size_t last = text.find_last_not_of(kSeparatorChars);
    return text.substr(first, last - first + 1);
}

struct ExpandedWord
{
    std::string text;
    bool separator = false; // punctuation-only word of the template itself
    bool dropped = false;
};

ExpandedWord expandWord(const std::string& word, const std::map<std::string, std::string>& fields)
{
    ExpandedWord out;
    int filled = 0;
    int empty = 0;
    size_t at = 0;
    while (at < word.size()) {
        const size_t open = word.find('{', at);
        const size_t close = open == std::string::npos ? std::string::npos : word.find('}', open);
        if (close == std::string::npos) {
            out.text += word.substr(at);
            break;
        }
        out.text += word.substr(at, open - at);
        const std::string name = word.substr(open + 1, close - open - 1);
        const auto field = fields.find(name);
        if (field == fields.end())
            out.text += word.substr(open, close - open + 1); // unknown: keep "{name}" visible
        else if (field->second.empty())
            ++empty;
        else {
            out.text += field->second;
            ++filled;
        }
        at = close + 1;
    }
    if (empty > 0 && filled == 0)
        out.dropped = true;
    else if (empty > 0)
        out.text = trimSeparators(out.text);
    out.separator = filled == 0 && empty == 0 && isSeparatorWord(word);
    return out;
}

// Length in bytes of the UTF-8 sequence at text[at], or 0 when it is not valid UTF-8.
size_t utf8Length(std::string_view text, size_t at)
{
    const auto lead = static_cast<unsigned char>(text[at]);
    size_t length = 0;
    uint32_t codePoint = 0;
    if (lead < 0x80)
        return 1;
    if ((lead & 0xE0) == 0xC0) {
        length = 2;
        codePoint = lead & 0x1F;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3;
        codePoint = lead & 0x0F;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4;
        codePoint = lead & 0x07;
    } else {
        return 0;
    }
    if (at + length > text.size())
        return 0;
    for (size_t i = 1; i < length; ++i) {
        const auto next = static_cast<unsigned char>(text[at + i]);
        if ((next & 0xC0) != 0x80)
            return 0;
        codePoint = (codePoint << 6) | (next & 0x3F);
    }
    // Overlong forms, UTF-16 surrogates and values past U+10FFFF are not valid UTF-8.
    static constexpr std::array<uint32_t, 5> kMinimum = {0, 0, 0x80, 0x800, 0x10000};
    if (codePoint < kMinimum[length] || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
        return 0;
    return length;
}

bool isControl(std::string_view sequence)
{
    const auto lead = static_cast<unsigned char>(sequence[0]);
    if (sequence.size() == 1)
        return lead < 0x20 || lead == 0x7F;
    // C1 controls U+0080..U+009F are encoded C2 80..C2 9F.
    return sequence.size() == 2 && lead == 0xC2 && static_cast<unsigned char>(sequence[1]) < 0xA0;
}

void trimEnd(std::string& name)
{
    while (!name.empty() && (name.back() == ' ' || name.back() == '.'))
        name.pop_back();
}

bool isWindowsDeviceName(std::string base)
{
    while (!base.empty() && base.back() == ' ')
        base.pop_back();
    for (char& c : base)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (base == "CON" || base == "PRN" || base == "AUX" || base == "NUL")
        return true;
    return base.size() == 4 && (base.starts_with("COM") || base.starts_with("LPT")) && base[3] >= '1' &&
           base[3] <= '9';
}

} // namespace

std::string expandNameTemplate(const std::string& nameTemplate,
                               const std::map<std::string, std::string>& fields)
{
    std::vector<ExpandedWord> words;
    for (const std::string& word : splitWords(nameTemplate)) {
        ExpandedWord expanded = expandWord(word, fields);
        if (!expanded.dropped && !expanded.text.empty())
            words.push_back(std::move(expanded));
    }
    std::string name;
    bool pendingSeparator = false;
    std::string separator;
    for (const ExpandedWord& word : words) {
        if (word.separator) {
            // Kept only between two content words, once.
            if (!name.empty() && !pendingSeparator) {
                pendingSeparator = true;
                separator = word.text;
            }
            continue;
        }
        if (!name.empty())
            name += pendingSeparator ? " " + separator + " " : " ";
        pendingSeparator = false;
        name += word.text;
    }
    return name;
}

std::string sanitizeFileName(const std::string& name, size_t maxBytes)
{
    std::string clean;
    clean.reserve(name.size());
    for (size_t at = 0; at < name.size();) {
        const size_t length = utf8Length(name, at);
        if (length == 0) {
            clean += '_';
            ++at;
            continue;
        }
        const std::string_view sequence(name.data() + at, length);
        at += length;
        char replacement = 0;
        if (isControl(sequence) || (length == 1 && isSpace(sequence[0])))
            replacement = ' ';
        else if (length == 1 && kForbiddenChars.find(sequence[0]) != std::string_view::npos)
            replacement = '_';
        if (replacement == ' ') {
            if (!clean.empty() && clean.back() != ' ')
                clean += ' ';
        } else if (replacement) {
            clean += replacement;
        } else {
            clean += sequence;
        }
    }
    trimEnd(clean);
    if (!clean.empty() && clean.front() == '.')
        clean.front() = '_';

    if (clean.size() > maxBytes) {
        size_t cut = maxBytes;
        while (cut > 0 && (static_cast<unsigned char>(clean[cut]) & 0xC0) == 0x80)
            --cut; // back to the start of the code point that would be split
        clean.resize(cut);
        trimEnd(clean);
    }
    if (clean.empty())
        return "untitled";

    const size_t dot = clean.find('.');
    if (isWindowsDeviceName(clean.substr(0, dot))) {
        size_t insertAt = dot == std::string::npos ? clean.size() : dot;
        while (insertAt > 0 && clean[insertAt - 1] == ' ')
            --insertAt;
        std::string marked = clean.substr(0, insertAt);
        marked += '_';
        if (marked.size() + clean.size() - insertAt <= maxBytes) // else "CON_" alone
            marked.append(clean, insertAt);
        clean = std::move(marked);
    }
    return clean;
}

} // namespace stemcrate::library
