#pragma once
// LibraryPanel: the sample browser over the library folder: a table of every sample (name, stem, kind,
// class, BPM, key, bars, length, loudness, source song, date) from the library index, searchable, sortable
// by any column and filtered by BPM range, key or compatible keys, kind and stem. A click previews the
// sample; rows drag out as files; "Find Similar" lists the samples nearest to the selected one. The index is
// built off the GUI thread (LibraryIndexer): the first rows show at once, and the table follows the folder
// as files are exported, added, changed or removed. Also: reveal the folder, move a sample to the trash.
//
// Ownership: a widget (in a dock); owns its models, indexer, view and preview player (made on first
// preview). Threads: GUI thread.

#include "library/SampleRecord.h" // core's
#include "panels/Panel.h"

#include <QWidget>

#include <cstddef>
#include <vector>

class QAction;
class QAudioOutput;
class QLabel;
class QMediaPlayer;
class QPushButton;
class QTableView;
class QTimer;

namespace stemcrate::ui {

class LibraryFilterBar;
class LibraryFilterModel;
class LibraryIndexer;
class LibraryModel;

class LibraryPanel : public QWidget, public Panel
{
    Q_OBJECT

public:
    // How many samples "Find Similar" lists.
    static constexpr int kSimilarCount = 50;

    explicit LibraryPanel(QWidget* parent = nullptr);
    ~LibraryPanel() override;

    // `indexPath` "" = the default cache location (LibraryIndex::defaultIndexPath).
    void setFolder(const QString& folder, const QString& indexPath = {});

    QWidget* panelWidget() override { return this; }
    QString panelTitle() const override { return tr("Library"); }
    Qt::DockWidgetArea panelArea() const override { return Qt::RightDockWidgetArea; }
    // Move to Trash (Del while the table has focus).
    QList<PanelAction> panelActions() const override;

    QString folder() const { return m_folder; }
    // Walks the folder again for changes (the file watcher does this by itself).
    void refresh();

    QTableView* view() const { return m_view; }
    LibraryModel* model() const { return m_model; }
    LibraryFilterModel* filterModel() const { return m_filter; }
    LibraryFilterBar* filterBar() const { return m_filterBar; }
    LibraryIndexer* indexer() const { return m_indexer; }
    // The file selected in the table, or "".
    QString currentFile() const;
    // Whether rows from the indexer are still queued for the table (they go in a few ms per turn of the
    // event loop; a finished scan has none).
    bool hasPendingRows() const { return m_pendingAt < m_pending.size(); }

    void preview(const QString& path);
    void revealFolder();
    // Moves the selected sample to the trash, on a worker (disk); false when none is selected. The outcome
    // comes as message(), and the row goes once the file has.
    bool deleteCurrent();
    // Lists the samples most similar to the selected one; false (and a message) when there is none.
    bool findSimilar();
    void clearSimilar();

signals:
    void message(const QString& text, bool isError);

private:
    static constexpr int kWantDelayMs = 150;
    static constexpr size_t kMinRowsPerSlice = 64; // a walk batch's most new rows
    static constexpr size_t kMaxRowsPerSlice = 512;
    static constexpr qint64 kTurnBudgetMs = 4; // GUI-thread time per turn spent on queued rows
    static constexpr qint64 kNoBudget = -1;
    // Queues rows from the indexer (the saved index's, or a batch) for insertPendingRows on a later turn.
    void queueRows(std::vector<library::SampleRecord> records);
    // Puts queued rows into the model in slices for up to `budgetMs` (kNoBudget: all of them) and posts
    // the rest to the next turn of the event loop.
    void insertPendingRows(qint64 budgetMs);
    // Posts insertPendingRows(kTurnBudgetMs) to the next turn, once, while rows are queued.
    void postInsert();
    void updateStatus();
    // Asks the indexer to analyse the rows on screen (and the selected one) before the others.
    void prioritiseVisibleRows();

    QString m_folder;
    LibraryModel* m_model = nullptr;
    LibraryFilterModel* m_filter = nullptr;
    LibraryIndexer* m_indexer = nullptr;
    LibraryFilterBar* m_filterBar = nullptr;
    QTableView* m_view = nullptr;
    QLabel* m_folderLabel = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_similarButton = nullptr;
    QPushButton* m_clearSimilarButton = nullptr;
    QMediaPlayer* m_player = nullptr;
    QAudioOutput* m_output = nullptr;
    QAction* m_trashAction = nullptr;
    QTimer* m_wantTimer = nullptr;
    std::vector<library::SampleRecord> m_pending; // rows not yet in the model, from m_pendingAt on, in order
    size_t m_pendingAt = 0;
    bool m_insertPosted = false;
    size_t m_sliceRows = 64; // rows per slice, sized to kTurnBudgetMs by the last slice's cost
};

} // namespace stemcrate::ui
