#pragma once
// LibraryIndexer: keeps the library index of one folder up to date off the GUI thread and tells the GUI
// what changed. open() loads the saved index (its rows show at once), then walks the folder: new and
// changed files are reported as the walk finds them (name and name hints), then again with their tags, then
// again once decoded and analysed (loudness, features, tempo and key), the files named by prioritise() first;
// all in batches (at most 64 rows, 100 ms apart; the first after 10 ms). The saved index's rows come sorted
// by name. Files that are gone are reported
// when the walk is complete. The index is saved after every walk. A QFileSystemWatcher on the folder and its
// sub-folders asks for another walk (debounced) when files appear, change or go; rescan() asks by hand.
//
// Ownership: owns its worker pool (one thread) and the index, which only the worker touches; the GUI gets
// copies of records through the signals. The destructor cancels the walk and waits for it (decoding polls
// the cancel flag, so that is a few milliseconds). Threads: public API and signals on the GUI thread; the
// wanted paths pass to the worker through an atomic pointer swap (no lock the GUI could wait on).

#include "WorkerQueue.h"
#include "library/LibraryIndex.h" // core's

#include <QFileSystemWatcher>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <memory>
#include <string>
#include <vector>

namespace stemcrate::ui {

class LibraryIndexer : public QObject
{
    Q_OBJECT

public:
    explicit LibraryIndexer(QObject* parent = nullptr);
    ~LibraryIndexer() override;

    // Starts indexing `folder`; `indexPath` "" = LibraryIndex::defaultIndexPath(folder).
    void open(const QString& folder, const QString& indexPath = {});
    void rescan();
    // Files to analyse before the others (the rows on screen, the row selected), most wanted first;
    // replaces the previous wish. Paths already analysed or not in the folder are ignored.
    void prioritise(std::vector<std::string> paths);
    bool isScanning() const { return m_scanning; }
    QString folder() const { return m_folder; }
    // Waits for the running walk (tests and benchmarks; blocks).
    void waitForDone();

signals:
    void loaded(std::vector<stemcrate::library::SampleRecord> records); // the saved index: replace all rows
    void batchRead(std::vector<stemcrate::library::SampleRecord> records);
    void removed(std::vector<std::string> paths);
    void scanFinished(int kept, int read, int unreadable);
    void message(const QString& text, bool isError);

private:
    struct Job;
    void start(bool loadSavedIndex);
    void finish(const std::vector<std::string>& folders);

    WorkerQueue m_pool{QStringLiteral("library index"), 1}; // not a QThreadPool: WorkerQueue.h says why
    QFileSystemWatcher m_watcher;
    QTimer m_debounce;
    QString m_folder;
    std::string m_indexPath;
    std::shared_ptr<library::LibraryIndex> m_index; // the worker's; replaced on open()
    std::shared_ptr<std::atomic<bool>> m_cancel;
    using PathList = std::vector<std::string>;
    // Written by the GUI (prioritise), taken (exchanged for null) by the worker.
    std::shared_ptr<std::atomic<std::shared_ptr<const PathList>>> m_wanted;
    bool m_scanning = false;
    bool m_rescanPending = false;
};

} // namespace stemcrate::ui
