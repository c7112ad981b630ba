#pragma once
// CacheLookupJob: asks the stem cache for a decoded song's stems. prepare() works out the key (the model
// file's identity, then SHA-1 of the audio: ~1 s per hour, skipped when the caller already has the key for
// that identity); process() loads the file if there is one, and on a hit records the song's file in the
// cache's source index (so that the next time it is opened, the engine preload knows to skip it); store()
// publishes the loaded stems complete. A missing or unreadable file is a miss, not a failure (an unreadable
// one is logged); a record that cannot be written is no failure either (it is only a hint).
//
// Ownership: see SongJob; copies the cache handle, shares the track. Threads: see SongJob.

#include "audio/Decoder.h"
#include "separation/StemCache.h"
#include "songs/SongJob.h"
#include "songs/StemSet.h"

namespace stemcrate::ui {

class CacheLookupJob : public SongJob
{
public:
    struct Known
    {
        std::string modelIdentity; // the identity `key` was computed for
        std::string key;
    };
    // source: the song's file as it was decoded (DecodeJob::source()).
    CacheLookupJob(separation::StemCache cache, std::shared_ptr<const audio::Track> track,
                   separation::SourceFingerprint source, std::string modelPath, Known known,
                   CancelFlag cancelled);
    const char* name() const override { return "cache lookup"; }

    // After run(): the key and the identity it was computed for; the stems on a hit (handed over once), null
    // on a miss.
    const Known& keyed() const { return m_keyed; }
    std::shared_ptr<StemSet> takeStems() { return std::move(m_hit); }
    // Why a file that was there could not be read (logged by the caller); empty otherwise.
    const std::string& unreadable() const { return m_unreadable; }

protected:
    Result<void> prepare() override;
    Result<void> process() override;
    Result<void> store() override;
    void cleanup() override;

private:
    const separation::StemCache m_cache;
    std::shared_ptr<const audio::Track> m_track;
    const separation::SourceFingerprint m_source;
    const std::string m_modelPath;
    Known m_keyed;
    std::shared_ptr<StemSet> m_loaded; // worker only
    std::shared_ptr<StemSet> m_hit;    // the result
    std::string m_unreadable;
};

} // namespace stemcrate::ui
