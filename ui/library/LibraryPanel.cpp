#include "library/LibraryPanel.h"

#include "library/LibraryFilterBar.h"
#include "library/LibraryFilterModel.h"
#include "library/LibraryIndexer.h"
#include "library/LibraryModel.h"
#include "GuiInbox.h"
#include "WorkerThreads.h"

#include <QAction>
#include <QApplication>
#include <QAudioOutput>
#include <QDesktopServices>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMediaPlayer>
#include <QPointer>
#include <QPushButton>
#include <QScrollBar>
#include <QTableView>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>
#include <cstddef>
#include <iterator>

namespace stemcrate::ui {

LibraryPanel::LibraryPanel(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("libraryPanel"));
    m_model = new LibraryModel(this);
    m_filter = new LibraryFilterModel(m_model, this);
    m_indexer = new LibraryIndexer(this);
    m_filterBar = new LibraryFilterBar(this);

    m_folderLabel = new QLabel(this);
    m_folderLabel->setWordWrap(true);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("libraryStatus"));

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("libraryView"));
    m_view->setModel(m_filter);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(0, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setDragEnabled(true); // the model hands out file URLs: drag samples into a DAW
    m_view->setDragDropMode(QAbstractItemView::DragOnly);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed); // no per-row measuring of 10 000 rows
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionsMovable(true);
    m_view->setColumnWidth(0, 220);

    m_similarButton = new QPushButton(tr("Find Similar"), this);
    m_similarButton->setObjectName(QStringLiteral("findSimilarButton"));
    m_similarButton->setToolTip(tr("List the samples that sound most like the selected one"));
    m_clearSimilarButton = new QPushButton(tr("Show All"), this);
    m_clearSimilarButton->setObjectName(QStringLiteral("clearSimilarButton"));
    m_clearSimilarButton->setVisible(false);
    auto* reveal = new QPushButton(tr("Show in Folder"), this);
    auto* remove = new QPushButton(tr("Move to Trash"), this);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_similarButton);
    buttons->addWidget(m_clearSimilarButton);
    buttons->addStretch(1);
    buttons->addWidget(reveal);
    buttons->addWidget(remove);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_folderLabel);
    layout->addWidget(m_filterBar);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);
    layout->addLayout(buttons);

    connect(m_filterBar, &LibraryFilterBar::filterChanged, this, [this](const library::SampleFilter& filter) {
        m_filter->setFilter(filter);
        updateStatus();
    });
    connect(m_view, &QTableView::clicked, this,
            [this](const QModelIndex& index) { preview(index.data(LibraryModel::kPathRole).toString()); });
    connect(m_similarButton, &QPushButton::clicked, this, &LibraryPanel::findSimilar);
    connect(m_clearSimilarButton, &QPushButton::clicked, this, &LibraryPanel::clearSimilar);
    connect(reveal, &QPushButton::clicked, this, &LibraryPanel::revealFolder);
    m_trashAction = new QAction(tr("Move Sample to Trash"), this);
    m_trashAction->setObjectName(QStringLiteral("trashSampleAction"));
    m_trashAction->setShortcut(QKeySequence::Delete);
    m_trashAction->setShortcutContext(Qt::WidgetWithChildrenShortcut); // only while the panel has focus
    addAction(m_trashAction);
    connect(m_trashAction, &QAction::triggered, this, &LibraryPanel::deleteCurrent);
    connect(remove, &QPushButton::clicked, m_trashAction, &QAction::trigger);

    // The saved index's rows (sorted by name: slices land as whole runs in a name-sorted view) and the
    // walk's batches queue up here and go into the model a few milliseconds per turn of the event loop.
    connect(m_indexer, &LibraryIndexer::loaded, this, &LibraryPanel::queueRows);
    connect(m_indexer, &LibraryIndexer::batchRead, this, &LibraryPanel::queueRows);
    connect(m_indexer, &LibraryIndexer::removed, this, [this](const std::vector<std::string>& paths) {
        insertPendingRows(kNoBudget); // a removal may be of a queued row: all of them first
        m_model->removePaths(paths);
        updateStatus();
    });
    connect(m_indexer, &LibraryIndexer::scanFinished, this, [this] {
        insertPendingRows(kNoBudget); // a finished scan shows all it read
        updateStatus();
    });

    // The rows on screen are analysed first: asked for a moment after the view scrolls, sorts, filters or
    // gets rows (a timer, so that a batch or a drag of the scroll bar asks once).
    m_wantTimer = new QTimer(this);
    m_wantTimer->setSingleShot(true);
    m_wantTimer->setInterval(kWantDelayMs);
    connect(m_wantTimer, &QTimer::timeout, this, &LibraryPanel::prioritiseVisibleRows);
    const auto askSoon = [this] {
        if (m_indexer->isScanning() && !m_wantTimer->isActive())
            m_wantTimer->start();
    };
    connect(m_view->verticalScrollBar(), &QScrollBar::valueChanged, this, askSoon);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, askSoon);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, askSoon);
    connect(m_filter, &QAbstractItemModel::modelReset, this, askSoon);
    connect(m_indexer, &LibraryIndexer::message, this, &LibraryPanel::message);
}

