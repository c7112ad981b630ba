// Slicer: equal, beat and transient slices cover the region exactly, move boundaries only to nearby zero
// crossings (never after a transient's attack), and render with silent ends.
#include "SyntheticMusic.h"

#include "mining/Slicer.h"

#include <QtTest>

#include <cmath>

using namespace stemcrate;
using namespace stemcrate::mining;

namespace {

// A sine of 440 Hz with a burst (a click-like transient) at each of `hits` frames.
AudioBuffer burstsOn(int64_t frames, const std::vector<int64_t>& hits)
{
    AudioBuffer audio(2, frames);
    for (int64_t i = 0; i < frames; ++i)
        audio.channel(0)[i] = audio.channel(1)[i] = 0.05f * static_cast<float>(std::sin(2 * M_PI * 440.0 * i / 44100.0));
    for (int64_t hit : hits)
        for (int64_t i = 0; i < 4000 && hit + i < frames; ++i) {
            const float v = 0.8f * std::exp(-i / 600.0f) * static_cast<float>(std::sin(2 * M_PI * 180.0 * i / 44100.0));
            audio.channel(0)[hit + i] += v;
            audio.channel(1)[hit + i] += v;
        }
    return audio;
}

void verifyCovering(const std::vector<Slice>& slices, int64_t start, int64_t end)
{
    QVERIFY(!slices.empty());
    QCOMPARE(slices.front().startFrame, start);
    QCOMPARE(slices.back().endFrame, end);
    for (size_t i = 1; i < slices.size(); ++i)
        QCOMPARE(slices[i].startFrame, slices[i - 1].endFrame);
    for (const Slice& s : slices)
        QVERIFY(s.endFrame > s.startFrame);
}

} // namespace

class TestMiningSlicer : public QObject
{
    Q_OBJECT

private slots:
    void equalSlicesCoverTheRegionAndRenderClickFree()
    {
        const AudioBuffer audio = burstsOn(44100 * 4, {});
        SliceOptions options;
        options.count = 8;
        const Slicer slicer(options);
        const int64_t start = 1001, end = 1001 + 44100 * 2;
        Result<std::vector<Slice>> slices = slicer.plan(audio, start, end);
        QVERIFY(slices.ok());
        QCOMPARE(int(slices->size()), 8);
        verifyCovering(slices.value(), start, end);
        const int64_t window = 44; // 1 ms
        for (size_t i = 1; i < slices->size(); ++i) {
            const int64_t exact = start + (end - start) * int64_t(i) / 8;
            QVERIFY(std::llabs(slices.value()[i].startFrame - exact) <= window);
        }
        for (const Slice& s : slices.value()) {
            const AudioBuffer out = slicer.render(audio, s);
            QCOMPARE(out.frames, s.endFrame - s.startFrame);
            // Exact copy in the middle, exactly zero at both ends.
            QCOMPARE(out.channel(0)[out.frames / 2], audio.channel(0)[s.startFrame + out.frames / 2]);
            QCOMPARE(out.channel(0)[0], 0.0f);
            QCOMPARE(out.channel(1)[out.frames - 1], 0.0f);
            // No jump larger than the sine itself makes between neighbouring samples.
            float jump = 0.0f;
            for (int64_t k = 1; k < out.frames; ++k)
                jump = std::max(jump, std::fabs(out.channel(0)[k] - out.channel(0)[k - 1]));
            QVERIFY(jump < 0.01f);
        }
    }

    void transientSlicesStartJustBeforeEachAttack()
    {
        const std::vector<int64_t> hits = {30000, 52000, 71000, 99000};
        const AudioBuffer audio = burstsOn(44100 * 3, hits);
        SliceOptions options;
        options.mode = SliceMode::Transients;
        Result<std::vector<Slice>> slices = Slicer(options).plan(audio, 20000, 120000);
        QVERIFY(slices.ok());
        QCOMPARE(int(slices->size()), 5); // the lead-in, then one per burst
        verifyCovering(slices.value(), 20000, 120000);
        for (size_t i = 0; i < hits.size(); ++i) {
            const int64_t boundary = slices.value()[i + 1].startFrame;
            // At most 0.25 ms into the burst (where it rises above the sine underneath), at most 2 ms before.
            QVERIFY2(boundary <= hits[i] + 11 && hits[i] - boundary <= 2 * 44,
                     qPrintable(QStringLiteral("burst %1 at %2, slice at %3").arg(i).arg(hits[i]).arg(boundary)));
        }
    }

    void beatSlicesFollowTheGrid()
    {
        analysis::synth::DrumSpec spec;
        spec.bpm = 120;
        spec.seconds = 12;
        const analysis::synth::Track track = analysis::synth::drums(spec);
        SliceOptions options;
        options.mode = SliceMode::Beats;
        const auto start = static_cast<int64_t>(track.downbeatsSeconds.at(1) * 44100);
        const int64_t end = start + 4 * 22050; // one bar at 120 BPM
        Result<std::vector<Slice>> slices = Slicer(options).plan(track.audio, start, end);
        QVERIFY2(slices.ok(), slices.ok() ? "" : slices.error().c_str());
        QCOMPARE(int(slices->size()), 4);
        verifyCovering(slices.value(), start, end);
        for (size_t i = 1; i < 4; ++i)
            QVERIFY(std::llabs(slices.value()[i].startFrame - (start + 22050 * int64_t(i))) < 441); // 10 ms
    }

    void badRegionsAreRefused()
    {
        const AudioBuffer audio = burstsOn(1000, {});
        QVERIFY(!Slicer().plan(audio, 500, 400).ok());
        QVERIFY(!Slicer().plan(audio, 0, 2000).ok());
        SliceOptions beats;
        beats.mode = SliceMode::Beats; // too short for a beat grid
        Result<std::vector<Slice>> slices = Slicer(beats).plan(audio, 0, 1000);
        QVERIFY(!slices.ok());
        QVERIFY(slices.error().find("beat") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestMiningSlicer)
#include "tst_mining_slicer.moc"
