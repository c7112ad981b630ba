#include "SimilarCommand.h"

#include "CliArguments.h"
#include "CliOutput.h"
#include "Interrupt.h"

#include "library/LibraryIndex.h"
#include "library/SampleReader.h"

#include <sys/stat.h>

#include <cmath>
#include <cstdio>
#include <filesystem>

namespace stemcrate::cli {

const char* similarUsage()
{
    // clang-format off: the help text as it prints
    // The synopsis as typed, the description in the user's language.
    static const std::string text =
        "usage: stemcrate-cli similar FILE --library DIR [-n N] [--index PATH]\n"
        "\n" +
        translate("stemcrate-cli",
                  "Prints the samples of the library folder DIR that sound most like FILE, nearest first, one JSON\n"
                  "object per line: rank, path, distance, name, stem, kind, class, bpm, key, duration_s.\n"
                  "  --library DIR   the sample library folder (searched recursively)\n"
                  "  -n N            how many to print (default 10)\n"
                  "  --index PATH    where the folder's index is kept (default: in ~/.cache/stemcrate/library)\n");
    // clang-format on
    return text.c_str();
}

namespace {

constexpr int kDefaultCount = 10;

std::string number(double value, int decimals)
{
    char text[40];
    std::snprintf(text, sizeof(text), "%.*f", decimals, value);
    return text;
}

std::string matchLine(int rank, const library::SampleRecord& r, double distance)
{
    std::string line = "{\"rank\":" + std::to_string(rank);
    line += ",\"path\":" + jsonString(r.path);
    line += ",\"distance\":" + number(distance, 4);
    line += ",\"name\":" + jsonString(r.name);
    line += ",\"stem\":" + jsonString(r.stem);
    line += ",\"kind\":" + jsonString(library::kindName(r.kind));
    line += ",\"class\":" + jsonString(r.sampleClass);
    line += ",\"bpm\":" + (r.bpm > 0 ? number(r.bpm, 2) : std::string("null"));
    line += ",\"key\":" + jsonString(r.key);
    line += ",\"duration_s\":" + number(r.durationSeconds, 3);
    return line + "}";
}

std::string absolutePath(const std::string& path)
{
    std::error_code ec;
    const std::filesystem::path absolute = std::filesystem::absolute(path, ec);
    return ec ? path : absolute.lexically_normal().string();
}

} // namespace

int runSimilar(const std::vector<std::string>& args)
{
    CliArguments a({"library", "n", "index"}, {"help", "h"});
    if (std::optional<int> done = parseCommandLine(a, args, similarUsage()))
        return *done;
    if (a.positional().size() != 1)
        return usageError(a.positional().empty() ? translate("stemcrate-cli", "no FILE given")
                                                 : translate("stemcrate-cli", "give one FILE"),
                          similarUsage());
    if (!a.value("library"))
        return usageError(translate("stemcrate-cli", "--library DIR is required"), similarUsage());
    int count = kDefaultCount;
    if (auto n = a.value("n")) {
        const std::optional<int> parsed = parseInteger(*n, 1, 100000);
        if (!parsed)
            return usageError(translate("stemcrate-cli", "-n must be a whole number from 1 to 100000"), similarUsage());
        count = *parsed;
    }
    const std::string folder = *a.value("library");
    const std::string file = absolutePath(a.positional().front());
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec)) {
        printError(folder, translate("stemcrate-cli", "not a folder"));
        return 1;
    }

    const library::FeatureExtractor features = library::defaultFeatureExtractor();
    const std::string indexPath = a.value("index").value_or(library::LibraryIndex::defaultIndexPath(folder));
    Result<library::LibraryIndex> loaded = library::LibraryIndex::load(indexPath, folder, features);
    if (!loaded) {
        const std::string note =
            substitute(translate("stemcrate-cli", "note: %1; reading the folder afresh"), {loaded.error()});
        std::fprintf(stderr, "%s\n", note.c_str());
    }
    library::LibraryIndex index = loaded ? std::move(loaded.value()) : library::LibraryIndex(folder);
    library::LibraryScanOptions options;
    options.isCancelled = interrupted;
    const library::LibraryScanResult scan = index.update(options);
    if (Result<void> saved = index.save(indexPath, features); !saved)
        std::fprintf(stderr, "warning: %s\n", saved.error().c_str()); // the answer is still right
    if (scan.cancelled || interrupted())
        return 130;

    library::SampleRecord target;
    if (const library::SampleRecord* known = index.find(file); known && known->error.empty()) {
        target = *known;
    } else {
        struct stat info
        {
        };
        if (::stat(file.c_str(), &info) != 0) {
            printError(a.positional().front(), translate("stemcrate-cli", "no such file"));
            return 1;
        }
        library::SampleReadOptions read;
        read.isCancelled = interrupted;
        Result<library::SampleRecord> record = library::readSample(file, info.st_size, 0, read);
        if (interrupted())
            return 130;
        if (!record) {
            printError(a.positional().front(), reasonOnly(record.error(), file));
            return 1;
        }
        target = std::move(record.value());
    }
    if (target.features.empty()) {
        printError(a.positional().front(),
                   reasonOnly(target.error.empty() ? translate("stemcrate-cli", "no audio to compare") : target.error, file));
        return 1;
    }
    int rank = 0;
    for (const library::SimilarMatch& match :
         index.similarTo(target.features, static_cast<size_t>(count), file))
        std::printf("%s\n", matchLine(++rank, index.records()[match.index], match.distance).c_str());
    std::fflush(stdout);
    return 0;
}

} // namespace stemcrate::cli
