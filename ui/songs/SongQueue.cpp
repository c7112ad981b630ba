#include "songs/SongQueue.h"

#include "songs/SongList.h"
#include "songs/WorkerPriority.h"

#ifdef STEMCRATE_WITH_ANALYSIS
#include "analysis/TrackAnalyzer.h"
#endif

#include <QDebug>
#include <QFileInfo>

#include <chrono>

namespace stemcrate::ui {

namespace {

// At most one report per interval; the caller forces the last one.
class Throttle
{
public:
    bool due()
    {
        const auto now = std::chrono::steady_clock::now();
        if (now - m_last < std::chrono::milliseconds(100))
            return false;
        m_last = now;
        return true;
    }

private:
    std::chrono::steady_clock::time_point m_last{};
};

// core's messages start with "'<path>': "; the song list already names the file.
QString reasonOnly(const std::string& message, const QString& path)
{
    QString text = QString::fromStdString(message);
    const QString prefix = QStringLiteral("'%1': ").arg(path);
    if (text.startsWith(prefix))
        text.remove(0, prefix.size());
    return text;
}

QString separatorKey(const SeparationConfig& c)
{
    const separation::SeparatorOptions& o = c.options;
    return QStringLiteral("%1|%2|%3|%4|%5|%6|%7")
        .arg(c.modelPath)
        .arg(o.segmentSeconds)
        .arg(o.overlap)
        .arg(o.batchSize)
        .arg(o.threads)
        .arg(int(o.device))
        .arg(int(o.precision));
}

} // namespace

bool SeparationConfig::operator==(const SeparationConfig& other) const
{
    return separatorKey(*this) == separatorKey(other) && cacheLimitBytes == other.cacheLimitBytes;
}

SongQueue::SongQueue(SongList& songs, QObject* parent) : QObject(parent), m_songs(songs)
{
    // Decoding is I/O plus one core each; two run beside the separation.
    m_decodePool.setMaxThreadCount(2);
    // One separation at a time: the engine's intra-op threads use every core.
    m_separationPool.setMaxThreadCount(1);
    // The separation worker keeps thread-local libtorch state; do not let it expire between songs.
    m_separationPool.setExpiryTimeout(-1);
}

SongQueue::~SongQueue()
{
    for (int row = 0; row < m_songs.count(); ++row)
        if (Song* song = m_songs.songAt(row); song && song->cancelled)
            song->cancelled->store(true);
    waitForDone();
}

void SongQueue::post(std::function<void()> fn)
{
    // Runs on the GUI thread; dropped if this object is gone by then.
    QMetaObject::invokeMethod(this, std::move(fn), Qt::QueuedConnection);
}

void SongQueue::setConfig(const SeparationConfig& config)
{
    m_config = config;
    if (m_config.modelPath.isEmpty())
        return;
    for (int row = 0; row < m_songs.count(); ++row) {
        Song* song = m_songs.songAt(row);
        if (song && song->state == SongState::WaitingForModel)
            startSeparation(song->id);
    }
}

int SongQueue::add(const QString& path)
{
    Song& song = m_songs.add(path);
    startDecode(song.id);
    return song.id;
}

void SongQueue::cancel(int id)
{
    Song* song = m_songs.song(id);
    if (!song)
        return;
    if (song->cancelled)
        song->cancelled->store(true);
    // Jobs that are running report "cancelled" themselves; a waiting song stops here.
    if (song->state == SongState::Queued || song->state == SongState::WaitingForModel) {
        song->state = SongState::Cancelled;
        m_songs.changed(id);
    }
}

void SongQueue::retry(int id)
{
    Song* song = m_songs.song(id);
    if (!song || (song->state != SongState::Failed && song->state != SongState::Cancelled))
        return;
    song->error.clear();
    if (song->track)
        startSeparation(id);
    else
        startDecode(id);
}

void SongQueue::remove(int id)
{
    cancel(id);
    m_songs.remove(id);
}

bool SongQueue::isIdle() const
{
    return m_decodePool.activeThreadCount() == 0 && m_separationPool.activeThreadCount() == 0;
}

void SongQueue::waitForDone()
{
    m_decodePool.waitForDone();
    m_separationPool.waitForDone();
}

void SongQueue::fail(int id, const QString& reason)
{
    Song* song = m_songs.song(id);
    if (!song)
        return;
    song->state = SongState::Failed;
    song->error = reason;
    m_songs.changed(id);
    qWarning().noquote() << "song failed:" << song->path << "-" << reason;
    emit problem(tr("%1: %2").arg(QFileInfo(song->path).fileName(), reason));
}

void SongQueue::startDecode(int id)
{
    Song* song = m_songs.song(id);
    if (!song)
        return;
    song->state = SongState::Decoding;
    song->fraction = 0.0;
    song->cancelled = std::make_shared<std::atomic<bool>>(false);
    m_songs.changed(id);

    const QString path = song->path;
    const QByteArray modelIdentity =
        m_config.modelPath.isEmpty() ? QByteArray() : StemCache::modelIdentity(m_config.modelPath);
    auto cancelled = song->cancelled;
    const StemCache cache = m_cache;
    m_decodePool.start([this, id, path, modelIdentity, cancelled, cache] {
        lowerWorkerPriority();
        Throttle throttle;
        audio::DecodeOptions options;
        options.isCancelled = [&cancelled] { return cancelled->load(); };
        options.progress = [&](double fraction) {
            if (throttle.due())
                post([this, id, fraction] {
                    if (Song* s = m_songs.song(id); s && s->state == SongState::Decoding) {
                        s->fraction = fraction;
                        m_songs.changed(id);
                    }
                });
        };
        Result<audio::Track> decoded = audio::decodeFile(path.toStdString(), options);
        if (!decoded) {
            const bool wasCancelled = cancelled->load();
            const QString reason = reasonOnly(decoded.error(), path);
            post([this, id, wasCancelled, reason] {
                if (!wasCancelled) {
                    fail(id, reason);
                } else if (Song* s = m_songs.song(id)) {
                    s->state = SongState::Cancelled;
                    m_songs.changed(id);
                }
            });
            return;
        }
        auto track = std::make_shared<const audio::Track>(std::move(decoded.value()));
        std::shared_ptr<StemSet> cached;
        if (!modelIdentity.isEmpty() && !cancelled->load()) {
            const QString key = StemCache::key(track->audio, modelIdentity);
            if (cache.contains(key)) {
                auto stems = std::make_shared<StemSet>(track->audio.frames);
                if (Result<void> loaded = cache.load(key, *stems))
                    cached = std::move(stems);
                else
                    qWarning("%s", loaded.error().c_str());
            }
        }
        post([this, id, track, cached] { onDecoded(id, track, cached); });
    });
}

void SongQueue::onDecoded(int id, std::shared_ptr<const audio::Track> track, std::shared_ptr<StemSet> cached)
{
    Song* song = m_songs.song(id);
    if (!song)
        return;
    song->track = std::move(track);
    emit songDecoded(id);
    if (song->cancelled && song->cancelled->load()) {
        song->state = SongState::Cancelled;
        m_songs.changed(id);
        return;
    }
    if (cached) {
        song->stems = std::move(cached);
        emit stemsStarted(id);
        finish(id, QString(), true);
        return;
    }
    startSeparation(id);
}

void SongQueue::startSeparation(int id)
{
    Song* song = m_songs.song(id);
    if (!song || !song->track)
        return;
    song->fraction = 0.0;
    song->etaSeconds = -1.0;
    song->fromCache = false;
    if (m_config.modelPath.isEmpty()) {
        song->state = SongState::WaitingForModel;
        m_songs.changed(id);
        return;
    }
    song->state = SongState::Separating;
    song->cancelled = std::make_shared<std::atomic<bool>>(false);
    song->stems = std::make_shared<StemSet>(song->track->audio.frames);
    m_songs.changed(id);
    emit stemsStarted(id);

    const SeparationConfig config = m_config;
    const QString path = song->path;
    auto track = song->track;
    auto stems = song->stems;
    auto cancelled = song->cancelled;
    const StemCache cache = m_cache;
    m_separationPool.start([this, id, config, path, track, stems, cancelled, cache] {
        lowerWorkerPriority(); // before the engine starts its threads, which inherit it
        if (cancelled->load()) {
            post([this, id] {
                if (Song* s = m_songs.song(id)) {
                    s->state = SongState::Cancelled;
                    m_songs.changed(id);
                }
            });
            return;
        }
        // The model may have changed since decoding (or the song is open twice): ask the cache again.
        const QString key = StemCache::key(track->audio, StemCache::modelIdentity(config.modelPath));
        if (cache.contains(key)) {
            if (Result<void> loaded = cache.load(key, *stems)) {
                post([this, id, key] { finish(id, key, true); });
                return;
            } else {
                qWarning("%s", loaded.error().c_str());
            }
        }
        Result<std::shared_ptr<separation::Separator>> separator = separatorFor(config);
        if (!separator) {
            const QString reason = tr("the separation model could not be loaded: %1")
                                       .arg(reasonOnly(separator.error(), config.modelPath));
            post([this, id, reason] { fail(id, reason); });
            return;
        }
        ++m_separationsRun;
        Throttle progressThrottle, publishThrottle;
        separation::SeparationCallbacks callbacks;
        callbacks.isCancelled = [&cancelled] { return cancelled->load(); };
        callbacks.progress = [&](const separation::Progress& p) {
            if (!progressThrottle.due() && p.fraction < 1.0)
                return;
            post([this, id, p] {
                if (Song* s = m_songs.song(id); s && s->state == SongState::Separating) {
                    s->fraction = p.fraction;
                    s->etaSeconds = p.etaSeconds;
                    m_songs.changed(id);
                }
            });
        };
        callbacks.published = [&](int64_t validFrames) {
            stems->publish(validFrames);
            if (publishThrottle.due() || validFrames >= stems->frames())
                post([this, id, validFrames] { emit stemsPublished(id, validFrames); });
        };
        Result<void> separated = separator.value()->separate(track->audio, stems->writableStems(), callbacks);
        if (!separated) {
            const bool wasCancelled = cancelled->load();
            const QString reason = QString::fromStdString(separated.error());
            const int64_t valid = stems->validFrames();
            post([this, id, wasCancelled, reason, valid] {
                emit stemsPublished(id, valid);
                if (!wasCancelled) {
                    fail(id, reason);
                } else if (Song* s = m_songs.song(id)) {
                    s->state = SongState::Cancelled;
                    m_songs.changed(id);
                }
            });
            return;
        }
        if (Result<void> stored = cache.store(key, stems->stems()); !stored)
            qWarning("%s", stored.error().c_str());
        cache.evictToLimit(config.cacheLimitBytes);
        post([this, id, key] { finish(id, key, false); });
    });
}

void SongQueue::finish(int id, const QString& cacheKey, bool fromCache)
{
    Song* song = m_songs.song(id);
    if (!song)
        return;
    song->state = SongState::Done;
    song->fraction = 1.0;
    song->cacheKey = cacheKey;
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
    const Song* song = m_songs.song(id);
    if (!song || !song->track || !song->stems || !song->stems->complete() || song->analysis)
        return;
    auto track = song->track;
    std::shared_ptr<const StemSet> stems = song->stems;
    auto cancelled = song->cancelled ? song->cancelled : std::make_shared<std::atomic<bool>>(false);
    m_decodePool.start([this, id, track, stems, cancelled] {
        lowerWorkerPriority();
        std::vector<analysis::StemInput> inputs;
        const separation::Stems& s = stems->stems();
        for (size_t i = 0; i < s.names.size(); ++i)
            inputs.push_back({s.names[i], &s.audio[i]});
        analysis::TrackAnalyzerOptions options;
        options.isCancelled = [&cancelled] { return cancelled->load(); };
        Result<analysis::TrackAnalysis> result =
            analysis::TrackAnalyzer(options).analyze(track->audio, inputs);
        if (!result && cancelled->load())
            return; // the song was removed or the app is closing
        if (!result) {
            qWarning().noquote() << "analysis failed:" << QString::fromStdString(track->info.path) << "-"
                                 << QString::fromStdString(result.error());
            return;
        }
        auto shared = std::make_shared<const analysis::TrackAnalysis>(std::move(result.value()));
        post([this, id, shared] {
            if (Song* s = m_songs.song(id)) {
                s->analysis = shared;
                emit songAnalysed(id);
            }
        });
    });
#else
    Q_UNUSED(id);
#endif
}

Result<std::shared_ptr<separation::Separator>> SongQueue::separatorFor(const SeparationConfig& config)
{
    const QString key = separatorKey(config);
    if (m_separator && key == m_separatorKey)
        return m_separator;
    m_separator.reset(); // free the old weights before loading new ones
    Result<std::unique_ptr<separation::Separator>> loaded =
        separation::Separator::load(config.modelPath.toStdString(), config.options);
    if (!loaded)
        return Error{loaded.error()};
    m_separator = std::move(loaded.value());
    m_separatorKey = key;
    qInfo().noquote() << "separation model loaded:" << config.modelPath;
    return m_separator;
}

} // namespace stemcrate::ui
