// SongPipeline: every song passes the three stages once, in bounded memory (never more mixes or stem sets
// alive than the queues and workers allow), failures stay with their song, stem sets are reused, cancel
// stops early, and the report names the stage that limits. The optional prepare step runs on the decode
// workers and stems' landings on the write workers, never on the separating thread; a landing runs once
// before its write, or is dropped when its song is not written.

#include "batch/SongPipeline.h"

#include <QtTest>

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

// Counts the audio buffers alive: a mix carries its song in frames, a stem set in its first buffer.
struct Counters
{
    std::atomic<int> mixesAlive{0}, mixesPeak{0};
    std::atomic<int> stemSetsMade{0};
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
        sleepMs(decodeMs);
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
        sleepMs(writeMs);
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
    void everySongOnceInBoundedMemory()
    {
        Counters c;
        std::mutex m;
        std::multiset<size_t> written;
        std::vector<SongOutcome> outcomes;
        PipelineOptions options;
        options.decodeThreads = 3;
        options.writeThreads = 2;
        options.queuedSongs = 2;
        const size_t songs = 40;
        const PipelineReport report =
            SongPipeline::run(songs, stagesFor(c, 1, 3, 1, m, written, outcomes), options);
        QCOMPARE(report.done, songs - 2);
        QCOMPARE(report.failed, size_t(2));
        QCOMPARE(outcomes.size(), songs);
        for (size_t k = 0; k < songs; ++k)
            QCOMPARE(written.count(k), size_t(k == 5 || k == 7 ? 0 : 1));
        for (const SongOutcome& o : outcomes)
            if (o.status == SongOutcome::Status::Failed)
                QVERIFY(o.failedStage == "decode" || o.failedStage == "separate");
        // Decoded mixes alive at once: the queue, one per decode worker, one being separated.
        QVERIFY2(c.mixesPeak <= options.queuedSongs + options.decodeThreads + 1,
                 qPrintable(QString::number(c.mixesPeak.load())));
        // Stem sets are recycled: never more than the queue, the writers and the separator hold.
        QVERIFY2(c.stemSetsMade <= options.queuedSongs + options.writeThreads + 1,
                 qPrintable(QString::number(c.stemSetsMade.load())));
    }

    void slowSeparationIsTheLimit()
    {
        Counters c;
        std::mutex m;
        std::multiset<size_t> written;
        std::vector<SongOutcome> outcomes;
        const PipelineReport report =
            SongPipeline::run(12, stagesFor(c, 1, 40, 1, m, written, outcomes), PipelineOptions{2, 2, 2});
        QCOMPARE(report.limitingStage(), std::string("separate"));
    }

    void slowWritersAreTheLimit()
    {
        Counters c;
        std::mutex m;
        std::multiset<size_t> written;
        std::vector<SongOutcome> outcomes;
        const PipelineReport report =
            SongPipeline::run(12, stagesFor(c, 1, 1, 60, m, written, outcomes), PipelineOptions{2, 1, 1});
        QCOMPARE(report.limitingStage(), std::string("write"));
        QVERIFY(report.separateBlockedSeconds > report.separateStarvedSeconds);
    }

    void slowDecodeIsTheLimit()
    {
        Counters c;
        std::mutex m;
        std::multiset<size_t> written;
        std::vector<SongOutcome> outcomes;
        const PipelineReport report =
            SongPipeline::run(12, stagesFor(c, 60, 1, 1, m, written, outcomes), PipelineOptions{1, 2, 2});
        QCOMPARE(report.limitingStage(), std::string("decode"));
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
        const PipelineReport report = SongPipeline::run(1000, stages, PipelineOptions{2, 2, 2});
        QVERIFY(report.done + report.failed + report.cancelled < 30);
        QVERIFY(report.done >= 1);
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
        const PipelineReport report = SongPipeline::run(songs, s, PipelineOptions{2, 2, 2});
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
        const PipelineReport report = SongPipeline::run(200, s, PipelineOptions{1, 1, 2});
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
