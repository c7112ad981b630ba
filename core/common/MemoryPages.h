#pragma once
// populatePages: has the kernel map, zero and write-enable the whole pages of a range of this process's
// memory now, in one call (Linux's MADV_POPULATE_WRITE, 5.14 and later), instead of at one page fault per
// page when the range is first written. For memory about to be written on a critical path (a first song's
// stems): populated on several threads, the zeroing runs in parallel and ahead. Pages only partly inside the
// range are left alone. Any thread; the range must be this process's writable memory.

#include <cstddef>
#include <cstdint>

#if defined(__linux__)
#include <sys/mman.h>
#include <unistd.h>
#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23 // Linux's value; an older kernel answers EINVAL
#endif
#endif

namespace stemcrate {

// True when every whole page of [data, data + bytes) is populated (or there is none); false when the kernel
// cannot (older than 5.14, not Linux): the pages are then faulted in when first written, as before.
inline bool populatePages(void* data, std::size_t bytes)
{
#if defined(__linux__)
    static const auto page = static_cast<std::uintptr_t>(sysconf(_SC_PAGESIZE));
    const auto from = reinterpret_cast<std::uintptr_t>(data);
    const std::uintptr_t begin = (from + page - 1) / page * page;
    const std::uintptr_t end = (from + bytes) / page * page;
    if (end <= begin)
        return true;
    return madvise(reinterpret_cast<void*>(begin), end - begin, MADV_POPULATE_WRITE) == 0;
#else
    (void)data;
    (void)bytes;
    return false;
#endif
}

} // namespace stemcrate
