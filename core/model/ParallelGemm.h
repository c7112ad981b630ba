#pragma once
// parallelMm: out = a @ b (+ bias), split by rows of `a` over libtorch's intra-op threads. On the CPU the
// BLAS runs single-threaded (CpuRuntime.h), so large products are split here; small ones, and products on
// a GPU, go straight to libtorch. Internal to core/model (includes torch).

#include <torch/torch.h>

namespace stemcrate::model {

// a: [M, K], b: [K, N], bias: undefined, [N] or [M, 1]. Returns a new contiguous [M, N] tensor.
torch::Tensor parallelMm(const torch::Tensor& a, const torch::Tensor& b, const torch::Tensor& bias = {});

} // namespace stemcrate::model
