// The whole main window, as it is built (menu bar, tool bar, docks and their tab pages, status bar), paints
// on the GUI thread alone: it finishes while every thread of Qt's pool is held. Qt 6.4 hands long blends to
// that pool and makes the GUI thread wait (ui/views/PaintBands.h); TiledStyle (ui/settings/TiledStyle.h)
// keeps Fusion's long controls off it. A control that still needs the pool is named in the failure.

#include "MainWindow.h"
#include "QtPoolHeld.h"
#include "settings/Theme.h"

#include <QApplication>
#include <QImage>
#include <QPalette>
#include <QStandardPaths>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTest>

#include <chrono>
#include <memory>

using namespace stemcrate::ui;
using stemcrate::ui::test::finishesWithThePoolHeld;

namespace {

constexpr auto kPatience = std::chrono::milliseconds(1500);

// Every visible widget of `window` whose own paint (children not included) needs Qt's pool.
QStringList widgetsNeedingThePool(QWidget& window)
{
    QStringList names;
    for (QWidget* widget : window.findChildren<QWidget*>()) {
        if (!widget->isVisible() || widget->isWindow() || widget->size().isEmpty())
            continue;
        QImage image(widget->size(), QImage::Format_ARGB32_Premultiplied);
        const auto paint = [&] { widget->render(&image, QPoint(), QRegion(), QWidget::DrawWindowBackground); };
        if (!finishesWithThePoolHeld(paint, kPatience))
            names << QStringLiteral("%1 \"%2\" %3x%4")
                         .arg(QLatin1String(widget->metaObject()->className()), widget->objectName())
                         .arg(widget->width())
                         .arg(widget->height());
    }
    return names;
}

// Paints the window once per page of each of its tab widgets (hidden pages are not painted); false at the
// first paint that needed Qt's pool.
bool everyPagePaintsWithThePoolHeld(QWidget& window, QString* where)
{
    const auto grab = [&] { window.grab(); };
    if (!finishesWithThePoolHeld(grab, kPatience)) {
        *where = QStringLiteral("as shown");
        return false;
    }
    for (QTabWidget* tabs : window.findChildren<QTabWidget*>()) {
        if (!tabs->isVisible())
            continue;
        const int shown = tabs->currentIndex();
        for (int page = 0; page < tabs->count(); ++page) {
            tabs->setCurrentIndex(page);
            if (!finishesWithThePoolHeld(grab, kPatience)) {
                *where = QStringLiteral("%1, page %2").arg(tabs->objectName(), tabs->tabText(page));
                tabs->setCurrentIndex(shown);
                return false;
            }
        }
        tabs->setCurrentIndex(shown);
    }
    return true;
}

} // namespace

class TestWindowPaint : public QObject
{
    Q_OBJECT

    std::unique_ptr<MainWindow> m_window;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_window = std::make_unique<MainWindow>();
        m_window->resize(1280, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanupTestCase() { m_window.reset(); }

    void plainFusionWindowNeedsThePool()
    {
        // What the next test guards against: with plain Fusion the same window waits on Qt's pool (its tool
        // bar and frames are long enough).
        const QPalette palette = QApplication::palette();
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(palette);
        QString where;
        const bool finished = everyPagePaintsWithThePoolHeld(*m_window, &where);
        Theme::apply(QStringLiteral("dark"));
        QVERIFY(!finished);
    }

    void windowPaintsWithoutQtsPool()
    {
        Theme::apply(QStringLiteral("dark")); // the app's style: TiledStyle over Fusion
        QString where;
        const bool finished = everyPagePaintsWithThePoolHeld(*m_window, &where);
        QVERIFY2(finished, qPrintable(QStringLiteral("%1 needed Qt's pool: %2")
                                          .arg(where, widgetsNeedingThePool(*m_window).join(QStringLiteral(", ")))));
    }
};

QTEST_MAIN(TestWindowPaint)
#include "tst_ui_window_paint.moc"
