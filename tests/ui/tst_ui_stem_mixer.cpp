// StemMixer: the live mix of stems (gain, solo, mute), the loop region, the mix fallback where stems are
// not separated yet, and the end of the song. Pure arithmetic on constant signals, so results are exact
// up to float rounding.

#include "playback/StemMixer.h"

#include <QtTest>

#include <memory>

using namespace stemcrate;
using namespace stemcrate::ui;

namespace {

constexpr int64_t kFrames = 1000;

// Stem s holds the constant value (s + 1) on the left and -(s + 1) on the right; the mix holds 100.
std::shared_ptr<StemSet> makeStems(int count, int64_t validFrames)
{
    auto set = std::make_shared<StemSet>(kFrames);
    separation::Stems& stems = set->writableStems();
    for (int s = 0; s < count; ++s) {
        stems.names.push_back("stem" + std::to_string(s));
        AudioBuffer buffer(2, kFrames);
        std::fill(buffer.channel(0), buffer.channel(0) + kFrames, float(s + 1));
        std::fill(buffer.channel(1), buffer.channel(1) + kFrames, -float(s + 1));
        stems.audio.push_back(std::move(buffer));
    }
    set->publish(validFrames);
    return set;
}

std::shared_ptr<AudioBuffer> makeMix()
{
    auto mix = std::make_shared<AudioBuffer>(2, kFrames);
    std::fill(mix->samples.begin(), mix->samples.end(), 100.0f);
    return mix;
}

struct Block
{
    std::vector<float> left, right;
    int64_t rendered = 0;
};

Block render(StemMixer& mixer, int64_t frames)
{
    Block b;
    b.left.assign(size_t(frames), -999.0f);
    b.right.assign(size_t(frames), -999.0f);
    float* out[2] = {b.left.data(), b.right.data()};
    b.rendered = mixer.render(out, 2, frames);
    return b;
}

} // namespace

class TestStemMixer : public QObject
{
    Q_OBJECT

private slots:
    void sumsStemsWithGains()
    {
        StemMixer mixer;
        mixer.setSources(makeMix(), makeStems(3, kFrames));
        render(mixer, 16); // settle the gain ramps
        mixer.setGain(2, 0.5f);
        render(mixer, 16);
        const Block b = render(mixer, 64);
        QCOMPARE(b.rendered, 64);
        // 1 + 2 * 0.5 + 3, the mix is not heard where stems exist.
        QCOMPARE(b.left[10], 5.0f);
        QCOMPARE(b.right[10], -5.0f);
        QCOMPARE(mixer.position(), 96);
    }

    void soloAndMute()
    {
        StemMixer mixer;
        mixer.setSources(makeMix(), makeStems(3, kFrames));
        mixer.setSoloed(3, true);
        render(mixer, 8);
        QCOMPARE(render(mixer, 8).left[4], 3.0f);
        mixer.setSoloed(1, true);
        render(mixer, 8);
        QCOMPARE(render(mixer, 8).left[4], 4.0f);
        mixer.setMuted(3, true); // mute wins over solo
        render(mixer, 8);
        QCOMPARE(render(mixer, 8).left[4], 1.0f);
        mixer.setSoloed(1, false);
        mixer.setSoloed(3, false);
        mixer.setMuted(3, false);
        mixer.setMuted(1, true);
        render(mixer, 8);
        QCOMPARE(render(mixer, 8).left[4], 5.0f);
        // Soloing the mix lane plays the original on top.
        mixer.setMuted(1, false);
        mixer.setSoloed(StemMixer::kMixLane, true);
        render(mixer, 8);
        QCOMPARE(render(mixer, 8).left[4], 100.0f);
    }

    void gainChangesRampWithoutJumps()
    {
        StemMixer mixer;
        mixer.setSources(nullptr, makeStems(1, kFrames));
        render(mixer, 8);
        mixer.setGain(1, 0.0f);
        const Block b = render(mixer, 100);
        QCOMPARE(b.left[0], 1.0f);
        for (int i = 1; i < 100; ++i)
            QVERIFY(b.left[size_t(i)] <= b.left[size_t(i - 1)]);
        QVERIFY(b.left[99] < 0.02f);
        QCOMPARE(render(mixer, 10).left[5], 0.0f);
    }

