#pragma once
// BackingStorePrefault: the memory of a window's backing store (the image all its widgets are painted into,
// 4 MB for 1280x800) is mapped by a worker thread before the window's first paint, so the GUI thread does
// not take a page fault per 4 KiB page inside that paint.
//
// Why: Qt allocates the image in the first paint (QWidgetRepaintManager::paintAndFlush resizes the store)
// and the paint then touches every page for the first time. On this project's VMs a first touch costs about
// 13 us a page: ~1 000 faults, 10-14 ms of the GUI thread's CPU in a first paint of 16-24 ms
// (bench_gui_stall --paint-times, BENCHMARKS.md). Mapped ahead with madvise(MADV_POPULATE_WRITE), which
// changes no byte, the same pages cost the worker 1-5 ms while the GUI thread still builds the window.
//
// Use: construct it for a top-level widget that has its final size, before the rest of the window is built;
// it creates the native window (QWidget::create) and sizes its backing store now, as Qt would at the first
// paint, and marks the whole window dirty when it is shown, so the first expose paints everything. If the
// window is resized before its first paint, Qt allocates a new image and this one was for nothing (no harm).
// Linux only (madvise); elsewhere it does nothing.
//
// Owner: a QObject child of the window. Threads: GUI thread; its worker, a thread of its own at the GUI
// thread's priority (a reniced one could wait past the first paint on a loaded machine; the work is one
// system call of 1-5 ms, once per window), only calls madvise on the image's bytes and ends by itself
// (joined in the destructor).

#include <QObject>

#include <atomic>
#include <cstddef>
#include <thread>

class QWidget;

namespace stemcrate::ui {

class BackingStorePrefault : public QObject
{
    Q_OBJECT

public:
    explicit BackingStorePrefault(QWidget& window);
    ~BackingStorePrefault() override;

    // Whether the worker has mapped every page of the image (false where it cannot, or not yet).
    bool mapped() const { return m_mapped.load(std::memory_order_acquire); }

    // Maps `bytes` bytes from `data` for writing without changing them; false where the system cannot.
    static bool populate(const void* data, size_t bytes);
    // How many of the pages of [data, data + bytes) are mapped in this process (mincore); -1 where unknown.
    static long residentPages(const void* data, size_t bytes);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QWidget& m_window;
    std::thread m_worker;
    std::atomic<bool> m_mapped{false};
};

} // namespace stemcrate::ui
