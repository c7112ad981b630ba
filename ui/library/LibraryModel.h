#pragma once
// LibraryModel: the library index's records as a table for the sample browser: name, stem, kind, class,
// BPM, key, bars, length, loudness, source song, date (library::SampleColumn order). Rows arrive in batches
// from LibraryIndexer (upsert appends new files and updates changed ones in place, in one insert per
// batch), so the first rows show while the rest of a large folder is still being read. Rows drag out as
// file URLs (into a DAW or a file manager).
//
// Ownership: owns copies of the records. Threads: GUI thread only. Units: as SampleRecord (seconds, BPM,
// LUFS).

#include "library/SampleRecord.h" // core's

#include <QAbstractTableModel>

#include <string>
#include <unordered_map>
#include <vector>

namespace stemcrate::ui {

class LibraryModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    // Qt::UserRole on any column: the row's file path.
    static constexpr int kPathRole = Qt::UserRole;

    explicit LibraryModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;

    // Replaces every row (a new folder; not used for batches).
    void reset(std::vector<library::SampleRecord> records);
    // Updates rows whose path is known (one dataChanged per run of neighbouring rows), appends the others
    // (one insert).
    void upsert(std::vector<library::SampleRecord> records);
    void removePaths(const std::vector<std::string>& paths);

    const library::SampleRecord& record(int row) const { return m_records[static_cast<size_t>(row)]; }
    const std::vector<library::SampleRecord>& records() const { return m_records; }
    // core's searchKey() of a row, folded when the row arrived or last changed.
    const std::string& searchKey(int row) const { return m_searchKeys[static_cast<size_t>(row)]; }
    // The row of a file, or -1.
    int rowOfPath(const QString& path) const;

private:
    QString displayText(const library::SampleRecord& record, int column) const;
    QString toolTip(const library::SampleRecord& record) const;
    void rebuildRowMap();

    std::vector<library::SampleRecord> m_records;
    std::vector<std::string> m_searchKeys; // parallel to m_records
    std::unordered_map<std::string, int> m_rowOfPath;
};

} // namespace stemcrate::ui
