#pragma once
// BandedStyle: a style (Fusion, as Theme sets it) whose tall controls paint band by band, so that Qt never
// hands their translucent lines and gradient fills to its thread pool and makes the GUI thread wait.
//
// Qt 6.4's raster engine splits any blend of 96 spans (rows) or more into segments on
// QThreadPool::globalInstance() and waits for them (qdrawhelper.cpp, QT_THREAD_PARALLEL_FILLS). Fusion draws
// a vertical scroll bar's groove and slider, a tab widget's frame and a vertical tool bar with translucent
// lines and gradients their whole height; on a loaded machine that wait was 14-108 ms of the GUI thread
// (bench_gui_stall --stacks, BENCHMARKS.md). Painted through paintInDeviceBands (views/PaintBands.h), every
// blend stays under Qt's threshold and the pixels are the base style's, unchanged (tested). Everything else
// is the base style's.
//
// Owner: QApplication::setStyle takes it; it owns its base style (QProxyStyle). Threads: GUI thread.

#include <QProxyStyle>

namespace stemcrate::ui {

class BandedStyle : public QProxyStyle
{
    Q_OBJECT

public:
    // Takes ownership of `base` (nullptr: the application's default style).
    explicit BandedStyle(QStyle* base);

    void drawComplexControl(ComplexControl control, const QStyleOptionComplex* option, QPainter* painter,
                            const QWidget* widget = nullptr) const override;
    void drawControl(ControlElement element, const QStyleOption* option, QPainter* painter,
                     const QWidget* widget = nullptr) const override;
    void drawPrimitive(PrimitiveElement element, const QStyleOption* option, QPainter* painter,
                       const QWidget* widget = nullptr) const override;
};

} // namespace stemcrate::ui
