#include "model/cuda/FusedCuda.h"

#include <torch/torch.h>

#ifdef STEMCRATE_HAVE_CUDA
#include "model/cuda/CudaKernels.h"

#include <c10/cuda/CUDAGuard.h>
#include <c10/cuda/CUDAStream.h>
#endif

#include <algorithm>
#include <atomic>
#include <string>
#include <vector>

namespace stemcrate::model::fused {

namespace {
std::atomic<bool> g_enabled{true};
} // namespace

void setEnabled(bool enabled)
{
    g_enabled = enabled;
}

#ifdef STEMCRATE_HAVE_CUDA

namespace {

cuda::DType dtypeOf(const at::Tensor& t)
{
    switch (t.scalar_type()) {
    case torch::kFloat16:
        return cuda::DType::Float16;
    case torch::kBFloat16:
        return cuda::DType::BFloat16;
    default:
        TORCH_CHECK(t.scalar_type() == torch::kFloat32, "fused: unsupported dtype ", t.scalar_type());
        return cuda::DType::Float32;
    }
}

void* currentStream()
{
    return c10::cuda::getCurrentCUDAStream().stream();
}

// A parameter as a dense vector in x's dtype; null pointer when undefined. `keep` holds a converted copy.
const void* parameter(const at::Tensor& p, const at::Tensor& x, int64_t size, std::vector<at::Tensor>& keep)
{
    if (!p.defined())
        return nullptr;
    TORCH_CHECK(p.numel() == size, "fused: parameter has ", p.numel(), " values, expected ", size);
    at::Tensor dense = p.to(x.scalar_type()).contiguous();
    keep.push_back(dense);
    return dense.data_ptr();
}

void check(const std::string& error)
{
    TORCH_CHECK(error.empty(), "fused CUDA kernel: ", error);
}

// One float32 value per batch item (a mean or standard deviation), dense.
at::Tensor perItem(const at::Tensor& t, int64_t items, const char* what)
{
    at::Tensor dense = t.to(torch::kFloat32).contiguous();
    TORCH_CHECK(dense.numel() == items, what, ": one value per batch item");
    return dense;
}

} // namespace

bool applies(const at::Tensor& x)
{
    return applies(x.options());
}

bool applies(const at::TensorOptions& options)
{
    const auto t = options.dtype().toScalarType();
    return g_enabled && options.device().is_cuda() &&
           (t == torch::kFloat32 || t == torch::kFloat16 || t == torch::kBFloat16);
}

at::Tensor normAct(const at::Tensor& input, const NormAct& op)
{
    TORCH_CHECK(applies(input) && input.dim() >= 2, "fused::normAct: unsupported input");
    const bool glu = op.activation == Activation::Glu;
    const int64_t B = input.size(0), C = input.size(1), outC = glu ? C / 2 : C;
    std::vector<int64_t> outSizes = input.sizes().vec();
    outSizes[1] = outC;

    at::Tensor x = input;
    bool channelsLast = false;
    if (!x.is_contiguous()) {
        channelsLast = x.dim() == 4 && x.is_contiguous(at::MemoryFormat::ChannelsLast);
        if (!channelsLast)
            x = x.contiguous();
    }
    // A row of a single-row input is the whole batch item: per row is then per item, in either layout.
    TORCH_CHECK(!op.perRow || x.dim() == 4, "fused::normAct: per-row normalisation needs [B, C, R, T]");
    const bool perRow = op.perRow && x.size(2) > 1;
    if ((perRow || (op.frequencyAddend.defined() && x.dim() == 4)) && !channelsLast) {
        // These read a position's channels together. cuDNN's convolutions return channels-last for
        // channels-last inputs, but libtorch's legacy cuDNN route (TORCH_CUDNN_V8_API_DISABLED=1, which some
        // users set for other programs) returned a dense [B, C, R, T]: made channels-last here.
        x = x.contiguous(at::MemoryFormat::ChannelsLast);
        channelsLast = true;
    }
    const int64_t rows = perRow ? B * x.size(2) : B;
    const at::Tensor out =
        torch::empty(outSizes, x.options().memory_format(channelsLast ? at::MemoryFormat::ChannelsLast
                                                                      : at::MemoryFormat::Contiguous));
    at::Tensor residual = op.residual;
    if (residual.defined()) {
        TORCH_CHECK(residual.sizes() == out.sizes(),
                    "fused::normAct: residual shape differs from the output");
        if (residual.strides() != out.strides() || residual.scalar_type() != x.scalar_type())
            residual =
                residual.to(x.scalar_type())
                    .contiguous(channelsLast ? at::MemoryFormat::ChannelsLast : at::MemoryFormat::Contiguous);
    }

    std::vector<at::Tensor> keep;
    cuda::NormActArgs a;
    a.dtype = dtypeOf(x);
    a.x = x.data_ptr();
    a.out = out.data_ptr();
    a.rows = rows;
    a.n = x.numel() / rows;
    a.channels = C;
    a.inner = channelsLast ? 1 : a.n / C; // a row is [positions, C] channels-last, else [C, positions]
    a.groups = static_cast<int>(op.groups);
    a.eps = static_cast<float>(op.eps);
    a.convBias = parameter(op.convBias, x, C, keep);
    a.weight = parameter(op.weight, x, C, keep);
    a.bias = parameter(op.bias, x, C, keep);
    a.activation =
        glu ? cuda::Activation::Glu
            : (op.activation == Activation::Gelu ? cuda::Activation::Gelu : cuda::Activation::None);
    a.scale = parameter(op.scale, x, outC, keep);
    a.residual = residual.defined() ? residual.data_ptr() : nullptr;
    if (op.frequencyAddend.defined()) {
        TORCH_CHECK(channelsLast && !perRow && x.dim() == 4,
                    "fused::normAct: a frequency addend needs a channels-last [B, C, F, T] input");
        a.addend = parameter(op.frequencyAddend, x, x.size(2) * outC, keep);
        a.addendPeriod = x.size(3);
    }
    at::Tensor sums;
    if (op.groups > 0) {
        sums = torch::empty({rows * op.groups * 2}, x.options().dtype(torch::kFloat64));
        a.sums = sums.data_ptr<double>();
    }
    a.stream = currentStream();
    check(cuda::normAct(a));
    return out;
}

at::Tensor overlapAdd(const at::Tensor& columns, int64_t batch, int64_t length, int64_t width, int64_t taps,
                      int64_t stride, int64_t channels, int64_t offset, int64_t count, const at::Tensor& bias,
                      bool gelu, const at::Tensor& addend)
{
    TORCH_CHECK(applies(columns) && columns.is_contiguous() &&
                    columns.numel() == batch * length * width * taps * stride * channels,
                "fused::overlapAdd: unsupported columns");
    TORCH_CHECK(offset >= 0 && count >= 1 && offset + count <= (length + taps - 1) * stride,
                "fused::overlapAdd: crop outside the output");
    const at::Tensor out = torch::empty({batch, count, width, channels}, columns.options());
    std::vector<at::Tensor> keep;
    cuda::OverlapAddArgs a;
    a.dtype = dtypeOf(columns);
    a.columns = columns.data_ptr();
    a.out = out.data_ptr();
    a.batch = batch;
    a.length = length;
    a.width = width;
    a.taps = taps;
    a.stride = stride;
    a.channels = channels;
    a.offset = offset;
    a.count = count;
    a.bias = parameter(bias, columns, channels, keep);
    a.activation = gelu ? cuda::Activation::Gelu : cuda::Activation::None;
    if (addend.defined()) {
        TORCH_CHECK(addend.scalar_type() == columns.scalar_type() && addend.numel() == out.numel() &&
                        addend.permute({0, 2, 3, 1}).is_contiguous(),
                    "fused::overlapAdd: the addend must be channels-last, shaped like the output");
        a.addend = addend.data_ptr();
    }
    a.stream = currentStream();
    check(cuda::overlapAdd(a));
    return out;
}

at::Tensor normaliseSpectrum(const at::Tensor& z, const at::Tensor& mean, const at::Tensor& std,
                             at::ScalarType dtype)
{
    TORCH_CHECK(z.is_cuda() && z.scalar_type() == torch::kComplexFloat && z.dim() == 4,
                "fused::normaliseSpectrum: unsupported input");
    const int64_t B = z.size(0), C = z.size(1), bins = z.size(2), frames = z.size(3);
    const at::Tensor m = perItem(mean, B, "fused::normaliseSpectrum"),
                     s = perItem(std, B, "fused::normaliseSpectrum");
    const at::Tensor out = torch::empty(
        {B, 2 * C, bins, frames}, z.options().dtype(dtype).memory_format(at::MemoryFormat::ChannelsLast));
    const at::Tensor parts = torch::view_as_real(z);
    cuda::NormaliseSpectrumArgs a;
    a.dtype = dtypeOf(out);
    a.z = parts.data_ptr<float>();
    for (int d = 0; d < 4; ++d)
        a.strides[d] = parts.stride(d);
    a.mean = m.data_ptr<float>();
    a.std = s.data_ptr<float>();
    a.out = out.data_ptr();
    a.batch = B;
    a.channels = C;
    a.bins = bins;
    a.frames = frames;
    a.stream = currentStream();
    check(cuda::normaliseSpectrum(a));
    return out;
}

at::Tensor unpackSpectrum(const at::Tensor& decoded, int64_t planes, const at::Tensor& mean,
                          const at::Tensor& std)
{
    TORCH_CHECK(applies(decoded) && decoded.dim() == 4 && decoded.size(1) == planes * 2 &&
                    decoded.is_contiguous(at::MemoryFormat::ChannelsLast),
                "fused::unpackSpectrum: unsupported input");
    const int64_t B = decoded.size(0), bins = decoded.size(2), frames = decoded.size(3);
    const at::Tensor m = perItem(mean, B, "fused::unpackSpectrum"),
                     s = perItem(std, B, "fused::unpackSpectrum");
    const at::Tensor spectrum =
        torch::empty({B * planes, frames + 4, bins + 1}, decoded.options().dtype(torch::kComplexFloat));
    cuda::UnpackSpectrumArgs a;
    a.dtype = dtypeOf(decoded);
    a.decoded = decoded.data_ptr();
    a.mean = m.data_ptr<float>();
    a.std = s.data_ptr<float>();
    a.spectrum = static_cast<float*>(spectrum.data_ptr());
    a.batch = B;
    a.bins = bins;
    a.frames = frames;
    a.planes = planes;
    a.stream = currentStream();
    check(cuda::unpackSpectrum(a));
    return spectrum;
}

at::Tensor attentionWeights(const at::Tensor& dots, const at::Tensor& decay, double scale)
{
    TORCH_CHECK(applies(dots) && dots.dim() == 4 && dots.size(2) == dots.size(3) && decay.dim() == 4 &&
                    decay.size(0) == dots.size(0) && decay.size(1) == dots.size(1) &&
                    decay.size(3) == dots.size(3),
                "fused::attentionWeights: unsupported input");
    const at::Tensor d = dots.contiguous(), q = decay.to(dots.scalar_type()).contiguous();
    const at::Tensor out = torch::empty_like(d);
    cuda::AttentionWeightsArgs a;
    a.dtype = dtypeOf(d);
    a.dots = d.data_ptr();
    a.decay = q.data_ptr();
    a.out = out.data_ptr();
    a.batch = d.size(0);
    a.heads = d.size(1);
    a.length = d.size(3);
    a.decays = q.size(2);
    a.scale = static_cast<float>(scale);
    a.stream = currentStream();
    check(cuda::attentionWeights(a));
    return out;
}

at::Tensor overlapAddSpectrum(const at::Tensor& blocks, const at::Tensor& window, const at::Tensor& envelope,
                              int64_t hop, int64_t start, int64_t length, const at::Tensor& time,
                              const at::Tensor& timeMean, const at::Tensor& timeStd)
{
    TORCH_CHECK(blocks.is_cuda() && blocks.scalar_type() == torch::kFloat32 && blocks.dim() == 3 &&
                    blocks.is_contiguous() && applies(time) && time.dim() == 3 && time.size(2) == length,
                "fused::overlapAddSpectrum: unsupported input");
    const int64_t B = time.size(0), planes = time.size(1);
    TORCH_CHECK(blocks.size(0) == B * planes, "fused::overlapAddSpectrum: blocks and time disagree");
    const at::Tensor w = window.to(torch::kFloat32).contiguous(),
                     env = envelope.to(torch::kFloat32).contiguous();
    const at::Tensor m = perItem(timeMean, B, "fused::overlapAddSpectrum"),
                     s = perItem(timeStd, B, "fused::overlapAddSpectrum");
    TORCH_CHECK(w.numel() == blocks.size(2) && env.numel() == length,
                "fused::overlapAddSpectrum: window or envelope has the wrong size");
    const at::Tensor out = torch::empty({B, planes, length}, blocks.options());
    cuda::OverlapAddSpectrumArgs a;
    a.blocks = blocks.data_ptr<float>();
    a.window = w.data_ptr<float>();
    a.envelope = env.data_ptr<float>();
    a.batch = B;
    a.planes = planes;
    a.frames = blocks.size(1);
    a.nfft = blocks.size(2);
    a.hop = hop;
    a.start = start;
    a.length = length;
    a.timeDtype = dtypeOf(time);
    a.time = time.data_ptr();
    for (int d = 0; d < 3; ++d)
        a.timeStrides[d] = time.stride(d);
    a.timeMean = m.data_ptr<float>();
    a.timeStd = s.data_ptr<float>();
    a.out = out.data_ptr<float>();
    a.stream = currentStream();
    check(cuda::overlapAddSpectrum(a));
    return out;
}

at::Tensor bidirectionalLstm(const at::Tensor& input, const std::vector<at::Tensor>& weights, int64_t layers)
{
    TORCH_CHECK(applies(input) && input.dim() == 3 && static_cast<int64_t>(weights.size()) == layers * 8,
                "fused::bidirectionalLstm: unsupported input");
    const int64_t steps = input.size(0), batch = input.size(1), hidden = weights[1].size(1);
    if (input.scalar_type() != torch::kFloat16 || !cuda::lstmFits(batch, hidden)) {
        // cuDNN: float32 (its recurrence is where reduced precision hurts most) and shapes this GPU cannot
        // hold. The model's weights are shared by every worker, so a layout of this call's own.
        // Views of one buffer: flatten_parameters() laid them out (Backend::placeLstm).
        const at::Tensor& first = weights.front();
        const bool cudnnLayout = std::all_of(weights.begin(), weights.end(),
                                             [&](const at::Tensor& w) { return w.is_alias_of(first); });
        std::vector<at::Tensor> laidOut = weights;
        if (!cudnnLayout) {
            for (at::Tensor& w : laidOut)
                w = w.clone();
            // Makes laidOut views of one buffer; 4 tensors a direction and layer, mode 2: CUDNN_LSTM.
            (void)at::_cudnn_rnn_flatten_weight(laidOut, 4, input.size(2), 2, hidden, /*proj_size*/ 0, layers,
                                                /*batch_first*/ false, /*bidirectional*/ true);
        }
        const at::Tensor zero = torch::zeros({2 * layers, batch, hidden}, input.options());
        return std::get<0>(at::lstm(input, {zero, zero}, laidOut, /*has_biases*/ true, layers,
                                    /*dropout*/ 0.0,
                                    /*train*/ false, /*bidirectional*/ true, /*batch_first*/ false));
    }
    at::Tensor x = input;
    for (int64_t layer = 0; layer < layers; ++layer) {
        const auto w = [&](int direction, int which) -> const at::Tensor& {
            return weights[static_cast<size_t>(layer * 8 + direction * 4 + which)];
        };
        // Both directions' input projections in one GEMM, both biases folded in: [steps * batch, 2 * 4H].
        const at::Tensor inputWeights = torch::cat({w(0, 0), w(1, 0)}, 0);
        const at::Tensor biases = torch::cat({w(0, 2) + w(0, 3), w(1, 2) + w(1, 3)}, 0);
        const at::Tensor xproj = torch::addmm(biases, x.reshape({steps * batch, -1}), inputWeights.t());
        const at::Tensor recurrent = torch::cat({w(0, 1), w(1, 1)}, 0).contiguous();
        at::Tensor out = torch::empty({steps, batch, 2 * hidden}, input.options());
        cuda::LstmArgs a;
        a.xproj = xproj.data_ptr();
        a.weights = recurrent.data_ptr();
        a.out = out.data_ptr();
        a.steps = steps;
        a.batch = batch;
        a.hidden = hidden;
        a.stream = currentStream();
        check(cuda::lstmRecurrence(a));
        x = out;
    }
    return x;
}

bool lstmRunsFused(const at::TensorOptions& options, int64_t hidden)
{
    if (!applies(options) || options.dtype().toScalarType() != torch::kFloat16)
        return false;
    const c10::cuda::CUDAGuard onDevice(options.device());
    return cuda::lstmFits(1, hidden);
}

#else // a libtorch without CUDA: the callers' libtorch paths run

bool applies(const at::Tensor&)
{
    return false;
}

bool applies(const at::TensorOptions&)
{
    return false;
}

namespace {
[[noreturn]] at::Tensor unavailable()
{
    TORCH_CHECK(false, "fused CUDA kernels are not in this build");
}
} // namespace

at::Tensor normAct(const at::Tensor&, const NormAct&)
{
    unavailable();
}
at::Tensor overlapAdd(const at::Tensor&, int64_t, int64_t, int64_t, int64_t, int64_t, int64_t, int64_t,
                      int64_t, const at::Tensor&, bool, const at::Tensor&)
{
    unavailable();
}
at::Tensor normaliseSpectrum(const at::Tensor&, const at::Tensor&, const at::Tensor&, at::ScalarType)
{
    unavailable();
}
at::Tensor unpackSpectrum(const at::Tensor&, int64_t, const at::Tensor&, const at::Tensor&)
{
    unavailable();
}
at::Tensor attentionWeights(const at::Tensor&, const at::Tensor&, double)
{
    unavailable();
}
at::Tensor overlapAddSpectrum(const at::Tensor&, const at::Tensor&, const at::Tensor&, int64_t, int64_t,
                              int64_t, const at::Tensor&, const at::Tensor&, const at::Tensor&)
{
    unavailable();
}
at::Tensor bidirectionalLstm(const at::Tensor&, const std::vector<at::Tensor>&, int64_t)
{
    unavailable();
}

bool lstmRunsFused(const at::TensorOptions&, int64_t)
{
    return false;
}

#endif

} // namespace stemcrate::model::fused
