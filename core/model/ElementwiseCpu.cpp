#include "model/ElementwiseCpu.h"

#include "model/FastMath.h"

#include <ATen/Parallel.h>
#include <torch/torch.h>

#include <cstdint>

namespace stemcrate::model {

namespace {

STEMCRATE_CLONES
void geluSpan(const float* in, float* out, std::int64_t n)
{
    for (std::int64_t i = 0; i < n; ++i)
        out[i] = fastmath::gelu(in[i]);
}

} // namespace

at::Tensor gelu(const at::Tensor& x)
{
    if (!x.is_cpu() || x.scalar_type() != torch::kFloat32 || !x.is_non_overlapping_and_dense())
        return torch::gelu(x);
    at::Tensor out = torch::empty_like(x); // a dense input keeps its strides
    if (out.strides() != x.strides())
        return torch::gelu(x);
    const float* in = x.data_ptr<float>();
    float* dst = out.data_ptr<float>();
    // Dense and non-overlapping: the elements fill [data, data + numel) in some order; order is irrelevant.
    at::parallel_for(0, x.numel(), std::int64_t{1} << 15, [&](std::int64_t begin, std::int64_t end) {
        geluSpan(in + begin, dst + begin, end - begin);
    });
    return out;
}

} // namespace stemcrate::model
