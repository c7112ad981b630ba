#pragma once
// Internal to stemcrate_audio. Opens a file with libavformat under safe limits, picks its best audio
// stream and reads its tags. Shared by probeFile and decodeFile. One thread at a time per InputFile.

#include "audio/Decoder.h"
#include "audio/FfmpegHandles.h"
#include "audio/FileError.h"

namespace stemcrate::audio {

struct InputFile
{
    InputFormatPtr format;
    AVStream* stream = nullptr; // the best audio stream, owned by format
    const AVCodec* decoder = nullptr;
    TrackInfo info;
};

// isCancelled (may be null) is polled while FFmpeg reads and must outlive the returned InputFile.
Result<InputFile> openInputFile(const std::string& path, const std::function<bool()>* isCancelled);

} // namespace stemcrate::audio
