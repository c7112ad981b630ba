#pragma once
// StrokeScratch: the pixels a timeline's lanes write their waveform strokes into (ColumnStrokes), one tile
// of a fixed size, allocated and touched once when the timeline is built (before the window's first paint)
// and reused by every paint of every lane, tile by tile: no paint allocates, reallocates or first-touches
// scratch memory, whatever the zoom or the lane's size.
//
// Why: the scratch used to grow with the largest repaint (a static QImage in LaneView), so a repaint larger
// than every earlier one remade it on the paint path, and a fresh page costs the painting thread a fault
// (~14 us on this project's VMs, the kernel zeroing it). A fixed tile also bounds one tile's fill and blend.
//
// Ownership: owned by TimelineView, lent to its LaneViews. Threads: GUI thread only. Units: pixels.

#include <QImage>
#include <QSize>

namespace stemcrate::ui {

class StrokeScratch
{
public:
    // 2 MiB: a lane up to 1024 columns wide and 512 rows tall is one tile.
    static constexpr QSize kTileSize{1024, 512};

    explicit StrokeScratch(QSize tileSize = kTileSize);

    QSize tileSize() const { return m_image.size(); }
    // The tile's pixels, for ColumnStrokes. Never copy it: a shared QImage detaches (reallocates) on write.
    QImage& image() { return m_image; }
    // The pixels' address (tests: the same for the scratch's whole life).
    const uchar* pixels() const { return m_image.constBits(); }

private:
    QImage m_image;
};

} // namespace stemcrate::ui
