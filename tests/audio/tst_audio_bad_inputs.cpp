// Inputs that are not (entirely) audio: each must give an error that names the file, or for a truncated
// file the part that decodes. Never a crash or a hang. Also cancellation and progress.

#include "AudioTestSupport.h"
#include "audio/Decoder.h"
#include "audio/FfmpegLog.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <random>
#include <sys/stat.h>

using namespace stemcrate;
using namespace stemcrate::audio;
using namespace stemcrate::audio::test;

class BadInputsTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void errorsNameTheFile_data();
    void errorsNameTheFile();
    void truncatedGivesDecodablePrefix_data();
    void truncatedGivesDecodablePrefix();
    void damagedMiddleIsSkipped();
    void fifoDoesNotBlock();
    void cancelStopsDecoding();
    void cancelDuringOpen();
    void progressGrowsToOne();
    void ffmpegLogGoesToSinkNotStderr();

private:
    QString path(const QString& name) const { return m_dir.filePath(name); }
    QByteArray read(const QString& name) const;
    static int64_t framesOf(const QString& file);

    QTemporaryDir m_dir;
};

QByteArray BadInputsTest::read(const QString& name) const
{
    QFile file(path(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

int64_t BadInputsTest::framesOf(const QString& file)
{
    auto track = decodeFile(file.toStdString());
    return track.ok() ? track->audio.frames : -1;
}

void BadInputsTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString log;
    // 10 s of noise: long enough for a few hundred packets in every format.
    for (const QString& name : {"good.wav", "good.mp3", "good.flac", "good.m4a", "good.ogg"})
        QVERIFY2(runFfmpeg({"-f", "lavfi", "-i", "anoisesrc=duration=10:amplitude=0.3:seed=7", "-ac", "2",
                            path(name)},
                           &log),
                 qPrintable(log));
    QVERIFY2(runFfmpeg({"-f", "lavfi", "-i", "testsrc=duration=1:size=64x48:rate=10", "-c:v", "mpeg4",
                        path("silent.mp4")},
                       &log),
             qPrintable(log));

    QVERIFY(writeBytes(path("empty.mp3"), {}));
    QVERIFY(writeBytes(path("notes.mp3"), "These are my lyrics.\nVerse 1: la la la\nChorus: oh oh oh\n"));
    std::mt19937 generator(42);
    QByteArray random(256 * 1024, '\0');
    for (char& byte : random)
        byte = static_cast<char>(generator());
    QVERIFY(writeBytes(path("random.mp3"), random));
    QVERIFY(writeBytes(path("random.wav"), random));
    QVERIFY(writeBytes(path("random"), random));
    QVERIFY(QDir(m_dir.path()).mkdir("folder.wav"));
    // A canonical 44-byte WAV header with an empty data chunk: a valid file with no audio.
    QByteArray header;
    const auto u32 = [&](uint32_t v) {
        for (int i = 0; i < 4; ++i)
            header.append(char(v >> (8 * i)));
    };
    const auto u16 = [&](uint32_t v) { header.append(char(v)).append(char(v >> 8)); };
    header.append("RIFF"), u32(36), header.append("WAVEfmt "), u32(16), u16(1), u16(2), u32(44100),
        u32(176400);
    u16(4), u16(16), header.append("data"), u32(0);
    QVERIFY(writeBytes(path("header-only.wav"), header));
}

void BadInputsTest::errorsNameTheFile_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("reason"); // the error must contain it
    QTest::newRow("zero bytes") << "empty.mp3"
                                << "file is empty";
    QTest::newRow("missing") << "missing.flac"
                             << "cannot open: No such file or directory";
    QTest::newRow("missing non-ASCII")
        << QString::fromUtf8("fehlt – 音楽.wav") << "cannot open: No such file or directory";
    QTest::newRow("directory") << "folder.wav"
                               << "is a directory";
    QTest::newRow("text renamed .mp3") << "notes.mp3"
                                       << "not an audio file FFmpeg can read";
    QTest::newRow("random bytes .mp3") << "random.mp3"
                                       << "not an audio file FFmpeg can read";
    QTest::newRow("random bytes .wav") << "random.wav"
                                       << "not an audio file FFmpeg can read";
    QTest::newRow("random bytes") << "random"
                                  << "not an audio file FFmpeg can read";
    QTest::newRow("video without sound") << "silent.mp4"
                                         << "no audio stream";
    QTest::newRow("header only") << "header-only.wav"
                                 << "contains no audio";
}

void BadInputsTest::errorsNameTheFile()
{
    QFETCH(QString, name);
    QFETCH(QString, reason);
    const std::string file = path(name).toStdString();
    const QString expected = "'" + path(name) + "': " + reason;
    auto track = decodeFile(file);
    QVERIFY(!track.ok());
    QVERIFY2(QString::fromStdString(track.error()).startsWith(expected), track.error().c_str());
    auto info = probeFile(file);
    if (reason != "contains no audio") { // probing reads the header only, which is fine there
        QVERIFY(!info.ok());
        QVERIFY2(QString::fromStdString(info.error()).startsWith("'" + path(name) + "': "),
                 info.error().c_str());
    }
}

void BadInputsTest::truncatedGivesDecodablePrefix_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("wav") << "good.wav";
    QTest::newRow("mp3") << "good.mp3";
    QTest::newRow("flac") << "good.flac";
    QTest::newRow("ogg") << "good.ogg";
}

