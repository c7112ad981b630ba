#include "songs/CacheLookupJob.h"

namespace stemcrate::ui {

CacheLookupJob::CacheLookupJob(separation::StemCache cache, std::shared_ptr<const audio::Track> track,
                               separation::SourceFingerprint source, std::string modelPath, Known known,
                               CancelFlag cancelled)
    : SongJob(std::move(cancelled)), m_cache(std::move(cache)), m_track(std::move(track)),
      m_source(std::move(source)), m_modelPath(std::move(modelPath)), m_keyed(std::move(known))
{
}

Result<void> CacheLookupJob::prepare()
{
    if (!m_track)
        return makeError("nothing decoded to look up");
    const std::string identity = separation::StemCache::modelIdentity(m_modelPath);
    if (identity.empty() || identity != m_keyed.modelIdentity || m_keyed.key.empty())
        m_keyed = {identity, separation::StemCache::key(m_track->audio, identity)};
    return {};
}

Result<void> CacheLookupJob::process()
{
    if (m_keyed.modelIdentity.empty() || !m_cache.contains(m_keyed.key))
        return {}; // a miss (an unreadable model fails later, where it is loaded)
    auto stems = std::make_shared<StemSet>(m_track->audio.frames);
    if (Result<void> loaded = m_cache.load(m_keyed.key, stems->frames(), stems->writableStems()); !loaded) {
        m_unreadable = loaded.error();
        return {};
    }
    (void)m_cache.rememberSource({m_source, m_keyed.modelIdentity, m_keyed.key}); // a hint: no error
    m_loaded = std::move(stems);
    return {};
}

Result<void> CacheLookupJob::store()
{
    if (m_loaded) {
        m_loaded->publish(m_loaded->frames());
        m_hit = std::move(m_loaded);
    }
    return {};
}

void CacheLookupJob::cleanup()
{
    m_loaded.reset(); // stems loaded for a song cancelled meanwhile are freed here, on the worker
    m_track.reset();
}

} // namespace stemcrate::ui
