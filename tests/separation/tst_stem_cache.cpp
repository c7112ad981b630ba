// core's stem cache (moved from ui/ so the CLI shares it): the key is plain SHA-1 of shape, samples and model
// identity (so caches written by earlier versions still hit), files round-trip, refuse another length or a
// truncated file, appear atomically (a cancelled write and a process killed mid-write leave nothing under
// the final name), and eviction goes least recently used first and sweeps a killed write's stale temporary.

#include "separation/StemCache.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

#include "StereoSine.h"

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <filesystem>

using namespace stemcrate;
using namespace stemcrate::separation;

using testsupport::stereoSine;

namespace {

Stems twoStems(int64_t frames)
{
    Stems stems;
    stems.names = {"drums", "bass"};
    stems.audio = {stereoSine(frames, 220.0), stereoSine(frames, 55.0, 0.25f)};
    return stems;
}

QStringList entries(const QString& folder)
{
    return QDir(folder).entryList(QDir::Files, QDir::Name);
}

void age(const std::string& path, std::chrono::hours by)
{
    namespace fs = std::filesystem;
    fs::last_write_time(path, fs::file_time_type::clock::now() - by);
}

} // namespace

class TestStemCache : public QObject
{
    Q_OBJECT

private slots:
    void keyIsSha1OfShapeSamplesAndModel()
    {
        // Reference digest from Python's hashlib over the same bytes (the format ui/'s Qt cache used).
        AudioBuffer audio(2, 4);
        const float samples[8] = {0.0f, 0.25f, -0.5f, 1.0f, 0.5f, -1.0f, 0.125f, 2.0f};
        std::copy(samples, samples + 8, audio.samples.begin());
        QCOMPARE(QString::fromStdString(StemCache::key(audio, "/models/m.pt|7|1000")),
                 QStringLiteral("abb5a0b77ee605f67ae427f78b22f97b6eb1dddb"));
    }

    void modelIdentityFollowsTheFile()
    {
        QTemporaryDir dir;
        const QString model = dir.filePath(QStringLiteral("model.pt"));
        QVERIFY(StemCache::modelIdentity(model.toStdString()).empty()); // missing
        QFile file(model);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("weights");
        file.close();
        const std::string identity = StemCache::modelIdentity(model.toStdString());
        QVERIFY(QString::fromStdString(identity).startsWith(QFileInfo(model).absoluteFilePath() + "|7|"));
        QVERIFY(file.open(QIODevice::Append));
        file.write("more");
        file.close();
        QVERIFY(StemCache::modelIdentity(model.toStdString()) != identity);
    }

    void roundTripAndRefusals()
    {
        QTemporaryDir dir;
        const StemCache cache(dir.filePath(QStringLiteral("stems")).toStdString()); // created on store
        const int64_t frames = 5000;
        const Stems stems = twoStems(frames);
        const std::string key = StemCache::key(stereoSine(frames, 330.0), "model|1|2");
        QCOMPARE(key.size(), size_t(40));
        QVERIFY(!cache.contains(key));
        Stems missing;
        const Result<void> notThere = cache.load(key, frames, missing);
        QVERIFY(!notThere.ok());
        QVERIFY(
            QString::fromStdString(notThere.error()).contains(QString::fromStdString(cache.pathFor(key))));

        const Result<void> stored = cache.store(key, stems);
        QVERIFY2(stored.ok(), stored.ok() ? "" : stored.error().c_str());
        QVERIFY(cache.contains(key));
        QCOMPARE(entries(QString::fromStdString(cache.folder())),
                 QStringList{QString::fromStdString(key) + ".stems"});

        Stems loaded;
        QVERIFY(cache.load(key, frames, loaded).ok());
        QCOMPARE(loaded.names, stems.names);
        QCOMPARE(loaded.audio.size(), size_t(2));
        QCOMPARE(loaded.audio[1].channels, 2);
        QCOMPARE(loaded.audio[1].frames, frames);
        QVERIFY(loaded.audio[0].samples == stems.audio[0].samples);
        QVERIFY(loaded.audio[1].samples == stems.audio[1].samples);

        // A song of another length refuses the file instead of misreading it, and leaves `into` alone.
        Stems wrong;
        wrong.names = {"kept"};
        QVERIFY(!cache.load(key, frames + 1, wrong).ok());
        QCOMPARE(wrong.names, std::vector<std::string>{"kept"});

        // A truncated file (another process's damage) is refused with its name.
        const QString path = QString::fromStdString(cache.pathFor(key));
        QFile file(path);
        QVERIFY(file.resize(file.size() - 3));
        const Result<void> truncated = cache.load(key, frames, loaded);
        QVERIFY(!truncated.ok());
        QVERIFY2(QString::fromStdString(truncated.error()).contains(QStringLiteral("truncated")),
                 truncated.error().c_str());
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("not stems at all, but long enough to have a header");
        file.close();
        QVERIFY(!cache.load(key, frames, loaded).ok());

        // Nothing to store is an error, not an empty file.
        QVERIFY(!cache.store("empty", Stems{}).ok());
        QVERIFY(!cache.contains("empty"));
    }

