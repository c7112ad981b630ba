// SongPipeline: every song passes the three stages once, in bounded memory (never more mixes or stem sets
// alive than the queues and workers allow), failures stay with their song, stem sets are reused, cancel
// stops early, and the report names the stage that limits. The stage workers move to the slow side: more of
// them decode (or write) at once than the fixed split of before gave that side, shown by rendezvous in the
// callbacks, not by timing. The optional prepare step and stems' landings run on the workers, never on the
// separating thread; a landing runs once before its write, or is dropped when its song is not written.

#include "batch/SongPipeline.h"
#include "common/AudioBufferPool.h"
#include "common/ThreadBudget.h"

#include <QtTest>

#include <condition_variable>

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <set>
#include <thread>

using namespace stemcrate;
using namespace stemcrate::batch;

namespace {

void sleepMs(int ms)
{
    std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}

// How many callers are inside a stage at once, and the most there were.
struct Concurrency
{
    std::atomic<int> now{0}, peak{0};
    void enter()
    {
        const int n = ++now;
        int p = peak.load();
        while (n > p && !peak.compare_exchange_weak(p, n)) {
        }
    }
    void leave() { --now; }
};

// Holds callers until `target` of them are inside at once (then lets everyone through, for good), so a test
// can show that the pipeline puts that many workers on one stage. The time limit only keeps a broken
// pipeline from hanging the test; the assertion is on the peak reached.
class Rendezvous
{
public:
    explicit Rendezvous(int target) : m_target(target) {}
    void arrive()
    {
        std::unique_lock lock(m_mutex);
        m_peak = std::max(m_peak, ++m_inside);
        if (m_peak >= m_target)
            m_met.notify_all();
        m_met.wait_for(lock, std::chrono::seconds(20), [&] { return m_peak >= m_target; });
        --m_inside;
    }
    int peak()
    {
        std::lock_guard lock(m_mutex);
        return m_peak;
    }

private:
    const int m_target;
    std::mutex m_mutex;
    std::condition_variable m_met;
    int m_inside = 0, m_peak = 0;
};

// Counts the audio buffers alive: a mix carries its song in frames, a stem set in its first buffer.
struct Counters
{
    std::atomic<int> mixesAlive{0}, mixesPeak{0};
    std::atomic<int> stemSetsMade{0};
    Concurrency decoding, writing;
    void mixBorn()
    {
        const int now = ++mixesAlive;
        int peak = mixesPeak.load();
        while (now > peak && !mixesPeak.compare_exchange_weak(peak, now)) {
        }
    }
};

PipelineStages stagesFor(Counters& c, int decodeMs, int separateMs, int writeMs, std::mutex& m,
                         std::multiset<size_t>& written, std::vector<SongOutcome>& outcomes)
{
    PipelineStages s;
    s.decode = [&c, decodeMs](size_t song) -> Result<AudioBuffer> {
        c.decoding.enter();
        sleepMs(decodeMs);
        c.decoding.leave();
        if (song == 5)
            return makeError("song 5 does not decode");
        c.mixBorn();
        return AudioBuffer(2, static_cast<int64_t>(song) + 1);
    };
    s.separate = [&c, separateMs](size_t song, const AudioBuffer& mix, SongStems& stems) -> Result<void> {
        if (mix.frames != static_cast<int64_t>(song) + 1)
            return makeError("wrong mix");
        sleepMs(separateMs);
        --c.mixesAlive; // the pipeline frees the mix right after this returns; count it gone here
        if (stems.audio.empty()) {
            ++c.stemSetsMade;
            stems.names = {"a", "b"};
            stems.audio.resize(2);
        }
        for (AudioBuffer& b : stems.audio)
            b = AudioBuffer(2, mix.frames);
        if (song == 7)
            return makeError("song 7 does not separate");
        return {};
    };
    s.write = [&, writeMs](size_t song, const SongStems& stems, const SongTimes&) -> Result<void> {
        c.writing.enter();
        sleepMs(writeMs);
        c.writing.leave();
        if (song == 9)
            return makeError("song 9 does not write");
        if (stems.audio.size() != 2 || stems.audio[0].frames != static_cast<int64_t>(song) + 1)
            return makeError("wrong stems");
        std::lock_guard lock(m);
        written.insert(song);
        return {};
    };
    s.finished = [&](size_t, const SongOutcome& o) {
        std::lock_guard lock(m);
        outcomes.push_back(o);
    };
    return s;
}

} // namespace

