// Logging: the handler appends timestamped lines to $XDG_STATE_HOME/stemcrate/stemcrate.log, from
// several threads at once without tearing lines.

#include "common/Logging.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>
#include <vector>

using stemcrate::Logging;

class LoggingTest : public QObject
{
    Q_OBJECT

private slots:
    void writesTimestampedLinesFromManyThreads()
    {
        QTemporaryDir state;
        QVERIFY(state.isValid());
        qputenv("XDG_STATE_HOME", QFile::encodeName(state.path()));
        QCOMPARE(Logging::logFilePath(), state.path() + QStringLiteral("/stemcrate/stemcrate.log"));
        QVERIFY(Logging::install());

        qWarning("model not found: %s", "/x/y.pt");
        constexpr int kThreads = 4;
        constexpr int kLinesPerThread = 50; // QTest caps warnings; info lines are plenty
        std::vector<std::unique_ptr<QThread>> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back(QThread::create([t] {
                for (int i = 0; i < kLinesPerThread; ++i)
                    qInfo("thread %d line %d", t, i);
            }));
            threads.back()->start();
        }
        for (auto& thread : threads)
            QVERIFY(thread->wait(10'000));

        QFile log(Logging::logFilePath());
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QStringList lines =
            QString::fromUtf8(log.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY(lines.first().contains(QStringLiteral("warning model not found: /x/y.pt")));
        static const QRegularExpression format(
            QStringLiteral(R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3} \[[0-9a-f]+\] (info|warning) .+$)"));
        int threadLines = 0;
        for (const QString& line : lines) {
            QVERIFY2(format.match(line).hasMatch(), qPrintable(line));
            threadLines += line.contains(QStringLiteral(" thread ")) ? 1 : 0;
        }
        QCOMPARE(threadLines, kThreads * kLinesPerThread);
    }
};

QTEST_GUILESS_MAIN(LoggingTest)
#include "tst_app_logging.moc"
