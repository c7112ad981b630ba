#include "session/AudioPaths.h"

#include <QDirIterator>
#include <QFileInfo>
#include <QMimeData>
#include <QUrl>

#include <algorithm>

namespace stemcrate::ui {

namespace {

const QStringList kAudioSuffixes = {QStringLiteral("wav"), QStringLiteral("flac"), QStringLiteral("mp3"),
                                    QStringLiteral("ogg"), QStringLiteral("opus"), QStringLiteral("m4a"),
                                    QStringLiteral("aac"), QStringLiteral("aif"),  QStringLiteral("aiff"),
                                    QStringLiteral("wma"), QStringLiteral("mp4"),  QStringLiteral("mkv")};

} // namespace

QStringList localPaths(const QMimeData* mime)
{
    QStringList paths;
    if (!mime || !mime->hasUrls())
        return paths;
    for (const QUrl& url : mime->urls())
        if (url.isLocalFile())
            paths << QFileInfo(url.toLocalFile()).absoluteFilePath();
    return paths;
}

QStringList expandFolders(const QStringList& paths)
{
    QStringList files;
    for (const QString& path : paths) {
        if (!QFileInfo(path).isDir()) {
            files << path;
            continue;
        }
        QStringList found;
        QDirIterator it(path, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            if (kAudioSuffixes.contains(QFileInfo(file).suffix().toLower()))
                found << file;
        }
        found.sort();
        files << found;
    }
    return files;
}

bool containsFolder(const QStringList& paths)
{
    return std::any_of(paths.begin(), paths.end(),
                       [](const QString& path) { return QFileInfo(path).isDir(); });
}

} // namespace stemcrate::ui
