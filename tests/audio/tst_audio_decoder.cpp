// Decoding: every container/codec the app is likely to meet, generated with the ffmpeg CLI at test time.
// Lossless 44.1 kHz stereo must come back bit-exact; lossy must keep its length (encoder delay and padding
// trimmed) and its timing; other rates and layouts must arrive as 44.1 kHz stereo.

#include "AudioTestSupport.h"
#include "audio/Decoder.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <numbers>

using namespace stemcrate;
using namespace stemcrate::audio;
using namespace stemcrate::audio::test;

namespace {

constexpr int64_t kLosslessFrames = 44100 + 1234; // not a whole number of codec blocks

// How the raw input of a lossless case was quantised, which fixes the exact float we expect back.
enum class Quantised
{
    S16,
    S24,
    S32,
    F32,
    F64,
    U8
};

int64_t clampRound(double value, double low, double high)
{
    return std::llround(std::clamp(value, low, high));
}

// The raw file's samples for one channel and the floats the decoder must return for them.
struct RawChannel
{
    std::vector<int16_t> s16;
    std::vector<int32_t> s24in32, s32;
    std::vector<float> f32;
    std::vector<double> f64;
    std::vector<uint8_t> u8;
};

RawChannel quantise(const std::vector<double>& signal)
{
    RawChannel raw;
    for (double x : signal) {
        raw.s16.push_back(static_cast<int16_t>(clampRound(x * 32768.0, -32768, 32767)));
        raw.s24in32.push_back(static_cast<int32_t>(clampRound(x * 8388608.0, -8388608, 8388607) * 256));
        raw.s32.push_back(static_cast<int32_t>(clampRound(x * 2147483648.0, -2147483648.0, 2147483647.0)));
        raw.f32.push_back(static_cast<float>(x));
        raw.f64.push_back(x);
        raw.u8.push_back(static_cast<uint8_t>(clampRound(x * 128.0 + 128.0, 0, 255)));
    }
    return raw;
}

float expectedSample(const RawChannel& raw, Quantised kind, size_t i)
{
    switch (kind) {
    case Quantised::S16:
        return static_cast<float>(raw.s16[i]) / 32768.0f;
    case Quantised::S24:
    case Quantised::S32: // s24 arrives left-justified in 32 bits either way
        return static_cast<float>(kind == Quantised::S24 ? raw.s24in32[i] : raw.s32[i]) / 2147483648.0f;
    case Quantised::F32:
        return raw.f32[i];
    case Quantised::F64:
        return static_cast<float>(raw.f64[i]);
    case Quantised::U8:
        return static_cast<float>(raw.u8[i] - 128) / 128.0f;
    }
    return 0;
}

double rms(const float* samples, int64_t count)
{
    double sum = 0;
    for (int64_t i = 0; i < count; ++i)
        sum += static_cast<double>(samples[i]) * samples[i];
    return count > 0 ? std::sqrt(sum / static_cast<double>(count)) : 0.0;
}

// The lag (decoded - reference, in frames) within +-maxLag that best aligns decoded with reference.
int64_t bestLag(const float* decoded, int64_t decodedFrames, const std::vector<float>& reference,
                int64_t maxLag)
{
    int64_t best = 0;
    double bestScore = -1e300;
    for (int64_t lag = -maxLag; lag <= maxLag; ++lag) {
        double score = 0;
        for (int64_t i = 0; i < int64_t(reference.size()); ++i)
            if (reference[size_t(i)] != 0.0f && i + lag >= 0 && i + lag < decodedFrames)
                score += double(reference[size_t(i)]) * decoded[i + lag];
        if (score > bestScore)
            bestScore = score, best = lag;
    }
    return best;
}

} // namespace

class DecoderTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void losslessIsExact_data();
    void losslessIsExact();
    void monoIsDuplicatedAtUnityGain();
    void lossyLengthIsTrimmed_data();
    void lossyLengthIsTrimmed();
    void lossyKeepsTiming_data();
    void lossyKeepsTiming();
    void resamplesToEngineRate_data();
    void resamplesToEngineRate();
    void downmixes51WithStandardMatrix();
    void decodesAudioOfVideo();
    void readsTags_data();
    void readsTags();
    void probeReportsSource();
    void nonAsciiPathWithColon();
    void pooledStorageDecodesTheSame();

