#include "audio/InputFile.h"

#include "audio/FfmpegLog.h"

#include <cctype>
#include <cerrno>
#include <filesystem>
#include <optional>
#include <system_error>

namespace stemcrate::audio {
namespace {

// Bytes FFmpeg may read to recognise the format and to find stream parameters. Bounded so that garbage
// cannot keep it searching; FFmpeg's defaults, spelled out.
constexpr const char* kFormatProbeBytes = "1048576";
constexpr const char* kStreamProbeBytes = "5000000";
constexpr const char* kAnalyzeMicroseconds = "5000000";

int pollCancelled(void* opaque)
{
    const auto* isCancelled = static_cast<const std::function<bool()>*>(opaque);
    return (*isCancelled)() ? 1 : 0;
}

std::string tag(const AVFormatContext& format, const AVStream& stream, const char* key)
{
    // Containers keep tags at file level (ID3, MP4) or per stream (Ogg, some Matroska); keys ignore case.
    for (const AVDictionary* metadata : {format.metadata, stream.metadata}) {
        if (const AVDictionaryEntry* entry = av_dict_get(metadata, key, nullptr, 0); entry && *entry->value)
            return entry->value;
    }
    return {};
}

void collectTags(const AVFormatContext& format, const AVStream& stream,
                 std::map<std::string, std::string>& out)
{
    for (const AVDictionary* metadata : {format.metadata, stream.metadata}) {
        const AVDictionaryEntry* entry = nullptr;
        while ((entry = av_dict_get(metadata, "", entry, AV_DICT_IGNORE_SUFFIX))) {
            std::string key = entry->key;
            for (char& c : key)
                c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            out.emplace(std::move(key), entry->value);
        }
    }
}

double containerSeconds(const AVFormatContext& format, const AVStream& stream)
{
    if (format.duration > 0)
        return static_cast<double>(format.duration) / AV_TIME_BASE;
    if (stream.duration > 0)
        return static_cast<double>(stream.duration) * av_q2d(stream.time_base);
    return 0.0;
}

// A video without sound has no audio stream; garbage that FFmpeg half-recognised (a low probe score) and
// found no audio in is not a media file.
bool isVideo(const AVFormatContext& format)
{
    if (format.probe_score <= AVPROBE_SCORE_RETRY)
        return false;
    for (unsigned i = 0; i < format.nb_streams; ++i) {
        const AVStream& stream = *format.streams[i];
        if (stream.codecpar->codec_type == AVMEDIA_TYPE_VIDEO &&
            !(stream.disposition & AV_DISPOSITION_ATTACHED_PIC))
            return true;
    }
    return false;
}

// Checks what std::filesystem can tell in words before FFmpeg's less specific errors.
std::optional<Error> checkPath(const std::string& path)
{
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (status.type() == std::filesystem::file_type::not_found)
        return fileError(path, "cannot open: " +
                                   std::make_error_code(std::errc::no_such_file_or_directory).message());
    if (ec)
        return fileError(path, "cannot open: " + ec.message());
    if (std::filesystem::is_directory(status))
        return fileError(path, "is a directory");
    // Pipes and devices could block or never end.
    if (!std::filesystem::is_regular_file(status))
        return fileError(path, "not a regular file");
    if (std::filesystem::file_size(path, ec) == 0 && !ec)
        return fileError(path, "file is empty");
    return std::nullopt;
}

} // namespace

Result<InputFile> openInputFile(const std::string& path, const std::function<bool()>* isCancelled)
{
    installFfmpegLogging();
    if (auto error = checkPath(path))
        return *error;

    AVFormatContext* raw = avformat_alloc_context();
    if (!raw)
        return fileError(path, "out of memory");
    if (isCancelled && *isCancelled)
        raw->interrupt_callback =
            AVIOInterruptCB{&pollCancelled, const_cast<std::function<bool()>*>(isCancelled)};

    AVDictionary* options = nullptr;
    av_dict_set(&options, "formatprobesize", kFormatProbeBytes, 0);
    av_dict_set(&options, "probesize", kStreamProbeBytes, 0);
    av_dict_set(&options, "analyzeduration", kAnalyzeMicroseconds, 0);
    // Local files only: a playlist-like file must not make FFmpeg fetch URLs.
    av_dict_set(&options, "protocol_whitelist", "file", 0);
    // "file:" keeps a name such as "take:2.wav" from being read as a protocol prefix.
    const std::string url = "file:" + path;
    int status = avformat_open_input(&raw, url.c_str(), nullptr, &options); // frees raw on failure
    av_dict_free(&options);
    if (status == AVERROR_EXIT)
        return makeError(std::string(kCancelledMessage));
    if (status < 0) {
        // The path was checked above, so most failures are about the content, which FFmpeg reports with
        // several codes (INVALIDDATA, EINVAL, EPERM, ...). Only these say the file itself could not be read.
        if (status == AVERROR(EACCES) || status == AVERROR(EIO))
            return fileError(path, "cannot open: " + ffmpegErrorText(status));
        return fileError(path, "not an audio file FFmpeg can read");
    }
    InputFile input;
    input.format.reset(raw);

    // Failure here only means some parameters stay unknown; decoding finds them (as the ffmpeg CLI does).
    status = avformat_find_stream_info(raw, nullptr);
    if (status == AVERROR_EXIT)
        return makeError(std::string(kCancelledMessage));

    const int index = av_find_best_stream(raw, AVMEDIA_TYPE_AUDIO, -1, -1, &input.decoder, 0);
    if (index == AVERROR_DECODER_NOT_FOUND) {
        const int anyAudio = av_find_best_stream(raw, AVMEDIA_TYPE_AUDIO, -1, -1, nullptr, 0);
        const auto* codecpar = raw->streams[anyAudio]->codecpar;
        if (codecpar->codec_id == AV_CODEC_ID_NONE)
            return fileError(path, "its audio format is unknown to FFmpeg, not supported");
        return fileError(path, std::string("audio format '") + avcodec_get_name(codecpar->codec_id) +
                                   "' is not supported");
    }
    if (index < 0)
        return fileError(path, isVideo(*raw) ? "no audio stream" : "not an audio file FFmpeg can read");
    input.stream = raw->streams[index];

    const AVCodecParameters& codecpar = *input.stream->codecpar;
    TrackInfo& info = input.info;
    info.path = path;
    info.codec = avcodec_get_name(codecpar.codec_id);
    info.title = tag(*raw, *input.stream, "title");
    info.artist = tag(*raw, *input.stream, "artist");
    info.album = tag(*raw, *input.stream, "album");
    collectTags(*raw, *input.stream, info.tags);
    info.sourceSampleRate = codecpar.sample_rate;
    info.sourceChannels = codecpar.ch_layout.nb_channels;
    info.durationSeconds = containerSeconds(*raw, *input.stream);
    return input;
}

} // namespace stemcrate::audio
