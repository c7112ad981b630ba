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

#include "WorkerQueue.h"

#include <QThreadPool>

#include <cstddef>
#include <functional>

namespace stemcrate::ui {

void reserveQtPaintThreads();

// Lets every thread have a malloc arena of its own (glibc: M_ARENA_MAX = kMallocArenas), instead of glibc's
// default limit of 8 arenas per core, past which new threads share the existing arenas, the GUI thread's
// among them. A worker holding a shared arena's lock (freeing or trimming a large block) while it waits for
// a core made the GUI thread wait in malloc: 64.5 ms blocked in realloc while the window closed
// (bench_gui_stall --stacks, BENCHMARKS.md). Call first thing in main(), before the ninth arena exists (glibc
// fixes its limit then); true where the limit was set. Arenas are only made as threads first allocate. A
// worker that frees memory the GUI thread allocated still takes the GUI thread's arena lock to do so (the
// sample exports hand their jobs back to be freed on the GUI thread: SampleExportService; WorkerQueue.h,
// SpectrogramRenderer::request and SongSession keep the rest off workers). bench_gui_stall --free-census and
// tst_ui_gui_arena count such frees (tests/support/MainArenaFrees.h).
constexpr int kMallocArenas = 256;
bool separateMallocArenas();

// Keeps large blocks out of the malloc arenas (glibc), so that no free holds an arena's lock for long. A free
// runs under the lock of the arena the block came from, whichever thread frees it, and a free that leaves
// more than the trim threshold at the arena's top also gives that memory back to the system (a heap trim)
// before it lets go of the lock: the longer that takes, the likelier a reniced worker is preempted while
// holding the GUI thread's arena (20.1 ms blocked in realloc, BENCHMARKS.md, s13-stall run H). glibc maps a
// block of the mmap threshold or more for itself (unmapped when freed, under no arena's lock) when the arena
// has no free space for it, but by default its threshold rises to the largest mapped block freed so far (up
// to 32 MiB), and the trim threshold to twice that: after the first few-MiB buffer is freed, every block
// below that size comes from an arena, and one free can trim tens of MiB under the lock. Fixing both
// (M_MMAP_THRESHOLD, M_TRIM_THRESHOLD) stops glibc's rise: blocks of kMallocMmapThreshold or more are mapped
// whenever the arena's top cannot hold them, and an arena gives memory back once it has
// kMallocTrimThreshold free at its top, so a trim releases a few MiB, not tens. The price: each mapped block
// is fresh pages, faulted in by the thread that first writes them (~13 us a page on a VM measured here).
// Call first thing in main(), beside separateMallocArenas(); true where both were set.
constexpr size_t kMallocMmapThreshold = size_t(1) << 20;
constexpr size_t kMallocTrimThreshold = 2 * kMallocMmapThreshold; // glibc's own ratio
bool keepLargeBlocksOutOfArenas();

// The app's queue for short background chores (dialogs' disk work, probes, remembered edits, loop
// re-finding): one thread per core of the budget's analysis share, lowered priority. A WorkerQueue, not a
// QThreadPool: chores are started from the GUI thread (WorkerQueue.h says why that matters).
WorkerQueue& chorePool();

// Runs `job` on chorePool() at lowered priority.
void startChore(std::function<void()> job);

} // namespace stemcrate::ui
