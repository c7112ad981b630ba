#pragma once
// Elementwise operators of HDemucs on the CPU, faster than libtorch 1.13's own where the profile showed it
// (its erf-form GELU took 7 % of a CPU window). Float32 CPU tensors in any dense layout (channels-last
// included) are computed here; anything else goes to libtorch. Internal to core/model (includes torch).

#include "model/NormAct.h" // the description normAct() shares with the CUDA kernels

#include <ATen/core/Tensor.h>

namespace stemcrate::model {

// GELU, exact (erf) form like torch.nn.GELU(); result has x's layout. Within 5e-7 of torch::gelu. Also
// computed here for a view whose last dimension is contiguous (a cropped decoder output), returned dense.
at::Tensor gelu(const at::Tensor& x);

// GLU over dim 1 (channels): the first half times the sigmoid of the second, like torch::glu(x, 1).
// Computed here for channels-last and contiguous tensors; the result has x's layout.
at::Tensor glu(const at::Tensor& x);

// model::NormAct on the CPU: activation(norm(x + convBias)) * scale + residual in two passes over x (the
// statistics, then one multiply-add per value and the activation), where libtorch took up to five: the
// bias broadcast that addmm writes before its product, the norm, its output read back by the activation,
// GLU, the scale and the residual. GroupNorm (op.groups groups; 0: none) per batch item, or per (b, r) row
// of a channels-last [B, C, R, T] x with op.perRow (DConv's layout, see HDemucs.cpp); statistics in double,
// biased variance, like torch::group_norm. x: float32, contiguous [B, C, ...] or channels-last [B, C, R, T];
// the result has x's layout, C / 2 channels for GLU. Other dtypes, and scale or residual without GLU (which
// HDemucs never asks for), take libtorch's operators. frequencyAddend is for CUDA only.
at::Tensor normAct(const at::Tensor& x, const NormAct& op);

// fused::overlapAdd on the CPU (float32): finishes a transposed convolution computed as a GEMM whose output
// `columns` holds [B, L, W, taps, stride, C] contiguous values. Returns the output along the axis cropped to
// [offset, offset + count), plus bias, through GELU if asked, as contiguous [B, count, W, C]; or, with
// channelsFirst (W = 1 only: the time branch), as contiguous [B, C, count]. One pass that reads each column
// once and writes each output once, where the tap-by-tap adds, the bias, the crop's copy and GELU were four.
at::Tensor overlapAdd(const at::Tensor& columns, int64_t batch, int64_t length, int64_t width, int64_t taps,
                      int64_t stride, int64_t channels, int64_t offset, int64_t count, const at::Tensor& bias,
                      bool gelu, bool channelsFirst);

// The decoder's spectrogram into the iSTFT's frames, denormalised on the way: for a channels-last float32
// src [B, S * C * 2, F, T] (channels are (source, audio channel, real/imaginary)), mean and std of B values,
// and a float32 dst [B, S, C, T, F, 2] whose last dimension is contiguous (a view into the complex frames):
// dst[b, s, c, t, f, i] = src[b, (s * C + c) * 2 + i, f, t] * std[b] + mean[b]. Returns false (and writes
// nothing) for anything else, for the caller to do it with libtorch. One pass instead of an addcmul and a
// strided copy (the copy alone was 30-44 ms of a 10 s CPU window).
bool unpackSpectrum(const at::Tensor& src, const at::Tensor& mean, const at::Tensor& std,
                    const at::Tensor& dst);

} // namespace stemcrate::model
