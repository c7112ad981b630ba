// The bookkeeping of a batch over many processes: shards partition a list by a stable hash, folder names
// agree across shards, completion records prove complete stems and catch every kind of damage, stale
// temporaries go, and manifest lines from concurrent processes never interleave.

#include "batch/CompletionRecord.h"
#include "batch/ManifestLog.h"
#include "batch/SongList.h"

#include <QtTest>

#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

using namespace stemcrate;
using namespace stemcrate::batch;
namespace fs = std::filesystem;

namespace {

void writeFile(const fs::path& path, const std::string& bytes)
{
    std::ofstream(path, std::ios::binary) << bytes;
}

} // namespace

class TestBatchRecords : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    fs::path dir() const { return fs::path(m_dir.path().toStdString()); }

private slots:
    void shardsPartitionTheListStably()
    {
        // FNV-1a 64 test vectors: the assignment must not change between builds or machines.
        QCOMPARE(stablePathHash(""), uint64_t(0xcbf29ce484222325ull));
        QCOMPARE(stablePathHash("a"), uint64_t(0xaf63dc4c8601ec8cull));
        QCOMPARE(stablePathHash("foobar"), uint64_t(0x85944171f73967e8ull));
        std::vector<int> perShard(7, 0);
        for (int i = 0; i < 700; ++i) {
            const std::string path = "/music/album " + std::to_string(i) + "/track.flac";
            int owners = 0;
            for (int s = 0; s < 7; ++s)
                if (inShard(path, Shard{s, 7})) {
                    ++owners;
                    ++perShard[static_cast<size_t>(s)];
                }
            QCOMPARE(owners, 1);
        }
        for (int n : perShard)
            QVERIFY2(n > 60 && n < 140, qPrintable(QString::number(n))); // roughly even
        QVERIFY(parseShard("0/1").has_value());
        QCOMPARE(parseShard("3/4")->index, 3);
        for (const char* bad : {"4/4", "-1/4", "1/0", "1", "a/b", "1/4x", "/4", "1/"})
            QVERIFY2(!parseShard(bad).has_value(), bad);
    }

    void listAndFolderNames()
    {
        const fs::path list = dir() / "songs.txt";
        writeFile(list, "# my songs\n/a/song.flac\n\n  /b/song.mp3  \r\n/c/other.wav\n/d/song-2.wav\n");
        Result<std::vector<std::string>> songs = readSongList(list.string());
        QVERIFY(songs.ok());
        QCOMPARE(songs->size(), size_t(4));
        QCOMPARE(songs->at(1), std::string("/b/song.mp3"));
        const std::vector<std::string> names = stemFolderNames(songs.value());
        QCOMPARE(names, (std::vector<std::string>{"song", "song-2", "other", "song-2-2"}));
        Result<std::vector<std::string>> missing = readSongList((dir() / "none.txt").string());
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().find("none.txt") != std::string::npos);
    }

    void completionRecordCatchesDamage()
    {
        const fs::path song = dir() / "song";
        fs::create_directories(song);
        writeFile(song / "drums.wav", std::string(1000, 'd'));
        writeFile(song / "bass.wav", std::string(2000, 'b'));
        const std::vector<std::string> files{"drums.wav", "bass.wav"};
        QVERIFY(!verifiedCompletion(song.string(), files).ok()); // no record yet

        CompletionRecord record;
        record.input = "/music/song.flac";
        record.device = "cpu";
        record.seconds = 1.5;
        for (const std::string& f : files) {
            Result<OutputFile> o = describeOutput(song.string(), f);
            QVERIFY(o.ok());
            record.outputs.push_back(o.value());
        }
        QCOMPARE(record.outputs[1].bytes, uint64_t(2000));
        QVERIFY(writeCompletionRecord(song.string(), record).ok());
        Result<CompletionRecord> verified = verifiedCompletion(song.string(), files);
        QVERIFY2(verified.ok(), verified.ok() ? "" : verified.error().c_str());
        QCOMPARE(verified->input, record.input);
        QCOMPARE(verified->outputs[0].xxh3, record.outputs[0].xxh3);

        // Another format is not this run's output.
        QVERIFY(!verifiedCompletion(song.string(), {"drums.flac", "bass.flac"}).ok());
        // Same size, other bytes.
        writeFile(song / "bass.wav", std::string(1999, 'b') + "x");
        QVERIFY(!verifiedCompletion(song.string(), files).ok());
        writeFile(song / "bass.wav", std::string(2000, 'b'));
        QVERIFY(verifiedCompletion(song.string(), files).ok());
        // Truncated, then missing.
        writeFile(song / "drums.wav", std::string(10, 'd'));
        QVERIFY(!verifiedCompletion(song.string(), files).ok());
        fs::remove(song / "drums.wav");
        QVERIFY(!verifiedCompletion(song.string(), files).ok());
        // A damaged record is "not complete", not a crash.
        writeFile(song / kCompletionRecordName, "{\"input\": \"x\", \"outputs\": [{\"file\": 3}]");
        QVERIFY(!readCompletionRecord(song.string()).ok());
        writeFile(song / kCompletionRecordName, "");
        QVERIFY(!readCompletionRecord(song.string()).ok());
    }

    void staleTemporariesAreRemoved()
    {
        const fs::path song = dir() / "killed";
        fs::create_directories(song);
        writeFile(song / "vocals.wav.part-Ab12Cd", "half");
        writeFile(song / ".stemcrate-complete.json.part-XyZ123", "{");
        writeFile(song / "drums.wav", "whole");
        QCOMPARE(removeStaleTemporaries(song.string()), 2);
        QVERIFY(fs::exists(song / "drums.wav"));
        QVERIFY(!fs::exists(song / "vocals.wav.part-Ab12Cd"));
    }

    void manifestLinesFromManyProcessesStayWhole()
    {
        const std::string manifest = (dir() / "manifest.jsonl").string();
        const int processes = 6, lines = 40;
        std::vector<pid_t> children;
        for (int p = 0; p < processes; ++p) {
            const pid_t pid = fork();
            QVERIFY(pid >= 0);
            if (pid == 0) {
                for (int i = 0; i < lines; ++i) {
                    ManifestEntry e;
                    e.input = "/music/p" + std::to_string(p) + "/" + std::to_string(i) + std::string(300, 'x');
                    e.status = i % 2 ? "done" : "skipped";
                    e.outputs.push_back({"drums.wav", 123, 0xabcdefull});
                    if (!appendManifestLine(manifest, e).ok())
                        _exit(1);
                }
                _exit(0);
            }
            children.push_back(pid);
        }
        for (pid_t pid : children) {
            int status = 0;
            QCOMPARE(waitpid(pid, &status, 0), pid);
            QVERIFY(WIFEXITED(status) && WEXITSTATUS(status) == 0);
        }
        std::ifstream in(manifest);
        std::string line;
        int count = 0;
        while (std::getline(in, line)) {
            ++count;
            QVERIFY2(line.front() == '{' && line.back() == '}', line.c_str());
        }
        QCOMPARE(count, processes * lines);
        // A torn last line (a machine that died mid-write) is ignored; "skipped" lines are not "done".
        std::ofstream(manifest, std::ios::app) << "{\"input\": \"/music/torn\", \"status\": \"do";
        Result<std::set<std::string>> done = inputsDoneInManifest(manifest);
        QVERIFY(done.ok());
        QCOMPARE(done->size(), size_t(processes * lines / 2));
        QVERIFY(!done->count("/music/torn"));
        QVERIFY(inputsDoneInManifest((dir() / "absent.jsonl").string())->empty());
    }
};

QTEST_GUILESS_MAIN(TestBatchRecords)
#include "tst_batch_records.moc"
