// A faithful port of torchaudio's HDemucs forward pass. Where the Python branches on tensor rank, this port
// branches on the layer's configuration instead (which is what the rank encodes), so every call with the
// same input shape runs the same code path.
//
// The arithmetic is torchaudio's; the layouts and kernels are chosen for speed (BENCHMARKS.md): the
// frequency branch runs channels-last with its DConv row-wise (GEMM + layer norm), transposed convolutions
// are GEMMs plus shifted adds, the iSTFT's overlap-add is our own, and on the CPU the LSTM recurrence and
// GELU/GLU run in LstmCpu / ElementwiseCpu and the 3x3 rewrite convolutions in oneDNN's Winograd kernel
// (WinogradConv). On CUDA the time branch runs channels-last too ([B, C, 1, L]), and every convolution's
// bias, norm, activation and residual is one fused kernel after it (FusedCuda.h); the *Cuda methods below.
// CPU parity: test_model_parity; the CUDA path against the CPU's, kernel by kernel and whole: tests/cuda
// (test_cuda_engine, on the GPU machine).

#include "model/HDemucs.h"

#include "model/cpu/ElementwiseCpu.h"
#include "model/cuda/FusedCuda.h"
#include "model/cpu/LstmCpu.h"
#include "model/cpu/ParallelGemm.h"
#include "model/cpu/WinogradConv.h"

#include <ATen/record_function.h>
#include <torch/nn/functional/padding.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/modules/rnn.h>
#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <mutex>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace stemcrate::model {

namespace F = torch::nn::functional;

// Names a stretch of the pass in profiles (libtorch's profiler, Kineto traces on the GPU): free when no
// profiler runs. Used per layer and for the parts the benchmarks break the time down by.
#define STEMCRATE_SCOPE(name) RECORD_FUNCTION(name, std::vector<c10::IValue>())

namespace {

// A contiguous copy of a CPU tensor in memory of its own, outside the tensor cache's arena: for weights in
// another layout, made once and kept (in the arena they would count as working set and split its free
// space, see LstmCpu.h).
torch::Tensor persistentCopy(const torch::Tensor& t)
{
    const size_t bytes = static_cast<size_t>(t.numel()) * t.element_size();
    void* data = std::malloc(std::max<size_t>(bytes, 1));
    TORCH_CHECK(data, "HDemucs: out of memory for ", bytes, " bytes of weights");
    torch::Tensor out = torch::from_blob(
        data, t.sizes(), [](void* p) { std::free(p); }, t.options());
    out.copy_(t);
    return out;
}

// A convolution (1d or 2d, plain or transposed) whose parameters are named "weight" and "bias" like
// torch.nn.Conv*. 2d convolutions here always have kernel [k, 1] over (frequency, time).
struct ConvOptions
{
    int64_t in = 0;
    int64_t out = 0;
    int64_t kernel = 1;
    int64_t stride = 1;
    int64_t padding = 0;
    int64_t dilation = 1;
    bool twoD = false;
    bool transposed = false;
    bool square = false; // 2d kernel [kernel, kernel] with padding on both axes (the 2d "rewrite" convs)
};

class ConvImpl : public torch::nn::Module
{
public:
    explicit ConvImpl(ConvOptions o) : m_o(o)
    {
        std::vector<int64_t> shape = o.transposed ? std::vector<int64_t>{o.in, o.out, o.kernel}
                                                  : std::vector<int64_t>{o.out, o.in, o.kernel};
        if (o.twoD)
            shape.push_back(o.square ? o.kernel : 1);
        // Uninitialised: loadStateDict fills every parameter (it refuses a checkpoint with a key missing).
        weight = register_parameter("weight", torch::empty(shape));
        bias = register_parameter("bias", torch::empty({o.out}));
    }

    // Without the bias when withBias is false (a fused normalisation after it adds it); not for transposed
    // convolutions.
    torch::Tensor forward(const torch::Tensor& x, bool withBias = true)
    {
        TORCH_CHECK(withBias || !m_o.transposed, "HDemucs: a transposed convolution always adds its bias");
        const torch::Tensor b = withBias ? bias : torch::Tensor();
        if (m_o.transposed && m_o.kernel % m_o.stride == 0) {
            if (m_o.twoD)
                return transposedChannelsLast(x);
            // The time branch: the same GEMM over time-major rows, back to [B, C, L] at the end.
            return transposedChannelsLast(x.unsqueeze(-1)).squeeze(-1).contiguous();
        }
        if (m_o.twoD) {
            if (m_o.transposed)
                return torch::conv_transpose2d(x, weight, bias, {m_o.stride, 1});
            if (m_o.square) {
                // On a single frequency row (the last frequency layer) only the kernel's middle row meets
                // data; the others multiply zero padding. Same sum, a third of the work.
                if (x.size(2) == 1 && m_o.stride == 1 && m_o.padding * 2 + 1 == m_o.kernel)
                    return torch::conv2d(x, middleRow(), b, {1, 1}, std::vector<int64_t>{0, m_o.padding},
                                         {1, m_o.dilation});
                if (withBias) {
                    if (torch::Tensor y = winograd(x); y.defined())
                        return y;
                }
                return torch::conv2d(x, weight, b, {m_o.stride, m_o.stride}, {m_o.padding, m_o.padding},
                                     {m_o.dilation, m_o.dilation});
            }
            return torch::conv2d(x, weight, b, {m_o.stride, 1}, {m_o.padding, 0}, {m_o.dilation, 1});
        }
        if (m_o.transposed)
            return torch::conv_transpose1d(x, weight, bias, m_o.stride);
        // On the CPU, pointwise convolutions that oneDNN runs badly are GEMMs: from a handful of channels
        // over a long sequence (oneDNN pads the channels to 16-wide blocks: 3x slower, BENCHMARKS.md), and
        // the attention's over a few hundred steps (its per-call weight reordering cost more than the
        // product). cuDNN runs both well, bias included.
        if (m_o.kernel == 1 && m_o.stride == 1 && x.dim() == 3 && x.is_cpu() &&
            (m_o.in < 16 || x.size(2) <= 1024)) {
            if (x.size(0) == 1)
                return parallelMm(weight.squeeze(-1), x[0], withBias ? bias.view({-1, 1}) : b).unsqueeze(0);
            const torch::Tensor y = torch::matmul(weight.squeeze(-1), x);
            return withBias ? y.add_(bias.view({-1, 1})) : y;
        }
        return torch::conv1d(x, weight, b, m_o.stride, m_o.padding, m_o.dilation);
    }

    // Row-wise form of a 1d convolution: x is [B, C, R, T] in channels-last memory (physically [B, R, T, C])
    // and every (b, r) row is one sequence over T, the layout torchaudio gets by folding R into the batch.
    // Without the bias when withBias is false (a fused kernel after it adds it).
    torch::Tensor forwardRows(const torch::Tensor& x, bool withBias = true)
    {
        TORCH_CHECK(!m_o.twoD && !m_o.transposed && m_o.stride == 1, "HDemucs: not a row-wise convolution");
        const torch::Tensor b = withBias ? bias : torch::Tensor();
        if (m_o.kernel == 1) {
            const int64_t B = x.size(0), R = x.size(2), T = x.size(3);
            const torch::Tensor rows = x.permute({0, 2, 3, 1}).reshape({-1, m_o.in});
            return parallelMm(rows, weight.view({m_o.out, m_o.in}).t(), b)
                .view({B, R, T, m_o.out})
                .permute({0, 3, 1, 2});
        }
        return torch::conv2d(x, weight.unsqueeze(2), b, {1, 1}, std::vector<int64_t>{0, m_o.padding},
                             {1, m_o.dilation});
    }

