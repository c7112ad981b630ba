#include "AudioFormatArguments.h"

namespace stemcrate::cli {

std::optional<audio::FileFormat> parseFileFormat(const std::string& text, bool allowAiff)
{
    if (text == "wav")
        return audio::FileFormat::Wav;
    if (text == "flac")
        return audio::FileFormat::Flac;
    if (allowAiff && (text == "aiff" || text == "aif"))
        return audio::FileFormat::Aiff;
    return std::nullopt;
}

std::optional<audio::SampleFormat> parseBitDepth(const std::string& text)
{
    if (text == "16")
        return audio::SampleFormat::Int16;
    if (text == "24")
        return audio::SampleFormat::Int24;
    if (text == "32f")
        return audio::SampleFormat::Float32;
    return std::nullopt;
}

} // namespace stemcrate::cli
