#include "CliProcess.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QProcess>

#include <sys/resource.h>

namespace stemcrate::test {

namespace {

// CPU time of the children this process has waited for.
qint64 waitedChildrenCpuMs()
{
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);
    return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000 +
           (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000;
}

} // namespace

QStringList ProcessRun::lines() const
{
    return out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

QList<QJsonObject> ProcessRun::jsonLines() const
{
    QList<QJsonObject> objects;
    for (const QString& line : lines())
        objects.push_back(QJsonDocument::fromJson(line.toUtf8()).object());
    return objects;
}

ProcessRun runProcess(const QString& program, const QStringList& args, const QProcessEnvironment& environment,
                      int limitMs)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    const qint64 cpuBefore = waitedChildrenCpuMs();
    QElapsedTimer timer;
    timer.start();
    process.start(program, args);
    ProcessRun run;
    if (!process.waitForFinished(limitMs)) {
        process.kill();
        process.waitForFinished();
        run.timedOut = true;
        run.err =
            QString::fromUtf8(process.readAllStandardError()) + QStringLiteral("\n[killed at the time limit]");
        return run;
    }
    run.ms = timer.elapsed();
    run.cpuMs = waitedChildrenCpuMs() - cpuBefore;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QProcessEnvironment environmentInLocale(const QString& locale, const QString& language)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LC_ALL"), locale);
    environment.insert(QStringLiteral("LANG"), locale);
    if (language.isEmpty())
        environment.remove(QStringLiteral("LANGUAGE"));
    else
        environment.insert(QStringLiteral("LANGUAGE"), language);
    return environment;
}

} // namespace stemcrate::test
