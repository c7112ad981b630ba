#include "songs/EnginePreload.h"

#include "songs/EngineLoadJob.h"

namespace stemcrate::ui {

std::shared_ptr<std::atomic<bool>> EnginePreload::started(const QString& key)
{
    m_askedKey = key;
    m_askedKeyLoaded = false;
    m_cancelled = std::make_shared<std::atomic<bool>>(false);
    return m_cancelled;
}

void EnginePreload::ended(const EngineLoadJob& job, const SongJob::Report& report)
{
    m_cancelled.reset();
    m_askedKeyLoaded = job.loaded(); // also when cancelled during its load: the holder keeps what it loaded
    if (report.outcome == SongJob::Outcome::Cancelled && !job.askedHolder() && !job.modelMissing())
        m_askedKey.clear(); // cancelled before its load: the holder holds what it held before
}

void EnginePreload::separationStarted(const QString& key)
{
    m_askedKey = key;
    m_askedKeyLoaded = false;
}

void EnginePreload::separationEnded(bool engineLoaded)
{
    m_askedKeyLoaded = engineLoaded;
}

void EnginePreload::configSet(const QString& key)
{
    if (running() && key != m_askedKey)
        m_cancelled->store(true);
    if (!running() && !m_askedKeyLoaded)
        m_askedKey.clear();
}

void EnginePreload::notWanted()
{
    if (running())
        m_cancelled->store(true);
}

} // namespace stemcrate::ui
