#include "ExportOutput.h"

#include "AudioFormatArguments.h"
#include "CliArguments.h"
#include "CliOutput.h"
#include "Interrupt.h"

#include <cctype>
#include <filesystem>
#include <system_error>

namespace stemcrate::cli {

namespace fs = std::filesystem;

namespace {

std::optional<audio::FileFormat> formatOfExtension(const fs::path& path)
{
    std::string extension = path.extension().string();
    for (char& c : extension)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (extension == ".wav" || extension == ".wave")
        return audio::FileFormat::Wav;
    if (extension == ".flac")
        return audio::FileFormat::Flac;
    if (extension == ".aif" || extension == ".aiff")
        return audio::FileFormat::Aiff;
    return std::nullopt;
}

} // namespace

std::string readSingleInput(const CliArguments& a, std::string& input)
{
    if (a.positional().size() != 1)
        return a.positional().empty() ? translate("stemcrate-cli", "no INPUT file given")
                                      : translate("stemcrate-cli", "give exactly one INPUT file");
    input = a.positional().front();
    return {};
}

std::string readFileOutputArguments(const CliArguments& a, FileOutputArguments& out)
{
    if (auto v = a.value("format")) {
        out.format = parseFileFormat(*v, /*allowAiff*/ true);
        if (!out.format)
            return substitute(translate("stemcrate-cli", "--format must be wav, flac or aiff, got '%1'"), {*v});
    }
    if (auto v = a.value("bit-depth")) {
        out.sampleFormat = parseBitDepth(*v);
        if (!out.sampleFormat)
            return substitute(translate("stemcrate-cli", "--bit-depth must be 16, 24 or 32f, got '%1'"), {*v});
    }
    auto output = a.value("o");
    if (!output)
        output = a.value("output");
    if (!output || output->empty())
        return translate("stemcrate-cli", "missing -o OUTPUT_FILE_OR_DIR");
    out.output = *output;
    return {};
}

std::string resolveExportOutput(const FileOutputArguments& arguments, library::ExportRequest& request)
{
    const std::string& output = arguments.output;
    const std::optional<audio::FileFormat>& format = arguments.format;
    const std::optional<audio::SampleFormat>& sampleFormat = arguments.sampleFormat;
    library::ExportRequest& r = request;
    const fs::path path(output);
    std::error_code ec;
    const bool isFolder = output.back() == '/' || fs::is_directory(path, ec);
    audio::FileFormat chosen = format.value_or(audio::FileFormat::Wav);
    if (isFolder) {
        r.folder = output;
    } else {
        const std::optional<audio::FileFormat> named = formatOfExtension(path);
        if (!format && named)
            chosen = *named;
        r.folder = path.has_parent_path() ? path.parent_path().string() : ".";
        if (named && *named == chosen) {
            r.nameTemplate = path.stem().string();
            r.fileExtension = path.extension().string().substr(1);
        } else {
            r.nameTemplate = path.filename().string(); // the format's extension is appended
        }
    }
    r.options.format = chosen;
    const bool integerOnly = chosen != audio::FileFormat::Wav;
    r.options.sampleFormat =
        sampleFormat.value_or(integerOnly ? audio::SampleFormat::Int24 : audio::SampleFormat::Float32);
    if (integerOnly && r.options.sampleFormat == audio::SampleFormat::Float32)
        return substitute(translate("stemcrate-cli", "%1 cannot store 32-bit float; use --bit-depth 16 or 24"),
                          {chosen == audio::FileFormat::Flac ? "FLAC" : "AIFF"});
    return {};
}

std::optional<audio::Track> decodeInput(const std::string& input, int& status)
{
    audio::DecodeOptions options;
    options.isCancelled = interrupted;
    Result<audio::Track> track = audio::decodeFile(input, options);
    if (track)
        return std::move(track.value());
    status = interrupted() ? 130 : 1;
    if (status == 1)
        printError(input, reasonOnly(track.error(), input));
    return std::nullopt;
}

void describeSource(const audio::Track& track, const std::string& input, library::SampleMetadata& m)
{
    m.title = track.info.title;
    m.artist = track.info.artist;
    m.album = track.info.album;
    m.sourcePath = input;
}

std::string firstTag(const audio::TrackInfo& info, std::initializer_list<const char*> keys)
{
    for (const char* key : keys)
        if (auto it = info.tags.find(key); it != info.tags.end() && !it->second.empty())
            return it->second;
    return {};
}

double taggedBpm(const audio::TrackInfo& info)
{
    return parseNumber(firstTag(info, {"BPM", "TBPM"}), 1.0, 999.0).value_or(0.0);
}

std::string taggedKey(const audio::TrackInfo& info)
{
    return firstTag(info, {"INITIALKEY", "TKEY", "KEY"});
}

} // namespace stemcrate::cli
