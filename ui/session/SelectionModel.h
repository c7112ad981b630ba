#pragma once
// SelectionModel: the selected region [start, end) of the shown song and the lane it was made on (0 = the
// mix, 1.. the stems in StemSet order). Views draw it and change it (mouse, keys); exports, playback's loop
// and panels (Find Samples, pads) read it or set it. A new song clears it.
//
// Ownership: owned by the SongSession; views and panels keep a reference. Threads: GUI thread only.
// Units: frames at 44.1 kHz.

#include <QObject>

#include <cstdint>

namespace stemcrate::ui {

class SelectionModel : public QObject
{
    Q_OBJECT

public:
    explicit SelectionModel(QObject* parent = nullptr);

    // The song's length: selections are clamped to [0, totalFrames]. Clears the selection.
    void reset(int64_t totalFrames);
    int64_t totalFrames() const { return m_totalFrames; }

    // [start, end) in either order, clamped; empty when start == end.
    void set(int64_t start, int64_t end, int lane);
    void clear() { set(0, 0, m_lane); }
    // Moves the region by `frames` (kept inside the song), or only its end (at least one frame long).
    void nudge(int64_t frames, bool endOnly);

    int64_t start() const { return m_start; }
    int64_t end() const { return m_end; }
    int64_t length() const { return m_end - m_start; }
    int lane() const { return m_lane; }
    bool isEmpty() const { return m_end <= m_start; }

signals:
    void changed();

private:
    int64_t m_totalFrames = 0;
    int64_t m_start = 0;
    int64_t m_end = 0;
    int m_lane = 0;
};

} // namespace stemcrate::ui