    // The CUDA layouts: 2-d convolutions take channels-last [B, C, F, T]; 1-d ones take channels-last
    // [B, C, 1, L] (the time branch on the GPU, cuDNN's NHWC kernels over a [1, K] window) or, inside the
    // DConv layers with an LSTM or attention, contiguous [B, C, L]. Returns the convolution without its bias:
    // the fused kernel after it adds it. Not for transposed convolutions (transposedFused). On the CPU it is
    // forward() without the bias.
    torch::Tensor forwardNoBias(const torch::Tensor& x)
    {
        TORCH_CHECK(!m_o.transposed, "HDemucs: forwardNoBias of a transposed convolution");
        if (x.is_cpu())
            return forward(x, false);
        if (!m_o.twoD) {
            if (x.dim() == 3)
                return torch::conv1d(x, weight, {}, m_o.stride, m_o.padding, m_o.dilation);
            return torch::conv2d(x, weight.unsqueeze(2), {}, {1, m_o.stride},
                                 std::vector<int64_t>{0, m_o.padding}, {1, m_o.dilation});
        }
        if (!m_o.square)
            return torch::conv2d(x, weight, {}, {m_o.stride, 1}, {m_o.padding, 0}, {m_o.dilation, 1});
        if (x.size(2) == 1 && m_o.stride == 1 && m_o.padding * 2 + 1 == m_o.kernel) // see forward()
            return torch::conv2d(x, middleRow(), {}, {1, 1}, std::vector<int64_t>{0, m_o.padding},
                                 {1, m_o.dilation});
        return torch::conv2d(x, weight, {}, {m_o.stride, m_o.stride}, {m_o.padding, m_o.padding},
                             {m_o.dilation, m_o.dilation});
    }

    // A transposed convolution on the CPU (float32), cropped to [offset, offset + count) along its axis and
    // through GELU if asked: one GEMM, then one pass that adds the taps and the bias (model::overlapAdd),
    // where the GEMM with its bias broadcast, the tap-by-tap adds, the crop's copy and GELU were separate
    // passes. Frequency branch: x [B, C, L, W] (channels-last is cheapest), returns channels-last
    // [B, Co, count, W]. Time branch: x [B, C, L], returns contiguous [B, Co, count].
    torch::Tensor transposedCpu(const torch::Tensor& x, int64_t offset, int64_t count, bool gelu)
    {
        TORCH_CHECK(m_o.transposed && m_o.kernel % m_o.stride == 0,
                    "HDemucs: transposed convolution's kernel must be a multiple of its stride");
        const bool time = x.dim() == 3;
        const int64_t B = x.size(0), Ci = x.size(1), L = x.size(2), W = time ? 1 : x.size(3);
        const int64_t Co = m_o.out, S = m_o.stride, K = m_o.kernel;
        const torch::Tensor rows =
            (time ? x.permute({0, 2, 1}) : x.permute({0, 2, 3, 1})).reshape({B * L * W, Ci});
        const torch::Tensor w = tapMajorWeight();
        const torch::Tensor out =
            model::overlapAdd(parallelMm(rows, w), B, L, W, K / S, S, Co, offset, count, bias, gelu, time);
        return time ? out : out.view({B, count, W, Co}).permute({0, 3, 1, 2});
    }

    // Whether transposedCpu/transposedFused can run this convolution (a kernel that is a multiple of its
    // stride, as all of HDemucs's are).
    bool overlapAddable() const { return m_o.transposed && m_o.kernel % m_o.stride == 0; }

    // The output length along the axis of a transposed convolution over `length` positions.
    int64_t transposedLength(int64_t length) const { return (length - 1) * m_o.stride + m_o.kernel; }

    // A transposed convolution on CUDA, channels-last in and out: [B, C, L, W] along L (2-d) or
    // [B, C, 1, L] along L (1-d). One GEMM of the input rows by the weight arranged [Ci, (tap, phase, co)],
    // then one kernel adds the taps and the bias, crops the output along the axis to [offset,
    // offset + count), applies GELU if asked and adds `addend` (fused::overlapAdd). cuDNN's own transposed
    // kernel took 77 ms for one float16 layer (BENCHMARKS.md, an earlier session).
    torch::Tensor transposedFused(const torch::Tensor& x, int64_t offset, int64_t count, bool gelu,
                                  const torch::Tensor& addend = {})
    {
        TORCH_CHECK(m_o.transposed && m_o.kernel % m_o.stride == 0,
                    "HDemucs: transposed convolution's kernel must be a multiple of its stride");
        const int64_t B = x.size(0), Ci = x.size(1);
        const int64_t L = m_o.twoD ? x.size(2) : x.size(3), W = m_o.twoD ? x.size(3) : 1;
        const int64_t Co = m_o.out, S = m_o.stride, K = m_o.kernel;
        const torch::Tensor rows = x.permute({0, 2, 3, 1}).reshape({B * L * W, Ci});
        const torch::Tensor w = tapMajorWeight();
        const torch::Tensor y =
            fused::overlapAdd(torch::mm(rows, w), B, L, W, K / S, S, Co, offset, count, bias, gelu, addend);
        return (m_o.twoD ? y : y.view({B, 1, count, Co})).permute({0, 3, 1, 2});
    }

    // glu(forward(x + addend)) over the channels in one go through the Winograd kernel (the decoders'
    // rewrite, WinogradConv::forwardAddGlu); undefined where that does not apply.
    torch::Tensor forwardAddGlu(const torch::Tensor& x, const torch::Tensor& addend)
    {
        if (!m_o.twoD || !m_o.square || x.size(2) == 1)
            return {};
        const std::lock_guard lock(m_winogradMutex);
        WinogradConv* conv = winogradFor(x);
        return conv ? conv->forwardAddGlu(x, addend) : torch::Tensor();
    }

    torch::Tensor weight;
    torch::Tensor bias;

private:
    // A layout of the weight that a kernel wants, made once on the CPU (it was copied on every pass: 9 ms
    // of an 11 s window) and again when the weight is replaced or modified (a checkpoint loaded after it);
    // on other devices made per call, as a CUDA graph captures it.
    struct Derived
    {
        const void* data = nullptr; // the weight it was made from
        uint32_t version = 0;
        torch::Tensor value;
    };
    template <class Make> torch::Tensor derived(Derived& d, Make make)
    {
        if (!weight.is_cpu())
            return make();
        const auto version = weight.is_inference() ? 0u : weight._version(); // inference tensors have none
        const std::lock_guard lock(m_derivedMutex);
        if (!d.value.defined() || d.data != weight.data_ptr() || d.version != version) {
            d.value = persistentCopy(make());
            d.data = weight.data_ptr();
            d.version = version;
        }
        return d.value;
    }

    // The square kernel's middle row [O, C, 1, K] (a single-row input meets only it).
    torch::Tensor middleRow()
    {
        return derived(m_middleRow, [&] { return weight.narrow(2, m_o.padding, 1); });
    }

    // A transposed convolution's weight as [Ci, (tap, phase, Co)]: the right operand of its GEMM.
    torch::Tensor tapMajorWeight()
    {
        const int64_t Ci = m_o.in, Co = m_o.out, K = m_o.kernel;
        return derived(m_tapMajor, [&] {
            return weight.view({Ci, Co, K}).permute({0, 2, 1}).reshape({Ci, K * Co});
        });
    }

    // The 3x3 rewrite convolutions through oneDNN's Winograd kernel on the CPU (WinogradConv.h); undefined
    // where it does not apply (other devices and dtypes, a build or CPU without the kernel).
    torch::Tensor winograd(const torch::Tensor& x)
    {
        const std::lock_guard lock(m_winogradMutex);
        WinogradConv* conv = winogradFor(x);
        return conv ? conv->forward(x) : torch::Tensor();
    }

    // The kernel for x, or null. Planned on first use, and again if the weights were replaced (a checkpoint
    // loaded after it). The module may serve several threads (HDemucs.h): the caller holds m_winogradMutex,
    // under which planning is serialised; WinogradConv itself is thread-safe.
    WinogradConv* winogradFor(const torch::Tensor& x)
    {
        if (!x.is_cpu() || x.scalar_type() != torch::kFloat32 || m_o.kernel != 3 || m_o.stride != 1 ||
            m_o.padding != 1 || m_o.dilation != 1)
            return nullptr;
        const auto version = weight.is_inference() ? 0u : weight._version(); // inference tensors have none
        if (m_winogradData != weight.data_ptr() || m_winogradVersion != version) {
            m_winograd = WinogradConv::create(weight, bias);
            m_winogradVersion = version;
            m_winogradData = weight.data_ptr();
        }
        return m_winograd.get();
    }

