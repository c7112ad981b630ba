#pragma once
// MainArenaFrees: which threads other than the main (GUI) thread free or reallocate memory of glibc's main
// malloc arena, the main thread's own (issue 16).
//
// glibc frees a block under the lock of the arena it came from, whichever thread frees it, except on two
// lock-free paths: a block of up to 1 032 bytes goes into the freeing thread's own cache (tcache) while that
// cache's bin for its size holds fewer than 7 blocks, and a block of up to 120 bytes (a fastbin chunk) is
// pushed onto the arena's list with an atomic. A realloc always takes the block's arena lock. So a worker
// that frees a larger block the GUI thread allocated (a job's closure, a string or a list handed to it)
// takes the GUI thread's arena lock, and a reniced worker preempted there makes the GUI thread wait in its
// own malloc or free (BENCHMARKS.md, s13-malloc run L: 20.6 ms in QRegion::cleanUp -> free).
//
// How: a process that links MainArenaFrees.cpp has its free() and realloc() replaced by wrappers that read
// the block's header before handing the block to glibc (__libc_free, __libc_realloc): a block whose header
// has neither IS_MMAPPED nor NON_MAIN_ARENA set belongs to the main arena. Frees on the main thread, of
// mapped blocks (munmap, no arena lock) and of other arenas' blocks are not counted. Nothing is counted
// until start(). For test and benchmark processes only, never the app. glibc on x86-64/aarch64 only;
// elsewhere available() is false and nothing is counted.
//
// Threads: start(), stop(), counts(), sites() and report() on the main thread; the wrappers count on
// whichever thread frees. Units: bytes are glibc chunk sizes (the request rounded up, header included).

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace stemcrate::test {

class MainArenaFrees
{
public:
    // Main-arena blocks freed or reallocated by threads other than the main thread, by glibc's path.
    struct Counts
    {
        uint64_t fastbin = 0;      // chunk <= 128 bytes: the freeing thread's tcache or an atomic push
        uint64_t tcacheRange = 0;  // 128 < chunk <= 1 040: lock-free until the thread's tcache bin is full
        uint64_t beyondTcache = 0; // chunk > 1 040: always under the main arena's lock
        uint64_t reallocs = 0;     // any realloc of a main-arena block: always under its lock
        // The frees and reallocs that may take the main arena's lock.
        uint64_t mayLock() const { return tcacheRange + beyondTcache + reallocs; }
    };
    // One call site of frees that may take the lock: the freeing thread's name and its stack.
    struct Site
    {
        std::string thread;
        bool realloc = false;
        uint64_t count = 0;
        size_t largestChunk = 0;
        std::vector<void*> stack; // return addresses, innermost first, the wrapper left out
    };

    static constexpr size_t kFastbinChunk = 128;
    static constexpr size_t kTcacheChunk = 1040;

    static bool available();
    // Counts from zero from now on; warms the unwinder first (backtrace loads it).
    static void start();
    static void stop();
    static Counts counts();
    // Sites of frees that may take the lock, most frequent first.
    static std::vector<Site> sites();
    // A readable summary: the counts and the `maxSites` most frequent sites with `maxFrames` frames each,
    // symbolized with dladdr (link with exported symbols to see the executable's own function names).
    static std::string report(int maxSites = 12, int maxFrames = 14);
};

} // namespace stemcrate::test
