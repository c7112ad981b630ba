#pragma once
// SongQueue: schedules the jobs of the songs in a SongList; it computes nothing itself. Each step is its own
// SongJob (DecodeJob, CacheLookupJob, SeparateJob, CacheStoreJob, AnalyseJob), and every change of a song's
// state goes through its SongLifecycle with the reporting job's token, so a late report from a cancelled or
// replaced job is dropped.
//
// A song goes: queued → decoding (decode, then cache lookup; as many at once as the thread budget's
// analysis threads) → queued (it waits, shown as such, for the one separation slot) → separating (cache
// lookup again if the model changed, separate, store into the cache) → done → analysed. Cancel works in
// every state that has work (queued and waiting songs too), retry after a failure or cancel.
// Stems appear progressively: the StemSet exists as soon as a separation starts and grows with the
// engine's published(validFrames).
// The model loads while the first song decodes: an idle separation slot preloads the engine for the
// config's key when songs will want it (EnginePreload, EngineLoadJob); the separation then reuses it. Not
// when every such song's stems are likely cached (the stem cache's source index, read by the job): songs
// opened again do not pay for a model they never use.
//
// What touches the disk or frees much runs on workers, never on the GUI thread: folder scans, hashing,
// cache lookup, store and eviction, and the last reference to a replaced or removed song's audio and stems.
//
// Ownership: owns its thread pools, the engine holder (the loaded Separator, reused between songs) and the
// stem cache handle; the SongList is not owned and must outlive this object. Threads: public members are
// GUI-thread only. Jobs report through queued calls to this object, progress throttled to about ten per
// second (the final state always arrives). The destructor cancels every job and waits for the workers.
// Thread counts come from ThreadBudget (core/common).

#include "WorkerQueue.h"
#include "common/ThreadBudget.h"
#include "separation/StemCache.h"
#include "songs/EnginePreload.h"
#include "songs/SeparationConfig.h"
#include "songs/SongJob.h"
#include "songs/SongLifecycle.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <atomic>
#include <functional>
#include <memory>

namespace stemcrate::ui {

class SongList;
class SeparatorHolder;
struct EngineRequest;
class DecodeJob;
class CacheLookupJob;
class SeparateJob;
class EngineLoadJob;
class CacheStoreJob;
class AnalyseJob;

class SongQueue : public QObject
{
    Q_OBJECT

public:
    // cacheFolder: where stems are cached (AppSettings::stemCacheFolder() in the app).
    SongQueue(SongList& songs, const QString& cacheFolder, QObject* parent = nullptr);
    ~SongQueue() override;

    // Songs waiting for a model start once the config names one; a lowered cache limit is applied (on a
    // worker) at once.
    void setConfig(const SeparationConfig& config);
    const SeparationConfig& config() const { return m_config; }

    // Adds the song (queued) and schedules it; returns its id.
    int add(const QString& path);
    // Scans `paths` on a worker (folders become the audio files inside them), adds what it found and then
    // emits pathsAdded.
    void addPaths(const QStringList& paths);
    // Any state with work (queued, decoding, waiting for the model, separating) → cancelled.
    void cancel(int id);
    // Failed or cancelled → queued again (from the separation, if already decoded).
    void retry(int id);
    void remove(int id);

    const separation::StemCache& cache() const { return m_cache; }
    // Times the model ran on a song (not counting cache hits). Any thread.
    int separationsRun() const { return m_separationsRun.load(); }
    bool isIdle() const;
    // Blocks until every running job has finished (tests, shutdown). Queued reports arrive afterwards.
    void waitForDone();
    // Times the separation model was loaded, or a load failed (a preload's or a separation's). Any thread.
    int engineLoads() const;
    // Preloads that loaded nothing because every song wanting the engine was likely cached. GUI thread.
    int enginePreloadsSkipped() const { return m_preload.skips(); }
    // Whether the model loads while the first song decodes: Auto as the thread budget decides
    // (ThreadBudget::preloadEngine: on a GPU or four cores or more), On and Off for tests and benchmarks.
    enum class EnginePreloading
    {
        Auto,
        On,
        Off
    };
    void setEnginePreloading(EnginePreloading preloading);
    // Tests: `hold` runs on the worker at the start of every job (its name() tells which), e.g. to keep a
    // decode from ending until the test lets it; it must return once the job is cancelled. Set it before
    // adding songs.
    void setJobHoldForTests(std::function<void(const SongJob&)> hold);

signals:
    void songDecoded(int id);                        // Song::track is set: the mix can be shown
    void stemsStarted(int id);                       // Song::stems is set (possibly empty so far)
    void stemsPublished(int id, qint64 validFrames); // stems [0, validFrames) are final
    void songFinished(int id);                       // Done
    void songAnalysed(int id);                       // Song::analysis is set
    void problem(const QString& message);            // a song failed: for the message area
    // addPaths finished: `ids` are the songs added for `requested`, in order (empty: no audio found).
    void pathsAdded(const QStringList& requested, const QList<int>& ids);

private:
    enum class Slot
    {
        Decode,
        Separation,
        None
    };
    using Token = SongLifecycle::Token;

