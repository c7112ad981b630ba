#include "MainArenaFrees.h"
#include "SymbolName.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstring>
#include <mutex>

#if defined(__GLIBC__) && (defined(__x86_64__) || defined(__aarch64__))
#define STEMCRATE_COUNT_MAIN_ARENA_FREES 1
#include <cxxabi.h>
#include <dlfcn.h>
#include <execinfo.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace stemcrate::test {

#ifdef STEMCRATE_COUNT_MAIN_ARENA_FREES

namespace {

constexpr size_t kIsMmapped = 0x2, kNonMainArena = 0x4, kFlags = 0x7;
constexpr int kFrames = 24, kSkipped = 2; // countFree and the wrapper
constexpr size_t kSlots = 4096;

struct Slot
{
    uint64_t hash = 0; // 0: empty
    uint64_t count = 0;
    size_t largestChunk = 0;
    bool realloc = false;
    int frames = 0;
    void* stack[kFrames] = {};
    char thread[16] = {};
};

std::atomic<bool> g_counting{false};
std::atomic<uint64_t> g_fastbin{0}, g_tcacheRange{0}, g_beyond{0}, g_reallocs{0};
std::mutex g_slotsMutex; // a pthread mutex: takes no memory, safe inside free()
Slot g_slots[kSlots];

// 0 not known yet, 1 the main thread, 2 another thread. Static TLS of the executable: no allocation.
thread_local int t_role = 0;
thread_local bool t_inside = false; // this thread is in countFree (backtrace may free)

bool onOtherThread()
{
    if (t_role == 0)
        t_role = ::syscall(SYS_gettid) == ::getpid() ? 1 : 2;
    return t_role == 2;
}

uint64_t hashOf(void* const* stack, int frames, const char* thread, bool realloc)
{
    uint64_t h = 1469598103934665603ull ^ uint64_t(realloc);
    const auto mix = [&h](uint64_t v) { h = (h ^ v) * 1099511628211ull; };
    for (int i = 0; i < frames; ++i)
        mix(reinterpret_cast<uintptr_t>(stack[i]));
    for (const char* c = thread; *c; ++c)
        mix(uint64_t(uint8_t(*c)));
    return h ? h : 1;
}

__attribute__((noinline)) void countFree(void* block, bool realloc)
{
    const size_t header = static_cast<const size_t*>(block)[-1];
    if (header & (kIsMmapped | kNonMainArena))
        return;
    const size_t chunk = header & ~kFlags;
    if (realloc)
        ++g_reallocs;
    else if (chunk <= MainArenaFrees::kFastbinChunk) {
        ++g_fastbin;
        return; // never under the lock: no stack
    } else if (chunk <= MainArenaFrees::kTcacheChunk)
        ++g_tcacheRange;
    else
        ++g_beyond;
    t_inside = true;
    void* stack[kFrames + kSkipped];
    const int taken = ::backtrace(stack, kFrames + kSkipped);
    const int frames = std::max(0, taken - kSkipped);
    char thread[16] = {};
    ::prctl(PR_GET_NAME, thread);
    const uint64_t hash = hashOf(stack + kSkipped, frames, thread, realloc);
    {
        std::lock_guard lock(g_slotsMutex);
        for (size_t i = 0; i < kSlots; ++i) {
            Slot& slot = g_slots[(hash + i) % kSlots];
            if (slot.hash == 0) {
                slot.hash = hash;
                slot.realloc = realloc;
                slot.frames = frames;
                std::copy(stack + kSkipped, stack + kSkipped + frames, slot.stack);
                std::memcpy(slot.thread, thread, sizeof thread);
            }
            if (slot.hash == hash) {
                ++slot.count;
                slot.largestChunk = std::max(slot.largestChunk, chunk);
                break;
            }
        }
    }
    t_inside = false;
}

using testsupport::symbolName;

} // namespace

bool MainArenaFrees::available()
{
    return true;
}

void MainArenaFrees::start()
{
    void* warm[4];
    ::backtrace(warm, 4); // loads the unwinder now, not inside a counted free
    {
        std::lock_guard lock(g_slotsMutex);
        for (Slot& slot : g_slots)
            slot = Slot{};
    }
    g_fastbin = g_tcacheRange = g_beyond = g_reallocs = 0;
    g_counting = true;
}

void MainArenaFrees::stop()
{
    g_counting = false;
}

MainArenaFrees::Counts MainArenaFrees::counts()
{
    return {g_fastbin.load(), g_tcacheRange.load(), g_beyond.load(), g_reallocs.load()};
}

std::vector<MainArenaFrees::Site> MainArenaFrees::sites()
{
    std::vector<Site> result;
    {
        std::lock_guard lock(g_slotsMutex);
        for (const Slot& slot : g_slots)
            if (slot.hash != 0)
                result.push_back({slot.thread,
                                  slot.realloc,
                                  slot.count,
                                  slot.largestChunk,
                                  {slot.stack, slot.stack + slot.frames}});
    }
    std::sort(result.begin(), result.end(), [](const Site& a, const Site& b) { return a.count > b.count; });
    return result;
}

#else

bool MainArenaFrees::available()
{
    return false;
}
void MainArenaFrees::start() {}
void MainArenaFrees::stop() {}
MainArenaFrees::Counts MainArenaFrees::counts()
{
    return {};
}
std::vector<MainArenaFrees::Site> MainArenaFrees::sites()
{
    return {};
}

#endif

std::string MainArenaFrees::report(int maxSites, int maxFrames)
{
    const Counts c = counts();
    char line[512];
    std::snprintf(line, sizeof line,
                  "main-arena blocks freed by other threads: %llu fastbin (lock-free), %llu tcache range "
                  "(locked when the bin is full), %llu beyond the tcache (locked), %llu reallocs (locked)\n",
                  (unsigned long long)c.fastbin, (unsigned long long)c.tcacheRange,
                  (unsigned long long)c.beyondTcache, (unsigned long long)c.reallocs);
    std::string text = line;
#ifdef STEMCRATE_COUNT_MAIN_ARENA_FREES
    const std::vector<Site> all = sites();
    for (size_t i = 0; i < all.size() && int(i) < maxSites; ++i) {
        const Site& site = all[i];
        std::snprintf(line, sizeof line, "  -- x%llu %s on thread \"%s\", chunks up to %zu bytes\n",
                      (unsigned long long)site.count, site.realloc ? "realloc" : "free", site.thread.c_str(),
                      site.largestChunk);
        text += line;
        for (size_t f = 0; f < site.stack.size() && int(f) < maxFrames; ++f)
            text += "    " + symbolName(site.stack[f]) + "\n";
    }
    if (all.size() > size_t(maxSites))
        text += "  (" + std::to_string(all.size() - size_t(maxSites)) + " more sites)\n";
#else
    (void)maxSites;
    (void)maxFrames;
#endif
    return text;
}

} // namespace stemcrate::test

#ifdef STEMCRATE_COUNT_MAIN_ARENA_FREES

extern "C" {
void __libc_free(void*);
void* __libc_realloc(void*, size_t);

void free(void* block) noexcept
{
    using namespace stemcrate::test;
    if (block && g_counting.load(std::memory_order_relaxed) && !t_inside && onOtherThread())
        countFree(block, false);
    __libc_free(block);
}

void* realloc(void* block, size_t bytes) noexcept
{
    using namespace stemcrate::test;
    if (block && g_counting.load(std::memory_order_relaxed) && !t_inside && onOtherThread())
        countFree(block, true);
    return __libc_realloc(block, bytes);
}
}

#endif
