// stemcrate-cli stretch end to end: a click track stretched 120 -> 90 BPM has the exact length and its
// clicks on the new grid, a tone shifted from A minor into C minor measures 523.25 Hz and is tagged with the
// new key, tags supply the source tempo, usage errors exit 2, an input without a findable tempo exits 1
// naming the file, and nothing is overwritten.

#include "CliProcess.h"
#include "FitSignals.h"
#include "audio/AudioFileWriter.h"
#include "audio/Decoder.h"
#include "library/SampleFitter.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <cstdlib>

using namespace stemcrate;
using namespace stemcrate::library::test;

namespace {

using CliRun = stemcrate::test::ProcessRun;

CliRun runCli(const QStringList& args)
{
    CliRun run = stemcrate::test::runProcess(QStringLiteral(STEMCRATE_CLI), args);
    run.out = run.out.trimmed();
    return run;
}

// FLAC when tags matter: FFmpeg's WAV reader skips the ID3 chunk, so a WAV's BPM and key are not read back.
bool writeAudio(const QString& path, const AudioBuffer& audio, const audio::AudioTags& tags = {})
{
    audio::WriteOptions options;
    options.tags = tags;
    const bool flac = path.endsWith(".flac");
    Result<void> written = audio::writeAudioFile(
        path.toStdString(), audio, flac ? audio::FileFormat::Flac : audio::FileFormat::Wav,
        flac ? audio::SampleFormat::Int24 : audio::SampleFormat::Float32, options);
    if (!written)
        qWarning("%s", written.error().c_str());
    return written.ok();
}

audio::Track decode(const QString& path)
{
    Result<audio::Track> track = audio::decodeFile(path.toStdString());
    if (!track) {
        qWarning("%s", track.error().c_str());
        return {};
    }
    return std::move(track.value());
}

// The first of `keys` among the decoded tags (WAV's ID3 gives TBPM/TKEY, FLAC's comments BPM/INITIALKEY).
std::string tag(const audio::Track& track, std::initializer_list<const char*> keys)
{
    for (const char* key : keys)
        if (auto it = track.info.tags.find(key); it != track.info.tags.end())
            return it->second;
    return {};
}

} // namespace

class TestCliStretch : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void stretchesClicksOntoTheNewGrid()
    {
        const QString input = m_dir.filePath("clicks.wav");
        const AudioBuffer clicks = clickTrack(120.0, 4.0);
        QVERIFY(writeAudio(input, clicks));
        const QString output = m_dir.filePath("clicks-90.flac");
        const CliRun run =
            runCli({"stretch", input, "--bpm", "90", "--from-bpm", "120", "--loop", "-o", output});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.out, output);
        const audio::Track out = decode(output);
        QCOMPARE(out.audio.frames, std::llround(clicks.frames * 120.0 / 90.0));
        QCOMPARE(std::atof(tag(out, {"BPM", "TBPM"}).c_str()), 90.0);
        const GridError e = gridError(clickOnsets(out.audio, 0.3), 90.0, out.audio.seconds(), 0.005);
        QVERIFY2(e.maxErrorSeconds <= 0.005, qPrintable(QString::number(1e3 * e.maxErrorSeconds)));
        QCOMPARE(e.onsets, 7); // 8 beats; the first one's attack wrapped to the loop's end
    }

    void shiftsIntoAKeyAndTagsIt()
    {
        const QString input = m_dir.filePath("a4.flac");
        audio::AudioTags tags;
        tags.key = "A minor";
        QVERIFY(writeAudio(input, tone(440.0, 2.0), tags));
        const QString output = m_dir.filePath("c5.flac");
        const CliRun run = runCli({"stretch", input, "--to-key", "C minor", "-o", output});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const audio::Track out = decode(output);
        QCOMPARE(out.audio.frames, int64_t(2 * 44100));
        const double hz = measureFrequency(out.audio, out.audio.frames / 4, 3 * out.audio.frames / 4);
        QVERIFY2(std::abs(hz / 523.2511306 - 1) <= 0.005, qPrintable(QString::number(hz)));
        QCOMPARE(tag(out, {"INITIALKEY", "TKEY"}), std::string("C minor"));

        // The same again: the name is taken, so " (2)" is added and the first file stays.
        const CliRun again = runCli({"stretch", input, "--semitones", "3", "-o", output});
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        QCOMPARE(again.out, m_dir.filePath("c5 (2).flac"));
    }

    void tagsGiveTheSourceTempo()
    {
        const QString input = m_dir.filePath("tagged.flac");
        audio::AudioTags tags;
        tags.bpm = 100;
        QVERIFY(writeAudio(input, tone(220.0, 1.0), tags));
        const QString output = m_dir.filePath("tagged-125.wav");
        const CliRun run = runCli({"stretch", input, "--bpm", "125", "-o", output});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(decode(output).audio.frames, std::llround(44100 * 100.0 / 125.0));
    }

    void errorsAndUsage()
    {
        const QString input = m_dir.filePath("short.wav");
        QVERIFY(writeAudio(input, tone(220.0, 0.5)));
        const QString output = m_dir.filePath("never.wav");
        // No tempo tag, and half a second is too short to find one.
        CliRun run = runCli({"stretch", input, "--bpm", "90", "-o", output});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.startsWith("error: " + input + ": ") && run.err.contains("--from-bpm"),
                 qPrintable(run.err));
        QVERIFY(!QFile::exists(output));

        for (const QStringList& args :
             {QStringList{"stretch", input, "-o", output}, QStringList{"stretch", input, "--bpm", "90"},
              QStringList{"stretch", input, "--semitones", "2", "--to-key", "C", "-o", output},
              QStringList{"stretch", input, "--to-key", "H minor", "-o", output},
              QStringList{"stretch", input, "--bpm", "2000", "-o", output},
              QStringList{"stretch", input, "--from-bpm", "120", "-o", output},
              QStringList{"stretch", input, "--bpm", "90", "--from-bpm", "10", "-o", output}}) {
            run = runCli(args);
            QVERIFY2(run.exitCode == (args.contains("10") ? 1 : 2),
                     qPrintable(args.join(' ') + ": " + run.err));
            QVERIFY(run.err.startsWith("error: "));
        }
        QVERIFY(!QFile::exists(output));
        run = runCli({"stretch", m_dir.filePath("missing.wav"), "--semitones", "1", "-o", output});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.startsWith("error: " + m_dir.filePath("missing.wav") + ": "));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestCliStretch)
#include "tst_cli_stretch.moc"