    // The frequency branch's transposed convolution (kernel [K, 1], stride [S, 1], K = R * S) on a
    // channels-last input, returning channels-last: one GEMM of the input rows [B * Fr * T, Ci] by the weight
    // arranged [Ci, (r, s, co)], then R shifted adds along the frequency axis. No layout conversions on
    // either side (libtorch's own kernel wants NCHW and col2im), and the decoder's next layer reads it as is.
    torch::Tensor transposedChannelsLast(const torch::Tensor& x)
    {
        const int64_t B = x.size(0), Ci = x.size(1), L = x.size(2), Tw = x.size(3);
        const int64_t Co = m_o.out, S = m_o.stride, K = m_o.kernel, R = K / S;
        const torch::Tensor rows = x.permute({0, 2, 3, 1}).reshape({B * L * Tw, Ci});
        const torch::Tensor w = tapMajorWeight();
        // The bias joins the first tap as it is moved into place (in the GEMM, addmm would first have written
        // it across the whole product); the R - 1 rows only later taps reach start from it. Below 16 output
        // channels (the time branch's last layer) libtorch's broadcast add runs slowly on rows that short,
        // and the bias rides in the GEMM with the first tap instead.
        const bool biasInGemm = Co < 16;
        const torch::Tensor gemmBias =
            biasInGemm ? torch::cat({bias.repeat({S}), torch::zeros({(R - 1) * S * Co}, bias.options())})
                       : torch::Tensor();
        const torch::Tensor y = parallelMm(rows, w, gemmBias).view({B, L, Tw, R, S, Co});
        torch::Tensor out = torch::empty({B, L + R - 1, S, Tw, Co}, x.options());
        torch::Tensor first = out.slice(1, 0, L);
        if (biasInGemm)
            first.copy_(y.select(3, 0).permute({0, 1, 3, 2, 4}));
        else
            at::add_out(first, y.select(3, 0).permute({0, 1, 3, 2, 4}), bias);
        if (R > 1)
            out.slice(1, L, L + R - 1).copy_(bias.expand({B, R - 1, S, Tw, Co}));
        for (int64_t r = 1; r < R; ++r)
            out.slice(1, r, r + L).add_(y.select(3, r).permute({0, 1, 3, 2, 4}));
        return out.view({B, (L + R - 1) * S, Tw, Co}).permute({0, 3, 1, 2});
    }

    ConvOptions m_o;
    std::mutex m_derivedMutex;
    Derived m_middleRow, m_tapMajor;
    std::mutex m_winogradMutex;
    std::unique_ptr<WinogradConv> m_winograd;
    uint32_t m_winogradVersion = 0;
    const void* m_winogradData = nullptr; // the weights it was planned from; null: not planned yet
};
TORCH_MODULE(Conv);

class GroupNormImpl : public torch::nn::Module
{
public:
    GroupNormImpl(int64_t groups, int64_t channels) : m_groups(groups)
    {
        weight = register_parameter("weight", torch::ones({channels}));
        bias = register_parameter("bias", torch::zeros({channels}));
    }
    // This norm as a fused operation: convBias first, then the norm, then `activation` (normAct below; on
    // CUDA, libtorch's group_norm reduced each (batch, group) in one thread block: 42 ms of a 184 ms float16
    // pass on an H100, BENCHMARKS.md).
    fused::NormAct fusedOp(const torch::Tensor& convBias, fused::Activation activation) const
    {
        fused::NormAct op;
        op.convBias = convBias;
        op.groups = m_groups;
        op.weight = weight;
        op.bias = bias;
        op.activation = activation;
        return op;
    }

    torch::Tensor weight;
    torch::Tensor bias;

private:
    int64_t m_groups;
};
TORCH_MODULE(GroupNorm);

// The fused bias + norm + activation (+ scale + residual): CUDA's kernels or the CPU's loops.
torch::Tensor runNormAct(const torch::Tensor& x, const fused::NormAct& op)
{
    return fused::applies(x) ? fused::normAct(x, op) : model::normAct(x, op);
}

// conv's bias, the optional norm and `activation` as one fused operation.
fused::NormAct fusedOp(const GroupNorm& norm, const torch::Tensor& convBias, fused::Activation activation)
{
    if (norm)
        return norm->fusedOp(convBias, activation);
    fused::NormAct op;
    op.convBias = convBias;
    op.activation = activation;
    return op;
}

class LayerScaleImpl : public torch::nn::Module
{
public:
    explicit LayerScaleImpl(int64_t channels)
    {
        scale = register_parameter("scale", torch::zeros({channels}));
    }
    torch::Tensor scale;
};
TORCH_MODULE(LayerScale);

// Bidirectional 2-layer LSTM with a linear projection and a skip connection. Sequences longer than
// kMaxSteps are cut into overlapping frames of kMaxSteps with stride kMaxSteps / 2, as torchaudio does.
class BLSTMImpl : public torch::nn::Module
{
public:
    explicit BLSTMImpl(int64_t dim)
    {
        lstm = register_module(
            "lstm", torch::nn::LSTM(torch::nn::LSTMOptions(dim, dim).num_layers(2).bidirectional(true)));
        linear = register_module("linear", torch::nn::Linear(2 * dim, dim));
    }

    // Runs in the dtype of its weights: float32, or float16 with a float16 model. With a bfloat16 model it
    // stays float32 (the recurrence is where bfloat16's short mantissa hurts most, see setComputeDtype).
    torch::Tensor forward(const torch::Tensor& input)
    {
        const int64_t B = input.size(0), C = input.size(1), T = input.size(2);
        torch::Tensor x = input.to(linear->weight.scalar_type());
        const bool framed = T > kMaxSteps;
        const int64_t width = kMaxSteps, stride = kMaxSteps / 2;
        int64_t nframes = 0;
        if (framed) {
            nframes = (T + stride - 1) / stride;
            const int64_t target = (nframes - 1) * stride + width;
            x = F::pad(x, F::PadFuncOptions({0, target - T}));
            x = x.unfold(-1, width, stride);                     // [B, C, nframes, width]
            x = x.permute({0, 2, 1, 3}).reshape({-1, C, width}); // [B * nframes, C, width]
        }
        x = x.permute({2, 0, 1}); // [steps, batch, C]
        if (x.device().is_cpu() && x.scalar_type() == torch::kFloat32)
            x = lstmForwardCpu(*cpuWeights(), x);
        else if (fused::applies(x))
            x = fused::bidirectionalLstm(x, lstm->all_weights(), lstm->options.num_layers());
        else
            x = std::get<0>(lstm->forward(x));
        x = linear->forward(x);
        x = x.permute({1, 2, 0}); // [batch, C, steps]
        if (framed) {
            const torch::Tensor frames = x.reshape({B, -1, C, width});
            const int64_t limit = stride / 2;
            std::vector<torch::Tensor> out;
            out.reserve(static_cast<size_t>(nframes));
            for (int64_t k = 0; k < nframes; ++k) {
                const torch::Tensor frame = frames.select(1, k);
                if (k == 0)
                    out.push_back(frame.slice(-1, 0, width - limit));
                else if (k == nframes - 1)
                    out.push_back(frame.slice(-1, limit, width));
                else
                    out.push_back(frame.slice(-1, limit, width - limit));
            }
            x = torch::cat(out, -1).slice(-1, 0, T);
        }
        return x.to(input.scalar_type()) + input;
    }

    torch::nn::LSTM lstm{nullptr};
    torch::nn::Linear linear{nullptr};

private:
    // The LSTM's weights laid out for the CPU loop (LstmCpu.h), made on first use and again when a parameter
    // is replaced or modified (a checkpoint loaded after it). The module may serve several threads.
    std::shared_ptr<const LstmCpuWeights> cpuWeights()
    {
        std::vector<std::pair<const void*, uint32_t>> key;
        for (const torch::Tensor& p : lstm->parameters())
            key.emplace_back(p.data_ptr(), p.is_inference() ? 0u : p._version());
        const std::lock_guard lock(m_cpuWeightsMutex);
        if (!m_cpuWeights || key != m_cpuWeightsKey) {
            m_cpuWeights = LstmCpuWeights::of(lstm);
            m_cpuWeightsKey = std::move(key);
        }
        return m_cpuWeights;
    }

