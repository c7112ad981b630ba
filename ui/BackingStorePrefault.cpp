#include "BackingStorePrefault.h"

#include <QBackingStore>
#include <QEvent>
#include <QImage>
#include <QPaintDevice>
#include <QWidget>

#ifdef Q_OS_LINUX
#include <sys/mman.h>
#include <unistd.h>
#endif

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
    m_worker = std::thread(
        [this, bytes, size] { m_mapped.store(populate(bytes, size), std::memory_order_release); });
}

BackingStorePrefault::~BackingStorePrefault()
{
    if (m_worker.joinable())
        m_worker.join();
}

bool BackingStorePrefault::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == &m_window && event->type() == QEvent::Show) {
        // The store already has the window's size, so Qt's first sync would not repaint everything by
        // itself (it does when it resizes the store): the whole window is marked dirty instead.
        m_window.update();
        m_window.removeEventFilter(this);
    }
    return false;
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
