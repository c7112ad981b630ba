// SongQueue's engine preload on a random-weights model (needs Debian's python3-torchaudio for the
// checkpoint): the model loads on the separation slot while the first song's decode is held, the separation
// then finds it loaded (once, for every song); a broken model fails no song by its preload, the song's own
// separation reports it; no model or a missing file loads nothing ahead; cancel, remove, a config change and
// destruction during a held preload stop it before its load. A song opened again (its stems cached by an
// earlier queue over the same cache folder) loads no engine at all; with an uncached song beside it the
// engine is preloaded once; a hint that turns out wrong (the cached stems unreadable) still separates the
// song. Decodes and preloads are held by the queue's job hold (setJobHoldForTests) until the test lets them
// go, so every assertion is on states and counts.

#include "PythonReference.h"
#include "SongQueueTesting.h"

#include "audio/AudioFileWriter.h"
#include "common/ThreadBudget.h"
#include "songs/Song.h"
#include "songs/SongList.h"
#include "songs/SongQueue.h"

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <chrono>
#include <cmath>
#include <condition_variable>
#include <map>
#include <mutex>
#include <set>
#include <string>

using namespace stemcrate;
using namespace stemcrate::ui;
using namespace stemcrate::ui::testing;

namespace {

constexpr int kLongWaitMs = 600000; // a loaded 2-core machine; the assertions are on states, not times
const std::string kDecode = "decode";
const std::string kEngineLoad = "engine load";

// The queue's job hold: counts the jobs started, by name, and holds those of the held names at their start
// until released or cancelled. Any thread; outlives the queue it is given to.
class JobGate
{
public:
    explicit JobGate(std::set<std::string> held) : m_held(std::move(held)) {}

    std::function<void(const SongJob&)> hold()
    {
        return [this](const SongJob& job) {
            std::unique_lock lock(m_mutex);
            ++m_started[job.name()];
            while (m_held.count(job.name()) && !job.isCancelled())
                m_wake.wait_for(lock, std::chrono::milliseconds(5)); // the cancel flag is not notified
        };
    }
    void release(const std::string& name)
    {
        {
            std::lock_guard lock(m_mutex);
            m_held.erase(name);
        }
        m_wake.notify_all();
    }
    int started(const std::string& name) const
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_started.find(name);
        return it == m_started.end() ? 0 : it->second;
    }

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::set<std::string> m_held;
    std::map<std::string, int> m_started;
};

} // namespace

class TestEnginePreload : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_checkpoint;
    QString m_brokenModel; // not a checkpoint
    QStringList m_songs;   // 2 s each, each its own tone (its own cache key)

    SeparationConfig config(const QString& modelPath, double segmentSeconds = 1.0) const
    {
        SeparationConfig c;
        c.modelPath = modelPath;
        c.options.segmentSeconds = segmentSeconds;
        c.options.threads = 1;
        return c;
    }
    QString cacheFolder(const char* name) const { return m_dir.filePath(QString::fromLatin1(name)); }

    // Waits for the queue to be idle and its last reports to have arrived.
    static void settle(SongQueue& queue)
    {
        QTRY_VERIFY_WITH_TIMEOUT(queue.isIdle(), kLongWaitMs);
        queue.waitForDone();
        QCoreApplication::processEvents();
    }

    // The preload on whatever the cores, the jobs held by `gate`, and the config of `modelPath`.
    void start(SongQueue& queue, JobGate& gate, const QString& modelPath) const
    {
        queue.setEnginePreloading(SongQueue::EnginePreloading::On);
        queue.setJobHoldForTests(gate.hold());
        queue.setConfig(config(modelPath));
    }

    // Waits for the song to be done, then for the queue to settle.
    static void finish(SongQueue& queue, SongList& songs, int id)
    {
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(songs, id), SongState::Done, kLongWaitMs);
        settle(queue);
    }

    // Separates `song` in a queue of its own over `cache`, as in an earlier session: its stems are cached
    // then, and its file recorded in the cache's source index.
    void separateOnce(const QString& cache, const QString& song)
    {
        SongList songs;
        SongQueue queue(songs, cache);
        queue.setEnginePreloading(SongQueue::EnginePreloading::On); // whatever the cores
        queue.setConfig(config(m_checkpoint));
        const int id = queue.add(song);
        finish(queue, songs, id);
        QVERIFY(!songs.song(id)->fromCache);
        QCOMPARE(queue.separationsRun(), 1);
    }

