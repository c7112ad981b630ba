#pragma once
// ShownSong: the song the window shows, as plain values: who it is, its audio as far as it exists, and the
// SongDisplay (lanes, summaries, tiles) kept for it. Emitted by SongSession; copied freely.
//
// Plain value; GUI thread (the display is a GUI-thread object). Units: frames at 44.1 kHz.

#include "common/AudioBuffer.h"
#include "library/SampleExporter.h"
#include "songs/StemSet.h"

#include <QString>

#include <memory>

namespace stemcrate::ui {

class SongDisplay;

struct ShownSong
{
    int id = 0;   // 0: no song
    QString path; // the file it was decoded from
    // Tags, source path, BPM and key as exports carry them (songMetadata; the stem is set per export).
    library::SampleMetadata metadata;
    std::shared_ptr<const AudioBuffer> mix; // null until decoded
    std::shared_ptr<const StemSet> stems;   // null until separation starts (or the cache hits)
    std::shared_ptr<SongDisplay> display;   // null without a mix
    QString fileName() const;
};

} // namespace stemcrate::ui
