// TrackAnalyzer: roles of the stems (tempo from drums, key from bass + other), fallbacks, progress, cancel;
// its steps spread over a WorkerPool give the serial result to the bit.
#include "AnalysisDigest.h"
#include "SyntheticMusic.h"

#include "analysis/TrackAnalyzer.h"
#include "common/WorkerPool.h"

#include <QtTest>

#include <atomic>
#include <chrono>
#include <cmath>
#include <thread>

using namespace stemcrate;
using namespace stemcrate::analysis;

class TestTrack : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        synth::DrumSpec d;
        d.bpm = 128.3;
        d.style = synth::DrumStyle::Breakbeat;
        d.seconds = 20.0;
        m_drums = synth::drums(d).audio;
        synth::ChordSpec c;
        c.tonic = 2;
        c.minor = true;
        c.bpm = 128.3;
        c.seconds = 20.0;
        m_chords = synth::chords(c).audio;
        m_silence = AudioBuffer(2, m_drums.frames);
        m_mix = synth::mix(m_drums, m_chords, 0.8f);
        // Shorter material for the parallel runs, which analyse many times over.
        d.seconds = c.seconds = 8.0;
        m_shortDrums = synth::drums(d).audio;
        m_shortChords = synth::chords(c).audio;
        m_shortSilence = AudioBuffer(2, m_shortDrums.frames);
        m_shortMix = synth::mix(m_shortDrums, m_shortChords, 0.8f);
    }

    void stemsTakeTheirRoles()
    {
        AudioBuffer bass = m_chords, other = m_chords;
        for (float& v : bass.samples)
            v *= 0.5f;
        for (float& v : other.samples)
            v *= 0.3f;
        const std::vector<StemInput> stems = {
            {"drums", &m_drums}, {"bass", &bass}, {"other", &other}, {"vocals", &m_silence}};
        std::vector<double> progress;
        TrackAnalyzerOptions options;
        options.progress = [&](double f) { progress.push_back(f); };
        const auto result = TrackAnalyzer(options).analyze(m_mix, stems);
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().c_str());
        QVERIFY(result->tempo);
        QCOMPARE(QString::fromStdString(result->tempoSource), QStringLiteral("drums"));
        QVERIFY2(std::abs(result->tempo->bpm - 128.3) <= 0.5,
                 qPrintable(QString::number(result->tempo->bpm)));
        QVERIFY(result->key);
        QCOMPARE(QString::fromStdString(result->keySource), QStringLiteral("bass+other"));
        QCOMPARE(QString::fromStdString(result->key->name), QStringLiteral("D minor"));
        QCOMPARE(int(result->stems.size()), 4);
        QCOMPARE(QString::fromStdString(result->mix.name), QStringLiteral("mix"));
        QVERIFY(std::isfinite(result->mix.loudness.integratedLufs));
        const StemAnalysis& drums = result->stems[0];
        QVERIFY(!drums.onsets.empty() && !drums.loops.empty());
        const StemAnalysis& vocals = result->stems[3];
        QVERIFY(std::isinf(vocals.loudness.integratedLufs));
        QVERIFY(vocals.onsets.empty() && vocals.loops.empty());
        QVERIFY(!progress.empty());
        QVERIFY(std::is_sorted(progress.begin(), progress.end()));
        QCOMPARE(progress.back(), 1.0);
    }

    void quietDrumsFallBackToTheMix()
    {
        AudioBuffer whisper = m_drums;
        for (float& v : whisper.samples)
            v *= 1e-3f; // -60 dB: bleed, not a drum part
        const std::vector<StemInput> stems = {{"drums", &whisper}, {"vocals", &m_silence}};
        const auto result = TrackAnalyzer().analyze(m_mix, stems);
        QVERIFY(result.ok());
        QCOMPARE(QString::fromStdString(result->tempoSource), QStringLiteral("mix"));
        QCOMPARE(QString::fromStdString(result->keySource), QStringLiteral("mix")); // no bass or other stem
    }

    void mixOnlyAndFailuresAsFields()
    {
        const AudioBuffer clip(2, kEngineSampleRate); // one second of silence: no tempo, no key
        const auto result = TrackAnalyzer().analyze(clip);
        QVERIFY(result.ok());
        QVERIFY(!result->tempo && !result->tempoError.empty());
        QVERIFY(!result->key && !result->keyError.empty());
        QVERIFY(result->mix.loops.empty());
        QVERIFY(!TrackAnalyzer().analyze(AudioBuffer()).ok());
        AudioBuffer wrongRate(2, 100, 48000);
        QVERIFY(!TrackAnalyzer().analyze(m_mix, {{"drums", &wrongRate}}).ok());
    }

    void concurrentAnalysesAgree()
    {
        // The API is synchronous and reentrant: workers may analyse different stems (or songs) at once.
        const std::vector<StemInput> stems = {{"drums", &m_drums}, {"other", &m_chords}};
        const auto alone = TrackAnalyzer().analyze(m_mix, stems);
        QVERIFY(alone.ok());
        std::vector<Result<TrackAnalysis>> results(3, Result<TrackAnalysis>(Error{"not run"}));
        std::vector<std::thread> threads;
        for (size_t i = 0; i < results.size(); ++i)
            threads.emplace_back([&, i] { results[i] = TrackAnalyzer().analyze(m_mix, stems); });
        for (std::thread& thread : threads)
            thread.join();
        for (const auto& result : results) {
            QVERIFY(result.ok());
            QCOMPARE(result->tempo->bpm, alone->tempo->bpm);
            QCOMPARE(result->tempo->beatFrames, alone->tempo->beatFrames);
            QCOMPARE(result->key->name, alone->key->name);
            QCOMPARE(result->mix.loudness.truePeakDbtp, alone->mix.loudness.truePeakDbtp);
            QCOMPARE(result->stems[0].onsets.size(), alone->stems[0].onsets.size());
            QCOMPARE(result->stems[1].loops.size(), alone->stems[1].loops.size());
        }
    }

    void cancel()
    {
        TrackAnalyzerOptions options;
        options.isCancelled = [] { return true; };
        const auto result = TrackAnalyzer(options).analyze(m_mix, {{"drums", &m_drums}});
        QVERIFY(!result.ok());
        QCOMPARE(QString::fromStdString(result.error()), QString::fromLatin1(kAnalysisCancelled));
    }

    // The steps on a pool's threads give what one thread gives, to the bit, for every role of the stems:
    // tempo from the drums, from the mix beside quiet drums (its harmonic-change profile computed late), from
    // the mix alone; key from bass + other or the mix.
    void parallelStepsGiveTheSerialResult_data()
    {
        QTest::addColumn<int>("threads");
        QTest::addColumn<QString>("roles");
        for (const char* roles : {"mix", "stems", "quiet drums"})
            QTest::addRow("2 threads, %s", roles) << 2 << QString::fromLatin1(roles);
        QTest::addRow("3 threads, stems") << 3 << QStringLiteral("stems");
    }

    void parallelStepsGiveTheSerialResult()
    {
        QFETCH(int, threads);
        QFETCH(QString, roles);
        AudioBuffer quiet = m_shortDrums;
        for (float& v : quiet.samples)
            v *= 1e-3f;
        std::vector<StemInput> stems;
        if (roles == QLatin1String("stems"))
            stems = {{"drums", &m_shortDrums},
                     {"bass", &m_shortChords},
                     {"other", &m_shortChords},
                     {"vocals", &m_shortSilence}};
        else if (roles == QLatin1String("quiet drums"))
            stems = {{"drums", &quiet}, {"vocals", &m_shortSilence}};
        const auto serial = TrackAnalyzer().analyze(m_shortMix, stems);
        QVERIFY(serial.ok());
        QVERIFY(serial->tempo && serial->key);
        WorkerPool pool(threads);
        TrackAnalyzerOptions options;
        options.pool = &pool;
        std::vector<double> progress;
        options.progress = [&](double f) { progress.push_back(f); }; // on this thread, between stages
        const auto parallel = TrackAnalyzer(options).analyze(m_shortMix, stems);
        QVERIFY(parallel.ok());
        QCOMPARE(analysisDigest(parallel.value()), analysisDigest(serial.value()));
        QCOMPARE(progress.size(), stems.size() + 3);
        QCOMPARE(progress.back(), 1.0);
    }

    // Workers share one pool: one analysis at a time gets its helpers, the others run on their own thread.
    void analysesShareOnePool()
    {
        const std::vector<StemInput> stems = {{"drums", &m_shortDrums}, {"other", &m_shortChords}};
        const auto serial = TrackAnalyzer().analyze(m_shortMix, stems);
        QVERIFY(serial.ok());
        WorkerPool pool(2);
        TrackAnalyzerOptions options;
        options.pool = &pool;
        std::vector<Result<TrackAnalysis>> results(3, Result<TrackAnalysis>(Error{"not run"}));
        std::vector<std::thread> threads;
        for (size_t i = 0; i < results.size(); ++i)
            threads.emplace_back([&, i] { results[i] = TrackAnalyzer(options).analyze(m_shortMix, stems); });
        for (std::thread& thread : threads)
            thread.join();
        for (const auto& result : results) {
            QVERIFY(result.ok());
            QCOMPARE(analysisDigest(result.value()), analysisDigest(serial.value()));
        }
    }

    // Cancel at every stage of a parallel analysis: the cancelled error, and the pool is whole afterwards.
    void cancelAtEachStageOfAParallelAnalysis()
    {
        const std::vector<StemInput> stems = {{"drums", &m_shortDrums}, {"bass", &m_shortChords}};
        const auto serial = TrackAnalyzer().analyze(m_shortMix, stems);
        QVERIFY(serial.ok());
        WorkerPool pool(2);
        const int stages = static_cast<int>(stems.size()) + 3;
        for (int cancelAt = 1; cancelAt <= stages; ++cancelAt) {
            int asked = 0;
            TrackAnalyzerOptions options;
            options.pool = &pool;
            options.isCancelled = [&] { return ++asked >= cancelAt; };
            const auto result = TrackAnalyzer(options).analyze(m_shortMix, stems);
            QVERIFY2(!result.ok(), qPrintable(QString::number(cancelAt)));
            QCOMPARE(QString::fromStdString(result.error()), QString::fromLatin1(kAnalysisCancelled));
            QCOMPARE(asked, cancelAt); // it stopped at the first stage boundary that saw the cancel
        }
        TrackAnalyzerOptions options;
        options.pool = &pool;
        const auto after = TrackAnalyzer(options).analyze(m_shortMix, stems);
        QVERIFY(after.ok());
        QCOMPARE(analysisDigest(after.value()), analysisDigest(serial.value()));
    }

    // A cancel from another thread at any moment while the steps run: either the cancelled error or the
    // whole serial result, never a part of one (-1: set before the analysis starts, so always cancelled).
    void cancelFromAnotherThreadWhileStepsRun()
    {
        const std::vector<StemInput> stems = {{"drums", &m_shortDrums}, {"other", &m_shortChords}};
        const auto serial = TrackAnalyzer().analyze(m_shortMix, stems);
        QVERIFY(serial.ok());
        WorkerPool pool(2);
        for (int delayMs : {-1, 0, 5, 20, 60, 150}) {
            std::atomic<bool> stop{delayMs < 0};
            TrackAnalyzerOptions options;
            options.pool = &pool;
            options.isCancelled = [&] { return stop.load(); };
            std::thread canceller([&] {
                std::this_thread::sleep_for(std::chrono::milliseconds(std::max(0, delayMs)));
                stop = true;
            });
            const auto result = TrackAnalyzer(options).analyze(m_shortMix, stems);
            canceller.join();
            if (delayMs < 0)
                QVERIFY(!result.ok());
            if (result.ok())
                QCOMPARE(analysisDigest(result.value()), analysisDigest(serial.value()));
            else
                QCOMPARE(QString::fromStdString(result.error()), QString::fromLatin1(kAnalysisCancelled));
        }
    }

private:
    AudioBuffer m_drums, m_chords, m_silence, m_mix;
    AudioBuffer m_shortDrums, m_shortChords, m_shortSilence, m_shortMix;
};

QTEST_APPLESS_MAIN(TestTrack)
#include "tst_analysis_track.moc"
