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
// prefillBackground(): the image is also filled with the window's background colour before the window is
// shown, so the first paint need not. Qt fills a window's whole dirty region with its palette's Window brush
// before its children paint (QWidgetPrivate::paintBackground): in the main window's first paint, 4 MB
// written to memory no cache holds, 60 % of that paint's GUI-thread CPU (3-5 ms; more when other processes
// load the memory bus; perf, BENCHMARKS.md s14-paint). For the first paint into the store only, the window
// gets WA_OpaquePaintEvent (Qt skips its fill) and this object's filter paints that background itself in
// the window's paint event, before the window's own painting: nothing where the image still is the one
// filled (same image, same colour), else the same fill Qt would do. Then the attribute is cleared and Qt
// fills as before. The pixels are the same either way. The fill runs on the calling thread (the GUI
// thread, in the window's constructor, before the event loop): a worker could not be relied on to finish
// before the first paint on a loaded machine (it waited for a core past the first paint in 1 of 3 start-ups
// here, and then the first paint took every page fault, 12.7 ms), and it must not write while the GUI
// thread paints. Where the worker has not mapped the pages by then, they are mapped there too.
//
// Owner: a QObject child of the window. Threads: GUI thread; its worker, a thread of its own at the GUI
// thread's priority (a reniced one could wait past the first paint on a loaded machine; the work is one
// system call of 1-5 ms, once per window), only calls madvise on the image's bytes and ends by itself
// (joined in the destructor).

#include <QColor>
#include <QObject>
#include <QSize>

#include <atomic>
#include <cstddef>
#include <thread>

class QRegion;
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

    // Fills the image with the window's background as described above, on this (the GUI) thread. Call once
    // the window's palette is final and before it is shown. Does nothing unless the Window brush is an
    // opaque solid colour and the image's pixels are QRgb (RGB32, ARGB32, ARGB32 premultiplied).
    void prefillBackground();
    // Whether prefillBackground() filled the image.
    bool prefilled() const { return m_prefilled; }

    // Maps `bytes` bytes from `data` for writing without changing them; false where the system cannot.
    static bool populate(const void* data, size_t bytes);
    // How many of the pages of [data, data + bytes) are mapped in this process (mincore); -1 where unknown.
    static long residentPages(const void* data, size_t bytes);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    // The window's paint event while this object paints its background (until the first paint into the
    // store): fills `region` unless prefillBackground did. Returns whether the paint goes into the store.
    bool paintBackground(const QRegion& region);

    QWidget& m_window;
    uchar* m_bits = nullptr; // the store's image, as sized in the constructor (QRgb pixels), or null
    QSize m_imageSize;
    qsizetype m_bytesPerLine = 0;
    std::thread m_worker;
    std::atomic<bool> m_mapped{false};
    QColor m_fillColour;
    bool m_prefilled = false;
    bool m_paintsBackground = false; // WA_OpaquePaintEvent set by prefillBackground, until the first paint
};

} // namespace stemcrate::ui
