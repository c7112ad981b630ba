#pragma once
// NormAct: the description of one fused "bias + norm + activation (+ LayerScale + residual)" step after a
// convolution, shared by the CPU's loops (cpu/ElementwiseCpu.h, model::normAct) and the CUDA kernels
// (cuda/FusedCuda.h, fused::normAct). Plain value; any thread. Internal to core/model.

#include <ATen/core/Tensor.h>

#include <cstdint>

namespace stemcrate::model {

enum class Activation
{
    None,
    Gelu,
    Glu
};

struct NormAct
{
    at::Tensor convBias; // added first (the preceding convolution's bias); undefined: none
    int64_t groups = 0;  // GroupNorm's groups (1..4); 0: no normalisation
    at::Tensor weight, bias;
    double eps = 1e-5;
    // Channels-last 4-D x [B, C, R, T] only: normalise each (b, r) row over its C x T values (GroupNorm(1)
    // of the rows torchaudio folds into its batch, DConv's layout); otherwise over each batch item.
    bool perRow = false;
    Activation activation = Activation::None;
    at::Tensor scale;    // LayerScale over the output channels; undefined: none
    at::Tensor residual; // added last, shaped like the output; undefined: none
    // Channels-last 4-D x [B, C, F, T] only: [F, C'] values added per (frequency, channel) of the output,
    // after all else (the frequency embedding); undefined: none.
    at::Tensor frequencyAddend;
};

} // namespace stemcrate::model
