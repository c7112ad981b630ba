// The song jobs' one lifecycle (prepare → process → store → cleanup): cleanup runs exactly once on success,
// on an error in any stage, on a cancel before or during the work, and when a stage throws; later stages
// are skipped. Then the real jobs on that lifecycle: decode reports a missing file by its reason, the cache
// lookup misses then hits, the store and the hit record the song's file in the cache's source index, the
// cache store cancelled mid-write leaves nothing, the engine preload loads nothing for a missing model file
// or after a cancel, reports a broken one by its file, and loads nothing when every song it is for is likely
// cached.

#include "audio/AudioFileWriter.h"
#include "separation/StemCache.h"
#include "songs/CacheLookupJob.h"
#include "songs/CacheStoreJob.h"
#include "songs/DecodeJob.h"
#include "songs/EngineLoadJob.h"
#include "songs/SongJob.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <stdexcept>
#include <string>

using namespace stemcrate;
using namespace stemcrate::ui;

namespace {

enum class Fault
{
    None,
    PrepareFails,
    ProcessFails,
    StoreFails,
    ProcessThrows,
    CancelDuringProcess,
    CleanupThrows,
};

// Records which stages ran.
class ProbeJob : public SongJob
{
public:
    ProbeJob(Fault fault, std::shared_ptr<std::atomic<bool>> cancelled)
        : SongJob(cancelled), m_fault(fault), m_flag(std::move(cancelled))
    {
    }
    const char* name() const override { return "probe"; }
    std::string trace;
    int cleanups = 0;

protected:
    Result<void> prepare() override
    {
        trace += "p";
        return m_fault == Fault::PrepareFails ? Result<void>(makeError("prepare failed")) : Result<void>();
    }
    Result<void> process() override
    {
        trace += "r";
        if (m_fault == Fault::ProcessThrows)
            throw std::runtime_error("thrown");
        if (m_fault == Fault::CancelDuringProcess) {
            m_flag->store(true);
            return makeError("cancelled"); // what core returns when it noticed
        }
        return m_fault == Fault::ProcessFails ? Result<void>(makeError("process failed")) : Result<void>();
    }
    Result<void> store() override
    {
        trace += "s";
        return m_fault == Fault::StoreFails ? Result<void>(makeError("store failed")) : Result<void>();
    }
    void cleanup() override
    {
        trace += "c";
        ++cleanups;
        if (m_fault == Fault::CleanupThrows)
            throw std::runtime_error("cleanup thrown");
    }

private:
    Fault m_fault;
    std::shared_ptr<std::atomic<bool>> m_flag;
};

AudioBuffer tone(int64_t frames)
{
    AudioBuffer buffer(2, frames);
    for (int64_t t = 0; t < frames; ++t)
        buffer.channel(0)[t] = buffer.channel(1)[t] =
            float(0.3 * std::sin(2 * M_PI * 330.0 * double(t) / 44100));
    return buffer;
}

} // namespace

class TestSongJobs : public QObject
{
    Q_OBJECT

private slots:
    void cleanupRunsExactlyOnce_data()
    {
        QTest::addColumn<int>("fault");
        QTest::addColumn<bool>("cancelFirst");
        QTest::addColumn<int>("outcome");
        QTest::addColumn<QString>("trace");
        QTest::addColumn<QString>("error");
        using O = SongJob::Outcome;
        QTest::newRow("success") << int(Fault::None) << false << int(O::Succeeded) << "prsc"
                                 << "";
        QTest::newRow("prepare fails") << int(Fault::PrepareFails) << false << int(O::Failed) << "pc"
                                       << "prepare failed";
        QTest::newRow("process fails") << int(Fault::ProcessFails) << false << int(O::Failed) << "prc"
                                       << "process failed";
        QTest::newRow("store fails") << int(Fault::StoreFails) << false << int(O::Failed) << "prsc"
                                     << "store failed";
        QTest::newRow("process throws") << int(Fault::ProcessThrows) << false << int(O::Failed) << "prc"
                                        << "thrown";
        QTest::newRow("cancelled during process")
            << int(Fault::CancelDuringProcess) << false << int(O::Cancelled) << "prc"
            << "";
        QTest::newRow("cancelled before run") << int(Fault::None) << true << int(O::Cancelled) << "c"
                                              << "";
        QTest::newRow("cleanup throws") << int(Fault::CleanupThrows) << false << int(O::Failed) << "prsc"
                                        << "cleanup thrown";
    }

