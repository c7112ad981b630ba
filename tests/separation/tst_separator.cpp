// Properties of the windowed Separator on a random-weights HDemucs (high): batch independence, silence,
// very short and mono input, monotonic publication, progress and cancellation, the memory the first
// pass needs against what the separator prefaults for it, and a song prepared on another thread (a
// pipeline's decode worker) then launched giving separate()'s stems bit for bit.

#include "ProcessMemory.h"
#include "PythonReference.h"

#include "model/HDemucsConfig.h"
#include "model/cpu/TensorCache.h"
#include "separation/Separator.h"

#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>
#include <thread>

using namespace stemcrate;
using namespace stemcrate::separation;

namespace {

AudioBuffer testSignal(int channels, int64_t frames)
{
    AudioBuffer mix(channels, frames);
    uint32_t seed = 12345;
    for (int c = 0; c < channels; ++c)
        for (int64_t t = 0; t < frames; ++t) {
            seed = seed * 1664525u + 1013904223u;
            const double noise = (static_cast<double>(seed >> 8) / double(1 << 24) - 0.5) * 0.2;
            mix.channel(c)[t] =
                static_cast<float>(0.3 * std::sin(2 * M_PI * (110.0 + 55 * c) * t / 44100.0) + noise);
        }
    return mix;
}

double maxAbsDiff(const Stems& a, const Stems& b)
{
    double worst = 0.0;
    for (size_t s = 0; s < a.audio.size(); ++s)
        for (size_t i = 0; i < a.audio[s].samples.size(); ++i)
            worst = std::max(worst, double(std::abs(a.audio[s].samples[i] - b.audio[s].samples[i])));
    return worst;
}

double peak(const Stems& stems)
{
    double p = 0.0;
    for (const AudioBuffer& buffer : stems.audio)
        for (float v : buffer.samples)
            p = std::max(p, double(std::abs(v)));
    return p;
}

bool allFinite(const Stems& stems)
{
    for (const AudioBuffer& buffer : stems.audio)
        for (float v : buffer.samples)
            if (!std::isfinite(v))
                return false;
    return true;
}

bool bitIdentical(const Stems& a, const Stems& b)
{
    if (a.names != b.names || a.audio.size() != b.audio.size())
        return false;
    for (size_t s = 0; s < a.audio.size(); ++s)
        if (a.audio[s].frames != b.audio[s].frames || a.audio[s].samples.size() != b.audio[s].samples.size() ||
            std::memcmp(a.audio[s].samples.data(), b.audio[s].samples.data(),
                        a.audio[s].samples.size() * sizeof(float)) != 0)
            return false;
    return true;
}

} // namespace

