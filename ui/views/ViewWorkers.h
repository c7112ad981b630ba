#pragma once
// ViewWorkers: the worker pools of the views, sized by core's ThreadBudget (not the global QThreadPool):
// one for waveform summaries (analysisThreads: summaries are analysis) and one for spectrogram tiles
// (renderThreads). Their threads run at lowered priority (lowerWorkerPriority), which is why they are
// dedicated: no other work lands on a reniced thread. They are WorkerQueues, not QThreadPools: a
// QThreadPool whose threads are busy queues a job in a page that the GUI thread allocates and a worker frees
// under the GUI thread's malloc arena lock (WorkerQueue.h). post() brings a result back to the GUI thread.
//
// Ownership: owned by the SongSession, declared before (destroyed after) everything whose jobs it runs.
// Every job must check a cancel flag that its owner sets when it dies; the destructor then only waits for
// jobs already told to stop (a column or a summary chunk: well under a millisecond).
// Threads: constructed, start*() and destroyed on the GUI thread; post() from any thread (the function runs
// on the GUI thread, or never if this object is gone, which it cannot be while a job still runs). post()
// goes through GuiInbox: no Qt lock that the GUI thread takes, and one wake-up per batch of tiles.

#include <QImage>
#include <QObject>

#include "WorkerQueue.h"

#include <functional>

namespace stemcrate::ui {

class ViewWorkers : public QObject
{
    Q_OBJECT

public:
    explicit ViewWorkers(QObject* parent = nullptr);
    ~ViewWorkers() override;

    void startSummary(std::function<void()> job);
    // Other short background work of the window (a folder scan, a large free) on the summary pool.
    void startBackground(std::function<void()> job) { startSummary(std::move(job)); }
    void startTile(std::function<void()> job);
    // Drops `image` on the summary pool: its pixels, often allocated by a worker, are freed there and not on
    // the GUI thread, where glibc's free() waits for the allocating thread's malloc arena (a reniced tile
    // worker holding that lock made the GUI thread wait 18.3 ms, BENCHMARKS.md).
    void release(QImage image);
    // Any thread (a job of these pools): runs fn on the GUI thread, queued, unless this object is gone by
    // then; fn is destroyed on another thread (GuiInbox's rules).
    void post(std::function<void()> fn);
    // Tests and the benchmark: blocks until both pools are idle.
    void waitForDone();

    int summaryThreads() const { return m_summaries.threadCount(); }
    int tileThreads() const { return m_tiles.threadCount(); }

private:
    WorkerQueue m_summaries;
    WorkerQueue m_tiles;
};

} // namespace stemcrate::ui
