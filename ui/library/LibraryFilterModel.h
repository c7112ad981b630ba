#pragma once
// LibraryFilterModel: the browser's view of LibraryModel: core's SampleFilter (search words, BPM range,
// key or compatible keys, kind, stem) and core's column order (compareRecords: unknown values last, ties by
// name). "Find similar" switches it to the nearest samples of one sample (core's rankSimilar over every
// row), nearest first, until clearSimilar().
//
// Ownership: does not own the source model. Threads: GUI thread only.

#include "library/SampleQuery.h" // core's

#include <QSortFilterProxyModel>

#include <string>
#include <unordered_map>
#include <vector>

namespace stemcrate::ui {

class LibraryModel;

class LibraryFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit LibraryFilterModel(LibraryModel* source, QObject* parent = nullptr);

    void setFilter(const library::SampleFilter& filter);
    const library::SampleFilter& filter() const { return m_filter; }

    // Shows only the `count` samples nearest to the source row `sourceRow`, nearest first (the filter
    // still applies). Returns how many were found; 0 when the sample has no features.
    int showSimilarTo(int sourceRow, int count);
    void clearSimilar();
    bool showsSimilar() const { return !m_similarDistance.empty() || !m_similarTo.empty(); }
    // The file the similar list is about, or "".
    QString similarTo() const { return QString::fromStdString(m_similarTo); }

    // The source row of a proxy row.
    int sourceRow(int proxyRow) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    LibraryModel* m_source;
    library::SampleFilter m_filter;
    std::vector<std::string> m_words; // searchWords(m_filter.text), split and folded once per filter
    std::string m_similarTo;
    std::unordered_map<std::string, double> m_similarDistance; // path -> distance, for the similar list
};

} // namespace stemcrate::ui
