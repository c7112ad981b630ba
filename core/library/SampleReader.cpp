#include "library/SampleReader.h"

#include "audio/Decoder.h"
#include "library/CamelotKey.h"
#include "library/FileNameHints.h"
#include "library/TagReader.h"

#include "analysis/KeyDetector.h"
#include "analysis/LoudnessMeter.h"
#include "analysis/TempoEstimator.h"

#include <cmath>
#include <cstdlib>
#include <filesystem>

namespace stemcrate::library {
namespace {

constexpr double kOneShotBelowSeconds = 2.0;
constexpr double kTempoFromSeconds = 4.0;
constexpr double kKeyFromSeconds = 1.0;
constexpr double kMinKeyConfidence = 0.3;
constexpr double kMinTempoConfidence = 0.3;

double parseBpm(const std::string& text)
{
    char* end = nullptr;
    const double bpm = std::strtod(text.c_str(), &end);
    return end != text.c_str() && bpm > 20 && bpm < 1000 ? bpm : 0.0;
}

std::string normalisedKey(const std::string& text)
{
    if (auto key = CamelotKey::parse(text))
        return key->keyName();
    return text;
}

void fillFromTags(const FileTags& tags, SampleRecord& r)
{
    r.title = tags.first({"TITLE"});
    r.artist = tags.first({"ARTIST"});
    r.album = tags.first({"ALBUM"});
    r.stem = tags.first({"STEMCRATE_STEM"});
    r.sampleClass = tags.first({"STEMCRATE_CLASS"});
    r.kind = kindFromName(tags.first({"STEMCRATE_KIND"}));
    if (const std::string source = tags.first({"STEMCRATE_SOURCE"}); !source.empty())
        r.sourceSong = std::filesystem::path(source).stem().string();
    r.hasLoopPoints = tags.hasLoopPoints;
    if (r.kind == SampleKind::Unknown && tags.hasLoopPoints)
        r.kind = SampleKind::Loop;
    else if (r.kind == SampleKind::Unknown && tags.acidOneShot)
        r.kind = SampleKind::OneShot;

    r.bpm = parseBpm(tags.first({"BPM", "TBPM", "TEMPO"}));
    if (r.bpm <= 0 && tags.acidBpm > 0 && !tags.acidOneShot)
        r.bpm = tags.acidBpm;
    if (r.bpm > 0)
        r.bpmSource = ValueSource::Tag;
    if (const std::string key = tags.first({"INITIALKEY", "KEY", "TKEY"}); !key.empty()) {
        r.key = normalisedKey(key);
        r.keySource = ValueSource::Tag;
    }
    r.durationSeconds = tags.durationSeconds;
    r.sampleRate = tags.sampleRate;
    r.channels = tags.channels;
}

void fillFromName(const std::string& path, SampleRecord& r)
{
    const FileNameHints hints = FileNameHints::fromName(path);
    if (r.stem.empty())
        r.stem = hints.stem;
    if (r.sampleClass.empty())
        r.sampleClass = hints.sampleClass;
    if (r.kind == SampleKind::Unknown)
        r.kind = hints.kind;
    if (r.bpm <= 0 && hints.bpm > 0) {
        r.bpm = hints.bpm;
        r.bpmSource = ValueSource::FileName;
    }
    if (r.key.empty() && !hints.key.empty()) {
        r.key = hints.key;
        r.keySource = ValueSource::FileName;
    }
}

void analyse(const AudioBuffer& audio, bool analyseUntagged, SampleRecord& r)
{
    if (auto loudness = analysis::LoudnessMeter().measure(audio))
        r.loudnessLufs = loudness->integratedLufs;
    if (!analyseUntagged || r.kind == SampleKind::OneShot || r.kind == SampleKind::Slice)
        return;
    if (r.bpm <= 0 && audio.seconds() >= kTempoFromSeconds) {
        analysis::TempoOptions options;
        options.minimumSeconds = kTempoFromSeconds;
        if (auto tempo = analysis::TempoEstimator(options).estimate(audio);
            tempo && tempo->confidence >= kMinTempoConfidence && tempo->bpm > 0) {
            r.bpm = std::round(tempo->bpm * 10) / 10;
            r.bpmSource = ValueSource::Analysis;
        }
    }
    if (r.key.empty() && audio.seconds() >= kKeyFromSeconds && r.stem != "drums") {
        if (auto key = analysis::KeyDetector().detect(audio); key && key->confidence >= kMinKeyConfidence) {
            r.key = CamelotKey::fromTonic(key->tonic, key->minor).keyName();
            r.keySource = ValueSource::Analysis;
        }
    }
}

SampleRecord tagsOf(const SampleRecord& listed, bool& tagsRead)
{
    SampleRecord r;
    r.path = listed.path;
    r.fileBytes = listed.fileBytes;
    r.modifiedNs = listed.modifiedNs;
    r.name = listed.name;
    Result<FileTags> tags = readFileTags(r.path);
    tagsRead = tags.ok();
    if (tags)
        fillFromTags(tags.value(), r);
    fillFromName(r.path, r);
    if (r.kind == SampleKind::Unknown && r.durationSeconds > 0 && r.durationSeconds < kOneShotBelowSeconds)
        r.kind = SampleKind::OneShot;
    r.stage = ReadStage::Tagged;
    return r;
}

} // namespace

SampleRecord listSample(const std::string& path, int64_t fileBytes, int64_t modifiedNs)
{
    SampleRecord r;
    r.path = path;
    r.fileBytes = fileBytes;
    r.modifiedNs = modifiedNs;
    r.name = std::filesystem::path(path).stem().string();
    fillFromName(path, r);
    return r;
}

SampleRecord readSampleTags(const SampleRecord& listed)
{
    bool tagsRead = false;
    return tagsOf(listed, tagsRead);
}

Result<SampleRecord> analyseSample(SampleRecord r, const SampleReadOptions& options)
{
    audio::DecodeOptions decode;
    decode.isCancelled = options.isCancelled;
    Result<audio::Track> track = audio::decodeFile(r.path, decode);
    if (!track) {
        if (track.error() == audio::kCancelledMessage)
            return makeError(track.error());
        r.error = track.error(); // listed with the reason, and not read again until the file changes
        r.stage = ReadStage::Analysed;
        return r;
    }
    const AudioBuffer& audio = track->audio;
    r.durationSeconds = audio.seconds();
    if (r.sampleRate == 0) {
        r.sampleRate = track->info.sourceSampleRate;
        r.channels = track->info.sourceChannels;
    }
    if (r.title.empty())
        r.title = track->info.title;
    if (r.kind == SampleKind::Unknown && r.durationSeconds < kOneShotBelowSeconds)
        r.kind = SampleKind::OneShot;
    analyse(audio, options.analyseUntagged, r);
    if (options.features.compute)
        r.features = options.features.compute(audio);
    r.error.clear();
    r.stage = ReadStage::Analysed;
    return r;
}

Result<SampleRecord> readSample(const std::string& path, int64_t fileBytes, int64_t modifiedNs,
                                const SampleReadOptions& options)
{
    bool tagsRead = false;
    Result<SampleRecord> record = analyseSample(tagsOf(listSample(path, fileBytes, modifiedNs), tagsRead), options);
    if (record && !record->error.empty() && !tagsRead)
        return makeError(record->error); // neither tags nor audio: not an audio file
    return record;
}

} // namespace stemcrate::library