private:
    QString path(const QString& name) const { return m_dir.filePath(name); }
    // Encodes with ffmpeg; QVERIFY-fails the calling test on error.
    bool ffmpeg(const QStringList& args);

    QTemporaryDir m_dir;
    RawChannel m_raw[2];
};

bool DecoderTest::ffmpeg(const QStringList& args)
{
    QString log;
    const bool ok = runFfmpeg(args, &log);
    if (!ok)
        qWarning().noquote() << log;
    return ok;
}

void DecoderTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    for (int c = 0; c < 2; ++c)
        m_raw[c] = quantise(testSignal(kLosslessFrames, c));
    QVERIFY(writeBytes(path("s16.raw"), rawBytes(interleave<int16_t>({m_raw[0].s16, m_raw[1].s16}))));
    QVERIFY(writeBytes(path("s24.raw"), rawBytes(interleave<int32_t>({m_raw[0].s24in32, m_raw[1].s24in32}))));
    QVERIFY(writeBytes(path("s32.raw"), rawBytes(interleave<int32_t>({m_raw[0].s32, m_raw[1].s32}))));
    QVERIFY(writeBytes(path("f32.raw"), rawBytes(interleave<float>({m_raw[0].f32, m_raw[1].f32}))));
    QVERIFY(writeBytes(path("f64.raw"), rawBytes(interleave<double>({m_raw[0].f64, m_raw[1].f64}))));
    QVERIFY(writeBytes(path("u8.raw"), rawBytes(interleave<uint8_t>({m_raw[0].u8, m_raw[1].u8}))));
    QVERIFY(writeBytes(path("mono_s16.raw"), rawBytes(m_raw[0].s16)));
}

void DecoderTest::losslessIsExact_data()
{
    QTest::addColumn<QString>("rawFormat"); // ffmpeg -f name; the file is "<raw>.raw"
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QStringList>("encode");
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<int>("quantised");
    const auto row = [](const char* name, QString rawFormat, QString raw, QStringList encode, int kind) {
        QTest::newRow(name) << rawFormat << raw << encode << QString(name) << kind;
    };
    row("s16.wav", "s16le", "s16", {"-c:a", "pcm_s16le"}, int(Quantised::S16));
    row("s24.wav", "s32le", "s24", {"-c:a", "pcm_s24le"}, int(Quantised::S24));
    row("s32.wav", "s32le", "s32", {"-c:a", "pcm_s32le"}, int(Quantised::S32));
    row("f32.wav", "f32le", "f32", {"-c:a", "pcm_f32le"}, int(Quantised::F32));
    row("f64.wav", "f64le", "f64", {"-c:a", "pcm_f64le"}, int(Quantised::F64));
    row("u8.wav", "u8", "u8", {"-c:a", "pcm_u8"}, int(Quantised::U8));
    row("s16.flac", "s16le", "s16", {"-c:a", "flac"}, int(Quantised::S16));
    row("s24.flac", "s32le", "s24", {"-c:a", "flac", "-sample_fmt", "s32", "-bits_per_raw_sample", "24"},
        int(Quantised::S24));
    row("s16.aiff", "s16le", "s16", {"-c:a", "pcm_s16be"}, int(Quantised::S16));
    row("s24.aiff", "s32le", "s24", {"-c:a", "pcm_s24be"}, int(Quantised::S24));
    // AIFF-C (the 'AIFC' form type, here with little-endian 'sowt' samples as Macs write them).
    row("sowt.aifc", "s16le", "s16", {"-c:a", "pcm_s16le", "-f", "aiff"}, int(Quantised::S16));
    row("f32.aifc", "f32le", "f32", {"-c:a", "pcm_f32be", "-f", "aiff"}, int(Quantised::F32));
    // Apple Lossless in an MP4 container.
    row("s16-alac.m4a", "s16le", "s16", {"-c:a", "alac"}, int(Quantised::S16));
    row("s24-alac.m4a", "s32le", "s24", {"-c:a", "alac", "-sample_fmt", "s32p"}, int(Quantised::S24));
}

