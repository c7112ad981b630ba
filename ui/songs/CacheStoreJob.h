#pragma once
// CacheStoreJob: writes a separated song's complete stems into the stem cache (atomically; a cancel
// abandons the write and leaves nothing) and records the song's file in the cache's source index, then
// evicts least recently used files down to the limit. A write of the stems that fails is reported as the
// job's error; the song is done either way (SongQueue logs it). A record that cannot be written is no error
// (it is only a hint).
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
    // song: the key to store under, the model identity it was computed for, and the song's file as it was
    // decoded (an invalid one is not recorded).
    CacheStoreJob(separation::StemCache cache, separation::SourceRecord song,
                  std::shared_ptr<const StemSet> stems, int64_t limitBytes, CancelFlag cancelled);
    const char* name() const override { return "cache store"; }

    int evicted() const { return m_evicted; }

protected:
    Result<void> process() override;
    Result<void> store() override;
    void cleanup() override;

private:
    const separation::StemCache m_cache;
    const separation::SourceRecord m_song;
    std::shared_ptr<const StemSet> m_stems;
    const int64_t m_limitBytes;
    int m_evicted = 0;
};

} // namespace stemcrate::ui
