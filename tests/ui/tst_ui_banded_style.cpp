// BandedStyle (ui/settings/BandedStyle.h): Fusion's tall scroll bars, tab-widget frames and vertical tool
// bars paint band by band (views/PaintBands.h, paintInDeviceBands) with exactly Fusion's pixels, and without
// Qt's thread pool: they finish while every thread of the pool is held, where plain Fusion cannot.

#include "settings/BandedStyle.h"
#include "settings/Theme.h"
#include "views/PaintBands.h"

#include <QApplication>
#include <QImage>
#include <QLabel>
#include <QPainter>
#include <QScrollBar>
#include <QSemaphore>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTest>
#include <QThreadPool>
#include <QToolBar>

#include <atomic>
#include <functional>
#include <memory>
#include <thread>

using namespace stemcrate::ui;

namespace {

// The first differing pixel, for the failure message.
QString firstDifference(const QImage& a, const QImage& b)
{
    if (a.size() != b.size() || a.format() != b.format())
        return QStringLiteral("size or format differs");
    int count = 0;
    QString first;
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width(); ++x)
            if (a.pixel(x, y) != b.pixel(x, y)) {
                if (count++ == 0)
                    first = QStringLiteral("(%1, %2): %3 vs %4")
                                .arg(x)
                                .arg(y)
                                .arg(a.pixel(x, y), 8, 16)
                                .arg(b.pixel(x, y), 8, 16);
            }
    return QStringLiteral("%1 pixels differ, first at %2").arg(count).arg(first);
}

// The widget as `style` paints it: the whole widget (grab), and only a region of it (render with a
// region: the exposed region becomes the painter's system clip, as in a partial repaint).
QImage paintWith(QWidget& widget, QStyle* style, const QRegion& region = {})
{
    widget.setStyle(style);
    if (region.isEmpty())
        return widget.grab().toImage();
    QImage image(widget.size(), QImage::Format_ARGB32_Premultiplied);
    image.fill(qRgba(20, 120, 40, 255));
    widget.render(&image, QPoint(), region);
    return image;
}

// Whether `paint` (on this, the GUI thread) finished while every thread of Qt's pool was held. A watchdog
// lets the pool go after `patience`, so a paint that needs the pool finishes late instead of hanging.
bool finishesWithThePoolHeld(const std::function<void()>& paint, std::chrono::milliseconds patience)
{
    QThreadPool* pool = QThreadPool::globalInstance();
    QSemaphore held, gate;
    for (int i = 0; i < pool->maxThreadCount(); ++i)
        pool->start([&] {
            held.release();
            gate.acquire();
        });
    if (!held.tryAcquire(pool->maxThreadCount(), 60000))
        return false;
    std::atomic<bool> letGo{false};
    QSemaphore painted;
    std::thread watchdog([&] {
        if (!painted.tryAcquire(1, int(patience.count()))) {
            letGo = true;
            gate.release(pool->maxThreadCount());
        }
    });
    paint();
    const bool finishedFirst = !letGo;
    painted.release();
    watchdog.join();
    if (finishedFirst)
        gate.release(pool->maxThreadCount());
    pool->waitForDone();
    return finishedFirst;
}

} // namespace

class TestBandedStyle : public QObject
{
    Q_OBJECT

    std::unique_ptr<QStyle> m_fusion;
    std::unique_ptr<QStyle> m_banded;

private slots:
    void initTestCase()
    {
        Theme::apply(QStringLiteral("dark")); // the app's palette
        QVERIFY(qobject_cast<BandedStyle*>(QApplication::style()));
        m_fusion.reset(QStyleFactory::create(QStringLiteral("Fusion")));
        m_banded = std::make_unique<BandedStyle>(QStyleFactory::create(QStringLiteral("Fusion")));
    }

    void scrollBarsKeepFusionsPixels_data()
    {
        QTest::addColumn<int>("height");
        QTest::addColumn<int>("value");
        QTest::addColumn<bool>("sunken");
        QTest::addColumn<bool>("enabled");
        QTest::newRow("short, one band") << 20 << 0 << false << true;
        QTest::newRow("97 rows") << 97 << 10 << false << true;
        QTest::newRow("400 rows, top") << 400 << 0 << false << true;
        QTest::newRow("400 rows, middle") << 400 << 437 << false << true;
        QTest::newRow("613 rows, end, pressed") << 613 << 1000 << true << true;
        QTest::newRow("613 rows, disabled") << 613 << 333 << false << false;
    }

