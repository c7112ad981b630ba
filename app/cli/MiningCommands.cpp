#include "MiningCommands.h"

#include "CliArguments.h"
#include "CliOutput.h"
#include "Interrupt.h"
#include "StemFiles.h"

#include "audio/Decoder.h"
#include "mining/KitExporter.h"
#include "mining/LoopSuggester.h"
#include "mining/OneShotMiner.h"
#include "mining/Slicer.h"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <optional>

namespace stemcrate::cli {

namespace fs = std::filesystem;

const char* loopsUsage()
{
    // clang-format off: the help text as it prints
    // The synopsis as typed, the description in the user's language.
    static const std::string text =
        "usage: stemcrate-cli loops [--stems DIR] INPUT...\n"
        "\n" +
        translate("stemcrate-cli",
                  "Prints ranked 1, 2, 4 and 8-bar loop suggestions on downbeats, one JSON object per line: path,\n"
                  "stem, start_s, end_s, bars, score (0..1), bpm, key (null when unknown or for drums).\n"
                  "  --stems DIR   suggest loops in the stems 'stemcrate-cli separate -o DIR' wrote for each INPUT\n"
                  "                (the beat grid from the drums); without it, in INPUT itself (stem \"mix\")\n");
    // clang-format on
    return text.c_str();
}

const char* chopUsage()
{
    // clang-format off: the help text as it prints
    // The synopsis as typed, the description in the user's language.
    static const std::string text =
        "usage: stemcrate-cli chop INPUT --start SECONDS --end SECONDS (--slices N | --beats | --transients)\n"
        "                          [--sensitivity 0..1] [--name NAME] -o DIR\n"
        "\n" +
        translate("stemcrate-cli",
                  "Cuts the region [start, end) of INPUT into slices and writes DIR/<name>-01.wav ... (24-bit WAV,\n"
                  "short fades, boundaries on zero crossings) plus DIR/<name>.sfz and DIR/<name>.dspreset mapping them\n"
                  "chromatically from C1 (MIDI 36). Prints one JSON line per slice: index, start_s, end_s, note, file.\n"
                  "  --slices N      N equal parts (1 to 92)\n"
                  "  --beats         one slice per beat (the beat grid of the whole INPUT)\n"
                  "  --transients    a slice at every transient\n"
                  "  --sensitivity S transient sensitivity, 0 (strongest only) to 1 (default 0.5)\n"
                  "  --name NAME     file name stem (default: INPUT's name)\n");
    // clang-format on
    return text.c_str();
}

const char* oneShotsUsage()
{
    // clang-format off: the help text as it prints
    // The synopsis as typed, the description in the user's language.
    static const std::string text =
        "usage: stemcrate-cli oneshots [--sensitivity 0..1] -o DIR INPUT...\n"
        "\n" +
        translate("stemcrate-cli",
                  "Detects every hit of each INPUT (a drums stem, say), trims it from its onset to the end of its\n"
                  "decay, classifies it (kick, snare, clap, hat_closed, hat_open, cymbal, tom, perc, tonal) and groups\n"
                  "near-duplicates. Writes a kit per INPUT into DIR: <name>-<class>-<n>.wav, one per group (its cleanest\n"
                  "hit), plus <name>.sfz and <name>.dspreset on General MIDI drum notes (<name> = INPUT's name).\n"
                  "Prints one JSON line per hit: path, start_s, class, confidence, group, file (its group's sample).\n"
                  "  --sensitivity S onset sensitivity, 0 (strongest only) to 1 (default 0.6)\n");
    // clang-format on
    return text.c_str();
}

namespace {

audio::DecodeOptions decodeOptions()
{
    audio::DecodeOptions options;
    options.isCancelled = interrupted;
    return options;
}

// Decodes or prints the error (nothing when interrupted).
std::optional<audio::Track> decode(const std::string& path, const std::string& reportAs)
{
    Result<audio::Track> track = audio::decodeFile(path, decodeOptions());
    if (!track) {
        if (!interrupted())
            printError(reportAs, reasonOnly(track.error(), path));
        return std::nullopt;
    }
    return std::move(track).value();
}

std::string seconds(int64_t frames, int sampleRate)
{
    return jsonNumber(static_cast<double>(frames) / sampleRate, 3);
}

// Runs `one` per input; the exit status the commands share.
template <class Function> int forEachInput(const std::vector<std::string>& inputs, Function one)
{
    int failures = 0;
    for (const std::string& path : inputs) {
        if (interrupted())
            return 130;
        if (!one(path)) {
            if (interrupted())
                return 130;
            ++failures;
        }
    }
    return failures ? 1 : 0;
}

std::optional<double> readSensitivity(const CliArguments& a, double fallback, std::string& error)
{
    if (auto text = a.value("sensitivity")) {
        const std::optional<double> parsed = parseNumber(*text, 0.0, 1.0);
        if (!parsed)
            error = translate("stemcrate-cli", "--sensitivity must be a number from 0 to 1");
        return parsed;
    }
    return fallback;
}

bool suggestLoops(const std::string& path, const std::optional<fs::path>& stemsDir)
{
    std::vector<audio::Track> tracks;
    std::vector<mining::StemSource> stems;
    if (stemsDir) {
        for (const char* name : kStemNames) {
            const std::optional<fs::path> file = stemFile(*stemsDir, path, name);
            if (!file) {
                printError(path, substitute(translate("stemcrate-cli", "no %1 stem in %2"),
                                            {name, stemFolder(*stemsDir, path).string()}));
                return false;
            }
            std::optional<audio::Track> stem = decode(file->string(), path);
            if (!stem)
                return false;
            tracks.push_back(std::move(*stem));
        }
        for (size_t i = 0; i < tracks.size(); ++i)
            stems.push_back({kStemNames[i], &tracks[i].audio});
    } else {
        std::optional<audio::Track> track = decode(path, path);
        if (!track)
            return false;
        tracks.push_back(std::move(*track));
        stems.push_back({"mix", &tracks.front().audio});
    }
    for (const mining::StemSource& stem : stems)
        if (stem.audio->frames != stems.front().audio->frames) {
            printError(path, substitute(translate("stemcrate-cli", "the stems in %1 differ in length"),
                                        {stemFolder(*stemsDir, path).string()}));
            return false;
        }
    mining::LoopSuggesterOptions options;
    options.isCancelled = interrupted;
    mining::LoopSuggester suggester(options);
    Result<bool> updated = suggester.update(stems, stems.front().audio->frames, true);
    if (!updated)
        return false; // cancelled
    if (!suggester.tempo()) {
        printError(path, translate("stemcrate-cli", "no steady beat found, so no bar-aligned loops (is it at least 4 seconds long?)"));
        return false;
    }
    const int rate = stems.front().audio->sampleRate;
    for (const mining::LoopSuggestion& s : suggester.suggestions())
        std::printf("{\"path\":%s,\"stem\":%s,\"start_s\":%s,\"end_s\":%s,\"bars\":%d,\"score\":%s,\"bpm\":%s,"
                    "\"key\":%s}\n",
                    jsonString(path).c_str(), jsonString(s.stem).c_str(), seconds(s.startFrame, rate).c_str(),
                    seconds(s.endFrame, rate).c_str(), s.bars, jsonNumber(s.score, 3).c_str(),
                    jsonNumber(s.bpm, 2).c_str(), s.key.empty() ? "null" : jsonString(s.key).c_str());
    std::fflush(stdout);
    return true;
}

} // namespace

int runLoops(const std::vector<std::string>& args)
{
    CliArguments a({"stems"}, {"help", "h"});
    if (std::optional<int> done = parseCommandLine(a, args, loopsUsage()))
        return *done;
    if (a.positional().empty())
        return usageError(translate("stemcrate-cli", "no INPUT given"), loopsUsage());
    std::optional<fs::path> stemsDir;
    if (auto dir = a.value("stems")) {
        std::error_code error;
        if (!fs::is_directory(*dir, error))
            return usageError(substitute(translate("stemcrate-cli", "--stems: '%1' is not a folder"), {*dir}),
                              loopsUsage());
        stemsDir = fs::path(*dir);
    }
    return forEachInput(a.positional(), [&](const std::string& path) { return suggestLoops(path, stemsDir); });
}

int runChop(const std::vector<std::string>& args)
{
    CliArguments a({"start", "end", "slices", "sensitivity", "name", "o"}, {"beats", "transients", "help", "h"});
    if (std::optional<int> done = parseCommandLine(a, args, chopUsage()))
        return *done;
    if (a.positional().size() != 1)
        return usageError(a.positional().empty() ? translate("stemcrate-cli", "no INPUT given")
                                                 : translate("stemcrate-cli", "give exactly one INPUT"),
                          chopUsage());
    const std::string input = a.positional().front();
    double startSeconds = 0, endSeconds = 0;
    for (auto [name, target] : {std::pair{"start", &startSeconds}, std::pair{"end", &endSeconds}}) {
        auto v = a.value(name);
        if (!v)
            return usageError(substitute(translate("stemcrate-cli", "missing --%1 SECONDS"), {name}), chopUsage());
        auto n = parseNumber(*v, 0.0, 3.0 * 3600.0);
        if (!n)
            return usageError(std::string("--") + name + " needs seconds between 0 and 10800, got '" + *v + "'",
                              chopUsage());
        *target = *n;
    }
    if (endSeconds <= startSeconds)
        return usageError(translate("stemcrate-cli", "--end must be after --start"), chopUsage());
    mining::SliceOptions options;
    const int modes = a.has("slices") + a.has("beats") + a.has("transients");
    if (modes != 1)
        return usageError(translate("stemcrate-cli", "give one of --slices N, --beats or --transients"), chopUsage());
    if (auto v = a.value("slices")) {
        const std::optional<int> count = parseInteger(*v, 1, 128 - mining::kFirstSliceNote);
        if (!count)
            return usageError(substitute(translate("stemcrate-cli", "--slices needs a whole number from 1 to 92, got '%1'"), {*v}), chopUsage());
        options.mode = mining::SliceMode::Equal;
        options.count = *count;
    } else {
        options.mode = a.has("beats") ? mining::SliceMode::Beats : mining::SliceMode::Transients;
    }
    std::string error;
    const std::optional<double> sensitivity = readSensitivity(a, options.sensitivity, error);
    if (!sensitivity)
        return usageError(error, chopUsage());
    options.sensitivity = *sensitivity;
    const std::optional<std::string> folder = a.value("o");
    if (!folder)
        return usageError(translate("stemcrate-cli", "missing -o DIR"), chopUsage());
    const std::string name = a.value("name").value_or(fs::path(input).stem().string());

    std::optional<audio::Track> track = decode(input, input);
    if (!track)
        return interrupted() ? 130 : 1;
    const AudioBuffer& audio = track->audio;
    const auto startFrame = static_cast<int64_t>(std::llround(startSeconds * audio.sampleRate));
    const auto endFrame = static_cast<int64_t>(std::llround(endSeconds * audio.sampleRate));
    if (endFrame > audio.frames) {
        printError(input, substitute(translate("stemcrate-cli",
                                               "the region ends at %1 s, after the end of the audio (%2 s)"),
                                     {jsonNumber(endSeconds, 3), jsonNumber(audio.seconds(), 3)}));
        return 1;
    }
    const mining::Slicer slicer(options);
    Result<std::vector<mining::Slice>> slices = slicer.plan(audio, startFrame, endFrame);
    if (!slices) {
        printError(input, slices.error());
        return 1;
    }
    if (slices->size() > static_cast<size_t>(128 - mining::kFirstSliceNote)) {
        const int count = static_cast<int>(slices->size()); // a plain argument: lupdate misreads a cast's <>
        printError(input, translate("stemcrate-cli", "found %n slice(s), more than the 92 keys from C1 up",
                                    nullptr, count));
        return 1;
    }
    std::vector<AudioBuffer> rendered;
    for (const mining::Slice& slice : slices.value())
        rendered.push_back(slicer.render(audio, slice));
    if (interrupted())
        return 130;
    Result<mining::KitFiles> files = mining::exportSliceKit(rendered, *folder, name);
    if (!files) {
        printError(input, files.error());
        return 1;
    }
    for (size_t i = 0; i < slices->size(); ++i)
        std::printf("{\"index\":%zu,\"start_s\":%s,\"end_s\":%s,\"note\":%d,\"file\":%s}\n", i + 1,
                    seconds(slices.value()[i].startFrame, audio.sampleRate).c_str(),
                    seconds(slices.value()[i].endFrame, audio.sampleRate).c_str(), files->notes[i],
                    jsonString((fs::path(*folder) / files->samples[i]).string()).c_str());
    std::fflush(stdout);
    return 0;
}

int runOneShots(const std::vector<std::string>& args)
{
    CliArguments a({"sensitivity", "o"}, {"help", "h"});
    if (std::optional<int> done = parseCommandLine(a, args, oneShotsUsage()))
        return *done;
    if (a.positional().empty())
        return usageError(translate("stemcrate-cli", "no INPUT given"), oneShotsUsage());
    mining::OneShotOptions options;
    std::string error;
    const std::optional<double> sensitivity = readSensitivity(a, options.extractor.sensitivity, error);
    if (!sensitivity)
        return usageError(error, oneShotsUsage());
    options.extractor.sensitivity = *sensitivity;
    options.extractor.isCancelled = interrupted;
    const std::optional<std::string> folder = a.value("o");
    if (!folder)
        return usageError(translate("stemcrate-cli", "missing -o DIR"), oneShotsUsage());
    const mining::OneShotMiner miner(options);
    const mining::HitExtractor extractor(options.extractor);
    return forEachInput(a.positional(), [&](const std::string& path) {
        std::optional<audio::Track> track = decode(path, path);
        if (!track)
            return false;
        Result<mining::OneShotResult> result = miner.mine(track->audio);
        if (!result) {
            if (!interrupted())
                printError(path, result.error());
            return false;
        }
        if (result->hits.empty()) {
            printError(path, translate("stemcrate-cli", "no hits found"));
            return false;
        }
        Result<mining::KitFiles> files =
            mining::exportDrumKit(track->audio, result.value(), extractor, *folder, fs::path(path).stem().string());
        if (!files) {
            printError(path, files.error());
            return false;
        }
        for (const mining::OneShot& shot : result->hits)
            std::printf("{\"path\":%s,\"start_s\":%s,\"class\":\"%s\",\"confidence\":%s,\"group\":%d,\"file\":%s}\n",
                        jsonString(path).c_str(), seconds(shot.hit.attackFrame, track->audio.sampleRate).c_str(),
                        mining::hitClassName(shot.classification.hitClass),
                        jsonNumber(shot.classification.confidence, 3).c_str(), shot.group,
                        jsonString((fs::path(*folder) / files->samples[static_cast<size_t>(shot.group)]).string())
                            .c_str());
        std::fflush(stdout);
        return true;
    });
}

} // namespace stemcrate::cli