class TestBatchPipeline : public QObject
{
    Q_OBJECT

private slots:
    void everySongOnceInBoundedMemory_data()
    {
        QTest::addColumn<int>("fixedDecoders");
        QTest::addColumn<int>("decodeMs");
        QTest::addColumn<int>("separateMs");
        QTest::addColumn<int>("writeMs");
        QTest::newRow("shared, slow separation") << 0 << 1 << 4 << 1;
        QTest::newRow("shared, slow writes") << 0 << 1 << 1 << 6;
        QTest::newRow("fixed split, slow separation") << 3 << 1 << 4 << 1;
        QTest::newRow("fixed split, slow writes") << 3 << 1 << 1 << 6;
    }
    void everySongOnceInBoundedMemory()
    {
        QFETCH(int, fixedDecoders);
        QFETCH(int, decodeMs);
        QFETCH(int, separateMs);
        QFETCH(int, writeMs);
        Counters c;
        std::mutex m;
        std::multiset<size_t> written;
        std::vector<SongOutcome> outcomes;
        PipelineOptions options;
        options.workers = 5;
        options.queuedSongs = 2;
        options.fixedDecodeWorkers = fixedDecoders;
        const size_t songs = 40;
        const PipelineReport report =
            SongPipeline::run(songs, stagesFor(c, decodeMs, separateMs, writeMs, m, written, outcomes), options);
        QCOMPARE(report.done, songs - 3);
        QCOMPARE(report.failed, size_t(3));
        QCOMPARE(outcomes.size(), songs);
        QCOMPARE(report.workers, 5);
        for (size_t k = 0; k < songs; ++k)
            QCOMPARE(written.count(k), size_t(k == 5 || k == 7 || k == 9 ? 0 : 1));
        for (const SongOutcome& o : outcomes)
            if (o.status == SongOutcome::Status::Failed)
                QVERIFY(o.failedStage == "decode" || o.failedStage == "separate" || o.failedStage == "write");
        const int decoders = fixedDecoders > 0 ? fixedDecoders : options.workers;
        const int writers = fixedDecoders > 0 ? options.workers - fixedDecoders : options.workers;
        // Decoded mixes alive at once: those ahead of the separation (queued or being decoded), one separated.
        QVERIFY2(c.mixesPeak <= options.queuedSongs + decoders + 1, qPrintable(QString::number(c.mixesPeak.load())));
        // Stem sets are recycled: never more than the queue, the writing workers and the separator hold.
        QVERIFY2(c.stemSetsMade <= options.queuedSongs + writers + 1,
                 qPrintable(QString::number(c.stemSetsMade.load())));
        // The callbacks never saw more workers on a side than it may have; the report agrees with them.
        QVERIFY(c.decoding.peak <= decoders && c.writing.peak <= writers);
        QVERIFY(report.decodeWorkersPeak >= c.decoding.peak && report.decodeWorkersPeak <= decoders);
        QVERIFY(report.writeWorkersPeak >= c.writing.peak && report.writeWorkersPeak <= writers);
        QVERIFY(report.decodeWorkersMean() > 0 && report.decodeWorkersMean() <= decoders + 0.01);
        QVERIFY(report.writeWorkersMean() > 0 && report.writeWorkersMean() <= writers + 0.01);
    }

