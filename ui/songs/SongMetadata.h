#pragma once
// songMetadata: what sample files exported from a song carry of it: title, artist, album, its file, and
// BPM and key once analysed. The stem is the caller's to fill. GUI thread (reads a Song).

#include "library/SampleExporter.h" // core's SampleMetadata
#include "songs/Song.h"

namespace stemcrate::ui {

library::SampleMetadata songMetadata(const Song& song);

} // namespace stemcrate::ui
