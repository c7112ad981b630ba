#pragma once
// SampleExporter: turns a selection into a sample file in the library folder: cuts the region, applies
// the fades, names it from the template, picks a name nothing else has (" (2)", " (3)", ...) and writes it
// with core/audio's writeAudioFile (atomic: temp file, then rename). All export goes through here, so it
// can move to core/audio's export API (fades, loop chunk, dither, tags) in one place.
//
// Ownership: stateless. Threads: any thread (GUI for short selections and drag-out). Units: frames,
// milliseconds for fades.

#include "common/AudioBuffer.h"
#include "common/Result.h"
#include "library/ExportOptions.h"

#include <QString>

namespace stemcrate::ui {

struct SampleNameFields
{
    QString song;           // song file's base name
    QString stem;           // "mix", "drums", ...
    QString bpm;            // "120" once the tempo is known, else ""
    QString key;            // Camelot ("8A") once the key is known, else ""
    int64_t startFrame = 0; // where `source` begins in the song (0 unless it is already cut out)
    int64_t frames = 0;     // set by exportRegion
};

class SampleExporter
{
public:
    // Frames [start, end) of source, clamped to it; linear fades of the given lengths.
    static AudioBuffer cut(const AudioBuffer& source, int64_t startFrame, int64_t endFrame, double fadeInMs,
                           double fadeOutMs);
    // "{song} - {stem} - {start}" -> "Song - drums - 0-12.345", without extension, safe for file names.
    // {bpm} and {key} become "" while unknown (the separators around them are tidied up).
    static QString fileBaseName(const QString& nameTemplate, const SampleNameFields& fields);
    // A path in folder that does not exist yet.
    static QString uniquePath(const QString& folder, const QString& baseName, const QString& extension);

    // Writes the sample; returns its path.
    static Result<QString> exportRegion(const AudioBuffer& source, int64_t startFrame, int64_t endFrame,
                                        const ExportOptions& options, const SampleNameFields& fields);
};

} // namespace stemcrate::ui
