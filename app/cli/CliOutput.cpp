#include "CliOutput.h"

#include "CliArguments.h"

#include <QCoreApplication>

#include <cmath>
#include <cstdio>
#include <vector>

namespace stemcrate::cli {
namespace {

// Length of the valid UTF-8 sequence at text[at] (2 to 4 bytes), or 0.
size_t multiByteLength(std::string_view text, size_t at)
{
    const auto lead = static_cast<unsigned char>(text[at]);
    const size_t length = lead >= 0xC2 && lead <= 0xDF   ? 2
                          : lead >= 0xE0 && lead <= 0xEF ? 3
                          : lead >= 0xF0 && lead <= 0xF4 ? 4
                                                         : 0;
    if (length == 0 || at + length > text.size())
        return 0;
    for (size_t i = 1; i < length; ++i)
        if ((static_cast<unsigned char>(text[at + i]) & 0xC0) != 0x80)
            return 0;
    const auto second = static_cast<unsigned char>(text[at + 1]);
    // Overlong 3- and 4-byte forms, surrogates, and values past U+10FFFF.
    if ((lead == 0xE0 && second < 0xA0) || (lead == 0xED && second > 0x9F) ||
        (lead == 0xF0 && second < 0x90) || (lead == 0xF4 && second > 0x8F))
        return 0;
    return length;
}

} // namespace

std::string translate(const char* context, const char* sourceText)
{
    return QCoreApplication::translate(context, sourceText).toStdString();
}

std::string translate(const char* context, const char* sourceText, const char* disambiguation, int count)
{
    return QCoreApplication::translate(context, sourceText, disambiguation, count).toStdString();
}

std::string substitute(const std::string& text, std::initializer_list<std::string> values)
{
    const std::vector<std::string> byNumber(values);
    std::string out;
    out.reserve(text.size());
    for (size_t at = 0; at < text.size(); ++at) {
        const size_t number = at + 1 < text.size() ? size_t(text[at + 1] - '0') : 0;
        if (text[at] == '%' && number >= 1 && number <= 9 && number <= byNumber.size()) {
            out += byNumber[number - 1];
            ++at;
        } else {
            out += text[at];
        }
    }
    return out;
}

void printError(const std::string& file, const std::string& reason)
{
    std::fprintf(stderr, "error: %s: %s\n", file.c_str(), reason.c_str());
}

std::string jsonNumber(double value, int decimals)
{
    if (!std::isfinite(value))
        return "null";
    char text[48];
    std::snprintf(text, sizeof(text), "%.*f", decimals, value);
    return text;
}

int usageError(const std::string& message, const char* usage)
{
    std::fprintf(stderr, "error: %s\n\n%s", message.c_str(), usage);
    return 2;
}

std::optional<int> parseCommandLine(CliArguments& arguments, const std::vector<std::string>& args,
                                    const char* usage)
{
    if (std::string error = arguments.parse(args); !error.empty())
        return usageError(error, usage);
    if (arguments.has("help") || arguments.has("h")) {
        std::printf("%s", usage);
        return 0;
    }
    return std::nullopt;
}

std::string reasonOnly(const std::string& message, const std::string& file)
{
    const std::string prefix = "'" + file + "': ";
    if (message.rfind(prefix, 0) == 0)
        return message.substr(prefix.size());
    return message;
}

std::string jsonString(std::string_view text)
{
    std::string out = "\"";
    for (size_t at = 0; at < text.size();) {
        const auto c = static_cast<unsigned char>(text[at]);
        if (c >= 0x80) {
            const size_t length = multiByteLength(text, at);
            out += length ? text.substr(at, length) : std::string_view("\xEF\xBF\xBD");
            at += length ? length : 1;
            continue;
        }
        ++at;
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c < 0x20 || c == 0x7F) {
            char escape[8];
            std::snprintf(escape, sizeof(escape), "\\u%04x", c);
            out += escape;
        } else {
            out += static_cast<char>(c);
        }
    }
    out += '"';
    return out;
}

} // namespace stemcrate::cli
