// WaveformSummary: every level against a brute-force summary, incremental building, lock-free readers
// racing the writer.
#include "analysis/WaveformSummary.h"

#include <QtTest>

#include <atomic>
#include <cmath>
#include <random>
#include <thread>

using namespace stemcrate;
using namespace stemcrate::analysis;

namespace {

AudioBuffer randomAudio(int channels, int64_t frames, uint32_t seed)
{
    AudioBuffer audio(channels, frames);
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> d(-1.0f, 1.0f);
    for (int c = 0; c < channels; ++c)
        for (int64_t i = 0; i < frames; ++i)
            audio.channel(c)[i] = d(rng) * static_cast<float>(0.5 + 0.5 * std::sin(i * 0.0007 + c));
    return audio;
}

WaveformBin bruteForce(const AudioBuffer& audio, int channel, int64_t from, int64_t to)
{
    to = std::min(to, audio.frames);
    WaveformBin bin{audio.channel(channel)[from], audio.channel(channel)[from], 0.0f};
    double squares = 0.0;
    for (int64_t i = from; i < to; ++i) {
        const float v = audio.channel(channel)[i];
        bin.min = std::min(bin.min, v);
        bin.max = std::max(bin.max, v);
        squares += double(v) * v;
    }
    bin.rms = static_cast<float>(std::sqrt(squares / double(to - from)));
    return bin;
}

bool same(const WaveformBin& a, const WaveformBin& b)
{
    return a.min == b.min && a.max == b.max && std::abs(a.rms - b.rms) <= 1e-5f * std::max(1.0f, b.rms);
}

} // namespace

class TestWaveform : public QObject
{
    Q_OBJECT

private slots:
    void everyLevelMatchesBruteForce()
    {
        const AudioBuffer audio = randomAudio(2, 123457, 1); // not a multiple of any bin size
        WaveformSummary summary(2, audio.frames);
        std::mt19937 rng(2);
        int64_t written = 0;
        while (written < audio.frames) {
            written = std::min(audio.frames, written + std::uniform_int_distribution<int64_t>(1, 5000)(rng));
            summary.append(audio, written);
        }
        QCOMPARE(summary.validFrames(), audio.frames);
        QCOMPARE(summary.binCount(summary.levels() - 1), int64_t(1));
        for (int level = 0; level < summary.levels(); ++level) {
            QCOMPARE(summary.validBins(level), summary.binCount(level));
            const int64_t size = summary.framesPerBin(level);
            for (int c = 0; c < 2; ++c)
                for (int64_t b = 0; b < summary.binCount(level); ++b)
                    QVERIFY2(same(summary.bin(level, c, b), bruteForce(audio, c, b * size, (b + 1) * size)),
                             qPrintable(QStringLiteral("level %1 bin %2").arg(level).arg(b)));
        }
    }

    void partialAppendsPublishWholeBinsOnly()
    {
        const AudioBuffer audio = randomAudio(1, 10000, 3);
        WaveformSummary summary(1, audio.frames);
        summary.append(audio, 100); // one full level-0 bin of 64 frames
        QCOMPARE(summary.validFrames(), int64_t(100));
        QCOMPARE(summary.validBins(0), int64_t(1));
        QCOMPARE(summary.validBins(1), int64_t(0));
        summary.append(audio, 50); // going backwards is ignored
        QCOMPARE(summary.validFrames(), int64_t(100));
        summary.append(audio, audio.frames);
        QCOMPARE(summary.validBins(0), summary.binCount(0));
    }

    void columnsSummariseSpans()
    {
        const AudioBuffer audio = randomAudio(2, 200000, 4);
        WaveformSummary summary(2, audio.frames);
        summary.append(audio, 120000);
        const std::vector<WaveformColumn> columns = summary.columns(1, 0, 200000, 100);
        QCOMPARE(int(columns.size()), 100);
        for (int col = 0; col < 100; ++col) {
            const int64_t from = col * 2000, to = from + 2000;
            if (to <= 120000 - 1024) {
                QVERIFY(columns[size_t(col)].valid);
                const WaveformBin expected = bruteForce(audio, 1, from, to);
                // Columns combine whole bins of a coarser level, so they may reach a little past the span.
                QVERIFY(columns[size_t(col)].min <= expected.min);
                QVERIFY(columns[size_t(col)].max >= expected.max);
                QVERIFY(std::abs(columns[size_t(col)].rms - expected.rms) < 0.1f);
            }
            if (from >= 120000)
                QVERIFY(!columns[size_t(col)].valid);
        }
        QVERIFY(summary.columns(5, 0, 100, 10)[0].valid == false); // no such channel
        QVERIFY(summary.columns(0, 0, 100, 0).empty());
    }

