// core's stem cache (moved from ui/ so the CLI shares it): the key is plain SHA-1 of shape, samples and model
// identity (so caches written by earlier versions still hit), files round-trip, refuse another length or a
// truncated file, appear atomically (a cancelled write and a process killed mid-write leave nothing under
// the final name), and eviction goes least recently used first and sweeps a killed write's stale temporary.
// The source index: a record written on store says the song file is likely cached while its size and
// modification time match and its key is cached (not for another model, a changed file, evicted or cleared
// stems, nor from a damaged record); records appear atomically, an unchanged one is not rewritten, and
// eviction deletes the records of what it evicted.

#include "separation/StemCache.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

#include "StereoSine.h"

#include <csignal>
#include <sys/stat.h>
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

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), qint64(bytes.size()));
}

ino_t inodeOf(const QString& path)
{
    struct stat info = {};
    return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? info.st_ino : 0;
}

// Every file under the source index's folder, temporaries included.
QStringList sourceEntries(const StemCache& cache)
{
    return entries(QString::fromStdString(cache.folder()) + QStringLiteral("/sources"));
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

    void sourceIndexSaysWhatIsLikelyCached()
    {
        namespace fs = std::filesystem;
        QTemporaryDir dir;
        const StemCache cache(dir.filePath(QStringLiteral("cache")).toStdString());
        const QString song = dir.filePath(QStringLiteral("song.wav"));
        writeFile(song, QByteArray(1000, 'a'));
        const std::string model = "/models/m.pt|7|1000";
        const std::string key(40, 'a');

        // Nothing recorded yet; an unreadable file or no model is never likely cached.
        QVERIFY(!cache.likelyCached(song.toStdString(), model));
        QVERIFY(!cache.likelyCached(dir.filePath(QStringLiteral("missing.wav")).toStdString(), model));
        const SourceFingerprint source = StemCache::sourceFingerprint(song.toStdString());
        QVERIFY(source.valid());
        QCOMPARE(QString::fromStdString(source.path), QFileInfo(song).canonicalFilePath());
        QCOMPARE(source.bytes, int64_t(1000));

        QVERIFY(cache.store(key, twoStems(500)).ok());
        const Result<void> remembered = cache.rememberSource({source, model, key});
        QVERIFY2(remembered.ok(), remembered.ok() ? "" : remembered.error().c_str());
        // One record, written atomically: no temporary left beside it.
        const QStringList records = sourceEntries(cache);
        QCOMPARE(records.size(), 1);
        QVERIFY2(records.first().endsWith(QStringLiteral(".source")), qPrintable(records.first()));
        const QString record = QString::fromStdString(cache.folder()) + "/sources/" + records.first();

        QVERIFY(cache.likelyCached(song.toStdString(), model));
        // The same file by another spelling of its path (relative, through a link).
        QVERIFY(cache.likelyCached((dir.path() + QStringLiteral("/./song.wav")).toStdString(), model));
        QVERIFY(QFile::link(song, dir.filePath(QStringLiteral("link.wav"))));
        QVERIFY(cache.likelyCached(dir.filePath(QStringLiteral("link.wav")).toStdString(), model));
        QVERIFY(!cache.likelyCached(song.toStdString(), "/models/other.pt|7|1000"));
        QVERIFY(!cache.likelyCached(song.toStdString(), ""));

        // The file changes: its modification time (by a nanosecond), then its size.
        const fs::file_time_type modified = fs::last_write_time(song.toStdString());
        fs::last_write_time(song.toStdString(), modified + std::chrono::nanoseconds(1));
        QVERIFY(!cache.likelyCached(song.toStdString(), model));
        fs::last_write_time(song.toStdString(), modified);
        QVERIFY(cache.likelyCached(song.toStdString(), model));
        writeFile(song, QByteArray(1001, 'a'));
        fs::last_write_time(song.toStdString(), modified);
        QVERIFY(!cache.likelyCached(song.toStdString(), model));

        // Remembered again (the changed file stored anew): its record is replaced, not added to, by a new
        // file renamed over it (another inode), never rewritten in place.
        const SourceFingerprint changed = StemCache::sourceFingerprint(song.toStdString());
        const ino_t before = inodeOf(record);
        QVERIFY(cache.rememberSource({changed, model, key}).ok());
        QCOMPARE(sourceEntries(cache), records);
        QVERIFY(inodeOf(record) != before);
        QVERIFY(cache.likelyCached(song.toStdString(), model));

        // An unchanged record is not rewritten (a cache hit costs no write).
        age(record.toStdString(), std::chrono::hours(5));
        const QDateTime aged = QFileInfo(record).lastModified();
        QVERIFY(cache.rememberSource({changed, model, key}).ok());
        QCOMPARE(QFileInfo(record).lastModified(), aged);

        // The stems are deleted: not cached any more, whatever the record says.
        QVERIFY(QFile::remove(QString::fromStdString(cache.pathFor(key))));
        QVERIFY(!cache.likelyCached(song.toStdString(), model));
        QVERIFY(cache.store(key, twoStems(500)).ok());
        QVERIFY(cache.likelyCached(song.toStdString(), model));

        // Another model's record of the same file beside it; clear() deletes both.
        QVERIFY(cache.rememberSource({changed, "/models/other.pt|7|1000", key}).ok());
        QCOMPARE(sourceEntries(cache).size(), 2);
        QVERIFY(cache.likelyCached(song.toStdString(), "/models/other.pt|7|1000"));
        cache.clear();
        QVERIFY(!cache.likelyCached(song.toStdString(), model));
        QCOMPARE(sourceEntries(cache), QStringList{});
    }

    void evictionDeletesTheRecordsOfWhatItEvicted()
    {
        QTemporaryDir dir;
        const StemCache cache(dir.filePath(QStringLiteral("cache")).toStdString());
        const std::string model = "model|1|2";
        const std::string oldKey(40, 'b'), newKey(40, 'c');
        const QString oldSong = dir.filePath(QStringLiteral("old.wav"));
        const QString newSong = dir.filePath(QStringLiteral("new.wav"));
        writeFile(oldSong, "old");
        writeFile(newSong, "new");
        for (const auto& [key, song] : {std::pair(oldKey, oldSong), std::pair(newKey, newSong)}) {
            QVERIFY(cache.store(key, twoStems(5000)).ok());
            QVERIFY(
                cache.rememberSource({StemCache::sourceFingerprint(song.toStdString()), model, key}).ok());
        }
        age(cache.pathFor(oldKey), std::chrono::hours(24));
        QVERIFY(cache.likelyCached(oldSong.toStdString(), model));
        QCOMPARE(sourceEntries(cache).size(), 2);

        // Nothing evicted: the records stay.
        QCOMPARE(cache.evictToLimit(0), 0);
        QCOMPARE(sourceEntries(cache).size(), 2);
        const int64_t one = int64_t(QFileInfo(QString::fromStdString(cache.pathFor(newKey))).size());
        QCOMPARE(cache.evictToLimit(one), 1);
        QVERIFY(!cache.likelyCached(oldSong.toStdString(), model));
        QVERIFY(cache.likelyCached(newSong.toStdString(), model));
        QCOMPARE(sourceEntries(cache).size(), 1); // the evicted song's record went with its stems

        // A killed write's temporary in the index: kept while it may be live, then swept.
        const QString temporary = QString::fromStdString(cache.folder()) + "/sources/x.source.part-abcdef";
        writeFile(temporary, "half");
        cache.evictToLimit(0);
        QVERIFY(QFile::exists(temporary));
        age(temporary.toStdString(), std::chrono::hours(2));
        cache.evictToLimit(0);
        QVERIFY(!QFile::exists(temporary));
        QVERIFY(cache.likelyCached(newSong.toStdString(), model));
    }

    void aDamagedRecordIsNoHint()
    {
        QTemporaryDir dir;
        const StemCache cache(dir.filePath(QStringLiteral("cache")).toStdString());
        const QString song = dir.filePath(QStringLiteral("song.wav"));
        writeFile(song, "audio");
        const std::string model = "model|1|2";
        const std::string key(40, 'd');
        QVERIFY(cache.store(key, twoStems(500)).ok());
        QVERIFY(cache.rememberSource({StemCache::sourceFingerprint(song.toStdString()), model, key}).ok());
        QVERIFY(cache.likelyCached(song.toStdString(), model));
        const QString record =
            QString::fromStdString(cache.folder()) + "/sources/" + sourceEntries(cache).value(0);
        QFile file(record);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray good = file.readAll();
        file.close();
        QVERIFY(good.startsWith("STEMSRC1"));

        // Truncated anywhere, garbage, trailing bytes, empty, huge, or a key that leaves the folder: no hint.
        for (qsizetype length = 0; length < good.size(); ++length) {
            writeFile(record, good.left(length));
            QVERIFY2(!cache.likelyCached(song.toStdString(), model), qPrintable(QString::number(length)));
        }
        writeFile(record, good + "x");
        QVERIFY(!cache.likelyCached(song.toStdString(), model));
        writeFile(record, QByteArray(good.size(), '\xff'));
        QVERIFY(!cache.likelyCached(song.toStdString(), model));
        QByteArray huge = good;
        huge[8] = '\xff'; // the path's length
        huge[9] = '\xff';
        huge[10] = '\xff';
        huge[11] = '\x7f';
        writeFile(record, huge);
        QVERIFY(!cache.likelyCached(song.toStdString(), model));
        QVERIFY(QFile::remove(record));
        QVERIFY(QDir().mkpath(record)); // a folder under the record's name
        QVERIFY(!cache.likelyCached(song.toStdString(), model));
        QVERIFY(QDir().rmdir(record));
        // The record ends with the key (u32 length, 40 bytes): one that names the same stems by a way out of
        // the folder and back.
        const QByteArray outside = QByteArray("../cache/") + QByteArray::fromStdString(key);
        QByteArray length(4, '\0');
        length[0] = char(outside.size());
        writeFile(record, good.left(good.size() - 44) + length + outside);
        QVERIFY(!cache.likelyCached(song.toStdString(), model));
        // Nor is such a key ever recorded.
        QVERIFY(QFile::remove(record));
        QVERIFY(cache.rememberSource({StemCache::sourceFingerprint(song.toStdString()), model, "../x"}).ok());
        QCOMPARE(sourceEntries(cache), QStringList{});

        // The good record again: a hint once more. Eviction deletes a damaged record.
        writeFile(record, good);
        QVERIFY(cache.likelyCached(song.toStdString(), model));
        writeFile(record, "garbage");
        QVERIFY(cache.store(std::string(40, 'e'), twoStems(500)).ok());
        age(cache.pathFor(std::string(40, 'e')), std::chrono::hours(1));
        QCOMPARE(cache.evictToLimit(int64_t(QFileInfo(QString::fromStdString(cache.pathFor(key))).size())),
                 1);
        QCOMPARE(sourceEntries(cache), QStringList{});
    }
};

QTEST_GUILESS_MAIN(TestStemCache)
#include "tst_stem_cache.moc"
