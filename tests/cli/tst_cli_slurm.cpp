// stemcrate-cli separate --from-list --shard on a real Slurm cluster (tests/slurm/slurm_cluster.sh, a ctest
// fixture): packaging/slurm/stemcrate-array.sbatch runs a 4-task array over 8 short songs with a random-weights
// model; one task is killed (SIGKILL) in the middle of a song, the array is submitted again, and then every
// song must be complete exactly once: its four stems decode to the input's length, its completion record
// lists them with their sizes, no temporary is left, and the manifest holds exactly one "done" line per song
// whose outputs agree with the record, plus "skipped" lines for the songs the second array found complete.

#include "PythonReference.h"

#include "audio/AudioFileWriter.h"
#include "audio/Decoder.h"
#include "batch/SongList.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <cmath>
#include <map>

using namespace stemcrate;

namespace {

QString run(const QString& program, const QStringList& args, int* exitCode = nullptr)
{
    QProcess p;
    p.start(program, args);
    p.waitForFinished(60000);
    if (exitCode)
        *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError()).trimmed();
}

bool writeSong(const QString& path, int64_t frames, double pitch)
{
    AudioBuffer mix(2, frames);
    for (int c = 0; c < 2; ++c)
        for (int64_t t = 0; t < frames; ++t)
            mix.channel(c)[t] = static_cast<float>(0.3 * std::sin(2 * M_PI * (pitch + 3 * c) * t / 44100.0) +
                                                   0.05 * std::sin(2 * M_PI * 7.0 * t / 44100.0));
    return audio::writeAudioFile(path.toStdString(), mix, audio::FileFormat::Wav, audio::SampleFormat::Int16)
        .ok();
}

std::vector<QJsonObject> manifestLines(const QString& path)
{
    std::vector<QJsonObject> lines;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return lines;
    for (const QByteArray& line : f.readAll().split('\n'))
        if (!line.trimmed().isEmpty())
            lines.push_back(QJsonDocument::fromJson(line).object());
    return lines;
}

} // namespace

