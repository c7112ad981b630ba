// TiledStyle (ui/settings/TiledStyle.h): Fusion's long scroll bars, tool bars and tab-widget frames paint
// tile by tile (views/PaintBands.h, paintInDeviceTiles) with exactly Fusion's pixels, and without Qt's
// thread pool: they finish while every thread of the pool is held, where plain Fusion cannot.

#include "QtPoolHeld.h"
#include "settings/Theme.h"
#include "settings/TiledStyle.h"
#include "views/PaintBands.h"

#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QGroupBox>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPainter>
#include <QPixmapCache>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSlider>
#include <QSplitter>
#include <QStandardItemModel>
#include <QStyleFactory>
#include <QStyleOption>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QToolBar>

#include <functional>
#include <memory>

using namespace stemcrate::ui;
using stemcrate::ui::test::finishesWithThePoolHeld;

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

} // namespace

class TestTiledStyle : public QObject
{
    Q_OBJECT

    std::unique_ptr<QStyle> m_fusion;
    std::unique_ptr<QStyle> m_tiled;

private slots:
    void initTestCase()
    {
        Theme::apply(QStringLiteral("dark")); // the app's palette
        QVERIFY(qobject_cast<TiledStyle*>(QApplication::style()));
        m_fusion.reset(QStyleFactory::create(QStringLiteral("Fusion")));
        m_tiled = std::make_unique<TiledStyle>(QStyleFactory::create(QStringLiteral("Fusion")));
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
        const QImage fusion = paintWith(bar, m_fusion.get()), tiled = paintWith(bar, m_tiled.get());
        QVERIFY2(tiled == fusion, qPrintable(firstDifference(tiled, fusion)));
        // A partial repaint: rows across band edges, and a region of two rectangles.
        for (const QRegion& region :
             {QRegion(0, 30, 16, height / 2), QRegion(0, 5, 16, 40) + QRegion(3, 70, 9, 30)}) {
            const QImage partFusion = paintWith(bar, m_fusion.get(), region);
            const QImage partTiled = paintWith(bar, m_tiled.get(), region);
            QVERIFY2(partTiled == partFusion, qPrintable(firstDifference(partTiled, partFusion)));
        }
    }

    void horizontalScrollBarsAndTabFramesAndToolBarsKeepFusionsPixels()
    {
        QScrollBar horizontal(Qt::Horizontal);
        horizontal.setRange(0, 100);
        horizontal.setValue(40);
        horizontal.resize(517, 16);
        const QImage hTiled = paintWith(horizontal, m_tiled.get()),
                     hFusion = paintWith(horizontal, m_fusion.get());
        QVERIFY2(hTiled == hFusion, qPrintable(firstDifference(hTiled, hFusion)));
        const QRegion part(37, 2, 300, 11);
        const QImage pTiled = paintWith(horizontal, m_tiled.get(), part);
        const QImage pFusion = paintWith(horizontal, m_fusion.get(), part);
        QVERIFY2(pTiled == pFusion, qPrintable(firstDifference(pTiled, pFusion)));

        QTabWidget tabs;
        tabs.addTab(new QLabel(QStringLiteral("one")), QStringLiteral("One"));
        tabs.addTab(new QLabel(QStringLiteral("two")), QStringLiteral("Two"));
        tabs.resize(300, 420);
        const QImage tabsTiled = paintWith(tabs, m_tiled.get()), tabsFusion = paintWith(tabs, m_fusion.get());
        QVERIFY2(tabsTiled == tabsFusion, qPrintable(firstDifference(tabsTiled, tabsFusion)));

        for (const Qt::Orientation orientation : {Qt::Vertical, Qt::Horizontal}) {
            QToolBar bar;
            bar.setOrientation(orientation);
            bar.addAction(QStringLiteral("A"));
            bar.addAction(QStringLiteral("B"));
            bar.resize(orientation == Qt::Vertical ? QSize(40, 400) : QSize(811, 36));
            const QImage barTiled = paintWith(bar, m_tiled.get()), barFusion = paintWith(bar, m_fusion.get());
            QVERIFY2(barTiled == barFusion, qPrintable(firstDifference(barTiled, barFusion)));
        }
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
        // Wide ones too: a mostly horizontal line gives Qt one span per pixel.
        QScrollBar wideBar(Qt::Horizontal);
        wideBar.resize(600, 16);
        QToolBar wideToolBar;
        wideToolBar.addAction(QStringLiteral("A"));
        wideToolBar.resize(800, 36);
        const auto paintTall = [&](QStyle* style) {
            return [&, style] {
                paintWith(bar, style);
                paintWith(tabs, style);
                paintWith(toolBar, style);
            };
        };
        const auto paintWide = [&](QStyle* style) {
            return [&, style] {
                paintWith(wideBar, style);
                paintWith(wideToolBar, style);
            };
        };
        // Plain Fusion waits for the pool, for tall controls and for wide ones: what this test guards
        // against.
        QVERIFY(!finishesWithThePoolHeld(paintTall(m_fusion.get()), std::chrono::milliseconds(1500)));
        QVERIFY(!finishesWithThePoolHeld(paintWide(m_fusion.get()), std::chrono::milliseconds(1500)));
        QVERIFY(finishesWithThePoolHeld(paintTall(m_tiled.get()), std::chrono::seconds(60)));
        QVERIFY(finishesWithThePoolHeld(paintWide(m_tiled.get()), std::chrono::seconds(60)));
    }

