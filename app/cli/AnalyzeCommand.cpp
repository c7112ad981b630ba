#include "AnalyzeCommand.h"

#include "CliArguments.h"
#include "CliOutput.h"
#include "Interrupt.h"
#include "StemFiles.h"

#include "analysis/BeatGrid.h"
#include "analysis/TrackAnalyzer.h"
#include "audio/Decoder.h"
#include "common/ThreadBudget.h"
#include "common/WorkerPool.h"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <optional>

namespace stemcrate::cli {

namespace fs = std::filesystem;

const char* analyzeUsage()
{
    // clang-format off: the help text as it prints
    // The synopsis as typed, the description in the user's language.
    static const std::string text =
        "usage: stemcrate-cli analyze [--stems DIR] [--sensitivity 0..1] [--bpm BPM] [--key KEY] FILE...\n"
        "\n" +
        translate("stemcrate-cli",
                  "Prints one JSON object per file (one line each): path, duration_s, bpm, bpm_confidence,\n"
                  "tempo_source, beats_s, downbeats_s, key, key_camelot, key_confidence, loudness_lufs,\n"
                  "true_peak_dbtp, onsets_s, loops [{start_s, end_s, bars, score}] and, with --stems, stems\n"
                  "[{name, loudness_lufs, true_peak_dbtp, onsets_s, loops}]. Unknown values are null; key is null for\n"
                  "material without tonal content (drums).\n"
                  "  --stems DIR        analyse the stems 'stemcrate-cli separate -o DIR' wrote for each FILE\n"
                  "                     (DIR/<file name>/{drums,bass,other,vocals}.wav or .flac)\n"
                  "  --sensitivity S    onset sensitivity, 0 (strongest hits only) to 1 (default 0.5)\n"
                  "  --bpm BPM          the tempo is BPM (20-400): the beat grid is laid at it over the detected\n"
                  "                     one, and loops follow it (tempo_source \"user\")\n"
                  "  --key KEY          the key is KEY (\"F# minor\", \"Bbm\", \"Eb\", Camelot \"8A\")\n");
    // clang-format on
    return text.c_str();
}

namespace {

std::string seconds(int64_t frames, int sampleRate)
{
    return jsonNumber(static_cast<double>(frames) / sampleRate, 3);
}

std::string secondsArray(const std::vector<int64_t>& frames, int sampleRate)
{
    std::string out = "[";
    for (size_t i = 0; i < frames.size(); ++i)
        out += (i ? "," : "") + seconds(frames[i], sampleRate);
    return out + "]";
}

std::string onsetArray(const std::vector<analysis::Onset>& onsets, int sampleRate)
{
    std::vector<int64_t> frames;
    frames.reserve(onsets.size());
    for (const analysis::Onset& onset : onsets)
        frames.push_back(onset.frame);
    return secondsArray(frames, sampleRate);
}

std::string loopArray(const std::vector<analysis::LoopCandidate>& loops, int sampleRate)
{
    std::string out = "[";
    for (size_t i = 0; i < loops.size(); ++i) {
        const analysis::LoopCandidate& loop = loops[i];
        out += std::string(i ? "," : "") + "{\"start_s\":" + seconds(loop.startFrame, sampleRate) +
               ",\"end_s\":" + seconds(loop.endFrame, sampleRate) + ",\"bars\":" + std::to_string(loop.bars) +
               ",\"score\":" + jsonNumber(loop.score, 3) + "}";
    }
    return out + "]";
}

std::string analysisLine(const std::string& path, const AudioBuffer& audio, const analysis::TrackAnalysis& a)
{
    const int rate = audio.sampleRate;
    std::string line = "{\"path\":" + jsonString(path);
    line += ",\"duration_s\":" + jsonNumber(audio.seconds(), 3);
    if (a.tempo) {
        line +=
            ",\"bpm\":" + jsonNumber(a.tempo->bpm, 2) + ",\"bpm_confidence\":" + jsonNumber(a.tempo->confidence, 3);
        line += ",\"tempo_source\":" + jsonString(a.tempoSource);
        line += ",\"beats_s\":" + secondsArray(a.tempo->beatFrames, rate);
        line += ",\"downbeats_s\":" + secondsArray(a.tempo->downbeatFrames, rate);
    } else {
        line += ",\"bpm\":null,\"bpm_confidence\":0,\"tempo_source\":null,\"beats_s\":[],\"downbeats_s\":[]";
    }
    if (a.key) {
        line += ",\"key\":" + jsonString(a.key->name) + ",\"key_camelot\":" + jsonString(a.key->camelot);
        line += ",\"key_confidence\":" + jsonNumber(a.key->confidence, 3);
    } else {
        line += ",\"key\":null,\"key_camelot\":null,\"key_confidence\":0";
    }
    line += ",\"loudness_lufs\":" + jsonNumber(a.mix.loudness.integratedLufs, 2);
    line += ",\"true_peak_dbtp\":" + jsonNumber(a.mix.loudness.truePeakDbtp, 2);
    line += ",\"onsets_s\":" + onsetArray(a.mix.onsets, rate);
    line += ",\"loops\":" + loopArray(a.mix.loops, rate);
    if (!a.stems.empty()) {
        line += ",\"stems\":[";
        for (size_t i = 0; i < a.stems.size(); ++i) {
            const analysis::StemAnalysis& stem = a.stems[i];
            line += std::string(i ? "," : "") + "{\"name\":" + jsonString(stem.name);
            line += ",\"loudness_lufs\":" + jsonNumber(stem.loudness.integratedLufs, 2);
            line += ",\"true_peak_dbtp\":" + jsonNumber(stem.loudness.truePeakDbtp, 2);
            line += ",\"onsets_s\":" + onsetArray(stem.onsets, rate);
            line += ",\"loops\":" + loopArray(stem.loops, rate) + "}";
        }
        line += "]";
    }
    return line + "}";
}

audio::DecodeOptions decodeOptions()
{
    audio::DecodeOptions options;
    options.isCancelled = interrupted;
    return options;
}

// Returns false after printing the error.
bool analyzeOne(const std::string& path, const std::optional<fs::path>& stemsDir,
                analysis::TrackAnalyzerOptions options)
{
    Result<audio::Track> track = audio::decodeFile(path, decodeOptions());
    if (!track) {
        printError(path, reasonOnly(track.error(), path));
        return false;
    }
    std::vector<audio::Track> stemTracks;
    std::vector<analysis::StemInput> stems;
    if (stemsDir) {
        for (const char* name : kStemNames) {
            const std::optional<fs::path> file = stemFile(*stemsDir, path, name);
            if (!file) {
                printError(path, substitute(translate("stemcrate-cli", "no %1 stem in %2"),
                                            {name, stemFolder(*stemsDir, path).string()}));
                return false;
            }
            Result<audio::Track> stem = audio::decodeFile(file->string(), decodeOptions());
            if (!stem) {
                printError(path, reasonOnly(stem.error(), file->string()));
                return false;
            }
            stemTracks.push_back(std::move(stem).value());
        }
        for (size_t i = 0; i < stemTracks.size(); ++i)
            stems.push_back({kStemNames[i], &stemTracks[i].audio});
    }
    options.isCancelled = interrupted;
    Result<analysis::TrackAnalysis> result = analysis::TrackAnalyzer(options).analyze(track->audio, stems);
    if (!result) {
        printError(path, result.error());
        return false;
    }
    std::printf("%s\n", analysisLine(path, track->audio, result.value()).c_str());
    std::fflush(stdout);
    return true;
}

} // namespace

int runAnalyze(const std::vector<std::string>& args)
{
    CliArguments a({"stems", "sensitivity", "bpm", "key"}, {"help", "h"});
    if (std::optional<int> done = parseCommandLine(a, args, analyzeUsage()))
        return *done;
    if (a.positional().empty())
        return usageError(translate("stemcrate-cli", "no FILE given"), analyzeUsage());
    analysis::TrackAnalyzerOptions options;
    if (auto text = a.value("sensitivity")) {
        const std::optional<double> parsed = parseNumber(*text, 0.0, 1.0);
        if (!parsed)
            return usageError(translate("stemcrate-cli", "--sensitivity must be a number from 0 to 1"), analyzeUsage());
        options.onsets.sensitivity = *parsed;
    }
    if (auto text = a.value("bpm")) {
        options.bpm = parseNumber(*text, analysis::BeatGrid::kMinBpm, analysis::BeatGrid::kMaxBpm);
        if (!options.bpm)
            return usageError(substitute(translate("stemcrate-cli", "--bpm needs a tempo from 20 to 400, got '%1'"), {*text}), analyzeUsage());
    }
    if (auto text = a.value("key")) {
        options.key = analysis::KeyDetector::fromName(*text);
        if (!options.key)
            return usageError(
                substitute(translate("stemcrate-cli",
                                     "--key needs a key such as \"F# minor\", \"Bbm\" or \"8A\", got '%1'"),
                           {*text}),
                analyzeUsage());
    }
    std::optional<fs::path> stemsDir;
    if (auto dir = a.value("stems")) {
        std::error_code error;
        if (!fs::is_directory(*dir, error))
            return usageError(substitute(translate("stemcrate-cli", "--stems: '%1' is not a folder"), {*dir}),
                              analyzeUsage());
        stemsDir = fs::path(*dir);
    }
    // The independent steps of each file's analysis on the budget's threads (started once, for every file).
    WorkerPool pool(ThreadBudget::forThisMachine(false).analysisStepThreads);
    options.pool = &pool;
    int failures = 0;
    for (const std::string& path : a.positional()) {
        if (interrupted())
            return 130;
        if (!analyzeOne(path, stemsDir, options)) {
            if (interrupted())
                return 130;
            ++failures;
        }
    }
    return failures ? 1 : 0;
}

} // namespace stemcrate::cli
