#pragma once
// ExportOptions: how a selection becomes a sample file. Remembered between runs (AppSettings).
// Plain value type. Units: milliseconds for fades.

#include "audio/AudioFileWriter.h"

#include <QString>

namespace stemcrate::ui {

struct ExportOptions
{
    audio::FileFormat format = audio::FileFormat::Wav;
    audio::SampleFormat sampleFormat = audio::SampleFormat::Int24;
    double fadeInMs = 0.0;
    double fadeOutMs = 5.0;
    // A loop sample: marked for the WAV 'smpl' chunk once core/audio writes one; stored as a wish now.
    bool loop = false;
    // Export what is heard (audible lanes with their gains) instead of the lane the selection is on.
    bool asHeard = false;
    // Tokens: {song} {stem} {start} (m-ss.mmm) {length} (seconds) {bpm} {key}. The extension is added.
    QString nameTemplate = QStringLiteral("{song} - {stem} - {start}");
    QString folder; // the library folder
};

} // namespace stemcrate::ui
