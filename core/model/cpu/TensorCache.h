#pragma once
// TensorCache: a process-wide caching allocator for libtorch's CPU tensors.
//
// A forward pass over fixed-length windows allocates the same large tensors, of the same sizes, for every
// window. glibc serves blocks that large with fresh mmaps, so each window page-faults its whole working set
// again (the kernel zeroes every page): about a fifth of a window's time on the 2-core CI machine
// (BENCHMARKS.md). The cache carves large blocks best-fit out of one arena of address space and keeps what
// is freed there, coalesced, so from the second window on the pass runs in memory it already owns, and the
// first pass touches about its peak working set (867 MB for an 11 s window), not the sum of every size it
// asked for (1.6 GB when freed blocks were kept per size).
//
// Internal to core (includes nothing from torch here; the implementation does). Thread-safe. Blocks in use
// are never touched; release() frees only idle blocks.

#include <atomic>
#include <cstddef>

namespace stemcrate::model {

struct TensorCacheStats
{
    std::size_t cachedBytes = 0;   // idle blocks below the arena's high-water mark, held for reuse
    std::size_t hits = 0;          // large allocations served from the cache
    std::size_t misses = 0;        // large allocations that went to the system
    std::size_t liveBytes = 0;     // large blocks in use now
    std::size_t peakLiveBytes = 0; // the most large-block bytes in use at once since the last release()
};

// Installs the cache as libtorch's CPU allocator (idempotent). Tensors allocated before keep their own
// deleters, so installing it at any time is safe.
void enableTensorCache();

// Frees every idle cached block back to the system (e.g. when a separator is destroyed).
void releaseTensorCache();

// Grows the cache to `bytes` and first-touches it, so that a first pass which needs that much finds its
// memory ready: for a thread that would otherwise idle (the second core while the checkpoint loads).
// Returns early when `stop` becomes true (checked every 2 MiB). Blocks in use are never touched.
void prefaultTensorCache(std::size_t bytes, const std::atomic<bool>& stop);

TensorCacheStats tensorCacheStats();

// While one lives on a thread, that thread's large blocks are not advised onto huge pages. For memory that is
// allocated once and kept (the model's weights): on a machine whose memory another process has just
// fragmented, the kernel compacts memory for every huge-page fault, and model load went from 0.36 s to
// 0.75 s (BENCHMARKS.md). Nests.
class ScopedSmallPages
{
public:
    ScopedSmallPages();
    ~ScopedSmallPages();
    ScopedSmallPages(const ScopedSmallPages&) = delete;
    ScopedSmallPages& operator=(const ScopedSmallPages&) = delete;
};

} // namespace stemcrate::model
