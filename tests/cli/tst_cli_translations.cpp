// stemcrate-cli speaks the user's language where a translation exists: it embeds the app's translations and
// installs the one for the locale, so a message translated for the app (the missing-model error, shared
// with the GUI through app/common) reaches a German user in German, and an English one in English. Option
// names, JSON and the "error: <file>:" prefix scripts look for stay as they are.

#include "CliProcess.h"
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace {

using CliRun = stemcrate::test::ProcessRun;

CliRun runCli(const QStringList& args, const QString& locale)
{
    return stemcrate::test::runProcess(QStringLiteral(STEMCRATE_CLI), args,
                                       stemcrate::test::environmentInLocale(locale));
}

} // namespace

class TestCliTranslations : public QObject
{
    Q_OBJECT

private slots:
    void missingModelInTheUsersLanguage_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("expected");
        QTest::newRow("en") << QStringLiteral("C.UTF-8") << QStringLiteral("The model file");
        QTest::newRow("de") << QStringLiteral("de_DE.UTF-8") << QStringLiteral("Die Modelldatei");
    }

    void missingModelInTheUsersLanguage()
    {
        QFETCH(QString, locale);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString model = dir.filePath(QStringLiteral("absent.pt"));
        const CliRun run =
            runCli({QStringLiteral("separate"), QStringLiteral("--model"), model, QStringLiteral("-o"),
                    dir.filePath(QStringLiteral("out")), dir.filePath(QStringLiteral("song.wav"))},
                   locale);
        QCOMPARE(run.exitCode, 1);
        // "error: <model>: <reason>", the reason translated, the prefix and the path not.
        QVERIFY2(run.err.contains(QStringLiteral("error: ") + model + QStringLiteral(": ") + expected),
                 qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(TestCliTranslations)
#include "tst_cli_translations.moc"
