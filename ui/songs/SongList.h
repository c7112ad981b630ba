#pragma once
// SongList: the songs the user opened, as a list model for the song list view. Each row shows the file
// name and its state: queued, decoding, separating with % and ETA, done, or failed with its reason.
//
// Ownership: owns the Songs. Threads: GUI thread only. SongQueue mutates songs through song() and then
// calls changed(); the view never touches jobs.

#include "songs/Song.h"

#include <QAbstractListModel>

#include <memory>
#include <vector>

namespace stemcrate::ui {

class SongList : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        StateRole,     // int(SongState)
        FractionRole,  // double
        StateTextRole, // QString
    };

    explicit SongList(QObject* parent = nullptr);
    ~SongList() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;

    // Appends a song and returns it (owned here).
    Song& add(const QString& path);
    void remove(int id);
    Song* song(int id);
    const Song* song(int id) const;
    Song* songAt(int row);
    const Song* songAt(int row) const;
    int rowOf(int id) const;
    int count() const { return int(m_songs.size()); }
    // Tells the views that song `id` changed.
    void changed(int id);

    // "separating 35 % — 0:12 left" etc.
    static QString stateText(const Song& song);

private:
    std::vector<std::unique_ptr<Song>> m_songs;
    int m_nextId = 1;
};

} // namespace stemcrate::ui