    // Slow decode, fast separation and writes: all six workers decode at once (the old fixed split of six
    // threads gave decode two). Decodes after the first songs are held until six are inside at once.
    void workersMoveToSlowDecode()
    {
        const int workers = 6, oldDecodeShare = std::max(1, workers / 3);
        Rendezvous together(workers);
        PipelineStages s;
        s.decode = [&](size_t song) -> Result<AudioBuffer> {
            if (song >= 8)
                together.arrive();
            return AudioBuffer(2, 4);
        };
        s.separate = [](size_t, const AudioBuffer&, SongStems& stems) -> Result<void> {
            stems.audio.resize(1);
            return {};
        };
        s.write = [](size_t, const SongStems&, const SongTimes&) -> Result<void> { return {}; };
        const PipelineReport report = SongPipeline::run(30, s, PipelineOptions{workers, 2, 0});
        QCOMPARE(report.done, size_t(30));
        QCOMPARE(together.peak(), workers);
        QVERIFY(together.peak() > oldDecodeShare);
        QCOMPARE(report.decodeWorkersPeak, workers);
    }

    // Slow writes, fast decode and separation: all six workers write at once (the old split gave writes four).
    void workersMoveToSlowWrites()
    {
        const int workers = 6, oldWriteShare = workers - std::max(1, workers / 3);
        Rendezvous together(workers);
        PipelineStages s;
        s.decode = [](size_t) -> Result<AudioBuffer> { return AudioBuffer(2, 4); };
        s.separate = [](size_t, const AudioBuffer&, SongStems& stems) -> Result<void> {
            stems.audio.resize(1);
            return {};
        };
        s.write = [&](size_t song, const SongStems&, const SongTimes&) -> Result<void> {
            if (song >= 4)
                together.arrive();
            return {};
        };
        const PipelineReport report = SongPipeline::run(30, s, PipelineOptions{workers, 2, 0});
        QCOMPARE(report.done, size_t(30));
        QCOMPARE(together.peak(), workers);
        QVERIFY(together.peak() > oldWriteShare);
        QCOMPARE(report.writeWorkersPeak, workers);
    }

    void threadBudgetGivesThePipelineItsWorkers()
    {
        QCOMPARE(ThreadBudget::forMachine(16, true).pipelineWorkers, 15);
        QCOMPARE(ThreadBudget::forMachine(2, false).pipelineWorkers, 2);
        QCOMPARE(ThreadBudget::forMachine(1, true).pipelineWorkers, 2);
    }

    void slowSeparationIsTheLimit()
    {
        Counters c;
        std::mutex m;
        std::multiset<size_t> written;
        std::vector<SongOutcome> outcomes;
        const PipelineReport report =
            SongPipeline::run(12, stagesFor(c, 5, 40, 5, m, written, outcomes), PipelineOptions{4, 2, 0});
        QCOMPARE(report.limitingStage(), std::string("separate"));
        QVERIFY(report.separateActiveSeconds > 0 && report.separateFirstWaitSeconds <= report.separateStarvedSeconds);
    }

    void slowSideIsTheLimit_data()
    {
        QTest::addColumn<int>("fixedDecoders");
        QTest::addColumn<int>("decodeMs");
        QTest::addColumn<int>("writeMs");
        QTest::addColumn<QString>("limit");
        QTest::newRow("shared, slow writes") << 0 << 1 << 60 << "write";
        QTest::newRow("shared, slow decode") << 0 << 60 << 1 << "decode";
        QTest::newRow("fixed split, slow writes") << 2 << 1 << 60 << "write";
        QTest::newRow("fixed split, slow decode") << 1 << 60 << 1 << "decode";
    }
    // Workers too few for a slow side: the separation waits, and the report names that side.
    void slowSideIsTheLimit()
    {
        QFETCH(int, fixedDecoders);
        QFETCH(int, decodeMs);
        QFETCH(int, writeMs);
        QFETCH(QString, limit);
        Counters c;
        std::mutex m;
        std::multiset<size_t> written;
        std::vector<SongOutcome> outcomes;
        const PipelineReport report = SongPipeline::run(12, stagesFor(c, decodeMs, 1, writeMs, m, written, outcomes),
                                                        PipelineOptions{3, 1, fixedDecoders});
        QCOMPARE(QString::fromStdString(report.limitingStage()), limit);
        if (fixedDecoders > 0 && limit == "write")
            QVERIFY(report.separateBlockedSeconds > report.separateStarvedSeconds);
    }