private slots:
    void initTestCase()
    {
        m_checkpoint =
            test::makeCheckpoint(m_dir.filePath(QStringLiteral("hdemucs_low.pt")), QStringLiteral("low"));
        QVERIFY(!m_checkpoint.isEmpty());
        m_brokenModel = m_dir.filePath(QStringLiteral("broken.pt"));
        QFile broken(m_brokenModel);
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("these bytes are not a PyTorch checkpoint");
        broken.close();
        for (int i = 0; i < 6; ++i) {
            m_songs << m_dir.filePath(QStringLiteral("song%1.wav").arg(i));
            writeSong(m_songs.last(), 2.0, 220.0 + 55.0 * i);
        }
    }

    // The app's default (Auto): on a GPU, or on four cores or more beside a CPU separation.
    void theBudgetPreloadsWhereTheLoadHasRoom()
    {
        QVERIFY(!ThreadBudget::forMachine(2, false).preloadEngine);
        QVERIFY(!ThreadBudget::forMachine(3, false).preloadEngine);
        QVERIFY(ThreadBudget::forMachine(4, false).preloadEngine);
        QVERIFY(ThreadBudget::forMachine(2, true).preloadEngine);
        QVERIFY(ThreadBudget::forMachine(1, true).preloadEngine);
    }

    // Off: the separation loads the model after the decode, as before the preload; no preload job runs.
    void offLoadsTheModelAfterTheDecode()
    {
        JobGate gate({kDecode});
        SongList songs;
        SongQueue queue(songs, cacheFolder("cache-off"));
        queue.setEnginePreloading(SongQueue::EnginePreloading::Off);
        queue.setJobHoldForTests(gate.hold());
        queue.setConfig(config(m_checkpoint));
        const int id = queue.add(m_songs[2]);
        QTRY_COMPARE_WITH_TIMEOUT(gate.started(kDecode), 1, kLongWaitMs);
        QCOMPARE(queue.engineLoads(), 0);
        gate.release(kDecode);
        finish(queue, songs, id);
        QCOMPARE(queue.separationsRun(), 1);
        QCOMPARE(queue.engineLoads(), 1);
        QCOMPARE(gate.started(kEngineLoad), 0);
    }

    void theModelLoadsWhileTheFirstSongDecodes()
    {
        JobGate gate({kDecode});
        SongList songs;
        SongQueue queue(songs, cacheFolder("cache-overlap"));
        start(queue, gate, m_checkpoint);
        const int first = queue.add(m_songs[0]);

        // The engine loaded on the separation slot while the song's decode is still held.
        QTRY_COMPARE_WITH_TIMEOUT(queue.engineLoads(), 1, kLongWaitMs);
        QCOMPARE(gate.started(kEngineLoad), 1);
        QCOMPARE(stateOf(songs, first), SongState::Decoding);
        QVERIFY(!songs.song(first)->track);

        gate.release(kDecode);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(songs, first), SongState::Done, kLongWaitMs);
        QCOMPARE(queue.separationsRun(), 1);
        QCOMPARE(queue.engineLoads(), 1); // the separation found it loaded

        // A second song: no preload, no load.
        const int second = queue.add(m_songs[1]);
        finish(queue, songs, second);
        QCOMPARE(queue.separationsRun(), 2);
        QCOMPARE(queue.engineLoads(), 1);
        QCOMPARE(gate.started(kEngineLoad), 1);
    }

    void aBrokenModelFailsNoSongByItsPreload()
    {
        JobGate gate({kDecode});
        SongList songs;
        SongQueue queue(songs, cacheFolder("cache-broken"));
        start(queue, gate, m_brokenModel);
        QSignalSpy problems(&queue, &SongQueue::problem);
        const int id = queue.add(m_songs[0]);

        // The preload's load failed while the decode is held: the song is still decoding.
        QTRY_COMPARE_WITH_TIMEOUT(queue.engineLoads(), 1, kLongWaitMs);
        QCOMPARE(stateOf(songs, id), SongState::Decoding);
        QCOMPARE(problems.count(), 0);

        // The song's own separation loads again and reports the failure, naming the model file.
        gate.release(kDecode);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(songs, id), SongState::Failed, kLongWaitMs);
        settle(queue);
        QCOMPARE(queue.engineLoads(), 2);
        QCOMPARE(gate.started("separate"), 1);
        const QString error = songs.song(id)->error;
        QVERIFY2(error.contains(QStringLiteral("could not be loaded")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("broken.pt")), qPrintable(error));
        QCOMPARE(problems.count(), 1);
        QVERIFY(problems.first().first().toString().contains(QStringLiteral("song0.wav")));

        // Not preloaded again for the next song; its separation tries (and reports) the load once more.
        const int next = queue.add(m_songs[1]);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(songs, next), SongState::Failed, kLongWaitMs);
        settle(queue);
        QCOMPARE(gate.started(kEngineLoad), 1);
        QCOMPARE(queue.engineLoads(), 3);
    }

    void nothingLoadsAheadWithoutAModelFile()
    {
        JobGate gate({kDecode});
        SongList songs;
        SongQueue queue(songs, cacheFolder("cache-nomodel"));
        queue.setEnginePreloading(SongQueue::EnginePreloading::On); // whatever the cores
        queue.setJobHoldForTests(gate.hold());

        // No model configured: the song decodes and waits; nothing is preloaded.
        const int waiting = queue.add(m_songs[0]);
        gate.release(kDecode);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(songs, waiting), SongState::WaitingForModel, kLongWaitMs);
        settle(queue);
        QCOMPARE(gate.started(kEngineLoad), 0);
        QCOMPARE(queue.engineLoads(), 0);
        queue.remove(waiting);

        // The model file is missing: the preload finds no file and loads nothing; the song's separation
        // reports the missing file.
        const QString missingModel = m_dir.filePath(QStringLiteral("later.pt"));
        JobGate missingGate({kDecode});
        queue.setJobHoldForTests(missingGate.hold());
        queue.setConfig(config(missingModel));
        const int id = queue.add(m_songs[1]);
        QTRY_COMPARE_WITH_TIMEOUT(missingGate.started(kEngineLoad), 1, kLongWaitMs);
        missingGate.release(kDecode);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(songs, id), SongState::Failed, kLongWaitMs);
        settle(queue);
        QCOMPARE(queue.engineLoads(), 1); // the separation's attempt only
        QVERIFY2(songs.song(id)->error.contains(QStringLiteral("later.pt")),
                 qPrintable(songs.song(id)->error));

        // The file appears and the config is set again (as after a download): the next song preloads it.
        QVERIFY(QFile::copy(m_checkpoint, missingModel));
        JobGate thereGate({kDecode});
        queue.setJobHoldForTests(thereGate.hold());
        queue.setConfig(config(missingModel));
        const int next = queue.add(m_songs[2]);
        QTRY_COMPARE_WITH_TIMEOUT(queue.engineLoads(), 2, kLongWaitMs);
        QCOMPARE(stateOf(songs, next), SongState::Decoding);
        thereGate.release(kDecode);
        finish(queue, songs, next);
        QCOMPARE(queue.engineLoads(), 2);
    }

    void cancelRemoveAndConfigChangeStopAHeldPreload()
    {
        JobGate gate({kDecode, kEngineLoad});
        SongList songs;
        SongQueue queue(songs, cacheFolder("cache-cancel"));
        start(queue, gate, m_checkpoint);

        // Cancel the only song while its preload is held: the preload stops before loading.
        const int id = queue.add(m_songs[3]);
        QTRY_COMPARE_WITH_TIMEOUT(gate.started(kEngineLoad), 1, kLongWaitMs);
        queue.cancel(id);
        settle(queue);
        QCOMPARE(stateOf(songs, id), SongState::Cancelled);
        QCOMPARE(queue.engineLoads(), 0);

        // Retry: a new preload. The config then names other options: the held preload is stale and stops
        // before loading, and one for the new key follows.
        queue.retry(id);
        QTRY_COMPARE_WITH_TIMEOUT(gate.started(kEngineLoad), 2, kLongWaitMs);
        queue.setConfig(config(m_checkpoint, 2.0));
        QTRY_COMPARE_WITH_TIMEOUT(gate.started(kEngineLoad), 3, kLongWaitMs);
        QCOMPARE(queue.engineLoads(), 0);

        // Remove the song while that one is held: it stops too.
        queue.remove(id);
        settle(queue);
        QCOMPARE(queue.engineLoads(), 0);
        QCOMPARE(gate.started(kEngineLoad), 3);

        // A song added now preloads the current key once; its separation reuses it.
        gate.release(kEngineLoad);
        const int next = queue.add(m_songs[4]);
        QTRY_COMPARE_WITH_TIMEOUT(queue.engineLoads(), 1, kLongWaitMs);
        QCOMPARE(stateOf(songs, next), SongState::Decoding);
        gate.release(kDecode);
        finish(queue, songs, next);
        QCOMPARE(queue.engineLoads(), 1);
        QCOMPARE(gate.started(kEngineLoad), 4);
    }

    void aSongOpenedAgainLoadsNoEngine()
    {
        const QString cache = cacheFolder("cache-reopen");
        separateOnce(cache, m_songs[0]);

        JobGate gate({kDecode});
        JobGate laterGate({kDecode});
        SongList songs;
        SongQueue queue(songs, cache);
        start(queue, gate, m_checkpoint);
        const int again = queue.add(m_songs[0]);

        // The preload ended while the decode is held, and loaded nothing: the song's stems are cached.
        QTRY_VERIFY_WITH_TIMEOUT(queue.enginePreloadsSkipped() + queue.engineLoads() > 0, kLongWaitMs);
        QCOMPARE(queue.engineLoads(), 0);
        QCOMPARE(queue.enginePreloadsSkipped(), 1);
        QCOMPARE(stateOf(songs, again), SongState::Decoding);

        gate.release(kDecode);
        finish(queue, songs, again);
        QVERIFY(songs.song(again)->fromCache);
        QCOMPARE(queue.engineLoads(), 0);
        QCOMPARE(queue.separationsRun(), 0);
        QCOMPARE(gate.started(kEngineLoad), 1); // it looked once, not again for the same song

        // A song that is not cached, added later: the engine is preloaded while its decode is held.
        queue.setJobHoldForTests(laterGate.hold());
        const int fresh = queue.add(m_songs[1]);
        QTRY_COMPARE_WITH_TIMEOUT(queue.engineLoads(), 1, kLongWaitMs);
        QCOMPARE(stateOf(songs, fresh), SongState::Decoding);
        laterGate.release(kDecode);
        finish(queue, songs, fresh);
        QVERIFY(!songs.song(fresh)->fromCache);
        QCOMPARE(queue.engineLoads(), 1);
        QCOMPARE(queue.separationsRun(), 1);
        QCOMPARE(laterGate.started(kEngineLoad), 1);
    }

    void aCachedAndAnUncachedSongPreloadOnce()
    {
        const QString cache = cacheFolder("cache-mixed");
        separateOnce(cache, m_songs[2]);

        JobGate gate({kDecode});
        SongList songs;
        SongQueue queue(songs, cache);
        start(queue, gate, m_checkpoint);
        const int cached = queue.add(m_songs[2]);
        const int fresh = queue.add(m_songs[3]);

        // Loaded once while no song has been decoded (the first look, at the cached song alone, skipped).
        QTRY_COMPARE_WITH_TIMEOUT(queue.engineLoads(), 1, kLongWaitMs);
        QVERIFY(!songs.song(cached)->track);
        QVERIFY(!songs.song(fresh)->track);

        gate.release(kDecode);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(songs, cached), SongState::Done, kLongWaitMs);
        finish(queue, songs, fresh);
        QVERIFY(songs.song(cached)->fromCache);
        QVERIFY(!songs.song(fresh)->fromCache);
        QCOMPARE(queue.engineLoads(), 1);
        QCOMPARE(queue.separationsRun(), 1);
        QCOMPARE(gate.started(kEngineLoad), 2);
        QCOMPARE(queue.enginePreloadsSkipped(), 1);
    }

    void aWrongHintStillSeparatesTheSong()
    {
        const QString cache = cacheFolder("cache-wrong-hint");
        separateOnce(cache, m_songs[4]);
        // The stems file is damaged (its name, and so the hint, stays): the lookup cannot read it.
        const QStringList stems = QDir(cache).entryList({QStringLiteral("*.stems")}, QDir::Files);
        QCOMPARE(stems.size(), 1);
        QFile file(QDir(cache).filePath(stems.first()));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("damaged");
        file.close();

        JobGate gate({kDecode});
        SongList songs;
        SongQueue queue(songs, cache);
        start(queue, gate, m_checkpoint);
        const int id = queue.add(m_songs[4]);
        QTRY_VERIFY_WITH_TIMEOUT(queue.enginePreloadsSkipped() + queue.engineLoads() > 0, kLongWaitMs);
        QCOMPARE(queue.enginePreloadsSkipped(), 1);
        QCOMPARE(queue.engineLoads(), 0);

        // The song misses the cache after all: its separation loads the engine, as without a preload.
        gate.release(kDecode);
        finish(queue, songs, id);
        QVERIFY(!songs.song(id)->fromCache);
        QCOMPARE(queue.engineLoads(), 1);
        QCOMPARE(queue.separationsRun(), 1);
        QCOMPARE(gate.started(kEngineLoad), 1);
    }

    void destructionDuringAPreloadIsSafe()
    {
        // Held before its load: the destructor's cancel lets it go, and it loads nothing.
        {
            JobGate gate({kDecode, kEngineLoad});
            SongList songs;
            auto queue = std::make_unique<SongQueue>(songs, cacheFolder("cache-destroy-held"));
            start(*queue, gate, m_checkpoint);
            queue->add(m_songs[5]);
            QTRY_COMPARE_WITH_TIMEOUT(gate.started(kEngineLoad), 1, kLongWaitMs);
            queue.reset();
        }
        // Loading (or just loaded) when the queue goes, as when the app closes: the destructor waits for it
        // and frees the engine on its worker.
        {
            JobGate gate({kDecode});
            SongList songs;
            auto queue = std::make_unique<SongQueue>(songs, cacheFolder("cache-destroy-loading"));
            start(*queue, gate, m_checkpoint);
            const int id = queue->add(m_songs[5]);
            QTRY_COMPARE_WITH_TIMEOUT(gate.started(kEngineLoad), 1, kLongWaitMs);
            queue->cancel(id); // the app's close path: every song cancelled, then the queue destroyed
            queue.reset();
        }
    }
};

QTEST_GUILESS_MAIN(TestEnginePreload)
#include "tst_ui_engine_preload.moc"
