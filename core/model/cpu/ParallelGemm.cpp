#include "model/cpu/ParallelGemm.h"

namespace stemcrate::model {

torch::Tensor parallelMm(const torch::Tensor& a, const torch::Tensor& b, const torch::Tensor& bias)
{
    const int64_t M = a.size(0), threads = at::get_num_threads();
    const bool split = a.is_cpu() && threads > 1 && M >= 2 * threads && !at::in_parallel_region() &&
                       M * a.size(1) * b.size(1) >= (int64_t{1} << 22);
    if (!split)
        return bias.defined() ? torch::addmm(bias, a, b) : torch::mm(a, b);
    torch::Tensor out = torch::empty({M, b.size(1)}, a.options());
    forRowChunks(M, [&](int64_t m0, int64_t m1) {
        torch::Tensor rows = out.slice(0, m0, m1); // contiguous: whole rows
        if (!bias.defined())
            at::mm_out(rows, a.slice(0, m0, m1), b);
        else if (bias.dim() == 2 && bias.size(0) == M)
            at::addmm_out(rows, bias.slice(0, m0, m1), a.slice(0, m0, m1), b);
        else
            at::addmm_out(rows, bias, a.slice(0, m0, m1), b);
    });
    return out;
}

} // namespace stemcrate::model