void DecoderTest::losslessIsExact()
{
    QFETCH(QString, rawFormat);
    QFETCH(QString, raw);
    QFETCH(QStringList, encode);
    QFETCH(QString, fileName);
    QFETCH(int, quantised);
    const QString file = path(fileName);
    QVERIFY(ffmpeg(QStringList{"-f", rawFormat, "-ar", "44100", "-ac", "2", "-i", path(raw + ".raw")} +
                   encode + QStringList{file}));

    auto track = decodeFile(file.toStdString());
    QVERIFY2(track.ok(), track.ok() ? "" : track.error().c_str());
    const AudioBuffer& audio = track->audio;
    QCOMPARE(audio.sampleRate, 44100);
    QCOMPARE(audio.channels, 2);
    QCOMPARE(audio.frames, kLosslessFrames);
    QCOMPARE(track->info.sourceSampleRate, 44100);
    QCOMPARE(track->info.sourceChannels, 2);
    QCOMPARE(track->info.durationSeconds, double(kLosslessFrames) / 44100.0);
    for (int c = 0; c < 2; ++c) {
        for (int64_t i = 0; i < kLosslessFrames; ++i) {
            const float expected = expectedSample(m_raw[c], Quantised(quantised), size_t(i));
            if (audio.channel(c)[i] != expected)
                QFAIL(qPrintable(QString("channel %1 frame %2: got %3, expected %4")
                                     .arg(c)
                                     .arg(i)
                                     .arg(double(audio.channel(c)[i]), 0, 'g', 9)
                                     .arg(double(expected), 0, 'g', 9)));
        }
    }
}

void DecoderTest::monoIsDuplicatedAtUnityGain()
{
    const QString file = path("mono.wav");
    QVERIFY(ffmpeg(
        {"-f", "s16le", "-ar", "44100", "-ac", "1", "-i", path("mono_s16.raw"), "-c:a", "pcm_s16le", file}));
    auto track = decodeFile(file.toStdString());
    QVERIFY2(track.ok(), track.ok() ? "" : track.error().c_str());
    QCOMPARE(track->info.sourceChannels, 1);
    QCOMPARE(track->audio.channels, 2);
    QCOMPARE(track->audio.frames, kLosslessFrames);
    for (int64_t i = 0; i < kLosslessFrames; ++i) {
        const float expected = float(m_raw[0].s16[size_t(i)]) / 32768.0f;
        QCOMPARE(track->audio.channel(0)[i], expected);
        QCOMPARE(track->audio.channel(1)[i], expected);
    }
}

void DecoderTest::lossyLengthIsTrimmed_data()
{
    // lavfi's sine has amplitude 1/8 (RMS 0.0884); the CLI's own mono->stereo upmix lowers it 3 dB (RMS
    // 1/16), while mono files must come back at unity gain.
    constexpr double kStereoRms = 0.0625, kMonoRms = 0.125 / std::numbers::sqrt2;
    constexpr int kWmaToleranceFrames = 1200;
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QStringList>("encode");
    QTest::addColumn<int>("toleranceFrames"); // measured with FFmpeg 5.1 and these encoders
    QTest::addColumn<double>("expectedRms");
    QTest::newRow("mp3") << "sine.mp3" << QStringList{"-ac", "2", "-c:a", "libmp3lame", "-b:a", "192k"} << 0
                         << kStereoRms;
    QTest::newRow("mp3 mono 48k") << "sine48.mp3"
                                  << QStringList{"-ac", "1", "-ar", "48000", "-c:a", "libmp3lame"} << 0
                                  << kMonoRms;
    QTest::newRow("aac m4a") << "sine.m4a" << QStringList{"-ac", "2", "-c:a", "aac", "-b:a", "192k"} << 0
                             << kStereoRms;
    // FFmpeg 5.1 drops the last 128 samples of libvorbis-encoded Ogg (the ffmpeg CLI too): the demuxer's
    // end trim counts the first packet, which the decoder never outputs. The timing stays right.
    QTest::newRow("vorbis ogg") << "sine.ogg" << QStringList{"-ac", "2", "-c:a", "libvorbis"} << 128
                                << kStereoRms;
    QTest::newRow("opus") << "sine.opus" << QStringList{"-ac", "2", "-c:a", "libopus"} << 0 << kStereoRms;
    // WMA (wmav2 in ASF) declares no encoder delay or padding to trim: FFmpeg 5.1's own encoder and decoder
    // lose 1092 frames of a 1 s sine (the ffmpeg CLI too), so the tolerance is that, rounded up.
    QTest::newRow("wma") << "sine.wma" << QStringList{"-ac", "2", "-c:a", "wmav2", "-b:a", "128k"}
                         << kWmaToleranceFrames << kStereoRms;
}

