#pragma once
// EngineLoadJob: loads the separation engine into the holder before a song needs it, so the load (seconds,
// ~300 MB) runs while the song decodes instead of after (SongQueue starts it; EnginePreload says when).
// prepare() looks for the model file: a missing one is no error here (the model banner says so, the song's
// separation reports it) and the job does nothing. process() asks the holder for the engine
// (SeparatorHolder::get loads nothing when it holds that key already); its error fails this job only, no
// song. A cancel before process() leaves the holder untouched; the load itself, once started, runs to its
// end, as in SeparateJob::prepare().
//
// Ownership: see SongJob; shares the holder, which keeps what was loaded. Threads: see SongJob; runs in the
// separation slot, one job at a time there (the holder is not locked).

#include "songs/SeparatorHolder.h"
#include "songs/SongJob.h"

namespace stemcrate::ui {

class EngineLoadJob : public SongJob
{
public:
    EngineLoadJob(EngineRequest engine, CancelFlag cancelled);
    const char* name() const override { return "engine load"; }

    // After run(): whether the model file was missing (nothing was asked of the holder then), whether the
    // holder was asked for the engine, and whether it holds it now (loaded by this job or before; when asked
    // and not, the load failed and the report says why).
    bool modelMissing() const { return m_modelMissing; }
    bool askedHolder() const { return m_askedHolder; }
    bool loaded() const { return m_loaded; }

protected:
    Result<void> prepare() override;
    Result<void> process() override;

private:
    const EngineRequest m_engine;
    bool m_modelMissing = false;
    bool m_askedHolder = false;
    bool m_loaded = false;
};

} // namespace stemcrate::ui
