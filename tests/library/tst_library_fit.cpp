// Fitting a sample to the project's tempo and key (SampleFitter: Rubber Band R3 offline; LiveFitter: the
// real-time engine), measured on synthetic signals: clicks stretched 120 -> 90 BPM sit on the new grid, a
// 440 Hz tone shifted +3 semitones measures 523.25 Hz, lengths are exact to the frame, a loop stays seamless,
// and keys are read and transposed the nearest way.

#include "FitSignals.h"
#include "audio/Decoder.h"
#include "library/LiveFitter.h"
#include "library/MusicalKey.h"
#include "library/SampleExporter.h"
#include "library/SampleFitter.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace stemcrate;
using namespace stemcrate::library;
using namespace stemcrate::library::test;

namespace {

constexpr double kA4 = 440.0;
constexpr double kC5 = 523.2511306; // 440 * 2^(3/12)

AudioBuffer fit(const AudioBuffer& source, double timeRatio, double semitones, bool loop = false)
{
    FitOptions options;
    options.ratios = {timeRatio, std::exp2(semitones / 12.0)};
    options.loop = loop;
    Result<AudioBuffer> out = fitOffline(source, options);
    if (!out) {
        qWarning("%s", out.error().c_str());
        return {};
    }
    return std::move(out.value());
}

} // namespace

class TestLibraryFit : public QObject
{
    Q_OBJECT

private slots:
    void clicksLandOnTheNewGrid()
    {
        const double seconds = 8.0;
        const AudioBuffer clicks = clickTrack(120.0, seconds);
        Result<FitRatios> ratios = fitRatios(120.0, 90.0, 0.0);
        QVERIFY(ratios.ok());
        QCOMPARE(ratios->timeRatio, 120.0 / 90.0);
        const AudioBuffer out = fit(clicks, ratios->timeRatio, 0.0);
        QCOMPARE(out.frames, fittedFrames(clicks.frames, ratios->timeRatio));

        // R3 places a click's attack about a millisecond early; the region starts on the first click, so
        // that one keeps only its body (a third of its peak, under the detector's half-peak threshold). As a
        // loop it keeps all of it: clickLoopKeepsItsFirstBeat.
        const std::vector<double> onsets = clickOnsets(out, 0.3);
        const GridError e = gridError(onsets, 90.0, out.seconds(), 0.005);
        qInfo("120 -> 90 BPM: %d clicks, worst %.2f ms off the 90 BPM grid, %d missing", e.onsets,
              1e3 * e.maxErrorSeconds, e.missing);
        QCOMPARE(e.onsets, 15); // the 16 clicks of 8 s at 120 BPM, now over 10.67 s, but the first
        QCOMPARE(e.missing, 1);
        QVERIFY2(e.maxErrorSeconds <= 0.005, qPrintable(QString::number(1e3 * e.maxErrorSeconds) + " ms"));
    }

    void toneShiftsByThreeSemitones()
    {
        const AudioBuffer a4 = tone(kA4, 3.0);
        Result<int> semitones = transpositionSemitones("A minor", "C minor");
        QVERIFY(semitones.ok());
        QCOMPARE(semitones.value(), 3);
        const AudioBuffer out = fit(a4, 1.0, semitones.value());
        QCOMPARE(out.frames, a4.frames);
        const double hz = measureFrequency(out, out.frames / 4, 3 * out.frames / 4);
        qInfo("440 Hz + 3 semitones: %.3f Hz (%.4f %% off %.2f)", hz, 100 * (hz / kC5 - 1), kC5);
        QVERIFY2(std::abs(hz / kC5 - 1) <= 0.005, qPrintable(QString::number(hz)));
        // And the measurement itself: the unshifted tone reads 440.
        QVERIFY(std::abs(measureFrequency(a4, 0, a4.frames) / kA4 - 1) < 1e-4);
    }