    void cancelStopsEarly()
    {
        Counters c;
        std::mutex m;
        std::multiset<size_t> written;
        std::vector<SongOutcome> outcomes;
        std::atomic<bool> cancel{false};
        PipelineStages stages = stagesFor(c, 1, 5, 1, m, written, outcomes);
        const auto write = stages.write;
        stages.write = [&](size_t song, const SongStems& stems, const SongTimes& t) {
            if (song == 3)
                cancel = true;
            return write(song, stems, t);
        };
        stages.isCancelled = [&] { return cancel.load(); };
        const PipelineReport report = SongPipeline::run(1000, stages, PipelineOptions{4, 2, 0});
        QVERIFY(report.done + report.failed + report.cancelled < 30);
        QVERIFY(report.done >= 1);
    }

    // A cancel while workers decode: no new song starts decoding after it (beyond those already claimed),
    // and every song that started gets exactly one outcome.
    void cancelDuringDecodeAccountsForEverySong_data()
    {
        QTest::addColumn<int>("workers");
        QTest::newRow("one worker") << 1; // it sees the cancel while the separation waits for a mix
        QTest::newRow("four workers") << 4;
    }
    void cancelDuringDecodeAccountsForEverySong()
    {
        QFETCH(int, workers);
        std::atomic<bool> cancel{false};
        std::atomic<int> started{0}, startedAfterCancel{0};
        std::mutex m;
        std::vector<int> outcomesPerSong(500, 0);
        PipelineStages s;
        s.decode = [&](size_t song) -> Result<AudioBuffer> {
            ++started;
            if (cancel)
                ++startedAfterCancel;
            if (song == 20)
                cancel = true;
            sleepMs(2);
            return AudioBuffer(2, 4);
        };
        s.separate = [](size_t, const AudioBuffer&, SongStems& stems) -> Result<void> {
            stems.audio.resize(1);
            return {};
        };
        s.write = [](size_t, const SongStems&, const SongTimes&) -> Result<void> { return {}; };
        s.finished = [&](size_t song, const SongOutcome&) {
            std::lock_guard lock(m);
            ++outcomesPerSong[song];
        };
        s.isCancelled = [&] { return cancel.load(); };
        const PipelineReport report = SongPipeline::run(500, s, PipelineOptions{workers, 2, 0});
        QVERIFY(report.cancelled >= 1);
        QCOMPARE(static_cast<int>(report.done + report.failed + report.cancelled), started.load());
        QVERIFY2(startedAfterCancel.load() < workers, qPrintable(QString::number(startedAfterCancel.load())));
        for (int song = 0; song < 500; ++song)
            QCOMPARE(outcomesPerSong[static_cast<size_t>(song)], song < started.load() ? 1 : 0);
    }

