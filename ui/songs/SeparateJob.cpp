#include "songs/SeparateJob.h"

namespace stemcrate::ui {

SeparateJob::SeparateJob(EngineRequest engine, std::shared_ptr<const audio::Track> track,
                         std::shared_ptr<StemSet> stems, CancelFlag cancelled)
    : SongJob(std::move(cancelled)), m_engine(std::move(engine)), m_track(std::move(track)),
      m_stems(std::move(stems))
{
}

Result<void> SeparateJob::prepare()
{
    if (!m_track || !m_stems || !m_engine.holder)
        return makeError("nothing to separate");
    Result<std::shared_ptr<separation::Separator>> separator =
        m_engine.holder->get(m_engine.modelPath, m_engine.options, m_engine.key);
    if (!separator) {
        std::string reason = separator.error();
        if (const std::string prefix = "'" + m_engine.modelPath + "': "; reason.rfind(prefix, 0) == 0)
            reason.erase(0, prefix.size());
        return makeError("the separation model could not be loaded: " + reason);
    }
    m_separator = std::move(separator.value());
    return {};
}

Result<void> SeparateJob::process()
{
    m_ranTheModel = true;
    separation::SeparationCallbacks callbacks;
    callbacks.isCancelled = [this] { return isCancelled(); };
    callbacks.progress = [this](const separation::Progress& p) { reportProgress(p.fraction, p.etaSeconds); };
    callbacks.published = [this](int64_t validFrames) {
        m_stems->publish(validFrames);
        if (m_published)
            m_published(validFrames);
    };
    return m_separator->separate(m_track->audio, m_stems->writableStems(), callbacks);
}

void SeparateJob::cleanup()
{
    m_separator.reset(); // the holder keeps the engine for the next song
    m_stems.reset();
    m_track.reset();
}

} // namespace stemcrate::ui
