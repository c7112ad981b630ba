#pragma once
// finishesWithThePoolHeld: whether a paint finishes on this thread while every thread of Qt's global pool is
// held. Qt 6.4's raster engine hands blends of 96 spans or more to QThreadPool::globalInstance() and waits
// for them (ui/views/PaintBands.h), so a paint that needs the pool cannot finish until the pool is let go.
// A watchdog lets the pool go after `patience`: such a paint finishes late (false) instead of hanging.
//
// Threads: call on the thread that paints (the GUI thread). Header-only, for the ui tests.

#include <QSemaphore>
#include <QThreadPool>

#include <atomic>
#include <chrono>
#include <functional>
#include <thread>

namespace stemcrate::ui::test {

inline bool finishesWithThePoolHeld(const std::function<void()>& paint, std::chrono::milliseconds patience)
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

} // namespace stemcrate::ui::test
