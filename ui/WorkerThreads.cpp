#include "WorkerThreads.h"

#include "common/ThreadBudget.h"

#include <QSemaphore>

#include <memory>

namespace stemcrate::ui {

namespace {

struct ChorePool
{
    WorkerQueue queue{QStringLiteral("chores"), ThreadBudget::forThisMachine(false).analysisThreads};
};

} // namespace

Q_GLOBAL_STATIC(ChorePool, g_chores)

void reserveQtPaintThreads()
{
    static bool reserved = false;
    if (reserved)
        return;
    reserved = true;
    QThreadPool* pool = QThreadPool::globalInstance();
    pool->setExpiryTimeout(-1);
    // start() makes a thread at once, on this thread, whenever none is idle: each task holds its thread until
    // all have been started, so every one of the pool's threads is made here. Nothing here waits for them.
    auto gate = std::make_shared<QSemaphore>();
    const int count = pool->maxThreadCount();
    for (int i = 0; i < count; ++i)
        pool->start([gate] { gate->acquire(); });
    gate->release(count);
}

WorkerQueue& chorePool()
{
    return g_chores()->queue;
}

void startChore(std::function<void()> job)
{
    chorePool().start(std::move(job)); // its threads run reniced
}

} // namespace stemcrate::ui