class TestSeparator : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_checkpoint;

    std::unique_ptr<Separator> load(SeparatorOptions options)
    {
        options.threads = 2;
        auto separator = Separator::load(m_checkpoint.toStdString(), options);
        if (!separator) {
            qWarning("%s", separator.error().c_str());
            return nullptr;
        }
        return std::move(separator.value());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_checkpoint = test::makeCheckpoint(m_dir.filePath(QStringLiteral("ckpt.pt")));
        QVERIFY(!m_checkpoint.isEmpty());
    }

    void sourceNames()
    {
        auto separator = load({});
        QVERIFY(separator);
        QCOMPARE(separator->sourceNames(), (std::vector<std::string>{"drums", "bass", "other", "vocals"}));
    }

    void batchSizeDoesNotChangeResults()
    {
        const AudioBuffer mix = testSignal(2, 4 * 44100 + 777);
        SeparatorOptions options;
        options.segmentSeconds = 1.5;
        options.overlap = 0.25;
        auto one = load(options);
        options.batchSize = 3;
        auto three = load(options);
        QVERIFY(one && three);
        Stems a, b;
        QVERIFY(one->separate(mix, a).ok());
        QVERIFY(three->separate(mix, b).ok());
        QCOMPARE(a.audio.size(), size_t(4));
        QCOMPARE(a.audio[0].frames, mix.frames);
        QVERIFY(peak(a) > 1e-3); // the model produced something
        const double diff = maxAbsDiff(a, b);
        qInfo("batch 1 vs 3: max abs difference %.3g (peak %.3g)", diff, peak(a));
        QVERIFY2(diff <= 1e-6 * std::max(1.0, peak(a)), qPrintable(QString::number(diff)));
    }

    void silenceGivesSilence()
    {
        auto separator = load({});
        QVERIFY(separator);
        const AudioBuffer mix(2, 3 * 44100);
        Stems stems;
        QVERIFY(separator->separate(mix, stems).ok());
        QVERIFY(allFinite(stems));
        QVERIFY2(peak(stems) <= 1e-6, qPrintable(QString::number(peak(stems))));
    }

    void veryShortInput()
    {
        SeparatorOptions options;
        options.segmentSeconds = 1.0;
        auto separator = load(options);
        QVERIFY(separator);
        for (int64_t frames : {int64_t(1), int64_t(100), int64_t(2048)}) {
            const AudioBuffer mix = testSignal(2, frames);
            Stems stems;
            const Result<void> r = separator->separate(mix, stems);
            QVERIFY2(r.ok(), r.ok() ? "" : r.error().c_str());
            QCOMPARE(stems.audio[3].frames, frames);
            QVERIFY(allFinite(stems));
        }
    }

    void monoIsDuplicatedToStereo()
    {
        SeparatorOptions options;
        options.segmentSeconds = 1.0;
        auto separator = load(options);
        QVERIFY(separator);
        const AudioBuffer mono = testSignal(1, 44100 + 333);
        AudioBuffer stereo(2, mono.frames);
        std::copy(mono.samples.begin(), mono.samples.end(), stereo.channel(0));
        std::copy(mono.samples.begin(), mono.samples.end(), stereo.channel(1));
        Stems a, b;
        QVERIFY(separator->separate(mono, a).ok());
        QVERIFY(separator->separate(stereo, b).ok());
        QCOMPARE(a.audio[0].channels, 2);
        QCOMPARE(maxAbsDiff(a, b), 0.0);
    }

    void publishesGrowingRegionsAndProgress()
    {
        SeparatorOptions options;
        options.segmentSeconds = 1.0;
        options.batchSize = 2;
        auto separator = load(options);
        QVERIFY(separator);
        const AudioBuffer mix = testSignal(2, 5 * 44100 + 11);
        std::vector<int64_t> published;
        std::vector<double> fractions;
        SeparationCallbacks callbacks;
        callbacks.published = [&](int64_t valid) { published.push_back(valid); };
        callbacks.progress = [&](const Progress& p) {
            fractions.push_back(p.fraction);
            QVERIFY(p.etaSeconds >= 0.0);
        };
        Stems stems;
        QVERIFY(separator->separate(mix, stems).ok());
        Stems reference = stems;
        stems = {};
        // Snapshot what was published after the first batch: it must already equal the final result.
        std::vector<float> firstRegion;
        callbacks.published = [&](int64_t valid) {
            published.push_back(valid);
            if (firstRegion.empty())
                firstRegion.assign(stems.audio[0].channel(0), stems.audio[0].channel(0) + valid);
        };
        QVERIFY(separator->separate(mix, stems, callbacks).ok());
        QVERIFY(published.size() >= 3);
        QVERIFY(std::is_sorted(published.begin(), published.end()));
        QCOMPARE(published.back(), mix.frames);
        QVERIFY(published.front() > 0 && published.front() < mix.frames);
        QVERIFY(!firstRegion.empty());
        for (size_t i = 0; i < firstRegion.size(); ++i)
            QCOMPARE(firstRegion[i], reference.audio[0].channel(0)[i]);
        QVERIFY(std::is_sorted(fractions.begin(), fractions.end()));
        QCOMPARE(fractions.back(), 1.0);
    }

    void cancelsBetweenBatches()
    {
        SeparatorOptions options;
        options.segmentSeconds = 1.0;
        auto separator = load(options);
        QVERIFY(separator);
        const AudioBuffer mix = testSignal(2, 6 * 44100);
        int batches = 0;
        SeparationCallbacks callbacks;
        callbacks.progress = [&](const Progress&) { ++batches; };
        callbacks.isCancelled = [&] { return batches >= 2; };
        Stems stems;
        const Result<void> r = separator->separate(mix, stems, callbacks);
        QVERIFY(!r.ok());
        QCOMPARE(QString::fromStdString(r.error()), QStringLiteral("cancelled"));
        QCOMPARE(batches, 2);
    }

    // prepare() on other threads (while launch() runs a song on this one), then launch(): the same stems,
    // bit for bit, as separate() — stereo, mono, a short last batch, a track shorter than a window.
    void preparedElsewhereThenLaunchedIsBitIdentical()
    {
        SeparatorOptions options;
        options.segmentSeconds = 1.0;
        options.overlap = 0.25;
        options.batchSize = 2;
        auto separator = load(options);
        QVERIFY(separator);
        const std::vector<AudioBuffer> mixes = {testSignal(2, 3 * 44100 + 501), testSignal(1, 2 * 44100 + 7),
                                                testSignal(2, 3000)};
        std::vector<Stems> reference(mixes.size());
        for (size_t k = 0; k < mixes.size(); ++k)
            QVERIFY(separator->separate(mixes[k], reference[k]).ok());
        QVERIFY(peak(reference[0]) > 1e-3);

        // Song k + 1 is prepared on its own thread while song k is launched here.
        std::vector<Result<PreparedSong>> prepared;
        for (size_t k = 0; k < mixes.size(); ++k)
            prepared.emplace_back(Error{"not prepared"});
        std::thread first([&] { prepared[0] = separator->prepare(mixes[0]); });
        first.join();
        for (size_t k = 0; k < mixes.size(); ++k) {
            std::thread next;
            if (k + 1 < mixes.size())
                next = std::thread([&, k] { prepared[k + 1] = separator->prepare(mixes[k + 1]); });
            QVERIFY2(prepared[k].ok(), prepared[k].ok() ? "" : prepared[k].error().c_str());
            QCOMPARE(prepared[k]->frames(), mixes[k].frames);
            Stems stems;
            Result<StemLanding> launched = separator->launch(std::move(prepared[k]).value(), stems);
            if (next.joinable())
                next.join();
            QVERIFY2(launched.ok(), launched.ok() ? "" : launched.error().c_str());
            QVERIFY(!launched.value()); // on the CPU the stems are complete when launch() returns
            QVERIFY2(bitIdentical(stems, reference[k]), qPrintable(QString::number(maxAbsDiff(stems, reference[k]))));
        }
    }

    void prepareRejectsBadInputAndLaunchAnUnpreparedSong()
    {
        auto separator = load({});
        QVERIFY(separator);
        const Result<PreparedSong> wrongRate = separator->prepare(AudioBuffer(2, 1000, 48000));
        QVERIFY(!wrongRate.ok());
        QVERIFY(QString::fromStdString(wrongRate.error()).contains(QStringLiteral("48000")));
        QVERIFY(!separator->prepare(AudioBuffer(6, 1000)).ok());
        Result<PreparedSong> song = separator->prepare(testSignal(2, 1000));
        QVERIFY(song.ok());
        PreparedSong taken = std::move(song).value();
        Stems stems;
        QVERIFY(separator->launch(std::move(taken), stems).ok());
        QVERIFY(!taken.valid()); // moved from
        QVERIFY(!separator->launch(std::move(taken), stems).ok());
        // Prepared in batches of one, launched where a batch is three windows: refused, not misread.
        SeparatorOptions three;
        three.segmentSeconds = 1.0;
        three.batchSize = 3;
        auto other = load(three);
        QVERIFY(other);
        Result<PreparedSong> elsewhere = separator->prepare(testSignal(2, 4 * 44100));
        QVERIFY(elsewhere.ok());
        const Result<StemLanding> refused = other->launch(std::move(elsewhere).value(), stems);
        QVERIFY(!refused.ok());
        QVERIFY(QString::fromStdString(refused.error()).contains(QStringLiteral("another separator")));
    }

    void rejectsBadInput()
    {
        auto separator = load({});
        QVERIFY(separator);
        AudioBuffer wrongRate(2, 1000, 48000);
        Stems stems;
        QVERIFY(!separator->separate(wrongRate, stems).ok());
        AudioBuffer surround(6, 1000);
        QVERIFY(!separator->separate(surround, stems).ok());
    }

    void rejectsBadOptionsAndModel()
    {
        SeparatorOptions options;
        options.overlap = 0.7;
        QVERIFY(!Separator::load(m_checkpoint.toStdString(), options).ok());
        auto missing = Separator::load("/nonexistent/model.pt", {});
        QVERIFY(!missing.ok());
        QVERIFY(QString::fromStdString(missing.error()).contains(QStringLiteral("/nonexistent/model.pt")));
        SeparatorOptions negative;
        negative.batchSize = -1;
        QVERIFY(!Separator::load(m_checkpoint.toStdString(), negative).ok());
    }

    void defaultsAreTheTutorialsWindowsAndTheDevicesBatch()
    {
        const SeparatorOptions defaults;
        QCOMPARE(defaults.batchSize, 0);
        // 11 s windows sharing exactly one second: 44100 frames of overlap.
        QCOMPARE(std::llround(defaults.segmentSeconds * defaults.overlap * kEngineSampleRate), 44100LL);
        auto separator = Separator::load(m_checkpoint.toStdString(), defaults);
        QVERIFY(separator);
        QCOMPARE(separator.value()->options().batchSize, 1); // resolved for the CPU
        QCOMPARE(separator.value()->options().segmentSeconds, 11.0);
    }

    // Stem buffers come zeroed without being written (ZeroPageAllocator): an hour's four stems cost no
    // page zeroing before the first window; their memory is taken as the windows are written.
    void sampleBuffersAreZeroWithoutBeingWritten()
    {
        const size_t before = test::residentBytes();
        QVERIFY(before > 0);
        const int64_t frames = int64_t{32} << 20; // 256 MiB of stereo float
        AudioBuffer stem(2, frames);
        // Measured right after the allocation, before anything reads it: on some kernels (Firecracker VMs)
        // merely reading never-written memory maps real pages, so the buffer's contents are checked after.
        QVERIFY2(test::residentBytes() < before + (size_t{32} << 20),
                 "the zeroed buffer was written up front");
        // Zero everywhere: one sample on every 256th page (reading maps at most those pages), and the ends.
        constexpr size_t kStride = size_t{256} * 4096 / sizeof(float);
        for (size_t i = 0; i < stem.samples.size(); i += kStride)
            QCOMPARE(stem.samples[i], 0.0f);
        QCOMPARE(stem.samples.front(), 0.0f);
        QCOMPARE(stem.samples.back(), 0.0f);
        std::fill(stem.channel(0), stem.channel(0) + frames, 0.5f);
        QVERIFY(test::residentBytes() > before + (size_t{96} << 20));
        QCOMPARE(stem.channel(1)[frames - 1], 0.0f);

        // Elements a vector value-initialises in memory it reuses are zero as well.
        SampleVector reused(1000, 5.0f);
        reused.resize(10);
        reused.resize(1000);
        QCOMPARE(reused[9], 5.0f);
        QVERIFY(std::all_of(reused.begin() + 10, reused.end(), [](float v) { return v == 0.0f; }));
    }

    // The separator first-touches HDemucsConfig::cpuWorkingSetBytes while the model loads: that estimate
    // must stay near what a first pass then holds at once, or the prefault misses or wastes memory.
    void workingSetEstimateMatchesAFirstPass_data()
    {
        QTest::addColumn<double>("segmentSeconds");
        QTest::addColumn<int>("batch");
        QTest::newRow("2 s windows") << 2.0 << 1;
        QTest::newRow("1 s windows, two at once") << 1.0 << 2;
    }
    void workingSetEstimateMatchesAFirstPass()
    {
        QFETCH(double, segmentSeconds);
        QFETCH(int, batch);
        model::releaseTensorCache(); // also restarts the peak
        QCOMPARE(model::tensorCacheStats().liveBytes, size_t{0});
        SeparatorOptions options;
        options.segmentSeconds = segmentSeconds;
        options.batchSize = batch;
        auto separator = load(options);
        QVERIFY(separator);
        const int64_t frames = std::llround(segmentSeconds * kEngineSampleRate);
        Stems stems;
        QVERIFY(separator->separate(testSignal(2, frames * batch), stems));
        const double peakInUse = static_cast<double>(model::tensorCacheStats().peakLiveBytes);
        const double estimate = static_cast<double>(model::HDemucsConfig{}.cpuWorkingSetBytes(batch, frames));
        qInfo("peak in use %.0f MB, estimate %.0f MB", peakInUse / 1e6, estimate / 1e6);
        QVERIFY(peakInUse > 0.7 * estimate);
        QVERIFY(peakInUse < 1.3 * estimate);
    }
};

QTEST_GUILESS_MAIN(TestSeparator)
#include "tst_separator.moc"
