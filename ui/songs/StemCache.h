#pragma once
// StemCache: separated stems on disk, so re-opening a song is instant. One file per song and model,
// <folder>/<key>.stems, where key = SHA-1 of the decoded audio and the model file's identity (path, size,
// modification time). Format: "STEMCRT1", u32 version, u32 sampleRate, u32 channels, u32 stemCount,
// i64 frames, then per stem u32 name length + UTF-8 name, then the float32 samples, stem by stem, planar;
// all little-endian (the engine's hosts). Files appear atomically (QSaveFile). The least recently used
// file goes first when the cache is over its limit; load() refreshes a file's time.
//
// Ownership: a value type naming a folder. Threads: every member is reentrant; load/store run on workers,
// the size and clear calls on the GUI thread (a directory listing). Units: bytes for sizes.

#include "common/AudioBuffer.h"
#include "common/Result.h"
#include "songs/StemSet.h"

#include <QByteArray>
#include <QString>

namespace stemcrate::ui {

class StemCache
{
public:
    // <GenericCacheLocation>/stemcrate/stems
    static QString defaultFolder();
    // Identity of a model file: absolute path, size and modification time (cheap; no hashing of 300 MB).
    static QByteArray modelIdentity(const QString& modelPath);
    // Hex SHA-1 of the audio samples and the model identity. Worker thread: ~1 s per hour of audio.
    static QString key(const AudioBuffer& audio, const QByteArray& modelIdentity);

    explicit StemCache(QString folder = defaultFolder());
    QString folder() const { return m_folder; }
    QString pathFor(const QString& key) const;

    bool contains(const QString& key) const;
    // Reads the stems into `into` (which must have the song's length) and publishes them complete.
    Result<void> load(const QString& key, StemSet& into) const;
    Result<void> store(const QString& key, const separation::Stems& stems) const;

    qint64 sizeBytes() const;
    // Deletes least recently used files until the cache holds at most limitBytes; <= 0 means no limit.
    void evictToLimit(qint64 limitBytes) const;
    void clear() const;

private:
    QString m_folder;
};

} // namespace stemcrate::ui