    // The one place that applies an event to a song (and tells the list view). Returns whether it counted.
    bool transition(int id, SongEvent event, Token token = SongLifecycle::kNoToken);
    // Starts what can start: decodes up to the budget, the next queued song into the separation slot.
    void schedule();
    void startDecode(int id);
    void startSeparation(int id);
    // Loads the engine on the idle separation slot when a song will want it (EnginePreload).
    void preloadEngine();
    EngineRequest engineRequest() const;

    // Job ends, on the GUI thread.
    void decodeEnded(int id, Token token, DecodeJob& job, const SongJob::Report& report);
    void lookupEnded(int id, Token token, bool beforeSeparation, CacheLookupJob& job,
                     const SongJob::Report& report);
    void separationEnded(int id, Token token, SeparateJob& job, const SongJob::Report& report);
    void preloadEnded(EngineLoadJob& job, const SongJob::Report& report);
    void storeEnded(int id, Token token, CacheStoreJob& job, const SongJob::Report& report);
    void analysisEnded(int id, Token token, AnalyseJob& job, const SongJob::Report& report);

    void lookUp(int id, Token token, bool beforeSeparation);
    void fail(int id, Token token, const QString& reason);
    void finish(int id, bool fromCache);
    void analyse(int id);

    // Runs `job` on `pool` holding `slot` until it ends; `ended` gets it back on the GUI thread. `cancelled`
    // is the job's flag (set by cancel, remove and the destructor).
    template <class Job>
    void launch(WorkerQueue& pool, Slot slot, std::shared_ptr<std::atomic<bool>> cancelled,
                std::shared_ptr<Job> job, std::function<void(Job&, const SongJob::Report&)> ended);
    // Throttled, queued progress of song `id`'s job `token`.
    SongJob::ProgressFn progressOf(int id, Token token);
    void jobEnded(Slot slot, const std::shared_ptr<std::atomic<bool>>& cancelled);
    // Drops `last` (the last reference, if it is) on a worker: freeing gigabytes of stems takes a while.
    void releaseOnWorker(std::shared_ptr<const void> last);
    void post(std::function<void()> fn);

    // GUI thread only.
    SongList& m_songs;
    SeparationConfig m_config;
    separation::StemCache m_cache;
    ThreadBudget m_budget;
    int m_decodesRunning = 0;
    bool m_separationBusy = false;
    EnginePreload m_preload;
    EnginePreloading m_preloading = EnginePreloading::Auto;
    std::vector<std::shared_ptr<std::atomic<bool>>> m_runningFlags; // of every running job, for shutdown
    std::shared_ptr<const std::function<void(const SongJob&)>> m_testHold; // null but in tests

    // Atomic.
    std::atomic<int> m_separationsRun{0};

    // Separation worker only (shared with the running SeparateJob).
    std::shared_ptr<SeparatorHolder> m_engine;

    // Last: destroyed first, after the destructor waited for them. WorkerQueues, not QThreadPools: jobs wait
    // there behind running ones, and a QThreadPool would queue them in a page that the GUI thread allocates
    // and a worker frees (WorkerQueue.h).
    // Decode, cache lookup, analysis: the budget's analysis threads (setActiveLimit follows the budget).
    WorkerQueue m_decodePool{QStringLiteral("decode"),
                             std::max(ThreadBudget::forThisMachine(false).analysisThreads,
                                      ThreadBudget::forThisMachine(true).analysisThreads)};
    // One separation at a time; the engine uses the budget's separation threads. The thread lives as long
    // as the queue (libtorch keeps thread-local state).
    WorkerQueue m_separationPool{QStringLiteral("separation"), 1};
    // Folder scans, cache store and eviction, frees.
    WorkerQueue m_diskPool{QStringLiteral("disk"), 1};
};

} // namespace stemcrate::ui
