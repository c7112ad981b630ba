#pragma once
// FolderScan: turns dropped or opened paths into the audio files to add: folders become the audio files
// inside them (recursively, by file suffix), sorted; files pass as they are. It reads directories, so it
// runs on a worker (SongQueue::addPaths), never on the GUI thread: a large or network folder takes seconds.
//
// Threads: reentrant. Units: none.

#include <QStringList>

namespace stemcrate::ui {

class FolderScan
{
public:
    static QStringList audioFiles(const QStringList& paths);
    static bool hasAudioSuffix(const QString& path);
};

} // namespace stemcrate::ui