class TestCliSlurm : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_checkpoint, m_list, m_out;
    QStringList m_songs;
    const int64_t m_frames = 6 * 44100 + 777;

    QString sbatch(const QString& logName)
    {
        const QString exports =
            QStringLiteral("ALL,STEMCRATE_LIST=%1,STEMCRATE_OUT=%2,STEMCRATE_CLI=%3,STEMCRATE_MODEL=%4,"
                           "STEMCRATE_THREADS=1")
                .arg(m_list, m_out, QStringLiteral(STEMCRATE_CLI), m_checkpoint);
        int code = -1;
        const QString out = run(QStringLiteral("sbatch"),
                                {QStringLiteral("--parsable"), QStringLiteral("--array=0-3"),
                                 QStringLiteral("--cpus-per-task=1"), QStringLiteral("--requeue"),
                                 QStringLiteral("--output=") + m_dir.filePath(logName + QStringLiteral("-%a.log")),
                                 QStringLiteral("--export=") + exports, QStringLiteral(STEMCRATE_SBATCH)},
                                &code);
        return code == 0 ? out.section(QLatin1Char(';'), 0, 0) : QString();
    }

    bool waitForJob(const QString& job, int timeoutMs)
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < timeoutMs) {
            if (run(QStringLiteral("squeue"), {QStringLiteral("-h"), QStringLiteral("-j"), job}).isEmpty())
                return true;
            QThread::msleep(200);
        }
        return false;
    }

    bool complete(const QString& song) const
    {
        return QFile::exists(m_out + QLatin1Char('/') + QFileInfo(song).completeBaseName() +
                             QStringLiteral("/.stemcrate-complete.json"));
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariableIsSet("SLURM_CONF"), "run through ctest: the slurm fixture starts the cluster");
        QVERIFY(m_dir.isValid());
        m_checkpoint = test::makeCheckpoint(m_dir.filePath(QStringLiteral("ckpt.pt")), QStringLiteral("low"));
        QVERIFY(!m_checkpoint.isEmpty());
        m_out = m_dir.filePath(QStringLiteral("stems"));
        m_list = m_dir.filePath(QStringLiteral("songs.txt"));
        QFile list(m_list);
        QVERIFY(list.open(QIODevice::WriteOnly));
        list.write("# eight short songs\n");
        for (int i = 0; i < 8; ++i) {
            const QString song = m_dir.filePath(QStringLiteral("song %1.wav").arg(i));
            QVERIFY(writeSong(song, m_frames, 110.0 * (i + 1)));
            m_songs << song;
            list.write(song.toUtf8() + "\n");
        }
    }

    void killedTaskIsFinishedByResubmission()
    {
        // The task to kill: the shard with the most songs (the hash decides; at least two of eight in some
        // shard of four), so that it is killed after its first song, in the middle of another.
        std::map<int, QStringList> shardSongs;
        for (const QString& song : m_songs)
            for (int s = 0; s < 4; ++s)
                if (batch::inShard(song.toStdString(), batch::Shard{s, 4}))
                    shardSongs[s] << song;
        int victim = 0;
        for (const auto& [shard, songs] : shardSongs)
            if (songs.size() > shardSongs[victim].size())
                victim = shard;
        QVERIFY(shardSongs[victim].size() >= 2);

        const QString first = sbatch(QStringLiteral("first"));
        QVERIFY2(!first.isEmpty(), "sbatch failed");
        const QString manifest = m_out + QStringLiteral("/manifest.jsonl");
        QElapsedTimer timer;
        timer.start();
        bool killed = false;
        while (!killed && timer.elapsed() < 240000) {
            for (const QJsonObject& line : manifestLines(manifest))
                if (line[QStringLiteral("status")].toString() == QStringLiteral("done") &&
                    shardSongs[victim].contains(line[QStringLiteral("input")].toString())) {
                    run(QStringLiteral("scancel"), {QStringLiteral("--signal=KILL"), QStringLiteral("--full"),
                                                    first + QLatin1Char('_') + QString::number(victim)});
                    killed = true;
                    break;
                }
            QThread::msleep(50);
        }
        QVERIFY2(killed, "the task to kill never finished a song");
        QVERIFY2(waitForJob(first, 300000), "the first array did not end");
        QStringList incomplete;
        for (const QString& song : shardSongs[victim])
            if (!complete(song))
                incomplete << song;
        QVERIFY2(!incomplete.isEmpty(), "the task finished every song before it was killed");
        for (const auto& [shard, songs] : shardSongs)
            if (shard != victim)
                for (const QString& song : songs)
                    QVERIFY2(complete(song), qPrintable(song));

        const QString second = sbatch(QStringLiteral("second"));
        QVERIFY2(!second.isEmpty(), "sbatch failed");
        QVERIFY2(waitForJob(second, 300000), "the second array did not end");

        // No temporary left anywhere, every song complete.
        QDirIterator it(m_out, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QVERIFY2(!path.contains(QStringLiteral(".part-")), qPrintable(path));
        }
        std::map<QString, QJsonObject> records;
        for (const QString& song : m_songs) {
            const QString folder = m_out + QLatin1Char('/') + QFileInfo(song).completeBaseName();
            QFile recordFile(folder + QStringLiteral("/.stemcrate-complete.json"));
            QVERIFY2(recordFile.open(QIODevice::ReadOnly), qPrintable(song));
            const QJsonObject record = QJsonDocument::fromJson(recordFile.readAll()).object();
            QCOMPARE(record[QStringLiteral("input")].toString(), song);
            const QJsonArray outputs = record[QStringLiteral("outputs")].toArray();
            QCOMPARE(outputs.size(), 4);
            for (const QJsonValue& o : outputs) {
                const QString file = folder + QLatin1Char('/') + o[QStringLiteral("file")].toString();
                QCOMPARE(QFileInfo(file).size(), qint64(o[QStringLiteral("bytes")].toDouble()));
                Result<audio::Track> stem = audio::decodeFile(file.toStdString());
                QVERIFY2(stem.ok(), qPrintable(file));
                QCOMPARE(stem->audio.frames, m_frames);
            }
            QCOMPARE(QDir(folder).entryList(QDir::Files).size(), 4);
            records[song] = record;
        }

        // The manifest: one "done" line per song agreeing with its record; the rest "skipped".
        std::map<QString, int> done, skipped;
        for (const QJsonObject& line : manifestLines(manifest)) {
            const QString input = line[QStringLiteral("input")].toString();
            const QString status = line[QStringLiteral("status")].toString();
            QVERIFY2(records.count(input), qPrintable(input));
            QVERIFY2(status == QStringLiteral("done") || status == QStringLiteral("skipped"), qPrintable(status));
            QCOMPARE(line[QStringLiteral("outputs")].toArray(), records[input][QStringLiteral("outputs")].toArray());
            QCOMPARE(line[QStringLiteral("device")].toString(), QStringLiteral("cpu"));
            const batch::Shard shard = *batch::parseShard(line[QStringLiteral("shard")].toString().toStdString());
            QCOMPARE(shard.count, 4);
            QVERIFY(batch::inShard(input.toStdString(), shard));
            (status == QStringLiteral("done") ? done : skipped)[input]++;
        }
        for (const QString& song : m_songs) {
            QCOMPARE(done[song], 1);
            // Songs complete after the first array were skipped by the second; the killed one was not.
            QCOMPARE(skipped[song], incomplete.contains(song) ? 0 : 1);
        }
    }
};

QTEST_GUILESS_MAIN(TestCliSlurm)
#include "tst_cli_slurm.moc"
