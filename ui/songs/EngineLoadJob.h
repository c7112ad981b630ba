#pragma once
// EngineLoadJob: loads the separation engine into the holder before a song needs it, so the load (seconds,
// ~300 MB) runs while the song decodes instead of after (SongQueue starts it; EnginePreload says when).
// prepare() looks for the model file: a missing one is no error here (the model banner says so, the song's
// separation reports it) and the job does nothing. It then asks the stem cache's source index whether the
// songs that want the engine will very likely come from the cache (songs opened again, the common case):
// when every one will, the job is skipped and loads nothing (seconds of CPU, ~300 MB, on a GPU gigabytes);
// a song that misses the cache after all loads the engine in its own separation, as without a preload.
// process() asks the holder for the engine (SeparatorHolder::get loads nothing when it holds that key
// already); its error fails this job only, no song. A cancel before process() leaves the holder untouched;
// the load itself, once started, runs to its end, as in SeparateJob::prepare().
//
// Ownership: see SongJob; shares the holder, which keeps what was loaded; copies the cache handle and the
// songs' paths. Threads: see SongJob; runs in the separation slot, one job at a time there (the holder is
// not locked).

#include "separation/StemCache.h"
#include "songs/SeparatorHolder.h"
#include "songs/SongJob.h"

#include <optional>
#include <string>
#include <vector>

namespace stemcrate::ui {

class EngineLoadJob : public SongJob
{
public:
    EngineLoadJob(EngineRequest engine, CancelFlag cancelled);
    const char* name() const override { return "engine load"; }

    // Set before run(); optional: the paths of the songs that want the engine (taken on the GUI thread; the
    // files are looked at here, on the worker). Without it, or without paths, the job loads.
    void skipIfCached(separation::StemCache cache, std::vector<std::string> songPaths);

    // After run(): whether the model file was missing (nothing was asked of the holder then), whether the
    // holder was asked for the engine, and whether it holds it now (loaded by this job or before; when asked
    // and not, the load failed and the report says why).
    bool modelMissing() const { return m_modelMissing; }
    bool askedHolder() const { return m_askedHolder; }
    bool loaded() const { return m_loaded; }
    // After run(): every song's stems are very likely cached, so nothing was asked of the holder.
    bool skipped() const { return m_skipped; }

protected:
    Result<void> prepare() override;
    Result<void> process() override;

private:
    const EngineRequest m_engine;
    std::optional<separation::StemCache> m_cache;
    std::vector<std::string> m_songPaths;
    bool m_modelMissing = false;
    bool m_skipped = false;
    bool m_askedHolder = false;
    bool m_loaded = false;
};

} // namespace stemcrate::ui
