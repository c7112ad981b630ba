#pragma once
// Exporting a sample into the library folder: a region [startFrame, endFrame) of one stem, or of a mix of
// stems with per-stem gains, shaped (zero-crossing snap, loop crossfade, fades, normalisation) and written
// as WAV, FLAC or AIFF with tags, under a name made from a template.
//
// Never destructive: the file is written to a temporary in the target folder and then placed under its
// name only if that name is free, atomically; a taken name gets " (2)", " (3)", ... (also when another
// process takes the name at the same moment). On any error no file is left behind.
//
// With default options an export is a sample-exact copy of the region: 32-bit float WAV, bit-exact.
//
// Processing order: snap the edges, mix, loop crossfade, fit (stretch and shift, see FitTarget), fades,
// normalise, then dither while writing.
//
// Ownership: the request only points at the stems; they must stay alive and unchanged during the call.
// Threads: reentrant; call from a worker thread (it writes and fsyncs a file), never the GUI thread.
// Units: frames of the stems (44.1 kHz in the engine), milliseconds and dB as the names say.

#include "audio/AudioFileWriter.h"
#include "common/AudioBuffer.h"
#include "common/Result.h"
#include "library/FitTarget.h"
#include "library/RegionProcessing.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace stemcrate::library {

struct ExportOptions
{
    audio::FileFormat format = audio::FileFormat::Wav;
    audio::SampleFormat sampleFormat = audio::SampleFormat::Float32;
    // TPDF dither when writing 16 or 24-bit integers (never for float). Seeded, so exports are reproducible.
    bool dither = true;
    uint64_t ditherSeed = 1;

    // Fades, 0 = none. Linear by default (the usual de-click fade); EqualPower sounds fuller on long fades.
    double fadeInMs = 0;
    double fadeOutMs = 0;
    FadeCurve fadeCurve = FadeCurve::Linear;

    // Moves each edge to the nearest zero crossing of the mix's mono sum within +-snapWindowMs.
    ZeroCrossingSnap snap = ZeroCrossingSnap::Off;
    double snapWindowMs = 10;

    // Scales the result so that its peak is normalizePeakDb dBFS.
    bool normalize = false;
    double normalizePeakDb = -0.1;

    // Loop: crossfades (equal power, loopCrossfadeMs, at most a quarter of the region) audio from just
    // before the region into its tail (or, at the very start of the track, from just after it into its
    // head), so the wrap from the last frame to the first is click-free; the length stays exact. If the
    // region is the whole track, a short fade on both ends is used instead. Writes loop points over the
    // whole file: WAV 'smpl' (start 0, end frames-1), AIFF MARK+INST, FLAC LOOPSTART/LOOPLENGTH/LOOPEND.
    bool loop = false;
    double loopCrossfadeMs = 10;

    // Fit to the project: stretch from metadata.bpm to fit.targetBpm and shift from metadata.key into
    // fit.targetKey (or by fit.semitones) with Rubber Band's offline R3 engine (SampleFitter; a loop is
    // stretched circularly). Tags and name then carry the fitted tempo and key. The length becomes
    // round(frames * source BPM / target BPM).
    FitTarget fit;
};

// What the sample is; goes into the tags and the name template. Empty / 0 = unknown.
struct SampleMetadata
{
    std::string title; // of the source track
    std::string artist;
    std::string album;
    std::string sourcePath; // the decoded track the stems came from
    std::string stem;       // "drums", "bass", "other", "vocals", "mix", ...
    double bpm = 0;
    std::string key; // e.g. "A minor"
    int index = 0;   // the caller's running number, for {index}
    // Tagged as STEMCRATE_KIND and STEMCRATE_CLASS, which the library index reads back. Kind: "loop",
    // "slice" or "one-shot"; empty = "loop" for a loop export, else not written. Class: "kick", "snare", ...
    std::string kind;
    std::string sampleClass;
};

struct ExportRequest
{
    std::vector<const AudioBuffer*> stems; // at least one; same channels, sample rate and length
    std::vector<float> gains;              // one per stem (linear), or empty for unity
    int64_t startFrame = 0;
    int64_t endFrame = 0; // exclusive
    ExportOptions options;
    SampleMetadata metadata;
    std::string folder; // created if missing
    std::string nameTemplate = "{artist} - {title} - {stem} - {bpm}bpm {key} - {index}";
    std::string fileExtension; // without the dot; empty = the format's usual one ("wav", "flac", "aif")
    // Where frame 0 of the stems lies in the source track (an excerpt rendered first, e.g. a mix "as
    // heard"): added to the region in the {start} and {end} name fields and the result.
    int64_t sourceOffsetFrames = 0;
};

struct ExportResult
{
    std::string path;       // where the file is
    int64_t startFrame = 0; // the region actually written (after zero-crossing snap), in source frames
    int64_t endFrame = 0;
};

Result<ExportResult> exportSample(const ExportRequest& request);

// The fields the name template can use, filled from the metadata and region: artist, title, album, stem,
// bpm ("120" or "120.5"), key, index, source (file name without extension), start and end (seconds,
// "12.345").
std::map<std::string, std::string> nameFields(const SampleMetadata& metadata, int64_t startFrame,
                                              int64_t endFrame, int sampleRate);

} // namespace stemcrate::library
