#include "library/LibraryFilterModel.h"

#include "library/LibraryModel.h"

#include <limits>

namespace stemcrate::ui {

LibraryFilterModel::LibraryFilterModel(LibraryModel* source, QObject* parent)
    : QSortFilterProxyModel(parent), m_source(source)
{
    setSourceModel(source);
    setDynamicSortFilter(true);
}

void LibraryFilterModel::setFilter(const library::SampleFilter& filter)
{
    m_filter = filter;
    m_words = library::searchWords(filter.text);
    invalidateFilter();
}

int LibraryFilterModel::showSimilarTo(int row, int count)
{
    if (row < 0 || row >= m_source->rowCount())
        return 0;
    const library::SampleRecord& target = m_source->record(row);
    const std::vector<library::SimilarMatch> matches =
        library::rankSimilar(m_source->records(), target.features, static_cast<size_t>(count), target.path);
    m_similarTo = target.path;
    m_similarDistance.clear();
    for (const library::SimilarMatch& match : matches)
        m_similarDistance.emplace(m_source->record(static_cast<int>(match.index)).path, match.distance);
    invalidate(); // both the rows shown and their order change
    return static_cast<int>(matches.size());
}

void LibraryFilterModel::clearSimilar()
{
    m_similarTo.clear();
    m_similarDistance.clear();
    invalidate();
}

int LibraryFilterModel::sourceRow(int proxyRow) const
{
    return mapToSource(index(proxyRow, 0)).row();
}

bool LibraryFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex&) const
{
    const library::SampleRecord& r = m_source->record(sourceRow);
    if (!m_similarTo.empty() && !m_similarDistance.count(r.path))
        return false;
    return m_filter.matches(r, m_source->searchKey(sourceRow), m_words);
}

bool LibraryFilterModel::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    const library::SampleRecord& a = m_source->record(left.row());
    const library::SampleRecord& b = m_source->record(right.row());
    if (!m_similarTo.empty()) {
        // Nearest first whatever the column; a descending sort shows the farthest of the list first.
        const auto distance = [this](const std::string& path) {
            const auto it = m_similarDistance.find(path);
            return it == m_similarDistance.end() ? std::numeric_limits<double>::infinity() : it->second;
        };
        const double da = distance(a.path);
        const double db = distance(b.path);
        if (da != db)
            return da < db;
    }
    return library::compareRecords(a, b, static_cast<library::SampleColumn>(left.column())) < 0;
}

} // namespace stemcrate::ui
