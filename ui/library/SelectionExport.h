#pragma once
// SelectionExport: turns the session's selection into an ExportJob: the region of the lane it was made on
// (the mix or one stem), or "as heard" (the mixer's lane settings, rendered by StemMixer::bounce on the
// worker), with the song's tags, BPM and key. Refuses a region that is not separated yet.
//
// Threads: GUI thread (it reads the session and snapshots the live mixer's lane settings; nothing heavy).
// Units: frames at 44.1 kHz.

#include "common/Result.h"
#include "library/ExportJob.h"
#include "library/ExportOptions.h"

namespace stemcrate::ui {

class SongSession;
class StemMixer;

class SelectionExport
{
public:
    // Frames either side of the region an "as heard" bounce covers: core's zero-crossing snap and loop
    // crossfade read that far (both 10 ms by default).
    static int64_t bounceMarginFrames();

    static Result<ExportJob> build(const SongSession& session, const StemMixer& liveMixer,
                                   const ExportOptions& options);
};

} // namespace stemcrate::ui
