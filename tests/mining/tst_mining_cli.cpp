// stemcrate-cli loops, chop and oneshots end to end: WAV inputs written with core/audio, JSON lines parsed
// back, the kit files checked (exist, referenced, XML well-formed), exit codes and error lines.
#include "DrumGrooves.h"
#include "SyntheticMusic.h"

#include "audio/AudioFileWriter.h"

#include "CliProcess.h"
#include <QtTest>

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QXmlStreamReader>

using namespace stemcrate;

namespace {

struct Run
{
    int exitCode = -1;
    QList<QJsonObject> lines;
    QString errors;
};

Run runCli(const QStringList& arguments)
{
    const stemcrate::test::ProcessRun done = stemcrate::test::runProcess(QStringLiteral(STEMCRATE_CLI), arguments);
    Run run;
    run.exitCode = done.exitCode;
    run.lines = done.jsonLines();
    run.errors = done.err;
    return run;
}

bool writeWav(const QString& path, const AudioBuffer& audio)
{
    return audio::writeAudioFile(path.toStdString(), audio, audio::FileFormat::Wav, audio::SampleFormat::Float32).ok();
}

bool wellFormedXml(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    QXmlStreamReader xml(&file);
    while (!xml.atEnd())
        xml.readNext();
    return !xml.hasError();
}

QString readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace

class TestMiningCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void oneshotsWritesAKitAndOneLinePerHit()
    {
        Result<testing::DrumKit> kit =
            testing::loadHydrogenKit(std::string(testing::kHydrogenKitsFolder) + "/VariBreaks");
        QVERIFY(kit.ok());
        const testing::Groove groove = testing::makeGroove(kit.value(), 4, 11);
        const QString input = m_dir.filePath(QStringLiteral("groove.wav"));
        QVERIFY(writeWav(input, groove.audio));
        const QString out = m_dir.filePath(QStringLiteral("kit"));
        const Run run = runCli({QStringLiteral("oneshots"), QStringLiteral("-o"), out, input});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.lines.size() >= int(groove.hits.size()) * 9 / 10);
        QSet<QString> files;
        double previous = -1;
        for (const QJsonObject& line : run.lines) {
            QCOMPARE(line.value(QStringLiteral("path")).toString(), input);
            const double start = line.value(QStringLiteral("start_s")).toDouble();
            QVERIFY(start > previous);
            previous = start;
            QVERIFY(mining::hitClassFromName(line.value(QStringLiteral("class")).toString().toStdString()));
            const double confidence = line.value(QStringLiteral("confidence")).toDouble(-1);
            QVERIFY(confidence >= 0 && confidence <= 1);
            QVERIFY(line.value(QStringLiteral("group")).toInt(-1) >= 0);
            const QString file = line.value(QStringLiteral("file")).toString();
            QVERIFY2(QFile::exists(file), qPrintable(file));
            QVERIFY(file.contains(line.value(QStringLiteral("class")).toString()));
            files.insert(QFileInfo(file).fileName());
        }
        // One file per group, each referenced by the SFZ and the preset; nothing else in the folder.
        const QString sfz = readAll(out + QStringLiteral("/groove.sfz"));
        QVERIFY(wellFormedXml(out + QStringLiteral("/groove.dspreset")));
        const QString preset = readAll(out + QStringLiteral("/groove.dspreset"));
        for (const QString& file : files) {
            QVERIFY2(sfz.contains(QStringLiteral("sample=") + file + QLatin1Char('\n')), qPrintable(file));
            QVERIFY2(preset.contains(QStringLiteral("path=\"") + file + QLatin1Char('"')), qPrintable(file));
        }
        QCOMPARE(QDir(out).entryList(QDir::Files).size(), files.size() + 2);
    }

    void chopWritesNumberedSlices()
    {
        analysis::synth::DrumSpec spec;
        spec.seconds = 10;
        const QString input = m_dir.filePath(QStringLiteral("break.wav"));
        QVERIFY(writeWav(input, analysis::synth::drums(spec).audio));
        const QString out = m_dir.filePath(QStringLiteral("chops"));
        for (const QStringList& mode : {QStringList{QStringLiteral("--slices"), QStringLiteral("8")},
                                        QStringList{QStringLiteral("--beats")},
                                        QStringList{QStringLiteral("--transients")}}) {
            const QString name = mode.front().mid(2);
            const Run run = runCli(QStringList{QStringLiteral("chop"), input, QStringLiteral("--start"),
                                               QStringLiteral("2"), QStringLiteral("--end"), QStringLiteral("6"),
                                               QStringLiteral("--name"), name, QStringLiteral("-o"), out} +
                                   mode);
            QVERIFY2(run.exitCode == 0, qPrintable(run.errors));
            if (name == QLatin1String("slices"))
                QCOMPARE(run.lines.size(), 8);
            else
                QVERIFY(run.lines.size() >= 4);
            const QString sfz = readAll(out + QLatin1Char('/') + name + QStringLiteral(".sfz"));
            QVERIFY(wellFormedXml(out + QLatin1Char('/') + name + QStringLiteral(".dspreset")));
            double end = 2.0;
            for (int i = 0; i < run.lines.size(); ++i) {
                const QJsonObject& line = run.lines[i];
                QCOMPARE(line.value(QStringLiteral("index")).toInt(), i + 1);
                QCOMPARE(line.value(QStringLiteral("note")).toInt(), 36 + i);
                QCOMPARE(line.value(QStringLiteral("start_s")).toDouble(), end);
                end = line.value(QStringLiteral("end_s")).toDouble();
                const QString file = line.value(QStringLiteral("file")).toString();
                QVERIFY(QFile::exists(file));
                QVERIFY(sfz.contains(QStringLiteral("sample=%1\nkey=%2").arg(QFileInfo(file).fileName()).arg(36 + i)));
            }
            QCOMPARE(end, 6.0);
        }
    }

    void loopsPrintsRankedSuggestions()
    {
        analysis::synth::DrumSpec spec;
        spec.seconds = 24;
        spec.bpm = 100;
        const QString input = m_dir.filePath(QStringLiteral("loop.wav"));
        QVERIFY(writeWav(input, analysis::synth::drums(spec).audio));
        const Run run = runCli({QStringLiteral("loops"), input});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(!run.lines.isEmpty());
        double previous = 2;
        for (const QJsonObject& line : run.lines) {
            QCOMPARE(line.value(QStringLiteral("stem")).toString(), QStringLiteral("mix"));
            QVERIFY(line.value(QStringLiteral("score")).toDouble() <= previous);
            previous = line.value(QStringLiteral("score")).toDouble();
            QVERIFY(std::abs(line.value(QStringLiteral("bpm")).toDouble() - 100) < 1);
            const int bars = line.value(QStringLiteral("bars")).toInt();
            const double length = line.value(QStringLiteral("end_s")).toDouble() - line.value(QStringLiteral("start_s")).toDouble();
            QVERIFY(std::abs(length - bars * 2.4) < 0.05);
        }
    }

    void errorsAndExitCodes()
    {
        const QString missing = m_dir.filePath(QStringLiteral("missing.wav"));
        const QString good = m_dir.filePath(QStringLiteral("loop.wav"));
        // One bad input: 1, the error names it, the other input still done.
        Run run = runCli({QStringLiteral("loops"), missing, good});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.errors.contains(QStringLiteral("error: ") + missing + QStringLiteral(": ")));
        QVERIFY(!run.lines.isEmpty());
        run = runCli({QStringLiteral("oneshots"), missing, QStringLiteral("-o"), m_dir.filePath(QStringLiteral("x"))});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.errors.contains(missing));
        // Usage errors: 2.
        QCOMPARE(runCli({QStringLiteral("chop"), good, QStringLiteral("--start"), QStringLiteral("1"),
                         QStringLiteral("--end"), QStringLiteral("2"), QStringLiteral("-o"), m_dir.path()})
                     .exitCode,
                 2); // no mode
        QCOMPARE(runCli({QStringLiteral("chop"), good, QStringLiteral("--start"), QStringLiteral("3"),
                         QStringLiteral("--end"), QStringLiteral("2"), QStringLiteral("--beats"), QStringLiteral("-o"),
                         m_dir.path()})
                     .exitCode,
                 2);
        QCOMPARE(runCli({QStringLiteral("oneshots"), good}).exitCode, 2); // no -o
        QCOMPARE(runCli({QStringLiteral("loops")}).exitCode, 2);
        // A region past the end: 1, named.
        run = runCli({QStringLiteral("chop"), good, QStringLiteral("--start"), QStringLiteral("1"),
                      QStringLiteral("--end"), QStringLiteral("500"), QStringLiteral("--slices"), QStringLiteral("4"),
                      QStringLiteral("-o"), m_dir.path()});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.errors.contains(good));
    }
};

QTEST_GUILESS_MAIN(TestMiningCli)
#include "tst_mining_cli.moc"