QList<PanelAction> LibraryPanel::panelActions() const
{
    return {{MenuId::File, m_trashAction}};
}

LibraryPanel::~LibraryPanel() = default;

void LibraryPanel::setFolder(const QString& folder, const QString& indexPath)
{
    m_folder = folder; // the indexer's worker creates it when it is not there yet
    m_folderLabel->setText(tr("Samples in %1").arg(QDir::toNativeSeparators(folder)));
    clearSimilar();
    m_pending.clear();
    m_pendingAt = 0;
    m_model->reset({});
    m_indexer->open(QFileInfo(folder).absoluteFilePath(), indexPath);
    updateStatus();
}

void LibraryPanel::refresh()
{
    m_indexer->rescan();
}

QString LibraryPanel::currentFile() const
{
    const QModelIndex index = m_view->currentIndex();
    return index.isValid() ? index.data(LibraryModel::kPathRole).toString() : QString();
}

void LibraryPanel::preview(const QString& path)
{
    if (path.isEmpty())
        return;
    if (!m_player) {
        m_player = new QMediaPlayer(this);
        m_output = new QAudioOutput(this);
        m_player->setAudioOutput(m_output);
    }
    m_player->stop();
    m_player->setSource(QUrl::fromLocalFile(path));
    m_player->play();
}

void LibraryPanel::revealFolder()
{
    QDesktopServices::openUrl(QUrl::fromLocalFile(m_folder));
}

bool LibraryPanel::deleteCurrent()
{
    const QString path = currentFile();
    if (path.isEmpty())
        return false;
    if (m_player)
        m_player->stop();
    // Moving to the trash writes to the disk (a rename and a .trashinfo file): on a worker, not here.
    startChore([panel = QPointer<LibraryPanel>(this), path] {
        const bool moved = QFile::moveToTrash(path);
        GuiInbox::instance().post([panel, path, moved] {
            if (!panel)
                return;
            const QString name = QFileInfo(path).fileName();
            if (!moved) {
                emit panel->message(tr("Could not move '%1' to the trash.").arg(name), true);
                return;
            }
            emit panel->message(tr("Moved '%1' to the trash.").arg(name), false);
            panel->m_model->removePaths({path.toStdString()}); // the watcher's walk confirms it
            panel->updateStatus();
        });
    });
    return true;
}

bool LibraryPanel::findSimilar()
{
    const QString path = currentFile();
    const int row = m_model->rowOfPath(path);
    if (row < 0) {
        emit message(tr("Select a sample to find similar ones."), true);
        return false;
    }
    if (m_model->record(row).stage != library::ReadStage::Analysed) {
        m_indexer->prioritise({path.toStdString()});
        emit message(tr("'%1' is still being analysed; try again in a moment.").arg(QFileInfo(path).fileName()),
                     false);
        return false;
    }
    if (m_model->record(row).features.empty()) {
        emit message(tr("'%1' could not be analysed, so nothing can be compared with it.")
                         .arg(QFileInfo(path).fileName()),
                     true);
        return false;
    }
    m_filter->showSimilarTo(row, kSimilarCount);
    m_view->sortByColumn(m_view->horizontalHeader()->sortIndicatorSection(), Qt::AscendingOrder);
    m_clearSimilarButton->setVisible(true);
    updateStatus();
    return true;
}

