#pragma once
// MiningWorker: runs the mining panels' computations (loop suggestions, chopping, one-shot extraction, kit
// export) off the GUI thread, one at a time, and hands each result back on the GUI thread.
//
// run(work, done): work(cancelled) runs on the worker and returns a value; done(value) then runs on the
// owner's (GUI) thread, unless cancelAll() was called after the job started (its result is stale).
// Ownership: owned by a panel (QObject child); owns its one-thread pool. The destructor cancels and waits
// for the running job, whose work must check `cancelled` (core's isCancelled options do).
// Threads: run(), cancelAll(), busy() and the done callbacks on the GUI thread only.

#include "GuiInbox.h"
#include "WorkerQueue.h"
#include "songs/WorkerPriority.h"

#include <QObject>

#include <atomic>
#include <memory>
#include <utility>

namespace stemcrate::ui {

class MiningWorker : public QObject
{
    Q_OBJECT

public:
    explicit MiningWorker(QObject* parent = nullptr);
    ~MiningWorker() override;

    template <class Work, class Done> void run(Work work, Done done)
    {
        ++m_running;
        std::shared_ptr<std::atomic<bool>> cancelled = m_cancelled;
        m_pool.start([this, cancelled, work = std::move(work), done = std::move(done)]() mutable {
            lowerWorkerPriority(); // idempotent; the pool is ours
            auto result = std::make_shared<decltype(work(*cancelled))>(work(*cancelled));
            // Dropped if this worker is gone by then (it waits for its job, so it lives here); through
            // GuiInbox, which takes no lock on this reniced thread.
            GuiInbox::instance().post(this, [this, cancelled, result, done]() mutable {
                --m_running;
                if (!cancelled->load())
                    done(std::move(*result));
            });
        });
    }

    // Results of the jobs started so far are dropped; their work sees `cancelled` set.
    void cancelAll();
    bool busy() const { return m_running > 0; }

private:
    WorkerQueue m_pool{QStringLiteral("mining"), 1}; // not a QThreadPool: WorkerQueue.h says why
    std::shared_ptr<std::atomic<bool>> m_cancelled = std::make_shared<std::atomic<bool>>(false);
    int m_running = 0; // GUI thread only
};

} // namespace stemcrate::ui
