#include "AppAllocator.h"

#include <cstdlib>
#include <cstring>

#include <dlfcn.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace stemcrate::ui {

namespace {

bool mallocIsMimallocs()
{
    void* volatile block = std::malloc(64); // volatile: the pair is kept
    const bool owned = inMimallocsHeap(block);
    std::free(block);
    return owned;
}

bool mallocIsGlibcs()
{
    using Malloc = void* (*)(size_t);
    Dl_info info{};
    const auto resolved = reinterpret_cast<Malloc>(dlsym(RTLD_DEFAULT, "malloc"));
    return resolved && dladdr(reinterpret_cast<void*>(resolved), &info) != 0 && info.dli_fname &&
           std::strstr(info.dli_fname, "/libc.so") != nullptr;
}

} // namespace

bool inMimallocsHeap(const void* block)
{
    // Looked up, not linked: stemcrate_ui serves processes with either allocator (the app, the tests).
    using InHeap = bool (*)(const void*);
    static const auto inHeap = reinterpret_cast<InHeap>(dlsym(RTLD_DEFAULT, "mi_is_in_heap_region"));
    return inHeap && inHeap(block);
}

Allocator processAllocator()
{
    static const Allocator allocator = mallocIsMimallocs() ? Allocator::Mimalloc
                                       : mallocIsGlibcs()  ? Allocator::Glibc
                                                           : Allocator::Other;
    return allocator;
}

const char* allocatorName(Allocator allocator)
{
    switch (allocator) {
    case Allocator::Glibc:
        return "glibc";
    case Allocator::Mimalloc:
        return "mimalloc";
    case Allocator::Other:
        break;
    }
    return "other";
}

Allocator configureAppAllocator()
{
    const Allocator allocator = processAllocator();
    if (allocator == Allocator::Glibc) {
        separateMallocArenas();
        keepLargeBlocksOutOfArenas();
    }
    return allocator;
}

bool separateMallocArenas()
{
#ifdef __GLIBC__
    return mallopt(M_ARENA_MAX, kMallocArenas) == 1;
#else
    return false;
#endif
}

bool keepLargeBlocksOutOfArenas()
{
#ifdef __GLIBC__
    // Setting either stops glibc's dynamic thresholds.
    return mallopt(M_MMAP_THRESHOLD, int(kMallocMmapThreshold)) == 1 &&
           mallopt(M_TRIM_THRESHOLD, int(kMallocTrimThreshold)) == 1;
#else
    return false;
#endif
}

} // namespace stemcrate::ui