    static constexpr int64_t kMaxSteps = 200;
    std::mutex m_cpuWeightsMutex;
    std::shared_ptr<const LstmCpuWeights> m_cpuWeights;
    std::vector<std::pair<const void*, uint32_t>> m_cpuWeightsKey;
};
TORCH_MODULE(BLSTM);

// Local attention with a learned, per-head decay penalty over time distance (torchaudio's _LocalState).
class LocalStateImpl : public torch::nn::Module
{
public:
    LocalStateImpl(int64_t channels, int64_t heads, int64_t ndecay) : m_heads(heads), m_ndecay(ndecay)
    {
        auto conv = [&](const char* name, int64_t out) {
            return register_module(name, Conv(ConvOptions{channels, out, 1}));
        };
        content = conv("content", channels);
        query = conv("query", channels);
        key = conv("key", channels);
        queryDecay = conv("query_decay", heads * ndecay);
        proj = conv("proj", channels);
    }

    torch::Tensor forward(const torch::Tensor& x)
    {
        const int64_t B = x.size(0), T = x.size(2);
        const torch::Tensor queries = query->forward(x).view({B, m_heads, -1, T});
        const torch::Tensor keys = key->forward(x).view({B, m_heads, -1, T});
        // The einsums of torchaudio's _LocalState as plain batched products: libtorch 1.13's einsum cloned
        // [T, 4] slices a few thousand times per window.
        torch::Tensor dots = torch::matmul(keys.transpose(-1, -2), queries); // bhct,bhcs->bhts
        torch::Tensor weights;
        if (m_ndecay && fused::applies(dots)) {
            // On CUDA: scale, decay, mask and softmax in one kernel (fused::attentionWeights).
            weights = fused::attentionWeights(dots, queryDecay->forward(x).view({B, m_heads, -1, T}),
                                              1.0 / std::sqrt(static_cast<double>(keys.size(2))));
        } else {
            weights = weightsOf(dots, x, keys.size(2));
        }
        const torch::Tensor values = content->forward(x).view({B, m_heads, -1, T});
        const torch::Tensor result = torch::matmul(values, weights).reshape({B, -1, T}); // bhts,bhct->bhcs
        return x + proj->forward(result);
    }

    Conv content{nullptr}, query{nullptr}, key{nullptr}, queryDecay{nullptr}, proj{nullptr};

private:
    // torchaudio's weights from the raw dot products: scaled, minus the learned distance decay, the diagonal
    // masked, softmax over the keys.
    torch::Tensor weightsOf(torch::Tensor dots, const torch::Tensor& x, int64_t headChannels)
    {
        const int64_t B = x.size(0), T = x.size(2);
        const auto opts = x.options();
        // Positions in float32 even when x is bfloat16, which holds integers exactly only up to 256.
        const torch::Tensor indexes = torch::arange(T, opts.dtype(torch::kFloat32));
        const torch::Tensor delta = indexes.unsqueeze(1) - indexes.unsqueeze(0);
        dots /= std::sqrt(static_cast<double>(headChannels));
        if (m_ndecay) {
            const torch::Tensor decays = torch::arange(1, m_ndecay + 1, opts.dtype(torch::kFloat32));
            torch::Tensor decayQ = queryDecay->forward(x).view({B, m_heads, -1, T});
            decayQ = torch::sigmoid(decayQ) / 2;
            const torch::Tensor kernel =
                (-decays.view({-1, 1, 1}) * delta.abs() / std::sqrt(static_cast<double>(m_ndecay)))
                    .to(x.scalar_type());
            for (int64_t f = 0; f < m_ndecay; ++f) // fts,bhfs->bhts
                dots.addcmul_(kernel[f], decayQ.select(2, f).unsqueeze(2));
        }
        dots.masked_fill_(torch::eye(T, opts.dtype(torch::kBool)), -100);
        return torch::softmax(dots, 2);
    }

    int64_t m_heads;
    int64_t m_ndecay;
};
TORCH_MODULE(LocalState);

// One residual layer of a DConv branch: torchaudio's nn.Sequential, with children named by their index in it
// (conv 0, norm 1, gelu 2, [lstm 3], [attn], conv, norm, glu, scale).
class DConvLayerImpl : public torch::nn::Module
{
public:
    DConvLayerImpl(int64_t channels, int64_t hidden, int64_t dilation, bool lstm, bool attn)
    {
        int index = 0;
        auto name = [&]() { return std::to_string(index++); };
        conv1 = register_module(name(), Conv(ConvOptions{channels, hidden, 3, 1, dilation, dilation}));
        norm1 = register_module(name(), GroupNorm(1, hidden));
        ++index; // GELU
        if (lstm)
            blstm = register_module(name(), BLSTM(hidden));
        if (attn)
            localState = register_module(name(), LocalState(hidden, 4, 4));
        conv2 = register_module(name(), Conv(ConvOptions{hidden, 2 * channels, 1}));
        norm2 = register_module(name(), GroupNorm(1, 2 * channels));
        ++index; // GLU
        scale = register_module(name(), LayerScale(channels));
    }

    // x: [B, C, T]. Returns x plus the layer's output.
    torch::Tensor forward(const torch::Tensor& x)
    {
        torch::Tensor y =
            runNormAct(conv1->forwardNoBias(x), norm1->fusedOp(conv1->bias, fused::Activation::Gelu));
        if (blstm) {
            STEMCRATE_SCOPE("blstm");
            y = blstm->forward(y);
        }
        if (localState) {
            STEMCRATE_SCOPE("attention");
            y = localState->forward(y);
        }
        return runNormAct(conv2->forwardNoBias(y), residualOp(x));
    }

    bool rowWise() const { return !blstm && !localState; }

    // x: [B, C, R, T], channels-last; the same layer applied to each of the B * R rows. Returns x plus the
    // layer's output (the residual is fused into the scale).
    torch::Tensor forwardRows(const torch::Tensor& x)
    {
        fused::NormAct first = norm1->fusedOp(conv1->bias, fused::Activation::Gelu);
        first.perRow = true;
        fused::NormAct second = residualOp(x);
        second.perRow = true;
        const torch::Tensor y = runNormAct(conv1->forwardRows(x, false), first);
        return runNormAct(conv2->forwardRows(y, false), second);
    }

    Conv conv1{nullptr}, conv2{nullptr};
    GroupNorm norm1{nullptr}, norm2{nullptr};
    BLSTM blstm{nullptr};
    LocalState localState{nullptr};
    LayerScale scale{nullptr};

private:
    // The layer's end as one fused operation: conv2's bias, norm2, GLU, LayerScale, plus x.
    fused::NormAct residualOp(const torch::Tensor& x) const
    {
        fused::NormAct op = norm2->fusedOp(conv2->bias, fused::Activation::Glu);
        op.scale = scale->scale;
        op.residual = x;
        return op;
    }
};
TORCH_MODULE(DConvLayer);

class DConvImpl : public torch::nn::Module
{
public:
    DConvImpl(int64_t channels, int compress, int depth, bool lstm, bool attn)
    {
        layers = register_module("layers", torch::nn::ModuleList());
        const int64_t hidden = static_cast<int64_t>(static_cast<double>(channels) / compress);
        for (int d = 0; d < depth; ++d)
            layers->push_back(DConvLayer(channels, hidden, int64_t{1} << d, lstm, attn));
    }

    torch::Tensor forward(torch::Tensor x)
    {
        for (const auto& layer : *layers)
            x = layer->as<DConvLayerImpl>()->forward(x);
        return x;
    }

    bool rowWise() const
    {
        for (const auto& layer : *layers)
            if (!layer->as<DConvLayerImpl>()->rowWise())
                return false;
        return true;
    }

    // See DConvLayerImpl::forwardRows.
    torch::Tensor forwardRows(torch::Tensor x)
    {
        for (const auto& layer : *layers)
            x = layer->as<DConvLayerImpl>()->forwardRows(x);
        return x;
    }

