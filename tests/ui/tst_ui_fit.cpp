// The project fit in the GUI's playback path: FitStage passes the mixer through unchanged while inactive,
// shifts a looping 440 Hz selection to 523.25 Hz and stretches it (consuming input at 1 / ratio) while
// active, keeps sounding through ratio changes and resets, and makes no C++ heap allocation in its
// audio-thread render once prepared; ProjectFitController turns the project's tempo and key and the song's
// analysis into those ratios and into the export's FitTarget; ProjectFitBar remembers its values.

#include "fit/ProjectFitBar.h"
#include "fit/ProjectFitController.h"
#include "playback/FitStage.h"
#include "playback/StemMixer.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QSettings>
#include <QSignalSpy>
#include <QtTest>

#include <atomic>
#include <cmath>
#include <cstdlib>
#include <new>
#include <numbers>

using namespace stemcrate;
using namespace stemcrate::ui;

// Counts C++ heap allocations of the counting thread (render() runs on the test's thread here).
namespace {
thread_local bool t_counting = false;
std::atomic<long> g_allocations{0};
} // namespace

void* operator new(std::size_t size)
{
    if (t_counting)
        g_allocations.fetch_add(1, std::memory_order_relaxed);
    if (void* p = std::malloc(size ? size : 1))
        return p;
    throw std::bad_alloc();
}
void operator delete(void* p) noexcept
{
    std::free(p);
}
void operator delete(void* p, std::size_t) noexcept
{
    std::free(p);
}

namespace {

constexpr int kBlock = 512;
constexpr double kC5 = 523.2511306;

std::shared_ptr<AudioBuffer> toneMix(double hz, double seconds)
{
    auto mix = std::make_shared<AudioBuffer>(2, std::llround(seconds * 44100));
    for (int c = 0; c < 2; ++c)
        for (int64_t i = 0; i < mix->frames; ++i)
            mix->channel(c)[i] = float(0.5 * std::sin(2 * std::numbers::pi * hz * double(i) / 44100.0));
    return mix;
}

// Frequency from interpolated rising zero crossings of a mono block.
double frequencyOf(const std::vector<float>& x)
{
    double first = -1, last = -1;
    int crossings = 0;
    for (size_t i = 1; i < x.size(); ++i)
        if (x[i - 1] < 0 && x[i] >= 0) {
            const double at = double(i - 1) + double(-x[i - 1]) / double(x[i] - x[i - 1]);
            first = first < 0 ? at : first;
            last = at;
            ++crossings;
        }
    return crossings > 1 ? (crossings - 1) * 44100.0 / (last - first) : 0;
}

// Renders `blocks` blocks; the quietest block's RMS. Allocates nothing itself (for the allocation count).
double quietestBlock(FitStage& stage, StemMixer& mixer, int blocks)
{
    static float l[kBlock], r[kBlock];
    double lowest = 1e9;
    for (int b = 0; b < blocks; ++b) {
        float* out[2] = {l, r};
        stage.render(mixer, out, 2, kBlock);
        double sum = 0;
        for (float v : l)
            sum += double(v) * v;
        lowest = std::min(lowest, std::sqrt(sum / kBlock));
    }
    return lowest;
}

// Renders `blocks` blocks; returns the left channel.
std::vector<float> play(FitStage& stage, StemMixer& mixer, int blocks)
{
    std::vector<float> left, l(kBlock), r(kBlock);
    for (int b = 0; b < blocks; ++b) {
        float* out[2] = {l.data(), r.data()};
        stage.render(mixer, out, 2, kBlock);
        left.insert(left.end(), l.begin(), l.end());
    }
    return left;
}

} // namespace

class TestUiFit : public QObject
{
    Q_OBJECT

private slots:
    void inactivePassesTheMixerThrough()
    {
        StemMixer mixer, reference;
        auto mix = toneMix(440, 1.0);
        mixer.setSources(mix, nullptr);
        reference.setSources(mix, nullptr);
        FitStage stage(kBlock);
        stage.prepare();
        stage.setRatios({1.5, 2.0});
        std::vector<float> a(kBlock), b(kBlock), c(kBlock), d(kBlock);
        float* out[2] = {a.data(), b.data()};
        float* ref[2] = {c.data(), d.data()};
        for (int i = 0; i < 10; ++i) {
            stage.render(mixer, out, 2, kBlock);
            reference.render(ref, 2, kBlock);
            QVERIFY(a == c && b == d);
        }
    }

