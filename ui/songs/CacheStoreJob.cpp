#include "songs/CacheStoreJob.h"

namespace stemcrate::ui {

CacheStoreJob::CacheStoreJob(separation::StemCache cache, separation::SourceRecord song,
                             std::shared_ptr<const StemSet> stems, int64_t limitBytes, CancelFlag cancelled)
    : SongJob(std::move(cancelled)), m_cache(std::move(cache)), m_song(std::move(song)),
      m_stems(std::move(stems)), m_limitBytes(limitBytes)
{
}

Result<void> CacheStoreJob::process()
{
    if (!m_stems || !m_stems->complete() || m_song.key.empty())
        return makeError("the stems are not complete");
    separation::StemCacheStoreOptions options;
    options.isCancelled = [this] { return isCancelled(); };
    if (Result<void> stored = m_cache.store(m_song.key, m_stems->stems(), options); !stored)
        return stored;
    (void)m_cache.rememberSource(m_song); // a hint: no error
    return {};
}

Result<void> CacheStoreJob::store()
{
    m_evicted = m_cache.evictToLimit(m_limitBytes);
    return {};
}

void CacheStoreJob::cleanup()
{
    m_stems.reset();
}

} // namespace stemcrate::ui