void DecoderTest::lossyLengthIsTrimmed()
{
    QFETCH(QString, fileName);
    QFETCH(QStringList, encode);
    QFETCH(int, toleranceFrames);
    QFETCH(double, expectedRms);
    const QString file = path(fileName);
    QVERIFY(ffmpeg(QStringList{"-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100:duration=1"} +
                   encode + QStringList{file}));
    auto track = decodeFile(file.toStdString());
    QVERIFY2(track.ok(), track.ok() ? "" : track.error().c_str());
    QVERIFY2(
        std::abs(track->audio.frames - 44100) <= toleranceFrames,
        qPrintable(QString("%1 frames, expected 44100 +- %2").arg(track->audio.frames).arg(toleranceFrames)));
    for (int c = 0; c < 2; ++c) {
        const double level = rms(track->audio.channel(c), track->audio.frames);
        // Lossy encoders at low bitrates lose up to ~0.4 dB; a wrong gain (mono at -3 dB) is 29 % off.
        QVERIFY2(std::abs(level / expectedRms - 1.0) < 0.06, qPrintable(QString::number(level)));
    }
}

void DecoderTest::lossyKeepsTiming_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QStringList>("encode");
    QTest::newRow("mp3") << "burst.mp3" << QStringList{"-c:a", "libmp3lame", "-b:a", "192k"};
    QTest::newRow("aac m4a") << "burst.m4a" << QStringList{"-c:a", "aac", "-b:a", "192k"};
    QTest::newRow("vorbis ogg") << "burst.ogg" << QStringList{"-c:a", "libvorbis"};
    QTest::newRow("opus") << "burst.opus" << QStringList{"-c:a", "libopus", "-b:a", "192k"};
}

// A Hann-windowed burst at 0.5 s: encoder delay left untrimmed would move it later. The burst is noise-like
// (two inharmonic tones) so that the cross-correlation has one clear peak.
void DecoderTest::lossyKeepsTiming()
{
    QFETCH(QString, fileName);
    QFETCH(QStringList, encode);
    constexpr int64_t kFrames = 44100, kBurstStart = 22050, kBurstFrames = 4410, kMaxLag = 2048;
    std::vector<float> signal(kFrames, 0.0f);
    for (int64_t i = 0; i < kBurstFrames; ++i) {
        const double window = 0.5 - 0.5 * std::cos(2.0 * std::numbers::pi * i / kBurstFrames);
        const double t = double(i) / 44100.0;
        signal[size_t(kBurstStart + i)] =
            float(window * (0.4 * std::sin(2.0 * std::numbers::pi * 1000.0 * t) +
                            0.3 * std::sin(2.0 * std::numbers::pi * 1733.0 * t)));
    }
    const QString raw = path(fileName + ".raw");
    QVERIFY(writeBytes(raw, rawBytes(interleave<float>({signal, signal}))));
    const QString file = path(fileName);
    QVERIFY(ffmpeg(QStringList{"-f", "f32le", "-ar", "44100", "-ac", "2", "-i", raw} + encode +
                   QStringList{file}));

    auto track = decodeFile(file.toStdString());
    QVERIFY2(track.ok(), track.ok() ? "" : track.error().c_str());
    const int64_t lag = bestLag(track->audio.channel(0), track->audio.frames, signal, kMaxLag);
    QCOMPARE(lag, int64_t(0));
}

void DecoderTest::resamplesToEngineRate_data()
{
    QTest::addColumn<int>("sourceRate");
    QTest::newRow("48 kHz") << 48000;
    QTest::newRow("22.05 kHz") << 22050;
    QTest::newRow("96 kHz") << 96000;
}