    void prepareAndLandingRunBesideTheSeparation()
    {
        const size_t songs = 24;
        const std::thread::id separating = std::this_thread::get_id();
        std::mutex m;
        std::vector<int> prepared(songs, -1), landed(songs, 0);
        std::set<std::thread::id> prepareThreads, landThreads;
        bool landedBeforeWrite = true, mixFreedBySeparation = true;
        PipelineStages s;
        s.decode = [](size_t song) -> Result<AudioBuffer> { return AudioBuffer(2, static_cast<int64_t>(song) + 1); };
        s.prepare = [&](size_t song, AudioBuffer& mix) -> Result<void> {
            sleepMs(2);
            std::lock_guard lock(m);
            prepareThreads.insert(std::this_thread::get_id());
            if (song == 4)
                return makeError("song 4 does not prepare");
            prepared[song] = static_cast<int>(mix.frames);
            mix = AudioBuffer(); // what the song needs is in `prepared` now
            return {};
        };
        s.separate = [&](size_t song, const AudioBuffer& mix, SongStems& stems) -> Result<void> {
            {
                std::lock_guard lock(m);
                if (mix.frames != 0 || prepared[song] != static_cast<int>(song) + 1)
                    mixFreedBySeparation = false;
            }
            stems.audio.resize(1);
            stems.landing = [&, song]() -> Result<void> {
                sleepMs(2);
                std::lock_guard lock(m);
                landThreads.insert(std::this_thread::get_id());
                ++landed[song];
                if (song == 6)
                    return makeError("song 6 does not land");
                return {};
            };
            return {};
        };
        s.write = [&](size_t song, const SongStems& stems, const SongTimes& times) -> Result<void> {
            std::lock_guard lock(m);
            if (landed[song] != 1 || stems.landing || times.landSeconds <= 0 || times.prepareSeconds <= 0)
                landedBeforeWrite = false;
            return {};
        };
        std::vector<SongOutcome> outcomes(songs);
        s.finished = [&](size_t song, const SongOutcome& o) { outcomes[song] = o; };
        const PipelineReport report = SongPipeline::run(songs, s, PipelineOptions{4, 2, 0});
        QCOMPARE(report.done, songs - 2);
        QCOMPARE(report.failed, size_t(2));
        QCOMPARE(outcomes[4].failedStage, std::string("separate"));
        QCOMPARE(outcomes[6].failedStage, std::string("separate"));
        QVERIFY(outcomes[6].error.find("does not land") != std::string::npos);
        QVERIFY(mixFreedBySeparation);
        QVERIFY(landedBeforeWrite);
        for (size_t k = 0; k < songs; ++k)
            QCOMPARE(landed[k], k == 4 ? 0 : 1);
        QVERIFY(!prepareThreads.empty() && !prepareThreads.count(separating));
        QVERIFY(!landThreads.empty() && !landThreads.count(separating));
        QVERIFY(report.prepareBusySeconds >= 0.002 * static_cast<double>(songs));
        QVERIFY(report.landBusySeconds >= 0.002 * static_cast<double>(songs - 1));
    }

    // Mixes decoded into pooled buffers that prepare() gives back (as bench_throughput does): after the first
    // songs no decode gets fresh storage (at most as many fresh ones as mixes can exist at once), and a buffer
    // resized from its last song's length, shorter or longer, holds each song's own samples.
    void pooledMixesAreReusedAndOverwritten()
    {
        const size_t songs = 40;
        PipelineOptions options;
        options.workers = 4;
        options.queuedSongs = 2;
        const size_t bound = static_cast<size_t>(options.queuedSongs + options.workers + 1);
        AudioBufferPool pool(bound + 1);
        std::mutex m;
        size_t fresh = 0;
        bool mixesRight = true;
        std::vector<float> firstSample(songs, 0.0f);
        PipelineStages s;
        s.decode = [&](size_t song) -> Result<AudioBuffer> {
            AudioBuffer mix = pool.take();
            if (mix.samples.capacity() == 0) {
                std::lock_guard lock(m);
                ++fresh;
            }
            mix.channels = 2;
            mix.frames = 1000 + static_cast<int64_t>((song * 37) % 11) * 100; // lengths up and down
            mix.samples.resize(static_cast<size_t>(2 * mix.frames));
            for (size_t i = 0; i < mix.samples.size(); ++i)
                mix.samples[i] = static_cast<float>(song) + static_cast<float>(i) * 1e-6f;
            return mix;
        };
        s.prepare = [&](size_t song, AudioBuffer& mix) -> Result<void> {
            bool right = mix.samples.size() == static_cast<size_t>(2 * mix.frames);
            for (size_t i = 0; right && i < mix.samples.size(); ++i)
                right = mix.samples[i] == static_cast<float>(song) + static_cast<float>(i) * 1e-6f;
            {
                std::lock_guard lock(m);
                mixesRight = mixesRight && right;
                firstSample[song] = mix.samples.empty() ? -1.0f : mix.samples[0];
            }
            pool.give(std::move(mix));
            mix = AudioBuffer();
            return {};
        };
        s.separate = [](size_t, const AudioBuffer&, SongStems& stems) -> Result<void> {
            stems.audio.resize(1);
            return {};
        };
        s.write = [](size_t, const SongStems&, const SongTimes&) -> Result<void> { return {}; };
        const PipelineReport r = SongPipeline::run(songs, s, options);
        QCOMPARE(r.done, songs);
        QVERIFY(mixesRight);
        for (size_t song = 0; song < songs; ++song)
            QCOMPARE(firstSample[song], static_cast<float>(song));
        QVERIFY2(fresh <= bound, qPrintable(QString("%1 fresh mixes for %2 songs").arg(fresh).arg(songs)));
        QCOMPARE(pool.reused() + fresh, songs);
        QVERIFY(pool.reused() >= songs - bound);
    }

