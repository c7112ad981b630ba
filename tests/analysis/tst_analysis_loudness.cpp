// LoudnessMeter: BS.1770 reference values, true peak, the block-pruned true peak against a full pass.
#include "SyntheticMusic.h"

#include "analysis/LoudnessMeter.h"

#include <QtTest>

#include <cmath>
#include <numbers>

using namespace stemcrate;
using namespace stemcrate::analysis;

namespace {

AudioBuffer sine(int channels, double seconds, double hz, double amplitude, double phase = 0.0)
{
    AudioBuffer audio(channels, static_cast<int64_t>(seconds * kEngineSampleRate));
    for (int c = 0; c < channels; ++c)
        for (int64_t i = 0; i < audio.frames; ++i)
            audio.channel(c)[i] = static_cast<float>(
                amplitude * std::sin(2.0 * std::numbers::pi * hz * i / kEngineSampleRate + phase));
    return audio;
}

} // namespace

class TestLoudness : public QObject
{
    Q_OBJECT

private slots:
    void referenceSine()
    {
        // BS.1770: a 997 Hz sine at -20 dBFS in both channels reads -20 LUFS; one channel 3.01 dB less.
        const auto stereo = LoudnessMeter().measure(sine(2, 10.0, 997.0, 0.1));
        QVERIFY(stereo.ok());
        QVERIFY(stereo->gated);
        QVERIFY2(std::abs(stereo->integratedLufs + 20.0) < 0.05,
                 qPrintable(QString::number(stereo->integratedLufs)));
        QVERIFY(std::abs(stereo->truePeakDbtp + 20.0) < 0.05);
        const auto mono = LoudnessMeter().measure(sine(1, 10.0, 997.0, 0.1));
        QVERIFY(std::abs(mono->integratedLufs + 23.01) < 0.05);
    }

    void interSamplePeak()
    {
        // fs/4 at 45 degrees: every sample at 0.707 of the peak; the true peak is 3 dB over the samples.
        const auto result =
            LoudnessMeter().measure(sine(2, 2.0, kEngineSampleRate / 4.0, 0.5, std::numbers::pi / 4));
        QVERIFY(result.ok());
        QVERIFY2(std::abs(result->truePeakDbtp + 6.02) < 0.2,
                 qPrintable(QString::number(result->truePeakDbtp)));
    }

    void prunedTruePeakEqualsFullPass()
    {
        LoudnessOptions exact;
        exact.exactTruePeak = true;
        for (int i = 0; i < 4; ++i) {
            synth::DrumSpec d;
            d.bpm = 97.0 + 13.0 * i;
            d.style = static_cast<synth::DrumStyle>(i);
            d.seconds = 8.0;
            d.seed = 30 + i;
            const AudioBuffer audio =
                synth::mix(synth::drums(d).audio, synth::onsetEvents(40 + i, 8.0).audio);
            const auto fast = LoudnessMeter().measure(audio);
            const auto full = LoudnessMeter(exact).measure(audio);
            QVERIFY(fast.ok() && full.ok());
            QCOMPARE(fast->truePeakDbtp, full->truePeakDbtp);
            QCOMPARE(fast->integratedLufs, full->integratedLufs);
            // A selection, starting mid-signal.
            const auto part = LoudnessMeter().measure(audio, 44100 + 17, 44100 * 5);
            const auto partFull = LoudnessMeter(exact).measure(audio, 44100 + 17, 44100 * 5);
            QCOMPARE(part->truePeakDbtp, partFull->truePeakDbtp);
        }
    }

    void selections()
    {
        AudioBuffer audio = sine(2, 6.0, 440.0, 0.5);
        for (int64_t i = 0; i < 3 * kEngineSampleRate; ++i) // first half 20 dB quieter
            for (int c = 0; c < 2; ++c)
                audio.channel(c)[i] *= 0.1f;
        const auto quiet = LoudnessMeter().measure(audio, 0, 3 * kEngineSampleRate);
        const auto loud = LoudnessMeter().measure(audio, 3 * kEngineSampleRate, -1);
        QVERIFY(std::abs((loud->integratedLufs - quiet->integratedLufs) - 20.0) < 0.1);
        // Under one 400 ms gating block: the ungated loudness of the selection.
        const auto hit = LoudnessMeter().measure(audio, 4 * kEngineSampleRate, 4 * kEngineSampleRate + 8000);
        QVERIFY(!hit->gated);
        QVERIFY(std::abs(hit->integratedLufs - loud->integratedLufs) < 0.5);
        // Ranges are clamped; an empty one is silent.
        QVERIFY(LoudnessMeter().measure(audio, -100, audio.frames + 100).ok());
        const auto empty = LoudnessMeter().measure(audio, 1000, 1000);
        QVERIFY(std::isinf(empty->integratedLufs) && empty->integratedLufs < 0);
    }

    void silence()
    {
        const auto result = LoudnessMeter().measure(AudioBuffer(2, 3 * kEngineSampleRate));
        QVERIFY(result.ok());
        QVERIFY(std::isinf(result->integratedLufs) && result->integratedLufs < 0);
        QVERIFY(std::isinf(result->truePeakDbtp) && result->truePeakDbtp < 0);
        QVERIFY(!LoudnessMeter().measure(AudioBuffer()).ok());
    }
};

QTEST_APPLESS_MAIN(TestLoudness)
#include "tst_analysis_loudness.moc"