    torch::nn::ModuleList layers{nullptr};
};
TORCH_MODULE(DConv);

// The time branch's layout on CUDA: [B, C, L] as channels-last [B, C, 1, L] (the identical memory of
// [B, L, C]), so its convolutions run as cuDNN's NHWC kernels and its DConv as rows like the frequency
// branch's. Four-dimensional inputs ([B, C, 1, T] from the frequency branch) only become channels-last.
torch::Tensor timeRows(const torch::Tensor& x)
{
    return (x.dim() == 3 ? x.unsqueeze(2) : x).contiguous(torch::MemoryFormat::ChannelsLast);
}

struct LayerOptions
{
    int64_t kernel = 8;
    int64_t stride = 4;
    bool freq = true;
    bool pad = true;
    bool norm = false;
    int64_t normGroups = 4;
    bool lstm = false;
    bool attn = false;
    int dconvDepth = 2;
    int dconvComp = 4;
};

class HEncLayerImpl : public torch::nn::Module
{
public:
    HEncLayerImpl(int64_t chin, int64_t chout, const LayerOptions& o, int64_t context, bool empty)
        : m_freq(o.freq), m_stride(o.stride), m_empty(empty)
    {
        const int64_t pad = o.pad ? o.kernel / 4 : 0;
        conv = register_module("conv", Conv(ConvOptions{chin, chout, o.kernel, o.stride, pad, 1, o.freq}));
        // torchaudio creates norm1 even for an empty layer (it is then unused), so its weights are in the
        // state_dict.
        if (o.norm)
            norm1 = register_module("norm1", GroupNorm(o.normGroups, chout));
        if (empty)
            return;
        rewrite = register_module("rewrite", Conv(ConvOptions{chout, 2 * chout, 1 + 2 * context, 1, context,
                                                              1, o.freq, false, true}));
        if (o.norm)
            norm2 = register_module("norm2", GroupNorm(o.normGroups, 2 * chout));
        dconv = register_module("dconv", DConv(chout, o.dconvComp, o.dconvDepth, o.lstm, o.attn));
    }

    bool empty() const { return m_empty; }

    // frequencyAddend (CUDA only; undefined elsewhere): [F, C] added to the output, the frequency
    // embedding folded into the last kernel.
    torch::Tensor forward(torch::Tensor x, const torch::Tensor& inject = {},
                          const torch::Tensor& frequencyAddend = {})
    {
        if (fused::applies(x))
            return forwardCuda(std::move(x), inject, frequencyAddend);
        TORCH_CHECK(!frequencyAddend.defined(), "HDemucs: a frequency addend is for the CUDA path");
        if (!m_freq) {
            if (x.dim() == 4)
                x = x.view({x.size(0), -1, x.size(3)});
            const int64_t length = x.size(-1);
            if (length % m_stride != 0)
                x = F::pad(x, F::PadFuncOptions({0, m_stride - length % m_stride}));
        }
        torch::Tensor y = conv->forward(x);
        if (m_empty)
            return y;
        if (inject.defined()) {
            TORCH_CHECK(inject.size(-1) == y.size(-1), "HDemucs: injection shapes do not align");
            y = y + (inject.dim() == 3 && y.dim() == 4 ? inject.unsqueeze(2) : inject);
        }
        y = norm1 ? runNormAct(y, fusedOp(norm1, {}, fused::Activation::Gelu)) : model::gelu(y);
        STEMCRATE_SCOPE("dconv");
        if (m_freq && dconv->rowWise()) {
            y = dconv->forwardRows(y.contiguous(torch::MemoryFormat::ChannelsLast));
        } else if (m_freq) {
            const int64_t B = y.size(0), C = y.size(1), Fr = y.size(2), T = y.size(3);
            y = y.permute({0, 2, 1, 3}).reshape({-1, C, T});
            y = dconv->forward(y);
            y = y.view({B, Fr, C, T}).permute({0, 2, 1, 3});
        } else {
            y = dconv->forward(y);
        }
        return norm2 ? runNormAct(rewrite->forward(y), fusedOp(norm2, {}, fused::Activation::Glu))
                     : model::glu(rewrite->forward(y));
    }

    // The same on CUDA: channels-last throughout (the time branch as [B, C, 1, L]), each convolution's
    // bias, norm and activation fused into one kernel after it.
    torch::Tensor forwardCuda(torch::Tensor x, const torch::Tensor& inject,
                              const torch::Tensor& frequencyAddend)
    {
        if (!m_freq) {
            x = timeRows(x);
            const int64_t length = x.size(3);
            if (length % m_stride != 0)
                x = F::pad(x, F::PadFuncOptions({0, m_stride - length % m_stride}))
                        .contiguous(torch::MemoryFormat::ChannelsLast);
        }
        if (m_empty) {
            fused::NormAct addBias;
            addBias.convBias = conv->bias;
            return fused::normAct(conv->forwardNoBias(x), addBias);
        }
        torch::Tensor y = conv->forwardNoBias(x);
        if (inject.defined()) {
            TORCH_CHECK(inject.size(-1) == y.size(-1), "HDemucs: injection shapes do not align");
            y = y + timeRows(inject);
        }
        y = fused::normAct(y, fusedOp(norm1, conv->bias, fused::Activation::Gelu));
        STEMCRATE_SCOPE("dconv");
        if (dconv->rowWise()) {
            y = dconv->forwardRows(y.contiguous(torch::MemoryFormat::ChannelsLast));
        } else {
            const int64_t B = y.size(0), C = y.size(1), Fr = y.size(2), T = y.size(3);
            y = dconv->forward(y.permute({0, 2, 1, 3}).reshape({-1, C, T}));
            y = y.view({B, Fr, C, T}).permute({0, 2, 1, 3}).contiguous(torch::MemoryFormat::ChannelsLast);
        }
        fused::NormAct last = fusedOp(norm2, rewrite->bias, fused::Activation::Glu);
        last.frequencyAddend = frequencyAddend;
        return fused::normAct(rewrite->forwardNoBias(y), last);
    }

    Conv conv{nullptr}, rewrite{nullptr};
    GroupNorm norm1{nullptr}, norm2{nullptr};
    DConv dconv{nullptr};

private:
    bool m_freq;
    int64_t m_stride;
    bool m_empty;
};
TORCH_MODULE(HEncLayer);

class HDecLayerImpl : public torch::nn::Module
{
public:
    HDecLayerImpl(int64_t chin, int64_t chout, const LayerOptions& o, int64_t context, bool empty, bool last)
        : m_freq(o.freq), m_empty(empty), m_last(last), m_chin(chin)
    {
        if (o.pad) {
            TORCH_CHECK((o.kernel - o.stride) % 2 == 0, "HDemucs: kernel size and stride do not align");
            m_pad = (o.kernel - o.stride) / 2;
        }
        convTr = register_module(
            "conv_tr", Conv(ConvOptions{chin, chout, o.kernel, o.stride, 0, 1, o.freq, /*transposed*/ true}));
        if (o.norm)
            norm2 = register_module("norm2", GroupNorm(o.normGroups, chout));
        if (empty)
            return;
        rewrite = register_module("rewrite", Conv(ConvOptions{chin, 2 * chin, 1 + 2 * context, 1, context, 1,
                                                              o.freq, false, true}));
        if (o.norm)
            norm1 = register_module("norm1", GroupNorm(o.normGroups, 2 * chin));
    }

    bool empty() const { return m_empty; }

