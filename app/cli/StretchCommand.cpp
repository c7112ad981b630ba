#include "StretchCommand.h"

#include "CliArguments.h"
#include "CliOutput.h"
#include "ExportOutput.h"
#include "Interrupt.h"

#include "analysis/KeyDetector.h"
#include "analysis/TempoEstimator.h"
#include "audio/Decoder.h"
#include "library/MusicalKey.h"
#include "library/SampleExporter.h"

#include <cstdio>
#include <filesystem>
#include <optional>

namespace stemcrate::cli {

namespace fs = std::filesystem;

const char* stretchUsage()
{
    // clang-format off: the help text as it prints
    // The synopsis as typed, the description in the user's language.
    static const std::string text =
        "usage: stemcrate-cli stretch INPUT (--bpm B [--from-bpm A]) [--semitones N | --to-key K [--from-key K]]\n"
        "                             [--loop] [--formants] [--format wav|flac|aiff] [--bit-depth 16|24|32f]\n"
        "                             [--no-dither] [--name TEMPLATE] -o OUTPUT_FILE_OR_DIR\n"
        "\n" +
        translate("stemcrate-cli",
                  "Time-stretches INPUT to a tempo and shifts it to a key (Rubber Band R3); at least one of --bpm,\n"
                  "--semitones, --to-key. The output has round(frames x from-bpm / bpm) frames.\n"
                  "  --bpm B          target tempo (1..999)\n"
                  "  --from-bpm A     INPUT's tempo (default: its BPM tag, else its analysis)\n"
                  "  --semitones N    shift by N semitones (-24..24, fractions allowed)\n"
                  "  --to-key K       shift into key K by the nearest transposition (+-6 semitones); a key of the\n"
                  "                   other mode counts as its relative (\"A minor\" into \"C major\": no shift).\n"
                  "                   Keys: \"A minor\", \"F#m\", \"Bb major\", \"C\", Camelot \"8A\", Open Key \"1m\"\n"
                  "  --from-key K     INPUT's key (default: its key tag, else its analysis)\n"
                  "  --loop           INPUT is a loop: stretched circularly, so it stays seamless; loop points\n"
                  "  --formants       keep the formants when shifting (voices)\n"
                  "  --format, --bit-depth, --no-dither, --name, -o   as for 'export' (default format from -o,\n"
                  "                   else wav; 32f for wav, 24 for flac and aiff); an existing file is never replaced\n");
    // clang-format on
    return text.c_str();
}

namespace {

struct Settings
{
    std::string input;
    library::ExportRequest request;
    std::optional<double> fromBpm;
    std::string fromKey;
    FileOutputArguments out;
};

std::string readSettings(const CliArguments& a, Settings& s)
{
    if (std::string error = readSingleInput(a, s.input); !error.empty())
        return error;
    library::FitTarget& fit = s.request.options.fit;
    if (auto v = a.value("bpm")) {
        auto n = parseNumber(*v, 1.0, 999.0);
        if (!n)
            return substitute(translate("stemcrate-cli", "--bpm needs a tempo between 1 and 999, got '%1'"), {*v});
        fit.targetBpm = *n;
    }
    if (auto v = a.value("from-bpm")) {
        auto n = parseNumber(*v, 1.0, 999.0);
        if (!n)
            return substitute(translate("stemcrate-cli", "--from-bpm needs a tempo between 1 and 999, got '%1'"), {*v});
        if (fit.targetBpm <= 0)
            return translate("stemcrate-cli", "--from-bpm needs --bpm");
        s.fromBpm = *n;
    }
    if (a.has("semitones") && a.has("to-key"))
        return translate("stemcrate-cli", "give either --semitones or --to-key, not both");
    if (auto v = a.value("semitones")) {
        auto n = parseNumber(*v, -24.0, 24.0);
        if (!n)
            return substitute(translate("stemcrate-cli", "--semitones needs a number between -24 and 24, got '%1'"), {*v});
        fit.semitones = *n;
    }
    for (const char* name : {"to-key", "from-key"})
        if (auto v = a.value(name); v && !library::parseMusicalKey(*v))
            return substitute(translate("stemcrate-cli",
                                        "--%1 '%2' is not a key (try \"A minor\", \"F#m\", \"Bb major\" or \"8A\")"),
                              {name, *v});
    if (auto v = a.value("to-key"))
        fit.targetKey = *v;
    if (auto v = a.value("from-key")) {
        if (fit.targetKey.empty())
            return translate("stemcrate-cli", "--from-key needs --to-key");
        s.fromKey = *v;
    }
    if (!fit.active() && !a.has("semitones"))
        return translate("stemcrate-cli", "give --bpm, --semitones or --to-key");
    fit.preserveFormants = a.has("formants");
    s.request.options.loop = a.has("loop");
    s.request.options.dither = !a.has("no-dither");
    s.request.nameTemplate = a.value("name").value_or("{source} - {bpm}bpm {key}");
    return readFileOutputArguments(a, s.out);
}

// The tempo and key the fit starts from: given, else tagged, else analysed (only what the fit needs).
std::string findSource(const Settings& s, const audio::Track& track, library::SampleMetadata& m)
{
    const library::FitTarget& fit = s.request.options.fit;
    m.bpm = s.fromBpm.value_or(taggedBpm(track.info));
    m.key = s.fromKey.empty() ? taggedKey(track.info) : s.fromKey;
    if (fit.targetBpm > 0 && m.bpm <= 0) {
        Result<analysis::TempoResult> tempo = analysis::TempoEstimator().estimate(track.audio);
        if (!tempo)
            return substitute(translate("stemcrate-cli", "cannot find its tempo (%1); give --from-bpm"),
                              {tempo.error()});
        m.bpm = tempo->bpm;
    }
    if (!fit.targetKey.empty() && !library::parseMusicalKey(m.key)) {
        Result<analysis::KeyResult> key = analysis::KeyDetector().detect(track.audio);
        if (!key)
            return substitute(translate("stemcrate-cli", "cannot find its key (%1); give --from-key"), {key.error()});
        m.key = key->name;
    }
    return {};
}

} // namespace

int runStretch(const std::vector<std::string>& args)
{
    CliArguments a(
        {"bpm", "from-bpm", "semitones", "to-key", "from-key", "format", "bit-depth", "name", "o", "output"},
        {"help", "h", "loop", "formants", "no-dither"});
    if (std::optional<int> done = parseCommandLine(a, args, stretchUsage()))
        return *done;
    Settings s;
    if (std::string error = readSettings(a, s); !error.empty())
        return usageError(error, stretchUsage());
    if (std::string error = resolveExportOutput(s.out, s.request); !error.empty())
        return usageError(error, stretchUsage());

    int status = 0;
    const std::optional<audio::Track> track = decodeInput(s.input, status);
    if (!track)
        return status;
    const audio::Track& source = *track;
    library::ExportRequest& r = s.request;
    r.stems = {&source.audio};
    r.startFrame = 0;
    r.endFrame = source.audio.frames;
    library::SampleMetadata& m = r.metadata;
    describeSource(source, s.input, m);
    m.stem = fs::path(s.input).stem().string();
    if (std::string error = findSource(s, source, m); !error.empty()) {
        printError(s.input, error);
        return 1;
    }
    if (interrupted())
        return 130;

    Result<library::ExportResult> written = library::exportSample(r);
    if (!written) {
        printError(s.input, reasonOnly(written.error(), s.input));
        return 1;
    }
    std::printf("%s\n", written->path.c_str());
    return 0;
}

} // namespace stemcrate::cli
