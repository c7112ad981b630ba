// SpectrogramColumns: sine peaks, the LRU cache, concurrent readers, progressive validity; LogFrequencyScale.
#include "analysis/LogFrequencyScale.h"
#include "analysis/SpectrogramColumns.h"

#include <QtTest>

#include <atomic>
#include <cmath>
#include <numbers>
#include <random>
#include <thread>

using namespace stemcrate;
using namespace stemcrate::analysis;

namespace {

std::shared_ptr<AudioBuffer> sine(double hz, double seconds)
{
    auto audio = std::make_shared<AudioBuffer>(2, static_cast<int64_t>(seconds * kEngineSampleRate));
    for (int c = 0; c < 2; ++c)
        for (int64_t i = 0; i < audio->frames; ++i)
            audio->channel(c)[i] =
                static_cast<float>(std::sin(2.0 * std::numbers::pi * hz * i / kEngineSampleRate));
    return audio;
}

} // namespace

class TestSpectrogram : public QObject
{
    Q_OBJECT

private slots:
    void sinePeaksInItsBin()
    {
        SpectrogramColumns spectrogram(sine(1000.0, 2.0));
        QCOMPARE(spectrogram.bins(), 1025);
        const auto column = spectrogram.column(40);
        QVERIFY(column);
        const auto peak = std::max_element(column->begin(), column->end()) - column->begin();
        QCOMPARE(int(peak), int(std::lround(1000.0 / spectrogram.binHz(1))));
        // Full scale reads about 1 (Hann scalloping loses up to 1.4 dB between bins).
        QVERIFY2((*column)[size_t(peak)] > 0.8f && (*column)[size_t(peak)] < 1.05f,
                 qPrintable(QString::number((*column)[size_t(peak)])));
        QVERIFY(!spectrogram.column(-1));
        QVERIFY(!spectrogram.column(spectrogram.columnCount()));
    }

    void cacheIsBoundedAndShared()
    {
        SpectrogramOptions options;
        options.cacheColumns = 8;
        SpectrogramColumns spectrogram(sine(440.0, 1.0), options);
        const auto first = spectrogram.column(3);
        QCOMPARE(spectrogram.column(3).get(), first.get()); // cached
        for (int64_t c = 0; c < 20; ++c)
            QVERIFY(spectrogram.column(c));
        QCOMPARE(spectrogram.cachedColumns(), size_t(8));
        QVERIFY(first->size() == size_t(spectrogram.bins())); // a caller's column outlives its eviction
    }

    void concurrentReadersAgree()
    {
        auto audio = std::make_shared<AudioBuffer>(2, 3 * kEngineSampleRate);
        std::mt19937 rng(1);
        std::uniform_real_distribution<float> d(-1.0f, 1.0f);
        for (float& v : audio->samples)
            v = d(rng);
        SpectrogramColumns reference(audio);
        SpectrogramOptions small;
        small.cacheColumns = 16; // constant eviction while four threads read
        SpectrogramColumns shared(audio, small);
        std::atomic<int> mismatches{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([&, t] {
                std::mt19937 pick{static_cast<uint32_t>(t)};
                for (int i = 0; i < 200; ++i) {
                    const int64_t index =
                        std::uniform_int_distribution<int64_t>(0, shared.columnCount() - 1)(pick);
                    const auto column = shared.column(index);
                    if (!column || *column != *reference.column(index))
                        ++mismatches;
                }
            });
        }
        for (std::thread& thread : threads)
            thread.join();
        QCOMPARE(mismatches.load(), 0);
        QVERIFY(shared.cachedColumns() <= 16);
    }

    void progressiveAudio()
    {
        std::atomic<int64_t> valid{10000};
        SpectrogramColumns spectrogram(sine(200.0, 2.0), {},
                                       [&] { return valid.load(std::memory_order_acquire); });
        // Column c needs frames up to c * 512 + 1024.
        QVERIFY(spectrogram.column(17));  // 17 * 512 + 1024 = 9728
        QVERIFY(!spectrogram.column(18)); // 10240 > 10000: not yet
        QCOMPARE(spectrogram.cachedColumns(), size_t(1));
        valid.store(2 * kEngineSampleRate, std::memory_order_release);
        QVERIFY(spectrogram.column(18));
        QVERIFY(spectrogram.column(spectrogram.columnCount() - 1)); // the end is padded, not waited for
    }

    void logFrequencyScale()
    {
        SpectrogramColumns spectrogram(sine(1000.0, 1.0));
        const LogFrequencyScale scale(spectrogram.fftSize(), spectrogram.sampleRate(), 120, 30.0, 16000.0);
        QCOMPARE(scale.bands(), 120);
        for (int b = 1; b < scale.bands(); ++b)
            QVERIFY(scale.bandCentreHz(b) > scale.bandCentreHz(b - 1));
        std::vector<float> bands(120);
        scale.map(spectrogram.column(20)->data(), bands.data());
        const auto loudest = std::max_element(bands.begin(), bands.end()) - bands.begin();
        QVERIFY2(std::abs(std::log2(scale.bandCentreHz(int(loudest)) / 1000.0)) < 0.1,
                 qPrintable(QString::number(scale.bandCentreHz(int(loudest)))));
    }
};

QTEST_APPLESS_MAIN(TestSpectrogram)
#include "tst_analysis_spectrogram.moc"