    // Returns (output, the input of the final transposed convolution). On CUDA, `nextSkip` (the next
    // decoder layer's skip; undefined elsewhere) is added to the output, in the last kernel where it can be,
    // and that layer is then given an undefined skip: its input already holds it.
    std::pair<torch::Tensor, torch::Tensor> forward(torch::Tensor x, const torch::Tensor& skip,
                                                    int64_t length, const torch::Tensor& nextSkip = {})
    {
        if (fused::applies(x))
            return forwardCuda(std::move(x), skip, length, nextSkip);
        TORCH_CHECK(!nextSkip.defined(), "HDemucs: the next skip is added on the CUDA path only");
        if (m_freq && x.dim() == 3)
            x = x.view({x.size(0), m_chin, -1, x.size(2)});
        torch::Tensor y = x;
        if (!m_empty) {
            // Without a norm, the sum, the Winograd rewrite and GLU in one go where they can.
            const torch::Tensor fusedY = norm1 ? torch::Tensor() : rewrite->forwardAddGlu(x, skip);
            if (fusedY.defined()) {
                y = fusedY;
            } else {
                x = x + skip;
                y = norm1 ? runNormAct(rewrite->forward(x), fusedOp(norm1, {}, fused::Activation::Glu))
                          : model::glu(rewrite->forward(x));
            }
        } else {
            TORCH_CHECK(!skip.defined(), "HDemucs: skip must be empty when the layer is empty");
        }
        if (!norm2 && y.is_cpu() && y.scalar_type() == torch::kFloat32 && convTr->overlapAddable()) {
            // Without a norm: the GEMM, then taps, bias, crop and GELU in one pass.
            const int64_t full = convTr->transposedLength(y.size(2));
            const torch::Tensor z =
                convTr->transposedCpu(y, m_pad, m_freq ? full - 2 * m_pad : length, !m_last);
            TORCH_CHECK(m_freq || z.size(-1) == length, "HDemucs: decoder output length mismatch");
            return {z, y};
        }
        torch::Tensor z = convTr->forward(y);
        // With a norm, GELU goes with it (it commutes with the crop below).
        const bool geluDone = norm2 && !m_last;
        if (norm2)
            z = runNormAct(z,
                           norm2->fusedOp({}, geluDone ? fused::Activation::Gelu : fused::Activation::None));
        if (m_freq) {
            if (m_pad)
                z = z.slice(-2, m_pad, z.size(-2) - m_pad);
        } else {
            z = z.slice(-1, m_pad, m_pad + length);
            TORCH_CHECK(z.size(-1) == length, "HDemucs: decoder output length mismatch");
        }
        if (!m_last) {
            if (m_freq) {
                // The next layer's convolutions want channels-last, and GELU is fastest on a dense tensor.
                z = z.contiguous(torch::MemoryFormat::ChannelsLast);
                if (!geluDone)
                    z = model::gelu(z);
            } else if (!geluDone) {
                z = model::gelu(z);
            }
        }
        return {z, y};
    }

    // The same on CUDA, channels-last throughout (the time branch as [B, C, 1, L]; see HEncLayerImpl).
    std::pair<torch::Tensor, torch::Tensor> forwardCuda(torch::Tensor x, const torch::Tensor& skip,
                                                        int64_t length, const torch::Tensor& nextSkip)
    {
        if (m_freq && x.dim() == 3)
            x = x.view({x.size(0), m_chin, -1, x.size(2)});
        x = m_freq ? x.contiguous(torch::MemoryFormat::ChannelsLast) : timeRows(x);
        torch::Tensor y = x;
        if (!m_empty) {
            // An undefined skip: the previous layer added it already (nextSkip there).
            y = fused::normAct(rewrite->forwardNoBias(skip.defined() ? x + skip : x),
                               fusedOp(norm1, rewrite->bias, fused::Activation::Glu));
        } else {
            TORCH_CHECK(!skip.defined(), "HDemucs: skip must be empty when the layer is empty");
        }
        const int64_t axis = m_freq ? 2 : 3;
        const int64_t full = convTr->transposedLength(y.size(axis));
        const int64_t offset = m_pad, count = m_freq ? full - 2 * m_pad : length;
        torch::Tensor z;
        if (norm2) {
            // The norm sees the whole output, as in torchaudio, which crops after it; GELU commutes with the
            // crop.
            z = fused::normAct(
                convTr->transposedFused(y, 0, full, false),
                norm2->fusedOp({}, m_last ? fused::Activation::None : fused::Activation::Gelu));
            z = z.slice(axis, offset, offset + count).contiguous(torch::MemoryFormat::ChannelsLast);
            if (nextSkip.defined())
                z = z + nextSkip;
        } else {
            const torch::Tensor addend =
                nextSkip.defined() ? nextSkip.contiguous(torch::MemoryFormat::ChannelsLast) : torch::Tensor();
            z = convTr->transposedFused(y, offset, count, !m_last, addend);
            TORCH_CHECK(!nextSkip.defined() || nextSkip.sizes() == z.sizes(),
                        "HDemucs: the next skip does not match the decoder output");
        }
        TORCH_CHECK(m_freq || z.size(3) == length, "HDemucs: decoder output length mismatch");
        return {z, y};
    }

    Conv convTr{nullptr}, rewrite{nullptr};
    GroupNorm norm1{nullptr}, norm2{nullptr};

private:
    bool m_freq;
    bool m_empty;
    bool m_last;
    int64_t m_chin;
    int64_t m_pad = 0;
};
TORCH_MODULE(HDecLayer);

// torchaudio's _ScaledEmbedding: "freq_emb.embedding.weight".
class EmbeddingImpl : public torch::nn::Module
{
public:
    EmbeddingImpl(int64_t count, int64_t dim)
    {
        weight = register_parameter("weight", torch::empty({count, dim})); // loaded, as ConvImpl's
    }
    torch::Tensor weight;
};
TORCH_MODULE(Embedding);

class ScaledEmbeddingImpl : public torch::nn::Module
{
public:
    ScaledEmbeddingImpl(int64_t count, int64_t dim)
    {
        embedding = register_module("embedding", Embedding(count, dim));
    }
    Embedding embedding{nullptr};
};
TORCH_MODULE(ScaledEmbedding);

torch::Tensor pad1dReflect(torch::Tensor x, int64_t left, int64_t right)
{
    // torch's reflect padding needs the input longer than the padding; torchaudio zero-extends first.
    const int64_t length = x.size(-1);
    const int64_t maxPad = std::max(left, right);
    if (length <= maxPad)
        x = F::pad(x, F::PadFuncOptions({0, maxPad - length + 1}));
    return F::pad(x, F::PadFuncOptions({left, right}).mode(torch::kReflect));
}

} // namespace

HDemucsImpl::HDemucsImpl(HDemucsConfig config) : m_config(std::move(config))
{
    const HDemucsConfig& c = m_config;
    TORCH_CHECK(c.hopLength() * 4 == c.nfft, "HDemucs: hop length must be nfft / 4");
    m_freqEncoder = register_module("freq_encoder", torch::nn::ModuleList());
    m_freqDecoder = register_module("freq_decoder", torch::nn::ModuleList());
    m_timeEncoder = register_module("time_encoder", torch::nn::ModuleList());
    m_timeDecoder = register_module("time_decoder", torch::nn::ModuleList());

    const int64_t sources = static_cast<int64_t>(c.sources.size());
    int64_t chin = c.audioChannels;
    int64_t chinZ = chin * 2;
    int64_t chout = c.channels;
    int64_t choutZ = c.channels;
    int64_t freqs = c.nfft / 2;
    std::vector<std::shared_ptr<torch::nn::Module>> freqDecoders, timeDecoders;

    for (int index = 0; index < c.depth; ++index) {
        LayerOptions kw;
        kw.lstm = index >= c.dconvLstm;
        kw.attn = index >= c.dconvAttn;
        kw.norm = index >= c.normStarts;
        kw.normGroups = c.normGroups;
        kw.dconvDepth = c.dconvDepth;
        kw.dconvComp = c.dconvComp;
        kw.freq = freqs > 1;
        kw.stride = c.stride;
        kw.kernel = c.kernelSize;
        if (!kw.freq) {
            TORCH_CHECK(freqs == 1, "HDemucs: when freq is false, freqs must be 1");
            kw.kernel = c.timeStride * 2;
            kw.stride = c.timeStride;
        }
        bool lastFreq = false;
        if (kw.freq && freqs <= c.kernelSize) {
            kw.kernel = freqs;
            kw.pad = false;
            lastFreq = true;
        }
        LayerOptions kwt = kw;
        kwt.freq = false;
        kwt.kernel = c.kernelSize;
        kwt.stride = c.stride;
        kwt.pad = true;

        if (lastFreq) {
            choutZ = std::max(chout, choutZ);
            chout = choutZ;
        }
        m_freqEncoder->push_back(HEncLayer(chinZ, choutZ, kw, c.contextEnc, false));
        if (kw.freq) {
            if (lastFreq && c.nfft == 2048) {
                kwt.stride = 2;
                kwt.kernel = 4;
            }
            m_timeEncoder->push_back(HEncLayer(chin, chout, kwt, c.contextEnc, lastFreq));
        }
        if (index == 0) {
            chin = c.audioChannels * sources;
            chinZ = chin * 2;
        }
        freqDecoders.insert(freqDecoders.begin(),
                            HDecLayer(choutZ, chinZ, kw, c.context, false, index == 0).ptr());
        if (kw.freq)
            timeDecoders.insert(timeDecoders.begin(),
                                HDecLayer(chout, chin, kwt, c.context, lastFreq, index == 0).ptr());
        chin = chout;
        chinZ = choutZ;
        chout *= c.growth;
        choutZ *= c.growth;
        if (kw.freq)
            freqs = freqs <= c.kernelSize ? 1 : freqs / c.stride;
        if (index == 0 && c.freqEmb > 0.0) {
            auto emb = register_module("freq_emb", ScaledEmbedding(freqs, chinZ));
            m_freqEmbWeight = emb->embedding->weight;
        }
    }
    for (auto& m : freqDecoders)
        m_freqDecoder->push_back(m);
    for (auto& m : timeDecoders)
        m_timeDecoder->push_back(m);
}