void BadInputsTest::truncatedGivesDecodablePrefix()
{
    QFETCH(QString, name);
    const QByteArray whole = read(name);
    const QString cut = path("cut-" + name);
    QVERIFY(writeBytes(cut, whole.left(whole.size() / 2 + 7)));
    const int64_t wholeFrames = framesOf(path(name));
    auto track = decodeFile(cut.toStdString());
    QVERIFY2(track.ok(), track.ok() ? "" : track.error().c_str());
    // About half; compressed files are not split exactly in time by a byte cut.
    QVERIFY2(track->audio.frames > wholeFrames / 3 && track->audio.frames < wholeFrames * 2 / 3,
             qPrintable(QString("%1 of %2").arg(track->audio.frames).arg(wholeFrames)));
}

// MP4 keeps its index at the end unless "faststart" moved it: cut in half, it cannot be read at all.
// Either way the answer must be quick and name the file, and a few corrupt kilobytes mid-file are skipped.
void BadInputsTest::damagedMiddleIsSkipped()
{
    const QByteArray whole = read("good.m4a");
    QVERIFY(writeBytes(path("cut.m4a"), whole.left(whole.size() / 2)));
    auto cut = decodeFile(path("cut.m4a").toStdString());
    if (!cut.ok())
        QVERIFY2(QString::fromStdString(cut.error()).startsWith("'" + path("cut.m4a") + "': "),
                 cut.error().c_str());

    // Ogg's demuxer loses about 2 s resynchronising after a bad page (the ffmpeg CLI loses the same).
    const std::pair<QString, double> cases[] = {{"good.mp3", 0.95}, {"good.flac", 0.95}, {"good.ogg", 0.75}};
    for (const auto& [name, keptAtLeast] : cases) {
        QByteArray damaged = read(name);
        std::mt19937 generator(1);
        for (qsizetype i = damaged.size() / 2; i < damaged.size() / 2 + 4096; ++i)
            damaged[i] = static_cast<char>(generator());
        const QString file = path("damaged-" + name);
        QVERIFY(writeBytes(file, damaged));
        const int64_t wholeFrames = framesOf(path(name));
        auto track = decodeFile(file.toStdString());
        QVERIFY2(track.ok(), track.ok() ? "" : track.error().c_str());
        QVERIFY2(double(track->audio.frames) > keptAtLeast * double(wholeFrames),
                 qPrintable(QString("%1: %2 of %3").arg(name).arg(track->audio.frames).arg(wholeFrames)));
    }
}

void BadInputsTest::fifoDoesNotBlock()
{
    const QString fifo = path("pipe.wav");
    QCOMPARE(::mkfifo(fifo.toLocal8Bit().constData(), 0600), 0);
    auto track = decodeFile(fifo.toStdString());
    QVERIFY(!track.ok());
    QCOMPARE(QString::fromStdString(track.error()), "'" + fifo + "': not a regular file");
}

void BadInputsTest::cancelStopsDecoding()
{
    int progressCalls = 0;
    bool cancel = false;
    DecodeOptions options;
    options.progress = [&](double fraction) {
        ++progressCalls;
        if (fraction > 0.2)
            cancel = true;
    };
    options.isCancelled = [&] { return cancel; };
    auto track = decodeFile(path("good.mp3").toStdString(), options);
    QVERIFY(!track.ok());
    QCOMPARE(track.error(), std::string(kCancelledMessage));
    QVERIFY(progressCalls > 0);
}

void BadInputsTest::cancelDuringOpen()
{
    DecodeOptions options;
    options.isCancelled = [] { return true; };
    auto track = decodeFile(path("good.flac").toStdString(), options);
    QVERIFY(!track.ok());
    QCOMPARE(track.error(), std::string(kCancelledMessage));
}

void BadInputsTest::progressGrowsToOne()
{
    for (const QString name : {"good.wav", "good.mp3", "good.m4a", "good.ogg"}) {
        std::vector<double> fractions;
        DecodeOptions options;
        options.progress = [&](double fraction) { fractions.push_back(fraction); };
        auto track = decodeFile(path(name).toStdString(), options);
        QVERIFY2(track.ok(), track.ok() ? "" : track.error().c_str());
        QVERIFY2(fractions.size() >= 10 && fractions.size() <= 1001,
                 qPrintable(name + QString::number(fractions.size())));
        QVERIFY(std::is_sorted(fractions.begin(), fractions.end()));
        QCOMPARE(fractions.front() >= 0.0, true);
        QCOMPARE(fractions.back(), 1.0);
        QCOMPARE(std::count(fractions.begin(), fractions.end(), 1.0), 1);
    }
}

// FFmpeg's complaints about a damaged file reach the sink (the app's log file), not stderr.
void BadInputsTest::ffmpegLogGoesToSinkNotStderr()
{
    QStringList lines;
    setFfmpegLogSink(
        [&](std::string_view line) { lines << QString::fromUtf8(line.data(), qsizetype(line.size())); });
    const auto track = decodeFile(path("damaged-good.flac").toStdString());
    setFfmpegLogSink(nullptr);
    QVERIFY(track.ok());
    QVERIFY2(!lines.isEmpty(), "no FFmpeg diagnostics for a damaged file");
    QVERIFY2(lines.join('\n').contains("flac", Qt::CaseInsensitive), qPrintable(lines.join('\n')));
}

QTEST_GUILESS_MAIN(BadInputsTest)
#include "tst_audio_bad_inputs.moc"
