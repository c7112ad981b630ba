#pragma once
// PaintBands: blended fills and image draws, in horizontal bands small enough that Qt paints them on the
// calling thread.
//
// Qt 6 (6.4 measured) hands a blend of 96 or more spans (rows) to its global thread pool in segments of
// about 64 rows and makes the painting thread wait on a semaphore until all are done: a translucent or
// patterned fill, or a smoothly scaled image, of 96 rows or more, however narrow (a 20x96 hatch fill is
// split, a 3000x95 one is not). On the GUI thread that wait is a stall as long as those threads' wait for a
// core: on a loaded 2-core machine it was the longest own stall of the GUI thread (bench_gui_stall,
// BENCHMARKS.md). Opaque solid fills are not split and need no bands. Bands are seamless: pattern brushes
// follow the painter's brush origin, and an image band draws the matching band of its source.
//
// Threads: whichever thread owns the painter (the GUI thread for widgets). Units: the painter's coordinates.

#include <QBrush>
#include <QImage>
#include <QPainter>
#include <QRectF>

namespace stemcrate::ui {

// Device rows per band, under Qt's threshold for splitting a blend (96 spans).
constexpr int kMaxBandRows = 64;

void fillRectInBands(QPainter& painter, const QRectF& rect, const QBrush& brush);

// As QPainter::drawImage(target, image, source); the source band follows the target band.
void drawImageInBands(QPainter& painter, const QRectF& target, const QImage& image, const QRectF& source);

} // namespace stemcrate::ui
