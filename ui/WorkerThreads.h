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

#include <QThreadPool>

#include <functional>

namespace stemcrate::ui {

void reserveQtPaintThreads();

// Lets every thread have a malloc arena of its own (glibc: M_ARENA_MAX = kMallocArenas), instead of glibc's
// default limit of 8 arenas per core, past which new threads share the existing arenas, the GUI thread's
// among them. A worker holding a shared arena's lock (freeing or trimming a large block) while it waits for
// a core made the GUI thread wait in malloc: 64.5 ms blocked in realloc while the window closed
// (bench_gui_stall --stacks, BENCHMARKS.md). Call first thing in main(), before the ninth arena exists (glibc
// fixes its limit then); true where the limit was set. Arenas are only made as threads first allocate. A
// worker that frees memory the GUI thread allocated still takes the GUI thread's arena lock to do so.
constexpr int kMallocArenas = 256;
bool separateMallocArenas();

// The app's pool for short background chores (dialogs' disk work, probes, remembered edits, loop
// re-finding): one thread per core of the budget's analysis share, lowered priority.
QThreadPool& chorePool();

// Runs `job` on chorePool() at lowered priority.
void startChore(std::function<void()> job);

} // namespace stemcrate::ui
