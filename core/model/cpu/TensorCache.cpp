#include "model/cpu/TensorCache.h"

#include <c10/core/Allocator.h>
#include <torch/version.h>

#include <sys/mman.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>
#include <set>
#include <unordered_map>
#include <utility>

namespace stemcrate::model {

namespace {

thread_local int t_smallPages = 0; // ScopedSmallPages alive on this thread

// Blocks below this size are left to the default allocator (glibc keeps those in its heap anyway).
constexpr std::size_t kMinCached = std::size_t{1} << 20;
constexpr std::size_t kAlignment = 64; // as c10's default CPU allocator
// Arena blocks are whole pages, so an idle block's memory can be given back (MADV_DONTNEED).
constexpr std::size_t kPage = 4096;
// The arena is 2 MiB-aligned and asked to be backed by transparent huge pages: a window's first pass
// page-faults 512 times less, and the TLB covers the big activations.
constexpr std::size_t kHugePage = std::size_t{2} << 20;
// Address space reserved for the arena (PROT_NONE: no memory, no commit charge until used). A batch of 18
// CPU windows of 11 s peaks at about 16 GB; larger requests fall back to the system allocator.
constexpr std::size_t kReserve = std::size_t{64} << 30;
// The arena is made readable and writable in steps of this size as its high-water mark rises.
constexpr std::size_t kCommitStep = std::size_t{64} << 20;
// prefaultTensorCache touches the arena in steps of one huge page, checking its stop flag between them.
constexpr std::size_t kPrefaultStep = kHugePage;

std::size_t roundUp(std::size_t n, std::size_t to)
{
    return (n + to - 1) / to * to;
}

// One contiguous range of address space carved best-fit into blocks; freed blocks coalesce with their
// free neighbours. Everything below the high-water mark (m_top) is a block, live or free, and its pages
// stay resident once touched, so from a window's second pass on the model runs in memory it already owns,
// and the first pass touches little more than its peak working set.
class Arena
{
public:
    Arena()
    {
        void* reserved = mmap(nullptr, kReserve + kHugePage, PROT_NONE,
                              MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        if (reserved == MAP_FAILED)
            return; // e.g. under a low `ulimit -v`: every large block then comes from the system
        const auto start = reinterpret_cast<std::uintptr_t>(reserved);
        m_base = reinterpret_cast<char*>(roundUp(start, kHugePage));
        m_size = kReserve;
    }

    bool contains(const void* data) const
    {
        const char* p = static_cast<const char*>(data);
        return m_base && p >= m_base && p < m_base + m_size;
    }

    // nullptr when the arena cannot hold another `size` bytes (the caller uses the system allocator).
    void* allocate(std::size_t size, bool& hit)
    {
        size = roundUp(size, kPage);
        auto best = m_freeBySize.lower_bound({size, 0});
        std::size_t offset = 0;
        std::size_t blockSize = 0;
        if (best != m_freeBySize.end()) {
            offset = best->second;
            blockSize = best->first;
            takeFree(offset, blockSize);
            hit = true;
        } else {
            // Grow at the top, starting inside the free block that ends there if there is one.
            offset = m_top;
            if (!m_freeByOffset.empty()) {
                const auto last = std::prev(m_freeByOffset.end());
                if (last->first + last->second == m_top) {
                    offset = last->first;
                    blockSize = last->second;
                    takeFree(offset, blockSize);
                }
            }
            if (!commit(offset + size)) {
                if (blockSize)
                    addFree(offset, blockSize);
                return nullptr;
            }
            m_top = offset + size;
            blockSize = size;
            hit = false;
        }
        if (blockSize - size >= kPage) {
            addFree(offset + size, blockSize - size);
            blockSize = size;
        }
        m_live.emplace(offset, blockSize);
        m_liveBytes += blockSize;
        m_peakLive = std::max(m_peakLive, m_liveBytes);
        return m_base + offset;
    }

    void free(void* data)
    {
        const auto offset = static_cast<std::size_t>(static_cast<char*>(data) - m_base);
        const auto it = m_live.find(offset);
        if (it == m_live.end())
            return; // not a block of ours: never happens, and must not corrupt the lists if it does
        const std::size_t size = it->second;
        m_live.erase(it);
        m_liveBytes -= size;
        addFree(offset, size);
    }

    // Gives every idle block's memory back to the system and lowers the high-water mark to the highest
    // block in use.
    void release()
    {
        for (const auto& [offset, size] : m_freeByOffset)
            madvise(m_base + offset, size, MADV_DONTNEED);
        if (!m_freeByOffset.empty()) {
            const auto last = std::prev(m_freeByOffset.end());
            if (last->first + last->second == m_top) {
                m_top = last->first;
                takeFree(last->first, last->second);
            }
        }
        const std::size_t keep = roundUp(m_top, kCommitStep);
        if (keep < m_committed && mprotect(m_base + keep, m_committed - keep, PROT_NONE) == 0)
            m_committed = keep;
        m_peakLive = m_liveBytes;
    }

    // For prefaulting: takes up to `bytes` of fresh address space from the top of the arena, out of reach of
    // allocations until it is handed back with addFree. Returns its offset, or npos when the arena is
    // already `limit` long or cannot grow.
    std::size_t takeFresh(std::size_t bytes, std::size_t limit)
    {
        limit = std::min(limit, m_size);
        if (m_top >= limit || !commit(std::min(m_top + bytes, limit)))
            return npos;
        const std::size_t offset = m_top;
        m_top = std::min(m_top + bytes, limit);
        m_takenSize = m_top - offset;
        return offset;
    }
    std::size_t takenSize() const { return m_takenSize; }

    // Adds [offset, offset + size) to the free lists, merged with the free blocks either side of it.
    void addFree(std::size_t offset, std::size_t size)
    {
        const auto next = m_freeByOffset.find(offset + size);
        if (next != m_freeByOffset.end()) {
            const std::size_t nextSize = next->second;
            takeFree(offset + size, nextSize);
            size += nextSize;
        }
        auto prev = m_freeByOffset.lower_bound(offset);
        if (prev != m_freeByOffset.begin()) {
            --prev;
            if (prev->first + prev->second == offset) {
                const std::size_t prevOffset = prev->first, prevSize = prev->second;
                takeFree(prevOffset, prevSize);
                offset = prevOffset;
                size += prevSize;
            }
        }
        m_freeByOffset.emplace(offset, size);
        m_freeBySize.emplace(size, offset);
        m_idleBytes += size;
    }

    static constexpr std::size_t npos = ~std::size_t{0};

    char* base() const { return m_base; }

    TensorCacheStats stats(std::size_t hits, std::size_t misses) const
    {
        return {m_idleBytes, hits, misses, m_liveBytes, m_peakLive};
    }

private:
    bool commit(std::size_t end)
    {
        if (!m_base || end > m_size)
            return false;
        if (end <= m_committed)
            return true;
        const std::size_t newEnd = std::min(roundUp(end, kCommitStep), m_size);
        if (mprotect(m_base + m_committed, newEnd - m_committed, PROT_READ | PROT_WRITE) != 0)
            return false;
#ifdef MADV_HUGEPAGE
        madvise(m_base + m_committed, newEnd - m_committed, MADV_HUGEPAGE); // advice only: no-op without THP
#endif
        m_committed = newEnd;
        return true;
    }

    void takeFree(std::size_t offset, std::size_t size)
    {
        m_freeByOffset.erase(offset);
        m_freeBySize.erase({size, offset});
        m_idleBytes -= size;
    }

    char* m_base = nullptr; // 2 MiB-aligned start of the reservation; null when there is none
    std::size_t m_size = 0;
    std::size_t m_committed = 0; // bytes from m_base that are readable and writable
    std::size_t m_top = 0;       // high-water mark: every byte below is in a live or a free block
    std::map<std::size_t, std::size_t> m_freeByOffset;          // offset -> size
    std::set<std::pair<std::size_t, std::size_t>> m_freeBySize; // (size, offset), for best fit
    std::unordered_map<std::size_t, std::size_t> m_live;        // offset -> size of blocks in use
    std::size_t m_idleBytes = 0;
    std::size_t m_liveBytes = 0;
    std::size_t m_peakLive = 0;
    std::size_t m_takenSize = 0; // of the last takeFresh
};

// libtorch hands the data pointer itself to the deleter (oneDNN frees through raw_deleter()), so the
// deleter tells arena blocks from system ones by address.
class CachingAllocator final : public c10::Allocator
{
public:
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 3)
    c10::DataPtr allocate(std::size_t n) override
    {
        return wrap(allocateBlock(n));
    }
    void copy_data(void* dest, const void* src, std::size_t count) const override
    {
        std::memcpy(dest, src, count);
    }
#else
    c10::DataPtr allocate(std::size_t n) const override
    {
        return wrap(const_cast<CachingAllocator*>(this)->allocateBlock(n));
    }
#endif
    c10::DeleterFnPtr raw_deleter() const override
    {
        return &CachingAllocator::deleteBlock;
    }