void HDemucsImpl::setComputeDtype(torch::ScalarType dtype)
{
    m_computeDtype = dtype;
    to(dtype);
    // With bfloat16 the BLSTMs keep float32 weights (see BLSTMImpl).
    if (dtype == torch::kBFloat16)
        for (const auto& module : modules(false))
            if (auto* blstm = dynamic_cast<BLSTMImpl*>(module.get()))
                blstm->to(torch::kFloat32);
}

torch::Tensor HDemucsImpl::spec(const torch::Tensor& x) const
{
    const int64_t hl = m_config.hopLength();
    const int64_t nfft = m_config.nfft;
    const int64_t length = x.size(-1);
    const int64_t le = (length + hl - 1) / hl;
    const int64_t pad = hl / 2 * 3;
    const torch::Tensor padded = pad1dReflect(x, pad, pad + le * hl - length);

    const torch::Tensor flat = padded.reshape({-1, padded.size(-1)});
    const torch::Tensor window = torch::hann_window(nfft, flat.options());
    torch::Tensor z =
        torch::stft(flat, nfft, hl, nfft, window, /*center*/ true, "reflect", /*normalized*/ true,
                    /*onesided*/ true, /*return_complex*/ true);
    std::vector<int64_t> shape(x.sizes().begin(), x.sizes().end() - 1);
    shape.push_back(z.size(-2));
    shape.push_back(z.size(-1));
    z = z.view(shape).slice(-2, 0, z.size(-2) - 1);
    TORCH_CHECK(z.size(-1) == le + 4, "HDemucs: unexpected spectrogram length");
    return z.slice(-1, 2, 2 + le);
}

torch::Tensor HDemucsImpl::ispec(const torch::Tensor& decoded, const torch::Tensor& mean,
                                 const torch::Tensor& std, int64_t length) const
{
    // decoded: the decoder's output [B, S * C * 2 (real, imaginary), Fr, T] in any layout (channels-last),
    // still normalised: the spectrum is decoded * std + mean. torchaudio pads one frequency bin on top and
    // two frames each side, then runs torch.istft (normalized, centred, periodic Hann). Here the inverse FFT
    // runs over frames laid out frame-major, and the overlap-add is four shifted multiply-adds (the hop is a
    // quarter of the FFT) instead of istft's col2im, which took a tenth of a CPU window (BENCHMARKS.md).
    const int64_t hl = m_config.hopLength();
    const int64_t nfft = m_config.nfft;
    const int64_t overlap = nfft / hl;
    const int64_t S = static_cast<int64_t>(m_config.sources.size()), C = m_config.audioChannels;
    const int64_t B = decoded.size(0), Fr = decoded.size(2), T = decoded.size(3);
    TORCH_CHECK(decoded.size(1) == S * C * 2, "HDemucs: unexpected decoder output channels");
    const torch::TensorOptions floats = decoded.options().dtype(torch::kFloat32);
    TORCH_CHECK(Fr + 1 == nfft / 2 + 1, "HDemucs: unexpected spectrogram height");
    const int64_t N = B * S * C, frames = T + 4;

    torch::Tensor z = torch::empty({B, S, C, frames, Fr + 1}, floats.dtype(torch::kComplexFloat));
    const torch::Tensor zr = torch::view_as_real(z); // [B, S, C, frames, Fr + 1, 2]
    zr.slice(3, 0, 2).zero_();
    zr.slice(3, T + 2, frames).zero_();
    zr.slice(3, 2, T + 2).select(4, Fr).zero_();
    const torch::Tensor inner = zr.slice(3, 2, T + 2).slice(4, 0, Fr); // [B, S, C, T, Fr, 2]
    if (!unpackSpectrum(decoded, mean, std, inner)) {                  // the CPU: one pass (ElementwiseCpu.h)
        inner.copy_(torch::addcmul(mean, decoded.to(torch::kFloat32), std)
                        .view({B, S, C, 2, Fr, T})
                        .permute({0, 1, 2, 5, 4, 3}));
        // The inverse real FFT must ignore the DC bin's imaginary part (the decoder's spectrum is not
        // Hermitian); pocketfft does, cuFFT does not (CudaKernels.h, unpackSpectrum).
        if (!decoded.is_cpu())
            inner.select(4, 0).select(-1, 1).zero_();
    }
    z = z.view({N, frames, Fr + 1});
    const torch::Tensor window = torch::hann_window(nfft, floats).view({overlap, hl});
    torch::Tensor y = torch::empty({N, frames + overlap - 1, hl}, floats);
    // Row by row: the inverse FFT of the frames ("ortho": istft's "normalized"), then their overlap-add
    // while they are in cache.
    auto inverse = [&](int64_t r0, int64_t r1) {
        const torch::Tensor blocks =
            torch::fft_irfft(z.slice(0, r0, r1), nfft, -1, "ortho").view({r1 - r0, frames, overlap, hl});
        torch::Tensor rows = y.slice(0, r0, r1);
        rows.zero_();
        for (int64_t j = 0; j < overlap; ++j)
            rows.slice(1, j, j + frames).addcmul_(blocks.select(2, j), window[j]);
    };
    // On the CPU split over the threads (libtorch 1.13 runs pocketfft on one). Elsewhere in one go: worker
    // threads would not carry the caller's CUDA stream.
    if (z.is_cpu())
        forRowChunks(N, inverse);
    else
        inverse(0, N);
    // Centred: istft drops nfft / 2 samples; torchaudio's spec() padding adds hl / 2 * 3 more.
    const int64_t start = nfft / 2 + hl / 2 * 3;
    TORCH_CHECK(start + length <= y.size(1) * hl, "HDemucs: spectrogram too short for the output");
    const torch::Tensor env = envelope(frames, start, length, decoded.device());
    return (y.view({N, -1}).slice(1, start, start + length) / env).view({B, S, C, length});
}

torch::Tensor HDemucsImpl::ispecCuda(const torch::Tensor& decoded, const torch::Tensor& mean,
                                     const torch::Tensor& std, int64_t length, const torch::Tensor& time,
                                     const torch::Tensor& timeMean, const torch::Tensor& timeStd) const
{
    // ispec()'s arithmetic in three launches: the spectrum's frames (denormalised, zero-padded), the inverse
    // FFT, then the overlap-add with the window and envelope plus the time branch's denormalised output.
    const int64_t hl = m_config.hopLength(), nfft = m_config.nfft;
    const int64_t planes = static_cast<int64_t>(m_config.sources.size()) * m_config.audioChannels;
    TORCH_CHECK(decoded.size(1) == planes * 2 && decoded.size(2) + 1 == nfft / 2 + 1,
                "HDemucs: unexpected decoder output shape");
    const torch::Tensor spectrum = fused::unpackSpectrum(
        decoded.contiguous(torch::MemoryFormat::ChannelsLast), planes, mean.view({-1}), std.view({-1}));
    // istft's "normalized" inverse is the unscaled one times 1/sqrt(nfft): the factor rides in the window
    // (libtorch applies "ortho" as a separate pass over all frames, a millisecond at batch 24).
    const torch::Tensor blocks = torch::fft_irfft(spectrum, nfft, -1, "forward");
    const int64_t frames = spectrum.size(1);
    const int64_t start = nfft / 2 + hl / 2 * 3; // see ispec()
    const torch::Tensor window =
        torch::hann_window(nfft, blocks.options()) / std::sqrt(static_cast<double>(nfft));
    return fused::overlapAddSpectrum(blocks, window, envelope(frames, start, length, decoded.device()), hl,
                                     start, length, time, timeMean.view({-1}), timeStd.view({-1}));
}

