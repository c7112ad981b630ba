#pragma once
// Which pool runs what, so that the GUI thread never waits on a reniced or busy thread.
//
// Qt's global QThreadPool belongs to Qt's painting: Qt 6 splits blended fills (a translucent fillRect over a
// lane, a hatched brush), smooth scaling and image conversions into segments, runs them on that pool and
// makes the GUI thread wait for all of them (a semaphore inside QPainter). So:
// - No job of ours runs there (one queued ahead of a segment stalls the paint for the job's length, and a
//   renice of the pool's threads would leave the GUI thread waiting on reniced threads behind the machine's
//   other work). Our short chores run on chorePool(), reniced.
// - reserveQtPaintThreads() makes the global pool's threads once, from the GUI thread (a thread inherits its
//   creator's nice), and keeps them: otherwise an expired thread is remade by whichever thread next starts a
//   segment, e.g. a reniced worker scaling an image, and the GUI thread's later paints wait on it.
//
// Threads: reserveQtPaintThreads() on the GUI thread, once at start (idempotent; it never waits).
// startChore() from any thread.
//
// The allocator is the other lock a worker could hold against the GUI thread: the app's is mimalloc, whose
// frees from another thread take no lock (AppAllocator.h; the glibc tuning of processes without it is there
// too).

#include "WorkerQueue.h"

#include <QThreadPool>

#include <functional>

namespace stemcrate::ui {

void reserveQtPaintThreads();

// The app's queue for short background chores (dialogs' disk work, probes, remembered edits, loop
// re-finding): one thread per core of the budget's analysis share, lowered priority. A WorkerQueue, not a
// QThreadPool: chores are started from the GUI thread (WorkerQueue.h says why that matters).
WorkerQueue& chorePool();

// Runs `job` on chorePool() at lowered priority.
void startChore(std::function<void()> job);

} // namespace stemcrate::ui
