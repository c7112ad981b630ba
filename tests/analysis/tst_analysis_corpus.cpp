// The evaluation corpus's fast subset (issue 17): clips rendered from material nobody here wrote
// (drum-kit samples sequenced at known tempi, game-music MIDI through FluidSynth), built by the test fixture
// analysis_corpus_build (tests/corpus/build_corpus.sh --subset ci) into the build folder. Floors sit a
// little under what this subset measured (9 of 10 within 0.5 BPM, mean beat F 0.76, 1 of 2 keys, no key on
// every drums-only clip); BENCHMARKS.md has the whole corpus, still short of issue 17's targets.
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
        QVERIFY(m_results.size() >= 10);
    }

    // Strict +-0.5 BPM (swing, half-time, 3/4, sparse intro, drumless), and the 97 BPM break that came out
    // as 194 (issue 17) exactly.
    void tempoWithinHalfBpm()
    {
        int correct = 0;
        for (const ClipResult& r : m_results) {
            const double bpm = r.tempo ? r.tempo->bpm : 0.0;
            const corpus::TempoClass c = corpus::classifyTempo(r.clip.bpm, bpm);
            if (r.clip.id == "groove_break_097")
                QCOMPARE(corpus::tempoClassName(c), "ok");
            if (c == corpus::TempoClass::Correct)
                ++correct;
            else
                qWarning("%s: %.2f BPM for %g (%s)", r.clip.id.c_str(), bpm, r.clip.bpm, corpus::tempoClassName(c));
        }
        QVERIFY2(correct * 10 >= static_cast<int>(m_results.size()) * 8,
                 qPrintable(QString("%1 of %2 within 0.5 BPM").arg(correct).arg(m_results.size())));
    }

    void beatsOnTheNotatedGrid()
    {
        double sum = 0.0;
        for (const ClipResult& r : m_results) {
            std::vector<double> beats;
            if (r.tempo)
                for (int64_t f : r.tempo->beatFrames)
                    beats.push_back(static_cast<double>(f) / kEngineSampleRate);
            const double f = corpus::beatFMeasure(beats, corpus::notatedBeats(r.clip, r.seconds));
            if (f < 0.9)
                qWarning("%s: beat F %.3f", r.clip.id.c_str(), f);
            sum += f;
        }
        const double mean = sum / static_cast<double>(m_results.size());
        QVERIFY2(mean >= 0.7, qPrintable(QString("mean beat F %1").arg(mean)));
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
            if (relation != corpus::KeyRelation::Exact)
                qWarning("%s: %s (%s)", r.clip.id.c_str(), r.key ? r.key->name.c_str() : "no key",
                         corpus::keyRelationName(relation));
        }
        QVERIFY(clips >= 2);
        QVERIFY2(exact * 2 >= clips, qPrintable(QString("%1 of %2 keys").arg(exact).arg(clips)));
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
        QVERIFY(drums >= 5);
    }
};

QTEST_GUILESS_MAIN(TestAnalysisCorpus)
#include "tst_analysis_corpus.moc"
