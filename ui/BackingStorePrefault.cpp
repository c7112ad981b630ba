#include "BackingStorePrefault.h"

#include <QBackingStore>
#include <QEvent>
#include <QImage>
#include <QPaintDevice>
#include <QPaintEngine>
#include <QPaintEvent>
#include <QPainter>
#include <QPalette>
#include <QWidget>

#ifdef Q_OS_LINUX
#include <sys/mman.h>
#include <unistd.h>
#endif

#include <algorithm>
#include <cstdint>
#include <vector>

namespace stemcrate::ui {

namespace {

#ifdef Q_OS_LINUX
// The page-aligned range that covers [data, data + bytes).
std::pair<uintptr_t, size_t> pageRange(const void* data, size_t bytes)
{
    const auto page = uintptr_t(sysconf(_SC_PAGESIZE));
    const uintptr_t begin = uintptr_t(data) & ~(page - 1);
    const uintptr_t end = (uintptr_t(data) + bytes + page - 1) & ~(page - 1);
    return {begin, end - begin};
}
#endif

} // namespace

BackingStorePrefault::BackingStorePrefault(QWidget& window) : QObject(&window), m_window(window)
{
    window.installEventFilter(this);
    window.winId(); // creates the native window (QWidget::create) and its QBackingStore
    QBackingStore* store = window.backingStore();
    if (!store)
        return;
    store->resize(window.size()); // what the first paint would do
    QPaintDevice* device = store->paintDevice();
    if (!device || device->devType() != QInternal::Image)
        return;
    const auto* image = static_cast<const QImage*>(device);
    const uchar* bytes = image->constBits(); // no detach: the store's own pixels
    const auto size = size_t(image->sizeInBytes());
    if (!bytes || size == 0)
        return;
    const QImage::Format format = image->format();
    if (format == QImage::Format_RGB32 || format == QImage::Format_ARGB32 ||
        format == QImage::Format_ARGB32_Premultiplied) { // pixels as QRgb: prefillBackground can fill them
        m_bits = const_cast<uchar*>(bytes); // written by prefillBackground only, before the first paint
        m_imageSize = image->size();
        m_bytesPerLine = image->bytesPerLine();
    }
    m_worker = std::thread(
        [this, bytes, size] { m_mapped.store(populate(bytes, size), std::memory_order_release); });
}

BackingStorePrefault::~BackingStorePrefault()
{
    if (m_worker.joinable())
        m_worker.join();
}

void BackingStorePrefault::prefillBackground()
{
    const QBrush brush = m_window.palette().brush(QPalette::Window);
    if (!m_bits || m_prefilled || m_window.isVisible() || brush.style() != Qt::SolidPattern ||
        !brush.isOpaque() || m_window.testAttribute(Qt::WA_OpaquePaintEvent) ||
        m_window.testAttribute(Qt::WA_NoSystemBackground))
        return;
    // Where the worker has not mapped the pages yet (it may wait for a core on a loaded machine), they are
    // mapped here in one call: cheaper than a fault per page, and the worker's call beside it is harmless.
    if (!mapped())
        populate(m_bits, size_t(m_bytesPerLine) * size_t(m_imageSize.height()));
    m_fillColour = brush.color();
    const QRgb pixel = m_fillColour.rgba(); // opaque: the same premultiplied or not, as RGB32 stores it
    for (int row = 0; row < m_imageSize.height(); ++row)
        std::fill_n(reinterpret_cast<QRgb*>(m_bits + row * m_bytesPerLine), m_imageSize.width(), pixel);
    m_prefilled = true;
    m_paintsBackground = true;
    m_window.setAttribute(Qt::WA_OpaquePaintEvent); // this object's filter paints the background
}

bool BackingStorePrefault::eventFilter(QObject* watched, QEvent* event)
{
    if (watched != &m_window)
        return false;
    if (event->type() == QEvent::Show) {
        // The store already has the window's size, so Qt's first sync would not repaint everything by
        // itself (it does when it resizes the store): the whole window is marked dirty instead.
        m_window.update();
        if (!m_paintsBackground)
            m_window.removeEventFilter(this);
    } else if (event->type() == QEvent::Paint && m_paintsBackground) {
        // Before the window's own paint event handlers (this filter runs first). A paint into another
        // device (grab(), render()) gets its background and leaves the attribute for the first real paint.
        if (paintBackground(static_cast<QPaintEvent*>(event)->region())) {
            m_paintsBackground = false;
            m_window.setAttribute(Qt::WA_OpaquePaintEvent, false); // from the next paint on, Qt fills
            m_window.removeEventFilter(this);
        }
    }
    return false;
}

bool BackingStorePrefault::paintBackground(const QRegion& region)
{
    const QBrush brush = m_window.palette().brush(QPalette::Window);
    QBackingStore* store = m_window.backingStore();
    QPainter painter(&m_window);
    // The device the painter really paints on: the store's image in a sync, another one in a render().
    const QPaintDevice* target = painter.paintEngine() ? painter.paintEngine()->paintDevice() : nullptr;
    const bool intoStore = store && target && target == store->paintDevice();
    const auto* image =
        intoStore && target->devType() == QInternal::Image ? static_cast<const QImage*>(target) : nullptr;
    const bool prefilled = image && image->constBits() == m_bits && image->size() == m_imageSize &&
                           brush.style() == Qt::SolidPattern && brush.color() == m_fillColour;
    if (!prefilled) {
        // What QWidgetPrivate::paintBackground does for a window with a solid brush.
        painter.setCompositionMode(QPainter::CompositionMode_Source);
        for (const QRect& rect : region)
            painter.fillRect(rect, brush);
    }
    return intoStore;
}

bool BackingStorePrefault::populate(const void* data, size_t bytes)
{
#if defined(Q_OS_LINUX) && defined(MADV_POPULATE_WRITE)
    const auto [begin, length] = pageRange(data, bytes);
    return madvise(reinterpret_cast<void*>(begin), length, MADV_POPULATE_WRITE) == 0;
#else
    Q_UNUSED(data);
    Q_UNUSED(bytes);
    return false;
#endif
}

long BackingStorePrefault::residentPages(const void* data, size_t bytes)
{
#ifdef Q_OS_LINUX
    const auto [begin, length] = pageRange(data, bytes);
    const size_t pages = length / size_t(sysconf(_SC_PAGESIZE));
    std::vector<unsigned char> resident(pages);
    if (mincore(reinterpret_cast<void*>(begin), length, resident.data()) != 0)
        return -1;
    long count = 0;
    for (const unsigned char page : resident)
        count += page & 1;
    return count;
#else
    Q_UNUSED(data);
    Q_UNUSED(bytes);
    return -1;
#endif
}

} // namespace stemcrate::ui