    void poolKeepsAtMostItsCapacity()
    {
        AudioBufferPool pool(2);
        for (int i = 0; i < 3; ++i)
            pool.give(AudioBuffer(2, 100 * (i + 1)));
        pool.give(AudioBuffer()); // nothing to keep
        // The two kept, largest first; then nothing.
        QCOMPARE(pool.take().samples.capacity(), size_t(400));
        QCOMPARE(pool.take().samples.capacity(), size_t(200));
        QCOMPARE(pool.take().samples.capacity(), size_t(0));
        QCOMPARE(pool.reused(), size_t(2));
    }

    void landingsOfUnwrittenSongsAreDropped()
    {
        // Every landing made is either run or destroyed by the time run() returns, also after a cancel.
        std::atomic<int> made{0}, ran{0}, destroyed{0};
        std::atomic<bool> cancel{false};
        struct Witness
        {
            std::atomic<int>& destroyed;
            ~Witness() { ++destroyed; }
        };
        PipelineStages s;
        s.decode = [](size_t) -> Result<AudioBuffer> { return AudioBuffer(2, 8); };
        s.separate = [&](size_t song, const AudioBuffer&, SongStems& stems) -> Result<void> {
            if (song == 5)
                cancel = true;
            ++made;
            std::shared_ptr<Witness> witness(new Witness{destroyed});
            stems.landing = [&ran, witness]() -> Result<void> {
                ++ran;
                return {};
            };
            return {};
        };
        s.write = [](size_t, const SongStems&, const SongTimes&) -> Result<void> {
            sleepMs(5);
            return {};
        };
        s.isCancelled = [&] { return cancel.load(); };
        const PipelineReport report = SongPipeline::run(200, s, PipelineOptions{2, 2, 0});
        QVERIFY(report.cancelled >= 1);
        QVERIFY(made.load() >= 6);
        QCOMPARE(destroyed.load(), made.load());
        QVERIFY(ran.load() < made.load());
    }

    void throwingStageFailsOnlyItsSong()
    {
        PipelineStages s;
        s.decode = [](size_t) -> Result<AudioBuffer> { return AudioBuffer(2, 10); };
        s.separate = [](size_t song, const AudioBuffer&, SongStems&) -> Result<void> {
            if (song == 1)
                throw std::runtime_error("boom");
            return {};
        };
        s.write = [](size_t, const SongStems&, const SongTimes&) -> Result<void> { return {}; };
        std::vector<SongOutcome> outcomes;
        s.finished = [&](size_t, const SongOutcome& o) { outcomes.push_back(o); };
        const PipelineReport report = SongPipeline::run(3, s, PipelineOptions{});
        QCOMPARE(report.done, size_t(2));
        QCOMPARE(report.failed, size_t(1));
        bool found = false;
        for (const SongOutcome& o : outcomes)
            found = found || (o.failedStage == "separate" && o.error.find("boom") != std::string::npos);
        QVERIFY(found);
    }
};

QTEST_GUILESS_MAIN(TestBatchPipeline)
#include "tst_batch_pipeline.moc"
