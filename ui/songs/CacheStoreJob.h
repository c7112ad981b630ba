#pragma once
// CacheStoreJob: writes a separated song's complete stems into the stem cache (atomically; a cancel
// abandons the write and leaves nothing), then evicts least recently used files down to the limit.
// A write that fails is reported as the job's error; the song is done either way (SongQueue logs it).
//
// Ownership: see SongJob; copies the cache handle, shares the StemSet read-only. Threads: see SongJob.
// Units: bytes for the limit (<= 0: no limit).

#include "separation/StemCache.h"
#include "songs/SongJob.h"
#include "songs/StemSet.h"

namespace stemcrate::ui {

class CacheStoreJob : public SongJob
{
public:
    CacheStoreJob(separation::StemCache cache, std::string key, std::shared_ptr<const StemSet> stems,
                  int64_t limitBytes, CancelFlag cancelled);
    const char* name() const override { return "cache store"; }

    int evicted() const { return m_evicted; }

protected:
    Result<void> process() override;
    Result<void> store() override;
    void cleanup() override;

private:
    const separation::StemCache m_cache;
    const std::string m_key;
    std::shared_ptr<const StemSet> m_stems;
    const int64_t m_limitBytes;
    int m_evicted = 0;
};

} // namespace stemcrate::ui
