#include "library/TagReader.h"

#include <sndfile.h>
#include <taglib/fileref.h>
#include <taglib/tpropertymap.h>

#include <algorithm>
#include <cctype>
#include <memory>

namespace stemcrate::library {
namespace {

struct SndfileCloser
{
    void operator()(SNDFILE* file) const { sf_close(file); }
};
using SndfileHandle = std::unique_ptr<SNDFILE, SndfileCloser>;

bool readTagLib(const std::string& path, FileTags& tags)
{
    TagLib::FileRef file(path.c_str(), true, TagLib::AudioProperties::Fast);
    // A file TagLib opens but finds no audio in (text named .wav) does not count as read.
    if (file.isNull() || !file.audioProperties() || file.audioProperties()->sampleRate() <= 0)
        return false;
    const TagLib::PropertyMap properties = file.file()->properties();
    for (const auto& [key, values] : properties) {
        if (values.isEmpty())
            continue;
        std::string name = key.to8Bit(true);
        std::transform(name.begin(), name.end(), name.begin(),
                       [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
        tags.text.emplace(std::move(name), values.front().to8Bit(true));
    }
    if (const TagLib::AudioProperties* audio = file.audioProperties()) {
        tags.durationSeconds = audio->lengthInMilliseconds() / 1000.0;
        tags.sampleRate = audio->sampleRate();
        tags.channels = audio->channels();
    }
    return true;
}

// WAV and AIFF loop and tempo chunks. libsndfile also opens FLAC, Ogg and MP3; they carry no such chunks,
// so the call is only made where it can find something.
bool readSndfileChunks(const std::string& path, FileTags& tags)
{
    SF_INFO info{};
    SndfileHandle file(sf_open(path.c_str(), SFM_READ, &info));
    if (!file)
        return false;
    if (tags.sampleRate == 0 && info.samplerate > 0) {
        tags.sampleRate = info.samplerate;
        tags.channels = info.channels;
        tags.durationSeconds = static_cast<double>(info.frames) / info.samplerate;
    }
    SF_INSTRUMENT instrument{};
    if (sf_command(file.get(), SFC_GET_INSTRUMENT, &instrument, sizeof(instrument)) == SF_TRUE)
        for (int i = 0; i < std::min(instrument.loop_count, 16); ++i)
            if (instrument.loops[i].mode != SF_LOOP_NONE &&
                instrument.loops[i].end > instrument.loops[i].start)
                tags.hasLoopPoints = true;
    SF_LOOP_INFO loop{};
    if (sf_command(file.get(), SFC_GET_LOOP_INFO, &loop, sizeof(loop)) == SF_TRUE) {
        tags.acidOneShot = loop.loop_mode == SF_LOOP_NONE;
        if (loop.bpm > 0 && loop.bpm < 1000)
            tags.acidBpm = loop.bpm;
    }
    return true;
}

bool hasChunkFormat(const std::string& path)
{
    const size_t dot = path.find_last_of('.');
    if (dot == std::string::npos)
        return false;
    std::string extension = path.substr(dot + 1);
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return extension == "wav" || extension == "wave" || extension == "aif" || extension == "aiff" ||
           extension == "aifc";
}

} // namespace

std::string FileTags::first(std::initializer_list<const char*> keys) const
{
    for (const char* key : keys)
        if (auto it = text.find(key); it != text.end() && !it->second.empty())
            return it->second;
    return {};
}

Result<FileTags> readFileTags(const std::string& path)
{
    FileTags tags;
    const bool taglib = readTagLib(path, tags);
    const bool sndfile = hasChunkFormat(path) && readSndfileChunks(path, tags);
    if (!taglib && !sndfile)
        return makeError("'" + path +
                         "': cannot read its tags: not an audio file TagLib or libsndfile knows");
    if (!tags.first({"LOOPSTART"}).empty() && !tags.first({"LOOPLENGTH", "LOOPEND"}).empty())
        tags.hasLoopPoints = true; // FLAC and Ogg loop tags, as Stemcrate and sample players write them
    return tags;
}

} // namespace stemcrate::library
