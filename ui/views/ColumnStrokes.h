#pragma once
// ColumnStrokes: one-pixel vertical strokes written straight into an image, for a waveform's columns.
//
// QPainter::drawLines of two thousand vertical lines per lane went through the raster engine's line path
// and was most of the GUI thread's CPU at a song switch (20 ms for five lanes on a loaded machine,
// bench_gui_stall --stacks). Writing the pixels costs one store per covered pixel; the image is then drawn
// unscaled, a plain blend that Qt keeps on the painting thread.
//
// The pixels may live in a scratch image the caller keeps between paints (the constructor with `scratch`,
// StrokeScratch.h): the strokes of one tile of a lane, `area`, in the scratch's top-left pixels. The scratch
// is never reallocated here: an area larger than it is cut to its size, and the caller paints a larger
// region tile by tile (a scratch that grew with the largest repaint was remade on the paint path, and each
// fresh 4 KiB page costs the painting thread a fault, ~14 us on this project's VMs).
//
// Threads: any one thread at a time (owner's; the scratch's too). Units: pixels; `x`, rows and `area` in the
// caller's coordinates (a lane's), rows growing downwards.

#include <QColor>
#include <QImage>
#include <QRect>
#include <QSize>

namespace stemcrate::ui {

class ColumnStrokes
{
public:
    explicit ColumnStrokes(QSize size); // transparent; its area is (0, 0, size)
    // The strokes within `area` (cut to the scratch's size), cleared to transparent, in the top-left pixels
    // of `scratch`. image() is a view of the scratch: valid until the scratch is used again or changed.
    ColumnStrokes(const QRect& area, QImage& scratch);

    // Paints column `x`, rows floor(top) to floor(bottom) inclusive, in `colour` (replacing what is there,
    // premultiplied; the colour's alpha is kept). Rows and columns outside the area are not drawn: a region
    // painted tile by tile gets the pixels one image of it would.
    void stroke(int x, double top, double bottom, const QColor& colour);

    // The area's pixels; draw them at area().topLeft().
    const QImage& image() const { return m_image; }
    const QRect& area() const { return m_area; }

private:
    QRect m_area;
    QImage m_image;
};

} // namespace stemcrate::ui
