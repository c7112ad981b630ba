#include "library/SampleExporter.h"

#include "audio/AtomicFile.h"
#include "library/FileNaming.h"
#include "library/SampleFitter.h"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <system_error>

namespace stemcrate::library {
namespace {

namespace fs = std::filesystem;

constexpr int kMaxNameSuffix = 9999;
constexpr size_t kSuffixReserveBytes = 8; // " (9999)"
constexpr double kMaxMs = 60'000;         // fades, snap windows and loop crossfades beyond a minute are typos

std::string secondsText(int64_t frames, int sampleRate)
{
    char text[32];
    std::snprintf(text, sizeof(text), "%.3f", static_cast<double>(frames) / sampleRate);
    return text;
}

std::string bpmText(double bpm)
{
    if (bpm <= 0)
        return {};
    char text[32];
    std::snprintf(text, sizeof(text), std::abs(bpm - std::round(bpm)) < 0.05 ? "%.0f" : "%.1f", bpm);
    return text;
}

std::optional<Error> checkRequest(const ExportRequest& r)
{
    if (r.stems.empty() || !r.stems.front())
        return makeError("cannot export: no stem given");
    if (!r.gains.empty() && r.gains.size() != r.stems.size())
        return makeError("cannot export: " + std::to_string(r.gains.size()) + " gains for " +
                         std::to_string(r.stems.size()) + " stems");
    const AudioBuffer& first = *r.stems.front();
    for (const AudioBuffer* stem : r.stems) {
        if (!stem || stem->channels != first.channels || stem->sampleRate != first.sampleRate ||
            stem->frames != first.frames ||
            stem->samples.size() != size_t(stem->channels) * size_t(stem->frames))
            return makeError("cannot export: the stems differ in length, channels or sample rate");
    }
    if (first.channels < 1 || first.sampleRate < 1)
        return makeError("cannot export: the stem holds no audio");
    if (r.startFrame < 0 || r.endFrame > first.frames || r.startFrame >= r.endFrame)
        return makeError("cannot export: the region " + secondsText(r.startFrame, first.sampleRate) + "–" +
                         secondsText(r.endFrame, first.sampleRate) + " s is empty or outside the " +
                         secondsText(first.frames, first.sampleRate) + " s of audio");
    const ExportOptions& o = r.options;
    for (double ms : {o.fadeInMs, o.fadeOutMs, o.snapWindowMs, o.loopCrossfadeMs})
        if (!(ms >= 0 && ms <= kMaxMs))
            return makeError("cannot export: fade, snap and crossfade lengths must be 0 to 60000 ms");
    if (o.normalize && !(o.normalizePeakDb <= 0 && o.normalizePeakDb > -100))
        return makeError("cannot export: the normalisation peak must be between -100 and 0 dBFS");
    if (r.folder.empty())
        return makeError("cannot export: no folder given");
    return std::nullopt;
}

void makeLoopSeamless(const ExportRequest& r, int64_t start, int64_t end, AudioBuffer& region)
{
    const AudioBuffer& first = *r.stems.front();
    const int64_t length =
        std::min(msToFrames(r.options.loopCrossfadeMs, first.sampleRate), region.frames / 4);
    if (length < 1)
        return;
    if (start >= length)
        crossfadeLoopTail(region, mixRegion(r.stems, r.gains, start - length, start));
    else if (end + length <= first.frames)
        crossfadeLoopHead(region, mixRegion(r.stems, r.gains, end, end + length));
    else
        applyFades(region, length, length, FadeCurve::Linear); // the whole track: wrap through silence
}

Result<AudioBuffer> render(const ExportRequest& r, int64_t start, int64_t end, const ResolvedFit& fit)
{
    const ExportOptions& o = r.options;
    const int rate = r.stems.front()->sampleRate;
    AudioBuffer region = mixRegion(r.stems, r.gains, start, end);
    if (o.loop)
        makeLoopSeamless(r, start, end, region);
    if (!fit.ratios.identity()) {
        FitOptions options;
        options.ratios = fit.ratios;
        options.loop = o.loop;
        options.loopCrossfadeMs = o.loopCrossfadeMs;
        options.preserveFormants = o.fit.preserveFormants;
        Result<AudioBuffer> fitted = fitOffline(region, options);
        if (!fitted)
            return makeError(fitted.error());
        region = std::move(fitted.value());
    }
    applyFades(region, msToFrames(o.fadeInMs, rate), msToFrames(o.fadeOutMs, rate), o.fadeCurve);
    if (o.normalize)
        normalisePeak(region, o.normalizePeakDb);
    return region;
}

audio::AudioTags makeTags(const ExportRequest& r, const SampleMetadata& m, const std::string& name,
                          int64_t start, int64_t end)
{
    const int rate = r.stems.front()->sampleRate;
    audio::AudioTags tags;
    tags.title = name;
    tags.artist = m.artist;
    tags.album = m.album;
    tags.bpm = m.bpm;
    tags.key = m.key;

    std::string comment = "Stemcrate sample";
    if (!m.sourcePath.empty())
        comment += " of '" + fs::path(m.sourcePath).filename().string() + "'";
    if (!m.stem.empty())
        comment += ", stem " + m.stem;
    comment += ", " + secondsText(start, rate) + "–" + secondsText(end, rate) + " s (frames " +
               std::to_string(start) + "–" + std::to_string(end) + " at " + std::to_string(rate) + " Hz)";
    if (m.bpm > 0)
        comment += ", " + bpmText(m.bpm) + " BPM";
    if (!m.key.empty())
        comment += ", key " + m.key;
    if (r.options.fit.active())
        comment += " (fitted from " + (r.metadata.bpm > 0 ? bpmText(r.metadata.bpm) + " BPM" : "its tempo") +
                   (r.metadata.key.empty() ? "" : ", " + r.metadata.key) + ")";
    tags.comment = comment;

    if (!m.sourcePath.empty())
        tags.extra.emplace_back("STEMCRATE_SOURCE", m.sourcePath);
    if (!m.stem.empty())
        tags.extra.emplace_back("STEMCRATE_STEM", m.stem);
    if (const std::string kind = m.kind.empty() && r.options.loop ? "loop" : m.kind; !kind.empty())
        tags.extra.emplace_back("STEMCRATE_KIND", kind);
    if (!m.sampleClass.empty())
        tags.extra.emplace_back("STEMCRATE_CLASS", m.sampleClass);
    tags.extra.emplace_back("STEMCRATE_START_FRAME", std::to_string(start));
    tags.extra.emplace_back("STEMCRATE_END_FRAME", std::to_string(end));
    tags.extra.emplace_back("STEMCRATE_SAMPLE_RATE", std::to_string(rate));
    return tags;
}

std::string candidateName(const std::string& base, int number, const std::string& extension)
{
    return number == 1 ? base + "." + extension : base + " (" + std::to_string(number) + ")." + extension;
}

} // namespace

std::map<std::string, std::string> nameFields(const SampleMetadata& metadata, int64_t startFrame,
                                              int64_t endFrame, int sampleRate)
{
    return {
        {"artist", metadata.artist},
        {"title", metadata.title},
        {"album", metadata.album},
        {"stem", metadata.stem},
        {"bpm", bpmText(metadata.bpm)},
        {"key", metadata.key},
        {"index", metadata.index > 0 ? std::to_string(metadata.index) : std::string()},
        {"source",
         metadata.sourcePath.empty() ? std::string() : fs::path(metadata.sourcePath).stem().string()},
        {"start", secondsText(startFrame, sampleRate)},
        {"end", secondsText(endFrame, sampleRate)},
    };
}

Result<ExportResult> exportSample(const ExportRequest& r)
{
    if (auto error = checkRequest(r))
        return *error;
    const ExportOptions& o = r.options;
    const int rate = r.stems.front()->sampleRate;

    // Both edges snap on the mix as it will sound; the region must stay non-empty.
    const int64_t window = msToFrames(o.snapWindowMs, rate);
    int64_t start = nearestZeroCrossing(r.stems, r.gains, r.startFrame, window, o.snap);
    int64_t end = nearestZeroCrossing(r.stems, r.gains, r.endFrame, window, o.snap);
    if (end <= start) {
        start = r.startFrame;
        end = r.endFrame;
    }
    // The fitted sample's tempo and key name and tag it.
    ResolvedFit fit;
    fit.bpm = r.metadata.bpm;
    fit.key = r.metadata.key;
    if (o.fit.active()) {
        Result<ResolvedFit> resolved = resolveFit(o.fit, r.metadata.bpm, r.metadata.key);
        if (!resolved)
            return makeError("cannot export: " + resolved.error());
        fit = resolved.value();
    }
    SampleMetadata metadata = r.metadata;
    metadata.bpm = fit.bpm;
    metadata.key = fit.key;
    Result<AudioBuffer> rendered = render(r, start, end, fit);
    if (!rendered)
        return makeError("cannot export: " + rendered.error());
    const AudioBuffer& region = rendered.value();

    const std::string extension = r.fileExtension.empty() ? audio::fileExtension(o.format) : r.fileExtension;
    const std::string expanded = expandNameTemplate(
        r.nameTemplate, nameFields(metadata, start + r.sourceOffsetFrames, end + r.sourceOffsetFrames, rate));
    const std::string base =
        sanitizeFileName(expanded, kMaxFileNameBytes - extension.size() - 1 - kSuffixReserveBytes);

    std::error_code ec;
    fs::create_directories(r.folder, ec);
    if (ec)
        return makeError("'" + r.folder + "': cannot create the folder: " + ec.message());

    const fs::path folder(r.folder);
    auto file = audio::AtomicFile::create((folder / candidateName(base, 1, extension)).string());
    if (!file)
        return makeError(file.error());

    audio::WriteOptions write;
    write.dither = o.dither ? audio::Dither::Tpdf : audio::Dither::None;
    write.ditherSeed = o.ditherSeed;
    write.tags = makeTags(r, metadata, expanded.empty() ? base : expanded, start, end); // may hold '/', ':'...
    if (o.loop)
        write.loop = audio::LoopPoints{0, region.frames};
    if (auto written = audio::writeAudioInto(file.value(), region, o.format, o.sampleFormat, write); !written)
        return makeError(written.error());

    for (int number = 1; number <= kMaxNameSuffix; ++number) {
        const std::string path = (folder / candidateName(base, number, extension)).string();
        Result<bool> placed = file->commitWithoutReplacing(path);
        if (!placed)
            return makeError(placed.error());
        if (placed.value())
            return ExportResult{path, start + r.sourceOffsetFrames, end + r.sourceOffsetFrames};
    }
    std::string message = "'";
    message += (folder / candidateName(base, 1, extension)).string();
    message += "': cannot write: too many files of that name";
    return makeError(std::move(message));
}

} // namespace stemcrate::library