    void otherLongControlsOfTheAppPaintWithoutQtsPool_data()
    {
        QTest::addColumn<QString>("control");
        for (const char* name : {"progress bar", "slider", "group box", "header", "splitter", "list view",
                                 "table view", "line edit", "push button", "combo box", "dock widget"})
            QTest::newRow(name) << QString::fromLatin1(name);
    }

    void otherLongControlsOfTheAppPaintWithoutQtsPool()
    {
        // The other Fusion controls the app shows (model banner's progress bar, lanes' gain sliders, the
        // export dialog's group boxes, the library table's header, frames of lists and tables, docks), made
        // long or tall: with the app's style none waits on Qt's pool.
        QFETCH(QString, control);
        std::unique_ptr<QWidget> widget;
        if (control == QLatin1String("progress bar")) {
            auto* bar = new QProgressBar;
            bar->setValue(63);
            bar->resize(1200, 24);
            widget.reset(bar);
        } else if (control == QLatin1String("slider")) {
            auto* slider = new QSlider(Qt::Horizontal);
            slider->resize(900, 24);
            widget.reset(slider);
        } else if (control == QLatin1String("group box")) {
            auto* box = new QGroupBox(QStringLiteral("Stems"));
            box->resize(400, 500);
            widget.reset(box);
        } else if (control == QLatin1String("header")) {
            auto* model = new QStandardItemModel(3, 4);
            auto* header = new QHeaderView(Qt::Horizontal);
            header->setModel(model);
            header->setDefaultSectionSize(300);
            header->resize(1200, 28);
            model->setParent(header);
            widget.reset(header);
        } else if (control == QLatin1String("splitter")) {
            auto* splitter = new QSplitter(Qt::Horizontal);
            splitter->addWidget(new QLabel(QStringLiteral("a")));
            splitter->addWidget(new QLabel(QStringLiteral("b")));
            splitter->resize(600, 700);
            widget.reset(splitter);
        } else if (control == QLatin1String("list view")) {
            auto* list = new QListView;
            list->resize(400, 700);
            widget.reset(list);
        } else if (control == QLatin1String("table view")) {
            auto* table = new QTableView;
            auto* model = new QStandardItemModel(40, 5, table);
            table->setModel(model);
            table->resize(900, 700);
            widget.reset(table);
        } else if (control == QLatin1String("line edit")) {
            auto* edit = new QLineEdit(QStringLiteral("search"));
            edit->resize(900, 28);
            widget.reset(edit);
        } else if (control == QLatin1String("push button")) {
            auto* button = new QPushButton(QStringLiteral("Find similar"));
            button->resize(900, 120);
            widget.reset(button);
        } else if (control == QLatin1String("combo box")) {
            auto* combo = new QComboBox;
            combo->addItem(QStringLiteral("Beat"));
            combo->resize(900, 30);
            widget.reset(combo);
        } else {
            auto* dock = new QDockWidget(QStringLiteral("Library"));
            dock->setWidget(new QLabel(QStringLiteral("content")));
            dock->resize(900, 600);
            widget.reset(dock);
        }
        const QImage fusion = paintWith(*widget, m_fusion.get()), tiled = paintWith(*widget, m_tiled.get());
        QVERIFY2(tiled == fusion, qPrintable(firstDifference(tiled, fusion)));
        // Fusion caches some elements (header sections, push-button panels) as pixmaps drawn with a painter
        // of their own the first time a size is painted: the paints above filled that cache, the app's first
        // paint finds it empty. Left: a push button taller than Qt's split threshold (96 rows; the app's are
        // one line tall) still waits on the pool with the cache empty, so its row keeps the cache filled.
        if (control != QLatin1String("push button"))
            QPixmapCache::clear();
        QVERIFY(finishesWithThePoolHeld([&] { paintWith(*widget, m_tiled.get()); }, std::chrono::seconds(3)));
    }

