#pragma once
// parallelMm: out = a @ b (+ bias), split by rows of `a` over libtorch's intra-op threads. On the CPU the
// BLAS runs single-threaded (CpuRuntime.h), so large products are split here; small ones, and products on
// a GPU, go straight to libtorch. Internal to core/model (includes torch).

#include <ATen/Parallel.h>
#include <torch/torch.h>

#include <algorithm>

namespace stemcrate::model {

// a: [M, K], b: [K, N], bias: undefined, [N] or [M, 1]. Returns a new contiguous [M, N] tensor.
inline torch::Tensor parallelMm(const torch::Tensor& a, const torch::Tensor& b,
                                const torch::Tensor& bias = {})
{
    const int64_t M = a.size(0), threads = at::get_num_threads();
    const bool split = a.is_cpu() && threads > 1 && M >= 2 * threads && !at::in_parallel_region() &&
                       M * a.size(1) * b.size(1) >= (int64_t{1} << 22);
    if (!split)
        return bias.defined() ? torch::addmm(bias, a, b) : torch::mm(a, b);
    torch::Tensor out = torch::empty({M, b.size(1)}, a.options());
    const int64_t chunk = (M + threads - 1) / threads;
    at::parallel_for(0, threads, 1, [&](int64_t begin, int64_t end) {
        for (int64_t t = begin; t < end; ++t) {
            const int64_t m0 = t * chunk, m1 = std::min(M, m0 + chunk);
            if (m0 >= m1)
                continue;
            torch::Tensor rows = out.slice(0, m0, m1); // contiguous: whole rows
            if (!bias.defined())
                at::mm_out(rows, a.slice(0, m0, m1), b);
            else if (bias.dim() == 2 && bias.size(0) == M)
                at::addmm_out(rows, bias.slice(0, m0, m1), a.slice(0, m0, m1), b);
            else
                at::addmm_out(rows, bias, a.slice(0, m0, m1), b);
        }
    });
    return out;
}

} // namespace stemcrate::model
