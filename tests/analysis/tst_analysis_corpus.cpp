// The evaluation corpus's fast subset (issue 17): clips rendered from material nobody here wrote (drum-kit
// samples sequenced at known tempi, game-music MIDI through FluidSynth), built by the test fixture
// analysis_corpus_build (tests/corpus/build_corpus.sh --subset ci) into the build folder. Floors sit a little
// under what this subset measured on merged main (s13-eval: 22 of 22 within 0.5 BPM, busy_schedule drums'
// truth being the beat its notes play, 178.67, not the notated 134: tests/corpus/beat_periods.py; mean beat
// F 0.953, 5 of 6 keys, no key on every drums-only clip), and the clips that issue 17's fixes turned around
// are named: the fast groove once read at 2:3, the piece once read at half time, the open hats between the
// kicks, the notes written 0.1 beat late, the swung "and" the bass plays, the beat tracker's slipping slope,
// eighth hats read as the beat, a backbeat at 200 BPM, a piece read at 52 for 104, the chords changing on the
// beat under louder notes on the "and", the even sixteenths whose chords name the beat, the soft intro the
// grid runs through. BENCHMARKS.md has the whole corpus.
#include "CorpusTruth.h"

#include "analysis/TrackAnalyzer.h"
#include "audio/Decoder.h"

#include <QtTest>

using namespace stemcrate;

namespace {

struct ClipResult
{
    corpus::Clip clip;
    std::optional<analysis::TempoResult> tempo;
    std::optional<analysis::KeyResult> key;
    double seconds = 0.0;
};

} // namespace

class TestAnalysisCorpus : public QObject
{
    Q_OBJECT

    std::vector<ClipResult> m_results;

private slots:
    void initTestCase()
    {
        std::string error;
        const std::string directory = STEMCRATE_CORPUS_DIR;
        const std::vector<corpus::Clip> clips = corpus::readTruth(directory, error);
        QVERIFY2(!clips.empty(), error.c_str());
        for (const corpus::Clip& clip : clips) {
            auto track = audio::decodeFile(directory + "/" + clip.id + ".wav");
            QVERIFY2(track.ok(), track.ok() ? "" : track.error().c_str());
            auto analysis = analysis::TrackAnalyzer().analyze(track->audio);
            QVERIFY2(analysis.ok(), analysis.ok() ? "" : analysis.error().c_str());
            m_results.push_back({clip, analysis->tempo, analysis->key, track->audio.seconds()});
        }
        QVERIFY(m_results.size() >= 22);
    }

    // Strict +-0.5 BPM (swing, half-time, 3/4, sparse intro, drumless), and exactly on the clips that came
    // out wrong before: the 97 BPM break read as 194, the 176 BPM groove read at 2:3 (117), the piece
    // notated at 135 read at half time.
    void tempoWithinHalfBpm()
    {
        int correct = 0, clips = 0;
        for (const ClipResult& r : m_results) {
            if (!r.clip.hasTempo())
                continue; // the notes bear out no beat (tests/corpus/beat_periods.py)
            ++clips;
            const double bpm = r.tempo ? r.tempo->bpm : 0.0;
            const corpus::TempoClass c = corpus::classifyTempo(r.clip.bpm, bpm);
            // music004 drumless-4: the beat tracker strays (102.79 from its slope); the grid's period holds.
            // rock_060, rock_085, waltz_090: eighth hats with nothing between them are not the beat (read at
            // double before); four_200: a backbeat at 200 BPM (read at 100); keep_on_rolling: 104, not 52.
            if (r.clip.id == "groove_break_097" || r.clip.id == "groove_rock_176" ||
                r.clip.id == "openmsx_slow_neasy_redfarn_full" ||
                r.clip.id == "blupi_music004_drumlessdown4" || r.clip.id == "groove_rock_060" ||
                r.clip.id == "groove_rock_085" || r.clip.id == "groove_waltz_090" ||
                r.clip.id == "groove_four_200" || r.clip.id == "openmsx_keep_on_rolling_full")
                QVERIFY2(c == corpus::TempoClass::Correct,
                         qPrintable(QString("%1: %2 BPM").arg(r.clip.id.c_str()).arg(bpm)));
            if (c == corpus::TempoClass::Correct)
                ++correct;
            else
                qWarning("%s: %.2f BPM for %g (%s)", r.clip.id.c_str(), bpm, r.clip.bpm, corpus::tempoClassName(c));
        }
        QVERIFY(clips >= 20);
        qInfo("%d of %d within 0.5 BPM", correct, clips);
        // Issue 17's target, 95 %: one miss of the 22 is allowed.
        QVERIFY2(correct * 20 >= clips * 19,
                 qPrintable(QString("%1 of %2 within 0.5 BPM").arg(correct).arg(clips)));
    }

