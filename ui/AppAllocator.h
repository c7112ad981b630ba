#pragma once
// Which allocator the process's malloc is, and the tuning the GUI process gives it (issue 16, "the GUI
// thread never waits").
//
// The GUI app links mimalloc ahead of libc (cmake/AppAllocator.cmake): malloc, free and operator new of every
// library in the process are mimalloc's, and a thread that frees a block another thread allocated pushes it
// onto that block's page with an atomic operation, taking no lock. Under glibc's malloc the same free takes
// the lock of the arena the block came from: a reniced worker freeing blocks the GUI thread allocated (Qt's
// internals, closures, settings data) held the GUI thread's arena while it waited for a core, and the GUI
// thread waited in its own malloc (131 ms blocked in realloc, BENCHMARKS.md). A GUI process that has glibc
// after all (a test that does not link the app's allocator) gets the glibc tuning below, which shortens those
// waits but cannot remove them.
//
// Threads: configureAppAllocator() first thing in main(), before any other thread exists. The rest from any
// thread.

#include <cstddef>

namespace stemcrate::ui {

enum class Allocator
{
    Glibc,    // glibc's ptmalloc: arenas with a lock each
    Mimalloc, // mimalloc, linked ahead of libc: cross-thread frees take no lock
    Other,
};

// The allocator behind this process's malloc, judged once at run time: mimalloc when mimalloc's library is
// loaded and owns a block malloc() returns, glibc when malloc() is glibc's.
Allocator processAllocator();
const char* allocatorName(Allocator allocator);
// Whether `block` lies in mimalloc's heap (mi_is_in_heap_region); false where mimalloc is not in the process.
bool inMimallocsHeap(const void* block);

// Tunes the process's allocator for the GUI process: under glibc, separateMallocArenas() and
// keepLargeBlocksOutOfArenas(); under mimalloc nothing (no arena is shared, and a large block is freed by
// its owner's heap or given back with no lock of the GUI thread's). Returns processAllocator().
Allocator configureAppAllocator();

// glibc only. Lets every thread have a malloc arena of its own (M_ARENA_MAX = kMallocArenas), instead of
// glibc's default limit of 8 arenas per core, past which new threads share the existing arenas, the GUI
// thread's among them. A worker holding a shared arena's lock (freeing or trimming a large block) while it
// waits for a core made the GUI thread wait in malloc: 64.5 ms blocked in realloc while the window closed
// (bench_gui_stall --stacks, BENCHMARKS.md). Call first thing in main(), before the ninth arena exists (glibc
// fixes its limit then); true where the limit was set. Arenas are only made as threads first allocate. A
// worker that frees memory the GUI thread allocated still takes the GUI thread's arena lock to do so (the
// sample exports hand their jobs back to be freed on the GUI thread: SampleExportService; WorkerQueue.h,
// SpectrogramRenderer::request and SongSession keep the rest off workers). tst_ui_gui_arena counts such
// frees under glibc (tests/support/MainArenaFrees.h).
constexpr int kMallocArenas = 256;
bool separateMallocArenas();

// glibc only. Keeps large blocks out of the malloc arenas, so that no free holds an arena's lock for long. A
// free runs under the lock of the arena the block came from, whichever thread frees it, and a free that
// leaves more than the trim threshold at the arena's top also gives that memory back to the system (a heap
// trim) before it lets go of the lock: the longer that takes, the likelier a reniced worker is preempted
// while holding the GUI thread's arena (20.1 ms blocked in realloc, BENCHMARKS.md, s13-stall run H). glibc
// maps a block of the mmap threshold or more for itself (unmapped when freed, under no arena's lock) when the
// arena has no free space for it, but by default its threshold rises to the largest mapped block freed so
// far (up to 32 MiB), and the trim threshold to twice that: after the first few-MiB buffer is freed, every
// block below that size comes from an arena, and one free can trim tens of MiB under the lock. Fixing both
// (M_MMAP_THRESHOLD, M_TRIM_THRESHOLD) stops glibc's rise: blocks of kMallocMmapThreshold or more are mapped
// whenever the arena's top cannot hold them, and an arena gives memory back once it has
// kMallocTrimThreshold free at its top, so a trim releases a few MiB, not tens. The price: each mapped block
// is fresh pages, faulted in by the thread that first writes them (~13 us a page on a VM measured here).
// Call first thing in main(), beside separateMallocArenas(); true where both were set.
constexpr size_t kMallocMmapThreshold = size_t(1) << 20;
constexpr size_t kMallocTrimThreshold = 2 * kMallocMmapThreshold; // glibc's own ratio
bool keepLargeBlocksOutOfArenas();

} // namespace stemcrate::ui
