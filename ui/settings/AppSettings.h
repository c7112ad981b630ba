#pragma once
// AppSettings: the app's QSettings keys and their defaults in one place (organisation "stemcrate",
// application "stemcrate"; "model/path" is the key ModelStore reads).
//
// Threads: GUI thread (QSettings is reentrant, but the app reads and writes settings there only), except
// storeRecentFiles(), which writes on a chore thread.
// Units: milliseconds, megabytes and seconds where the names say so.

#include "separation/Separator.h"

#include <QString>
#include <QStringList>

namespace stemcrate::ui {

struct ExportOptions;

class AppSettings
{
public:
    static constexpr int kMaxRecentFiles = 10;

    static QString libraryFolder();
    static void setLibraryFolder(const QString& folder);

    static QString modelPath(); // "" when not set (the app then uses ModelStore's lookup)
    static void setModelPath(const QString& path);

    static separation::SeparatorOptions separatorOptions();
    static void setDevice(separation::Device device);
    static void setThreads(int threads); // 0 = one per core

    // <GenericCacheLocation>/stemcrate/stems: where separated stems are cached (the CLI's default too).
    static QString stemCacheFolder();
    static qint64 cacheLimitBytes();
    static int cacheLimitMegabytes();
    static void setCacheLimitMegabytes(int megabytes);

    // "system", "dark" (default) or "light".
    static QString theme();
    static void setTheme(const QString& theme);

    static ExportOptions exportOptions();
    static void setExportOptions(const ExportOptions& options);

    static QStringList recentFiles();
    // `files` with `path` first, once, at most kMaxRecentFiles long.
    static QStringList withRecentFile(QStringList files, const QString& path);
    // Saves the recent-files list on a chore thread and returns at once: QSettings' save locks, fsyncs and
    // renames its file (49 ms of the GUI thread at a drop on a loaded machine, bench_gui_stall). The list has
    // a settings file of its own (stemcrate-recent), so that this save never holds the lock of the file the
    // GUI thread reads. The last call's list is the one kept. Callers keep their own copy; recentFiles() sees
    // it once written.
    static void storeRecentFiles(const QStringList& files);
};

} // namespace stemcrate::ui