// Tones well inside both bands must arrive at the same amplitude and phase, with the length kept.
void DecoderTest::resamplesToEngineRate()
{
    QFETCH(int, sourceRate);
    const auto tone = [](int channel, double t) {
        return channel == 0 ? 0.5 * std::sin(2.0 * std::numbers::pi * 1000.0 * t)
                            : 0.25 * std::sin(2.0 * std::numbers::pi * 3000.0 * t + 1.0);
    };
    std::vector<float> source[2];
    for (int c = 0; c < 2; ++c)
        for (int i = 0; i < sourceRate; ++i)
            source[c].push_back(float(tone(c, double(i) / sourceRate)));
    const QString raw = path(QString("tone%1.raw").arg(sourceRate));
    const QString file = path(QString("tone%1.wav").arg(sourceRate));
    QVERIFY(writeBytes(raw, rawBytes(interleave<float>({source[0], source[1]}))));
    QVERIFY(ffmpeg({"-f", "f32le", "-ar", QString::number(sourceRate), "-ac", "2", "-i", raw, "-c:a",
                    "pcm_f32le", file}));

    auto track = decodeFile(file.toStdString());
    QVERIFY2(track.ok(), track.ok() ? "" : track.error().c_str());
    QCOMPARE(track->info.sourceSampleRate, sourceRate);
    QCOMPARE(track->audio.frames, int64_t(44100));
    // The resampler's filter rings at the cut ends; compare the inside.
    double worst = 0;
    for (int c = 0; c < 2; ++c)
        for (int64_t i = 500; i < 44100 - 500; ++i)
            worst = std::max(worst, std::abs(track->audio.channel(c)[i] - tone(c, double(i) / 44100.0)));
    QVERIFY2(worst < 1e-4, qPrintable(QString::number(worst))); // measured <= 7.3e-6
}

// libswresample's default matrix for 5.1 -> stereo: L = FL + C/sqrt2 + SL/sqrt2, R likewise, LFE dropped.
void DecoderTest::downmixes51WithStandardMatrix()
{
    constexpr int kFrames = 4410;
    std::vector<std::vector<float>> channels(6); // FL FR FC LFE SL SR
    for (int c = 0; c < 6; ++c)
        for (int i = 0; i < kFrames; ++i)
            channels[size_t(c)].push_back(
                float(0.1 * std::sin(2.0 * std::numbers::pi * 100.0 * (c + 1) * i / 44100.0)));
    const QString raw = path("surround.raw"), file = path("surround.wav");
    QVERIFY(writeBytes(raw, rawBytes(interleave<float>(channels))));
    QVERIFY(
        ffmpeg({"-f", "f32le", "-ar", "44100", "-ch_layout", "5.1", "-i", raw, "-c:a", "pcm_f32le", file}));

    auto track = decodeFile(file.toStdString());
    QVERIFY2(track.ok(), track.ok() ? "" : track.error().c_str());
    QCOMPARE(track->info.sourceChannels, 6);
    QCOMPARE(track->audio.frames, int64_t(kFrames));
    const double k = std::numbers::sqrt2 / 2.0;
    for (int i = 0; i < kFrames; ++i) {
        const double left = channels[0][i] + k * channels[2][i] + k * channels[4][i];
        const double right = channels[1][i] + k * channels[2][i] + k * channels[5][i];
        QVERIFY(std::abs(track->audio.channel(0)[i] - left) < 1e-6);
        QVERIFY(std::abs(track->audio.channel(1)[i] - right) < 1e-6);
    }
}

void DecoderTest::decodesAudioOfVideo()
{
    const QString file = path("video.mp4");
    QVERIFY(ffmpeg({"-f", "lavfi", "-i", "testsrc=duration=1:size=160x120:rate=25", "-f", "lavfi", "-i",
                    "sine=frequency=440:sample_rate=48000:duration=1", "-c:v", "mpeg4", "-c:a", "aac",
                    "-shortest", file}));
    auto track = decodeFile(file.toStdString());
    QVERIFY2(track.ok(), track.ok() ? "" : track.error().c_str());
    QCOMPARE(track->info.codec, std::string("aac"));
    QCOMPARE(track->info.sourceSampleRate, 48000);
    QCOMPARE(track->audio.frames, int64_t(44100)); // the edit list's end, not the last AAC frame's
    QVERIFY(rms(track->audio.channel(1), track->audio.frames) > 0.08);
}

void DecoderTest::readsTags_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QString>("codec");
    QTest::newRow("mp3 id3v2") << "tags.mp3"
                               << "libmp3lame";
    QTest::newRow("flac vorbis comment") << "tags.flac"
                                         << "flac";
    QTest::newRow("m4a") << "tags.m4a"
                         << "aac";
    QTest::newRow("ogg vorbis") << "tags.ogg"
                                << "libvorbis";
    QTest::newRow("opus") << "tags.opus"
                          << "libopus";
}

