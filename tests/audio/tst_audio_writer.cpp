// Writing WAV and FLAC: the RIFF layout byte for byte, round trips through the decoder at each sample format,
// clamping, and atomicity (a failed write leaves no file, and an existing file survives).

#include "AudioTestSupport.h"
#include "audio/AudioFileWriter.h"
#include "audio/Decoder.h"
#include "audio/WavWriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <csignal>
#include <cstring>
#include <sys/resource.h>
#include <sys/stat.h>

using namespace stemcrate;
using namespace stemcrate::audio;
using namespace stemcrate::audio::test;

namespace {

// A stereo buffer of the shared test signal (exactly -1 and nearly +1 included).
AudioBuffer testBuffer(int64_t frames, int channels = 2, int sampleRate = 44100)
{
    AudioBuffer audio(channels, frames, sampleRate);
    for (int c = 0; c < channels; ++c) {
        const std::vector<double> signal = testSignal(frames, c);
        for (int64_t i = 0; i < frames; ++i)
            audio.channel(c)[i] = static_cast<float>(signal[size_t(i)]);
    }
    return audio;
}

// What an integer format stores for x, read back as float: round(x * 2^(bits-1)), clamped.
float quantised(float x, int bits)
{
    const double scale = std::ldexp(1.0, bits - 1);
    return static_cast<float>(std::clamp(std::nearbyint(double(x) * scale), -scale, scale - 1) / scale);
}

uint32_t u32At(const QByteArray& bytes, qsizetype at)
{
    uint32_t value = 0;
    for (int i = 3; i >= 0; --i)
        value = (value << 8) | static_cast<uint8_t>(bytes[at + i]);
    return value;
}

uint16_t u16At(const QByteArray& bytes, qsizetype at)
{
    return static_cast<uint16_t>(static_cast<uint8_t>(bytes[at]) | static_cast<uint8_t>(bytes[at + 1]) << 8);
}

// STREAMINFO is finished by the muxer seeking back at the end: total samples and MD5 must be filled in.
void checkFlacStreamInfo(const QByteArray& bytes, int64_t frames, int bits)
{
    QCOMPARE(bytes.left(4), QByteArray("fLaC"));
    QCOMPARE(uint8_t(bytes[4]) & 0x7F, 0); // first block: STREAMINFO
    uint64_t packed = 0; // sample rate (20 bits), channels - 1 (3), bits - 1 (5), total samples (36)
    for (int i = 0; i < 8; ++i)
        packed = (packed << 8) | uint8_t(bytes[18 + i]);
    QCOMPARE(int64_t(packed & ((uint64_t(1) << 36) - 1)), frames);
    QCOMPARE(int((packed >> 36) & 0x1F) + 1, bits);
    QCOMPARE(int((packed >> 41) & 0x7) + 1, 2);
    QCOMPARE(int(packed >> 44), 44100);
    QVERIFY(bytes.mid(26, 16) != QByteArray(16, '\0')); // MD5 of the samples
}

} // namespace

class WriterTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void wavHeaderLayout();
    void wavHeaderRefusesOver4GiB();
    void roundTrip_data();
    void roundTrip();
    void clampsAndRounds();
    void monoOddSizedDataIsPadded();
    void replacesExistingFileAtomically();
    void failedWriteLeavesNoFile_data();
    void failedWriteLeavesNoFile();
    void failingMidWriteLeavesNoFile_data();
    void failingMidWriteLeavesNoFile();
    void newFileFollowsUmask();

private:
    QString path(const QString& name) const { return m_dir.filePath(name); }
    QByteArray read(const QString& file) const;
    // Files in the folder whose names contain ".part-": leftovers of a write.
    QStringList leftovers(const QString& folder) const;

    QTemporaryDir m_dir;
};

QByteArray WriterTest::read(const QString& file) const
{
    QFile in(file);
    return in.open(QIODevice::ReadOnly) ? in.readAll() : QByteArray();
}

QStringList WriterTest::leftovers(const QString& folder) const
{
    return QDir(folder).entryList({"*.part-*"}, QDir::Files | QDir::Hidden);
}

