#include "settings/AppSettings.h"

#include "WorkerThreads.h"
#include "library/ExportOptions.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

#include <atomic>
#include <mutex>

namespace stemcrate::ui {

namespace {

const QString kLibraryFolder = QStringLiteral("library/folder");
const QString kModelPath = QStringLiteral("model/path");
const QString kDevice = QStringLiteral("separation/device");
const QString kThreads = QStringLiteral("separation/threads");
const QString kSegmentSeconds = QStringLiteral("separation/segmentSeconds");
const QString kCacheLimit = QStringLiteral("cache/limitMB");
const QString kTheme = QStringLiteral("ui/theme");
const QString kRecent = QStringLiteral("recent/files");
constexpr int kDefaultCacheLimitMegabytes = 4096;

QSettings settings()
{
    return QSettings(QStringLiteral("stemcrate"), QStringLiteral("stemcrate"));
}

// The recent-files list has a file of its own: QSettings locks a file while it saves it (fsync, rename) and
// every QSettings made for that file syncs under the same lock, so a save of the app's settings file on a
// chore thread made the GUI thread's next settings read wait for it (120 ms, bench_gui_stall --stacks).
QSettings recentSettings()
{
    return QSettings(QStringLiteral("stemcrate"), QStringLiteral("stemcrate-recent"));
}

} // namespace

QString AppSettings::libraryFolder()
{
    const QString fallback = QStandardPaths::writableLocation(QStandardPaths::MusicLocation) +
                             QStringLiteral("/Stemcrate Samples");
    return settings().value(kLibraryFolder, fallback).toString();
}

void AppSettings::setLibraryFolder(const QString& folder)
{
    settings().setValue(kLibraryFolder, folder);
}

QString AppSettings::modelPath()
{
    return settings().value(kModelPath).toString();
}

void AppSettings::setModelPath(const QString& path)
{
    if (path.isEmpty())
        settings().remove(kModelPath);
    else
        settings().setValue(kModelPath, QFileInfo(path).absoluteFilePath());
}

separation::SeparatorOptions AppSettings::separatorOptions()
{
    QSettings s = settings();
    separation::SeparatorOptions options;
    // Unset (a new user) or "auto": CUDA when the build and machine have it, else the CPU.
    const QString device = s.value(kDevice).toString();
    options.device = device == QLatin1String("cuda")  ? separation::Device::Cuda
                     : device == QLatin1String("cpu") ? separation::Device::Cpu
                                                      : separation::Device::Auto;
    options.threads = std::max(0, s.value(kThreads, 0).toInt());
    // Not in the dialog: tests and power users shorten windows here.
    options.segmentSeconds = s.value(kSegmentSeconds, options.segmentSeconds).toDouble();
    return options;
}

void AppSettings::setDevice(separation::Device device)
{
    settings().setValue(kDevice, device == separation::Device::Cuda  ? QStringLiteral("cuda")
                                 : device == separation::Device::Cpu ? QStringLiteral("cpu")
                                                                     : QStringLiteral("auto"));
}

void AppSettings::setThreads(int threads)
{
    settings().setValue(kThreads, std::max(0, threads));
}

QString AppSettings::stemCacheFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) +
           QStringLiteral("/stemcrate/stems");
}

int AppSettings::cacheLimitMegabytes()
{
    return settings().value(kCacheLimit, kDefaultCacheLimitMegabytes).toInt();
}

qint64 AppSettings::cacheLimitBytes()
{
    return qint64(cacheLimitMegabytes()) * 1024 * 1024;
}

void AppSettings::setCacheLimitMegabytes(int megabytes)
{
    settings().setValue(kCacheLimit, megabytes);
}

QString AppSettings::theme()
{
    return settings().value(kTheme, QStringLiteral("dark")).toString();
}

void AppSettings::setTheme(const QString& theme)
{
    settings().setValue(kTheme, theme);
}

ExportOptions AppSettings::exportOptions()
{
    QSettings s = settings();
    ExportOptions o;
    o.format = s.value(QStringLiteral("export/format")).toString() == QLatin1String("flac")
                   ? audio::FileFormat::Flac
                   : audio::FileFormat::Wav;
    const QString depth = s.value(QStringLiteral("export/bitDepth"), QStringLiteral("24")).toString();
    o.sampleFormat = depth == QLatin1String("16")    ? audio::SampleFormat::Int16
                     : depth == QLatin1String("32f") ? audio::SampleFormat::Float32
                                                     : audio::SampleFormat::Int24;
    if (o.format == audio::FileFormat::Flac && o.sampleFormat == audio::SampleFormat::Float32)
        o.sampleFormat = audio::SampleFormat::Int24;
    o.fadeInMs = s.value(QStringLiteral("export/fadeInMs"), o.fadeInMs).toDouble();
    o.fadeOutMs = s.value(QStringLiteral("export/fadeOutMs"), o.fadeOutMs).toDouble();
    o.loop = s.value(QStringLiteral("export/loop"), o.loop).toBool();
    o.asHeard = s.value(QStringLiteral("export/asHeard"), o.asHeard).toBool();
    o.nameTemplate = s.value(QStringLiteral("export/nameTemplate"), o.nameTemplate).toString();
    o.folder = libraryFolder();
    return o;
}

void AppSettings::setExportOptions(const ExportOptions& o)
{
    QSettings s = settings();
    s.setValue(QStringLiteral("export/format"),
               o.format == audio::FileFormat::Flac ? QStringLiteral("flac") : QStringLiteral("wav"));
    s.setValue(QStringLiteral("export/bitDepth"),
               o.sampleFormat == audio::SampleFormat::Int16   ? QStringLiteral("16")
               : o.sampleFormat == audio::SampleFormat::Int24 ? QStringLiteral("24")
                                                              : QStringLiteral("32f"));
    s.setValue(QStringLiteral("export/fadeInMs"), o.fadeInMs);
    s.setValue(QStringLiteral("export/fadeOutMs"), o.fadeOutMs);
    s.setValue(QStringLiteral("export/loop"), o.loop);
    s.setValue(QStringLiteral("export/asHeard"), o.asHeard);
    s.setValue(QStringLiteral("export/nameTemplate"), o.nameTemplate);
    if (!o.folder.isEmpty())
        s.setValue(kLibraryFolder, o.folder);
}

QStringList AppSettings::recentFiles()
{
    const QVariant recent = recentSettings().value(kRecent);
    return recent.isValid() ? recent.toStringList()
                            : settings().value(kRecent).toStringList(); // older versions'
}

QStringList AppSettings::withRecentFile(QStringList files, const QString& path)
{
    files.removeAll(path);
    files.prepend(path);
    while (files.size() > kMaxRecentFiles)
        files.removeLast();
    return files;
}

void AppSettings::storeRecentFiles(const QStringList& files)
{
    static std::atomic<quint64> latest{0};
    static std::mutex saving; // chore threads only: one save at a time, the latest list last
    const quint64 mine = ++latest;
    startChore([files, mine] {
        std::lock_guard lock(saving);
        if (mine == latest.load()) // a later list is queued; it will be saved instead
            recentSettings().setValue(kRecent, files);
    });
}

} // namespace stemcrate::ui
