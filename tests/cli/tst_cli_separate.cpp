// stemcrate-cli separate, end to end: whole-track parity with torchaudio (--segment 0), output layout and
// length, formats, exit codes and error lines, usage errors, and the missing-model message. The first song
// decodes while the model loads: its output, its decode error and the load's error read as before.

#include "CliProcess.h"
#include "PythonReference.h"

#include "audio/AudioFileWriter.h"
#include "audio/Decoder.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace stemcrate;

namespace {

using CliRun = stemcrate::test::ProcessRun;

CliRun runCli(const QStringList& args,
              const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment())
{
    return stemcrate::test::runProcess(QStringLiteral(STEMCRATE_CLI), args, env);
}

// 16-bit PCM so the reference script (Python's wave module) reads exactly the same samples.
bool writeTestWav(const QString& path, int channels, int64_t frames)
{
    AudioBuffer mix(channels, frames);
    for (int c = 0; c < channels; ++c)
        for (int64_t t = 0; t < frames; ++t)
            mix.channel(c)[t] =
                static_cast<float>(0.25 * std::sin(2 * M_PI * (220.0 + 110 * c) * t / 44100.0) +
                                   0.1 * std::sin(2 * M_PI * 3.3 * t / 44100.0 * t / 44100.0));
    return audio::writeAudioFile(path.toStdString(), mix, audio::FileFormat::Wav, audio::SampleFormat::Int16)
        .ok();
}

} // namespace

