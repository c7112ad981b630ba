// The main window's painting on the GUI thread (issue 16, the GUI thread never waits):
// - The whole window, as it is built (menu bar, tool bar, docks and their tab pages, status bar), paints on
//   the GUI thread alone: it finishes while every thread of Qt's pool is held. Qt 6.4 hands long blends to
//   that pool and makes the GUI thread wait (ui/views/PaintBands.h); TiledStyle (ui/settings/TiledStyle.h)
//   keeps Fusion's long controls off it. A control that still needs the pool is named in the failure.
// - Its first paint is spread over turns (StagedReveal): the held-back parts paint one per sync after the
//   window's own first paint, and the finished window has every pixel a full paint gives.
// - Its backing store's pages are mapped before the first paint (BackingStorePrefault), and filled with the
//   window's background, which the first paint then does not fill again (unless the colour changed).
// - Work that may wait a frame (NextFrame: a song switch's side panels) runs in the turn after the window's
//   next sync, once per key with the newest work, never for a key that is gone, at once where the window is
//   not visible, and without a sync after the fallback.

#include "BackingStorePrefault.h"
#include "MainWindow.h"
#include "NextFrame.h"
#include "QtPoolHeld.h"
#include "StagedReveal.h"
#include "settings/Theme.h"

#include <QApplication>
#include <QBackingStore>
#include <QDockWidget>
#include <QImage>
#include <QLabel>
#include <QMainWindow>
#include <QPalette>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTest>
#include <QToolBar>

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>

#ifdef Q_OS_LINUX
#include <sys/mman.h>
#endif

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
        const auto paint = [&] {
            widget->render(&image, QPoint(), QRegion(), QWidget::DrawWindowBackground);
        };
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

// A label that remembers the window sync (counted by SyncCounter) in which it was first painted.
class PartLabel : public QLabel
{
public:
    PartLabel(const QString& text, const int& sync) : QLabel(text), m_sync(sync) {}
    int firstPaintSync = -1;
    bool updatesWereEnabledAtTheWindowsFirstPaint = false;

protected:
    void paintEvent(QPaintEvent* event) override
    {
        if (firstPaintSync < 0)
            firstPaintSync = m_sync;
        QLabel::paintEvent(event);
    }

private:
    const int& m_sync;
};

// A label that counts its paints.
class CountingLabel : public QLabel
{
public:
    using QLabel::QLabel;
    int paints = 0;

protected:
    void paintEvent(QPaintEvent* event) override
    {
        ++paints;
        QLabel::paintEvent(event);
    }
};

// Counts the window's syncs: its first paint (expose) and every UpdateRequest after it.
class SyncCounter : public QObject
{
public:
    explicit SyncCounter(QWidget& window) : m_window(window) { window.installEventFilter(this); }
    int sync = 0;
    std::function<void()> atFirstPaint;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (watched != &m_window)
            return false;
        if (event->type() == QEvent::Paint && !m_painted) {
            m_painted = true;
            ++sync;
            if (atFirstPaint)
                atFirstPaint();
        } else if (event->type() == QEvent::UpdateRequest && m_painted) {
            ++sync;
        }
        return false;
    }

private:
    QWidget& m_window;
    bool m_painted = false;
};