    void cancelledWriteLeavesNothing()
    {
        QTemporaryDir dir;
        const StemCache cache(dir.path().toStdString());
        const Stems stems = twoStems(3 * kEngineSampleRate * 10); // two 2.6 MB stems: several pieces
        int checks = 0;
        StemCacheStoreOptions options;
        options.isCancelled = [&] { return ++checks >= 2; };
        const Result<void> stored = cache.store("k", stems, options);
        QVERIFY(!stored.ok());
        QVERIFY(QString::fromStdString(stored.error()).contains(QStringLiteral("cancelled")));
        QVERIFY(checks >= 2);
        QVERIFY(!cache.contains("k"));
        QCOMPARE(entries(dir.path()), QStringList{}); // the temporary is gone too
    }

    void killedMidWriteLeavesNoFileUnderItsName()
    {
        QTemporaryDir dir;
        const StemCache cache(dir.path().toStdString());
        const Stems stems = twoStems(3 * kEngineSampleRate * 10);
        const std::string key(40, 'a');
        const pid_t child = fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            // The child dies by SIGKILL in the middle of the samples: no destructor, no cleanup runs.
            int pieces = 0;
            StemCacheStoreOptions options;
            options.isCancelled = [&] {
                if (++pieces == 2)
                    ::raise(SIGKILL);
                return false;
            };
            (void)cache.store(key, stems, options);
            ::_exit(0); // not reached
        }
        int status = 0;
        QCOMPARE(::waitpid(child, &status, 0), child);
        QVERIFY(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
        QVERIFY(!cache.contains(key));
        const QStringList left = entries(dir.path());
        QCOMPARE(left.size(), 1); // the temporary, with part of the data
        QVERIFY(left.first().startsWith(QString::fromStdString(key) + ".stems.part-"));
        Stems loaded;
        QVERIFY(!cache.load(key, stems.audio[0].frames, loaded).ok());

        // A fresh temporary may be a live write of another process: eviction keeps it; an old one goes.
        cache.evictToLimit(0);
        QCOMPARE(entries(dir.path()).size(), 1);
        age(dir.filePath(left.first()).toStdString(), std::chrono::hours(2));
        cache.evictToLimit(0);
        QCOMPARE(entries(dir.path()), QStringList{});

        // And the next write of the same key succeeds.
        QVERIFY(cache.store(key, stems).ok());
        QVERIFY(cache.load(key, stems.audio[0].frames, loaded).ok());
    }

    void evictsLeastRecentlyUsedFirst()
    {
        QTemporaryDir dir;
        const StemCache cache(dir.path().toStdString());
        const Stems stems = twoStems(5000);
        const std::string used(40, 'a'), old(40, 'b'), older(40, 'c');
        for (const std::string& key : {used, old, older})
            QVERIFY(cache.store(key, stems).ok());
        age(cache.pathFor(used), std::chrono::hours(72));
        age(cache.pathFor(old), std::chrono::hours(24));
        age(cache.pathFor(older), std::chrono::hours(48));
        Stems loaded;
        QVERIFY(cache.load(used, 5000, loaded).ok()); // loading refreshes its time: now the newest
        const int64_t one = int64_t(QFileInfo(QString::fromStdString(cache.pathFor(used))).size());
        QCOMPARE(cache.sizeBytes(), 3 * one);

        QCOMPARE(cache.evictToLimit(0), 0); // no limit
        QCOMPARE(cache.evictToLimit(2 * one + 10), 1);
        QVERIFY(!cache.contains(older));
        QVERIFY(cache.contains(old) && cache.contains(used));
        QCOMPARE(cache.evictToLimit(one), 1);
        QVERIFY(!cache.contains(old));
        QVERIFY(cache.contains(used));
        QCOMPARE(cache.sizeBytes(), one);

        cache.clear();
        QCOMPARE(cache.sizeBytes(), int64_t(0));
        QVERIFY(!cache.contains(used));
    }
};

QTEST_GUILESS_MAIN(TestStemCache)
#include "tst_stem_cache.moc"
