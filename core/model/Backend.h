#pragma once
// Backend: HDemucs's device kernels behind one table. The network (HDemucs.cpp, HDemucsLayers.cpp) says
// what each layer computes; a Backend says how on one kind of device. HDemucsImpl::prepare() picks one per
// model, once: cpu/CpuBackend (the CPU's own kernels, and libtorch's operators for other dtypes or devices)
// or cuda/CudaBackend (the fused CUDA kernels). The backend's layouts differ (the CUDA one runs the time
// branch as channels-last [B, C, 1, L]); the network only hands tensors from one of its ops to the next.
//
// Internal to core/model (includes torch). Backends are stateless singletons; the per-worker, shape-
// dependent state they use (Winograd plans, iSTFT envelopes) is the caller's ForwardState. Prepared*
// structs are built by prepare() and never change after it: any thread may read them.

#include "model/NormAct.h"

#include <ATen/core/Tensor.h>

#include <cstdint>
#include <memory>
#include <vector>

namespace torch::nn {
class LSTM;
} // namespace torch::nn

namespace stemcrate::model {

class ForwardState;
class WinogradConv;
struct HDemucsConfig;
struct LstmCpuWeights;

// A convolution's shape, as torch.nn.Conv* takes it. 2-d convolutions here have kernel [kernel, 1] over
// (frequency, time), or [kernel, kernel] when square (the 2-d "rewrite" convolutions).
struct ConvSpec
{
    int64_t in = 0;
    int64_t out = 0;
    int64_t kernel = 1;
    int64_t stride = 1;
    int64_t padding = 0;
    int64_t dilation = 1;
    bool twoD = false;
    bool transposed = false;
    bool square = false;
};

// A convolution's weights and every layout of them that a backend's kernels read, made by prepare().
struct PreparedConv
{
    ConvSpec spec;
    at::Tensor weight, bias; // the module's parameters, on the device in the compute dtype
    at::Tensor
        tapMajor; // transposed (kernel a multiple of stride): [in, (tap, phase, out)], a GEMM's operand
    at::Tensor middleRow; // square: the kernel's middle row [out, in, 1, kernel] (single-row inputs)
    std::shared_ptr<const WinogradConv> winograd; // CPU float32 3x3: oneDNN's Winograd kernel; else null
};

// A bidirectional LSTM's weights (torch.nn.LSTM's all_weights order) and the CPU loop's layout of them.
struct PreparedLstm
{
    std::vector<at::Tensor> weights;
    int64_t layers = 0;
    std::shared_ptr<const LstmCpuWeights> cpu; // CPU float32; else null
};

// The encoder's input: the spectrogram as normalised real/imaginary channels, and the statistics the
// output is denormalised with (in the backend's own shapes).
struct NormalisedSpectrum
{
    at::Tensor x, mean, std;
};

class Backend
{
public:
    virtual ~Backend() = default;

    // --- prepare(): the kernels' layouts of the weights.
    virtual PreparedConv prepareConv(const ConvSpec& spec, const at::Tensor& weight,
                                     const at::Tensor& bias) const = 0;
    virtual PreparedLstm prepareLstm(const torch::nn::LSTM& lstm) const = 0;
    // Once, after prepare() placed the LSTM's weights and before prepareLstm: moves them into the memory
    // layout this backend's LSTM wants (cuDNN's single buffer, for CUDA weights that cuDNN runs).
    virtual void placeLstm(torch::nn::LSTM& lstm) const = 0;

    // --- Layouts. The time branch's [B, C, L] (a 4-d [B, C, 1, L] from the frequency branch included) as
    // this backend's convolutions want it; the frequency branch's activations as its next layer wants them.
    virtual at::Tensor timeLayout(const at::Tensor& x) const = 0;
    virtual at::Tensor frequencyLayout(const at::Tensor& x) const = 0;
    // Whether a decoder adds the next decoder's skip to its output in its last kernel (transposedAct's
    // nextSkip); the next decoder is then given an undefined skip.
    virtual bool addsNextSkip() const = 0;

    // --- The spectrogram in and the waveforms out (torchaudio's _magnitude + normalisation; _mask + _ispec
    // + the two branches' sum). z: the mixture's complex spectrogram [B, C, bins, frames]. Returns the
    // encoder's input in `dtype`.
    virtual NormalisedSpectrum normaliseSpectrum(const at::Tensor& z, at::ScalarType dtype) const = 0;
    // decoded: the frequency decoder's output; time: the time decoder's. Returns float32 [B, sources,
    // audioChannels, length]: the frequency branch's iSTFT plus the time branch's, both denormalised.
    virtual at::Tensor waveforms(const HDemucsConfig& config, const NormalisedSpectrum& spectrum,
                                 const at::Tensor& decoded, const at::Tensor& time,
                                 const at::Tensor& timeMean, const at::Tensor& timeStd, int64_t length,
                                 ForwardState& state) const = 0;

    // --- Convolutions.
    // conv(x) with its bias (the local attention's pointwise convolutions).
    virtual at::Tensor conv(const PreparedConv& conv, const at::Tensor& x, ForwardState& state) const = 0;
    // after(conv(x) + bias + inject): `after` normalises and activates (and scales, adds a residual or a
    // frequency addend), all in one step where the device can. after.convBias defined (the conv's own bias)
    // asks for the bias in that step, the product before it without; undefined lets the backend add it
    // where its convolution does best. inject: undefined, or the time branch's output (the layer that
    // merges the branches).
    virtual at::Tensor convAct(const PreparedConv& conv, const at::Tensor& x, NormAct after,
                               const at::Tensor& inject, ForwardState& state) const = 0;
    // The same for a 1-d convolution over each row of a channels-last [B, C, R, T] (DConv's layout);
    // after.convBias is the conv's bias, after.perRow set.
    virtual at::Tensor convRowsAct(const PreparedConv& conv, const at::Tensor& x,
                                   const NormAct& after) const = 0;
    // after(conv(x + skip) + bias), the decoders' rewrite; skip may be undefined (already added).
    virtual at::Tensor addConvAct(const PreparedConv& conv, const at::Tensor& x, const at::Tensor& skip,
                                  const NormAct& after, ForwardState& state) const = 0;
    // A transposed convolution along its axis (frequency for 2-d, time for 1-d) plus bias, through `norm`
    // (groups 0: none) over its whole output, cropped to [offset, offset + count), through GELU if asked,
    // plus nextSkip (only where addsNextSkip()).
    virtual at::Tensor transposedAct(const PreparedConv& conv, const at::Tensor& x, const NormAct& norm,
                                     int64_t offset, int64_t count, bool gelu,
                                     const at::Tensor& nextSkip) const = 0;

    // --- The BLSTM's recurrence: x [steps, batch, features] -> [steps, batch, 2 * hidden], zero initial
    // state, as torch.nn.LSTM.
    virtual at::Tensor lstm(const PreparedLstm& lstm, const at::Tensor& x) const = 0;
    // --- The local attention's weights from the raw dot products [B, H, T, T] (overwritten): divided by
    // sqrt(headChannels), minus the learned distance decay (decay: the raw query_decay output
    // [B, H, ndecay, T]), the diagonal masked, softmax over the keys (torchaudio's _LocalState).
    virtual at::Tensor attentionWeights(at::Tensor dots, const at::Tensor& decay, int64_t ndecay,
                                        int64_t headChannels) const = 0;
};

// The backend for a model prepared for `device` and `dtype`: the CUDA one where its fused kernels run them
// (a CUDA build, fused::applies), the CPU one otherwise.
const Backend& backendFor(const at::TensorOptions& options);

} // namespace stemcrate::model
