#include "SeparateCommand.h"

#include "AudioFormatArguments.h"
#include "CliArguments.h"
#include "CliOutput.h"
#include "Interrupt.h"
#include "SeparateOutputs.h"
#include "SongBatch.h"
#include "TerminalProgress.h"

#include "audio/AudioFileWriter.h"
#include "audio/Decoder.h"
#include "batch/SongList.h"
#include "common/ModelStore.h"
#include "separation/Separator.h"
#include "separation/StemCache.h"

#include <QString>

#include <cstdio>
#include <filesystem>
#include <optional>
#include <set>
#include <system_error>
#include <thread>

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
    // clang-format off: the help text as it prints
    // The synopsis as typed, the description in the user's language.
    static const std::string text =
        "usage: stemcrate-cli separate [--model PATH] [--segment SECONDS] [--overlap FRACTION] [--batch N]\n"
        "                              [--threads N] [--device cpu|cuda] [--format wav|flac|stem.mp4]\n"
        "                              [--bit-depth 16|24|32f] [--stems LIST] [--mix LIST]\n"
        "                              [--stem-codec aac|alac] [--manifest FILE] [--cache DIR]\n"
        "                              -o OUTDIR (INPUT... | --from-list FILE [--shard I/N])\n"
        "\n" +
        substitute(
            translate(
                "stemcrate-cli",
                "Writes OUTDIR/<input name>/{drums,bass,other,vocals}.<format>, as long as the input, then\n"
                "OUTDIR/<input name>/.stemcrate-complete.json (each stem's size and hash).\n"
                "  --model PATH      HDemucs checkpoint (default: the downloaded HDEMUCS_HIGH_MUSDB_PLUS)\n"
                "  --segment SECONDS window length (default %1); 0 = whole track in one window\n"
                "  --overlap FRACTION overlap between windows, 0..0.5 (default %2: %3 s)\n"
                "  --batch N         windows per forward pass (default 1 on cpu, %4 on cuda)\n"
                "  --threads N       compute threads (default: all cores; one beside a GPU)\n"
                "  --device cpu|cuda (default cpu)\n"
                "  --format wav|flac (default wav)\n"
                "  --bit-depth 16|24|32f (default 32f for wav, 24 for flac)\n"
                "  --from-list FILE  separate the songs listed in FILE (one path a line); songs whose stems are\n"
                "                    complete and unchanged are skipped, so a rerun finishes an interrupted run\n"
                "  --shard I/N       only this process's share of the list: the songs whose path hashes to I mod N\n"
                "  --manifest FILE   append one JSON line per song (default with --from-list: OUTDIR/manifest.jsonl)\n"
                "  --cache DIR       keep separated stems in DIR and reuse them for a song seen with the same model\n"
                "                    (the app's cache: $XDG_CACHE_HOME/stemcrate/stems)\n"),
            {formatNumber(separation::kDefaultSegmentSeconds), formatNumber(separation::kDefaultOverlap),
             formatNumber(separation::kDefaultOverlap * separation::kDefaultSegmentSeconds),
             std::to_string(separation::kDefaultCudaBatch)}) +
        std::string(separateOutputUsage());
    // clang-format on
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
    std::string listFile;
    batch::Shard shard;
    std::string shardText; // as given, for the manifest
    std::string manifest;
    std::string cacheFolder; // empty: no stem cache
    SeparateOutputs outputs; // --stems, --mix, stem.mp4 (SeparateOutputs.h)
};

