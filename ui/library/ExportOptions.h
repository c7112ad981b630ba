#pragma once
// ExportOptions: how a selection becomes a sample file, as the export dialog shows it. Remembered between
// runs (AppSettings); ExportJob turns it into core's library::ExportOptions.
// Plain value type. Units: milliseconds for fades.

#include "audio/AudioFileWriter.h"
#include "library/FitTarget.h"

#include <QString>

namespace stemcrate::ui {

struct ExportOptions
{
    audio::FileFormat format = audio::FileFormat::Wav;
    audio::SampleFormat sampleFormat = audio::SampleFormat::Int24;
    double fadeInMs = 0.0;
    double fadeOutMs = 5.0;
    // A loop sample: core crossfades the wrap and writes loop points (WAV 'smpl', AIFF, FLAC tags).
    bool loop = false;
    // Export what is heard (audible lanes with their gains) instead of the lane the selection is on.
    bool asHeard = false;
    // Core's tokens (library::nameFields): {source} {stem} {start} {end} (seconds) {bpm} {key} {artist}
    // {title} {album} {index}; {song} is read as {source}. The extension is added.
    QString nameTemplate = QStringLiteral("{source} - {stem} - {start}");
    QString folder; // the library folder
    // The project's tempo and key (ProjectFitController::exportTarget); not remembered, set per export.
    library::FitTarget fit;
};

} // namespace stemcrate::ui