    void mixedColumnsCombineTheChannels()
    {
        // Spans of exactly one level-2 bin (1024 frames): the columns are exact.
        const AudioBuffer audio = randomAudio(2, 200000, 5);
        WaveformSummary summary(2, audio.frames);
        summary.append(audio, 51200);
        const std::vector<WaveformColumn> columns = summary.mixedColumns(0, 102400, 100);
        QCOMPARE(int(columns.size()), 100);
        for (int col = 0; col < 100; ++col) {
            const WaveformColumn& column = columns[size_t(col)];
            if (col >= 50) { // not appended yet
                QVERIFY(!column.valid);
                continue;
            }
            QVERIFY(column.valid);
            const WaveformBin left = bruteForce(audio, 0, col * 1024, col * 1024 + 1024);
            const WaveformBin right = bruteForce(audio, 1, col * 1024, col * 1024 + 1024);
            QCOMPARE(column.min, std::min(left.min, right.min));
            QCOMPARE(column.max, std::max(left.max, right.max));
            const float rms = std::sqrt(0.5f * (left.rms * left.rms + right.rms * right.rms));
            QVERIFY2(std::abs(column.rms - rms) < 1e-5f * std::max(rms, 1.0f),
                     qPrintable(QString("%1 vs %2").arg(column.rms).arg(rms)));
        }
        // One channel: the channel's own columns.
        const AudioBuffer mono = randomAudio(1, 5000, 6);
        WaveformSummary single(1, mono.frames);
        single.append(mono, mono.frames);
        const auto a = single.mixedColumns(0, 5000, 7), b = single.columns(0, 0, 5000, 7);
        for (size_t i = 0; i < a.size(); ++i) {
            QCOMPARE(a[i].min, b[i].min);
            QCOMPARE(a[i].max, b[i].max);
            QVERIFY(std::abs(a[i].rms - b[i].rms) < 1e-6f);
        }
    }

    void readersRaceTheWriter()
    {
        const AudioBuffer audio = randomAudio(2, 600000, 5);
        WaveformSummary reference(2, audio.frames);
        reference.append(audio, audio.frames);
        WaveformSummary summary(2, audio.frames);
        std::atomic<bool> done{false};
        std::atomic<int> mismatches{0}, reads{0}, started{0};
        const auto reader = [&] {
            ++started;
            std::vector<int64_t> seen(size_t(summary.levels()), 0);
            while (!done.load()) {
                for (int level = 0; level < summary.levels(); ++level) {
                    const int64_t valid = summary.validBins(level);
                    if (valid < seen[size_t(level)])
                        ++mismatches; // published counts never shrink
                    seen[size_t(level)] = valid;
                    if (valid > 0) {
                        const int64_t b = valid - 1; // the newest bin: just written
                        for (int c = 0; c < 2; ++c)
                            if (!same(summary.bin(level, c, b), reference.bin(level, c, b)))
                                ++mismatches;
                        ++reads;
                    }
                }
                (void)summary.columns(0, 0, audio.frames, 333);
            }
        };
        std::thread first(reader), second(reader);
        while (started.load() < 2)
            std::this_thread::yield();
        for (int64_t end = 0; end < audio.frames;) {
            end = std::min(audio.frames, end + 777);
            summary.append(audio, end);
            std::this_thread::yield(); // let the readers in between appends, as the separator's pace would
        }
        done.store(true);
        first.join();
        second.join();
        QCOMPARE(mismatches.load(), 0);
        QVERIFY(reads.load() > 0);
        QCOMPARE(summary.validFrames(), audio.frames);
    }

    void emptyAndTiny()
    {
        WaveformSummary empty(2, 0);
        QCOMPARE(empty.levels(), 1);
        empty.append(AudioBuffer(2, 0), 0);
        QCOMPARE(empty.validFrames(), int64_t(0));
        const AudioBuffer tiny = randomAudio(2, 10, 6);
        WaveformSummary summary(2, 10);
        summary.append(tiny, 10);
        QCOMPARE(summary.validBins(0), int64_t(1));
        QVERIFY(same(summary.bin(0, 1, 0), bruteForce(tiny, 1, 0, 10)));
    }
};

QTEST_APPLESS_MAIN(TestWaveform)
#include "tst_analysis_waveform.moc"
