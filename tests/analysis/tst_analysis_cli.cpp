// stemcrate-cli analyze end to end: WAV files written with core/audio, JSON lines parsed back, exit codes.
#include "SyntheticMusic.h"

#include "audio/AudioFileWriter.h"

#include "CliProcess.h"
#include <QtTest>

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <cmath>

using namespace stemcrate;
using namespace stemcrate::analysis;

namespace {

struct Run
{
    int exitCode = -1;
    QList<QByteArray> lines;
    QString errors;
};

Run runCli(const QStringList& arguments)
{
    const stemcrate::test::ProcessRun done = stemcrate::test::runProcess(
        QStringLiteral(STEMCRATE_CLI), QStringList{QStringLiteral("analyze")} + arguments);
    Run run;
    run.exitCode = done.exitCode;
    for (const QString& line : done.lines())
        run.lines.push_back(line.toUtf8());
    run.errors = done.err;
    return run;
}

void write(const QString& path, const AudioBuffer& audio)
{
    const auto written =
        audio::writeAudioFile(path.toStdString(), audio, audio::FileFormat::Wav, audio::SampleFormat::Int24);
    QVERIFY2(written.ok(), written.ok() ? "" : written.error().c_str());
}

AudioBuffer scaled(AudioBuffer audio, float gain)
{
    for (float& v : audio.samples)
        v *= gain;
    return audio;
}

} // namespace

class TestAnalyzeCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        synth::DrumSpec d;
        d.bpm = 126.0;
        d.style = synth::DrumStyle::House;
        d.seconds = 24.0;
        m_drums = scaled(synth::drums(d).audio, 0.5f);
        synth::ChordSpec c;
        c.tonic = 9;
        c.minor = true;
        c.bpm = 126.0;
        c.seconds = 24.0;
        m_chords = scaled(synth::chords(c).audio, 0.5f);
        write(m_dir.filePath("song.wav"), synth::mix(m_drums, m_chords));
        QFile garbage(m_dir.filePath("garbage.wav"));
        QVERIFY(garbage.open(QIODevice::WriteOnly));
        garbage.write(QByteArray(4096, 'x'));
    }

    void analyzesAFile()
    {
        const Run run = runCli({m_dir.filePath("song.wav")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.lines.size(), 1);
        QJsonParseError error;
        const QJsonObject json = QJsonDocument::fromJson(run.lines[0], &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        for (const char* key : {"bpm", "bpm_confidence", "beats_s", "downbeats_s", "key", "key_confidence",
                                "loudness_lufs", "true_peak_dbtp", "onsets_s", "loops"})
            QVERIFY2(json.contains(QLatin1String(key)), key);
        QVERIFY2(std::abs(json["bpm"].toDouble() - 126.0) <= 0.5,
                 qPrintable(QString::number(json["bpm"].toDouble())));
        QCOMPARE(json["key"].toString(), QStringLiteral("A minor"));
        QCOMPARE(json["key_camelot"].toString(), QStringLiteral("8A"));
        QVERIFY(json["loudness_lufs"].toDouble() < -3.0 && json["loudness_lufs"].toDouble() > -40.0);
        QVERIFY(json["true_peak_dbtp"].isDouble());
        QVERIFY(json["beats_s"].toArray().size() > 40);
        QVERIFY(json["onsets_s"].toArray().size() > 40);
        const QJsonArray loops = json["loops"].toArray();
        QVERIFY(!loops.isEmpty());
        for (const QJsonValue& loop : loops) {
            const QJsonObject l = loop.toObject();
            QVERIFY(l["end_s"].toDouble() > l["start_s"].toDouble());
            QVERIFY(l.contains("bars") && l.contains("score"));
        }
        QVERIFY(!json.contains("stems"));
    }

    // The musician's word (issue 17): --bpm lays the grid (and the loops) at that tempo, --key names the key;
    // drums alone have no key.
    void overridesAndNoKeyForDrums()
    {
        write(m_dir.filePath("drums.wav"), m_drums);
        const Run plain = runCli({m_dir.filePath("drums.wav")});
        QCOMPARE(plain.exitCode, 0);
        QVERIFY(QJsonDocument::fromJson(plain.lines.value(0)).object()["key"].isNull());

        const Run run = runCli({"--bpm", "63", "--key", "F#m", m_dir.filePath("song.wav")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(run.lines.value(0)).object();
        QCOMPARE(json["bpm"].toDouble(), 63.0);
        QCOMPARE(json["tempo_source"].toString(), QStringLiteral("user"));
        QCOMPARE(json["key"].toString(), QStringLiteral("F# minor"));
        QCOMPARE(json["key_camelot"].toString(), QStringLiteral("11A"));
        const QJsonArray beats = json["beats_s"].toArray();
        QVERIFY(beats.size() > 10);
        QVERIFY(std::abs(beats[1].toDouble() - beats[0].toDouble() - 60.0 / 63.0) < 0.002);
        // A one-bar loop is one bar at 63 BPM.
        for (const QJsonValue& loop : json["loops"].toArray()) {
            const QJsonObject l = loop.toObject();
            QVERIFY(std::abs(l["end_s"].toDouble() - l["start_s"].toDouble() - l["bars"].toInt() * 4 * 60.0 / 63.0) <
                    0.01);
        }
        QCOMPARE(runCli({"--bpm", "0", m_dir.filePath("song.wav")}).exitCode, 2);
        QCOMPARE(runCli({"--key", "H dorian", m_dir.filePath("song.wav")}).exitCode, 2);
    }

    void aBadInputFailsAloneWithExitOne()
    {
        const QString garbage = m_dir.filePath("garbage.wav");
        const Run run = runCli({garbage, m_dir.filePath("song.wav")});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.lines.size(), 1); // the good file is still analysed
        QVERIFY2(run.errors.startsWith(QStringLiteral("error: ") + garbage + QStringLiteral(": ")),
                 qPrintable(run.errors));
    }

    void usageErrors()
    {
        QCOMPARE(runCli({}).exitCode, 2);
        QCOMPARE(runCli({"--sensitivity", "2", m_dir.filePath("song.wav")}).exitCode, 2);
        QCOMPARE(runCli({"--stems", m_dir.filePath("nowhere"), m_dir.filePath("song.wav")}).exitCode, 2);
        QCOMPARE(runCli({"--bogus"}).exitCode, 2);
        const Run help = runCli({"--help"});
        QCOMPARE(help.exitCode, 0);
    }

    void stemsFromSeparateOutput()
    {
        // The layout `separate -o DIR song.wav` writes: DIR/song/<stem>.wav.
        QDir dir(m_dir.path());
        QVERIFY(dir.mkpath("stems/song"));
        write(m_dir.filePath("stems/song/drums.wav"), m_drums);
        write(m_dir.filePath("stems/song/bass.wav"), scaled(m_chords, 0.5f));
        write(m_dir.filePath("stems/song/other.wav"), scaled(m_chords, 0.5f));
        write(m_dir.filePath("stems/song/vocals.wav"), AudioBuffer(2, m_drums.frames));
        const Run run = runCli({"--stems", m_dir.filePath("stems"), m_dir.filePath("song.wav")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(run.lines.value(0)).object();
        QCOMPARE(json["tempo_source"].toString(), QStringLiteral("drums"));
        const QJsonArray stems = json["stems"].toArray();
        QCOMPARE(stems.size(), 4);
        QCOMPARE(stems[0].toObject()["name"].toString(), QStringLiteral("drums"));
        QVERIFY(stems[3].toObject()["loudness_lufs"].isNull()); // silent vocals: -inf is null in JSON

        // A missing stem is this file's error.
        QFile::remove(m_dir.filePath("stems/song/vocals.wav"));
        const Run missing = runCli({"--stems", m_dir.filePath("stems"), m_dir.filePath("song.wav")});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(missing.errors.contains(QStringLiteral("vocals")));
    }

private:
    QTemporaryDir m_dir;
    AudioBuffer m_drums, m_chords;
};

QTEST_GUILESS_MAIN(TestAnalyzeCli)
#include "tst_analysis_cli.moc"
