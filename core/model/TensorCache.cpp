#include "model/TensorCache.h"

#include <c10/core/Allocator.h>
#include <torch/version.h>

#include <sys/mman.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>
#include <unordered_map>

namespace stemcrate::model {

namespace {

thread_local int t_smallPages = 0; // ScopedSmallPages alive on this thread

// Blocks below this size are left to the default allocator (glibc keeps those in its heap anyway).
constexpr std::size_t kMinCached = std::size_t{1} << 20;
// Idle bytes the cache may hold; beyond it, freed blocks go straight back to the system. A 10 s window
// of HDemucs high never parks more than this; 1 GiB cost 8 % of CPU speed.
constexpr std::size_t kMaxIdle = std::size_t{2} << 30;
constexpr std::size_t kAlignment = 64; // as c10's default CPU allocator
constexpr std::size_t kGranule = 4096;
// Blocks from this size on are 2 MiB-aligned and asked to be backed by transparent huge pages: a window's
// first pass page-faults 512 times less, and the TLB covers the big activations.
constexpr std::size_t kHugePage = std::size_t{2} << 20;

// libtorch hands the data pointer itself to the deleter (oneDNN frees through raw_deleter()), so the
// sizes of the large blocks in use are kept in a map.
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
        std::multimap<std::size_t, void*> idle;
        {
            std::lock_guard lock(m_mutex);
            idle.swap(m_idle);
            m_idleBytes = 0;
        }
        for (auto& [size, data] : idle)
            std::free(data);
    }

    TensorCacheStats stats()
    {
        std::lock_guard lock(m_mutex);
        return {m_idleBytes, m_hits, m_misses};
    }

private:
    static c10::DataPtr wrap(void* data)
    {
        return {data, data, &CachingAllocator::deleteBlock, c10::Device(c10::DeviceType::CPU)};
    }

    void* allocateBlock(std::size_t n)
    {
        if (n < kMinCached) {
            void* data = std::aligned_alloc(kAlignment, (std::max<std::size_t>(n, 1) + kAlignment - 1) /
                                                            kAlignment * kAlignment);
            TORCH_CHECK(data, "DefaultCPUAllocator: not enough memory: you tried to allocate ", n, " bytes.");
            return data;
        }
        const std::size_t granule = n >= kHugePage ? kHugePage : kGranule;
        const std::size_t size = (n + granule - 1) / granule * granule;
        {
            std::lock_guard lock(m_mutex);
            // Best fit, accepting up to 1/8 slack: windows of one length ask for identical sizes.
            auto it = m_idle.lower_bound(size);
            if (it != m_idle.end() && it->first <= size + size / 8) {
                void* data = it->second;
                m_idleBytes -= it->first;
                m_live.emplace(data, it->first);
                m_idle.erase(it);
                ++m_hits;
                return data;
            }
            ++m_misses;
        }
        const std::size_t alignment = size >= kHugePage ? kHugePage : kAlignment;
        void* data = std::aligned_alloc(alignment, size);
        if (!data) {
            // Give the idle blocks back and try once more before reporting out-of-memory as c10 does.
            release();
            data = std::aligned_alloc(alignment, size);
            TORCH_CHECK(data, "DefaultCPUAllocator: not enough memory: you tried to allocate ", n, " bytes.");
        }
#ifdef MADV_HUGEPAGE
        if (alignment == kHugePage && t_smallPages == 0)
            madvise(data, size, MADV_HUGEPAGE); // advice only: without THP it is a no-op
#endif
        std::lock_guard lock(m_mutex);
        m_live.emplace(data, size);
        return data;
    }

    static void deleteBlock(void* data);

    std::mutex m_mutex;
    std::unordered_map<void*, std::size_t> m_live; // large blocks in use -> their size
    std::multimap<std::size_t, void*> m_idle;      // size -> idle block
    std::size_t m_idleBytes = 0;
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
    {
        std::lock_guard lock(self->m_mutex);
        auto it = self->m_live.find(data);
        if (it != self->m_live.end()) {
            const std::size_t size = it->second;
            self->m_live.erase(it);
            if (self->m_idleBytes + size <= kMaxIdle) {
                self->m_idle.emplace(size, data);
                self->m_idleBytes += size;
                return;
            }
        }
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
