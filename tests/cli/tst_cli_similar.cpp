// `stemcrate-cli similar` end to end: the near-copy of a sample ranks first, -n limits the list, the sample
// itself is left out, a file outside the library works, and the exit codes and error lines follow the other
// commands' rules (0, 1 with "error: <file>: <reason>", 2 for usage).

#include "CliProcess.h"
#include "SampleSynth.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace stemcrate;
using namespace stemcrate::library::test;

namespace {

using CliRun = stemcrate::test::ProcessRun;

CliRun runCli(const QStringList& args)
{
    return stemcrate::test::runProcess(QStringLiteral(STEMCRATE_CLI), args);
}

QJsonObject json(const QString& line)
{
    return QJsonDocument::fromJson(line.toUtf8()).object();
}

} // namespace

class TestCliSimilar : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_library;
    QString m_index;

    QString inLibrary(const char* name) const { return QDir(m_library).filePath(QString::fromUtf8(name)); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_library = m_dir.filePath(QStringLiteral("lib"));
        m_index = m_dir.filePath(QStringLiteral("lib.index"));
        QVERIFY(QDir().mkpath(m_library + QStringLiteral("/hats")));
        const AudioBuffer k = kick(55, 0.1);
        QVERIFY(writePlainWav(inLibrary("kick.wav").toStdString(), k));
        QVERIFY(writePlainWav(inLibrary("kick copy.wav").toStdString(), nearCopy(k, 0.9f, 1, -60)));
        QVERIFY(writePlainWav(inLibrary("hats/closed.wav").toStdString(), hat(false, 2)));
        QVERIFY(writePlainWav(inLibrary("hats/open.wav").toStdString(), hat(true, 3)));
        QVERIFY(writePlainWav(inLibrary("tone.wav").toStdString(), tone(330, 1)));
        QVERIFY(writePlainWav(m_dir.filePath(QStringLiteral("outside kick.wav")).toStdString(),
                              nearCopy(k, 0.5f, 0, -70)));
    }

    void ranksNearCopyFirst()
    {
        const CliRun run =
            runCli({QStringLiteral("similar"), inLibrary("kick.wav"), QStringLiteral("--library"), m_library,
                    QStringLiteral("-n"), QStringLiteral("2"), QStringLiteral("--index"), m_index});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.lines().size(), 2);
        const QJsonObject first = json(run.lines()[0]);
        QCOMPARE(first.value(QStringLiteral("rank")).toInt(), 1);
        QCOMPARE(first.value(QStringLiteral("path")).toString(), inLibrary("kick copy.wav"));
        QCOMPARE(first.value(QStringLiteral("kind")).toString(), QStringLiteral("one-shot"));
        QVERIFY(first.value(QStringLiteral("distance")).toDouble() <=
                json(run.lines()[1]).value(QStringLiteral("distance")).toDouble());
        QVERIFY(QFile::exists(m_index));

        // Outside the library: every sample may come back; the two kicks first. Default -n is 10.
        const CliRun outside =
            runCli({QStringLiteral("similar"), m_dir.filePath(QStringLiteral("outside kick.wav")),
                    QStringLiteral("--library"), m_library, QStringLiteral("--index"), m_index});
        QCOMPARE(outside.exitCode, 0);
        QCOMPARE(outside.lines().size(), 5);
        QStringList firstTwo{json(outside.lines()[0]).value(QStringLiteral("name")).toString(),
                             json(outside.lines()[1]).value(QStringLiteral("name")).toString()};
        firstTwo.sort();
        QCOMPARE(firstTwo, (QStringList{QStringLiteral("kick"), QStringLiteral("kick copy")}));
    }

    void errorsAndUsage()
    {
        CliRun run = runCli({QStringLiteral("similar"), inLibrary("kick.wav")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(QStringLiteral("--library")));
        run = runCli({QStringLiteral("similar"), inLibrary("kick.wav"), QStringLiteral("--library"),
                      m_library, QStringLiteral("-n"), QStringLiteral("zero")});
        QCOMPARE(run.exitCode, 2);
        const QString missing = m_dir.filePath(QStringLiteral("missing.wav"));
        run = runCli({QStringLiteral("similar"), missing, QStringLiteral("--library"), m_library,
                      QStringLiteral("--index"), m_index});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.startsWith(QStringLiteral("error: ") + missing + QStringLiteral(": ")),
                 qPrintable(run.err));
        run = runCli({QStringLiteral("similar"), inLibrary("kick.wav"), QStringLiteral("--library"),
                      m_dir.filePath(QStringLiteral("nowhere"))});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains(QStringLiteral("not a folder")));
    }
};

QTEST_GUILESS_MAIN(TestCliSimilar)
#include "tst_cli_similar.moc"