    void release()
    {
        std::lock_guard lock(m_mutex);
        m_arena.release();
    }

    void prefault(std::size_t bytes, const std::atomic<bool>& stop)
    {
        // A step at a time: the step is taken from the top of the arena, where no tensor can be, touched
        // (the kernel zeroes each page as it maps it), then handed to the free lists. Plain page faults,
        // not MADV_POPULATE_WRITE: that holds the address-space lock for a whole step, and the checkpoint
        // load beside it waited on the lock for every buffer it mapped.
        while (!stop.load(std::memory_order_relaxed)) {
            std::size_t offset = 0, size = 0;
            {
                std::lock_guard lock(m_mutex);
                offset = m_arena.takeFresh(kPrefaultStep, bytes);
                if (offset == Arena::npos)
                    return;
                size = m_arena.takenSize();
            }
            volatile char* start = m_arena.base() + offset;
            for (std::size_t at = 0; at < size; at += kPage)
                start[at] = 0; // fresh anonymous memory reads as zero: writing zero changes nothing
            std::lock_guard lock(m_mutex);
            m_arena.addFree(offset, size);
        }
    }

    TensorCacheStats stats()
    {
        std::lock_guard lock(m_mutex);
        return m_arena.stats(m_hits, m_misses);
    }

private:
    static c10::DataPtr wrap(void* data)
    {
        return {data, data, &CachingAllocator::deleteBlock, c10::Device(c10::DeviceType::CPU)};
    }

