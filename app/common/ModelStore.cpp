#include "common/ModelStore.h"

#include "common/ModelDownloader.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>

namespace stemcrate {

namespace {

constexpr int kCancelPollMs = 100;

} // namespace

QUrl ModelStore::modelUrl()
{
    const QString fromEnv = qEnvironmentVariable(kModelUrlEnv);
    return QUrl(fromEnv.isEmpty() ? QString::fromLatin1(kDefaultModelUrl) : fromEnv);
}

QString ModelStore::defaultModelPath()
{
    const QString cache = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation);
    return QDir(cache).filePath(QStringLiteral("stemcrate/models/") + QLatin1String(kModelFileName));
}

std::optional<QString> ModelStore::findModel(const QString& overridePath)
{
    if (!overridePath.isEmpty())
        return QFileInfo(overridePath).absoluteFilePath();

    // Named explicitly so the GUI and the CLI share one settings file whatever their application names.
    const QSettings settings(QStringLiteral("stemcrate"), QStringLiteral("stemcrate"));
    const QString configured = settings.value(QLatin1String(kModelPathSettingKey)).toString();
    if (!configured.isEmpty())
        return QFileInfo(configured).absoluteFilePath();

    const QString cached = defaultModelPath();
    if (QFileInfo(cached).isFile())
        return cached;
    return std::nullopt;
}

Result<QString> ModelStore::ensureModel(const QString& overridePath, const ProgressFn& onProgress,
                                        const CancelFn& isCancelled)
{
    if (const std::optional<QString> found = findModel(overridePath)) {
        if (QFileInfo(*found).isFile())
            return *found;
        return makeError(QCoreApplication::translate("stemcrate::ModelStore",
                                                     "The model file %1 does not exist. Check the path given "
                                                     "with --model or in the settings (%2).")
                             .arg(QDir::toNativeSeparators(*found), QLatin1String(kModelPathSettingKey))
                             .toStdString());
    }

    ModelDownloader downloader;
    QEventLoop loop;
    std::optional<Result<QString>> outcome;
    QObject::connect(&downloader, &ModelDownloader::progress, &loop, [&](qint64 received, qint64 total) {
        if (onProgress)
            onProgress(received, total);
    });
    QObject::connect(&downloader, &ModelDownloader::finished, &loop, [&](const QString& path) {
        outcome.emplace(path);
        loop.quit();
    });
    QObject::connect(&downloader, &ModelDownloader::failed, &loop, [&](const QString& message) {
        outcome.emplace(makeError(message.toStdString()));
        loop.quit();
    });
    QTimer cancelPoll;
    if (isCancelled) {
        QObject::connect(&cancelPoll, &QTimer::timeout, &loop, [&] {
            if (isCancelled())
                downloader.cancel();
        });
        cancelPoll.start(kCancelPollMs);
    }

    downloader.start(modelUrl(), defaultModelPath());
    // start() never reports synchronously, so the quit() cannot come before exec().
    loop.exec();
    if (!outcome)
        downloader.cancel(); // QCoreApplication::exit() ended our loop too; cancel() reports at once
    return outcome ? std::move(*outcome) : Result<QString>(makeError("The model download was interrupted."));
}

} // namespace stemcrate
