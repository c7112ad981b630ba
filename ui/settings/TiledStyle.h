#pragma once
// TiledStyle: a style (Fusion, as Theme sets it) whose large scroll bars, tool bars, tab-widget frames,
// progress bars, header sections, group-box frames and push-button panels paint tile by tile, so that Qt
// never hands their translucent lines and gradient fills to its thread pool and makes the GUI thread wait.
//
// Qt 6.4's raster engine splits any blend of 96 spans or more into segments on QThreadPool::globalInstance()
// and waits for them (qdrawhelper.cpp, QT_THREAD_PARALLEL_FILLS). A fill or a vertical line gives one span
// per row, a mostly horizontal cosmetic line one per pixel (qcosmeticstroker.cpp), so Fusion's scroll bars
// (groove, slider), tool bars and tab frames, with translucent lines and gradients along their length, go to
// the pool once 96 pixels long; so do a wide progress bar (the model download's), a header section of 96
// pixels or more (the library table's), a tall group box (the export dialog's) and a large push button
// (tst_ui_tiled_style lists them). On a loaded machine that wait was 14-108 ms of the GUI thread
// (bench_gui_stall --stacks, BENCHMARKS.md). Painted through paintInDeviceTiles (views/PaintBands.h), every
// blend stays under Qt's threshold and the pixels are the base style's, unchanged (tested). Everything else
// is the base style's.
//
// Owner: QApplication::setStyle takes it; it owns its base style (QProxyStyle). Threads: GUI thread.

#include <QProxyStyle>

namespace stemcrate::ui {

class TiledStyle : public QProxyStyle
{
    Q_OBJECT

public:
    // Takes ownership of `base` (nullptr: the application's default style).
    explicit TiledStyle(QStyle* base);

    void drawComplexControl(ComplexControl control, const QStyleOptionComplex* option, QPainter* painter,
                            const QWidget* widget = nullptr) const override;
    void drawControl(ControlElement element, const QStyleOption* option, QPainter* painter,
                     const QWidget* widget = nullptr) const override;
    void drawPrimitive(PrimitiveElement element, const QStyleOption* option, QPainter* painter,
                       const QWidget* widget = nullptr) const override;
};

} // namespace stemcrate::ui