// The window's backing store as an image (the pixels its syncs painted).
QImage storedPixels(QWidget& window)
{
    QPaintDevice* device = window.backingStore() ? window.backingStore()->paintDevice() : nullptr;
    if (!device || device->devType() != QInternal::Image)
        return {};
    return static_cast<QImage*>(device)->copy();
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
        // Parts held back by StagedReveal are skipped by a paint: the window is tested once all are released.
        auto* reveal = m_window->findChild<StagedReveal*>();
        QVERIFY(reveal);
        QTRY_COMPARE_WITH_TIMEOUT(reveal->heldBack(), 0, 30000);
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
        QVERIFY2(finished,
                 qPrintable(QStringLiteral("%1 needed Qt's pool: %2")
                                .arg(where, widgetsNeedingThePool(*m_window).join(QStringLiteral(", ")))));
    }

    void mainWindowRevealsItsPartsAndEndsWhole()
    {
        // The window of initTestCase was shown and its parts released (there): each has its updates back,
        // and what the syncs painted is what a full paint of the window gives.
        QVERIFY(m_window->statusBar()->updatesEnabled());
        for (QDockWidget* dock : m_window->findChildren<QDockWidget*>())
            QVERIFY2(dock->updatesEnabled(), qPrintable(dock->objectName()));
        QTest::qWait(50);
        const QImage stored = storedPixels(*m_window);
        QVERIFY(!stored.isNull());
        QCOMPARE(stored.size(), m_window->size());
        QCOMPARE(stored.convertToFormat(QImage::Format_RGB32),
                 m_window->grab().toImage().convertToFormat(QImage::Format_RGB32));
    }

    void partsPaintOnePerSyncAfterTheWindow()
    {
        QMainWindow window;
        window.resize(600, 400);
        SyncCounter counter(window);
        auto* central = new PartLabel(QStringLiteral("central"), counter.sync);
        window.setCentralWidget(central);
        QList<PartLabel*> parts;
        QList<QWidget*> held;
        for (const QString& name :
             {QStringLiteral("left"), QStringLiteral("right"), QStringLiteral("bottom")}) {
            auto* dock = new QDockWidget(name, &window);
            auto* label = new PartLabel(name, counter.sync);
            dock->setWidget(label);
            window.addDockWidget(name == QLatin1String("left")    ? Qt::LeftDockWidgetArea
                                 : name == QLatin1String("right") ? Qt::RightDockWidgetArea
                                                                  : Qt::BottomDockWidgetArea,
                                 dock);
            parts << label;
            held << dock;
        }
        auto* reveal = new StagedReveal(window, held);
        QCOMPARE(reveal->heldBack(), 3);
        QSignalSpy finished(reveal, &StagedReveal::finished);
        bool heldAtFirstPaint = true;
        counter.atFirstPaint = [&] {
            for (QWidget* dock : held)
                heldAtFirstPaint = heldAtFirstPaint && !dock->updatesEnabled();
        };
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(finished.wait(30000) || finished.count() == 1);
        QTest::qWait(50);
        QVERIFY(heldAtFirstPaint);
        QCOMPARE(central->firstPaintSync, 1); // the window's own first paint
        int last = central->firstPaintSync;
        for (PartLabel* part : parts) {
            QVERIFY2(part->firstPaintSync > last, qPrintable(part->text())); // later, one sync each, in order
            last = part->firstPaintSync;
        }
        QCOMPARE(storedPixels(window).convertToFormat(QImage::Format_RGB32),
                 window.grab().toImage().convertToFormat(QImage::Format_RGB32));
    }

    void partsAreReleasedWhereTheWindowIsNeverExposed()
    {
        // No expose, no paint: the parts are released anyway (after StagedReveal::kFallbackMs each), so none
        // stays with its updates disabled.
        QWidget window;
        window.setAttribute(Qt::WA_DontShowOnScreen);
        window.resize(300, 200);
        auto* a = new QLabel(QStringLiteral("a"), &window);
        auto* b = new QLabel(QStringLiteral("b"), &window);
        auto* reveal = new StagedReveal(window, {a, b});
        QSignalSpy finished(reveal, &StagedReveal::finished);
        QVERIFY(!a->updatesEnabled() && !b->updatesEnabled());
        window.show();
        QVERIFY(finished.wait(30000) || finished.count() == 1);
        QVERIFY(a->updatesEnabled() && b->updatesEnabled());
        QCOMPARE(reveal->heldBack(), 0);
    }

    void nextFrameRunsWorkInTheTurnAfterTheSync()
    {
        QWidget window;
        window.resize(300, 200);
        auto* label = new CountingLabel(QStringLiteral("before"), &window);
        label->resize(200, 40);
        SyncCounter counter(window);
        auto* frame = new NextFrame(window);
        int hidden = 0;
        QObject key, other;
        frame->post(&key, [&hidden] { ++hidden; });
        QCOMPARE(hidden, 1); // not visible: at once
        QCOMPARE(frame->pending(), 0);

        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY(counter.sync >= 1 && label->paints >= 1);
        QTest::qWait(50);
        // A change that dirties the label (as a switch dirties the timeline), then side work for two keys,
        // the first posted twice: only its newest work runs.
        const int syncBefore = counter.sync, paintsBefore = label->paints;
        label->setText(QStringLiteral("after"));
        int replaced = 0, newest = 0, second = 0, syncAtRun = -1, paintsAtRun = -1;
        frame->post(&key, [&replaced] { ++replaced; });
        frame->post(&key, [&] {
            ++newest;
            syncAtRun = counter.sync;
            paintsAtRun = label->paints;
        });
        frame->post(&other, [&second] { ++second; });
        QCOMPARE(frame->pending(), 2);
        QCOMPARE(newest + second, 0); // not inside post()
        QTRY_COMPARE_WITH_TIMEOUT(frame->pending(), 0, 30000);
        QCOMPARE(replaced, 0);
        QCOMPARE(newest, 1);
        QCOMPARE(second, 1);
        QCOMPARE(syncAtRun, syncBefore + 1); // after the sync that painted the change
        QVERIFY(paintsAtRun > paintsBefore); // the label's pixels went out first: not inside that sync

        // Work of a key that is gone does not run.
        auto* gone = new QObject;
        int ranGone = 0;
        frame->post(gone, [&ranGone] { ++ranGone; });
        delete gone;
        label->setText(QStringLiteral("again"));
        QTRY_COMPARE_WITH_TIMEOUT(frame->pending(), 0, 30000);
        QCOMPARE(ranGone, 0);

        // Nothing dirty, so no sync: the work runs anyway (NextFrame::kFallbackMs).
        QTest::qWait(50);
        const int syncs = counter.sync;
        int fallback = 0;
        frame->post(&key, [&fallback] { ++fallback; });
        QTRY_COMPARE_WITH_TIMEOUT(fallback, 1, 30000);
        QCOMPARE(counter.sync, syncs);
    }

    void backingStorePagesAreMappedBeforeTheFirstPaint()
    {
        // The mechanism: fresh memory's pages are not mapped until touched; populate() maps them all without
        // changing a byte. (A fresh mapping, not a QImage: malloc may hand out memory touched before.)
#ifdef Q_OS_LINUX
        constexpr size_t kBytes = 1280 * 800 * 4;
        void* fresh = mmap(nullptr, kBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        QVERIFY(fresh != MAP_FAILED);
        const long pages = long((kBytes + 4095) / 4096);
        QCOMPARE(BackingStorePrefault::residentPages(fresh, kBytes), 0L);
        QVERIFY(BackingStorePrefault::populate(fresh, kBytes));
        QCOMPARE(BackingStorePrefault::residentPages(fresh, kBytes), pages);
        QCOMPARE(static_cast<const unsigned char*>(fresh)[kBytes / 2], 0); // no byte changed
        munmap(fresh, kBytes);
#else
        QSKIP("madvise and mincore: Linux only");
#endif

        // On a window: its store has the window's size before it is shown, and every page of it is mapped.
        QWidget window;
        window.resize(900, 700);
        auto* prefault = new BackingStorePrefault(window);
        QTRY_VERIFY_WITH_TIMEOUT(prefault->mapped(), 30000);
        QBackingStore* store = window.backingStore();
        QVERIFY(store);
        QCOMPARE(store->size(), window.size());
        const auto* stored = static_cast<const QImage*>(store->paintDevice());
        QVERIFY(BackingStorePrefault::residentPages(stored->constBits(), size_t(stored->sizeInBytes())) >=
                (stored->sizeInBytes() + 4095) / 4096);
        // And the first paint still paints the whole window (the store was sized ahead of Qt).
        auto* label = new QLabel(QStringLiteral("painted"), &window);
        label->move(40, 40);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::qWait(50);
        QCOMPARE(storedPixels(window).convertToFormat(QImage::Format_RGB32),
                 window.grab().toImage().convertToFormat(QImage::Format_RGB32));
    }

    void firstPaintUsesThePrefilledBackground()
    {
        QWidget window;
        QPalette palette = window.palette();
        palette.setColor(QPalette::Window, QColor(0x21, 0x43, 0x65));
        window.setPalette(palette);
        window.resize(500, 300);
        auto* label = new QLabel(QStringLiteral("painted"), &window);
        label->move(40, 40);
        auto* prefault = new BackingStorePrefault(window);
        prefault->prefillBackground();
        QVERIFY(prefault->prefilled());
        QVERIFY(window.testAttribute(Qt::WA_OpaquePaintEvent)); // Qt does not fill it in the first paint
        QBackingStore* store = window.backingStore();
        QVERIFY(store);
        auto* image = static_cast<QImage*>(store->paintDevice());
        for (const QPoint at : {QPoint(0, 0), QPoint(499, 299), QPoint(250, 150)})
            QCOMPARE(image->pixel(at), qRgb(0x21, 0x43, 0x65));
        // A marker where only the window's background paints: the first paint leaves it (nothing filled the
        // background again), so it shows that the prefilled pixels were used.
        const QPoint marker(450, 250);
        const uchar* before = image->constBits();
        reinterpret_cast<QRgb*>(image->bits() + marker.y() * image->bytesPerLine())[marker.x()] =
            qRgb(255, 0, 0);
        QCOMPARE(image->constBits(), before); // the store's own pixels, not a copy
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::qWait(50);
        QCOMPARE(storedPixels(window).pixel(marker), qRgb(255, 0, 0));
        QCOMPARE(storedPixels(window).pixel(label->geometry().center().x(), 2), qRgb(0x21, 0x43, 0x65));
        // Handed back to Qt after the first paint: the next full paint fills the background again.
        QVERIFY(!window.testAttribute(Qt::WA_OpaquePaintEvent));
        window.update();
        QTest::qWait(50);
        QCOMPARE(storedPixels(window).convertToFormat(QImage::Format_RGB32),
                 window.grab().toImage().convertToFormat(QImage::Format_RGB32));
    }

    void firstPaintFillsWhatThePrefillNoLongerMatches()
    {
        // The palette changes after the fill: the first paint fills the window's new colour itself.
        QWidget window;
        QPalette palette = window.palette();
        palette.setColor(QPalette::Window, QColor(0x21, 0x43, 0x65));
        window.setPalette(palette);
        window.resize(500, 300);
        auto* prefault = new BackingStorePrefault(window);
        prefault->prefillBackground();
        QVERIFY(prefault->prefilled());
        palette.setColor(QPalette::Window, QColor(0x65, 0x43, 0x21));
        window.setPalette(palette);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::qWait(50);
        QCOMPARE(storedPixels(window).pixel(250, 150), qRgb(0x65, 0x43, 0x21));
        QCOMPARE(storedPixels(window).convertToFormat(QImage::Format_RGB32),
                 window.grab().toImage().convertToFormat(QImage::Format_RGB32));
    }
};

QTEST_MAIN(TestWindowPaint)
#include "tst_ui_window_paint.moc"
