#include "library/LibraryModel.h"

#include "library/CamelotKey.h"
#include "library/SampleQuery.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QMimeData>
#include <QUrl>

#include <algorithm>
#include <cmath>
#include <unordered_set>

namespace stemcrate::ui {
namespace {

using library::SampleColumn;

constexpr size_t kMaxRemovalRuns = 64;

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

QString lengthText(double seconds)
{
    if (seconds < 60)
        return QString::number(seconds, 'f', seconds < 10 ? 2 : 1) + QStringLiteral(" s");
    const int whole = static_cast<int>(seconds);
    return QStringLiteral("%1:%2").arg(whole / 60).arg(whole % 60, 2, 10, QLatin1Char('0'));
}

QString barsText(double bars)
{
    if (bars <= 0)
        return {};
    // Loops are whole or simple fractions of bars; anything else is a guess worth showing as such.
    const double quarter = std::round(bars * 4) / 4;
    if (std::abs(bars - quarter) < 0.02)
        return QString::number(quarter);
    return QStringLiteral("~%1").arg(QString::number(bars, 'f', 1));
}

} // namespace

LibraryModel::LibraryModel(QObject* parent) : QAbstractTableModel(parent) {}

int LibraryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_records.size());
}

int LibraryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : library::kSampleColumnCount;
}

QString LibraryModel::displayText(const library::SampleRecord& r, int column) const
{
    switch (static_cast<SampleColumn>(column)) {
    case SampleColumn::Name:
        return qs(r.name);
    case SampleColumn::Stem:
        return qs(r.stem);
    case SampleColumn::Kind:
        switch (r.kind) {
        case library::SampleKind::Loop:
            return tr("loop");
        case library::SampleKind::Slice:
            return tr("slice");
        case library::SampleKind::OneShot:
            return tr("one-shot");
        case library::SampleKind::Unknown:
            return {};
        }
        return {};
    case SampleColumn::Class:
        return qs(r.sampleClass);
    case SampleColumn::Bpm:
        return r.bpm > 0 ? QString::number(r.bpm, 'f', std::abs(r.bpm - std::round(r.bpm)) < 0.05 ? 0 : 1)
                         : QString();
    case SampleColumn::Key:
        if (auto key = library::CamelotKey::parse(r.key))
            return QStringLiteral("%1 (%2)").arg(qs(key->keyName()), qs(key->code()));
        return qs(r.key);
    case SampleColumn::Bars:
        return barsText(r.bars());
    case SampleColumn::Length:
        return r.durationSeconds > 0 ? lengthText(r.durationSeconds) : QString(); // 0: not read yet
    case SampleColumn::Loudness:
        return std::isfinite(r.loudnessLufs) ? tr("%1 LUFS").arg(r.loudnessLufs, 0, 'f', 1) : QString();
    case SampleColumn::Source:
        return qs(r.sourceSong);
    case SampleColumn::Date:
        return QDateTime::fromMSecsSinceEpoch(r.modifiedNs / 1'000'000)
            .toString(QStringLiteral("yyyy-MM-dd hh:mm"));
    }
    return {};
}

QString LibraryModel::toolTip(const library::SampleRecord& r) const
{
    QString tip = QDir::toNativeSeparators(qs(r.path));
    if (!r.error.empty())
        tip += QLatin1Char('\n') + tr("Cannot play: %1").arg(qs(r.error));
    if (r.bpmSource == library::ValueSource::FileName)
        tip += QLatin1Char('\n') + tr("BPM from the file name");
    else if (r.bpmSource == library::ValueSource::Analysis)
        tip += QLatin1Char('\n') + tr("BPM estimated from the audio");
    if (r.keySource == library::ValueSource::FileName)
        tip += QLatin1Char('\n') + tr("Key from the file name");
    else if (r.keySource == library::ValueSource::Analysis)
        tip += QLatin1Char('\n') + tr("Key estimated from the audio");
    return tip;
}

QVariant LibraryModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const library::SampleRecord& r = record(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayText(r, index.column());
    case Qt::ToolTipRole:
        return toolTip(r);
    case kPathRole:
        return qs(r.path);
    case Qt::TextAlignmentRole: {
        const auto column = static_cast<SampleColumn>(index.column());
        const bool number = column == SampleColumn::Bpm || column == SampleColumn::Bars ||
                            column == SampleColumn::Length || column == SampleColumn::Loudness;
        return QVariant::fromValue(number ? Qt::AlignRight | Qt::AlignVCenter
                                          : Qt::AlignLeft | Qt::AlignVCenter);
    }
    default:
        return {};
    }
}

QVariant LibraryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (static_cast<SampleColumn>(section)) {
    case SampleColumn::Name:
        return tr("Name");
    case SampleColumn::Stem:
        return tr("Stem");
    case SampleColumn::Kind:
        return tr("Kind");
    case SampleColumn::Class:
        return tr("Class");
    case SampleColumn::Bpm:
        return tr("BPM");
    case SampleColumn::Key:
        return tr("Key");
    case SampleColumn::Bars:
        return tr("Bars");
    case SampleColumn::Length:
        return tr("Length");
    case SampleColumn::Loudness:
        return tr("Loudness");
    case SampleColumn::Source:
        return tr("Source Song");
    case SampleColumn::Date:
        return tr("Date");
    }
    return {};
}

