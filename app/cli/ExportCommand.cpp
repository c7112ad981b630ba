#include "ExportCommand.h"

#include "CliArguments.h"
#include "CliOutput.h"
#include "ExportOutput.h"
#include "Interrupt.h"

#include "audio/Decoder.h"
#include "library/SampleExporter.h"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <optional>

namespace stemcrate::cli {

namespace fs = std::filesystem;

const char* exportUsage()
{
    // clang-format off: the help text as it prints
    // The synopsis as typed, the description in the user's language.
    static const std::string text =
        "usage: stemcrate-cli export INPUT --start SECONDS --end SECONDS [--fade-ms MS] [--fade-in-ms MS]\n"
        "                            [--fade-out-ms MS] [--fade-curve linear|equal-power] [--loop]\n"
        "                            [--loop-crossfade-ms MS] [--snap off|any|rising] [--snap-window-ms MS]\n"
        "                            [--format wav|flac|aiff] [--bit-depth 16|24|32f] [--no-dither]\n"
        "                            [--normalize] [--peak-db DB] [--stem NAME] [--bpm BPM] [--key KEY]\n"
        "                            [--name TEMPLATE] -o OUTPUT_FILE_OR_DIR\n"
        "\n" +
        translate("stemcrate-cli",
                  "Writes the region [start, end) of INPUT (decoded to 44.1 kHz stereo) and prints the path written.\n"
                  "  --fade-ms MS        fade in and out (default 0); --fade-in-ms / --fade-out-ms set one side\n"
                  "  --fade-curve C      linear (default) or equal-power\n"
                  "  --loop              click-free wrap (crossfade, length kept) and loop points in the file\n"
                  "  --snap MODE         move both edges to the nearest zero crossing (default off)\n"
                  "  --snap-window-ms MS how far to look for it (default 10)\n"
                  "  --format F          default: from OUTPUT's extension, else wav\n"
                  "  --bit-depth D       default 32f for wav (a sample-exact copy), 24 for flac and aiff\n"
                  "  --no-dither         no TPDF dither when writing 16 or 24 bit\n"
                  "  --normalize         scale the peak to --peak-db (default -0.1 dBFS)\n"
                  "  --stem, --bpm, --key  tags (default: stem = INPUT's name, bpm and key from INPUT's tags)\n"
                  "  --name TEMPLATE     file name when -o is a folder (default\n"
                  "                      \"{artist} - {title} - {stem} - {bpm}bpm {key} - {index}\")\n");
    // clang-format on
    return text.c_str();
}

namespace {

struct Settings
{
    std::string input;
    double startSeconds = 0;
    double endSeconds = 0;
    library::ExportRequest request;
    FileOutputArguments out;
};

std::string readMs(const CliArguments& a, const char* name, double& target)
{
    if (auto v = a.value(name)) {
        auto n = parseNumber(*v, 0.0, 60000.0);
        if (!n)
            return substitute(translate("stemcrate-cli", "--%1 needs milliseconds between 0 and 60000, got '%2'"),
                              {name, *v});
        target = *n;
    }
    return {};
}

std::string readSettings(const CliArguments& a, Settings& s)
{
    library::ExportOptions& o = s.request.options;
    if (std::string error = readSingleInput(a, s.input); !error.empty())
        return error;
    for (auto [name, target] : {std::pair{"start", &s.startSeconds}, std::pair{"end", &s.endSeconds}}) {
        auto v = a.value(name);
        if (!v)
            return substitute(translate("stemcrate-cli", "missing --%1 SECONDS"), {name});
        auto n = parseNumber(*v, 0.0, 3.0 * 3600.0);
        if (!n)
            return substitute(translate("stemcrate-cli", "--%1 needs seconds between 0 and 10800, got '%2'"),
                              {name, *v});
        *target = *n;
    }
    if (s.endSeconds <= s.startSeconds)
        return translate("stemcrate-cli", "--end must be after --start");

    for (auto [name, target] :
         {std::pair{"fade-ms", &o.fadeInMs}, std::pair{"fade-ms", &o.fadeOutMs},
          std::pair{"fade-in-ms", &o.fadeInMs}, std::pair{"fade-out-ms", &o.fadeOutMs},
          std::pair{"loop-crossfade-ms", &o.loopCrossfadeMs}, std::pair{"snap-window-ms", &o.snapWindowMs}})
        if (std::string error = readMs(a, name, *target); !error.empty())
            return error;
    if (auto v = a.value("fade-curve")) {
        if (*v == "linear")
            o.fadeCurve = library::FadeCurve::Linear;
        else if (*v == "equal-power")
            o.fadeCurve = library::FadeCurve::EqualPower;
        else
            return substitute(translate("stemcrate-cli", "--fade-curve must be linear or equal-power, got '%1'"), {*v});
    }
    if (auto v = a.value("snap")) {
        if (*v == "off")
            o.snap = library::ZeroCrossingSnap::Off;
        else if (*v == "any")
            o.snap = library::ZeroCrossingSnap::Any;
        else if (*v == "rising")
            o.snap = library::ZeroCrossingSnap::Rising;
        else
            return substitute(translate("stemcrate-cli", "--snap must be off, any or rising, got '%1'"), {*v});
    }
    o.loop = a.has("loop");
    o.dither = !a.has("no-dither");
    o.normalize = a.has("normalize");
    if (auto v = a.value("peak-db")) {
        auto n = parseNumber(*v, -99.0, 0.0);
        if (!n)
            return substitute(translate("stemcrate-cli", "--peak-db needs dBFS between -99 and 0, got '%1'"), {*v});
        o.normalizePeakDb = *n;
    }
    if (auto v = a.value("bpm")) {
        auto n = parseNumber(*v, 1.0, 999.0);
        if (!n)
            return substitute(translate("stemcrate-cli", "--bpm needs a tempo between 1 and 999, got '%1'"), {*v});
        s.request.metadata.bpm = *n;
    }
    if (auto v = a.value("key"))
        s.request.metadata.key = *v;
    if (auto v = a.value("stem"))
        s.request.metadata.stem = *v;
    if (auto v = a.value("name"))
        s.request.nameTemplate = *v;
    return readFileOutputArguments(a, s.out);
}

} // namespace

int runExport(const std::vector<std::string>& args)
{
    CliArguments a({"start", "end", "fade-ms", "fade-in-ms", "fade-out-ms", "fade-curve", "loop-crossfade-ms",
                    "snap", "snap-window-ms", "format", "bit-depth", "peak-db", "stem", "bpm", "key", "name",
                    "o", "output"},
                   {"help", "h", "loop", "no-dither", "normalize"});
    if (std::optional<int> done = parseCommandLine(a, args, exportUsage()))
        return *done;
    Settings s;
    if (std::string error = readSettings(a, s); !error.empty())
        return usageError(error, exportUsage());
    if (std::string error = resolveExportOutput(s.out, s.request); !error.empty())
        return usageError(error, exportUsage());

    int status = 0;
    const std::optional<audio::Track> track = decodeInput(s.input, status);
    if (!track)
        return status;
    const audio::Track& source = *track;
    library::ExportRequest& r = s.request;
    r.stems = {&source.audio};
    r.startFrame = std::llround(s.startSeconds * source.audio.sampleRate);
    r.endFrame = std::llround(s.endSeconds * source.audio.sampleRate);
    if (r.endFrame > source.audio.frames) {
        printError(s.input, substitute(translate("stemcrate-cli",
                                                 "the region ends at %1 s, after the end of the audio (%2 s)"),
                                       {std::to_string(s.endSeconds), std::to_string(source.audio.seconds())}));
        return 1;
    }
    library::SampleMetadata& m = r.metadata;
    describeSource(source, s.input, m);
    if (m.stem.empty())
        m.stem = fs::path(s.input).stem().string();
    if (m.bpm <= 0)
        m.bpm = taggedBpm(source.info);
    if (m.key.empty())
        m.key = taggedKey(source.info);

    Result<library::ExportResult> exported = library::exportSample(r);
    if (!exported) {
        printError(s.input, exported.error());
        return 1;
    }
    std::printf("%s\n", exported->path.c_str());
    return 0;
}

} // namespace stemcrate::cli
