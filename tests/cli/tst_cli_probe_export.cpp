// stemcrate-cli probe and export, end to end: JSON lines, a region cut sample-exactly, formats and loop
// tags, never overwriting, usage errors (exit 2), and a corpus of bad inputs and outputs: each gives
// "error: <file>: <reason>" and exit 1 within a time limit, never a crash, and leaves no file behind.

#include "AudioTestSupport.h"
#include "CliProcess.h"
#include "audio/AudioFileWriter.h"
#include "audio/Decoder.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <random>
#include <sys/stat.h>
#include <unistd.h>

using namespace stemcrate;
using namespace stemcrate::audio::test;

namespace {

using CliRun = stemcrate::test::ProcessRun;

CliRun runCli(const QStringList& args)
{
    return stemcrate::test::runProcess(QStringLiteral(STEMCRATE_CLI), args);
}

// A 44-byte stereo 44.1 kHz 16-bit WAV header with the given format tag and data size.
QByteArray pcmHeader(uint16_t formatTag, uint32_t dataSize)
{
    QByteArray header;
    auto u32 = [&](uint32_t v) {
        for (int i = 0; i < 4; ++i)
            header += char(v >> (8 * i));
    };
    auto u16 = [&](uint16_t v) {
        header += char(v);
        header += char(v >> 8);
    };
    header += "RIFF";
    u32(36 + dataSize);
    header += "WAVEfmt ";
    u32(16);
    u16(formatTag);
    u16(2);
    u32(44100);
    u32(44100 * 4);
    u16(4);
    u16(16);
    header += "data";
    u32(dataSize);
    return header;
}

QStringList entriesOf(const QString& folder)
{
    return QDir(folder).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
}

} // namespace

class CliProbeExportTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void probePrintsJsonLines();
    void probeExactDecodes();
    void probeGoesOnAfterAFailure();
    void exportCutsRegionExactly();
    void exportNeverOverwrites();
    void exportFormatsAndLoopTags();
    void usageErrors_data();
    void usageErrors();
    void badInputs_data();
    void badInputs();
    void unreadableFile();
    void unwritableOutput_data();
    void unwritableOutput();

private:
    QString path(const QString& name) const { return m_dir.filePath(name); }

    QTemporaryDir m_dir;
    AudioBuffer m_good;
};

void CliProbeExportTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_good = AudioBuffer(2, 2 * 44100);
    for (int c = 0; c < 2; ++c) {
        const std::vector<double> signal = testSignal(m_good.frames, c);
        for (int64_t i = 0; i < m_good.frames; ++i)
            m_good.channel(c)[i] = static_cast<float>(0.5 * signal[size_t(i)]);
    }
    QVERIFY(audio::writeAudioFile(path("good.wav").toStdString(), m_good, audio::FileFormat::Wav,
                                  audio::SampleFormat::Float32)
                .ok());
    QVERIFY(QFile::copy(path("good.wav"), path("Ünïcødé 日本.wav")));
    QString log;
    QVERIFY2(runFfmpeg({"-f", "lavfi", "-i", "sine=frequency=330:duration=1.5", "-ac", "2", "-metadata",
                        "title=Sóng \"1\"", "-metadata", "artist=AC/DC", "-metadata", "TBPM=128",
                        path("song.mp3")},
                       &log),
             qPrintable(log));

    // The bad-input corpus.
    QVERIFY(writeBytes(path("empty.mp3"), {}));
    QVERIFY(writeBytes(path("notes.mp3"), "these are my notes, not an mp3\n"));
    std::mt19937 random(7);
    QByteArray noise(64 * 1024, '\0');
    for (char& byte : noise)
        byte = static_cast<char>(random());
    QVERIFY(writeBytes(path("random.wav"), noise));
    QVERIFY(writeBytes(path("random"), noise));
    QDir().mkdir(path("folder.wav"));
    // A WAV header that claims 4 GiB of 16-bit samples, followed by 0.1 s of them.
    QVERIFY(writeBytes(path("absurd.wav"), pcmHeader(1, 0xFFFFFFF0u) + QByteArray(4 * 4410, '\x11')));
    QVERIFY(writeBytes(path("truncated.mp3"), readFile(path("song.mp3")).left(2000)));
    QVERIFY(writeBytes(path("header-only.wav"), pcmHeader(1, 4 * 44100)));
    // A WAV whose format tag no decoder knows.
    QVERIFY(writeBytes(path("unknown-codec.wav"), pcmHeader(0x2222, 4000) + QByteArray(4000, '\0')));
}