    static void* systemBlock(std::size_t n)
    {
        void* data = std::aligned_alloc(kAlignment, roundUp(std::max<std::size_t>(n, 1), kAlignment));
        TORCH_CHECK(data, "DefaultCPUAllocator: not enough memory: you tried to allocate ", n, " bytes.");
        return data;
    }

    void* allocateBlock(std::size_t n)
    {
        // Small blocks, and blocks kept for the model's life (ScopedSmallPages), come from the system.
        if (n < kMinCached || t_smallPages > 0)
            return systemBlock(n);
        {
            std::lock_guard lock(m_mutex);
            bool hit = false;
            if (void* data = m_arena.allocate(n, hit)) {
                ++(hit ? m_hits : m_misses);
                return data;
            }
            ++m_misses;
        }
        return systemBlock(n);
    }

    static void deleteBlock(void* data);

    std::mutex m_mutex;
    Arena m_arena;
    std::size_t m_hits = 0;
    std::size_t m_misses = 0;
};

CachingAllocator* instance()
{
    // Never destroyed: tensors may outlive static destruction order.
    static auto* allocator = new CachingAllocator();
    return allocator;
}

void CachingAllocator::deleteBlock(void* data)
{
    if (!data)
        return;
    CachingAllocator* self = instance();
    if (self->m_arena.contains(data)) {
        std::lock_guard lock(self->m_mutex);
        self->m_arena.free(data);
        return;
    }
    std::free(data);
}

} // namespace

void enableTensorCache()
{
    static std::once_flag once;
    std::call_once(once, [] { c10::SetAllocator(c10::DeviceType::CPU, instance(), /*priority*/ 1); });
}

void releaseTensorCache()
{
    instance()->release();
}

void prefaultTensorCache(std::size_t bytes, const std::atomic<bool>& stop)
{
    instance()->prefault(bytes, stop);
}

TensorCacheStats tensorCacheStats()
{
    return instance()->stats();
}

ScopedSmallPages::ScopedSmallPages()
{
    ++t_smallPages;
}

ScopedSmallPages::~ScopedSmallPages()
{
    --t_smallPages;
}

} // namespace stemcrate::model
