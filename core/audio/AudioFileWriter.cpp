#include "audio/AudioFileWriter.h"

#include "audio/AiffWriter.h"
#include "audio/AtomicFile.h"
#include "audio/FileError.h"
#include "audio/FlacWriter.h"
#include "audio/WavWriter.h"

#include <optional>

namespace stemcrate::audio {
namespace {

constexpr int kMaxChannels = 8;        // FLAC's limit; the engine writes 1 or 2
constexpr int kMaxSampleRate = 655350; // FLAC's limit

std::optional<Error> checkRequest(const std::string& path, const AudioBuffer& audio, FileFormat format,
                                  SampleFormat sampleFormat, const WriteOptions& options)
{
    if (audio.channels < 1 || audio.channels > kMaxChannels)
        return fileError(path, "cannot write " + std::to_string(audio.channels) + " channels");
    if (audio.sampleRate < 1 || audio.sampleRate > kMaxSampleRate)
        return fileError(path, "cannot write a sample rate of " + std::to_string(audio.sampleRate) + " Hz");
    if (audio.frames < 0 ||
        audio.samples.size() != static_cast<size_t>(audio.channels) * static_cast<size_t>(audio.frames))
        return fileError(path, "audio buffer is inconsistent (samples != channels * frames)");
    if (format == FileFormat::Flac && sampleFormat == SampleFormat::Float32)
        return fileError(path, "FLAC cannot store 32-bit float; choose 16 or 24 bit");
    if (format == FileFormat::Aiff && sampleFormat == SampleFormat::Float32)
        return fileError(path, "AIFF cannot store 32-bit float; choose 16 or 24 bit");
    if (options.loop && (options.loop->startFrame < 0 || options.loop->endFrame <= options.loop->startFrame ||
                         options.loop->endFrame > audio.frames))
        return fileError(path, "loop points lie outside the audio");
    return std::nullopt;
}

} // namespace

const char* fileExtension(FileFormat format)
{
    switch (format) {
    case FileFormat::Wav:
        return "wav";
    case FileFormat::Flac:
        return "flac";
    case FileFormat::Aiff:
        return "aif";
    }
    return "";
}

Result<void> writeAudioInto(AtomicFile& file, const AudioBuffer& audio, FileFormat format,
                            SampleFormat sampleFormat, const WriteOptions& options)
{
    if (auto error = checkRequest(file.finalPath(), audio, format, sampleFormat, options))
        return *error;
    switch (format) {
    case FileFormat::Wav:
        return writeWav(file, audio, sampleFormat, options);
    case FileFormat::Flac:
        return writeFlac(file, audio, sampleFormat, options);
    case FileFormat::Aiff:
        return writeAiff(file, audio, sampleFormat, options);
    }
    return fileError(file.finalPath(), "unknown file format");
}

Result<void> writeAudioFile(const std::string& path, const AudioBuffer& audio, FileFormat format,
                            SampleFormat sampleFormat, const WriteOptions& options)
{
    // Checked before the temporary exists, so that a mistake in the request touches no file at all.
    if (auto error = checkRequest(path, audio, format, sampleFormat, options))
        return *error;
    auto file = AtomicFile::create(path);
    if (!file)
        return makeError(file.error());
    if (auto written = writeAudioInto(file.value(), audio, format, sampleFormat, options); !written)
        return written; // AtomicFile's destructor removes the temporary
    return file->commit();
}

} // namespace stemcrate::audio
