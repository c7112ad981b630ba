#pragma once
// StemCache: separated stems on disk, so that re-opening a song (in the app or `stemcrate-cli separate`)
// is instant. One file per song and model, <folder>/<key>.stems, where key = SHA-1 of the decoded audio's
// shape and samples and the model file's identity (path, size, modification time).
//
// Format: "STEMCRT1", u32 version, u32 sampleRate, u32 channels, u32 stemCount, i64 frames, then per stem
// u32 name length + UTF-8 name, then the float32 samples, stem by stem, planar; all little-endian (the
// engine's hosts). Files appear atomically (core/audio's AtomicFile): a write that is cancelled, fails or
// is killed never leaves a partial file under the final name. The least recently used file goes first when
// the cache is over its limit; load() refreshes a file's time. A killed write's temporary
// ("<key>.stems.part-XXXXXX") is removed by the next eviction or clear() once it is an hour old.
//
// Source index: <folder>/sources/<SHA-1 of source path and model identity>.source, one small file per song
// file and model (format "STEMSRC1", then the SourceRecord: its strings as u32 length + UTF-8 bytes, its
// numbers as i64; little-endian), written atomically like the stems. It records which key a song's file
// decoded to, so that likelyCached() answers before the decode (the key needs the decoded audio): the app
// skips loading the model for songs that will come from the cache. Only a hint: a record whose key is no
// longer cached, or that cannot be read, is "not cached"; the eviction pass that deletes stems deletes
// such records too, and clear() all of them.
//
// Ownership: a value type naming a folder (chosen by app/ or ui/). Threads: every member is reentrant;
// all of them touch the disk or hash audio, so call them on workers, never on a GUI thread. Separate
// processes may share a folder. Qt-free. Units: bytes for sizes, frames for lengths.

#include "common/AudioBuffer.h"
#include "common/Result.h"
#include "separation/Separator.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace stemcrate::separation {

struct StemCacheStoreOptions
{
    // Checked between pieces of the write; true abandons it (the error says "cancelled").
    std::function<bool()> isCancelled;
};

// A song's file as it was: what the source index compares with the file on disk now.
struct SourceFingerprint
{
    std::string path;       // canonical: absolute, symbolic links resolved; empty when unreadable
    int64_t bytes = 0;      // size
    int64_t modifiedNs = 0; // modification time, ns since the epoch

    bool valid() const { return !path.empty(); }
    bool operator==(const SourceFingerprint&) const = default;
};

// One entry of the source index: `source`, decoded and separated with the model `modelIdentity`, has its
// stems under `key`.
struct SourceRecord
{
    SourceFingerprint source;
    std::string modelIdentity;
    std::string key;

    bool operator==(const SourceRecord&) const = default;
};

class StemCache
{
public:
    // Identity of a model file: absolute path, size and modification time in ms (cheap: no hashing of
    // 300 MB). Empty when the file cannot be read.
    static std::string modelIdentity(const std::string& modelPath);
    // Hex SHA-1 of the audio and the model identity: ~1 s per hour of audio.
    static std::string key(const AudioBuffer& audio, const std::string& modelIdentity);

    // The file at `path` now (stat, no reading); invalid when it cannot be read.
    static SourceFingerprint sourceFingerprint(const std::string& path);

    explicit StemCache(std::string folder);
    const std::string& folder() const { return m_folder; }
    std::string pathFor(const std::string& key) const;

    bool contains(const std::string& key) const;
    // Reads the stems into `into` (replacing its contents). Refuses a file whose length is not
    // expectedFrames, or that is truncated or not a cache file, naming it.
    Result<void> load(const std::string& key, int64_t expectedFrames, Stems& into) const;
    Result<void> store(const std::string& key, const std::vector<std::string>& names,
                       const std::vector<AudioBuffer>& buffers,
                       const StemCacheStoreOptions& options = {}) const;
    Result<void> store(const std::string& key, const Stems& stems,
                       const StemCacheStoreOptions& options = {}) const
    {
        return store(key, stems.names, stems.audio, options);
    }

    // Records `record` in the source index (call it once its key is cached: stored, or loaded). Writes
    // nothing when the index holds that record already (a cache hit then costs no write), nor for an
    // invalid source.
    Result<void> rememberSource(const SourceRecord& record) const;
    // Whether the stems of the song file at `sourcePath`, separated with the model `modelIdentity`, are very
    // likely cached: the source index has a record for that file and model whose size and modification time
    // match the file now, and its key is cached. Never an error: anything unreadable is false.
    bool likelyCached(const std::string& sourcePath, const std::string& modelIdentity) const;

    int64_t sizeBytes() const;
    // Deletes least recently used files until the cache holds at most limitBytes (<= 0: no limit), and
    // stale temporaries; when it deleted stems, also the source records whose key is no longer cached.
    // Returns how many cache files it deleted.
    int evictToLimit(int64_t limitBytes) const;
    // Deletes every cache file and source record (and stale temporaries).
    void clear() const;

private:
    std::string m_folder;
};

} // namespace stemcrate::separation
