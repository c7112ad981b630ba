#pragma once
// The --format and --bit-depth values shared by stemcrate-cli's commands. Main thread.

#include "audio/AudioFileWriter.h"

#include <optional>
#include <string>

namespace stemcrate::cli {

// "wav", "flac", and with allowAiff "aiff"/"aif".
std::optional<audio::FileFormat> parseFileFormat(const std::string& text, bool allowAiff);
// "16", "24", "32f".
std::optional<audio::SampleFormat> parseBitDepth(const std::string& text);

} // namespace stemcrate::cli
