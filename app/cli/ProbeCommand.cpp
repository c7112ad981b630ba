#include "ProbeCommand.h"

#include "CliArguments.h"
#include "CliOutput.h"
#include "Interrupt.h"

#include "audio/Decoder.h"

#include <cmath>
#include <cstdio>

namespace stemcrate::cli {

const char* probeUsage()
{
    // clang-format off: the help text as it prints
    // The synopsis as typed, the description in the user's language.
    static const std::string text =
        "usage: stemcrate-cli probe [--exact] FILE...\n"
        "\n" +
        translate("stemcrate-cli",
                  "Prints one JSON object per file (one line each): path, codec, sample_rate, channels,\n"
                  "duration_s, frames_44k1, frames_exact, title, artist, album, tags.\n"
                  "  --exact   decode each file for its exact length at 44.1 kHz (slower); without it the\n"
                  "            length comes from the container's header\n");
    // clang-format on
    return text.c_str();
}

namespace {

std::string number(double value)
{
    char text[40];
    std::snprintf(text, sizeof(text), "%.6f", value);
    return text;
}

std::string probeLine(const audio::TrackInfo& info, int64_t frames, bool exact)
{
    std::string line = "{\"path\":" + jsonString(info.path);
    line += ",\"codec\":" + jsonString(info.codec);
    line += ",\"sample_rate\":" + std::to_string(info.sourceSampleRate);
    line += ",\"channels\":" + std::to_string(info.sourceChannels);
    line += ",\"duration_s\":" + number(info.durationSeconds);
    line += ",\"frames_44k1\":" + std::to_string(frames);
    line += std::string(",\"frames_exact\":") + (exact ? "true" : "false");
    line += ",\"title\":" + jsonString(info.title);
    line += ",\"artist\":" + jsonString(info.artist);
    line += ",\"album\":" + jsonString(info.album);
    line += ",\"tags\":{";
    bool first = true;
    for (const auto& [key, value] : info.tags) {
        line += (first ? "" : ",") + jsonString(key) + ":" + jsonString(value);
        first = false;
    }
    return line + "}}";
}

// Returns false after printing the error.
bool probeOne(const std::string& path, bool exact)
{
    if (exact) {
        audio::DecodeOptions options;
        options.isCancelled = interrupted;
        Result<audio::Track> track = audio::decodeFile(path, options);
        if (!track) {
            printError(path, reasonOnly(track.error(), path));
            return false;
        }
        std::printf("%s\n", probeLine(track->info, track->audio.frames, true).c_str());
    } else {
        Result<audio::TrackInfo> info = audio::probeFile(path);
        if (!info) {
            printError(path, reasonOnly(info.error(), path));
            return false;
        }
        const auto frames = static_cast<int64_t>(std::llround(info->durationSeconds * kEngineSampleRate));
        std::printf("%s\n", probeLine(info.value(), frames, false).c_str());
    }
    std::fflush(stdout);
    return true;
}

} // namespace

int runProbe(const std::vector<std::string>& args)
{
    CliArguments a({}, {"help", "h", "exact"});
    if (std::optional<int> done = parseCommandLine(a, args, probeUsage()))
        return *done;
    if (a.positional().empty()) {
        return usageError(translate("stemcrate-cli", "no FILE given"), probeUsage());
    }
    int failures = 0;
    for (const std::string& path : a.positional()) {
        if (interrupted())
            return 130;
        if (!probeOne(path, a.has("exact")))
            ++failures;
    }
    return failures ? 1 : 0;
}

} // namespace stemcrate::cli
