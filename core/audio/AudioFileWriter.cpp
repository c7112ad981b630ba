#include "audio/AudioFileWriter.h"

#include "audio/AtomicFile.h"
#include "audio/FileError.h"
#include "audio/FlacWriter.h"
#include "audio/WavWriter.h"

namespace stemcrate::audio {
namespace {

constexpr int kMaxChannels = 8;        // FLAC's limit; the engine writes 1 or 2
constexpr int kMaxSampleRate = 655350; // FLAC's limit

} // namespace

Result<void> writeAudioFile(const std::string& path, const AudioBuffer& audio, FileFormat format,
                            SampleFormat sampleFormat, const WriteOptions& options)
{
    if (audio.channels < 1 || audio.channels > kMaxChannels)
        return fileError(path, "cannot write " + std::to_string(audio.channels) + " channels");
    if (audio.sampleRate < 1 || audio.sampleRate > kMaxSampleRate)
        return fileError(path, "cannot write a sample rate of " + std::to_string(audio.sampleRate) + " Hz");
    if (audio.frames < 0 ||
        audio.samples.size() != static_cast<size_t>(audio.channels) * static_cast<size_t>(audio.frames))
        return fileError(path, "audio buffer is inconsistent (samples != channels * frames)");
    // Checked before the temporary exists, so that this mistake touches no file at all.
    if (format == FileFormat::Flac && sampleFormat == SampleFormat::Float32)
        return fileError(path, "FLAC cannot store 32-bit float; choose 16 or 24 bit");

    auto file = AtomicFile::create(path);
    if (!file)
        return makeError(file.error());
    Result<void> written = format == FileFormat::Wav
                               ? writeWav(file.value(), audio, sampleFormat, options.dither)
                               : writeFlac(file.value(), audio, sampleFormat, options.dither);
    if (!written)
        return written; // AtomicFile's destructor removes the temporary
    return file->commit();
}

} // namespace stemcrate::audio
