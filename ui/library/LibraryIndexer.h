#pragma once
// LibraryIndexer: keeps the library index of one folder up to date off the GUI thread and tells the GUI
// what changed. open() loads the saved index (its rows show at once), then walks the folder and reads new
// and changed files, reporting them in batches (at most 256 rows or 100 ms apart), then the files that are
// gone; the index is saved after every walk. A QFileSystemWatcher on the folder and its sub-folders asks for
// another walk (debounced) when files appear, change or go; rescan() asks for one by hand.
//
// Ownership: owns its worker pool (one thread) and the index, which only the worker touches; the GUI gets
// copies of records through the signals. The destructor cancels the walk and waits for it (decoding polls
// the cancel flag, so that is a few milliseconds). Threads: public API and signals on the GUI thread.

#include "library/LibraryIndex.h" // core's

#include <QFileSystemWatcher>
#include <QObject>
#include <QThreadPool>
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

    QThreadPool m_pool;
    QFileSystemWatcher m_watcher;
    QTimer m_debounce;
    QString m_folder;
    std::string m_indexPath;
    std::shared_ptr<library::LibraryIndex> m_index; // the worker's; replaced on open()
    std::shared_ptr<std::atomic<bool>> m_cancel;
    bool m_scanning = false;
    bool m_rescanPending = false;
};

} // namespace stemcrate::ui