    void beatsOnTheNotatedGrid()
    {
        double sum = 0.0;
        int clips = 0;
        for (const ClipResult& r : m_results) {
            if (!r.clip.hasTempo())
                continue;
            ++clips;
            std::vector<double> beats;
            if (r.tempo)
                for (int64_t f : r.tempo->beatFrames)
                    beats.push_back(static_cast<double>(f) / kEngineSampleRate);
            const double f = corpus::beatFMeasure(beats, corpus::notatedBeats(r.clip, r.seconds));
            if (f < 0.9)
                qWarning("%s: beat F %.3f", r.clip.id.c_str(), f);
            // The beat, not the open hats between the kicks; the notes' grid, 0.1 beat after the notated one;
            // the beat, not the swung "and" the bass plays (moo: long-short eighths); the beat where the chords
            // change, not the "and" that carries more notes (music006); the quarter of a beat where the chords
            // change, under even sixteenths the tracker strays between (music004 drumless-4); the steady grid
            // through a soft intro the tracker drops (keep_on_rolling).
            if (r.clip.id == "groove_four_124" || r.clip.id == "blupi_music004_full" ||
                r.clip.id == "openmsx_moo_redfarn_drumless" || r.clip.id == "blupi_music006_drumless" ||
                r.clip.id == "blupi_music004_drumlessdown4" || r.clip.id == "openmsx_keep_on_rolling_full")
                QVERIFY2(f >= 0.9, qPrintable(QString("%1: beat F %2").arg(r.clip.id.c_str()).arg(f)));
            sum += f;
        }
        QVERIFY(clips >= 20);
        const double mean = sum / clips;
        qInfo("mean beat F %.3f over %d clips", mean, clips);
        QVERIFY2(mean >= 0.93, qPrintable(QString("mean beat F %1").arg(mean)));
    }

    void keysOfTonalClips()
    {
        int clips = 0, exact = 0;
        for (const ClipResult& r : m_results) {
            if (!r.clip.key)
                continue;
            ++clips;
            const auto detected = r.key ? std::optional(std::make_pair(r.key->tonic, r.key->minor)) : std::nullopt;
            const corpus::KeyRelation relation = corpus::classifyKey(*r.clip.key, detected);
            exact += relation == corpus::KeyRelation::Exact;
            // Opens on its subdominant, was read a fifth down; C minor with Dorian colour, was read as F
            // major while every weak peak (the window's side lobes, noise) counted in the chroma.
            if (r.clip.id == "blupi_music006_drumless" ||
                r.clip.id == "openmsx_no_work_song_redfarn_drumless")
                QVERIFY2(relation == corpus::KeyRelation::Exact,
                         qPrintable(QString("%1: %2").arg(r.clip.id.c_str(),
                                                          r.key ? r.key->name.c_str() : "no key")));
            if (relation != corpus::KeyRelation::Exact)
                qWarning("%s: %s (%s)", r.clip.id.c_str(), r.key ? r.key->name.c_str() : "no key",
                         corpus::keyRelationName(relation));
        }
        QVERIFY(clips >= 5);
        QVERIFY2(exact >= 4, qPrintable(QString("%1 of %2 keys").arg(exact).arg(clips)));
    }

    // Drums only: no key rather than a guess.
    void noKeyForDrums()
    {
        int drums = 0;
        for (const ClipResult& r : m_results) {
            if (!r.clip.drumsOnly)
                continue;
            ++drums;
            QVERIFY2(!r.key, qPrintable(QString::fromStdString(r.clip.id + ": " + (r.key ? r.key->name : ""))));
        }
        QVERIFY(drums >= 9);
    }
};

QTEST_GUILESS_MAIN(TestAnalysisCorpus)
#include "tst_analysis_corpus.moc"
