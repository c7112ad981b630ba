#pragma once
// What the user hands the window as songs: local paths from a drop, and folders expanded to the audio files
// inside them. Plain functions.
//
// Threads: localPaths() any thread; expandFolders() reads the disk, so a worker calls it.

#include <QStringList>

class QMimeData;

namespace stemcrate::ui {

// Absolute paths of the local files among the URLs; remote URLs are ignored (we decode from disk).
QStringList localPaths(const QMimeData* mime);
// Folders become the audio files inside them (recursively, by extension), sorted; files pass as they are.
QStringList expandFolders(const QStringList& paths);
bool containsFolder(const QStringList& paths);

} // namespace stemcrate::ui
