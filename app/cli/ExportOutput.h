#pragma once
// What `export` and `stretch` share: where -o puts the file (a folder, or a file whose extension picks the
// format) and the BPM and key tags of an input. Main thread.

#include "audio/AudioFileWriter.h"
#include "audio/Decoder.h"
#include "library/SampleExporter.h"

#include <initializer_list>
#include <optional>
#include <string>

namespace stemcrate::cli {

class CliArguments;

// -o OUTPUT_FILE_OR_DIR with --format and --bit-depth, as `export` and `stretch` take them.
struct FileOutputArguments
{
    std::optional<audio::FileFormat> format;
    std::optional<audio::SampleFormat> sampleFormat;
    std::string output;
};

// The one INPUT argument into `input`. Returns a usage error or "".
std::string readSingleInput(const CliArguments& arguments, std::string& input);

// --format, --bit-depth and -o/--output (required). Returns a usage error or "".
std::string readFileOutputArguments(const CliArguments& arguments, FileOutputArguments& out);

// Sets request.folder, nameTemplate, fileExtension, options.format and options.sampleFormat from -o OUTPUT
// (a folder if it exists as one or ends in '/'), --format and --bit-depth. Returns a usage error or "".
std::string resolveExportOutput(const FileOutputArguments& arguments, library::ExportRequest& request);

// Decodes INPUT (Ctrl+C cancels). On failure prints the error line and returns nullopt with `status` set to
// the exit status (1, or 130 when interrupted).
std::optional<audio::Track> decodeInput(const std::string& input, int& status);

// Title, artist, album and source path of the sample from its input.
void describeSource(const audio::Track& track, const std::string& input, library::SampleMetadata& metadata);

// The first non-empty tag of `keys` ("BPM", "TBPM", ...), or "".
std::string firstTag(const audio::TrackInfo& info, std::initializer_list<const char*> keys);

// The input's BPM and key from its tags (0 / "" when absent).
double taggedBpm(const audio::TrackInfo& info);
std::string taggedKey(const audio::TrackInfo& info);

} // namespace stemcrate::cli