    void lengthIsExact_data()
    {
        QTest::addColumn<int>("frames");
        QTest::addColumn<double>("timeRatio");
        QTest::addColumn<double>("semitones");
        QTest::addColumn<bool>("loop");
        QTest::newRow("120->90, odd length") << 44101 << 120.0 / 90.0 << 0.0 << false;
        QTest::newRow("90->128, shift -2") << 30011 << 90.0 / 128.0 << -2.0 << false;
        QTest::newRow("x0.5") << 22050 << 0.5 << 0.0 << false;
        QTest::newRow("x3, shift +5") << 9001 << 3.0 << 5.0 << false;
        QTest::newRow("loop 100->97") << 52919 << 100.0 / 97.0 << 0.0 << true;
        QTest::newRow("short loop x1.5, shift +1") << 4410 << 1.5 << 1.0 << true;
        QTest::newRow("shift only") << 12345 << 1.0 << 7.0 << false;
    }

    void lengthIsExact()
    {
        QFETCH(int, frames);
        QFETCH(double, timeRatio);
        QFETCH(double, semitones);
        QFETCH(bool, loop);
        const AudioBuffer chord = seamlessChordLoop(double(frames) / kEngineSampleRate);
        QCOMPARE(chord.frames, int64_t(frames));
        const AudioBuffer out = fit(chord, timeRatio, semitones, loop);
        QCOMPARE(out.frames, std::llround(frames * timeRatio));
        QCOMPARE(out.channels, 2);
        // Not silence, not a blow-up.
        float peak = 0;
        for (float x : out.samples)
            peak = std::max(peak, std::abs(x));
        QVERIFY2(peak > 0.2f && peak < 1.5f, qPrintable(QString::number(peak)));
    }

    void loopStaysSeamless()
    {
        const AudioBuffer loop = seamlessChordLoop(2.0);
        const LoopContinuity source = measureLoop(loop);
        const AudioBuffer circular = fit(loop, 120.0 / 100.0, 0.0, true);
        const AudioBuffer straight = fit(loop, 120.0 / 100.0, 0.0, false);
        QCOMPARE(circular.frames, fittedFrames(loop.frames, 1.2));
        const LoopContinuity looped = measureLoop(circular);
        const LoopContinuity plain = measureLoop(straight);
        auto show = [](const char* what, const LoopContinuity& m) {
            qInfo("%-14s wrap step %.2f, largest step %.2f (x the 99.9th percentile step), 10 ms windows "
                  "%+.2f..%+.2f dB",
                  what, m.wrapJumpRatio, m.maxJumpRatio, m.minWindowDb, m.maxWindowDb);
        };
        show("source:", source);
        show("loop stretch:", looped);
        show("plain stretch:", plain);
        // The measure can fail: a plain stretch of the same loop clicks at the wrap.
        QVERIFY(plain.wrapJumpRatio > 2.0);
        QVERIFY2(looped.wrapJumpRatio <= 1.0, qPrintable(QString::number(looped.wrapJumpRatio)));
        QVERIFY2(looped.maxJumpRatio <= 1.5, qPrintable(QString::number(looped.maxJumpRatio)));
        // The chord's partials beat, so its 10 ms windows vary by themselves; no dip or bump beyond that.
        QVERIFY2(looped.minWindowDb >= source.minWindowDb - 1.5 &&
                     looped.maxWindowDb <= source.maxWindowDb + 1.5,
                 qPrintable(QString("%1 %2").arg(looped.minWindowDb).arg(looped.maxWindowDb)));
    }

    // A drum loop that starts on its first beat: looped, every click is still there, on the new grid, at
    // the level of the others (the first one's attack wraps to the end of the loop, where it belongs).
    void clickLoopKeepsItsFirstBeat()
    {
        const AudioBuffer clicks = clickTrack(120.0, 4.0);
        const AudioBuffer out = fit(clicks, 120.0 / 90.0, 0.0, true);
        // Read it twice in a row, so that the click at the wrap is seen whole.
        AudioBuffer twice(2, 2 * out.frames);
        for (int c = 0; c < 2; ++c) {
            std::copy(out.channel(c), out.channel(c) + out.frames, twice.channel(c));
            std::copy(out.channel(c), out.channel(c) + out.frames, twice.channel(c) + out.frames);
        }
        const GridError e = gridError(clickOnsets(twice, 0.3), 90.0, twice.seconds(), 0.005);
        qInfo("looped 120 -> 90 BPM, played twice: %d clicks, worst %.2f ms off the grid, %d missing",
              e.onsets, 1e3 * e.maxErrorSeconds, e.missing);
        QCOMPARE(e.onsets, 16); // 2 x 8 beats; the 16th is the third pass's first beat, at the very end
        QCOMPARE(e.missing, 1); // the first pass's first beat: its attack lies before frame 0
        QVERIFY2(e.maxErrorSeconds <= 0.005, qPrintable(QString::number(1e3 * e.maxErrorSeconds) + " ms"));
    }