    void scrollBarsKeepFusionsPixels()
    {
        QFETCH(int, height);
        QFETCH(int, value);
        QFETCH(bool, sunken);
        QFETCH(bool, enabled);
        QScrollBar bar(Qt::Vertical);
        bar.setRange(0, 1000);
        bar.setPageStep(height * 2);
        bar.setValue(value);
        bar.setSliderDown(sunken);
        bar.setEnabled(enabled);
        bar.resize(16, height);
        const QImage fusion = paintWith(bar, m_fusion.get()), banded = paintWith(bar, m_banded.get());
        QVERIFY2(banded == fusion, qPrintable(firstDifference(banded, fusion)));
        // A partial repaint: rows across band edges, and a region of two rectangles.
        for (const QRegion& region : {QRegion(0, 30, 16, height / 2), QRegion(0, 5, 16, 40) + QRegion(3, 70, 9, 30)}) {
            const QImage partFusion = paintWith(bar, m_fusion.get(), region);
            const QImage partBanded = paintWith(bar, m_banded.get(), region);
            QVERIFY2(partBanded == partFusion, qPrintable(firstDifference(partBanded, partFusion)));
        }
    }

    void horizontalScrollBarsAndTabFramesAndToolBarsKeepFusionsPixels()
    {
        QScrollBar horizontal(Qt::Horizontal);
        horizontal.setRange(0, 100);
        horizontal.setValue(40);
        horizontal.resize(500, 16);
        QCOMPARE(paintWith(horizontal, m_banded.get()), paintWith(horizontal, m_fusion.get()));

        QTabWidget tabs;
        tabs.addTab(new QLabel(QStringLiteral("one")), QStringLiteral("One"));
        tabs.addTab(new QLabel(QStringLiteral("two")), QStringLiteral("Two"));
        tabs.resize(300, 420);
        const QImage tabsBanded = paintWith(tabs, m_banded.get()), tabsFusion = paintWith(tabs, m_fusion.get());
        QVERIFY2(tabsBanded == tabsFusion, qPrintable(firstDifference(tabsBanded, tabsFusion)));

        QToolBar bar;
        bar.setOrientation(Qt::Vertical);
        bar.addAction(QStringLiteral("A"));
        bar.addAction(QStringLiteral("B"));
        bar.resize(40, 400);
        const QImage barBanded = paintWith(bar, m_banded.get()), barFusion = paintWith(bar, m_fusion.get());
        QVERIFY2(barBanded == barFusion, qPrintable(firstDifference(barBanded, barFusion)));
    }

    void tallControlsPaintWithoutQtsPool()
    {
        QScrollBar bar(Qt::Vertical);
        bar.setRange(0, 1000);
        bar.setPageStep(500);
        bar.resize(16, 600);
        QTabWidget tabs;
        tabs.addTab(new QLabel(QStringLiteral("one")), QStringLiteral("One"));
        tabs.resize(300, 420);
        QToolBar toolBar;
        toolBar.setOrientation(Qt::Vertical);
        toolBar.addAction(QStringLiteral("A"));
        toolBar.resize(40, 400);
        const auto paintAll = [&](QStyle* style) {
            return [&, style] {
                paintWith(bar, style);
                paintWith(tabs, style);
                paintWith(toolBar, style);
            };
        };
        // Plain Fusion waits for the pool (the scroll bar's groove alone does): what this test guards against.
        QVERIFY(!finishesWithThePoolHeld(paintAll(m_fusion.get()), std::chrono::milliseconds(1500)));
        QVERIFY(finishesWithThePoolHeld(paintAll(m_banded.get()), std::chrono::seconds(60)));
    }

    void paintsDirectlyWhereBandsCannotBeUsed()
    {
        // A scaled painter (a device pixel ratio of 2, a zoom) is left to the caller, which paints directly.
        QImage image(100, 400, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::black);
        QPainter painter(&image);
        int bands = 0;
        const auto count = [&](QPainter&) { ++bands; };
        painter.scale(2, 2);
        QVERIFY(!paintInDeviceBands(painter, QRect(0, 0, 16, 150), count));
        painter.resetTransform();
        QVERIFY(!paintInDeviceBands(painter, QRect(0, 0, 16, kDeviceBandRows), count)); // one band: not needed
        QCOMPARE(bands, 0);
        painter.translate(0, 10);
        QVERIFY(paintInDeviceBands(painter, QRect(0, 0, 16, 100), count));
        QCOMPARE(bands, (100 + kDeviceBandRows - 1) / kDeviceBandRows);
    }
};

QTEST_MAIN(TestBandedStyle)
#include "tst_ui_banded_style.moc"
