#include "model/cpu/CpuRuntime.h"

#include "model/cpu/TensorCache.h"

#include <ATen/Parallel.h>

#include <dlfcn.h>

#include <mutex>
#include <set>
#include <thread>

namespace stemcrate::model {

namespace {

// OpenBLAS is reached through libtorch, not linked by us: look its setter up at run time. Absent with other
// BLAS libraries (MKL follows OpenMP's thread count by itself), in which case there is nothing to do.
void singleThreadedBlas()
{
    using SetThreads = void (*)(int);
    if (auto set = reinterpret_cast<SetThreads>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads")))
        set(1);
}

} // namespace

void prepareCpuRuntime()
{
    static std::once_flag once;
    std::call_once(once, [] {
        enableTensorCache();
        singleThreadedBlas();
    });
}

int cpuLoopThreads()
{
    std::mutex mutex;
    std::set<std::thread::id> seen;
    at::parallel_for(0, 64 * at::get_num_threads(), 1, [&](std::int64_t, std::int64_t) {
        const std::lock_guard lock(mutex);
        seen.insert(std::this_thread::get_id());
    });
    return static_cast<int>(seen.size());
}

} // namespace stemcrate::model