    void mixPlaysWhereStemsAreNotValidYet()
    {
        StemMixer mixer;
        auto stems = makeStems(2, 300);
        mixer.setSources(makeMix(), stems);
        mixer.seek(290);
        const Block b = render(mixer, 20);
        QCOMPARE(b.left[5], 3.0f);    // frame 295: stems 1 + 2
        QCOMPARE(b.left[15], 100.0f); // frame 305: the mix
        // Muting the mix lane silences the not-yet-separated part.
        mixer.setMuted(StemMixer::kMixLane, true);
        mixer.seek(400);
        render(mixer, 8);
        QCOMPARE(render(mixer, 8).left[3], 0.0f);
        // Publication moves the boundary.
        stems->publish(kFrames);
        QCOMPARE(render(mixer, 8).left[3], 3.0f);
    }

    void loopsTheRegionAndFollowsItsChanges()
    {
        StemMixer mixer;
        auto stems = makeStems(1, kFrames);
        // A ramp on the left channel makes positions visible.
        float* left = stems->writableStems().audio[0].channel(0);
        for (int64_t t = 0; t < kFrames; ++t)
            left[t] = float(t);
        mixer.setSources(nullptr, stems);
        mixer.setLoop(100, 110, true);
        mixer.seek(500); // outside the loop: playback jumps into it
        const Block b = render(mixer, 25);
        QCOMPARE(b.rendered, 25);
        QCOMPARE(b.left[0], 100.0f);
        QCOMPARE(b.left[9], 109.0f);
        QCOMPARE(b.left[10], 100.0f);
        QCOMPARE(b.left[24], 104.0f);
        QCOMPARE(mixer.position(), 105);
        mixer.setLoop(200, 204, true); // tweaking the selection moves the loop at once
        const Block c = render(mixer, 6);
        QCOMPARE(c.left[0], 200.0f);
        QCOMPARE(c.left[4], 200.0f);
        mixer.setLoop(200, 204, false);
        QCOMPARE(render(mixer, 2).left[0], 202.0f);
    }

    void stopsAtTheEnd()
    {
        StemMixer mixer;
        mixer.setSources(makeMix(), makeStems(1, kFrames));
        mixer.seek(kFrames - 10);
        const Block b = render(mixer, 32);
        QCOMPARE(b.rendered, 10);
        QCOMPARE(b.left[9], 1.0f);
        QCOMPARE(b.left[10], 0.0f); // silence after the end
        QVERIFY(mixer.atEnd());
        mixer.seek(0);
        QVERIFY(!mixer.atEnd());
    }

    void bounceRendersWhatIsHeardWithoutTouchingPlayback()
    {
        StemMixer live;
        live.setSources(makeMix(), makeStems(3, kFrames));
        live.setMuted(2, true);
        live.setGain(3, 2.0f);
        live.seek(500);
        const AudioBuffer heard = live.bounce(100, 200);
        QCOMPARE(heard.frames, 100);
        QCOMPARE(heard.channel(0)[0], 7.0f); // 1 + 3 * 2, already at the set gains
        QCOMPARE(heard.channel(1)[99], -7.0f);
        QCOMPARE(live.position(), 500);
    }

    void monoDownmixAndEmptySources()
    {
        StemMixer mixer;
        float silence[8];
        float* out[1] = {silence};
        QCOMPARE(mixer.render(out, 1, 8), 0); // nothing loaded
        QCOMPARE(silence[3], 0.0f);
        mixer.setSources(nullptr, makeStems(2, kFrames));
        mixer.render(out, 1, 8);
        QCOMPARE(silence[3], 0.0f); // (3 + -3) / 2
    }
};

QTEST_GUILESS_MAIN(TestStemMixer)
#include "tst_ui_stem_mixer.moc"