// Fills `s` from the arguments; returns an error message for a usage error.
std::string readSettings(const CliArguments& a, Settings& s)
{
    if (auto v = a.value("model"))
        s.model = *v;
    if (auto v = a.value("segment")) {
        auto n = parseNumber(*v, 0.0, 3600.0);
        if (!n || (*n > 0.0 && *n < 0.1))
            return substitute(translate("stemcrate-cli", "--segment needs 0 or a length in seconds between 0.1 and 3600, got '%1'"), {*v});
        s.separator.segmentSeconds = *n;
    }
    if (auto v = a.value("overlap")) {
        auto n = parseNumber(*v, 0.0, 0.5);
        if (!n)
            return substitute(translate("stemcrate-cli", "--overlap needs a fraction between 0 and 0.5, got '%1'"), {*v});
        s.separator.overlap = *n;
    }
    if (auto v = a.value("batch")) {
        auto n = parseInteger(*v, 1, 256);
        if (!n)
            return substitute(translate("stemcrate-cli", "--batch needs a whole number between 1 and 256, got '%1'"), {*v});
        s.separator.batchSize = *n;
    }
    if (auto v = a.value("threads")) {
        auto n = parseInteger(*v, 1, 1024);
        if (!n)
            return substitute(translate("stemcrate-cli", "--threads needs a whole number of at least 1, got '%1'"), {*v});
        s.separator.threads = *n;
    }
    if (auto v = a.value("device")) {
        if (*v == "cpu")
            s.separator.device = separation::Device::Cpu;
        else if (*v == "cuda")
            s.separator.device = separation::Device::Cuda;
        else
            return substitute(translate("stemcrate-cli", "--device must be cpu or cuda, got '%1'"), {*v});
    }
    bool depthGiven = false;
    bool stemFile = false;
    if (std::string error = readSeparateOutputs(a, s.outputs, stemFile); !error.empty())
        return error;
    if (auto v = a.value("format"); v && !stemFile) {
        const auto format = parseFileFormat(*v, /*allowAiff*/ false);
        if (!format)
            return substitute(translate("stemcrate-cli", "--format must be wav or flac, got '%1'"), {*v});
        s.format = *format;
    }
    if (auto v = a.value("bit-depth")) {
        depthGiven = true;
        const auto depth = parseBitDepth(*v);
        if (!depth)
            return substitute(translate("stemcrate-cli", "--bit-depth must be 16, 24 or 32f, got '%1'"), {*v});
        s.sampleFormat = *depth;
    }
    if (s.format == audio::FileFormat::Flac) {
        if (!depthGiven)
            s.sampleFormat = audio::SampleFormat::Int24;
        else if (s.sampleFormat == audio::SampleFormat::Float32)
            return translate("stemcrate-cli", "FLAC cannot store 32-bit float; use --bit-depth 16 or 24");
    }
    auto out = a.value("o");
    if (!out)
        out = a.value("output");
    if (!out || out->empty())
        return translate("stemcrate-cli", "missing -o OUTDIR");
    s.outDir = fs::path(*out);
    if (auto v = a.value("from-list"))
        s.listFile = *v;
    if (auto v = a.value("shard")) {
        const auto shard = batch::parseShard(*v);
        if (!shard)
            return substitute(translate("stemcrate-cli", "--shard needs I/N with 0 <= I < N, got '%1'"), {*v});
        if (s.listFile.empty())
            return translate("stemcrate-cli", "--shard needs --from-list");
        s.shard = *shard;
        s.shardText = *v;
    }
    if (auto v = a.value("cache")) {
        if (v->empty())
            return translate("stemcrate-cli", "--cache needs a folder");
        s.cacheFolder = *v;
    }
    if (auto v = a.value("manifest"))
        s.manifest = *v;
    else if (!s.listFile.empty())
        s.manifest = (s.outDir / "manifest.jsonl").string();
    s.inputs = a.positional();
    if (!s.listFile.empty() && !s.inputs.empty())
        return translate("stemcrate-cli", "give INPUT files or --from-list, not both");
    if (s.inputs.empty() && s.listFile.empty())
        return translate("stemcrate-cli", "no INPUT files given");
    return {};
}

} // namespace


