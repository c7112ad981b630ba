// exportSample end to end: export, decode, compare. A default export is a bit-exact copy; integer formats
// are exact without dither and within dither bounds with it; a mix equals the weighted sum; fades, zero-
// crossing snap, normalisation and the loop wrap do what they promise; nothing is ever overwritten (also
// under concurrent exports); bad requests leave no file.

#include "AudioTestSupport.h"
#include "audio/Decoder.h"
#include "library/SampleExporter.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <numbers>
#include <random>
#include <set>
#include <thread>

using namespace stemcrate;
using namespace stemcrate::library;
using namespace stemcrate::audio::test;

namespace {

constexpr int64_t kFrames = 3 * 44100;

// Stereo noise plus a tone, distinct per seed; some values need all 24 bits of a float's mantissa.
AudioBuffer makeStem(int seed, double toneHz = 220.0)
{
    AudioBuffer stem(2, kFrames);
    std::mt19937 random(static_cast<unsigned>(seed));
    std::uniform_real_distribution<float> noise(-0.2f, 0.2f);
    for (int c = 0; c < 2; ++c)
        for (int64_t i = 0; i < kFrames; ++i)
            stem.channel(c)[i] =
                static_cast<float>(0.5 * std::sin(2 * std::numbers::pi * toneHz * (i + 37 * c) / 44100.0)) +
                noise(random);
    return stem;
}

AudioBuffer sineStem(double hz, double amplitude = 0.5)
{
    AudioBuffer stem(2, kFrames);
    for (int c = 0; c < 2; ++c)
        for (int64_t i = 0; i < kFrames; ++i)
            stem.channel(c)[i] =
                static_cast<float>(amplitude * std::sin(2 * std::numbers::pi * hz * i / 44100.0));
    return stem;
}

AudioBuffer decode(const std::string& path)
{
    auto track = audio::decodeFile(path);
    if (!track.ok()) {
        qWarning("%s", track.error().c_str());
        return {};
    }
    return std::move(track.value().audio);
}

uint32_t le32(const QByteArray& bytes, qsizetype at)
{
    uint32_t value = 0;
    for (int i = 3; i >= 0; --i)
        value = (value << 8) | static_cast<uint8_t>(bytes[at + i]);
    return value;
}

double maxStep(const AudioBuffer& audio, int64_t from, int64_t to)
{
    double step = 0;
    for (int c = 0; c < audio.channels; ++c)
        for (int64_t i = std::max<int64_t>(from, 1); i < to; ++i)
            step = std::max(step, double(std::abs(audio.channel(c)[i] - audio.channel(c)[i - 1])));
    return step;
}

} // namespace

class ExportTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_stem = makeStem(1);
    }

    void defaultExportIsBitExactCopy()
    {
        ExportRequest r = request("exact");
        r.startFrame = 12345;
        r.endFrame = 12345 + 44100;
        auto result = exportSample(r);
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().c_str());
        QVERIFY(result->path.ends_with(".wav"));
        QCOMPARE(result->startFrame, r.startFrame);
        QCOMPARE(result->endFrame, r.endFrame);
        const AudioBuffer out = decode(result->path);
        QCOMPARE(out.frames, r.endFrame - r.startFrame);
        for (int c = 0; c < 2; ++c)
            QVERIFY(std::memcmp(out.channel(c), m_stem.channel(c) + r.startFrame, size_t(out.frames) * 4) ==
                    0);
    }

    void integerRoundTrips_data()
    {
        QTest::addColumn<int>("format");
        QTest::addColumn<int>("sampleFormat");
        QTest::addColumn<int>("bits");
        QTest::addColumn<bool>("dither");
        for (auto [format, name] :
             {std::pair{audio::FileFormat::Wav, "wav"}, std::pair{audio::FileFormat::Flac, "flac"},
              std::pair{audio::FileFormat::Aiff, "aiff"}})
            for (int bits : {16, 24})
                for (bool dither : {false, true})
                    QTest::addRow("%s %d %s", name, bits, dither ? "dither" : "no dither")
                        << int(format)
                        << int(bits == 16 ? audio::SampleFormat::Int16 : audio::SampleFormat::Int24) << bits
                        << dither;
    }

    // Without dither exactly round(x * 2^(bits-1)); with TPDF dither within 1.5 LSB of x.
    void integerRoundTrips()
    {
        QFETCH(int, format);
        QFETCH(int, sampleFormat);
        QFETCH(int, bits);
        QFETCH(bool, dither);
        ExportRequest r = request(QStringLiteral("int-%1-%2-%3").arg(format).arg(bits).arg(dither));
        r.startFrame = 1000;
        r.endFrame = 1000 + 20000;
        r.options.format = audio::FileFormat(format);
        r.options.sampleFormat = audio::SampleFormat(sampleFormat);
        r.options.dither = dither;
        auto result = exportSample(r);
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().c_str());
        const AudioBuffer out = decode(result->path);
        QCOMPARE(out.frames, r.endFrame - r.startFrame);
        const double scale = std::ldexp(1.0, bits - 1);
        double worst = 0;
        for (int c = 0; c < 2; ++c)
            for (int64_t i = 0; i < out.frames; ++i) {
                const double x = m_stem.channel(c)[r.startFrame + i];
                const double error = std::abs(double(out.channel(c)[i]) * scale - x * scale);
                worst = std::max(worst, error);
                if (!dither)
                    QCOMPARE(double(out.channel(c)[i]) * scale, std::nearbyint(x * scale));
            }
        QVERIFY2(worst <= (dither ? 1.5 : 0.5), qPrintable(QString::number(worst)));
        if (dither)
            QVERIFY(worst > 0.5); // the noise is really there
    }

    void ditherIsReproducible()
    {
        ExportRequest r = request("seeded");
        r.endFrame = 5000;
        r.options.sampleFormat = audio::SampleFormat::Int16;
        auto first = exportSample(r);
        auto second = exportSample(r);
        QVERIFY(first.ok() && second.ok());
        QVERIFY(first->path != second->path);
        QCOMPARE(readFile(QString::fromStdString(first->path)),
                 readFile(QString::fromStdString(second->path)));
    }

    void mixIsWeightedSum()
    {
        const AudioBuffer drums = makeStem(2, 110), bass = makeStem(3, 55), vocals = makeStem(4, 440);
        ExportRequest r = request("mix");
        r.stems = {&drums, &bass, &vocals};
        r.gains = {0.5f, -1.0f, 0.25f};
        r.startFrame = 100;
        r.endFrame = 30000;
        auto result = exportSample(r);
        QVERIFY(result.ok());
        const AudioBuffer out = decode(result->path);
        QCOMPARE(out.frames, r.endFrame - r.startFrame);
        for (int c = 0; c < 2; ++c)
            for (int64_t i = 0; i < out.frames; ++i) {
                const int64_t t = r.startFrame + i;
                const double expected =
                    0.5 * drums.channel(c)[t] - bass.channel(c)[t] + 0.25 * vocals.channel(c)[t];
                QVERIFY(std::abs(out.channel(c)[i] - expected) < 1e-6);
            }
    }

    void fades_data()
    {
        QTest::addColumn<int>("curve");
        QTest::newRow("linear") << int(FadeCurve::Linear);
        QTest::newRow("equal power") << int(FadeCurve::EqualPower);
    }

    void fades()
    {
        QFETCH(int, curve);
        const AudioBuffer dc = constantStem(0.5f);
        ExportRequest r = request(QStringLiteral("fade-%1").arg(curve));
        r.stems = {&dc};
        r.startFrame = 0;
        r.endFrame = 44100;
        r.options.fadeInMs = 10;  // 441 frames
        r.options.fadeOutMs = 20; // 882 frames
        r.options.fadeCurve = FadeCurve(curve);
        auto result = exportSample(r);
        QVERIFY(result.ok());
        const AudioBuffer out = decode(result->path);
        auto gain = [&](double t) {
            return curve == int(FadeCurve::Linear) ? t : std::sin(t * std::numbers::pi / 2);
        };
        for (int c = 0; c < 2; ++c) {
            const float* y = out.channel(c);
            QCOMPARE(y[0], 0.0f);
            QCOMPARE(y[out.frames - 1], 0.0f);
            for (int k = 0; k < 441; ++k)
                QVERIFY(std::abs(y[k] - 0.5 * gain(k / 441.0)) < 1e-6);
            for (int k = 0; k < 882; ++k)
                QVERIFY(std::abs(y[out.frames - 1 - k] - 0.5 * gain(k / 882.0)) < 1e-6);
            for (int64_t i = 441; i < out.frames - 882; ++i)
                QCOMPARE(y[i], 0.5f);
        }
    }

    void zeroCrossingSnap_data()
    {
        QTest::addColumn<int>("mode");
        QTest::newRow("any") << int(ZeroCrossingSnap::Any);
        QTest::newRow("rising") << int(ZeroCrossingSnap::Rising);
    }

    void zeroCrossingSnap()
    {
        QFETCH(int, mode);
        const AudioBuffer sine = sineStem(100); // a crossing every 220.5 frames, rising every 441
        ExportRequest r = request(QStringLiteral("snap-%1").arg(mode));
        r.stems = {&sine};
        r.startFrame = 10000; // a few ms off any crossing
        r.endFrame = 30000;
        r.options.snap = ZeroCrossingSnap(mode);
        r.options.snapWindowMs = 10; // 441 frames: always finds one
        auto result = exportSample(r);
        QVERIFY(result.ok());
        QVERIFY(std::abs(result->startFrame - r.startFrame) <=
                (mode == int(ZeroCrossingSnap::Rising) ? 221 : 111));
        QVERIFY(std::abs(result->endFrame - r.endFrame) <= 441);
        for (int64_t edge : {result->startFrame, result->endFrame}) {
            const float before = sine.channel(0)[edge - 1], at = sine.channel(0)[edge];
            QVERIFY2(before < 0 ? at >= 0 : at <= 0, qPrintable(QString("%1 %2").arg(before).arg(at)));
            if (mode == int(ZeroCrossingSnap::Rising))
                QVERIFY(before < 0 && at >= 0);
        }
        const AudioBuffer out = decode(result->path);
        QCOMPARE(out.frames, result->endFrame - result->startFrame);
        QVERIFY(std::abs(out.channel(0)[0]) < 0.01); // one step of a 100 Hz sine at 0.5 is 0.0071
    }

    void snapWithoutCrossingKeepsEdges()
    {
        const AudioBuffer dc = constantStem(0.25f);
        ExportRequest r = request("snap-dc");
        r.stems = {&dc};
        r.startFrame = 500;
        r.endFrame = 1500;
        r.options.snap = ZeroCrossingSnap::Any;
        auto result = exportSample(r);
        QVERIFY(result.ok());
        QCOMPARE(result->startFrame, int64_t(500));
        QCOMPARE(result->endFrame, int64_t(1500));
    }

    void normalize()
    {
        const AudioBuffer quiet = sineStem(440, 0.1);
        ExportRequest r = request("normalize");
        r.stems = {&quiet};
        r.endFrame = 44100;
        r.options.normalize = true;
        r.options.normalizePeakDb = -0.1;
        auto result = exportSample(r);
        QVERIFY(result.ok());
        const AudioBuffer out = decode(result->path);
        float peak = 0;
        for (float s : out.samples)
            peak = std::max(peak, std::abs(s));
        QVERIFY(std::abs(peak - std::pow(10.0, -0.1 / 20)) < 1e-6);
    }

    // Mid-track: the tail is crossfaded into the audio that preceded the region.
    void loopWrapIsContinuous()
    {
        const AudioBuffer sine = sineStem(97); // the plain region would jump at the wrap
        ExportRequest r = request("loop");
        r.stems = {&sine};
        r.startFrame = 20000;
        r.endFrame = 20000 + 30114; // about a quarter cycle off: a 0.5 jump without the crossfade
        r.options.loop = true;
        auto result = exportSample(r);
        QVERIFY(result.ok());
        const AudioBuffer out = decode(result->path);
        QCOMPARE(out.frames, r.endFrame - r.startFrame);
        const double step = maxStep(sine, r.startFrame, r.endFrame);
        const double plainJump = std::abs(sine.channel(0)[r.endFrame - 1] - sine.channel(0)[r.startFrame]);
        QVERIFY(plainJump > 10 * step); // so the test means something
        for (int c = 0; c < 2; ++c) {
            const double wrap = std::abs(out.channel(c)[out.frames - 1] - out.channel(c)[0]);
            QVERIFY2(wrap <= 1.01 * step, qPrintable(QString("%1 vs %2").arg(wrap).arg(step)));
            QVERIFY(std::abs(out.channel(c)[out.frames - 1] - sine.channel(c)[r.startFrame - 1]) < 1e-6);
            // Nowhere inside does the crossfade click either.
            QVERIFY(maxStep(out, 0, out.frames) <= 1.5 * step);
            QCOMPARE(out.channel(c)[0], sine.channel(c)[r.startFrame]); // the head is untouched
        }
        const QByteArray bytes = readFile(QString::fromStdString(result->path));
        const QByteArray smpl = findChunk(bytes, "smpl");
        QCOMPARE(smpl.size(), 60);
        QCOMPARE(le32(smpl, 28), 1u);
        QCOMPARE(le32(smpl, 44), 0u);
        QCOMPARE(le32(smpl, 48), uint32_t(out.frames - 1));
    }

    // At the very start of the track there is nothing before the region: the head takes what follows it.
    void loopAtTrackStart()
    {
        const AudioBuffer sine = sineStem(97);
        ExportRequest r = request("loop-start");
        r.stems = {&sine};
        r.startFrame = 0;
        r.endFrame = 25000;
        r.options.loop = true;
        auto result = exportSample(r);
        QVERIFY(result.ok());
        const AudioBuffer out = decode(result->path);
        const double step = maxStep(sine, 0, r.endFrame + 1);
        QVERIFY(std::abs(out.channel(0)[out.frames - 1] - out.channel(0)[0]) <= 1.01 * step);
        QVERIFY(std::abs(out.channel(0)[0] - sine.channel(0)[r.endFrame]) < 1e-6);
        QVERIFY(maxStep(out, 0, out.frames) <= 1.5 * step);
    }

    void loopOfWholeTrackWrapsThroughSilence()
    {
        const AudioBuffer sine = sineStem(97);
        ExportRequest r = request("loop-all");
        r.stems = {&sine};
        r.endFrame = sine.frames;
        r.options.loop = true;
        auto result = exportSample(r);
        QVERIFY(result.ok());
        const AudioBuffer out = decode(result->path);
        QCOMPARE(out.frames, sine.frames);
        QCOMPARE(out.channel(0)[0], 0.0f);
        QCOMPARE(out.channel(0)[out.frames - 1], 0.0f);
    }

    void loopInFlacAndAiff()
    {
        ExportRequest r = request("loop-flac");
        r.startFrame = 5000;
        r.endFrame = 15000;
        r.options.loop = true;
        r.options.format = audio::FileFormat::Flac;
        r.options.sampleFormat = audio::SampleFormat::Int24;
        auto flac = exportSample(r);
        QVERIFY(flac.ok());
        auto info = audio::probeFile(flac->path);
        QVERIFY(info.ok());
        QCOMPARE(info->tags.at("LOOPSTART"), std::string("0"));
        QCOMPARE(info->tags.at("LOOPLENGTH"), std::string("10000"));

        r.nameTemplate = "loop-aiff";
        r.options.format = audio::FileFormat::Aiff;
        auto aiff = exportSample(r);
        QVERIFY(aiff.ok());
        QVERIFY(aiff->path.ends_with(".aif"));
        QVERIFY(!findChunk(readFile(QString::fromStdString(aiff->path)), "MARK").isNull());
    }

    void neverOverwrites()
    {
        ExportRequest r = request("same name");
        r.endFrame = 1000;
        auto first = exportSample(r);
        QVERIFY(first.ok());
        const QByteArray firstBytes = readFile(QString::fromStdString(first->path));
        r.startFrame = 5000;
        r.endFrame = 7000; // different content
        auto second = exportSample(r);
        auto third = exportSample(r);
        QVERIFY(second.ok() && third.ok());
        QCOMPARE(QString::fromStdString(first->path), m_dir.filePath("same name.wav"));
        QCOMPARE(QString::fromStdString(second->path), m_dir.filePath("same name (2).wav"));
        QCOMPARE(QString::fromStdString(third->path), m_dir.filePath("same name (3).wav"));
        QCOMPARE(readFile(QString::fromStdString(first->path)), firstBytes);
        QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral("*.part-*")}).size(), 0);
    }

    void concurrentExportsGetDistinctNames()
    {
        constexpr int kThreads = 8;
        std::vector<std::string> paths(kThreads);
        std::vector<std::thread> threads;
        for (int i = 0; i < kThreads; ++i)
            threads.emplace_back([&, i] {
                ExportRequest r = request("race");
                r.startFrame = i * 100;
                r.endFrame = r.startFrame + 4410;
                auto result = exportSample(r);
                if (result.ok())
                    paths[size_t(i)] = result->path;
            });
        for (auto& thread : threads)
            thread.join();
        const std::set<std::string> distinct(paths.begin(), paths.end());
        QCOMPARE(int(distinct.size()), kThreads);
        QVERIFY(!distinct.count(""));
        for (int i = 0; i < kThreads; ++i) {
            const AudioBuffer out = decode(paths[size_t(i)]);
            QCOMPARE(out.channel(0)[0], m_stem.channel(0)[i * 100]); // each file holds its own region
        }
    }

    void nameAndTagsFromMetadata()
    {
        ExportRequest r = request("");
        r.nameTemplate = "{artist} - {title} - {stem} - {bpm}bpm {key} - {index}";
        r.metadata = {"Song: Part 1", "AC/DC", "Album", "/music/song.flac", "vocals", 0, "", 4};
        r.endFrame = 4410;
        r.options.format = audio::FileFormat::Flac;
        r.options.sampleFormat = audio::SampleFormat::Int16;
        auto result = exportSample(r);
        QVERIFY(result.ok());
        QCOMPARE(QString::fromStdString(result->path),
                 m_dir.filePath("AC_DC - Song_ Part 1 - vocals - 4.flac"));
        auto info = audio::probeFile(result->path);
        QVERIFY(info.ok());
        QCOMPARE(info->artist, std::string("AC/DC"));
        QCOMPARE(info->title, std::string("AC/DC - Song: Part 1 - vocals - 4"));
        QCOMPARE(info->tags.at("STEMCRATE_SOURCE"), std::string("/music/song.flac"));
        QCOMPARE(info->tags.at("STEMCRATE_STEM"), std::string("vocals"));
        QCOMPARE(info->tags.at("STEMCRATE_START_FRAME"), std::string("0"));
        QCOMPARE(info->tags.at("STEMCRATE_END_FRAME"), std::string("4410"));
        QVERIFY(info->tags.at("COMMENT").find("'song.flac', stem vocals, 0.000–0.100 s") !=
                std::string::npos);
        QVERIFY(!info->tags.count("BPM"));
    }

    void badRequestsWriteNothing_data()
    {
        QTest::addColumn<int>("startFrame");
        QTest::addColumn<int>("endFrame");
        QTest::addColumn<int>("gains");
        QTest::addColumn<QString>("reason");
        QTest::newRow("empty region") << 100 << 100 << 0 << "empty or outside";
        QTest::newRow("past the end") << 0 << int(kFrames + 1) << 0 << "empty or outside";
        QTest::newRow("negative start") << -5 << 100 << 0 << "empty or outside";
        QTest::newRow("gain count") << 0 << 100 << 3 << "3 gains for 1 stems";
    }

    void badRequestsWriteNothing()
    {
        QFETCH(int, startFrame);
        QFETCH(int, endFrame);
        QFETCH(int, gains);
        QFETCH(QString, reason);
        QTemporaryDir folder;
        ExportRequest r = request("bad");
        r.folder = folder.path().toStdString() + "/sub";
        r.startFrame = startFrame;
        r.endFrame = endFrame;
        r.gains.assign(size_t(gains), 1.0f);
        auto result = exportSample(r);
        QVERIFY(!result.ok());
        QVERIFY2(QString::fromStdString(result.error()).contains(reason), result.error().c_str());
        QVERIFY(!QFile::exists(folder.filePath("sub")));
    }

    void mismatchedStemsRefused()
    {
        AudioBuffer shorter(2, 100);
        ExportRequest r = request("mismatch");
        r.stems = {&m_stem, &shorter};
        r.endFrame = 50;
        QVERIFY(!exportSample(r).ok());
    }

private:
    ExportRequest request(const QString& name) const
    {
        ExportRequest r;
        r.stems = {&m_stem};
        r.folder = m_dir.path().toStdString();
        r.nameTemplate = name.toStdString();
        return r;
    }

    static AudioBuffer constantStem(float value)
    {
        AudioBuffer stem(2, kFrames);
        std::fill(stem.samples.begin(), stem.samples.end(), value);
        return stem;
    }

    QTemporaryDir m_dir;
    AudioBuffer m_stem;
};

QTEST_GUILESS_MAIN(ExportTest)
#include "tst_library_export.moc"