void WriterTest::wavHeaderLayout()
{
    auto pcm = makeWavHeader(2, 44100, 10, SampleFormat::Int16);
    QVERIFY(pcm.ok());
    const QByteArray expectedPcm = QByteArray("RIFF") + QByteArray::fromHex("4c000000") + "WAVEfmt " +
                                   QByteArray::fromHex("10000000"
                                                       "0100"
                                                       "0200"
                                                       "44ac0000"
                                                       "10b10200"
                                                       "0400"
                                                       "1000") +
                                   "data" + QByteArray::fromHex("28000000");
    QCOMPARE(QByteArray(reinterpret_cast<const char*>(pcm->data()), qsizetype(pcm->size())), expectedPcm);

    auto pcm24 = makeWavHeader(2, 48000, 3, SampleFormat::Int24);
    QVERIFY(pcm24.ok());
    const QByteArray expected24 = QByteArray("RIFF") + QByteArray::fromHex("36000000") + "WAVEfmt " +
                                  QByteArray::fromHex("10000000"
                                                      "0100"
                                                      "0200"
                                                      "80bb0000"
                                                      "00650400"
                                                      "0600"
                                                      "1800") +
                                  "data" + QByteArray::fromHex("12000000");
    QCOMPARE(QByteArray(reinterpret_cast<const char*>(pcm24->data()), qsizetype(pcm24->size())), expected24);

    // IEEE float: format tag 3, an 18-byte fmt chunk (cbSize 0) and a 'fact' chunk holding the frame count.
    auto ieee = makeWavHeader(2, 44100, 10, SampleFormat::Float32);
    QVERIFY(ieee.ok());
    const QByteArray expectedFloat = QByteArray("RIFF") + QByteArray::fromHex("82000000") + "WAVEfmt " +
                                     QByteArray::fromHex("12000000"
                                                         "0300"
                                                         "0200"
                                                         "44ac0000"
                                                         "20620500"
                                                         "0800"
                                                         "2000"
                                                         "0000") +
                                     "fact" +
                                     QByteArray::fromHex("04000000"
                                                         "0a000000") +
                                     "data" + QByteArray::fromHex("50000000");
    QCOMPARE(QByteArray(reinterpret_cast<const char*>(ieee->data()), qsizetype(ieee->size())), expectedFloat);

    // More than two channels: WAVE_FORMAT_EXTENSIBLE with the PCM sub-format GUID.
    auto surround = makeWavHeader(6, 44100, 1, SampleFormat::Int24);
    QVERIFY(surround.ok());
    const QByteArray bytes(reinterpret_cast<const char*>(surround->data()), qsizetype(surround->size()));
    QCOMPARE(u32At(bytes, 16), 40u);
    QCOMPARE(u16At(bytes, 20), uint16_t(0xFFFE));
    QCOMPARE(u16At(bytes, 36), uint16_t(22));
    QCOMPARE(bytes.mid(44, 16), QByteArray::fromHex("0100000000001000800000aa00389b71"));
}

void WriterTest::wavHeaderRefusesOver4GiB()
{
    // 2^29 stereo 24-bit frames = 3 GiB: fits. 2^30 = 6 GiB: does not.
    QVERIFY(makeWavHeader(2, 44100, int64_t(1) << 29, SampleFormat::Int24).ok());
    auto tooBig = makeWavHeader(2, 44100, int64_t(1) << 30, SampleFormat::Int24);
    QVERIFY(!tooBig.ok());
    QCOMPARE(QString::fromStdString(tooBig.error()), "too long for a WAV file (over 4 GiB)");
    // The boundary: the RIFF size must stay <= 0xFFFFFFFF including header and pad.
    const int64_t maxFloatFrames = (int64_t(0xFFFFFFFF) - 4 - 26 - 12 - 8) / 8;
    QVERIFY(makeWavHeader(2, 44100, maxFloatFrames, SampleFormat::Float32).ok());
    QVERIFY(!makeWavHeader(2, 44100, maxFloatFrames + 1, SampleFormat::Float32).ok());
}

void WriterTest::roundTrip_data()
{
    QTest::addColumn<int>("fileFormat");
    QTest::addColumn<int>("sampleFormat");
    QTest::addColumn<int>("bits"); // 0: float, compared exactly
    QTest::newRow("wav float32") << int(FileFormat::Wav) << int(SampleFormat::Float32) << 0;
    QTest::newRow("wav int24") << int(FileFormat::Wav) << int(SampleFormat::Int24) << 24;
    QTest::newRow("wav int16") << int(FileFormat::Wav) << int(SampleFormat::Int16) << 16;
    QTest::newRow("flac int24") << int(FileFormat::Flac) << int(SampleFormat::Int24) << 24;
    QTest::newRow("flac int16") << int(FileFormat::Flac) << int(SampleFormat::Int16) << 16;
}

