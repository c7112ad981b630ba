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
#include <QRect>
#include <QRectF>

#include <functional>

namespace stemcrate::ui {

// Device rows per band, under Qt's threshold for splitting a blend (96 spans).
constexpr int kMaxBandRows = 64;

void fillRectInBands(QPainter& painter, const QRectF& rect, const QBrush& brush);

// As QPainter::drawImage(target, image, source); the source band follows the target band.
void drawImageInBands(QPainter& painter, const QRectF& target, const QImage& image, const QRectF& source);

// Device rows per band of paintInDeviceBands. Qt's raster engine gives one span per row and vertical line
// of one stroke or fill, so a band of 24 rows keeps a call with up to three vertical lines under 96 spans.
constexpr int kDeviceBandRows = 24;

// Paints a control that somebody else draws (a QStyle's scroll bar, frame, tool bar) band by band: `paint`
// is called once per band of kDeviceBandRows device rows of `rect`, with a painter on a QImage that views
// those rows of the painter's own raster image (no copy) and carries its transform, clip, pen, brush, font
// and hints. The band's bounds clip like the widget's exposed region does, so a style's own clip (which
// replaces the painter's clip, as Fusion's scroll-bar groove does) cannot escape the band, and each pixel
// is painted exactly once, by the same raster code: the pixels are those of one direct call (tested).
// Returns false, having painted nothing, where that cannot be done (not a raster image, a transform
// other than an integer translation, a device pixel ratio other than 1) or is not needed (rect at most one
// band high); the caller then paints directly. What `paint` draws outside `rect`'s rows is lost.
bool paintInDeviceBands(QPainter& painter, const QRect& rect, const std::function<void(QPainter&)>& paint);

} // namespace stemcrate::ui
