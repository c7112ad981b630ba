#pragma once
// TensorCache: a process-wide caching allocator for libtorch's CPU tensors.
//
// A forward pass over fixed-length windows allocates the same large tensors, of the same sizes, for every
// window. glibc serves blocks that large with fresh mmaps, so each window page-faults its whole working set
// again (the kernel zeroes every page): about a fifth of a window's time on the 2-core CI machine
// (BENCHMARKS.md). The cache keeps freed large blocks and hands them back for the next request of (nearly)
// the same size, so from the second window on the pass runs in memory it already owns.
//
// Internal to core (includes nothing from torch here; the implementation does). Thread-safe. Blocks in use
// are never touched; release() frees only idle blocks.

#include <cstddef>

namespace stemcrate::model {

struct TensorCacheStats
{
    std::size_t cachedBytes = 0; // idle blocks held for reuse
    std::size_t hits = 0;        // large allocations served from the cache
    std::size_t misses = 0;      // large allocations that went to the system
};

// Installs the cache as libtorch's CPU allocator (idempotent). Tensors allocated before keep their own
// deleters, so installing it at any time is safe.
void enableTensorCache();

// Frees every idle cached block back to the system (e.g. when a separator is destroyed).
void releaseTensorCache();

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
