// NI Stems files (StemFileWriter): ffprobe sees five audio streams (AAC or ALAC), only the mix flagged
// default; the manifest is found the way Mixxx's StemInfoImporter finds it (top-level boxes -> moov -> udta
// -> stem, payload = JSON) and holds version 1 and the four stems' names and colours; the ALAC mix decodes
// back to the input within 24-bit rounding; bad requests leave no file; a write failing part-way (in the
// audio or in the trailer's moov) keeps an earlier file of that name.

#include "AudioTestSupport.h"
#include "audio/Decoder.h"
#include "audio/StemFileWriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtEndian>
#include <QtTest>

#include <sys/resource.h>

#include <cmath>
#include <csignal>
#include <numbers>

using namespace stemcrate;
using namespace stemcrate::audio;

namespace {

// Starts at zero on both channels: an abrupt first sample would make AAC's first frames smear (FFmpeg's
// encoder, with the same result from the ffmpeg CLI), which is the codec, not the file.
AudioBuffer toneBuffer(double hz, double seconds)
{
    AudioBuffer out(2, std::llround(seconds * 44100));
    for (int c = 0; c < 2; ++c)
        for (int64_t i = 0; i < out.frames; ++i)
            out.channel(c)[i] =
                float((0.3 - 0.1 * c) * std::sin(2 * std::numbers::pi * hz * double(i) / 44100.0));
    return out;
}

// Mixxx's seekTillAtom: walk the boxes at one level, descend into the one named by the next path element;
// returns the payload of the last one (empty when the path is not there).
QByteArray payloadAt(const QByteArray& file, const QStringList& path)
{
    qsizetype at = 0, end = file.size();
    for (int level = 0; level < path.size(); ++level) {
        bool found = false;
        while (at + 8 <= end) {
            quint64 size = qFromBigEndian<quint32>(file.constData() + at);
            const QByteArray type = file.mid(at + 4, 4);
            qsizetype header = 8;
            if (size == 1) {
                size = qFromBigEndian<quint64>(file.constData() + at + 8);
                header = 16;
            }
            if (size < quint64(header) || at + qsizetype(size) > end)
                return {};
            if (type == path[level].toLatin1()) {
                end = at + qsizetype(size);
                at += header;
                found = true;
                break;
            }
            at += qsizetype(size);
        }
        if (!found)
            return {};
    }
    return file.mid(at, end - at);
}

QJsonArray probeStreams(const QString& path)
{
    QProcess ffprobe;
    ffprobe.start("ffprobe", {"-v", "error", "-show_streams", "-of", "json", path});
    if (!ffprobe.waitForFinished(60'000) || ffprobe.exitCode() != 0)
        return {};
    return QJsonDocument::fromJson(ffprobe.readAllStandardOutput()).object().value("streams").toArray();
}

} // namespace

class TestAudioStemFile : public QObject
{
    Q_OBJECT

private slots:
    void writesAnNiStemsFile_data()
    {
        QTest::addColumn<int>("codec");
        QTest::addColumn<QString>("codecName");
        QTest::newRow("aac") << int(StemCodec::Aac) << "aac";
        QTest::newRow("alac") << int(StemCodec::Alac) << "alac";
    }

    void writesAnNiStemsFile()
    {
        QFETCH(int, codec);
        QFETCH(QString, codecName);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const AudioBuffer mix = toneBuffer(220, 3.0);
        const AudioBuffer stems[4] = {toneBuffer(110, 3.0), toneBuffer(55, 3.0), toneBuffer(440, 3.0),
                                      toneBuffer(880, 2.5)}; // a shorter stem is padded
        const std::vector<StemTrack> tracks = {{"Drums", "", &stems[0]},
                                               {"Bass", "", &stems[1]},
                                               {"Other", "#123456", &stems[2]},
                                               {"Vocals \"lead\"", "", &stems[3]}};
        StemFileOptions options;
        options.codec = StemCodec(codec);
        options.tags.title = "Song";
        const QString path = dir.filePath("song.stem.mp4");
        Result<void> written = writeStemFile(path.toStdString(), mix, tracks, options);
        QVERIFY2(written.ok(), written.ok() ? "" : written.error().c_str());

        const QJsonArray streams = probeStreams(path);
        QCOMPARE(streams.size(), 5);
        for (int i = 0; i < 5; ++i) {
            const QJsonObject s = streams[i].toObject();
            QCOMPARE(s.value("codec_type").toString(), QStringLiteral("audio"));
            QCOMPARE(s.value("codec_name").toString(), codecName);
            QCOMPARE(s.value("disposition").toObject().value("default").toInt(), i == 0 ? 1 : 0);
            QVERIFY2(std::abs(s.value("duration").toString().toDouble() - 3.0) < 0.01,
                     qPrintable(s.value("duration").toString()));
        }

        const QByteArray manifest =
            payloadAt(stemcrate::audio::test::readFile(path), {"moov", "udta", "stem"});
        QVERIFY(!manifest.isEmpty());
        QJsonParseError error;
        const QJsonObject json = QJsonDocument::fromJson(manifest, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(json.value("version").toInt(), 1);
        QVERIFY(
            !json.value("mastering_dsp").toObject().value("limiter").toObject().value("enabled").toBool());
        const QJsonArray entries = json.value("stems").toArray();
        QCOMPARE(entries.size(), 4);
        const char* names[4] = {"Drums", "Bass", "Other", "Vocals \"lead\""};
        const char* colors[4] = {"#009E73", "#D55E00", "#123456", "#56B4E9"};
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(entries[i].toObject().value("name").toString(), QString(names[i]));
            QCOMPARE(entries[i].toObject().value("color").toString(), QString(colors[i]));
        }

        // Ordinary players get the mix.
        Result<Track> decoded = decodeFile(path.toStdString());
        QVERIFY2(decoded.ok(), decoded.ok() ? "" : decoded.error().c_str());
        QCOMPARE(decoded->audio.frames, mix.frames);
        // AAC: compared up to its last frame, whose partial block the codec smears.
        const int64_t compared = options.codec == StemCodec::Alac ? mix.frames : mix.frames - 1024;
        double worst = 0;
        for (int c = 0; c < 2; ++c)
            for (int64_t i = 0; i < compared; ++i)
                worst = std::max(worst, double(std::abs(decoded->audio.channel(c)[i] - mix.channel(c)[i])));
        qInfo("%s mix decoded back: largest difference %.3g", qPrintable(codecName), worst);
        if (options.codec == StemCodec::Alac)
            QVERIFY2(worst <= 1.0 / (1 << 23), qPrintable(QString::number(worst)));
        else
            QVERIFY2(worst < 0.05, qPrintable(QString::number(worst))); // AAC at 256 kb/s, in time
    }

    void badRequestsLeaveNoFile()
    {
        QTemporaryDir dir;
        const AudioBuffer mix = toneBuffer(220, 0.5);
        const AudioBuffer mono(1, mix.frames);
        const QString path = dir.filePath("bad.stem.mp4");
        std::vector<StemTrack> three = {{"a", "", &mix}, {"b", "", &mix}, {"c", "", &mix}};
        Result<void> r = writeStemFile(path.toStdString(), mix, three);
        QVERIFY(!r.ok());
        QVERIFY(QString::fromStdString(r.error()).contains("four stems"));
        std::vector<StemTrack> mixed = {{"a", "", &mix}, {"b", "", &mix}, {"c", "", &mix}, {"d", "", &mono}};
        QVERIFY(!writeStemFile(path.toStdString(), mix, mixed).ok());
        QVERIFY(!writeStemFile(dir.filePath("missing/x.stem.mp4").toStdString(), mix,
                               {{"a", "", &mix}, {"b", "", &mix}, {"c", "", &mix}, {"d", "", &mix}})
                     .ok());
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 0);
    }

    // A file size limit makes a write fail part-way, as a full disk would: the error is the write's own,
    // named by the file, and an earlier file of that name is kept.
    void failingMidWriteKeepsTheOldFile_data()
    {
        QTest::addColumn<qint64>("limitBytes");
        QTest::newRow("in the audio") << qint64(64 * 1024);
        QTest::newRow("in the trailer") << qint64(-1); // set below: just short of the whole file
    }
    void failingMidWriteKeepsTheOldFile()
    {
        QFETCH(qint64, limitBytes);
        QTemporaryDir dir;
        const AudioBuffer mix = toneBuffer(220, 2.0);
        const std::vector<StemTrack> stems = {{"a", "", &mix}, {"b", "", &mix}, {"c", "", &mix}, {"d", "", &mix}};
        const QString path = dir.filePath("song.stem.mp4");
        StemFileOptions options;
        options.codec = StemCodec::Alac;
        if (limitBytes < 0) { // the whole file's size less a little: the limit falls in the moov
            const QString whole = dir.filePath("whole.stem.mp4");
            QVERIFY(writeStemFile(whole.toStdString(), mix, stems, options).ok());
            limitBytes = QFileInfo(whole).size() - 64;
            QVERIFY(QFile::remove(whole));
        }
        {
            QFile old(path);
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write("precious");
        }
        const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN); // EFBIG instead of being killed
        rlimit previous{};
        QCOMPARE(::getrlimit(RLIMIT_FSIZE, &previous), 0);
        rlimit small = previous;
        small.rlim_cur = rlim_t(limitBytes);
        QCOMPARE(::setrlimit(RLIMIT_FSIZE, &small), 0);
        const Result<void> written = writeStemFile(path.toStdString(), mix, stems, options);
        ::setrlimit(RLIMIT_FSIZE, &previous);
        std::signal(SIGXFSZ, previousHandler);

        QVERIFY(!written.ok());
        QCOMPARE(QString::fromStdString(written.error()), "'" + path + "': cannot write: File too large");
        QFile old(path);
        QVERIFY(old.open(QIODevice::ReadOnly));
        QCOMPARE(old.readAll(), QByteArray("precious"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{"song.stem.mp4"});
    }
};

QTEST_GUILESS_MAIN(TestAudioStemFile)
#include "tst_audio_stem_file.moc"
