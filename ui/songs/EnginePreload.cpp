#include "songs/EnginePreload.h"

#include "songs/EngineLoadJob.h"

#include <algorithm>

namespace stemcrate::ui {

bool EnginePreload::wanted(const QString& key, const std::vector<int>& songs) const
{
    if (running() || key == m_askedKey)
        return false;
    // Skipped for these songs already: only a song not checked then may change the answer.
    const bool checked = key == m_skippedKey && std::all_of(songs.begin(), songs.end(), [&](int id) {
                             return std::binary_search(m_skippedSongs.begin(), m_skippedSongs.end(), id);
                         });
    return !checked;
}

std::shared_ptr<std::atomic<bool>> EnginePreload::started(const QString& key, std::vector<int> songs)
{
    m_askedKey = key;
    m_askedKeyLoaded = false;
    m_cancelled = std::make_shared<std::atomic<bool>>(false);
    m_runningSongs = std::move(songs);
    std::sort(m_runningSongs.begin(), m_runningSongs.end());
    return m_cancelled;
}

void EnginePreload::ended(const EngineLoadJob& job, const SongJob::Report& report)
{
    m_cancelled.reset();
    m_askedKeyLoaded = job.loaded(); // also when cancelled during its load: the holder keeps what it loaded
    if (job.skipped() && report.outcome == SongJob::Outcome::Succeeded) {
        // Nothing asked of the holder: it holds what it held before. Not again for these songs.
        m_skippedKey = m_askedKey;
        m_skippedSongs = std::move(m_runningSongs);
        m_askedKey.clear();
        ++m_skips;
    } else if (report.outcome == SongJob::Outcome::Cancelled && !job.askedHolder() && !job.modelMissing()) {
        m_askedKey.clear(); // cancelled before its load: the holder holds what it held before
    }
    m_runningSongs.clear();
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
    m_skippedKey.clear(); // the model file may be another now: its songs' stems may not be cached
}

void EnginePreload::notWanted()
{
    if (running())
        m_cancelled->store(true);
}

} // namespace stemcrate::ui
