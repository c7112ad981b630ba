#pragma once
// parallelMm: out = a @ b (+ bias), split by rows of `a` over libtorch's intra-op threads. On the CPU the
// BLAS runs single-threaded (CpuRuntime.h), so large products are split here; small ones, and products on
// a GPU, go straight to libtorch. forRowChunks: the same split for other work done by libtorch's operators
// on single threads. Internal to core/model (includes torch).

#include <ATen/Parallel.h>
#include <ATen/ThreadLocalState.h>
#include <torch/torch.h>

#include <algorithm>
#include <cstdint>

namespace stemcrate::model {

// fn(begin, end) over [0, rows) in one chunk per thread of libtorch's pool, each with the caller's
// thread-local state (OpenMP workers do not inherit it: grad and inference mode; without them addmm_out
// refuses the model's parameters as requiring grad). Inline when there is one thread or already inside a
// parallel region. CPU work only: the workers do not carry the caller's CUDA stream.
template <class Fn> void forRowChunks(std::int64_t rows, const Fn& fn)
{
    const std::int64_t threads = at::get_num_threads();
    if (threads < 2 || rows < 2 || at::in_parallel_region()) {
        fn(std::int64_t{0}, rows);
        return;
    }
    const std::int64_t chunk = (rows + threads - 1) / threads;
    const at::ThreadLocalState callerState;
    at::parallel_for(0, threads, 1, [&](std::int64_t begin, std::int64_t end) {
        const at::ThreadLocalStateGuard stateGuard(callerState);
        for (std::int64_t t = begin; t < end; ++t) {
            const std::int64_t r0 = t * chunk, r1 = std::min(rows, r0 + chunk);
            if (r0 < r1)
                fn(r0, r1);
        }
    });
}

// a: [M, K], b: [K, N], bias: undefined, [N] or [M, 1]. Returns a new contiguous [M, N] tensor.
torch::Tensor parallelMm(const torch::Tensor& a, const torch::Tensor& b, const torch::Tensor& bias = {});

} // namespace stemcrate::model