    // The export path: a loop region of a stem, fitted from 120 to 90 BPM and from A minor into C minor:
    // exact length, tags and name with the new tempo and key; an unknown source tempo is an error.
    void exportWritesTheFittedSample()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const AudioBuffer stem = tone(kA4, 3.0);
        ExportRequest request;
        request.stems = {&stem};
        request.startFrame = 22050;
        request.endFrame = 22050 + 88200;
        request.folder = dir.path().toStdString();
        request.nameTemplate = "{bpm}bpm {key}";
        request.metadata.bpm = 120;
        request.metadata.key = "A minor";
        request.options.loop = true;
        request.options.format = audio::FileFormat::Flac; // tags FFmpeg reads back (its WAV reader skips ID3)
        request.options.sampleFormat = audio::SampleFormat::Int24;
        request.options.fit.targetBpm = 90;
        request.options.fit.targetKey = "C minor";
        Result<ExportResult> written = exportSample(request);
        QVERIFY2(written.ok(), written.ok() ? "" : written.error().c_str());
        QCOMPARE(QString::fromStdString(written->path), dir.filePath("90bpm C minor.flac"));
        Result<audio::Track> track = audio::decodeFile(written->path);
        QVERIFY(track.ok());
        QCOMPARE(track->audio.frames, std::llround(88200 * 120.0 / 90.0));
        const double hz = measureFrequency(track->audio, 10000, track->audio.frames - 10000);
        QVERIFY2(std::abs(hz / kC5 - 1) <= 0.005, qPrintable(QString::number(hz)));
        std::string key;
        for (const auto& [name, value] : track->info.tags)
            if (name == "TKEY" || name == "INITIALKEY" || name == "key")
                key = value;
        QCOMPARE(key, std::string("C minor"));

