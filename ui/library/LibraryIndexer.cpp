#include "library/LibraryIndexer.h"

#include "GuiInbox.h"
#include "songs/WorkerPriority.h"

#include <QSet>

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace stemcrate::ui {
namespace {

constexpr int kDebounceMs = 400;
constexpr int kMaxWatchedFolders = 2000; // inotify watches are a per-user resource

} // namespace

LibraryIndexer::LibraryIndexer(QObject* parent) : QObject(parent)
{
    qRegisterMetaType<std::vector<library::SampleRecord>>();
    qRegisterMetaType<std::vector<std::string>>();
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &LibraryIndexer::rescan);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, [this] { m_debounce.start(); });
}

LibraryIndexer::~LibraryIndexer()
{
    if (m_cancel)
        m_cancel->store(true);
    if (m_index) // on the worker, as in open()
        m_pool.start([old = std::move(m_index)]() mutable { old.reset(); });
    m_pool.waitForDone();
}

void LibraryIndexer::open(const QString& folder, const QString& indexPath)
{
    if (m_cancel)
        m_cancel->store(true);
    if (!m_watcher.directories().isEmpty())
        m_watcher.removePaths(m_watcher.directories());
    m_folder = folder;
    m_indexPath = indexPath.isEmpty() ? library::LibraryIndex::defaultIndexPath(folder.toStdString())
                                      : indexPath.toStdString();
    // The job makes the new index from the saved file. The old one's records were allocated by the worker
    // that filled it: freed here, glibc would take that worker's malloc arena lock, which the reniced worker
    // may hold (155 ms blocked on an export to another folder, BENCHMARKS.md s14-inbox). Freed there.
    if (m_index)
        m_pool.start([old = std::move(m_index)]() mutable { old.reset(); });
    m_rescanPending = false;
    start(true);
}

void LibraryIndexer::rescan()
{
    if (m_folder.isEmpty())
        return;
    if (m_scanning) {
        m_rescanPending = true; // one more walk once this one is done
        return;
    }
    start(false);
}

void LibraryIndexer::prioritise(std::vector<std::string> paths)
{
    if (m_wanted)
        m_wanted->store(std::make_shared<const PathList>(std::move(paths)));
}

void LibraryIndexer::waitForDone()
{
    m_pool.waitForDone();
}

void LibraryIndexer::start(bool loadSavedIndex)
{
    m_scanning = true;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    if (!m_index)
        m_index = std::make_shared<library::LibraryIndex>(m_folder.toStdString());
    if (!m_wanted)
        m_wanted = std::make_shared<std::atomic<std::shared_ptr<const PathList>>>();
    // The job holds its own pointers: a later open() replaces ours without touching a running walk.
    m_pool.start([this, index = m_index, cancel = m_cancel, wanted = m_wanted, indexPath = m_indexPath,
                  loadSavedIndex] {
        lowerWorkerPriority();
        std::error_code ec;
        std::filesystem::create_directories(index->folder(), ec); // a new library starts empty
        const library::FeatureExtractor features = library::defaultFeatureExtractor();
        // To the GUI thread, dropped if this object is gone by then (it waits for its pool, so it lives
        // here); through GuiInbox, which takes no lock on this reniced thread.
        const auto post = [this](auto function) { GuiInbox::instance().post(this, std::move(function)); };
        if (loadSavedIndex) {
            Result<library::LibraryIndex> saved =
                library::LibraryIndex::load(indexPath, index->folder(), features);
            if (saved) {
                *index = std::move(saved.value());
            } else {
                post([this, text = QString::fromStdString(saved.error())] {
                    emit message(tr("The library index is rebuilt: %1").arg(text), false);
                });
            }
            std::vector<library::SampleRecord> records = index->records();
            std::sort(records.begin(), records.end(), [](const auto& a, const auto& b) {
                return library::compareRecords(a, b, library::SampleColumn::Name) < 0;
            });
            post([this, cancel, records = std::move(records)]() mutable {
                if (!cancel->load())
                    emit loaded(std::move(records));
            });
        }
        library::LibraryScanOptions options;
        options.isCancelled = [cancel] { return cancel->load(); };
        options.onBatch = [&](std::vector<library::SampleRecord> batch) {
            post([this, cancel, batch = std::move(batch)]() mutable {
                if (!cancel->load())
                    emit batchRead(std::move(batch));
            });
        };
        options.onRemoved = [&](std::vector<std::string> paths) {
            post([this, cancel, paths = std::move(paths)] {
                if (!cancel->load())
                    emit removed(paths);
            });
        };
        options.takeWanted = [wanted] {
            const std::shared_ptr<const PathList> taken = wanted->exchange(nullptr);
            return taken ? *taken : PathList{};
        };
        const library::LibraryScanResult result = index->update(options);
        // What was read is kept, also when cancelled: the next walk starts from there.
        if (Result<void> saved = index->save(indexPath, features); !saved)
            post([this, text = QString::fromStdString(saved.error())] { emit message(text, true); });
        post([this, cancel, result] {
            if (cancel->load())
                return;
            finish(result.folders);
            emit scanFinished(static_cast<int>(result.kept), static_cast<int>(result.read),
                              static_cast<int>(result.unreadable));
        });
    });
}

void LibraryIndexer::finish(const std::vector<std::string>& folders)
{
    m_scanning = false;
    QStringList wanted;
    for (size_t i = 0; i < folders.size() && i < size_t(kMaxWatchedFolders); ++i)
        wanted.append(QString::fromStdString(folders[i]));
    const QStringList current = m_watcher.directories();
    const QSet<QString> watched(current.begin(), current.end());
    QStringList added;
    for (const QString& folder : wanted)
        if (!watched.contains(folder))
            added.append(folder);
    if (!added.isEmpty())
        m_watcher.addPaths(added);
    if (m_rescanPending) {
        m_rescanPending = false;
        start(false);
    }
}

} // namespace stemcrate::ui
