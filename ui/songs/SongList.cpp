#include "songs/SongList.h"

#include <QBrush>
#include <QColor>
#include <QFileInfo>

#include <cmath>

namespace stemcrate::ui {

SongList::SongList(QObject* parent) : QAbstractListModel(parent) {}

SongList::~SongList() = default;

int SongList::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : count();
}

QString SongList::stateText(const Song& song)
{
    const int percent = int(std::lround(song.fraction * 100.0));
    switch (song.state()) {
    case SongState::Queued:
        return tr("queued");
    case SongState::Decoding:
        return tr("decoding %1 %").arg(percent);
    case SongState::WaitingForModel:
        return tr("waiting for the separation model");
    case SongState::Separating: {
        if (song.etaSeconds < 0)
            return tr("separating %1 %").arg(percent);
        const int eta = int(std::ceil(song.etaSeconds));
        return tr("separating %1 % — %2:%3 left")
            .arg(percent)
            .arg(eta / 60)
            .arg(eta % 60, 2, 10, QLatin1Char('0'));
    }
    case SongState::Done:
        return song.fromCache ? tr("done (from cache)") : tr("done");
    case SongState::Failed:
        return tr("failed: %1").arg(song.error);
    case SongState::Cancelled:
        return tr("cancelled");
    }
    return {};
}

QVariant SongList::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= count())
        return {};
    const Song& song = *m_songs[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return QStringLiteral("%1\n%2").arg(QFileInfo(song.path).fileName(), stateText(song));
    case Qt::ToolTipRole:
        return QStringLiteral("%1\n%2").arg(song.path, stateText(song));
    case Qt::ForegroundRole:
        if (song.state() == SongState::Failed)
            return QBrush(QColor(0xe0, 0x60, 0x60));
        return {};
    case IdRole:
        return song.id;
    case StateRole:
        return int(song.state());
    case FractionRole:
        return song.fraction;
    case StateTextRole:
        return stateText(song);
    default:
        return {};
    }
}

Song& SongList::add(const QString& path)
{
    const int row = count();
    beginInsertRows({}, row, row);
    auto song = std::make_unique<Song>();
    song->id = m_nextId++;
    song->path = path;
    m_songs.push_back(std::move(song));
    endInsertRows();
    return *m_songs.back();
}

void SongList::remove(int id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_songs.erase(m_songs.begin() + row);
    endRemoveRows();
}

Song* SongList::song(int id)
{
    const int row = rowOf(id);
    return row < 0 ? nullptr : m_songs[size_t(row)].get();
}

const Song* SongList::song(int id) const
{
    const int row = rowOf(id);
    return row < 0 ? nullptr : m_songs[size_t(row)].get();
}

Song* SongList::songAt(int row)
{
    return row >= 0 && row < count() ? m_songs[size_t(row)].get() : nullptr;
}

const Song* SongList::songAt(int row) const
{
    return row >= 0 && row < count() ? m_songs[size_t(row)].get() : nullptr;
}

int SongList::rowOf(int id) const
{
    for (size_t row = 0; row < m_songs.size(); ++row)
        if (m_songs[row]->id == id)
            return int(row);
    return -1;
}

void SongList::changed(int id)
{
    const int row = rowOf(id);
    if (row >= 0)
        emit dataChanged(index(row), index(row));
}

} // namespace stemcrate::ui