    void cleanupRunsExactlyOnce()
    {
        QFETCH(int, fault);
        QFETCH(bool, cancelFirst);
        QFETCH(int, outcome);
        QFETCH(QString, trace);
        QFETCH(QString, error);
        auto flag = std::make_shared<std::atomic<bool>>(cancelFirst);
        ProbeJob job(Fault(fault), flag);
        const SongJob::Report report = job.run();
        QCOMPARE(int(report.outcome), outcome);
        QCOMPARE(QString::fromStdString(job.trace), trace);
        QCOMPARE(job.cleanups, 1);
        QCOMPARE(QString::fromStdString(report.error), error);

        // A second run is refused and does not clean up again.
        const SongJob::Report again = job.run();
        QCOMPARE(int(again.outcome), int(SongJob::Outcome::Failed));
        QCOMPARE(job.cleanups, 1);
    }

    void cancelBetweenStagesSkipsTheRest()
    {
        // The flag is set while prepare runs: process and store never start, cleanup still does.
        auto flag = std::make_shared<std::atomic<bool>>(false);
        class CancelInPrepare : public ProbeJob
        {
        public:
            using ProbeJob::ProbeJob;
            std::shared_ptr<std::atomic<bool>> flag;

        protected:
            Result<void> prepare() override
            {
                flag->store(true);
                return ProbeJob::prepare();
            }
        } job(Fault::None, flag);
        job.flag = flag;
        QCOMPARE(int(job.run().outcome), int(SongJob::Outcome::Cancelled));
        QCOMPARE(QString::fromStdString(job.trace), QStringLiteral("pc"));
    }

