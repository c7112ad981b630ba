#include "common/Logging.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QThread>

#include <cstdio>
#include <mutex>

namespace stemcrate {

namespace {

constexpr qint64 kRotateBytes = 4 * 1024 * 1024;

struct LogState
{
    std::mutex mutex;          // guards writes to file
    std::FILE* file = nullptr; // set once in install(), before the handler goes in; never closed
    QtMessageHandler previous = nullptr;
};

// Leaked on purpose: Qt may log during static destruction, after a static LogState would be gone.
LogState& logState()
{
    static LogState* state = new LogState;
    return *state;
}

const char* levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return "debug";
    case QtInfoMsg:
        return "info";
    case QtWarningMsg:
        return "warning";
    case QtCriticalMsg:
        return "critical";
    case QtFatalMsg:
        return "fatal";
    }
    return "?";
}

void handleMessage(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    LogState& state = logState();
    if (state.file) {
        QString line = QDateTime::currentDateTime().toString(Qt::ISODateWithMs);
        line += QStringLiteral(" [%1] %2 ")
                    .arg(reinterpret_cast<quintptr>(QThread::currentThreadId()), 0, 16)
                    .arg(QLatin1String(levelName(type)));
        if (context.category && qstrcmp(context.category, "default") != 0)
            line += QLatin1String(context.category) + QLatin1String(": ");
        line += message;
        line += QLatin1Char('\n');
        const QByteArray utf8 = line.toUtf8();
        const std::lock_guard lock(state.mutex);
        std::fwrite(utf8.constData(), 1, static_cast<size_t>(utf8.size()), state.file);
        std::fflush(state.file); // a crash must not eat the last lines
    }
    // After the file: for fatal messages Qt aborts right after the handlers return.
    if (state.previous)
        state.previous(type, context, message);
}

} // namespace

QString Logging::logFilePath()
{
    // QStandardPaths has no state location in Qt 6.4; follow the XDG spec by hand (relative paths are
    // invalid).
    QString stateHome = qEnvironmentVariable("XDG_STATE_HOME");
    if (stateHome.isEmpty() || QDir::isRelativePath(stateHome))
        stateHome = QDir::homePath() + QStringLiteral("/.local/state");
    return stateHome + QStringLiteral("/stemcrate/stemcrate.log");
}

bool Logging::install()
{
    LogState& state = logState();
    static std::once_flag once;
    std::call_once(once, [&state] {
        const QString path = logFilePath();
        QDir().mkpath(QFileInfo(path).absolutePath());
        if (QFileInfo(path).size() > kRotateBytes) {
            QFile::remove(path + QStringLiteral(".1"));
            QFile::rename(path, path + QStringLiteral(".1"));
        }
        state.file = std::fopen(QFile::encodeName(path).constData(), "ae"); // e: O_CLOEXEC
        state.previous = qInstallMessageHandler(handleMessage);
    });
    return state.file != nullptr;
}

} // namespace stemcrate