        request.metadata.bpm = 0;
        Result<ExportResult> unknown = exportSample(request);
        QVERIFY(!unknown.ok());
        QVERIFY2(QString::fromStdString(unknown.error()).contains("tempo is unknown"),
                 unknown.error().c_str());
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1); // nothing half-written
    }

    void identityIsAnExactCopy()
    {
        const AudioBuffer clicks = clickTrack(100.0, 1.0);
        const AudioBuffer out = fit(clicks, 1.0, 0.0, true);
        QVERIFY(out.samples == clicks.samples);
    }

    void badInputIsRefused()
    {
        FitOptions options;
        options.ratios = {2.0, 1.0};
        Result<AudioBuffer> empty = fitOffline(AudioBuffer(), options);
        QVERIFY(!empty.ok());
        QVERIFY(QString::fromStdString(empty.error()).contains("empty"));
        options.ratios = {20.0, 1.0};
        QVERIFY(!fitOffline(tone(kA4, 0.1), options).ok());
        QVERIFY(!fitRatios(120, 0.5, 0).ok());
        QVERIFY(!fitRatios(120, 10, 0).ok()); // twelvefold
        QVERIFY(!fitRatios(0, 0, 30).ok());
        QVERIFY(!fitRatios(0, 0, std::nan("")).ok());
        QVERIFY(fitRatios(0, 0, 0)->identity());

        options.ratios = {1.5, 1.0};
        int polls = 0;
        options.isCancelled = [&] { return ++polls > 2; };
        Result<AudioBuffer> cancelled = fitOffline(tone(kA4, 5.0), options);
        QVERIFY(!cancelled.ok());
        QCOMPARE(QString::fromStdString(cancelled.error()), QStringLiteral("cancelled"));
    }

    void keysParseAndTranspose_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<int>("semitones");
        QTest::newRow("A minor -> C minor") << "A minor"
                                            << "C minor" << 3;
        QTest::newRow("Am -> Em, down") << "Am"
                                        << "Em" << -5;
        QTest::newRow("F#m -> Gbm") << "F#m"
                                    << "Gbm" << 0;
        QTest::newRow("C -> F#: tritone goes down") << "C"
                                                    << "F#" << -6;
        QTest::newRow("relative: Am -> C major") << "Am"
                                                 << "C major" << 0;
        QTest::newRow("Am -> D major = Bm") << "A minor"
                                            << "D major" << 2;
        QTest::newRow("Camelot 8A -> 9A") << "8A"
                                          << "9A" << -5; // A minor -> E minor
        QTest::newRow("Camelot 8B -> 3B") << "8B"
                                          << "3B" << 1; // C -> Db
        QTest::newRow("Open Key 1d -> 2m") << "1d"
                                           << "2m" << -5; // C major -> E minor = G major
        QTest::newRow("Bb major -> Ebmaj") << "Bb major"
                                           << "Ebmaj" << 5;
        QTest::newRow("unicode flat") << "B♭"
                                      << "C" << 2;
    }

    void keysParseAndTranspose()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(int, semitones);
        Result<int> shift = transpositionSemitones(from.toStdString(), to.toStdString());
        QVERIFY2(shift.ok(), shift.ok() ? "" : shift.error().c_str());
        QCOMPARE(shift.value(), semitones);
    }

    void badKeysAreNamed()
    {
        for (const char* text : {"", "H minor", "A lydian", "13A", "0B", "8C", "minor"}) {
            QVERIFY2(!parseMusicalKey(text).has_value(), text);
            Result<int> shift = transpositionSemitones(text, "C");
            QVERIFY(!shift.ok());
            QVERIFY(QString::fromStdString(shift.error()).contains(QString::fromUtf8(text)));
        }
    }

    // The real-time engine: pitch lands where asked, the stretch consumes input at 1 / ratio, and a ratio
    // change while playing neither stops the output nor lets it fall silent.
    void liveFitterShiftsStretchesAndChangesWithoutGaps()
    {
        const AudioBuffer a4 = tone(kA4, 1.0);
        constexpr int kBlock = 512;
        LiveFitter live(kEngineSampleRate, 2, kBlock);
        live.setRatios({1.0, std::exp2(3.0 / 12.0)});
        LoopingSource source{&a4};
        AudioBuffer out(2, 3 * kEngineSampleRate);
        for (int64_t at = 0; at < out.frames; at += kBlock) {
            float* planes[2] = {out.channel(0) + at, out.channel(1) + at};
            live.render(planes, std::min<int64_t>(kBlock, out.frames - at), &LoopingSource::pull, &source);
        }
        const double hz = measureFrequency(out, out.frames / 3, out.frames);
        qInfo("live: 440 Hz + 3 semitones = %.3f Hz", hz);
        QVERIFY2(std::abs(hz / kC5 - 1) <= 0.005, qPrintable(QString::number(hz)));

        // Now stretched 1.5x: the engine asks for two thirds as much input as it gives output.
        live.setRatios({1.5, std::exp2(3.0 / 12.0)});
        const int64_t pulledBefore = source.pulled;
        double quietest = 1.0;
        for (int block = 0; block < 300; ++block) {
            std::vector<float> left(kBlock), right(kBlock);
            float* planes[2] = {left.data(), right.data()};
            live.render(planes, kBlock, &LoopingSource::pull, &source);
            double sum = 0;
            for (float x : left)
                sum += double(x) * x;
            quietest = std::min(quietest, std::sqrt(sum / kBlock));
        }
        const double consumed = double(source.pulled - pulledBefore) / (300.0 * kBlock);
        qInfo("live: input per output frame at ratio 1.5: %.3f; quietest block RMS %.3f", consumed, quietest);
        QVERIFY2(std::abs(consumed - 1 / 1.5) < 0.03, qPrintable(QString::number(consumed)));
        QVERIFY2(quietest > 0.25, qPrintable(QString::number(quietest))); // a 0.5 sine has RMS 0.354
    }
};

QTEST_GUILESS_MAIN(TestLibraryFit)
#include "tst_library_fit.moc"
