#pragma once
// SongQueue: runs the jobs of the songs in a SongList: decode (core/audio) and cache lookup on a decode
// pool beside everything, then separation (core/separation) one song at a time, since the engine uses all
// cores. Stems appear progressively: the StemSet exists as soon as a separation starts and grows with the
// engine's published(validFrames).
//
// Ownership: owns its two QThreadPools, the loaded Separator (shared, loaded once on the separation worker
// and reloaded when the model settings change) and the StemCache handle; the SongList is not owned.
// Threads: public members are GUI-thread only. Each job reports through queued calls to this object,
// throttled to about ten per second (progress and publication; the final state always arrives).
// The destructor cancels every job and waits for the workers. A finished song is analysed (core/analysis:
// tempo, beat grid, key, onsets) on the decode pool.

#include "audio/Decoder.h"
#include "separation/Separator.h"
#include "songs/StemCache.h"

#include <QObject>
#include <QString>
#include <QThreadPool>

#include <atomic>
#include <functional>
#include <memory>

namespace stemcrate::ui {

class SongList;

struct SeparationConfig
{
    QString modelPath; // empty: no model yet; songs wait for one
    separation::SeparatorOptions options;
    qint64 cacheLimitBytes = 0; // <= 0: no limit

    bool operator==(const SeparationConfig& other) const;
};

class SongQueue : public QObject
{
    Q_OBJECT

public:
    explicit SongQueue(SongList& songs, QObject* parent = nullptr);
    ~SongQueue() override;

    // Songs waiting for a model start once the config names one.
    void setConfig(const SeparationConfig& config);
    const SeparationConfig& config() const { return m_config; }

    // Adds the song and starts decoding it; returns its id.
    int add(const QString& path);
    void cancel(int id);
    // Failed or cancelled songs start again (from the separation, if already decoded).
    void retry(int id);
    void remove(int id);

    const StemCache& cache() const { return m_cache; }
    // Times Separator::separate ran (not counting cache hits). Any thread.
    int separationsRun() const { return m_separationsRun.load(); }
    bool isIdle() const;
    // Blocks until every job has finished (tests, shutdown). Queued reports arrive afterwards.
    void waitForDone();

signals:
    void songDecoded(int id);                        // Song::track is set: the mix can be shown
    void stemsStarted(int id);                       // Song::stems is set (possibly empty so far)
    void stemsPublished(int id, qint64 validFrames); // stems [0, validFrames) are final
    void songFinished(int id);                       // Done
    void songAnalysed(int id);                       // Song::analysis is set
    void problem(const QString& message);            // a song failed: for the message area

private:
    void startDecode(int id);
    void startSeparation(int id);
    void onDecoded(int id, std::shared_ptr<const audio::Track> track, std::shared_ptr<StemSet> cached);
    void fail(int id, const QString& reason);
    void finish(int id, const QString& cacheKey, bool fromCache);
    // Tempo, beats, key and onsets on the decode pool, beside any separation.
    void analyse(int id);
    void post(std::function<void()> fn);

    // Worker (separation pool) only: the loaded engine and the settings it was loaded with.
    Result<std::shared_ptr<separation::Separator>> separatorFor(const SeparationConfig& config);

    // GUI thread only.
    SongList& m_songs;
    SeparationConfig m_config;
    StemCache m_cache;

    // Atomic.
    std::atomic<int> m_separationsRun{0};

    // Separation worker only.
    std::shared_ptr<separation::Separator> m_separator;
    QString m_separatorKey;

    // Last: destroyed first, after the destructor waited for them.
    QThreadPool m_decodePool;
    QThreadPool m_separationPool;
};

} // namespace stemcrate::ui
