// LoopSuggester: suggestions appear while the stems are still being published (from the prefix that is
// final), lie inside it on downbeats, recompute only after enough new audio, and carry BPM and key.
#include "SyntheticMusic.h"

#include "analysis/BeatGrid.h"
#include "mining/LoopSuggester.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <map>

using namespace stemcrate;
using namespace stemcrate::mining;
namespace synth = stemcrate::analysis::synth;

class TestMiningLoops : public QObject
{
    Q_OBJECT

private slots:
    void suggestionsGrowWithThePublishedRegion()
    {
        synth::DrumSpec drumSpec;
        drumSpec.bpm = 120;
        drumSpec.seconds = 40;
        const synth::Track drums = synth::drums(drumSpec);
        synth::ChordSpec chordSpec;
        chordSpec.bpm = 120;
        chordSpec.seconds = 40;
        chordSpec.tonic = 9; // A minor
        chordSpec.minor = true;
        const synth::Track chords = synth::chords(chordSpec);
        // Planar buffers: trimming `frames` alone would misplace channel 1; rebuild both at the same length.
        const auto trimmed = [](const AudioBuffer& in, int64_t frames) {
            AudioBuffer out(in.channels, frames, in.sampleRate);
            for (int c = 0; c < in.channels; ++c)
                std::copy(in.channel(c), in.channel(c) + frames, out.channel(c));
            return out;
        };
        const int64_t frames = std::min(drums.audio.frames, chords.audio.frames);
        const AudioBuffer d = trimmed(drums.audio, frames), o = trimmed(chords.audio, frames);
        const std::vector<StemSource> stems = {{"drums", &d}, {"other", &o}};

        LoopSuggester suggester;
        // 3 s published: too little for a beat grid, nothing yet.
        Result<bool> updated = suggester.update(stems, 3 * 44100);
        QVERIFY(updated.ok());
        QVERIFY(suggester.suggestions().empty());
        // 12 s: suggestions from the first 12 s only.
        updated = suggester.update(stems, 12 * 44100);
        QVERIFY(updated.ok() && updated.value());
        QVERIFY(!suggester.suggestions().empty());
        QVERIFY(suggester.tempo().has_value());
        QVERIFY(std::fabs(suggester.tempo()->bpm - 120.0) < 1.0);
        for (const LoopSuggestion& s : suggester.suggestions())
            QVERIFY(s.endFrame <= 12 * 44100);
        // 2 s more: below minimumNewSeconds, not recomputed.
        updated = suggester.update(stems, 14 * 44100);
        QVERIFY(updated.ok() && !updated.value());
        // Complete: longer loops (8 bars = 16 s) now fit; all on downbeats, ranked, with BPM and key.
        updated = suggester.update(stems, frames, true);
        QVERIFY(updated.ok() && updated.value());
        bool sawEightBars = false, sawDrums = false, sawOther = false;
        std::map<std::string, int> otherKeys;
        const std::vector<int64_t>& downbeats = suggester.tempo()->downbeatFrames;
        double previousScore = 2.0;
        for (const LoopSuggestion& s : suggester.suggestions()) {
            QVERIFY(s.score <= previousScore);
            previousScore = s.score;
            QVERIFY(std::find(downbeats.begin(), downbeats.end(), s.startFrame) != downbeats.end());
            QVERIFY(s.endFrame <= frames);
            QVERIFY(s.bars == 1 || s.bars == 2 || s.bars == 4 || s.bars == 8);
            QVERIFY(std::fabs(s.bpm - 120.0) < 1.0);
            sawEightBars |= s.bars == 8;
            sawDrums |= s.stem == "drums";
            if (s.stem == "other") {
                sawOther = true;
                ++otherKeys[s.key]; // a bar or two of a progression may read as another key
            } else {
                QVERIFY(s.key.empty());
            }
        }
        QVERIFY(sawEightBars && sawDrums && sawOther);
        // Most of the chord stem's loops carry the song's key (or its relative major).
        const auto common = std::max_element(otherKeys.begin(), otherKeys.end(),
                                             [](const auto& a, const auto& b) { return a.second < b.second; });
        QVERIFY2(common->first == "A minor" || common->first == "C major", common->first.c_str());
    }

    // The musician's grid and key (issue 17): a 120 BPM groove the musician calls 60 BPM in F major gets its
    // loops on the 60 BPM grid's downbeats, whole bars of it long, tagged 60 BPM and (tonal stems) F major;
    // a key of "" says there is none.
    void musiciansGridAndKeyWin()
    {
        synth::DrumSpec drumSpec;
        drumSpec.bpm = 120;
        drumSpec.seconds = 24;
        const synth::Track drums = synth::drums(drumSpec);
        synth::ChordSpec chordSpec;
        chordSpec.bpm = 120;
        chordSpec.seconds = 24;
        const synth::Track chords = synth::chords(chordSpec);
        const int64_t frames = std::min(drums.audio.frames, chords.audio.frames);
        const std::vector<StemSource> stems = {{"drums", &drums.audio}, {"other", &chords.audio}};

        LoopSuggesterOptions options;
        options.tempo = analysis::BeatGrid::atTempo(nullptr, 60.0, frames, 44100);
        options.key = "F major";
        LoopSuggester suggester(options);
        Result<bool> updated = suggester.update(stems, frames, true);
        QVERIFY(updated.ok() && updated.value());
        QVERIFY(!suggester.suggestions().empty());
        QCOMPARE(suggester.tempo()->bpm, 60.0);
        const std::vector<int64_t>& downbeats = options.tempo->downbeatFrames;
        const double bar = 4.0 * 44100; // 4 beats of 1 s
        bool sawOther = false;
        for (const LoopSuggestion& s : suggester.suggestions()) {
            QCOMPARE(s.bpm, 60.0);
            QVERIFY(std::find(downbeats.begin(), downbeats.end(), s.startFrame) != downbeats.end());
            QVERIFY(std::fabs(static_cast<double>(s.endFrame - s.startFrame) - s.bars * bar) <= 2.0);
            QCOMPARE(QString::fromStdString(s.key),
                     s.stem == "other" ? QStringLiteral("F major") : QString());
            sawOther |= s.stem == "other";
        }
        QVERIFY(sawOther);

        options.key = std::string();
        LoopSuggester noKey(options);
        QVERIFY(noKey.update(stems, frames, true).ok());
        QVERIFY(!noKey.suggestions().empty());
        for (const LoopSuggestion& s : noKey.suggestions())
            QVERIFY(s.key.empty());
    }

    void cancelStopsTheUpdate()
    {
        synth::DrumSpec spec;
        spec.seconds = 12;
        const synth::Track drums = synth::drums(spec);
        LoopSuggesterOptions options;
        options.isCancelled = [] { return true; };
        LoopSuggester suggester(options);
        Result<bool> updated = suggester.update({{"drums", &drums.audio}}, drums.audio.frames, true);
        QVERIFY(!updated.ok());
        QVERIFY(suggester.suggestions().empty());
    }
};

QTEST_GUILESS_MAIN(TestMiningLoops)
#include "tst_mining_loops.moc"
