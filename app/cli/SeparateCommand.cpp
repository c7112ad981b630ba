#include "SeparateCommand.h"

#include "AudioFormatArguments.h"
#include "CliArguments.h"
#include "CliOutput.h"
#include "Interrupt.h"
#include "TerminalProgress.h"

#include "audio/AudioFileWriter.h"
#include "audio/Decoder.h"
#include "common/ModelStore.h"
#include "separation/Separator.h"

#include <QString>

#include <cstdio>
#include <filesystem>
#include <set>
#include <system_error>

namespace stemcrate::cli {

namespace fs = std::filesystem;

namespace {

// Up to three significant digits: 11, 0.0909, 1.
std::string formatNumber(double value)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.3g", value);
    return text;
}

} // namespace

const char* separateUsage()
{
    static const std::string text =
        "usage: stemcrate-cli separate [--model PATH] [--segment SECONDS] [--overlap FRACTION] [--batch N]\n"
        "                              [--threads N] [--device cpu|cuda] [--format wav|flac]\n"
        "                              [--bit-depth 16|24|32f] -o OUTDIR INPUT...\n"
        "\n"
        "Writes OUTDIR/<input name>/{drums,bass,other,vocals}.<format>, as long as the input.\n"
        "  --model PATH      HDemucs checkpoint (default: the downloaded HDEMUCS_HIGH_MUSDB_PLUS)\n"
        "  --segment SECONDS window length (default " +
        formatNumber(separation::kDefaultSegmentSeconds) +
        "); 0 = whole track in one window\n"
        "  --overlap FRACTION overlap between windows, 0..0.5 (default " +
        formatNumber(separation::kDefaultOverlap) + ": " +
        formatNumber(separation::kDefaultOverlap * separation::kDefaultSegmentSeconds) +
        " s)\n"
        "  --batch N         windows per forward pass (default 1 on cpu, " +
        std::to_string(separation::kDefaultCudaBatch) +
        " on cuda)\n"
        "  --threads N       compute threads (default: all cores; one beside a GPU)\n"
        "  --device cpu|cuda (default cpu)\n"
        "  --format wav|flac (default wav)\n"
        "  --bit-depth 16|24|32f (default 32f for wav, 24 for flac)\n";
    return text.c_str();
}

