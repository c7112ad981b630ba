#include "songs/SongQueue.h"

#include "GuiInbox.h"
#include "songs/AnalyseJob.h"
#include "songs/CacheLookupJob.h"
#include "songs/CacheStoreJob.h"
#include "songs/DecodeJob.h"
#include "songs/EngineLoadJob.h"
#include "songs/FolderScan.h"
#include "songs/SeparateJob.h"
#include "songs/SeparatorHolder.h"
#include "songs/SongList.h"
#include "songs/WorkerPriority.h"

#include <QDebug>
#include <QFileInfo>

#include <algorithm>
#include <chrono>

namespace stemcrate::ui {

namespace {

constexpr auto kReportInterval = std::chrono::milliseconds(100);

// At most one report per interval; the caller forces the last one.
class Throttle
{
public:
    bool due()
    {
        const auto now = std::chrono::steady_clock::now();
        if (now - m_last < kReportInterval)
            return false;
        m_last = now;
        return true;
    }

private:
    std::chrono::steady_clock::time_point m_last{};
};

bool onGpu(const SeparationConfig& config)
{
    return config.options.device == separation::Device::Cuda;
}

} // namespace

SongQueue::SongQueue(SongList& songs, const QString& cacheFolder, QObject* parent)
    : QObject(parent), m_songs(songs), m_cache(cacheFolder.toStdString()),
      m_budget(ThreadBudget::forThisMachine(false)), m_engine(std::make_shared<SeparatorHolder>())
{
    m_decodePool.setActiveLimit(m_budget.analysisThreads);
    // One separation at a time (m_separationPool has one thread): the engine's intra-op threads take the
    // budget's separation threads.
}

SongQueue::~SongQueue()
{
    for (const auto& flag : m_runningFlags)
        flag->store(true);
    // The engine's weights are freed on its worker, after any separation there ended.
    m_separationPool.start([engine = std::move(m_engine)] { engine->release(); });
    waitForDone();
}

void SongQueue::post(std::function<void()> fn)
{
    // Runs on the GUI thread; dropped if this object is gone by then (it waits for its jobs, so it lives
    // while they post). Through GuiInbox: a reniced job takes no lock that the GUI thread waits for.
    GuiInbox::instance().post(this, std::move(fn));
}

void SongQueue::releaseOnWorker(std::shared_ptr<const void> last)
{
    if (last)
        m_diskPool.start([last = std::move(last)]() mutable { last.reset(); });
}

bool SongQueue::transition(int id, SongEvent event, Token token)
{
    Song* song = m_songs.song(id);
    if (!song)
        return false;
    const SongLifecycle::Transition t = song->lifecycle.apply(event, token);
    if (t)
        m_songs.changed(id);
    return bool(t);
}

void SongQueue::setConfig(const SeparationConfig& config)
{
    const bool limitLowered =
        config.cacheLimitBytes > 0 &&
        (m_config.cacheLimitBytes <= 0 || config.cacheLimitBytes < m_config.cacheLimitBytes);
    m_config = config;
    m_preload.configSet(m_config.modelPath.isEmpty() ? QString() : m_config.engineKey());
    m_budget = ThreadBudget::forThisMachine(onGpu(m_config));
    m_decodePool.setActiveLimit(m_budget.analysisThreads);
    if (limitLowered)
        m_diskPool.start([cache = m_cache, limit = int64_t(config.cacheLimitBytes)] {
            lowerWorkerPriority();
            cache.evictToLimit(limit);
        });
    if (!m_config.modelPath.isEmpty())
        for (int row = 0; row < m_songs.count(); ++row)
            if (Song* song = m_songs.songAt(row); song && song->state() == SongState::WaitingForModel)
                transition(song->id, SongEvent::ModelReady);
    schedule();
}

int SongQueue::add(const QString& path)
{
    Song& song = m_songs.add(path);
    const int id = song.id;
    schedule();
    return id;
}

void SongQueue::addPaths(const QStringList& paths)
{
    m_diskPool.start([this, paths] {
        lowerWorkerPriority();
        const QStringList files = FolderScan::audioFiles(paths);
        post([this, paths, files] {
            QList<int> ids;
            for (const QString& file : files)
                ids << add(file);
            emit pathsAdded(paths, ids);
        });
    });
}

void SongQueue::cancel(int id)
{
    Song* song = m_songs.song(id);
    if (!song || !transition(id, SongEvent::Cancel))
        return;
    if (song->cancelled)
        song->cancelled->store(true); // the running job stops; its reports are stale already
    schedule();
}

void SongQueue::retry(int id)
{
    Song* song = m_songs.song(id);
    if (!song || !transition(id, SongEvent::Retry))
        return;
    song->error.clear();
    song->fraction = 0.0;
    song->etaSeconds = -1.0;
    m_songs.changed(id);
    schedule();
}

void SongQueue::remove(int id)
{
    Song* song = m_songs.song(id);
    if (!song)
        return;
    transition(id, SongEvent::Cancel);
    if (song->cancelled)
        song->cancelled->store(true);
    releaseOnWorker(std::move(song->stems));
    releaseOnWorker(std::move(song->track));
    m_songs.remove(id);
    schedule();
}

bool SongQueue::isIdle() const
{
    for (int row = 0; row < m_songs.count(); ++row)
        if (const Song* song = m_songs.songAt(row); song && song->busy())
            return false;
    return m_decodePool.idle() && m_separationPool.idle() && m_diskPool.idle();
}

void SongQueue::waitForDone()
{
    m_diskPool.waitForDone(); // scans and stores first; a second time for what the others queued there
    m_decodePool.waitForDone();
    m_separationPool.waitForDone();
    m_diskPool.waitForDone();
}

int SongQueue::engineLoads() const
{
    return m_engine->loads();
}

void SongQueue::setEnginePreloading(EnginePreloading preloading)
{
    m_preloading = preloading;
    schedule();
}

void SongQueue::setJobHoldForTests(std::function<void(const SongJob&)> hold)
{
    m_testHold =
        hold ? std::make_shared<const std::function<void(const SongJob&)>>(std::move(hold)) : nullptr;
}

void SongQueue::schedule()
{
    for (int row = 0; row < m_songs.count(); ++row) {
        Song* song = m_songs.songAt(row);
        if (!song || song->state() != SongState::Queued)
            continue;
        if (!song->track) {
            if (m_decodesRunning < m_budget.analysisThreads)
                startDecode(song->id);
        } else if (m_config.modelPath.isEmpty()) {
            transition(song->id, SongEvent::NeedModel);
        } else if (!m_separationBusy) {
            startSeparation(song->id);
        }
    }
    preloadEngine();
}

void SongQueue::preloadEngine()
{
    // The songs that will want the engine: queued (not decoded yet, or they would have taken a free slot)
    // or decoding.
    std::vector<int> wanting;
    for (int row = 0; row < m_songs.count(); ++row)
        if (const Song* song = m_songs.songAt(row))
            if (song->state() == SongState::Queued || song->state() == SongState::Decoding)
                wanting.push_back(song->id);
    if (wanting.empty()) {
        m_preload.notWanted();
        return;
    }
    const bool preloading = m_preloading == EnginePreloading::On ||
                            (m_preloading == EnginePreloading::Auto && m_budget.preloadEngine);
    const QString key = m_config.engineKey();
    if (!preloading || m_separationBusy || m_config.modelPath.isEmpty() || !m_preload.wanted(key, wanting))
        return;
    // Their paths (the job looks at the files, on its worker): it loads nothing if all are likely cached.
    std::vector<std::string> paths;
    for (int id : wanting)
        paths.push_back(m_songs.song(id)->path.toStdString());
    std::shared_ptr<std::atomic<bool>> cancelled = m_preload.started(key, std::move(wanting));
    auto job = std::make_shared<EngineLoadJob>(engineRequest(), cancelled);
    job->skipIfCached(m_cache, std::move(paths));
    launch<EngineLoadJob>(m_separationPool, Slot::Separation, std::move(cancelled), job,
                          [this](EngineLoadJob& j, const SongJob::Report& r) { preloadEnded(j, r); });
}

void SongQueue::preloadEnded(EngineLoadJob& job, const SongJob::Report& report)
{
    m_preload.ended(job, report);
    if (job.skipped())
        qInfo() << "separation model preload skipped: the songs' stems are likely cached";
    // No song fails for it: a song's separation loads the engine again and reports its own error.
    if (report.outcome == SongJob::Outcome::Failed)
        qWarning().noquote() << "separation model preload:" << QString::fromStdString(report.error);
}

EngineRequest SongQueue::engineRequest() const
{
    EngineRequest engine;
    engine.holder = m_engine;
    engine.modelPath = m_config.modelPath.toStdString();
    // Threads 0 and device Auto are resolved by the engine itself (EngineChoice), as Settings shows them.
    engine.options = m_config.options;
    engine.key = m_config.engineKey().toStdString();
    return engine;
}

template <class Job>
void SongQueue::launch(WorkerQueue& pool, Slot slot, std::shared_ptr<std::atomic<bool>> cancelled,
                       std::shared_ptr<Job> job, std::function<void(Job&, const SongJob::Report&)> ended)
{
    if (slot == Slot::Decode)
        ++m_decodesRunning;
    else if (slot == Slot::Separation)
        m_separationBusy = true;
    m_runningFlags.push_back(cancelled);
    pool.start([this, slot, cancelled, job = std::move(job), ended = std::move(ended), hold = m_testHold] {
        lowerWorkerPriority(); // before an engine starts its threads, which inherit it
        if (hold)
            (*hold)(*job);
        const SongJob::Report report = job->run();
        post([this, slot, cancelled, job, ended, report] {
            jobEnded(slot, cancelled);
            ended(*job, report);
            schedule();
        });
    });
}

void SongQueue::jobEnded(Slot slot, const std::shared_ptr<std::atomic<bool>>& cancelled)
{
    if (slot == Slot::Decode)
        --m_decodesRunning;
    else if (slot == Slot::Separation)
        m_separationBusy = false;
    if (auto it = std::find(m_runningFlags.begin(), m_runningFlags.end(), cancelled);
        it != m_runningFlags.end())
        m_runningFlags.erase(it);
}

SongJob::ProgressFn SongQueue::progressOf(int id, Token token)
{
    return [this, id, token, throttle = Throttle()](double fraction, double eta) mutable {
        if (!throttle.due() && fraction < 1.0)
            return;
        post([this, id, token, fraction, eta] {
            Song* song = m_songs.song(id);
            if (song && song->lifecycle.apply(SongEvent::Progress, token)) {
                song->fraction = fraction;
                song->etaSeconds = eta;
                m_songs.changed(id);
            }
        });
    };
}

void SongQueue::startDecode(int id)
{
    Song* song = m_songs.song(id);
    if (!song || !transition(id, SongEvent::StartDecode))
        return;
    const Token token = song->lifecycle.token();
    song->fraction = 0.0;
    song->etaSeconds = -1.0;
    song->cancelled = std::make_shared<std::atomic<bool>>(false);
    m_songs.changed(id);
    auto job = std::make_shared<DecodeJob>(song->path.toStdString(), song->cancelled);
    job->setProgress(progressOf(id, token));
    launch<DecodeJob>(
        m_decodePool, Slot::Decode, song->cancelled, job,
        [this, id, token](DecodeJob& j, const SongJob::Report& r) { decodeEnded(id, token, j, r); });
}

void SongQueue::decodeEnded(int id, Token token, DecodeJob& job, const SongJob::Report& report)
{
    std::shared_ptr<const audio::Track> track = job.takeTrack();
    if (report.outcome == SongJob::Outcome::Failed) {
        fail(id, token, QString::fromStdString(report.error));
        return;
    }
    if (report.outcome != SongJob::Outcome::Succeeded || !transition(id, SongEvent::Decoded, token)) {
        releaseOnWorker(std::move(track)); // cancelled, removed or retried meanwhile
        return;
    }
    Song* song = m_songs.song(id);
    releaseOnWorker(std::move(song->track)); // a retry's earlier decode
    song->track = std::move(track);
    song->source = job.source();
    emit songDecoded(id);
    if (m_config.modelPath.isEmpty()) {
        transition(id, SongEvent::CacheMiss, token); // queued; schedule() then says it waits for a model
        return;
    }
    lookUp(id, token, false);
}

void SongQueue::lookUp(int id, Token token, bool beforeSeparation)
{
    Song* song = m_songs.song(id);
    if (!song)
        return;
    CacheLookupJob::Known known{song->cacheModelIdentity, song->cacheKey.toStdString()};
    auto job =
        std::make_shared<CacheLookupJob>(m_cache, song->track, song->source, m_config.modelPath.toStdString(),
                                         std::move(known), song->cancelled);
    // Before a separation the lookup holds the separation slot (and runs on its worker, not behind other
    // songs' decodes), so no other song takes the slot meanwhile.
    launch<CacheLookupJob>(beforeSeparation ? m_separationPool : m_decodePool,
                           beforeSeparation ? Slot::Separation : Slot::Decode, song->cancelled, job,
                           [this, id, token, beforeSeparation](CacheLookupJob& j, const SongJob::Report& r) {
                               lookupEnded(id, token, beforeSeparation, j, r);
                           });
}

void SongQueue::lookupEnded(int id, Token token, bool beforeSeparation, CacheLookupJob& job,
                            const SongJob::Report& report)
{
    if (!job.unreadable().empty())
        qWarning("%s", job.unreadable().c_str());
    std::shared_ptr<StemSet> cached = job.takeStems();
    if (report.outcome == SongJob::Outcome::Failed) {
        fail(id, token, QString::fromStdString(report.error));
        return;
    }
    Song* song = m_songs.song(id);
    if (report.outcome != SongJob::Outcome::Succeeded || !song || song->lifecycle.token() != token) {
        releaseOnWorker(std::move(cached)); // cancelled or replaced meanwhile
        return;
    }
    song->cacheModelIdentity = job.keyed().modelIdentity;
    song->cacheKey = QString::fromStdString(job.keyed().key);
    if (cached) {
        if (!transition(id, SongEvent::CacheHit, token))
            return;
        releaseOnWorker(std::move(song->stems));
        song->stems = std::move(cached);
        emit stemsStarted(id);
        finish(id, true);
        return;
    }
    if (!beforeSeparation) {
        transition(id, SongEvent::CacheMiss, token);
        return;
    }
    // A miss right before separating: the separation slot is still free for this song (schedule() has not
    // run since the lookup ended).
    song->fraction = 0.0;
    song->etaSeconds = -1.0;
    releaseOnWorker(std::move(song->stems)); // a cancelled run's partial stems
    song->stems = std::make_shared<StemSet>(song->track->audio.frames);
    m_songs.changed(id);
    emit stemsStarted(id);

    m_preload.separationStarted(m_config.engineKey());
    auto job2 = std::make_shared<SeparateJob>(engineRequest(), song->track, song->stems, song->cancelled);
    job2->setProgress(progressOf(id, token));
    std::shared_ptr<const StemSet> stems = song->stems;
    job2->setPublished([this, id, stems, throttle = Throttle()](int64_t validFrames) mutable {
        if (throttle.due() || validFrames >= stems->frames())
            post([this, id, stems, validFrames] {
                // Still the song's stems (not replaced by a retry): the views want to know, cancelled or not.
                if (const Song* s = m_songs.song(id); s && s->stems == stems)
                    emit stemsPublished(id, validFrames);
            });
    });
    launch<SeparateJob>(
        m_separationPool, Slot::Separation, song->cancelled, job2,
        [this, id, token](SeparateJob& j, const SongJob::Report& r) { separationEnded(id, token, j, r); });
}

void SongQueue::startSeparation(int id)
{
    Song* song = m_songs.song(id);
    if (!song || !song->track || !transition(id, SongEvent::StartSeparation))
        return;
    song->fraction = 0.0;
    song->etaSeconds = -1.0;
    song->fromCache = false;
    song->cancelled = std::make_shared<std::atomic<bool>>(false);
    m_songs.changed(id);
    // The model may have changed since decoding (or the song is open twice): ask the cache again (the key
    // is reused when the model file is the same).
    lookUp(id, song->lifecycle.token(), true);
}

void SongQueue::separationEnded(int id, Token token, SeparateJob& job, const SongJob::Report& report)
{
    if (job.ranTheModel())
        ++m_separationsRun;
    m_preload.separationEnded(job.ranTheModel());
    if (report.outcome == SongJob::Outcome::Failed) {
        fail(id, token, QString::fromStdString(report.error));
        return;
    }
    Song* song = m_songs.song(id);
    if (report.outcome != SongJob::Outcome::Succeeded || !song || song->lifecycle.token() != token)
        return;
    // The separation slot is free for the next song while this one's stems are written to the cache.
    separation::SourceRecord record{song->source, song->cacheModelIdentity, song->cacheKey.toStdString()};
    auto store = std::make_shared<CacheStoreJob>(m_cache, std::move(record), song->stems,
                                                 int64_t(m_config.cacheLimitBytes), song->cancelled);
    launch<CacheStoreJob>(
        m_diskPool, Slot::None, song->cancelled, store,
        [this, id, token](CacheStoreJob& j, const SongJob::Report& r) { storeEnded(id, token, j, r); });
}

void SongQueue::storeEnded(int id, Token token, CacheStoreJob& job, const SongJob::Report& report)
{
    if (report.outcome == SongJob::Outcome::Cancelled)
        return;
    if (report.outcome == SongJob::Outcome::Failed)
        qWarning().noquote() << "stem cache:"
                             << QString::fromStdString(report.error); // the song is done anyway
    if (job.evicted() > 0)
        qInfo() << "stem cache: evicted" << job.evicted() << "files";
    if (transition(id, SongEvent::Separated, token))
        finish(id, false);
}

void SongQueue::fail(int id, Token token, const QString& reason)
{
    if (!transition(id, SongEvent::Failed, token))
        return; // a stale report: the song was cancelled or retried since
    Song* song = m_songs.song(id);
    song->error = reason;
    m_songs.changed(id);
    qWarning().noquote() << "song failed:" << song->path << "-" << reason;
    emit problem(tr("%1: %2").arg(QFileInfo(song->path).fileName(), reason));
}

void SongQueue::finish(int id, bool fromCache)
{
    Song* song = m_songs.song(id);
    if (!song)
        return;
    song->fraction = 1.0;
    song->fromCache = fromCache;
    m_songs.changed(id);
    qInfo().noquote() << (fromCache ? "stem cache hit:" : "separated:") << song->path;
    if (fromCache && song->stems)
        emit stemsPublished(id, song->stems->frames());
    emit songFinished(id);
    analyse(id);
}

void SongQueue::analyse(int id)
{
#ifdef STEMCRATE_WITH_ANALYSIS
    Song* song = m_songs.song(id);
    if (!song || !song->track || !song->stems || !song->stems->complete() || song->analysis)
        return;
    const Token token = song->lifecycle.token();
    auto cancelled = song->cancelled ? song->cancelled : std::make_shared<std::atomic<bool>>(false);
    auto job = std::make_shared<AnalyseJob>(song->track, song->stems, cancelled);
    launch<AnalyseJob>(
        m_decodePool, Slot::None, cancelled, job,
        [this, id, token](AnalyseJob& j, const SongJob::Report& r) { analysisEnded(id, token, j, r); });
#else
    Q_UNUSED(id);
#endif
}

void SongQueue::analysisEnded(int id, Token token, AnalyseJob& job, const SongJob::Report& report)
{
    if (report.outcome == SongJob::Outcome::Failed) {
        if (const Song* song = m_songs.song(id))
            qWarning().noquote() << "analysis failed:" << song->path << "-"
                                 << QString::fromStdString(report.error);
        return;
    }
    if (report.outcome != SongJob::Outcome::Succeeded || !transition(id, SongEvent::Analysed, token))
        return;
    m_songs.song(id)->analysis = job.analysis();
    emit songAnalysed(id);
}

} // namespace stemcrate::ui