void CliProbeExportTest::probePrintsJsonLines()
{
    const CliRun run = runCli({"probe", path("good.wav"), path("song.mp3")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QStringList lines = run.out.split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QJsonParseError error;
    const QJsonObject wav = QJsonDocument::fromJson(lines[0].toUtf8(), &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    for (const char* key : {"path", "codec", "sample_rate", "channels", "duration_s", "frames_44k1",
                            "frames_exact", "title", "artist", "album", "tags"})
        QVERIFY2(wav.contains(QLatin1String(key)), key);
    QCOMPARE(wav["path"].toString(), path("good.wav"));
    QCOMPARE(wav["codec"].toString(), QStringLiteral("pcm_f32le"));
    QCOMPARE(wav["sample_rate"].toInt(), 44100);
    QCOMPARE(wav["channels"].toInt(), 2);
    QCOMPARE(wav["frames_44k1"].toInteger(), m_good.frames);
    QCOMPARE(wav["frames_exact"].toBool(), false);
    const QJsonObject mp3 = QJsonDocument::fromJson(lines[1].toUtf8(), &error).object();
    QVERIFY(error.error == QJsonParseError::NoError);
    QCOMPARE(mp3["title"].toString(), QStringLiteral("Sóng \"1\""));
    QCOMPARE(mp3["artist"].toString(), QStringLiteral("AC/DC"));
    QVERIFY(std::abs(mp3["duration_s"].toDouble() - 1.5) < 0.05);
}

void CliProbeExportTest::probeExactDecodes()
{
    const CliRun run = runCli({"probe", "--exact", path("song.mp3")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QJsonObject mp3 = QJsonDocument::fromJson(run.out.toUtf8()).object();
    auto track = audio::decodeFile(path("song.mp3").toStdString());
    QVERIFY(track.ok());
    QCOMPARE(mp3["frames_exact"].toBool(), true);
    QCOMPARE(mp3["frames_44k1"].toInteger(), track->audio.frames);
    QCOMPARE(mp3["frames_44k1"].toInteger(), qint64(66150)); // LAME delay and padding trimmed
}

void CliProbeExportTest::probeGoesOnAfterAFailure()
{
    const CliRun run = runCli({"probe", path("notes.mp3"), path("good.wav")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.err.startsWith("error: " + path("notes.mp3") + ": "));
    QCOMPARE(run.out.split('\n', Qt::SkipEmptyParts).size(), 1);
}

void CliProbeExportTest::exportCutsRegionExactly()
{
    const QString out = path("out-exact") + "/";
    const CliRun run = runCli({"export", path("good.wav"), "--start", "0.5", "--end", "1.25", "-o", out});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QString written = run.out.trimmed();
    QVERIFY(written.startsWith(out));
    QVERIFY(written.endsWith("good.wav")); // the template collapses to the stem name (the input's)
    auto track = audio::decodeFile(written.toStdString());
    QVERIFY(track.ok());
    QCOMPARE(track->audio.frames, int64_t(0.75 * 44100));
    for (int c = 0; c < 2; ++c)
        QVERIFY(std::equal(track->audio.channel(c), track->audio.channel(c) + track->audio.frames,
                           m_good.channel(c) + 22050));
}

void CliProbeExportTest::exportNeverOverwrites()
{
    const QString target = path("cut.wav");
    const QStringList args = {"export", path("good.wav"), "--start", "0", "--end", "0.1", "-o", target};
    const CliRun first = runCli(args);
    QVERIFY2(first.exitCode == 0, qPrintable(first.err));
    QCOMPARE(first.out.trimmed(), target);
    const QByteArray firstBytes = readFile(target);
    const CliRun second = runCli(args);
    QVERIFY2(second.exitCode == 0, qPrintable(second.err));
    QCOMPARE(second.out.trimmed(), path("cut (2).wav"));
    QCOMPARE(readFile(target), firstBytes);
}

void CliProbeExportTest::exportFormatsAndLoopTags()
{
    const QString out = path("out-formats");
    QDir().mkdir(out);
    CliRun run = runCli({"export", path("song.mp3"), "--start", "0.2", "--end", "1.2", "--loop", "--format",
                         "flac", "--bit-depth", "16", "--key", "A minor", "-o", out});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(run.out.trimmed(), out + "/AC_DC - Sóng _1_ - song - 128bpm A minor.flac");
    auto info = audio::probeFile(run.out.trimmed().toStdString());
    QVERIFY(info.ok());
    QCOMPARE(info->tags.at("BPM"), std::string("128")); // taken over from the input's TBPM
    QCOMPARE(info->tags.at("INITIALKEY"), std::string("A minor"));
    QCOMPARE(info->tags.at("LOOPLENGTH"), std::string("44100"));

    run = runCli({"export", path("song.mp3"), "--start", "0.2", "--end", "1.2", "--normalize", "--fade-ms",
                  "5", "-o", out + "/norm.aiff"});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(run.out.trimmed(), out + "/norm.aiff"); // the user's extension is kept
    auto track = audio::decodeFile((out + "/norm.aiff").toStdString());
    QVERIFY(track.ok());
    QCOMPARE(track->info.codec, std::string("pcm_s24be"));
    float peak = 0;
    for (float s : track->audio.samples)
        peak = std::max(peak, std::abs(s));
    QVERIFY(std::abs(peak - std::pow(10.0, -0.1 / 20)) < 1e-4);
    QCOMPARE(track->audio.channel(0)[0], 0.0f);
}

void CliProbeExportTest::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    const QString good = path("good.wav"), out = path("never");
    QTest::newRow("no command args") << QStringList{"export"};
    QTest::newRow("no start") << QStringList{"export", good, "--end", "1", "-o", out};
    QTest::newRow("end before start")
        << QStringList{"export", good, "--start", "1", "--end", "0.5", "-o", out};
    QTest::newRow("no output") << QStringList{"export", good, "--start", "0", "--end", "1"};
    QTest::newRow("bad format") << QStringList{"export", good,       "--start", "0",  "--end",
                                               "1",      "--format", "mp3",     "-o", out};
    QTest::newRow("flac float") << QStringList{"export",   good,   "--start",     "0",   "--end", "1",
                                               "--format", "flac", "--bit-depth", "32f", "-o",    out};
    QTest::newRow("unknown option") << QStringList{"export", good,      "--start", "0", "--end",
                                                   "1",      "--bogus", "-o",      out};
    QTest::newRow("two inputs") << QStringList{"export", good, good, "--start", "0", "--end", "1", "-o", out};
    QTest::newRow("probe nothing") << QStringList{"probe"};
}

void CliProbeExportTest::usageErrors()
{
    QFETCH(QStringList, args);
    const CliRun run = runCli(args);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.startsWith("error: "));
    QVERIFY(run.err.contains("usage:"));
    QVERIFY(!QFile::exists(path("never")));
}

void CliProbeExportTest::badInputs_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("probeFails");
    QTest::addColumn<QString>("reason");
    QTest::newRow("zero bytes") << "empty.mp3" << true << "file is empty";
    QTest::newRow("text renamed .mp3") << "notes.mp3" << true << "not an audio file";
    QTest::newRow("random bytes .wav") << "random.wav" << true << "not an audio file";
    QTest::newRow("random bytes") << "random" << true << "not an audio file";
    QTest::newRow("directory") << "folder.wav" << true << "is a directory";
    QTest::newRow("missing") << "missing.flac" << true << "No such file";
    QTest::newRow("missing non-ASCII") << "Ünïcødé 日本 nicht da.wav" << true << "No such file";
    QTest::newRow("path through a file") << "good.wav/inner.wav" << true << "cannot open";
    QTest::newRow("unknown codec") << "unknown-codec.wav" << true << "not supported";
    QTest::newRow("header only") << "header-only.wav" << false << "contains no audio";
    // These decode, but to less than the header claims: the region lies after the end.
    QTest::newRow("absurd length header") << "absurd.wav" << false << "after the end of the audio";
    QTest::newRow("truncated") << "truncated.mp3" << false << "after the end of the audio";
}

void CliProbeExportTest::badInputs()
{
    QFETCH(QString, name);
    QFETCH(bool, probeFails);
    QFETCH(QString, reason);
    const QString input = path(name);
    const QString out = path("out-bad-" + QString::number(qHash(QLatin1String(QTest::currentDataTag()))));
    QDir().mkpath(out);

    const CliRun exported = runCli({"export", input, "--start", "0.2", "--end", "1.0", "-o", out + "/"});
    QVERIFY2(exported.exitCode == 1,
             qPrintable(QString("exit %1: %2").arg(exported.exitCode).arg(exported.err)));
    QVERIFY2(exported.err.startsWith("error: " + input + ": "), qPrintable(exported.err));
    QVERIFY2(exported.err.contains(reason), qPrintable(exported.err));
    QCOMPARE(exported.err.count('\n'), 1);
    QVERIFY(exported.out.isEmpty());
    QCOMPARE(entriesOf(out), QStringList()); // no partial output, no temporary left
    // A bad header fails at once, not after decoding what it claims (hours): the CLI's own CPU time, which
    // does not grow with the machine's load (a start, libtorch's loading included, is about 1 s).
    QVERIFY2(exported.cpuMs > 0 && exported.cpuMs < 15'000, qPrintable(QString::number(exported.cpuMs)));

    const CliRun probed = runCli({"probe", input});
    QVERIFY2(probed.exitCode == (probeFails ? 1 : 0), qPrintable(probed.err));
    if (probeFails)
        QVERIFY(probed.err.startsWith("error: " + input + ": "));
}

void CliProbeExportTest::unreadableFile()
{
    const QString input = path("locked.wav");
    QVERIFY(QFile::copy(path("good.wav"), input));
    QVERIFY(::chmod(input.toLocal8Bit().constData(), 0) == 0);
    if (::access(input.toLocal8Bit().constData(), R_OK) == 0)
        QSKIP("running as root (as in CI): chmod 000 does not stop root from reading; 'path through a file' "
              "and the unwritable-output cases cover failing opens instead");
    const CliRun run = runCli({"export", input, "--start", "0", "--end", "0.5", "-o", path("out-locked/")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.err.startsWith("error: " + input + ": cannot open"));
    QVERIFY(!QFile::exists(path("out-locked")) || entriesOf(path("out-locked")).isEmpty());
}

void CliProbeExportTest::unwritableOutput_data()
{
    QTest::addColumn<QString>("output");
    QTest::newRow("folder under a file") << path("good.wav") + "/sub/";
    QTest::newRow("file under a file") << path("good.wav") + "/x.wav";
}

void CliProbeExportTest::unwritableOutput()
{
    QFETCH(QString, output);
    const QByteArray before = readFile(path("good.wav"));
    const CliRun run = runCli({"export", path("good.wav"), "--start", "0", "--end", "0.5", "-o", output});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.startsWith("error: "), qPrintable(run.err));
    QVERIFY(run.err.contains("Not a directory"));
    QCOMPARE(readFile(path("good.wav")), before);
}

QTEST_GUILESS_MAIN(CliProbeExportTest)
#include "tst_cli_probe_export.moc"
