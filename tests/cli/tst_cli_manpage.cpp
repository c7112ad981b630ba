// The man page (packaging/linux/stemcrate-cli.1) and stemcrate-cli's own help agree: every command the
// top-level --help lists has a section in the man page and every command the man page documents exists
// (its --help exits 0); within each command, every option its --help names is in the man page's section
// for it, and every option that section names is one the command's --help knows.

#include "CliProcess.h"
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QtTest>

namespace {

using CliRun = stemcrate::test::ProcessRun;

// The help in English, whatever the machine's language (the options are the same in every language).
CliRun runCliUncached(const QStringList& args)
{
    return stemcrate::test::runProcess(QStringLiteral(STEMCRATE_CLI), args,
                                       stemcrate::test::environmentInLocale(QStringLiteral("C.UTF-8"),
                                                                            QStringLiteral("en")));
}

// Each help text once (a start of the CLI takes seconds on a loaded machine).
CliRun runCli(const QStringList& args)
{
    static QMap<QStringList, CliRun> runs;
    if (!runs.contains(args))
        runs[args] = runCliUncached(args);
    return runs[args];
}

// The man page as plain text: "\-" is a hyphen, font changes (\fB, \fR, ...) vanish.
QString manPageText()
{
    QFile file(QStringLiteral(STEMCRATE_MANPAGE));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QString text = QString::fromUtf8(file.readAll());
    text.replace(QStringLiteral("\\-"), QStringLiteral("-"));
    text.remove(QRegularExpression(QStringLiteral("\\\\f[BIRP]")));
    return text;
}

// The man page's "command -> text of its .SS section".
QMap<QString, QString> manSections(const QString& manPage)
{
    QMap<QString, QString> sections;
    static const QRegularExpression heading(QStringLiteral("^\\.S[SH] (.*)$"),
                                            QRegularExpression::MultilineOption);
    QString current;
    qsizetype bodyStart = 0;
    for (auto it = heading.globalMatch(manPage); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        if (!current.isEmpty())
            sections[current] = manPage.mid(bodyStart, match.capturedStart() - bodyStart);
        const bool commandSection = match.captured(0).startsWith(QStringLiteral(".SS"));
        current = commandSection ? match.captured(1).trimmed() : QString();
        bodyStart = match.capturedEnd();
    }
    if (!current.isEmpty())
        sections[current] = manPage.mid(bodyStart);
    return sections;
}

// Every option named in `text`: --long-name and single-letter -x, not inside words ("from-bpm") or numbers.
QSet<QString> optionsIn(const QString& text)
{
    static const QRegularExpression option(
        QStringLiteral("(?<![\\w-])(--[a-z][a-z0-9-]*[a-z0-9]|-[a-z])(?![\\w-])"));
    QSet<QString> options;
    for (auto it = option.globalMatch(text); it.hasNext();)
        options.insert(it.next().captured(1));
    options.remove(QStringLiteral("--help"));
    return options;
}

QStringList commandsInHelp(const QString& help)
{
    // "commands:" then lines "  name   description" up to the blank line.
    QStringList commands;
    bool inList = false;
    for (const QString& line : help.split(QLatin1Char('\n'))) {
        if (line.trimmed() == QStringLiteral("commands:")) {
            inList = true;
            continue;
        }
        if (inList && line.trimmed().isEmpty())
            break;
        if (inList)
            commands << line.trimmed().section(QLatin1Char(' '), 0, 0);
    }
    return commands;
}

} // namespace

class TestCliManPage : public QObject
{
    Q_OBJECT

private slots:
    void everyCommandIsDocumented()
    {
        const CliRun help = runCli({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        const QStringList commands = commandsInHelp(help.out);
        QVERIFY2(commands.size() >= 2, qPrintable(help.out));
        const QMap<QString, QString> sections = manSections(manPageText());
        QVERIFY(!sections.isEmpty());
        for (const QString& command : commands)
            QVERIFY2(sections.contains(command), qPrintable(command + QStringLiteral(" has no section")));
        for (const QString& documented : sections.keys()) {
            QVERIFY2(commands.contains(documented),
                     qPrintable(documented + QStringLiteral(" is missing from stemcrate-cli --help")));
            QCOMPARE(runCli({documented, QStringLiteral("--help")}).exitCode, 0);
        }
    }

    void everyOptionIsDocumented_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("section");
        const QMap<QString, QString> sections = manSections(manPageText());
        for (auto it = sections.cbegin(); it != sections.cend(); ++it)
            QTest::newRow(qPrintable(it.key())) << it.key() << it.value();
    }

    void everyOptionIsDocumented()
    {
        QFETCH(QString, command);
        QFETCH(QString, section);
        const CliRun help = runCli({command, QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        const QSet<QString> inHelp = optionsIn(help.out);
        const QSet<QString> inManPage = optionsIn(section);
        QVERIFY2(!inHelp.isEmpty(), qPrintable(help.out));
        QStringList undocumented = (inHelp - inManPage).values();
        QStringList unknown = (inManPage - inHelp).values();
        undocumented.sort();
        unknown.sort();
        QVERIFY2(undocumented.isEmpty(),
                 qPrintable(QStringLiteral("not in the man page: ") + undocumented.join(QLatin1Char(' '))));
        QVERIFY2(unknown.isEmpty(),
                 qPrintable(QStringLiteral("not in --help: ") + unknown.join(QLatin1Char(' '))));
    }
};

QTEST_GUILESS_MAIN(TestCliManPage)
#include "tst_cli_manpage.moc"