class TestCliSeparate : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_checkpoint;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_checkpoint = test::makeCheckpoint(m_dir.filePath(QStringLiteral("ckpt.pt")));
        QVERIFY(!m_checkpoint.isEmpty());
    }

    void wholeTrackMatchesTorchaudio()
    {
        const QString input = m_dir.filePath(QStringLiteral("parity song.wav"));
        const int64_t frames = 2 * 44100 + 1234;
        QVERIFY(writeTestWav(input, 2, frames));
        const QString outDir = m_dir.filePath(QStringLiteral("out-parity"));
        const CliRun run =
            runCli({QStringLiteral("separate"), QStringLiteral("--model"), m_checkpoint,
                    QStringLiteral("--segment"), QStringLiteral("0"), QStringLiteral("--threads"),
                    QStringLiteral("2"), QStringLiteral("-o"), outDir, input});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));

        const QString reference = m_dir.filePath(QStringLiteral("reference.f32"));
        QString log;
        QVERIFY2(test::runReference({QStringLiteral("separate"), QStringLiteral("--checkpoint"), m_checkpoint,
                                     QStringLiteral("--wav"), input, QStringLiteral("--out"), reference},
                                    &log),
                 qPrintable(log));
        const std::vector<float> expected = test::readFloats(reference); // [4, 2, frames]
        QCOMPARE(expected.size(), size_t(4 * 2 * frames));

        const char* names[] = {"drums", "bass", "other", "vocals"};
        for (int s = 0; s < 4; ++s) {
            const QString stem =
                outDir + QStringLiteral("/parity song/") + QLatin1String(names[s]) + QStringLiteral(".wav");
            Result<audio::Track> track = audio::decodeFile(stem.toStdString());
            QVERIFY2(track.ok(), track.ok() ? "" : track.error().c_str());
            QCOMPARE(track->audio.frames, frames);
            QCOMPARE(track->info.codec, std::string("pcm_f32le"));
            const double error = test::relativeL2(
                track->audio.samples.data(), expected.data() + size_t(s) * 2 * frames, size_t(2 * frames));
            qInfo("%s: relative L2 %.3g", names[s], error);
            QVERIFY2(error <= 1e-4, qPrintable(QString::number(error)));
        }
    }

    void failedInputDoesNotStopOthers()
    {
        const QString good = m_dir.filePath(QStringLiteral("good.wav"));
        QVERIFY(writeTestWav(good, 1, 44100 / 2)); // mono, half a second
        const QString bad = m_dir.filePath(QStringLiteral("notes.mp3"));
        QFile text(bad);
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("this is a text file, not an mp3\n");
        text.close();
        const QString outDir = m_dir.filePath(QStringLiteral("out-mixed"));
        const CliRun run = runCli(
            {QStringLiteral("separate"), QStringLiteral("--model"), m_checkpoint, QStringLiteral("--segment"),
             QStringLiteral("1"), QStringLiteral("--format"), QStringLiteral("flac"),
             QStringLiteral("--bit-depth"), QStringLiteral("16"), QStringLiteral("-o"), outDir, bad, good});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("error: ") + bad + QStringLiteral(": ")),
                 qPrintable(run.err));
        QVERIFY(!QDir(outDir + QStringLiteral("/notes")).exists());
        for (const char* name : {"drums", "bass", "other", "vocals"}) {
            const QString stem =
                outDir + QStringLiteral("/good/") + QLatin1String(name) + QStringLiteral(".flac");
            Result<audio::Track> track = audio::decodeFile(stem.toStdString());
            QVERIFY2(track.ok(), qPrintable(stem));
            QCOMPARE(track->audio.frames, int64_t(44100 / 2));
            QCOMPARE(track->info.codec, std::string("flac"));
        }
    }

    void secondRunReusesTheCache()
    {
        const QString input = m_dir.filePath(QStringLiteral("cached.wav"));
        QVERIFY(writeTestWav(input, 2, 44100));
        const QString cache = m_dir.filePath(QStringLiteral("stem-cache"));
        const auto run = [&](const QString& outDir, const QStringList& cacheArgs) {
            return runCli(QStringList{QStringLiteral("separate"), QStringLiteral("--model"), m_checkpoint,
                                      QStringLiteral("--segment"), QStringLiteral("1"), QStringLiteral("-o"),
                                      outDir}
                          << cacheArgs << input);
        };
        const CliRun first =
            run(m_dir.filePath(QStringLiteral("out-c1")), {QStringLiteral("--cache"), cache});
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        QVERIFY(!first.err.contains(QStringLiteral("from the cache")));
        QCOMPARE(QDir(cache).entryList({QStringLiteral("*.stems")}, QDir::Files).size(), 1);

        const CliRun second =
            run(m_dir.filePath(QStringLiteral("out-c2")), {QStringLiteral("--cache"), cache});
        QVERIFY2(second.exitCode == 0, qPrintable(second.err));
        QVERIFY2(second.err.contains(input + QStringLiteral(": stems from the cache")),
                 qPrintable(second.err));
        for (const char* name : {"drums", "vocals"}) {
            const QString file = QStringLiteral("/cached/") + QLatin1String(name) + QStringLiteral(".wav");
            QFile a(m_dir.filePath(QStringLiteral("out-c1")) + file),
                b(m_dir.filePath(QStringLiteral("out-c2")) + file);
            QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
            QVERIFY(a.readAll() == b.readAll());
        }

        // Without --cache nothing is looked up or stored.
        const CliRun third = run(m_dir.filePath(QStringLiteral("out-c3")), {});
        QVERIFY2(third.exitCode == 0, qPrintable(third.err));
        QVERIFY(!third.err.contains(QStringLiteral("from the cache")));
        QCOMPARE(QDir(cache).entryList({QStringLiteral("*.stems")}, QDir::Files).size(), 1);
    }

    void usageErrorsExitTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        const QString in = QStringLiteral("x.wav");
        QTest::newRow("no command") << QStringList{};
        QTest::newRow("unknown command") << QStringList{QStringLiteral("explode")};
        QTest::newRow("no output") << QStringList{QStringLiteral("separate"), in};
        QTest::newRow("no input") << QStringList{QStringLiteral("separate"), QStringLiteral("-o"),
                                                 QStringLiteral("d")};
        QTest::newRow("unknown option") << QStringList{QStringLiteral("separate"), QStringLiteral("--bogus"),
                                                       QStringLiteral("-o"), QStringLiteral("d"), in};
        QTest::newRow("bad bit depth")
            << QStringList{QStringLiteral("separate"), QStringLiteral("--bit-depth"), QStringLiteral("12"),
                           QStringLiteral("-o"),       QStringLiteral("d"),           in};
        QTest::newRow("flac float") << QStringList{QStringLiteral("separate"), QStringLiteral("--format"),
                                                   QStringLiteral("flac"),     QStringLiteral("--bit-depth"),
                                                   QStringLiteral("32f"),      QStringLiteral("-o"),
                                                   QStringLiteral("d"),        in};
        QTest::newRow("bad overlap") << QStringList{QStringLiteral("separate"), QStringLiteral("--overlap"),
                                                    QStringLiteral("0.9"),      QStringLiteral("-o"),
                                                    QStringLiteral("d"),        in};
        QTest::newRow("bad batch") << QStringList{QStringLiteral("separate"), QStringLiteral("--batch"),
                                                  QStringLiteral("0"),        QStringLiteral("-o"),
                                                  QStringLiteral("d"),        in};
        QTest::newRow("bad device") << QStringList{QStringLiteral("separate"), QStringLiteral("--device"),
                                                   QStringLiteral("tpu"),      QStringLiteral("-o"),
                                                   QStringLiteral("d"),        in};
    }

    void usageErrorsExitTwo()
    {
        QFETCH(QStringList, args);
        const CliRun run = runCli(args);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(QStringLiteral("usage")));
    }

    void missingModelSaysWhereToPutIt()
    {
        QTemporaryDir cache;
        QVERIFY(cache.isValid());
        const QString input = m_dir.filePath(QStringLiteral("tiny.wav"));
        QVERIFY(writeTestWav(input, 2, 1000));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CACHE_HOME"), cache.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), cache.path());
        // A closed port on loopback: the download fails at once.
        env.insert(QStringLiteral("STEMCRATE_MODEL_URL"),
                   QStringLiteral("http://127.0.0.1:9/hdemucs_high_trained.pt"));
        const CliRun run = runCli(
            {QStringLiteral("separate"), QStringLiteral("-o"), m_dir.filePath(QStringLiteral("o")), input},
            env);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(cache.path() + QStringLiteral("/stemcrate/models/hdemucs_high_trained.pt")),
                 qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("error: ") + input), qPrintable(run.err));
    }

    void brokenModelIsAnError()
    {
        const QString model = m_dir.filePath(QStringLiteral("broken.pt"));
        QFile f(model);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("PK\x03\x04 not really a zip");
        f.close();
        const QString input = m_dir.filePath(QStringLiteral("tiny2.wav"));
        QVERIFY(writeTestWav(input, 2, 1000));
        const CliRun run = runCli({QStringLiteral("separate"), QStringLiteral("--model"), model,
                                   QStringLiteral("-o"), m_dir.filePath(QStringLiteral("o2")), input});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("error: ") + model + QStringLiteral(": ")),
                 qPrintable(run.err));
    }

    // The model fails to load while the first song (here one that does not decode) is decoded ahead: the
    // error names the checkpoint and its reason, each song is reported once as not separated, and the
    // song's own decode error is not (it was never separated).
    void loadFailureWhileTheFirstSongDecodes()
    {
        const QString model = m_dir.filePath(QStringLiteral("truncated.pt"));
        QFile f(model);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("PK\x03\x04");
        f.close();
        const QString missing = m_dir.filePath(QStringLiteral("no-such-song.wav"));
        const QString good = m_dir.filePath(QStringLiteral("tiny3.wav"));
        QVERIFY(writeTestWav(good, 2, 1000));
        const QString outDir = m_dir.filePath(QStringLiteral("o3"));
        const CliRun run = runCli({QStringLiteral("separate"), QStringLiteral("--model"), model,
                                   QStringLiteral("-o"), outDir, missing, good});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("error: ") + model + QStringLiteral(": ")), qPrintable(run.err));
        for (const QString& input : {missing, good}) {
            QCOMPARE(run.err.count(QStringLiteral("error: ") + input + QStringLiteral(": ")), 1);
            QVERIFY2(run.err.contains(QStringLiteral("error: ") + input +
                                      QStringLiteral(": not separated: the model could not be loaded")),
                     qPrintable(run.err));
        }
        QVERIFY(!QDir(outDir).exists());
    }

    // A list run whose first song is complete already: the song decoded ahead is the next one, and the
    // output is that of a run without it (the complete song skipped, the other separated in full).
    void listRunDecodesAheadTheFirstSongToDo()
    {
        const QString a = m_dir.filePath(QStringLiteral("list-a.wav"));
        const QString b = m_dir.filePath(QStringLiteral("list-b.wav"));
        QVERIFY(writeTestWav(a, 2, 44100 / 4));
        QVERIFY(writeTestWav(b, 1, 44100 / 3));
        const QString list = m_dir.filePath(QStringLiteral("songs.txt"));
        QFile listFile(list);
        QVERIFY(listFile.open(QIODevice::WriteOnly));
        listFile.write((a + QStringLiteral("\n") + b + QStringLiteral("\n")).toUtf8());
        listFile.close();
        const QString outDir = m_dir.filePath(QStringLiteral("out-list"));
        const QStringList args{QStringLiteral("separate"), QStringLiteral("--model"), m_checkpoint,
                               QStringLiteral("--segment"), QStringLiteral("1"), QStringLiteral("--from-list"),
                               list, QStringLiteral("-o"), outDir};
        const CliRun first = runCli(args);
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        QVERIFY(QDir(outDir + QStringLiteral("/list-b")).removeRecursively());
        QFile a0(outDir + QStringLiteral("/list-a/drums.wav"));
        QVERIFY(a0.open(QIODevice::ReadOnly));
        const QByteArray aDrums = a0.readAll();
        a0.close();

        const CliRun second = runCli(args);
        QVERIFY2(second.exitCode == 0, qPrintable(second.err));
        QVERIFY2(second.out.contains(outDir + QStringLiteral("/list-a")) &&
                     second.out.contains(outDir + QStringLiteral("/list-b")),
                 qPrintable(second.out));
        QFile a1(outDir + QStringLiteral("/list-a/drums.wav"));
        QVERIFY(a1.open(QIODevice::ReadOnly));
        QVERIFY(a1.readAll() == aDrums); // skipped, untouched
        for (const char* name : {"drums", "bass", "other", "vocals"}) {
            const QString stem = outDir + QStringLiteral("/list-b/") + QLatin1String(name) + QStringLiteral(".wav");
            Result<audio::Track> track = audio::decodeFile(stem.toStdString());
            QVERIFY2(track.ok(), qPrintable(stem));
            QCOMPARE(track->audio.frames, int64_t(44100 / 3));
        }
        QFile manifest(outDir + QStringLiteral("/manifest.jsonl"));
        QVERIFY(manifest.open(QIODevice::ReadOnly));
        const QString lines = QString::fromUtf8(manifest.readAll());
        QCOMPARE(lines.count(QStringLiteral("\"status\":\"skipped\"")), 1);
        QCOMPARE(lines.count(QStringLiteral("\"status\":\"done\"")), 3);
    }
};

QTEST_GUILESS_MAIN(TestCliSeparate)
#include "tst_cli_separate.moc"