void LibraryPanel::clearSimilar()
{
    if (!m_filter->showsSimilar())
        return;
    m_filter->clearSimilar();
    m_clearSimilarButton->setVisible(false);
    updateStatus();
}

void LibraryPanel::prioritiseVisibleRows()
{
    if (!m_indexer->isScanning() || m_filter->rowCount() == 0)
        return;
    const int top = std::max(0, m_view->rowAt(0));
    int bottom = m_view->rowAt(m_view->viewport()->height() - 1);
    if (bottom < 0)
        bottom = m_filter->rowCount() - 1;
    std::vector<std::string> paths;
    const auto want = [&](int sourceRow) {
        if (sourceRow >= 0 && m_model->record(sourceRow).stage != library::ReadStage::Analysed)
            paths.push_back(m_model->record(sourceRow).path);
    };
    want(m_model->rowOfPath(currentFile())); // the selected row first
    for (int row = top; row <= bottom; ++row)
        want(m_filter->sourceRow(row));
    if (!paths.empty())
        m_indexer->prioritise(std::move(paths));
}

void LibraryPanel::queueRows(std::vector<library::SampleRecord> records)
{
    if (m_pendingAt > 0) { // drop the rows already in the model before the queue grows
        m_pending.erase(m_pending.begin(), m_pending.begin() + static_cast<std::ptrdiff_t>(m_pendingAt));
        m_pendingAt = 0;
    }
    if (m_pending.empty())
        m_pending = std::move(records);
    else
        m_pending.insert(m_pending.end(), std::make_move_iterator(records.begin()),
                         std::make_move_iterator(records.end()));
    postInsert(); // several batches queued while the GUI thread was busy go in together, on a later turn
}

void LibraryPanel::postInsert()
{
    if (m_insertPosted || !hasPendingRows())
        return;
    m_insertPosted = true;
    QTimer::singleShot(0, this, [this] {
        m_insertPosted = false;
        insertPendingRows(kTurnBudgetMs);
    });
}

void LibraryPanel::insertPendingRows(qint64 budgetMs)
{
    // Slices of rows until the turn's time is spent; the rest on the next turn. New rows scattered through
    // the name-sorted view cost the sort proxy tens of ms per 256 (s10-library's measurement), and 10 000
    // saved rows at once about 200 ms: slices sized by the last one's cost keep a turn close to its budget.
    QElapsedTimer spent;
    spent.start();
    while (hasPendingRows() && (budgetMs < 0 || spent.elapsed() < budgetMs)) {
        const size_t end = std::min(m_pending.size(), m_pendingAt + m_sliceRows);
        std::vector<library::SampleRecord> slice(std::make_move_iterator(m_pending.begin() + m_pendingAt),
                                                 std::make_move_iterator(m_pending.begin() + end));
        m_pendingAt = end;
        if (m_pendingAt >= m_pending.size()) {
            m_pending.clear();
            m_pendingAt = 0;
        }
        const qint64 startNs = spent.nsecsElapsed();
        const size_t rows = slice.size();
        m_model->upsert(std::move(slice));
        // The next slice sized to fit the budget at this slice's cost per row: rows scattered through the
        // sorted view cost the proxy far more than a contiguous run of them.
        const double tookNs = std::max<double>(double(spent.nsecsElapsed() - startNs), 1e3);
        const double fit = double(rows) * double(kTurnBudgetMs) * 1e6 / tookNs;
        m_sliceRows = static_cast<size_t>(std::clamp(fit, double(kMinRowsPerSlice), double(kMaxRowsPerSlice)));
    }
    postInsert();
    updateStatus();
}

void LibraryPanel::updateStatus()
{
    QString text;
    if (m_filter->showsSimilar())
        text = tr("%n sample(s) most like '%1'", nullptr, m_filter->rowCount())
                   .arg(QFileInfo(m_filter->similarTo()).completeBaseName());
    else if (m_filter->rowCount() == m_model->rowCount())
        text = tr("%n sample(s)", nullptr, m_model->rowCount());
    else
        text = tr("%1 of %n sample(s)", nullptr, m_model->rowCount()).arg(m_filter->rowCount());
    if (m_indexer->isScanning())
        text += tr(" · reading the folder…");
    m_status->setText(text);
}

} // namespace stemcrate::ui