    void headerSectionsKeepFusionsPixels_data()
    {
        QTest::addColumn<bool>("standardPalette");
        QTest::newRow("app's palette") << false;
        QTest::newRow("Fusion's own palette") << true;
    }

    void headerSectionsKeepFusionsPixels()
    {
        // Header sections, which Fusion draws into cached pixmaps, drawn through each style with the cache
        // emptied first (each style draws them anew), in the states and sizes that change what Fusion draws.
        QFETCH(bool, standardPalette);
        const QPalette palette = standardPalette ? m_fusion->standardPalette() : QApplication::palette();
        const auto paint = [&](QStyle* style, const std::function<void(QStyle*, QPainter*)>& draw) {
            QPixmapCache::clear();
            QImage image(420, 160, QImage::Format_ARGB32_Premultiplied);
            image.fill(qRgba(20, 120, 40, 255));
            QPainter painter(&image);
            painter.translate(7, 3); // not at the image's origin
            draw(style, &painter);
            painter.end();
            return image;
        };
        const auto compare = [&](const std::function<void(QStyle*, QPainter*)>& draw, const QString& what) {
            const QImage fusion = paint(m_fusion.get(), draw), tiled = paint(m_tiled.get(), draw);
            QVERIFY2(tiled == fusion,
                     qPrintable(what + QStringLiteral(": ") + firstDifference(tiled, fusion)));
        };
        using State = QStyle::StateFlag;
        const QList<QStyleOptionHeader::SectionPosition> positions = {
            QStyleOptionHeader::Beginning, QStyleOptionHeader::Middle, QStyleOptionHeader::End,
            QStyleOptionHeader::OnlyOneSection};
        for (const QSize size : {QSize(24, 28), QSize(25, 28), QSize(45, 28), QSize(301, 28), QSize(400, 64)})
            for (const Qt::Orientation orientation : {Qt::Horizontal, Qt::Vertical})
                for (const QStyleOptionHeader::SectionPosition position : positions)
                    for (const bool dragTarget : {false, true}) {
                        QStyleOptionHeaderV2 option;
                        option.rect = QRect(QPoint(2, 5), size);
                        option.state = State::State_Enabled | State::State_Raised;
                        option.orientation = orientation;
                        option.position = position;
                        option.isSectionDragTarget = dragTarget;
                        option.palette = palette;
                        compare(
                            [&](QStyle* style, QPainter* painter) {
                                style->drawControl(QStyle::CE_HeaderSection, &option, painter);
                            },
                            QStringLiteral("header section %1x%2 orientation %3 position %4 drag target %5")
                                .arg(size.width())
                                .arg(size.height())
                                .arg(int(orientation))
                                .arg(int(position))
                                .arg(dragTarget));
                    }
    }

    void headerSectionsPaintWithoutQtsPool()
    {
        // With an empty cache, Fusion draws a wide header section with Qt's pool: what the test above guards
        // against.
        auto* model = new QStandardItemModel(3, 4);
        QHeaderView header(Qt::Horizontal);
        header.setModel(model);
        model->setParent(&header);
        header.setDefaultSectionSize(300);
        header.resize(1200, 28);
        QPixmapCache::clear();
        QVERIFY(!finishesWithThePoolHeld([&] { paintWith(header, m_fusion.get()); },
                                         std::chrono::milliseconds(1500)));
        QPixmapCache::clear();
        QVERIFY(finishesWithThePoolHeld([&] { paintWith(header, m_tiled.get()); }, std::chrono::seconds(60)));
    }

    void paintsDirectlyWhereTilesCannotBeUsed()
    {
        // A scaled painter (a device pixel ratio of 2, a zoom) is left to the caller, which paints directly.
        QImage image(300, 400, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::black);
        QPainter painter(&image);
        int tiles = 0;
        const auto count = [&](QPainter&) { ++tiles; };
        painter.scale(2, 2);
        QVERIFY(!paintInDeviceTiles(painter, QRect(0, 0, 16, 150), count));
        painter.resetTransform();
        QVERIFY(
            !paintInDeviceTiles(painter, QRect(0, 0, 16, kDeviceTileSide), count)); // one tile: not needed
        QCOMPARE(tiles, 0);
        painter.translate(5, 10);
        QVERIFY(paintInDeviceTiles(painter, QRect(0, 0, 16, 100), count));
        QCOMPARE(tiles, (100 + kDeviceTileSide - 1) / kDeviceTileSide);
        tiles = 0;
        QVERIFY(paintInDeviceTiles(painter, QRect(0, 0, 100, 30), count));
        QCOMPARE(tiles, 5 * 2);
    }
};

QTEST_MAIN(TestTiledStyle)
#include "tst_ui_tiled_style.moc"
