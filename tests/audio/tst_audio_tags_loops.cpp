// AIFF, TPDF dither, tags and loop points: the AIFF layout and round trips, dither that is seeded,
// bounded and unbiased, the WAV metadata chunks (LIST/INFO, id3, acid, smpl) parsed back byte by byte,
// FLAC Vorbis comments and AIFF ID3/MARK/INST read back, and AtomicFile's never-replacing commit.

#include "AudioTestSupport.h"
#include "audio/AiffWriter.h"
#include "audio/AtomicFile.h"
#include "audio/AudioFileWriter.h"
#include "audio/Decoder.h"
#include "audio/SampleQuantiser.h"
#include "audio/TagChunks.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <bit>
#include <cmath>

using namespace stemcrate;
using namespace stemcrate::audio;
using namespace stemcrate::audio::test;

namespace {

AudioBuffer testBuffer(int64_t frames, int channels = 2)
{
    AudioBuffer audio(channels, frames);
    for (int c = 0; c < channels; ++c) {
        const std::vector<double> signal = testSignal(frames, c);
        for (int64_t i = 0; i < frames; ++i)
            audio.channel(c)[i] = static_cast<float>(signal[size_t(i)]);
    }
    return audio;
}

uint32_t le32(const QByteArray& bytes, qsizetype at)
{
    uint32_t value = 0;
    for (int i = 3; i >= 0; --i)
        value = (value << 8) | static_cast<uint8_t>(bytes[at + i]);
    return value;
}

uint16_t le16(const QByteArray& bytes, qsizetype at)
{
    return static_cast<uint16_t>(static_cast<uint8_t>(bytes[at]) | static_cast<uint8_t>(bytes[at + 1]) << 8);
}

uint32_t be32(const QByteArray& bytes, qsizetype at)
{
    uint32_t value = 0;
    for (int i = 0; i < 4; ++i)
        value = (value << 8) | static_cast<uint8_t>(bytes[at + i]);
    return value;
}

uint16_t be16(const QByteArray& bytes, qsizetype at)
{
    return static_cast<uint16_t>(static_cast<uint8_t>(bytes[at]) << 8 | static_cast<uint8_t>(bytes[at + 1]));
}

// "KEY=value" text of the INFO sub-chunk `id` inside a LIST/INFO payload.
QByteArray infoField(const QByteArray& list, const char* id)
{
    for (qsizetype at = 4; at + 8 <= list.size();) {
        const uint32_t size = le32(list, at + 4);
        if (list.mid(at, 4) == QByteArray(id, 4))
            return list.mid(at + 8, size).chopped(1); // without the NUL
        at += 8 + size + (size & 1);
    }
    return {};
}

// The text of ID3v2.4 frame `id` (after the encoding byte).
QByteArray id3Frame(const QByteArray& tag, const char* id)
{
    for (qsizetype at = 10; at + 10 <= tag.size();) {
        uint32_t size = 0;
        for (int i = 0; i < 4; ++i)
            size = (size << 7) | (static_cast<uint8_t>(tag[at + 4 + i]) & 0x7F);
        if (tag.mid(at, 4) == QByteArray(id, 4))
            return tag.mid(at + 11, size - 1);
        at += 10 + size;
    }
    return {};
}

AudioTags sampleTags()
{
    AudioTags tags;
    tags.title = "Tïtle / with slash";
    tags.artist = "Ärtist";
    tags.album = "Album";
    tags.comment = "from song.flac, stem vocals";
    tags.bpm = 123.5;
    tags.key = "F# minor";
    tags.extra = {{"STEMCRATE_STEM", "vocals"}};
    return tags;
}

} // namespace

class TagsLoopsTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void extendedFloatSampleRate()
    {
        const auto bytes = extendedFloat80(44100);
        const std::array<uint8_t, 10> expected = {0x40, 0x0E, 0xAC, 0x44, 0, 0, 0, 0, 0, 0};
        QVERIFY(bytes == expected);
        const auto rate48k = extendedFloat80(48000);
        const std::array<uint8_t, 10> expected48k = {0x40, 0x0E, 0xBB, 0x80, 0, 0, 0, 0, 0, 0};
        QVERIFY(rate48k == expected48k);
    }

    void aiffLayoutAndRoundTrip_data()
    {
        QTest::addColumn<int>("sampleFormat");
        QTest::addColumn<int>("bits");
        QTest::newRow("16") << int(SampleFormat::Int16) << 16;
        QTest::newRow("24") << int(SampleFormat::Int24) << 24;
    }

    void aiffLayoutAndRoundTrip()
    {
        QFETCH(int, sampleFormat);
        QFETCH(int, bits);
        const QString file = m_dir.filePath(QStringLiteral("round%1.aif").arg(bits));
        const AudioBuffer audio = testBuffer(4321);
        QVERIFY(writeAudioFile(file.toStdString(), audio, FileFormat::Aiff, SampleFormat(sampleFormat)).ok());

        const QByteArray bytes = readFile(file);
        QCOMPARE(bytes.left(4), QByteArray("FORM"));
        QCOMPARE(qsizetype(be32(bytes, 4)) + 8, bytes.size());
        QCOMPARE(bytes.mid(8, 4), QByteArray("AIFF"));
        const QByteArray comm = findChunk(bytes, "COMM");
        QCOMPARE(comm.size(), 18);
        QCOMPARE(be16(comm, 0), uint16_t(2));
        QCOMPARE(be32(comm, 2), uint32_t(4321));
        QCOMPARE(be16(comm, 6), uint16_t(bits));
        const QByteArray ssnd = findChunk(bytes, "SSND");
        QCOMPARE(ssnd.size(), 8 + 4321 * 2 * bits / 8);

        auto track = decodeFile(file.toStdString());
        QVERIFY2(track.ok(), track.ok() ? "" : track.error().c_str());
        QCOMPARE(track->audio.frames, audio.frames);
        const double scale = std::ldexp(1.0, bits - 1);
        for (int c = 0; c < 2; ++c)
            for (int64_t i = 0; i < audio.frames; ++i) {
                const double expected =
                    std::clamp(std::nearbyint(audio.channel(c)[i] * scale), -scale, scale - 1) / scale;
                QCOMPARE(track->audio.channel(c)[i], float(expected));
            }
    }

    void ditherIsSeededBoundedAndUnbiased()
    {
        const int frames = 200'000;
        std::vector<float> input(frames);
        for (int i = 0; i < frames; ++i)
            input[size_t(i)] = float(0.3 * std::sin(i * 0.001) + 0.123456e-4);
        for (int bits : {16, 24}) {
            SampleQuantiser a(bits, Dither::Tpdf, 7), b(bits, Dither::Tpdf, 7), other(bits, Dither::Tpdf, 8);
            const double scale = std::ldexp(1.0, bits - 1);
            double sum = 0, sumSquares = 0;
            int differs = 0;
            for (float x : input) {
                const int32_t q = a.quantise(x);
                QCOMPARE(b.quantise(x), q); // same seed, same noise
                differs += other.quantise(x) != q;
                const double error = q - double(x) * scale;
                QVERIFY2(std::abs(error) <= 1.5, qPrintable(QString::number(error)));
                sum += error;
                sumSquares += error * error;
            }
            QVERIFY(differs > frames / 4);
            // TPDF + rounding: mean 0, variance 1/6 (dither) + 1/12 (rounding) = 0.25 LSB^2.
            QVERIFY2(std::abs(sum / frames) < 0.01, qPrintable(QString::number(sum / frames)));
            QVERIFY2(std::abs(sumSquares / frames - 0.25) < 0.01,
                     qPrintable(QString::number(sumSquares / frames)));
        }
    }

    void ditherDoesNotTouchFloat()
    {
        const QString file = m_dir.filePath(QStringLiteral("float-dither.wav"));
        const AudioBuffer audio = testBuffer(1000);
        WriteOptions options;
        options.dither = Dither::Tpdf;
        QVERIFY(
            writeAudioFile(file.toStdString(), audio, FileFormat::Wav, SampleFormat::Float32, options).ok());
        auto track = decodeFile(file.toStdString());
        QVERIFY(track.ok());
        QVERIFY(track->audio.samples == audio.samples);
    }

    void wavChunksParseBack()
    {
        const QString file = m_dir.filePath(QStringLiteral("tagged.wav"));
        const AudioBuffer audio = testBuffer(44100);
        WriteOptions options;
        options.tags = sampleTags();
        options.loop = LoopPoints{0, audio.frames};
        QVERIFY(
            writeAudioFile(file.toStdString(), audio, FileFormat::Wav, SampleFormat::Int24, options).ok());
        const QByteArray bytes = readFile(file);
        QCOMPARE(qsizetype(le32(bytes, 4)) + 8, bytes.size());

        const QByteArray list = findChunk(bytes, "LIST");
        QCOMPARE(list.left(4), QByteArray("INFO"));
        QCOMPARE(QString::fromUtf8(infoField(list, "INAM")), QStringLiteral("Tïtle / with slash"));
        QCOMPARE(QString::fromUtf8(infoField(list, "IART")), QStringLiteral("Ärtist"));
        QCOMPARE(infoField(list, "IPRD"), QByteArray("Album"));
        QCOMPARE(infoField(list, "ICMT"), QByteArray("from song.flac, stem vocals"));

        const QByteArray id3 = findChunk(bytes, "id3 ");
        QCOMPARE(id3.left(5), QByteArray("ID3\x04\x00", 5));
        QCOMPARE(id3Frame(id3, "TBPM"), QByteArray("123.50"));
        QCOMPARE(id3Frame(id3, "TKEY"), QByteArray("F# minor"));
        QCOMPARE(id3Frame(id3, "TXXX"), QByteArray("STEMCRATE_STEM\0vocals", 21));

        const QByteArray acid = findChunk(bytes, "acid");
        QCOMPARE(acid.size(), 24);
        QCOMPARE(le32(acid, 0) & 0x01, 0u);    // not a one-shot: a loop
        QCOMPARE(le32(acid, 0) & 0x02, 0x02u); // root note set
        QCOMPARE(le16(acid, 4), uint16_t(66)); // F#4
        QCOMPARE(le32(acid, 12), 2u);          // 1 s at 123.5 BPM: 2 beats
        QCOMPARE(std::bit_cast<float>(le32(acid, 20)), 123.5f);

        const QByteArray smpl = findChunk(bytes, "smpl");
        QCOMPARE(smpl.size(), 60);
        QCOMPARE(le32(smpl, 8), uint32_t(std::lround(1e9 / 44100))); // sample period
        QCOMPARE(le32(smpl, 28), 1u);                                // one loop
        QCOMPARE(le32(smpl, 36 + 4), 0u);                            // forward
        QCOMPARE(le32(smpl, 36 + 8), 0u);                            // start
        QCOMPARE(le32(smpl, 36 + 12), uint32_t(audio.frames - 1));   // end, inclusive

        // Decoders still see the same audio; FFmpeg reads the INFO tags.
        auto track = decodeFile(file.toStdString());
        QVERIFY(track.ok());
        QCOMPARE(track->audio.frames, audio.frames);
        QCOMPARE(QString::fromStdString(track->info.artist), QStringLiteral("Ärtist"));
    }

    void noTagsNoChunks()
    {
        const QString file = m_dir.filePath(QStringLiteral("plain.wav"));
        QVERIFY(
            writeAudioFile(file.toStdString(), testBuffer(10), FileFormat::Wav, SampleFormat::Int16).ok());
        const QByteArray bytes = readFile(file);
        QVERIFY(findChunk(bytes, "LIST").isNull());
        QVERIFY(findChunk(bytes, "smpl").isNull());
        QCOMPARE(bytes.size(), 44 + 10 * 4);
    }

    void flacVorbisComments()
    {
        const QString file = m_dir.filePath(QStringLiteral("tagged.flac"));
        WriteOptions options;
        options.tags = sampleTags();
        options.loop = LoopPoints{0, 1000};
        QVERIFY(writeAudioFile(file.toStdString(), testBuffer(1000), FileFormat::Flac, SampleFormat::Int16,
                               options)
                    .ok());
        auto info = probeFile(file.toStdString());
        QVERIFY(info.ok());
        QCOMPARE(QString::fromStdString(info->title), QStringLiteral("Tïtle / with slash"));
        const auto& tags = info->tags;
        QCOMPARE(tags.at("BPM"), std::string("123.5"));
        QCOMPARE(tags.at("INITIALKEY"), std::string("F# minor"));
        QCOMPARE(tags.at("STEMCRATE_STEM"), std::string("vocals"));
        QCOMPARE(tags.at("LOOPSTART"), std::string("0"));
        QCOMPARE(tags.at("LOOPLENGTH"), std::string("1000"));
        QCOMPARE(tags.at("LOOPEND"), std::string("1000"));
    }

    void aiffTagsAndLoop()
    {
        const QString file = m_dir.filePath(QStringLiteral("tagged.aif"));
        WriteOptions options;
        options.tags = sampleTags();
        options.loop = LoopPoints{0, 777};
        QVERIFY(writeAudioFile(file.toStdString(), testBuffer(777), FileFormat::Aiff, SampleFormat::Int24,
                               options)
                    .ok());
        const QByteArray bytes = readFile(file);
        QCOMPARE(qsizetype(be32(bytes, 4)) + 8, bytes.size());
        const QByteArray mark = findChunk(bytes, "MARK");
        QCOMPARE(be16(mark, 0), uint16_t(2));
        QCOMPARE(be16(mark, 2), uint16_t(1));
        QCOMPARE(be32(mark, 4), 0u);
        const qsizetype second = 2 + 6 + 1 + 8 + 1; // id, position, "beg loop" as an even pstring
        QCOMPARE(be16(mark, second), uint16_t(2));
        QCOMPARE(be32(mark, second + 2), 777u); // exclusive end: markers sit between frames
        const QByteArray inst = findChunk(bytes, "INST");
        QCOMPARE(inst.size(), 20);
        QCOMPARE(uint8_t(inst[0]), uint8_t(66));
        QCOMPARE(be16(inst, 8), uint16_t(1)); // sustain loop forward
        QCOMPARE(be16(inst, 10), uint16_t(1));
        QCOMPARE(be16(inst, 12), uint16_t(2));

        auto info = probeFile(file.toStdString());
        QVERIFY(info.ok());
        QCOMPARE(info->tags.at("TBPM"), std::string("123.50"));
        QCOMPARE(info->tags.at("TKEY"), std::string("F# minor"));
        auto track = decodeFile(file.toStdString());
        QVERIFY(track.ok());
        QCOMPARE(track->audio.frames, int64_t(777));
    }

    void aiffRefusesFloat()
    {
        const QString file = m_dir.filePath(QStringLiteral("float.aif"));
        auto written =
            writeAudioFile(file.toStdString(), testBuffer(10), FileFormat::Aiff, SampleFormat::Float32);
        QVERIFY(!written.ok());
        QVERIFY(!QFile::exists(file));
    }

    void commitWithoutReplacingKeepsExisting()
    {
        const QString taken = m_dir.filePath(QStringLiteral("taken.bin"));
        QVERIFY(writeBytes(taken, "old"));
        auto file = AtomicFile::create(taken.toStdString());
        QVERIFY(file.ok());
        QVERIFY(file->write("new", 3).ok());
        auto placed = file->commitWithoutReplacing(taken.toStdString());
        QVERIFY(placed.ok());
        QVERIFY(!placed.value());
        QCOMPARE(readFile(taken), QByteArray("old"));
        const QString other = m_dir.filePath(QStringLiteral("taken (2).bin"));
        placed = file->commitWithoutReplacing(other.toStdString());
        QVERIFY(placed.ok() && placed.value());
        QCOMPARE(readFile(other), QByteArray("new"));
        QCOMPARE(QString::fromStdString(file->finalPath()), other);
        QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral("*.part-*")}).size(), 0);
    }

    void rootNotes()
    {
        QCOMPARE(rootNoteOfKey("C major"), 60);
        QCOMPARE(rootNoteOfKey("A minor"), 69);
        QCOMPARE(rootNoteOfKey("Bb"), 70);
        QCOMPARE(rootNoteOfKey("c#m"), 61);
        QCOMPARE(rootNoteOfKey("Cb"), 71);
        QCOMPARE(rootNoteOfKey(""), -1);
        QCOMPARE(rootNoteOfKey("H"), -1);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TagsLoopsTest)
#include "tst_audio_tags_loops.moc"