Qt::ItemFlags LibraryModel::flags(const QModelIndex& index) const
{
    return QAbstractTableModel::flags(index) | (index.isValid() ? Qt::ItemIsDragEnabled : Qt::NoItemFlags);
}

QStringList LibraryModel::mimeTypes() const
{
    return {QStringLiteral("text/uri-list")};
}

QMimeData* LibraryModel::mimeData(const QModelIndexList& indexes) const
{
    QList<QUrl> urls;
    std::unordered_set<int> rows;
    for (const QModelIndex& index : indexes)
        if (index.isValid() && rows.insert(index.row()).second)
            urls.append(QUrl::fromLocalFile(qs(record(index.row()).path)));
    auto* mime = new QMimeData;
    mime->setUrls(urls);
    return mime;
}

void LibraryModel::reset(std::vector<library::SampleRecord> records)
{
    beginResetModel();
    m_records = std::move(records);
    m_searchKeys.clear();
    m_searchKeys.reserve(m_records.size());
    for (const library::SampleRecord& r : m_records)
        m_searchKeys.push_back(library::searchKey(r));
    rebuildRowMap();
    endResetModel();
}

void LibraryModel::upsert(std::vector<library::SampleRecord> records)
{
    // A batch is mostly a run of neighbouring rows (the index hands rows out in the order it found them):
    // one dataChanged per run of changed rows and one insert for the new ones, so that views and the sort
    // proxy handle a batch at once, not row by row.
    std::vector<int> changed;
    std::vector<library::SampleRecord> added;
    std::unordered_map<std::string, size_t> addedAt; // a file listed and completed within one call: one row
    for (library::SampleRecord& r : records) {
        if (const auto at = addedAt.find(r.path); at != addedAt.end()) {
            added[at->second] = std::move(r);
        } else if (const auto it = m_rowOfPath.find(r.path); it != m_rowOfPath.end()) {
            m_searchKeys[static_cast<size_t>(it->second)] = library::searchKey(r);
            m_records[static_cast<size_t>(it->second)] = std::move(r);
            changed.push_back(it->second);
        } else {
            addedAt.emplace(r.path, added.size());
            added.push_back(std::move(r));
        }
    }
    std::sort(changed.begin(), changed.end());
    for (size_t i = 0; i < changed.size();) {
        size_t end = i + 1;
        while (end < changed.size() && changed[end] <= changed[end - 1] + 1)
            ++end;
        emit dataChanged(index(changed[i], 0), index(changed[end - 1], library::kSampleColumnCount - 1));
        i = end;
    }
    if (added.empty())
        return;
    const int first = rowCount();
    beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
    // Geometric growth: an exact reserve per batch moved every row to a new block on every insert.
    if (m_records.capacity() < m_records.size() + added.size()) {
        m_records.reserve(std::max(m_records.size() + added.size(), 2 * m_records.capacity()));
        m_searchKeys.reserve(m_records.capacity());
    }
    for (library::SampleRecord& r : added) {
        m_rowOfPath.emplace(r.path, static_cast<int>(m_records.size()));
        m_searchKeys.push_back(library::searchKey(r));
        m_records.push_back(std::move(r));
    }
    endInsertRows();
}

void LibraryModel::removePaths(const std::vector<std::string>& paths)
{
    std::vector<int> rows;
    for (const std::string& path : paths)
        if (const auto it = m_rowOfPath.find(path); it != m_rowOfPath.end())
            rows.push_back(it->second);
    if (rows.empty())
        return;
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    std::vector<std::pair<int, int>> runs; // [first, last] of neighbouring rows
    for (const int row : rows)
        if (!runs.empty() && runs.back().second + 1 == row)
            runs.back().second = row;
        else
            runs.push_back({row, row});
    if (runs.size() > kMaxRemovalRuns) {
        // Thousands of scattered files gone (a folder emptied or moved): one reset instead of thousands of
        // O(n) erases and view updates.
        std::unordered_set<std::string> gone(paths.begin(), paths.end());
        std::vector<library::SampleRecord> kept;
        kept.reserve(m_records.size() - rows.size());
        for (library::SampleRecord& r : m_records)
            if (!gone.count(r.path))
                kept.push_back(std::move(r));
        reset(std::move(kept));
        return;
    }
    for (auto run = runs.rbegin(); run != runs.rend(); ++run) { // from the end: later runs keep their rows
        beginRemoveRows({}, run->first, run->second);
        m_records.erase(m_records.begin() + run->first, m_records.begin() + run->second + 1);
        m_searchKeys.erase(m_searchKeys.begin() + run->first, m_searchKeys.begin() + run->second + 1);
        endRemoveRows();
    }
    rebuildRowMap();
}

int LibraryModel::rowOfPath(const QString& path) const
{
    const auto it = m_rowOfPath.find(path.toStdString());
    return it == m_rowOfPath.end() ? -1 : it->second;
}

void LibraryModel::rebuildRowMap()
{
    m_rowOfPath.clear();
    m_rowOfPath.reserve(m_records.size());
    for (size_t i = 0; i < m_records.size(); ++i)
        m_rowOfPath.emplace(m_records[i].path, static_cast<int>(i));
}

} // namespace stemcrate::ui