    void activeShiftsStretchesAndNeverAllocates()
    {
        StemMixer mixer;
        mixer.setSources(toneMix(440, 1.0), nullptr);
        mixer.setLoop(0, 44100, true); // a one-second selection, looping
        FitStage stage(kBlock);
        stage.prepare();
        QVERIFY(stage.prepared());
        stage.setRatios({1.0, std::exp2(3.0 / 12.0)});
        stage.setActive(true);
        std::vector<float> heard = play(stage, mixer, 200);
        const double hz = frequencyOf(std::vector<float>(heard.begin() + heard.size() / 2, heard.end()));
        qInfo("preview: 440 Hz + 3 semitones = %.3f Hz", hz);
        QVERIFY2(std::abs(hz / kC5 - 1) <= 0.005, qPrintable(QString::number(hz)));

        // Changing the ratios while playing, and a seek's reset: sound throughout, no allocation.
        g_allocations = 0;
        t_counting = true;
        stage.setRatios({1.5, std::exp2(-2.0 / 12.0)});
        const double quietest = quietestBlock(stage, mixer, 100);
        stage.setRatios({120.0 / 90.0, std::exp2(5.0 / 12.0)});
        const double quietest2 = quietestBlock(stage, mixer, 100);
        stage.requestReset();
        quietestBlock(stage, mixer, 20);
        t_counting = false;
        QCOMPARE(g_allocations.load(), 0L);
        QVERIFY2(std::min(quietest, quietest2) > 0.2,
                 qPrintable(QString::number(std::min(quietest, quietest2))));

        // Stretched 1.5x, the mixer (the source) advances two thirds of a frame per frame heard.
        mixer.setLoop(0, 0, false);
        mixer.setSources(toneMix(440, 10.0), nullptr);
        stage.setRatios({1.5, 1.0});
        stage.requestReset();
        play(stage, mixer, 20);
        const int64_t start = mixer.position();
        play(stage, mixer, 300);
        const double consumed = double(mixer.position() - start) / (300.0 * kBlock);
        QVERIFY2(std::abs(consumed - 1 / 1.5) < 0.03, qPrintable(QString::number(consumed)));
    }

    void unpreparedPassesThrough()
    {
        StemMixer mixer;
        mixer.setSources(toneMix(440, 0.5), nullptr);
        FitStage stage(kBlock);
        stage.setActive(true);
        std::vector<float> heard = play(stage, mixer, 10);
        QVERIFY(std::abs(frequencyOf(heard) / 440.0 - 1) < 0.001);
    }

    void controllerJoinsProjectAndSong()
    {
        FitStage stage(kBlock);
        ProjectFitController controller(stage);
        controller.setSong(120, "A minor");
        QVERIFY(!stage.active());
        QVERIFY(!controller.exportTarget().active());

        controller.setProject({90, QStringLiteral("C minor")});
        QVERIFY(stage.active());
        QCOMPARE(stage.ratios().timeRatio, 120.0 / 90.0);
        QVERIFY(std::abs(stage.ratios().pitchScale - std::exp2(3.0 / 12.0)) < 1e-12);
        QCOMPARE(controller.exportTarget().targetBpm, 90.0);
        QCOMPARE(controller.exportTarget().targetKey, std::string("C minor"));
        QVERIFY(controller.summary().contains(QStringLiteral("90.0 BPM")));
        QVERIFY(controller.summary().contains(QStringLiteral("+3")));

        // Tempo unknown (not analysed yet): only the key part applies, in preview and export alike.
        controller.setSong(0, "A minor");
        QVERIFY(stage.active());
        QCOMPARE(stage.ratios().timeRatio, 1.0);
        QCOMPARE(controller.exportTarget().targetBpm, 0.0);
        // Nothing to do: the song is already there.
        controller.setSong(90, "C minor");
        QVERIFY(!stage.active());
        controller.setProject({});
        QVERIFY(!stage.active());
        QVERIFY(controller.summary().isEmpty());
    }

    void barRemembersItsValues()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("stemcrate-test-fit"));
        QSettings().clear();
        {
            ProjectFitBar bar;
            QCOMPARE(bar.fit(), ProjectFit{});
            QSignalSpy changed(&bar, &ProjectFitBar::fitChanged);
            bar.findChild<QDoubleSpinBox*>(QStringLiteral("projectBpm"))->setValue(92.5);
            auto* key = bar.findChild<QComboBox*>(QStringLiteral("projectKey"));
            key->setCurrentIndex(key->findData(QStringLiteral("F# minor")));
            QCOMPARE(changed.count(), 2);
            QCOMPARE(bar.fit().bpm, 92.5);
            QCOMPARE(bar.fit().key, QStringLiteral("F# minor"));
            QCOMPARE(key->count(), 25); // "Song key" + 24
        }
        ProjectFitBar again;
        QCOMPARE(again.fit().bpm, 92.5);
        QCOMPARE(again.fit().key, QStringLiteral("F# minor"));
        QSettings().clear();
    }
};

QTEST_MAIN(TestUiFit)
#include "tst_ui_fit.moc"