torch::Tensor HDemucsImpl::envelope(int64_t frames, int64_t start, int64_t length, torch::Device device) const
{
    const std::lock_guard lock(m_envelopeMutex);
    const auto key =
        std::make_tuple(length, static_cast<int>(device.type()), static_cast<int>(device.index()));
    if (auto found = m_envelopes.find(key); found != m_envelopes.end())
        return found->second;
    // The window's overlap-added square, built and checked on the host, uploaded once per window length: no
    // forward pass waits for a GPU, and none copies from the host (which a CUDA graph could not capture).
    const int64_t hl = m_config.hopLength(), overlap = m_config.nfft / hl;
    const torch::Tensor hostWindow = torch::hann_window(m_config.nfft).view({overlap, hl});
    torch::Tensor sum = torch::zeros({frames + overlap - 1, hl});
    for (int64_t j = 0; j < overlap; ++j)
        sum.slice(0, j, j + frames).add_(hostWindow[j].square());
    const torch::Tensor env = sum.view({-1}).slice(0, start, start + length).contiguous();
    TORCH_CHECK(env.min().item<float>() > 1e-11f, "HDemucs: window overlap-add is zero");
    return m_envelopes.emplace(key, env.to(device)).first->second;
}

torch::Tensor HDemucsImpl::forward(const torch::Tensor& mix)
{
    TORCH_CHECK(mix.dim() == 3, "HDemucs expects [batch, channels, frames]");
    TORCH_CHECK(mix.size(1) == m_config.audioChannels, "HDemucs: wrong number of audio channels");
    const int64_t length = mix.size(-1);

    STEMCRATE_SCOPE("hdemucs");
    torch::Tensor z;
    {
        STEMCRATE_SCOPE("spec");
        z = spec(mix);
    }
    // Magnitude as channels: [B, C, Fr, T, 2] -> [B, 2C, Fr, T], normalised per batch item.
    const int64_t B = z.size(0), C = z.size(1), Fq = z.size(2), T = z.size(3);
    // The fused CUDA path (the time branch channels-last too), for the dtypes its kernels have.
    const bool cuda = fused::applies(mix) && fused::applies(mix.options().dtype(m_computeDtype));
    torch::Tensor x, mean, std;
    if (cuda) {
        // The statistics over the real/imaginary parts as they lie (the same values), then one kernel
        // writes the normalised, channels-last input in the compute dtype.
        const torch::Tensor parts = torch::view_as_real(z);
        mean = parts.mean({1, 2, 3, 4}, true);
        std = parts.std({1, 2, 3, 4}, /*unbiased*/ true, true);
        x = fused::normaliseSpectrum(z, mean, std, m_computeDtype);
    } else {
        x = torch::view_as_real(z).permute({0, 1, 4, 2, 3}).reshape({B, C * 2, Fq, T});
        mean = x.mean({1, 2, 3}, true);
        std = x.std({1, 2, 3}, /*unbiased*/ true, true);
        x = (x - mean) / (1e-5 + std);
    }

    const torch::Tensor meant = mix.mean({1, 2}, true);
    const torch::Tensor stdt = mix.std({1, 2}, true, true);
    torch::Tensor xt = (mix - meant) / (1e-5 + stdt);

    // The network runs in the compute dtype; spectrograms and normalisation stay in float32.
    // The frequency branch runs channels-last: its convolutions are faster in that layout on CPU (oneDNN)
    // and GPU (cuDNN), and its DConv rows become contiguous (DConvImpl::forwardRows).
    x = x.to(m_computeDtype).contiguous(torch::MemoryFormat::ChannelsLast);
    xt = xt.to(m_computeDtype);
    if (cuda)
        xt = timeRows(xt);

    std::vector<torch::Tensor> saved, savedT;
    std::vector<int64_t> lengths, lengthsT;
    const size_t timeLayers = m_timeEncoder->size();
    for (size_t idx = 0; idx < m_freqEncoder->size(); ++idx) {
        lengths.push_back(x.size(-1));
        torch::Tensor inject;
        if (idx < timeLayers) {
            lengthsT.push_back(xt.size(-1));
            auto tenc = m_timeEncoder[idx]->as<HEncLayerImpl>();
            STEMCRATE_SCOPE("time_encoder." + std::to_string(idx));
            xt = tenc->forward(xt);
            if (!tenc->empty())
                savedT.push_back(xt);
            else
                inject = xt;
        }
        {
            STEMCRATE_SCOPE("freq_encoder." + std::to_string(idx));
            // The frequency embedding after the first layer: [F, C], F the layer's output height (the table
            // has one row per output frequency). On CUDA the layer's last kernel adds it.
            torch::Tensor embedding;
            if (idx == 0 && m_freqEmbWeight.defined())
                embedding = m_config.freqEmb * (m_freqEmbWeight * m_config.embScale); // torchaudio's order
            auto layer = m_freqEncoder[idx]->as<HEncLayerImpl>();
            if (cuda && embedding.defined()) {
                x = layer->forward(x, inject, embedding);
            } else {
                x = layer->forward(x, inject);
                if (embedding.defined()) {
                    TORCH_CHECK(x.size(2) == embedding.size(0),
                                "HDemucs: frequency embedding height mismatch");
                    x = x + embedding.t().unsqueeze(0).unsqueeze(-1); // broadcast over batch and time
                }
            }
        }
        saved.push_back(x);
    }

    x = torch::zeros_like(x);
    xt = torch::zeros_like(x);
    const size_t offset = m_freqDecoder->size() - m_timeDecoder->size();
    // On CUDA each decoder layer adds the next one's skip to its output (HDecLayerImpl::forward).
    bool skipAdded = false, skipAddedT = false;
    for (size_t idx = 0; idx < m_freqDecoder->size(); ++idx) {
        const torch::Tensor skip = skipAdded ? torch::Tensor() : saved.back();
        saved.pop_back();
        const torch::Tensor nextSkip = cuda && !saved.empty() ? saved.back() : torch::Tensor();
        skipAdded = nextSkip.defined();
        torch::Tensor out, pre;
        {
            STEMCRATE_SCOPE("freq_decoder." + std::to_string(idx));
            std::tie(out, pre) =
                m_freqDecoder[idx]->as<HDecLayerImpl>()->forward(x, skip, lengths.back(), nextSkip);
        }
        lengths.pop_back();
        x = out;
        if (idx >= offset) {
            auto tdec = m_timeDecoder[idx - offset]->as<HDecLayerImpl>();
            STEMCRATE_SCOPE("time_decoder." + std::to_string(idx - offset));
            const int64_t lengthT = lengthsT.back();
            lengthsT.pop_back();
            if (tdec->empty()) {
                TORCH_CHECK(pre.size(2) == 1, "HDemucs: unexpected shape before the time branch splits");
                const torch::Tensor nextSkipT = cuda && !savedT.empty() ? savedT.back() : torch::Tensor();
                skipAddedT = nextSkipT.defined();
                xt = tdec->forward(cuda ? pre : pre.select(2, 0), {}, lengthT, nextSkipT).first;
            } else {
                const torch::Tensor skipT = skipAddedT ? torch::Tensor() : savedT.back();
                savedT.pop_back();
                const torch::Tensor nextSkipT = cuda && !savedT.empty() ? savedT.back() : torch::Tensor();
                skipAddedT = nextSkipT.defined();
                xt = tdec->forward(xt, skipT, lengthT, nextSkipT).first;
            }
        }
    }

    const int64_t S = static_cast<int64_t>(m_config.sources.size());
    if (cuda) {
        STEMCRATE_SCOPE("ispec");
        return ispecCuda(x, mean, std, length, xt.squeeze(2), meant, stdt).view({B, S, -1, length});
    }
    xt = xt.to(torch::kFloat32);
    torch::Tensor freqOut;
    {
        // x stays in the decoder's (channels-last) layout: ispec denormalises it on its way into the FFT.
        STEMCRATE_SCOPE("ispec");
        freqOut = ispec(x, mean, std, length);
    }

    xt = xt.view({B, S, -1, length});
    xt = xt * stdt.unsqueeze(1) + meant.unsqueeze(1);
    return xt + freqOut;
}

} // namespace stemcrate::model
