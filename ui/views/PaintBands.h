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

// Device pixels per side of a tile of paintInDeviceTiles. Qt's raster engine gives one span per row of a
// vertical line or a fill, and one per pixel of a mostly horizontal line: a stroked rectangle inside a tile
// of 23 x 23 gives at most 92 spans, under the 96 at which Qt splits.
constexpr int kDeviceTileSide = 23;

// Paints a control that somebody else draws (a QStyle's scroll bar, tool bar, frame) tile by tile: `paint`
// is called once per tile of at most kDeviceTileSide x kDeviceTileSide device pixels of `rect`, with a
// painter on a QImage that views the painter's own raster image (the same pixels and size, no copy) and
// carries its transform, clip, pen, brush, font and hints. The tile is that image's system clip, as the
// widget's exposed region is in a direct paint: a style's own clip, which replaces the painter's clip (as
// Fusion's scroll-bar groove does), cannot leave it, so each pixel is painted once, by the same raster code
// against the same device bounds, and the pixels are those of one direct call (tested for Fusion). Returns
// false, having painted nothing, where that cannot be done (not a raster image, a transform other than a
// translation, a device pixel ratio other than 1) or is not needed (rect within one tile); the caller then
// paints directly. What `paint` draws outside `rect` is lost.
bool paintInDeviceTiles(QPainter& painter, const QRect& rect, const std::function<void(QPainter&)>& paint);

} // namespace stemcrate::ui
