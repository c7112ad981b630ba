#pragma once
// ColumnStrokes: one-pixel vertical strokes written straight into an image, for a waveform's columns.
//
// QPainter::drawLines of two thousand vertical lines per lane went through the raster engine's line path
// and was most of the GUI thread's CPU at a song switch (20 ms for five lanes on a loaded machine,
// bench_gui_stall --stacks). Writing the pixels costs one store per covered pixel; the image is then drawn
// unscaled, a plain blend that Qt keeps on the painting thread.
//
// Threads: any one thread at a time (owner's). Units: pixels of the image; rows grow downwards.

#include <QColor>
#include <QImage>
#include <QSize>

namespace stemcrate::ui {

class ColumnStrokes
{
public:
    explicit ColumnStrokes(QSize size); // transparent

    // Paints column `x`, rows floor(top) to floor(bottom) inclusive, clamped to the image, in `colour`
    // (replacing what is there, premultiplied; the colour's alpha is kept). Out-of-range columns are ignored.
    void stroke(int x, double top, double bottom, const QColor& colour);

    const QImage& image() const { return m_image; }

private:
    QImage m_image;
};

} // namespace stemcrate::ui