namespace {

struct Settings
{
    std::string model;
    separation::SeparatorOptions separator;
    audio::FileFormat format = audio::FileFormat::Wav;
    audio::SampleFormat sampleFormat = audio::SampleFormat::Float32;
    fs::path outDir;
    std::vector<std::string> inputs;
};

// Fills `s` from the arguments; returns an error message for a usage error.
std::string readSettings(const CliArguments& a, Settings& s)
{
    if (auto v = a.value("model"))
        s.model = *v;
    if (auto v = a.value("segment")) {
        auto n = parseNumber(*v, 0.0, 3600.0);
        if (!n || (*n > 0.0 && *n < 0.1))
            return "--segment needs 0 or a length in seconds between 0.1 and 3600, got '" + *v + "'";
        s.separator.segmentSeconds = *n;
    }
    if (auto v = a.value("overlap")) {
        auto n = parseNumber(*v, 0.0, 0.5);
        if (!n)
            return "--overlap needs a fraction between 0 and 0.5, got '" + *v + "'";
        s.separator.overlap = *n;
    }
    if (auto v = a.value("batch")) {
        auto n = parseInteger(*v, 1, 256);
        if (!n)
            return "--batch needs a whole number between 1 and 256, got '" + *v + "'";
        s.separator.batchSize = *n;
    }
    if (auto v = a.value("threads")) {
        auto n = parseInteger(*v, 1, 1024);
        if (!n)
            return "--threads needs a whole number of at least 1, got '" + *v + "'";
        s.separator.threads = *n;
    }
    if (auto v = a.value("device")) {
        if (*v == "cpu")
            s.separator.device = separation::Device::Cpu;
        else if (*v == "cuda")
            s.separator.device = separation::Device::Cuda;
        else
            return "--device must be cpu or cuda, got '" + *v + "'";
    }
    bool depthGiven = false;
    if (auto v = a.value("format")) {
        const auto format = parseFileFormat(*v, /*allowAiff*/ false);
        if (!format)
            return "--format must be wav or flac, got '" + *v + "'";
        s.format = *format;
    }
    if (auto v = a.value("bit-depth")) {
        depthGiven = true;
        const auto depth = parseBitDepth(*v);
        if (!depth)
            return "--bit-depth must be 16, 24 or 32f, got '" + *v + "'";
        s.sampleFormat = *depth;
    }
    if (s.format == audio::FileFormat::Flac) {
        if (!depthGiven)
            s.sampleFormat = audio::SampleFormat::Int24;
        else if (s.sampleFormat == audio::SampleFormat::Float32)
            return "FLAC cannot store 32-bit float; use --bit-depth 16 or 24";
    }
    auto out = a.value("o");
    if (!out)
        out = a.value("output");
    if (!out || out->empty())
        return "missing -o OUTDIR";
    s.outDir = fs::path(*out);
    s.inputs = a.positional();
    if (s.inputs.empty())
        return "no INPUT files given";
    return {};
}

// A folder name for an input that no earlier input of this run took ("song", then "song-2", ...).
fs::path uniqueStemFolder(const fs::path& outDir, const std::string& input, std::set<fs::path>& taken)
{
    std::string base = fs::path(input).stem().string();
    if (base.empty() || base == "." || base == "..")
        base = "track";
    fs::path candidate = outDir / base;
    for (int n = 2; taken.count(candidate); ++n)
        candidate = outDir / (base + "-" + std::to_string(n));
    taken.insert(candidate);
    return candidate;
}

enum class Outcome
{
    Ok,
    Failed,
    Interrupted
};

Outcome separateOne(separation::Separator& separator, const Settings& s, const std::string& input,
                    const fs::path& folder, TerminalProgress& bar)
{
    const std::string label = fs::path(input).filename().string();
    audio::DecodeOptions decodeOptions;
    decodeOptions.isCancelled = interrupted;
    decodeOptions.progress = [&](double f) { bar.update(label + " (decoding)", f); };
    Result<audio::Track> track = audio::decodeFile(input, decodeOptions);
    if (!track) {
        bar.finish();
        if (interrupted())
            return Outcome::Interrupted;
        printError(input, reasonOnly(track.error(), input));
        return Outcome::Failed;
    }

    separation::Stems stems;
    separation::SeparationCallbacks callbacks;
    callbacks.isCancelled = interrupted;
    callbacks.progress = [&](const separation::Progress& p) { bar.update(label, p.fraction, p.etaSeconds); };
    Result<void> separated = separator.separate(track->audio, stems, callbacks);
    bar.finish();
    if (!separated) {
        if (interrupted())
            return Outcome::Interrupted;
        printError(input, separated.error());
        return Outcome::Failed;
    }

    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec) {
        printError(input, "cannot create output folder '" + folder.string() + "': " + ec.message());
        return Outcome::Failed;
    }
    const char* extension = s.format == audio::FileFormat::Flac ? ".flac" : ".wav";
    for (size_t i = 0; i < stems.names.size(); ++i) {
        const fs::path target = folder / (stems.names[i] + extension);
        Result<void> written =
            audio::writeAudioFile(target.string(), stems.audio[i], s.format, s.sampleFormat);
        if (!written) {
            printError(input, written.error());
            return Outcome::Failed;
        }
    }
    std::printf("%s\n", folder.string().c_str());
    std::fflush(stdout);
    return Outcome::Ok;
}

} // namespace

int runSeparate(const std::vector<std::string>& args)
{
    CliArguments a(
        {"model", "segment", "overlap", "batch", "threads", "device", "format", "bit-depth", "o", "output"},
        {"help", "h"});
    if (std::string error = a.parse(args); !error.empty())
        return usageError(error, separateUsage());
    if (a.has("help") || a.has("h")) {
        std::printf("%s", separateUsage());
        return 0;
    }
    Settings s;
    if (std::string error = readSettings(a, s); !error.empty())
        return usageError(error, separateUsage());

    TerminalProgress bar;
    Result<QString> modelPath = ModelStore::ensureModel(
        QString::fromStdString(s.model),
        [&](qint64 received, qint64 total) {
            bar.update("downloading the separation model",
                       total > 0 ? double(received) / double(total) : 0.0);
        },
        interrupted);
    bar.finish();
    if (!modelPath) {
        if (interrupted())
            return 130;
        printError(s.model.empty() ? std::string("model") : s.model, modelPath.error());
        for (const std::string& input : s.inputs)
            printError(input, "not separated: no usable model");
        return 1;
    }

    const std::string model = modelPath->toStdString();
    Result<std::unique_ptr<separation::Separator>> separator =
        separation::Separator::load(model, s.separator);
    if (!separator) {
        printError(model, reasonOnly(separator.error(), model));
        for (const std::string& input : s.inputs)
            printError(input, "not separated: the model could not be loaded");
        return 1;
    }

    std::set<fs::path> taken;
    int failures = 0;
    for (const std::string& input : s.inputs) {
        const fs::path folder = uniqueStemFolder(s.outDir, input, taken);
        const Outcome outcome = separateOne(*separator.value(), s, input, folder, bar);
        if (outcome == Outcome::Interrupted) {
            std::fprintf(stderr, "interrupted\n");
            return 130;
        }
        if (outcome == Outcome::Failed)
            ++failures;
    }
    return failures ? 1 : 0;
}

} // namespace stemcrate::cli