    void decodeReportsAMissingFileByItsReason()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("missing.wav")).toStdString();
        DecodeJob job(path, std::make_shared<std::atomic<bool>>(false));
        const SongJob::Report report = job.run();
        QCOMPARE(int(report.outcome), int(SongJob::Outcome::Failed));
        QVERIFY(!report.error.empty());
        QVERIFY2(report.error.find(path) == std::string::npos, report.error.c_str()); // the list names it
        QVERIFY(!job.takeTrack());
    }

    void engineLoadSkipsAMissingModelAndACancelAndNamesABrokenOne()
    {
        QTemporaryDir dir;
        auto holder = std::make_shared<SeparatorHolder>();
        auto request = [&](const QString& file) {
            EngineRequest engine;
            engine.holder = holder;
            engine.modelPath = dir.filePath(file).toStdString();
            engine.key = engine.modelPath;
            return engine;
        };

        // No file: nothing asked of the holder, and no error (the model banner and the song report it).
        EngineLoadJob missing(request(QStringLiteral("missing.pt")),
                              std::make_shared<std::atomic<bool>>(false));
        QCOMPARE(int(missing.run().outcome), int(SongJob::Outcome::Succeeded));
        QVERIFY(missing.modelMissing());
        QVERIFY(!missing.askedHolder());

        QFile broken(dir.filePath(QStringLiteral("broken.pt")));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("not a checkpoint");
        broken.close();

        // Cancelled before it starts: the holder is left alone.
        EngineLoadJob cancelled(request(QStringLiteral("broken.pt")),
                                std::make_shared<std::atomic<bool>>(true));
        QCOMPARE(int(cancelled.run().outcome), int(SongJob::Outcome::Cancelled));
        QVERIFY(!cancelled.askedHolder());
        QCOMPARE(holder->loads(), 0);

        // A broken file fails this job only, naming the file.
        EngineLoadJob failing(request(QStringLiteral("broken.pt")),
                              std::make_shared<std::atomic<bool>>(false));
        const SongJob::Report report = failing.run();
        QCOMPARE(int(report.outcome), int(SongJob::Outcome::Failed));
        QVERIFY2(report.error.find("broken.pt") != std::string::npos, report.error.c_str());
        QVERIFY(failing.askedHolder());
        QVERIFY(!failing.loaded());
        QCOMPARE(holder->loads(), 1);
        QVERIFY(!holder->holds(request(QStringLiteral("broken.pt")).key));
    }

    void decodeThenLookUpMissesThenHits()
    {
        QTemporaryDir dir;
        const QString song = dir.filePath(QStringLiteral("tone.wav"));
        QVERIFY(audio::writeAudioFile(song.toStdString(), tone(22050), audio::FileFormat::Wav,
                                      audio::SampleFormat::Float32)
                    .ok());
        const QString model = dir.filePath(QStringLiteral("model.pt"));
        QFile file(model);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("weights");
        file.close();
        auto flag = std::make_shared<std::atomic<bool>>(false);

        DecodeJob decode(song.toStdString(), flag);
        double lastFraction = -1;
        decode.setProgress([&](double fraction, double) { lastFraction = fraction; });
        QCOMPARE(int(decode.run().outcome), int(SongJob::Outcome::Succeeded));
        const std::shared_ptr<const audio::Track> track = decode.takeTrack();
        QVERIFY(track);
        QCOMPARE(track->audio.frames, int64_t(22050));
        QVERIFY(lastFraction >= 0);
        const separation::SourceFingerprint source = decode.source();
        QCOMPARE(source, separation::StemCache::sourceFingerprint(song.toStdString()));
        QVERIFY(source.valid());

        const separation::StemCache cache(dir.filePath(QStringLiteral("cache")).toStdString());
        CacheLookupJob miss(cache, track, source, model.toStdString(), {}, flag);
        QCOMPARE(int(miss.run().outcome), int(SongJob::Outcome::Succeeded));
        QVERIFY(!miss.takeStems());
        QCOMPARE(miss.keyed().key.size(), size_t(40));
        QCOMPARE(miss.keyed().modelIdentity, separation::StemCache::modelIdentity(model.toStdString()));

        // Store complete stems under that key, then the lookup (reusing the key) hits.
        auto stems = std::make_shared<StemSet>(track->audio.frames);
        stems->writableStems().names = {"drums", "bass"};
        stems->writableStems().audio = {tone(22050), tone(22050)};
        stems->publish(stems->frames());
        const std::string identity = miss.keyed().modelIdentity;
        QVERIFY(!cache.likelyCached(song.toStdString(), identity));
        CacheStoreJob store(cache, {source, identity, miss.keyed().key}, stems, 0, flag);
        QCOMPARE(int(store.run().outcome), int(SongJob::Outcome::Succeeded));
        QVERIFY(cache.contains(miss.keyed().key));
        QVERIFY(cache.likelyCached(song.toStdString(), identity)); // the store recorded the song's file

        // Without that record (written by an earlier version), the hit records it.
        QVERIFY(QDir(dir.filePath(QStringLiteral("cache/sources"))).removeRecursively());
        QVERIFY(!cache.likelyCached(song.toStdString(), identity));
        CacheLookupJob hit(cache, track, source, model.toStdString(), miss.keyed(), flag);
        QCOMPARE(int(hit.run().outcome), int(SongJob::Outcome::Succeeded));
        const std::shared_ptr<StemSet> loaded = hit.takeStems();
        QVERIFY(loaded);
        QVERIFY(loaded->complete());
        QCOMPARE(loaded->stems().names, stems->stems().names);
        QVERIFY(loaded->stems().audio[1].samples == stems->stems().audio[1].samples);
        QVERIFY(cache.likelyCached(song.toStdString(), identity));
    }

    void engineLoadIsSkippedWhenEverySongIsLikelyCached()
    {
        QTemporaryDir dir;
        // A broken model file: a load is counted (and fails at once), a skip asks nothing.
        const QString model = dir.filePath(QStringLiteral("broken.pt"));
        QFile file(model);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a checkpoint");
        file.close();
        const std::string identity = separation::StemCache::modelIdentity(model.toStdString());
        const separation::StemCache cache(dir.filePath(QStringLiteral("cache")).toStdString());
        const std::string cached = dir.filePath(QStringLiteral("cached.wav")).toStdString();
        const std::string uncached = dir.filePath(QStringLiteral("uncached.wav")).toStdString();
        for (const std::string& song : {cached, uncached})
            QVERIFY(
                audio::writeAudioFile(song, tone(1000), audio::FileFormat::Wav, audio::SampleFormat::Float32)
                    .ok());
        const std::string key(40, 'a');
        QVERIFY(cache.store(key, {"drums"}, {tone(1000)}).ok());
        QVERIFY(cache.rememberSource({separation::StemCache::sourceFingerprint(cached), identity, key}).ok());

        auto holder = std::make_shared<SeparatorHolder>();
        EngineRequest engine;
        engine.holder = holder;
        engine.modelPath = model.toStdString();
        engine.key = engine.modelPath;
        auto run = [&](std::vector<std::string> songs, bool cancelled) {
            auto job =
                std::make_shared<EngineLoadJob>(engine, std::make_shared<std::atomic<bool>>(cancelled));
            job->skipIfCached(cache, std::move(songs));
            const SongJob::Report report = job->run();
            return std::pair(job, report.outcome);
        };

        // Every song likely cached: skipped, nothing asked of the holder, no error.
        const auto [skipped, skippedOutcome] = run({cached}, false);
        QCOMPARE(int(skippedOutcome), int(SongJob::Outcome::Succeeded));
        QVERIFY(skipped->skipped());
        QVERIFY(!skipped->askedHolder());
        QVERIFY(!skipped->loaded());
        QCOMPARE(holder->loads(), 0);

        // One song that is not: the job loads (here the broken file fails it).
        const auto [mixed, mixedOutcome] = run({cached, uncached}, false);
        QCOMPARE(int(mixedOutcome), int(SongJob::Outcome::Failed));
        QVERIFY(!mixed->skipped());
        QVERIFY(mixed->askedHolder());
        QCOMPARE(holder->loads(), 1);

        // Cancelled before it looks: neither skipped nor loaded. No songs named: it loads.
        const auto [cancelled, cancelledOutcome] = run({cached}, true);
        QCOMPARE(int(cancelledOutcome), int(SongJob::Outcome::Cancelled));
        QVERIFY(!cancelled->skipped());
        QCOMPARE(holder->loads(), 1);
        const auto [unnamed, unnamedOutcome] = run({}, false);
        QVERIFY(!unnamed->skipped());
        QCOMPARE(holder->loads(), 2);

        // The model file changed since (another identity): the songs' stems are not its; the job loads.
        QVERIFY(file.open(QIODevice::Append));
        file.write("!");
        file.close();
        const auto [changed, changedOutcome] = run({cached}, false);
        QVERIFY(!changed->skipped());
        QCOMPARE(holder->loads(), 3);
    }

    void storeCancelledLeavesNoFile()
    {
        QTemporaryDir dir;
        const separation::StemCache cache(dir.path().toStdString());
        auto stems = std::make_shared<StemSet>(3 * 441000);
        stems->writableStems().names = {"drums"};
        stems->writableStems().audio = {tone(3 * 441000)};
        stems->publish(stems->frames());
        auto flag = std::make_shared<std::atomic<bool>>(true);
        CacheStoreJob job(cache, {{}, {}, std::string(40, 'f')}, stems, 0, flag);
        QCOMPARE(int(job.run().outcome), int(SongJob::Outcome::Cancelled));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{});

        // Incomplete stems are never stored.
        auto partial = std::make_shared<StemSet>(1000);
        partial->writableStems().names = {"drums"};
        partial->writableStems().audio = {tone(1000)};
        partial->publish(500);
        CacheStoreJob refused(cache, {{}, {}, std::string(40, 'e')}, partial, 0,
                              std::make_shared<std::atomic<bool>>(false));
        QCOMPARE(int(refused.run().outcome), int(SongJob::Outcome::Failed));
        QVERIFY(!cache.contains(std::string(40, 'e')));
    }
};

QTEST_GUILESS_MAIN(TestSongJobs)
#include "tst_ui_song_jobs.moc"