void DecoderTest::readsTags()
{
    QFETCH(QString, fileName);
    QFETCH(QString, codec);
    const QString file = path(fileName);
    const QString title = QString::fromUtf8("Señor Ü — 音楽"), artist = "The Artist", album = "Album: Deluxe";
    QVERIFY(ffmpeg({"-f", "lavfi", "-i", "sine=duration=0.5", "-c:a", codec, "-metadata", "title=" + title,
                    "-metadata", "artist=" + artist, "-metadata", "album=" + album, file}));
    for (int pass = 0; pass < 2; ++pass) {
        Result<TrackInfo> info = pass == 0 ? probeFile(file.toStdString()) : [&]() -> Result<TrackInfo> {
            auto track = decodeFile(file.toStdString());
            if (!track)
                return makeError(track.error());
            return std::move(track.value().info);
        }();
        QVERIFY2(info.ok(), info.ok() ? "" : info.error().c_str());
        QCOMPARE(QString::fromStdString(info->title), title);
        QCOMPARE(QString::fromStdString(info->artist), artist);
        QCOMPARE(QString::fromStdString(info->album), album);
        QCOMPARE(info->path, file.toStdString());
    }
}

void DecoderTest::probeReportsSource()
{
    const QString file = path("probe.mp3");
    QVERIFY(ffmpeg(
        {"-f", "lavfi", "-i", "sine=sample_rate=48000:duration=2", "-ac", "1", "-c:a", "libmp3lame", file}));
    auto info = probeFile(file.toStdString());
    QVERIFY2(info.ok(), info.ok() ? "" : info.error().c_str());
    QCOMPARE(info->codec, std::string("mp3"));
    QCOMPARE(info->sourceSampleRate, 48000);
    QCOMPARE(info->sourceChannels, 1);
    QVERIFY2(std::abs(info->durationSeconds - 2.0) < 0.05,
             qPrintable(QString::number(info->durationSeconds)));
}

// Non-ASCII names arrive as UTF-8; a colon must not be taken for a protocol ("take:" is not a URL scheme).
void DecoderTest::nonAsciiPathWithColon()
{
    const QString file = path(QString::fromUtf8("ünïcødé 音楽 take:2.wav"));
    QVERIFY(QFile::copy(path("s16.wav"), file));
    auto track = decodeFile(file.toStdString());
    QVERIFY2(track.ok(), track.ok() ? "" : track.error().c_str());
    QCOMPARE(track->audio.frames, kLosslessFrames);
    QCOMPARE(track->audio.channel(1)[7], float(m_raw[1].s16[7]) / 32768.0f);
}

// Decoding into the storage of earlier songs (DecodeOptions::buffers, as stemcrate-cli's batch does): the same
// samples as into fresh memory, for a stereo file, then a mono one and a stereo one again in the first two's
// reused (stale) storage; the storage and the decoder's scratch come from the pool once it holds them.
void DecoderTest::pooledStorageDecodesTheSame()
{
    const QString stereo = path("pooled.flac"), mono = path("pooled-mono.wav");
    QVERIFY(ffmpeg({"-f", "s16le", "-ar", "44100", "-ac", "2", "-i", path("s16.raw"), "-c:a", "flac", stereo}));
    QVERIFY(ffmpeg({"-f", "s16le", "-ar", "44100", "-ac", "1", "-i", path("mono_s16.raw"), "-c:a", "pcm_s16le",
                    "-t", "0.5", mono}));
    AudioBufferPool pool(4);
    DecodeOptions options;
    options.buffers = &pool;
    for (const QString& file : {stereo, mono, stereo}) {
        auto fresh = decodeFile(file.toStdString());
        auto pooled = decodeFile(file.toStdString(), options);
        QVERIFY(fresh.ok() && pooled.ok());
        QCOMPARE(pooled->audio.frames, fresh->audio.frames);
        QCOMPARE(pooled->audio.channels, 2);
        QCOMPARE(pooled->audio.samples.size(), fresh->audio.samples.size());
        QVERIFY(std::equal(fresh->audio.samples.begin(), fresh->audio.samples.end(), pooled->audio.samples.begin()));
        pool.give(std::move(pooled->audio));
    }
    QCOMPARE(pool.reused(), size_t(4)); // the second and third decodes: their storage and their scratch
}

QTEST_GUILESS_MAIN(DecoderTest)
#include "tst_audio_decoder.moc"
