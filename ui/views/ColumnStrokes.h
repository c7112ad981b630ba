#pragma once
// ColumnStrokes: one-pixel vertical strokes written straight into an image, for a waveform's columns.
//
// QPainter::drawLines of two thousand vertical lines per lane went through the raster engine's line path
// and was most of the GUI thread's CPU at a song switch (20 ms for five lanes on a loaded machine,
// bench_gui_stall --stacks). Writing the pixels costs one store per covered pixel; the image is then drawn
// unscaled, a plain blend that Qt keeps on the painting thread.
//
// The pixels may live in a scratch image the caller keeps between paints (the constructor with `scratch`):
// a lane's strokes are 1-1.5 MB, which malloc maps fresh for every paint (blocks of 1 MiB and more are
// mapped, WorkerThreads.h keepLargeBlocksOutOfArenas), and each fresh 4 KiB page costs a fault (~13 us on
// this project's VMs): 300 faults, 4 ms of a song switch's repaint (bench_gui_stall --switch-paint-times).
//
// Threads: any one thread at a time (owner's; the scratch's too). Units: pixels of the image; rows grow
// downwards.

#include <QColor>
#include <QImage>
#include <QSize>

namespace stemcrate::ui {

class ColumnStrokes
{
public:
    explicit ColumnStrokes(QSize size); // transparent
    // The same, in the top-left `size` pixels of `scratch`, which grows (never shrinks) to hold them. The
    // image() is a view of the scratch: valid until the scratch is used again or changed.
    ColumnStrokes(QSize size, QImage& scratch);

    // Paints column `x`, rows floor(top) to floor(bottom) inclusive, clamped to the image, in `colour`
    // (replacing what is there, premultiplied; the colour's alpha is kept). Out-of-range columns are ignored.
    void stroke(int x, double top, double bottom, const QColor& colour);

    const QImage& image() const { return m_image; }

private:
    QImage m_image;
};

} // namespace stemcrate::ui