// Written, then read back with decodeFile: float exactly, integers exactly as quantised (so within
// half a step: 1/2^24 for 24-bit, 1/2^16 for 16-bit; a full step at +1.0, which clamps).
void WriterTest::roundTrip()
{
    QFETCH(int, fileFormat);
    QFETCH(int, sampleFormat);
    QFETCH(int, bits);
    constexpr int64_t kFrames = 3 * 4608 + 17; // several FLAC blocks and a short last one
    const AudioBuffer audio = testBuffer(kFrames);
    const QString file =
        path(QString("round-trip-%1-%2.%3").arg(sampleFormat).arg(bits).arg(fileFormat ? "flac" : "wav"));
    auto written =
        writeAudioFile(file.toStdString(), audio, FileFormat(fileFormat), SampleFormat(sampleFormat));
    QVERIFY2(written.ok(), written.ok() ? "" : written.error().c_str());
    QVERIFY(leftovers(m_dir.path()).isEmpty());

    auto track = decodeFile(file.toStdString());
    QVERIFY2(track.ok(), track.ok() ? "" : track.error().c_str());
    QCOMPARE(track->info.codec, std::string(fileFormat   ? "flac"
                                            : bits == 0  ? "pcm_f32le"
                                            : bits == 24 ? "pcm_s24le"
                                                         : "pcm_s16le"));
    QCOMPARE(track->audio.frames, kFrames);
    if (fileFormat == int(FileFormat::Flac))
        checkFlacStreamInfo(read(file), kFrames, bits);
    const double step = bits ? std::ldexp(1.0, 1 - bits) : 0.0;
    for (int c = 0; c < 2; ++c) {
        for (int64_t i = 0; i < kFrames; ++i) {
            const float source = audio.channel(c)[i];
            const float expected = bits ? quantised(source, bits) : source;
            const float decoded = track->audio.channel(c)[i];
            if (decoded != expected || std::abs(decoded - source) > step)
                QFAIL(qPrintable(QString("channel %1 frame %2: wrote %3, read %4, expected %5")
                                     .arg(c)
                                     .arg(i)
                                     .arg(double(source), 0, 'g', 9)
                                     .arg(double(decoded), 0, 'g', 9)
                                     .arg(double(expected), 0, 'g', 9)));
        }
    }
}

void WriterTest::clampsAndRounds()
{
    AudioBuffer audio(1, 8);
    const float input[8] = {1.5f,  -1.5f,        std::nanf(""), 1.0f,
                            -1.0f, 0.5f / 32768, 1.5f / 32768,  -0.5f / 32768};
    std::memcpy(audio.samples.data(), input, sizeof(input));
    const QString file = path("clamp.wav");
    QVERIFY(writeAudioFile(file.toStdString(), audio, FileFormat::Wav, SampleFormat::Int16).ok());
    const QByteArray bytes = read(file);
    QCOMPARE(bytes.size(), 44 + 16);
    const int16_t expected[8] = {32767, -32768, 0, 32767, -32768, 0, 2, 0}; // ties round to even
    for (int i = 0; i < 8; ++i)
        QCOMPARE(int16_t(u16At(bytes, 44 + 2 * i)), expected[i]);
}

void WriterTest::monoOddSizedDataIsPadded()
{
    const QString file = path("mono24.wav");
    QVERIFY(writeAudioFile(file.toStdString(), testBuffer(5, 1), FileFormat::Wav, SampleFormat::Int24).ok());
    const QByteArray bytes = read(file);
    QCOMPARE(bytes.size(), 44 + 15 + 1);
    QCOMPARE(u32At(bytes, 4), uint32_t(bytes.size() - 8));
    QCOMPARE(u32At(bytes, 40), 15u); // the data size excludes the pad byte
    QCOMPARE(bytes.back(), '\0');
    auto track = decodeFile(file.toStdString());
    QVERIFY(track.ok());
    QCOMPARE(track->audio.frames, int64_t(5));
}

void WriterTest::replacesExistingFileAtomically()
{
    const QString file = path("replace.wav");
    QVERIFY(writeBytes(file, "old contents"));
    QVERIFY(writeAudioFile(file.toStdString(), testBuffer(100), FileFormat::Wav, SampleFormat::Int16).ok());
    QCOMPARE(read(file).left(4), QByteArray("RIFF"));
    QVERIFY(leftovers(m_dir.path()).isEmpty());
}

