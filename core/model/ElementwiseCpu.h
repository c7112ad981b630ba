#pragma once
// Elementwise operators of HDemucs on the CPU, faster than libtorch 1.13's own where the profile showed it
// (its erf-form GELU took 7 % of a CPU window). Float32 CPU tensors in any dense layout (channels-last
// included) are computed here; anything else goes to libtorch. Internal to core/model (includes torch).

#include <ATen/core/Tensor.h>

namespace stemcrate::model {

// GELU, exact (erf) form like torch.nn.GELU(); result has x's layout. Within 3e-7 of torch::gelu.
at::Tensor gelu(const at::Tensor& x);

} // namespace stemcrate::model
