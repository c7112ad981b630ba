// stemcrate-cli separate's output choices, end to end on a random-weights checkpoint: --stems writes only
// those stems, --mix writes sums of chosen stems (instrumental = drums + bass + other, acapella = vocals,
// NAME=a+b), --format stem.mp4 writes one NI Stems file (five ALAC/AAC streams, the mix default, the
// manifest in moov/udta/stem), and bad choices are usage errors.

#include "CliProcess.h"
#include "PythonReference.h"

#include "audio/AudioFileWriter.h"
#include "audio/Decoder.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace stemcrate;

namespace {

using CliRun = stemcrate::test::ProcessRun;

CliRun runProgram(const QString& program, const QStringList& args)
{
    return stemcrate::test::runProcess(program, args);
}

AudioBuffer decoded(const QString& path)
{
    Result<audio::Track> track = audio::decodeFile(path.toStdString());
    if (!track) {
        qWarning("%s", track.error().c_str());
        return {};
    }
    return std::move(track->audio);
}

double largestDifference(const AudioBuffer& a, const AudioBuffer& b)
{
    if (a.samples.size() != b.samples.size())
        return INFINITY;
    double worst = 0;
    for (size_t i = 0; i < a.samples.size(); ++i)
        worst = std::max(worst, double(std::abs(a.samples[i] - b.samples[i])));
    return worst;
}

} // namespace

class TestCliSeparateOutputs : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_checkpoint;
    QString m_input;
    AudioBuffer m_song;

    CliRun separate(const QStringList& extra, const QString& outDir)
    {
        return runProgram(QStringLiteral(STEMCRATE_CLI), QStringList{"separate", "--model", m_checkpoint,
                                                                     "--segment", "1", "--threads", "2"} +
                                                             extra + QStringList{"-o", outDir, m_input});
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_checkpoint = test::makeCheckpoint(m_dir.filePath("ckpt.pt"));
        QVERIFY(!m_checkpoint.isEmpty());
        m_input = m_dir.filePath("song.wav");
        m_song = AudioBuffer(2, 44100 + 321);
        for (int c = 0; c < 2; ++c)
            for (int64_t t = 0; t < m_song.frames; ++t)
                m_song.channel(c)[t] =
                    float(0.25 * std::sin(2 * M_PI * (220.0 + 110 * c) * double(t) / 44100.0));
        QVERIFY(audio::writeAudioFile(m_input.toStdString(), m_song, audio::FileFormat::Wav,
                                      audio::SampleFormat::Float32)
                    .ok());
    }

    void stemsAndMixes()
    {
        const QString all = m_dir.filePath("all");
        CliRun run = separate({"--mix", "instrumental,acapella,groove=drums+bass"}, all);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(QDir(all + "/song").entryList(QDir::Files, QDir::Name),
                 (QStringList{"acapella.wav", "groove.wav", "instrumental.wav"})); // only the mixes

        const QString chosen = m_dir.filePath("chosen");
        run = separate({"--stems", "vocals, drums,bass,other"}, chosen); // any order, spaces allowed
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.out.trimmed(), chosen + "/song");
        const AudioBuffer drums = decoded(chosen + "/song/drums.wav");
        const AudioBuffer bass = decoded(chosen + "/song/bass.wav");
        const AudioBuffer other = decoded(chosen + "/song/other.wav");
        const AudioBuffer vocals = decoded(chosen + "/song/vocals.wav");
        QCOMPARE(drums.frames, m_song.frames);

        AudioBuffer sum = drums;
        for (size_t i = 0; i < sum.samples.size(); ++i)
            sum.samples[i] += bass.samples[i] + other.samples[i];
        QVERIFY(largestDifference(decoded(all + "/song/instrumental.wav"), sum) < 1e-6);
        QCOMPARE(largestDifference(decoded(all + "/song/acapella.wav"), vocals), 0.0);
        AudioBuffer groove = drums;
        for (size_t i = 0; i < groove.samples.size(); ++i)
            groove.samples[i] += bass.samples[i];
        QVERIFY(largestDifference(decoded(all + "/song/groove.wav"), groove) < 1e-6);

        const QString two = m_dir.filePath("two");
        run = separate({"--stems", "drums,vocals", "--format", "flac"}, two);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(QDir(two + "/song").entryList(QDir::Files, QDir::Name),
                 (QStringList{"drums.flac", "vocals.flac"}));
    }

    void niStemsFile()
    {
        const QString out = m_dir.filePath("stems");
        const CliRun run = separate({"--format", "stem.mp4", "--stem-codec", "alac"}, out);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QString file = out + "/song/song.stem.mp4";
        QCOMPARE(run.out.trimmed(), out + "/song");
        const CliRun probe = runProgram("ffprobe", {"-v", "error", "-show_streams", "-of", "json", file});
        QCOMPARE(probe.exitCode, 0);
        const QJsonArray streams =
            QJsonDocument::fromJson(probe.out.toUtf8()).object().value("streams").toArray();
        QCOMPARE(streams.size(), 5);
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(streams[i].toObject().value("codec_name").toString(), QStringLiteral("alac"));
            QCOMPARE(streams[i].toObject().value("disposition").toObject().value("default").toInt(),
                     i == 0 ? 1 : 0);
        }
        // The mix track is the sum of the stems (stemsAndMixes wrote them, same model), within 24-bit rounding.
        const QString chosen = m_dir.filePath("chosen/song/");
        AudioBuffer sum = decoded(chosen + "drums.wav");
        for (const char* name : {"bass.wav", "other.wav", "vocals.wav"}) {
            const AudioBuffer stem = decoded(chosen + name);
            for (size_t i = 0; i < sum.samples.size(); ++i)
                sum.samples[i] += stem.samples[i];
        }
        QVERIFY(largestDifference(decoded(file), sum) <= 2.0 / (1 << 23));
        QFile bytes(file);
        QVERIFY(bytes.open(QIODevice::ReadOnly));
        const QByteArray data = bytes.readAll();
        const qsizetype stem = data.indexOf("stem{\"version\":1");
        QVERIFY(stem > 0);
        QVERIFY(data.indexOf("\"name\":\"Vocals\"", stem) > stem);
    }

    void badChoicesAreUsageErrors_data()
    {
        QTest::addColumn<QStringList>("extra");
        QTest::newRow("unknown stem") << QStringList{"--stems", "piano"};
        QTest::newRow("empty stems") << QStringList{"--stems", ""};
        QTest::newRow("unknown mix") << QStringList{"--mix", "karaoke-ish"};
        QTest::newRow("mix of unknown stem") << QStringList{"--mix", "x=drums+flute"};
        QTest::newRow("mix named like a stem") << QStringList{"--mix", "drums=drums+bass"};
        QTest::newRow("stem.mp4 with --stems") << QStringList{"--format", "stem.mp4", "--stems", "drums"};
        QTest::newRow("codec without stem.mp4") << QStringList{"--stem-codec", "alac"};
        QTest::newRow("bad codec") << QStringList{"--format", "stem.mp4", "--stem-codec", "mp3"};
    }

    void badChoicesAreUsageErrors()
    {
        QFETCH(QStringList, extra);
        const QString out = m_dir.filePath("never");
        const CliRun run = separate(extra, out);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.startsWith("error: ") && run.err.contains("usage"), qPrintable(run.err));
        QVERIFY(!QDir(out).exists());
    }
};

QTEST_GUILESS_MAIN(TestCliSeparateOutputs)
#include "tst_cli_separate_outputs.moc"
