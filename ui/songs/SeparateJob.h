#pragma once
// SeparateJob: separates a decoded song into its StemSet with the held engine (core/separation).
// prepare() gets the engine (loading the model if needed), process() separates, publishing each finished
// region into the StemSet as it goes (views and playback read it meanwhile).
//
// Ownership: see SongJob; shares the engine holder, the track and the StemSet it writes (the only writer).
// Threads: see SongJob; runs in the separation slot, one job at a time there (the holder is not locked). The
// published callback runs on the worker after StemSet::publish.

#include "audio/Decoder.h"
#include "songs/SeparatorHolder.h"
#include "songs/SongJob.h"
#include "songs/StemSet.h"

namespace stemcrate::ui {

class SeparateJob : public SongJob
{
public:
    SeparateJob(EngineRequest engine, std::shared_ptr<const audio::Track> track,
                std::shared_ptr<StemSet> stems, CancelFlag cancelled);
    const char* name() const override { return "separate"; }

    void setPublished(std::function<void(int64_t validFrames)> published)
    {
        m_published = std::move(published);
    }
    // Whether the network ran (false when the model failed to load or the job was cancelled first).
    bool ranTheModel() const { return m_ranTheModel; }

protected:
    Result<void> prepare() override;
    Result<void> process() override;
    void cleanup() override;

private:
    EngineRequest m_engine;
    std::shared_ptr<const audio::Track> m_track;
    std::shared_ptr<StemSet> m_stems;
    std::function<void(int64_t)> m_published;
    std::shared_ptr<separation::Separator> m_separator; // prepare() to cleanup()
    bool m_ranTheModel = false;
};

} // namespace stemcrate::ui
