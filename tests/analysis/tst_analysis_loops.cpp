// LoopFinder on a song of known sections: 8 bars of pattern A, 8 of pattern B, 4 silent, 8 of A again.
#include "SyntheticMusic.h"

#include "analysis/LoopFinder.h"
#include "analysis/TempoEstimator.h"

#include <QtTest>

#include <cmath>
#include <map>
#include <set>

using namespace stemcrate;
using namespace stemcrate::analysis;

namespace {

constexpr double kBpm = 117.0;

struct Song
{
    AudioBuffer audio;
    TempoResult grid;               // the true grid, so that this test checks loop finding alone
    std::vector<char> sectionOfBar; // 'A', 'B' or '-' (silence)
    int64_t barFrames = 0;
};

Song makeSong()
{
    const double barSeconds = 4 * 60.0 / kBpm;
    const char layout[] = "AAAAAAAABBBBBBBB----AAAAAAAA";
    const int bars = static_cast<int>(sizeof(layout) - 1);
    Song song;
    song.audio = AudioBuffer(2, static_cast<int64_t>(bars * barSeconds * kEngineSampleRate) + 1);
    song.barFrames = static_cast<int64_t>(std::llround(barSeconds * kEngineSampleRate));
    const auto section = [&](synth::DrumStyle style, int tonic) {
        synth::DrumSpec d;
        d.bpm = kBpm;
        d.style = style;
        d.seconds = 8 * barSeconds;
        synth::ChordSpec c;
        c.bpm = kBpm;
        c.tonic = tonic;
        c.seconds = 8 * barSeconds;
        return synth::mix(synth::drums(d).audio, synth::chords(c).audio, 0.7f);
    };
    const AudioBuffer a = section(synth::DrumStyle::Rock, 0);
    const AudioBuffer b = section(synth::DrumStyle::House, 5);
    for (int bar = 0; bar < bars; ++bar) {
        song.sectionOfBar.push_back(layout[bar]);
        const int64_t start = static_cast<int64_t>(std::llround(bar * barSeconds * kEngineSampleRate));
        const AudioBuffer* source = layout[bar] == 'A' ? &a : layout[bar] == 'B' ? &b : nullptr;
        // Bars are copied from the section's start, offset by their index within the section.
        const int indexInSection = layout[bar] == 'B' ? bar - 8 : (bar < 8 ? bar : bar - 20);
        for (int64_t i = 0; source && i < song.barFrames && start + i < song.audio.frames; ++i) {
            const int64_t from =
                static_cast<int64_t>(std::llround(indexInSection * barSeconds * kEngineSampleRate)) + i;
            for (int ch = 0; ch < 2; ++ch)
                song.audio.channel(ch)[start + i] = from < source->frames ? source->channel(ch)[from] : 0.0f;
        }
        for (int beat = 0; beat < 4; ++beat) {
            const int64_t frame =
                static_cast<int64_t>(std::llround((bar * 4 + beat) * 60.0 / kBpm * kEngineSampleRate));
            song.grid.beatFrames.push_back(frame);
            if (beat == 0)
                song.grid.downbeatFrames.push_back(frame);
        }
    }
    song.grid.bpm = kBpm;
    return song;
}

} // namespace

class TestLoops : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { m_song = makeSong(); }

    void alignedToDownbeatsAndRanked()
    {
        const std::vector<LoopCandidate> loops = LoopFinder().find(m_song.audio, m_song.grid);
        QVERIFY(!loops.empty());
        std::map<int, int> perLength;
        for (size_t i = 0; i < loops.size(); ++i) {
            const LoopCandidate& loop = loops[i];
            QVERIFY(loop.bars == 1 || loop.bars == 2 || loop.bars == 4 || loop.bars == 8);
            ++perLength[loop.bars];
            const auto downbeat = std::find(m_song.grid.downbeatFrames.begin(),
                                            m_song.grid.downbeatFrames.end(), loop.startFrame);
            QVERIFY(downbeat != m_song.grid.downbeatFrames.end());
            QVERIFY(std::abs((loop.endFrame - loop.startFrame) - loop.bars * m_song.barFrames) <=
                    loop.bars + 1);
            QVERIFY(loop.score >= 0.0 && loop.score <= 1.0);
            QVERIFY(loop.energy >= 0.0 && loop.energy <= 1.0 && loop.repetition >= 0.0 &&
                    loop.repetition <= 1.0);
            if (i > 0)
                QVERIFY(loops[i - 1].score >= loop.score);
        }
        for (const auto& [bars, count] : perLength)
            QVERIFY(count <= LoopFinderOptions{}.maxPerLength);
    }

    void loopsStayInsideSectionsAndCoverBoth()
    {
        const std::vector<LoopCandidate> loops = LoopFinder().find(m_song.audio, m_song.grid);
        std::set<char> sectionsOfFourBarLoops;
        for (const LoopCandidate& loop : loops) {
            const int firstBar = static_cast<int>(std::llround(double(loop.startFrame) / m_song.barFrames));
            std::set<char> sections;
            for (int bar = firstBar; bar < firstBar + loop.bars; ++bar)
                sections.insert(m_song.sectionOfBar[size_t(bar)]);
            QVERIFY2(!sections.count('-'), "a loop over the silent bars");
            if (loop.bars == 4) {
                QVERIFY2(sections.size() == 1, "a 4-bar loop across a section change");
                sectionsOfFourBarLoops.insert(*sections.begin());
            }
        }
        // Distinctness: the 4-bar list holds both sections, not only shifted copies of the longer one.
        QCOMPARE(int(sectionsOfFourBarLoops.size()), 2);
    }

    void noGridNoLoops()
    {
        QVERIFY(LoopFinder().find(m_song.audio, TempoResult{}).empty());
        LoopFinderOptions options;
        options.barCounts = {16};
        options.maxPerLength = 1;
        const auto loops = LoopFinder(options).find(m_song.audio, m_song.grid);
        QVERIFY(loops.size() <= 1);
    }

private:
    Song m_song;
};

QTEST_APPLESS_MAIN(TestLoops)
#include "tst_analysis_loops.moc"