void WriterTest::failedWriteLeavesNoFile_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("fileFormat");
    QTest::addColumn<int>("sampleFormat");
    QTest::addColumn<QString>("reason");
    QTest::newRow("float FLAC") << "float.flac" << int(FileFormat::Flac) << int(SampleFormat::Float32)
                                << "FLAC cannot store 32-bit float; choose 16 or 24 bit";
    QTest::newRow("missing folder") << "no-such-folder/x.wav" << int(FileFormat::Wav)
                                    << int(SampleFormat::Int16) << "cannot write: No such file or directory";
    QTest::newRow("final path is a folder") << "a-folder.wav" << int(FileFormat::Wav)
                                            << int(SampleFormat::Int16) << "cannot write: Is a directory";
    QTest::newRow("final path is a folder, FLAC")
        << "a-folder.flac" << int(FileFormat::Flac) << int(SampleFormat::Int24)
        << "cannot write: Is a directory";
}

void WriterTest::failedWriteLeavesNoFile()
{
    QFETCH(QString, name);
    QFETCH(int, fileFormat);
    QFETCH(int, sampleFormat);
    QFETCH(QString, reason);
    QDir(m_dir.path()).mkpath("a-folder.wav");
    QDir(m_dir.path()).mkpath("a-folder.flac");
    const QString file = path(name);
    auto written = writeAudioFile(file.toStdString(), testBuffer(1000), FileFormat(fileFormat),
                                  SampleFormat(sampleFormat));
    QVERIFY(!written.ok());
    QCOMPARE(QString::fromStdString(written.error()), "'" + file + "': " + reason);
    QVERIFY(!QFileInfo(file).isFile());
    QVERIFY(leftovers(m_dir.path()).isEmpty());

    // An existing file at the final path survives a failed write untouched.
    if (sampleFormat == int(SampleFormat::Float32)) {
        QVERIFY(writeBytes(file, "precious"));
        QVERIFY(!writeAudioFile(file.toStdString(), testBuffer(10), FileFormat(fileFormat),
                                SampleFormat(sampleFormat))
                     .ok());
        QCOMPARE(read(file), QByteArray("precious"));
    }
}

void WriterTest::failingMidWriteLeavesNoFile_data()
{
    QTest::addColumn<int>("fileFormat");
    QTest::newRow("wav") << int(FileFormat::Wav);
    QTest::newRow("flac") << int(FileFormat::Flac);
}

// A file size limit (RLIMIT_FSIZE) makes write() fail part-way, as a full disk would.
void WriterTest::failingMidWriteLeavesNoFile()
{
    QFETCH(int, fileFormat);
    const QString file = path(fileFormat ? "too-big.flac" : "too-big.wav");
    QVERIFY(writeBytes(file, "precious"));
    const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN); // EFBIG instead of being killed
    rlimit previous{};
    QCOMPARE(::getrlimit(RLIMIT_FSIZE, &previous), 0);
    rlimit small = previous;
    small.rlim_cur = 64 * 1024;
    QCOMPARE(::setrlimit(RLIMIT_FSIZE, &small), 0);
    auto written =
        writeAudioFile(file.toStdString(), testBuffer(44100), FileFormat(fileFormat), SampleFormat::Int24);
    ::setrlimit(RLIMIT_FSIZE, &previous);
    std::signal(SIGXFSZ, previousHandler);

    QVERIFY(!written.ok());
    QCOMPARE(QString::fromStdString(written.error()), "'" + file + "': cannot write: File too large");
    QCOMPARE(read(file), QByteArray("precious"));
    QVERIFY(leftovers(m_dir.path()).isEmpty());
}

void WriterTest::newFileFollowsUmask()
{
    const QString file = path("umask.wav");
    QVERIFY(writeAudioFile(file.toStdString(), testBuffer(10), FileFormat::Wav, SampleFormat::Int16).ok());
    const mode_t mask = ::umask(0);
    ::umask(mask);
    const auto permissions = QFile::permissions(file);
    QCOMPARE(bool(permissions & QFileDevice::ReadGroup), !(mask & 040));
    QCOMPARE(bool(permissions & QFileDevice::ReadOther), !(mask & 004));
}

QTEST_GUILESS_MAIN(WriterTest)
#include "tst_audio_writer.moc"
