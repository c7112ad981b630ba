#include "songs/FolderScan.h"

#include <QDirIterator>
#include <QFileInfo>

namespace stemcrate::ui {

namespace {

const QStringList kAudioSuffixes = {QStringLiteral("wav"), QStringLiteral("flac"), QStringLiteral("mp3"),
                                    QStringLiteral("ogg"), QStringLiteral("opus"), QStringLiteral("m4a"),
                                    QStringLiteral("aac"), QStringLiteral("aif"),  QStringLiteral("aiff"),
                                    QStringLiteral("wma"), QStringLiteral("mp4"),  QStringLiteral("mkv")};

} // namespace

bool FolderScan::hasAudioSuffix(const QString& path)
{
    return kAudioSuffixes.contains(QFileInfo(path).suffix().toLower());
}

QStringList FolderScan::audioFiles(const QStringList& paths)
{
    QStringList files;
    for (const QString& path : paths) {
        const QFileInfo info(path);
        if (!info.isDir()) {
            files << info.absoluteFilePath();
            continue;
        }
        QStringList found;
        QDirIterator it(path, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            if (hasAudioSuffix(file))
                found << QFileInfo(file).absoluteFilePath();
        }
        found.sort();
        files << found;
    }
    return files;
}

} // namespace stemcrate::ui