int runSeparate(const std::vector<std::string>& args)
{
    std::set<std::string> options = {"model",     "segment", "overlap", "batch", "threads",  "device", "format",
                                      "bit-depth", "o",       "output",  "from-list", "shard", "manifest", "cache"};
    options.insert(separateOutputOptionNames().begin(), separateOutputOptionNames().end());
    CliArguments a(options, {"help", "h"});
    if (std::optional<int> done = parseCommandLine(a, args, separateUsage()))
        return *done;
    Settings s;
    if (std::string error = readSettings(a, s); !error.empty())
        return usageError(error, separateUsage());
    if (!s.listFile.empty()) {
        Result<std::vector<std::string>> list = batch::readSongList(s.listFile);
        if (!list) {
            printError(s.listFile, reasonOnly(list.error(), s.listFile));
            return 1;
        }
        s.inputs = std::move(list).value();
    }
    // Folder names come from the whole list, so every shard names a song's folder alike.
    const std::vector<std::string> folders = batch::stemFolderNames(s.inputs);
    std::vector<SongJob> jobs;
    for (size_t i = 0; i < s.inputs.size(); ++i)
        if (s.listFile.empty() || batch::inShard(s.inputs[i], s.shard))
            jobs.push_back({s.inputs[i], s.outDir / folders[i]});
    if (jobs.empty())
        return 0;

    TerminalProgress bar;
    Result<QString> modelPath = ModelStore::ensureModel(
        QString::fromStdString(s.model),
        [&](qint64 received, qint64 total) {
            bar.update(translate("stemcrate-cli", "downloading the separation model"),
                       total > 0 ? double(received) / double(total) : 0.0);
        },
        interrupted);
    bar.finish();
    if (!modelPath) {
        if (interrupted())
            return 130;
        printError(s.model.empty() ? std::string("model") : s.model, modelPath.error());
        for (const SongJob& job : jobs)
            printError(job.input, translate("stemcrate-cli", "not separated: no usable model"));
        return 1;
    }

    // The cold start: the first song to separate decodes on a thread while the model loads (on a GPU the
    // load is CUDA's start, the warm-up pass and the checkpoint's read and upload), not after it.
    const bool skipComplete = !s.listFile.empty();
    DecodedAhead ahead;
    std::thread aheadThread;
    if (const SongJob* first = firstSongToDecode(jobs, skipComplete)) {
        ahead.input = first->input;
        try {
            aheadThread = std::thread([&ahead] {
                audio::DecodeOptions decodeOptions;
                decodeOptions.isCancelled = interrupted;
                ahead.track = audio::decodeFile(ahead.input, decodeOptions);
            });
        } catch (const std::system_error&) {
            // No thread: the batch decodes it as any other song.
        }
    }
    const std::string model = modelPath->toStdString();
    Result<std::unique_ptr<separation::Separator>> separator =
        separation::Separator::load(model, s.separator);
    if (aheadThread.joinable())
        aheadThread.join();
    if (!separator) {
        printError(model, reasonOnly(separator.error(), model));
        for (const SongJob& job : jobs)
            printError(job.input, translate("stemcrate-cli", "not separated: the model could not be loaded"));
        return 1;
    }

    SongBatchOptions batchOptions;
    batchOptions.format = s.format;
    batchOptions.sampleFormat = s.sampleFormat;
    batchOptions.outputs = s.outputs;
    batchOptions.outputs.format = s.format;
    batchOptions.outputs.sampleFormat = s.sampleFormat;
    batchOptions.skipComplete = skipComplete;
    batchOptions.manifestPath = s.manifest;
    batchOptions.shard = s.shardText.empty() ? "0/1" : s.shardText;
    batchOptions.cacheFolder = s.cacheFolder;
    batchOptions.modelIdentity = separation::StemCache::modelIdentity(model);
    const BatchOutcome outcome = runSongBatch(*separator.value(), jobs, batchOptions, bar, &ahead);
    if (outcome == BatchOutcome::Interrupted) {
        std::fprintf(stderr, "%s\n", translate("stemcrate-cli", "interrupted").c_str());
        return 130;
    }
    return outcome == BatchOutcome::SomeFailed ? 1 : 0;
}

} // namespace stemcrate::cli
