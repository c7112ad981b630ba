#pragma once
// HDemucs's fused CUDA operators on tensors (the kernels are CudaKernels.h): bias + GroupNorm + GELU/GLU
// (+ LayerScale + residual) in two passes, a transposed convolution's overlap-add with its bias and crop,
// the encoder's input, the inverse STFT's input and overlap-add, the local attention's weights and the
// BLSTM recurrence. They replace chains of libtorch's elementwise kernels that were half of a float16 pass
// on an H100, and cuDNN's per-step LSTM (BENCHMARKS.md).
//
// Internal to core/model (includes torch). Only builds with a CUDA libtorch compile the kernels; elsewhere
// applies() is false and the callers keep their libtorch path. Inputs are never modified; every result is a
// new tensor on x's device and stream. Parameters (biases, norm weights) are converted to x's dtype when
// they differ. Any thread, under the caller's CUDA device and stream.

#include "model/NormAct.h"

#include <ATen/core/Tensor.h>

#include <cstdint>
#include <vector>

namespace stemcrate::model::fused {

// Whether the fused kernels can run on x: a CUDA build, a CUDA tensor, float32, float16 or bfloat16, and
// not switched off.
bool applies(const at::Tensor& x);
// Whether they run tensors of `options` (device and dtype).
bool applies(const at::TensorOptions& options);

// Process-wide switch, on by default: off, HDemucsImpl::prepare() picks the CPU backend's libtorch path for
// CUDA models too (the engine's path before these kernels). For tests and benchmarks that compare the two;
// prepare the model again after switching.
void setEnabled(bool enabled);

// The step's description is model::NormAct (model/NormAct.h), shared with the CPU's loops.
using model::Activation;
using model::NormAct;

// x: contiguous [B, C, ...] or channels-last [B, C, R, T]. Returns activation(norm(x + convBias)) * scale
// + residual in x's layout (channels-last for a per-row normalisation of several rows or a frequency
// addend), with C / 2 channels for GLU.
at::Tensor normAct(const at::Tensor& x, const NormAct& op);

// The local attention's weights: softmax over dim 2 of dots * scale minus the learned distance decay
// (decay: the raw query_decay output [B, H, F, T]), with the diagonal masked (cuda::attentionWeights).
// dots: [B, H, T, T]; returns the same shape, contiguous.
at::Tensor attentionWeights(const at::Tensor& dots, const at::Tensor& decay, double scale);

// Finishes a transposed convolution (kernel taps * stride along one axis) computed as a GEMM whose output
// `columns` holds [B, L, W, taps, stride, C] contiguous values: returns the convolution's output along the
// axis cropped to [offset, offset + count), plus bias, optionally through GELU, plus `addend` (whose memory
// is laid out as the result's: a channels-last skip of the next decoder layer), as contiguous [B, count, W,
// C].
at::Tensor overlapAdd(const at::Tensor& columns, int64_t batch, int64_t length, int64_t width, int64_t taps,
                      int64_t stride, int64_t channels, int64_t offset, int64_t count, const at::Tensor& bias,
                      bool gelu, const at::Tensor& addend = {});

// z: the mixture's complex spectrogram [B, C, bins, frames] (any strides); mean, std: B float32 values.
// Returns (z as [B, 2C, bins, frames] real/imaginary channels - mean) / (1e-5 + std) in `dtype`,
// channels-last: the encoder's input in one pass.
at::Tensor normaliseSpectrum(const at::Tensor& z, const at::Tensor& mean, const at::Tensor& std,
                             at::ScalarType dtype);

// decoded: channels-last [B, planes * 2, bins, frames] (the decoder's normalised spectrogram); mean, std:
// B float32 values. Returns complex float32 [B * planes, frames + 4, bins + 1], denormalised, with the zero
// frames and top bin torchaudio's iSTFT input has.
at::Tensor unpackSpectrum(const at::Tensor& decoded, int64_t planes, const at::Tensor& mean,
                          const at::Tensor& std);

// blocks: float32 [B * planes, frames, nfft] (inverse FFT of each frame); window: float32 [nfft];
// envelope: float32 [length]. Returns float32 [B, planes, length]: the windowed overlap-add from sample
// `start`, divided by the envelope, plus time * timeStd[b] + timeMean[b] (time: [B, planes, length], any
// strides; timeMean, timeStd: B float32 values).
at::Tensor overlapAddSpectrum(const at::Tensor& blocks, const at::Tensor& window, const at::Tensor& envelope,
                              int64_t hop, int64_t start, int64_t length, const at::Tensor& time,
                              const at::Tensor& timeMean, const at::Tensor& timeStd);

// A bidirectional LSTM (zero initial state, sequence-major) like torch's, its float16 recurrence in one
// launch of thread-block clusters per layer with both directions at once (cuda::lstmRecurrence); float32,
// and GPUs or shapes that kernel does not run (lstmFits), go to cuDNN. x: [steps, batch, features]; weights
// as torch::nn::LSTM's all_weights() (per layer, forward then reverse: w_ih, w_hh, b_ih, b_hh). Where cuDNN
// runs weights that are not views of one buffer in its layout (torch::nn::LSTM's flatten_parameters()), this
// call lays out a copy of its own (cuDNN would warn and compact them on every call). Returns
// [steps, batch, 2 * hidden].
at::Tensor bidirectionalLstm(const at::Tensor& x, const std::vector<at::Tensor>& weights, int64_t layers);
// Whether bidirectionalLstm runs the fused recurrence, not cuDNN, for weights of `options` with `hidden`
// units at a small batch (float16 on a GPU that runs thread-block clusters); a batch too large for the GPU
// still goes to cuDNN. False without a CUDA build.
bool lstmRunsFused(const at::TensorOptions& options, int64_t hidden);

} // namespace stemcrate::model::fused
