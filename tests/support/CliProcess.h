#pragma once
// Runs a program to its end for the end-to-end tests of stemcrate-cli: one place for starting, the time
// limit, killing a hung run and reading its output. Test thread; blocks until the program ends.

#include <QJsonObject>
#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace stemcrate::test {

// A hang detector, not a speed check: a CLI start loads libtorch, which takes seconds on a loaded machine
// under CI's strace, and a whole separation minutes.
constexpr int kProcessLimitMs = 900'000;

struct ProcessRun
{
    int exitCode = -1; // -1: crashed, or killed at the limit (timedOut)
    bool timedOut = false;
    QString out; // stdout
    QString err; // stderr
    qint64 ms = 0;    // wall time
    qint64 cpuMs = 0; // the program's own CPU time (user + system, its children included): unlike the wall
                      // time, it does not grow with the machine's load

    QStringList lines() const;           // stdout's non-empty lines
    QList<QJsonObject> jsonLines() const; // each non-empty stdout line parsed as a JSON object
};

ProcessRun runProcess(const QString& program, const QStringList& args,
                      const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment(),
                      int limitMs = kProcessLimitMs);

// The system environment with the locale set (LC_ALL and LANG) and LANGUAGE, when given, too (else removed).
QProcessEnvironment environmentInLocale(const QString& locale, const QString& language = {});

} // namespace stemcrate::test
