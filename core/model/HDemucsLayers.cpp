// The building blocks of HDemucs's layers (HDemucsLayers.h): convolutions, norms, the BLSTM, the local
// attention and the DConv branch, as torchaudio's _hdemucs.py computes them. The encoder and decoder layers
// are HDemucsCoders.cpp.

#include "model/HDemucsLayers.h"

#include <ATen/record_function.h>
#include <torch/nn/functional/padding.h>
#include <torch/torch.h>

#include <string>
#include <vector>

// Names a stretch of the pass in profiles (libtorch's profiler, Kineto traces on the GPU): free when no
// profiler runs.
#define STEMCRATE_SCOPE(name) RECORD_FUNCTION(name, std::vector<c10::IValue>())

namespace stemcrate::model {

namespace F = torch::nn::functional;

ConvImpl::ConvImpl(ConvSpec spec) : m_spec(spec)
{
    std::vector<int64_t> shape = spec.transposed ? std::vector<int64_t>{spec.in, spec.out, spec.kernel}
                                                 : std::vector<int64_t>{spec.out, spec.in, spec.kernel};
    if (spec.twoD)
        shape.push_back(spec.square ? spec.kernel : 1);
    // Uninitialised: loadStateDict fills every parameter (it refuses a checkpoint with a key missing).
    weight = register_parameter("weight", torch::empty(shape));
    bias = register_parameter("bias", torch::empty({spec.out}));
}

void ConvImpl::prepare(const Backend& backend)
{
    m_prepared = backend.prepareConv(m_spec, weight, bias);
}

namespace {

// Copies a freshly derived layout into the prepared one's memory; views of the parameters need nothing.
void refreshInPlace(const at::Tensor& prepared, const at::Tensor& fresh, const at::Tensor& weight,
                    const at::Tensor& bias)
{
    if (!prepared.defined() || prepared.is_alias_of(weight) || (bias.defined() && prepared.is_alias_of(bias)))
        return;
    TORCH_CHECK(fresh.defined() && fresh.sizes() == prepared.sizes(), "HDemucs: a layout changed its shape");
    prepared.copy_(fresh);
}

} // namespace

void ConvImpl::refreshPrepared(const Backend& backend)
{
    const PreparedConv fresh = backend.prepareConv(m_spec, weight, bias);
    // oneDNN's packed Winograd weights (the CPU's) cannot be rewritten in place.
    TORCH_CHECK(!fresh.winograd && !m_prepared.winograd, "HDemucs: this device's layouts need prepare()");
    refreshInPlace(m_prepared.weight, fresh.weight, weight, bias);
    refreshInPlace(m_prepared.bias, fresh.bias, weight, bias);
    refreshInPlace(m_prepared.tapMajor, fresh.tapMajor, weight, bias);
    refreshInPlace(m_prepared.middleRow, fresh.middleRow, weight, bias);
}

GroupNormImpl::GroupNormImpl(int64_t groups, int64_t channels) : m_groups(groups)
{
    weight = register_parameter("weight", torch::ones({channels}));
    bias = register_parameter("bias", torch::zeros({channels}));
}

NormAct GroupNormImpl::op(Activation activation) const
{
    NormAct op;
    op.groups = m_groups;
    op.weight = weight;
    op.bias = bias;
    op.activation = activation;
    return op;
}

NormAct normOp(const GroupNorm& norm, Activation activation)
{
    if (norm)
        return norm->op(activation);
    NormAct op;
    op.activation = activation;
    return op;
}

LayerScaleImpl::LayerScaleImpl(int64_t channels)
{
    scale = register_parameter("scale", torch::zeros({channels}));
}

// --- BLSTM -----------------------------------------------------------------------------------------------

namespace {
// Sequences longer than this are cut into overlapping frames of kMaxSteps with stride kMaxSteps / 2.
constexpr int64_t kMaxSteps = 200;
} // namespace

BLSTMImpl::BLSTMImpl(int64_t dim)
{
    lstm = register_module(
        "lstm", torch::nn::LSTM(torch::nn::LSTMOptions(dim, dim).num_layers(2).bidirectional(true)));
    linear = register_module("linear", torch::nn::Linear(2 * dim, dim));
}

void BLSTMImpl::prepare(const Backend& backend)
{
    backend.placeLstm(lstm);
    m_prepared = backend.prepareLstm(lstm);
}

void BLSTMImpl::refreshPrepared(const Backend& backend)
{
    const PreparedLstm fresh = backend.prepareLstm(lstm);
    TORCH_CHECK(!fresh.cpu && !m_prepared.cpu && fresh.weights.size() == m_prepared.weights.size(),
                "HDemucs: this device's layouts need prepare()");
    for (size_t i = 0; i < fresh.weights.size(); ++i)
        if (!m_prepared.weights[i].is_alias_of(fresh.weights[i]))
            m_prepared.weights[i].copy_(fresh.weights[i]);
}

// Runs in the dtype of its weights: float32, or float16 with a float16 model. With a bfloat16 model it stays
// float32 (the recurrence is where bfloat16's short mantissa hurts most, see HDemucsImpl::prepare).
torch::Tensor BLSTMImpl::forward(const torch::Tensor& input, const Pass& pass)
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
    x = pass.backend.lstm(m_prepared, x);
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

// --- Local attention -------------------------------------------------------------------------------------

LocalStateImpl::LocalStateImpl(int64_t channels, int64_t heads, int64_t ndecay)
    : m_heads(heads), m_ndecay(ndecay)
{
    auto conv = [&](const char* name, int64_t out) {
        return register_module(name, Conv(ConvSpec{channels, out, 1}));
    };
    content = conv("content", channels);
    query = conv("query", channels);
    key = conv("key", channels);
    queryDecay = conv("query_decay", heads * ndecay);
    proj = conv("proj", channels);
}

torch::Tensor LocalStateImpl::forward(const torch::Tensor& x, const Pass& pass)
{
    const Backend& k = pass.backend;
    const int64_t B = x.size(0), T = x.size(2);
    const torch::Tensor queries = k.conv(query->prepared(), x, pass.state).view({B, m_heads, -1, T});
    const torch::Tensor keys = k.conv(key->prepared(), x, pass.state).view({B, m_heads, -1, T});
    // The einsums of torchaudio's _LocalState as plain batched products: libtorch 1.13's einsum cloned
    // [T, 4] slices a few thousand times per window.
    const torch::Tensor dots = torch::matmul(keys.transpose(-1, -2), queries); // bhct,bhcs->bhts
    const torch::Tensor decay =
        m_ndecay ? k.conv(queryDecay->prepared(), x, pass.state).view({B, m_heads, -1, T}) : torch::Tensor();
    const torch::Tensor weights = k.attentionWeights(dots, decay, m_ndecay, keys.size(2));
    const torch::Tensor values = k.conv(content->prepared(), x, pass.state).view({B, m_heads, -1, T});
    const torch::Tensor result = torch::matmul(values, weights).reshape({B, -1, T}); // bhts,bhct->bhcs
    return x + k.conv(proj->prepared(), result, pass.state);
}

// --- DConv -----------------------------------------------------------------------------------------------

DConvLayerImpl::DConvLayerImpl(int64_t channels, int64_t hidden, int64_t dilation, bool lstm, bool attn)
{
    int index = 0;
    auto name = [&]() { return std::to_string(index++); };
    conv1 = register_module(name(), Conv(ConvSpec{channels, hidden, 3, 1, dilation, dilation}));
    norm1 = register_module(name(), GroupNorm(1, hidden));
    ++index; // GELU
    if (lstm)
        blstm = register_module(name(), BLSTM(hidden));
    if (attn)
        localState = register_module(name(), LocalState(hidden, 4, 4));
    conv2 = register_module(name(), Conv(ConvSpec{hidden, 2 * channels, 1}));
    norm2 = register_module(name(), GroupNorm(1, 2 * channels));
    ++index; // GLU
    scale = register_module(name(), LayerScale(channels));
}

NormAct DConvLayerImpl::residualOp(const torch::Tensor& x) const
{
    NormAct op = norm2->op(Activation::Glu);
    op.convBias = conv2->bias;
    op.scale = scale->scale;
    op.residual = x;
    return op;
}

torch::Tensor DConvLayerImpl::forward(const torch::Tensor& x, const Pass& pass)
{
    const Backend& k = pass.backend;
    NormAct first = norm1->op(Activation::Gelu);
    first.convBias = conv1->bias;
    torch::Tensor y = k.convAct(conv1->prepared(), x, first, {}, pass.state);
    if (blstm) {
        STEMCRATE_SCOPE("blstm");
        y = blstm->forward(y, pass);
    }
    if (localState) {
        STEMCRATE_SCOPE("attention");
        y = localState->forward(y, pass);
    }
    return k.convAct(conv2->prepared(), y, residualOp(x), {}, pass.state);
}

torch::Tensor DConvLayerImpl::forwardRows(const torch::Tensor& x, const Pass& pass)
{
    const Backend& k = pass.backend;
    NormAct first = norm1->op(Activation::Gelu);
    first.convBias = conv1->bias;
    first.perRow = true;
    NormAct second = residualOp(x);
    second.perRow = true;
    return k.convRowsAct(conv2->prepared(), k.convRowsAct(conv1->prepared(), x, first), second);
}

DConvImpl::DConvImpl(int64_t channels, int compress, int depth, bool lstm, bool attn)
{
    layers = register_module("layers", torch::nn::ModuleList());
    const int64_t hidden = static_cast<int64_t>(static_cast<double>(channels) / compress);
    for (int d = 0; d < depth; ++d)
        layers->push_back(DConvLayer(channels, hidden, int64_t{1} << d, lstm, attn));
}

bool DConvImpl::rowWise() const
{
    for (const auto& layer : *layers)
        if (!layer->as<DConvLayerImpl>()->rowWise())
            return false;
    return true;
}

torch::Tensor DConvImpl::forward(torch::Tensor x, const Pass& pass)
{
    if (x.dim() == 4 && rowWise()) {
        // Row by row in place of torchaudio's fold of the rows into the batch: its convolutions are
        // pointwise GEMMs and [1, 3] windows over contiguous channels-last rows.
        x = x.contiguous(torch::MemoryFormat::ChannelsLast);
        for (const auto& layer : *layers)
            x = layer->as<DConvLayerImpl>()->forwardRows(x, pass);
        return x;
    }
    if (x.dim() == 4) {
        // torchaudio's fold: [B, C, R, T] -> [B * R, C, T] and back.
        const int64_t B = x.size(0), C = x.size(1), R = x.size(2), T = x.size(3);
        torch::Tensor y = x.permute({0, 2, 1, 3}).reshape({-1, C, T});
        for (const auto& layer : *layers)
            y = layer->as<DConvLayerImpl>()->forward(y, pass);
        return pass.backend.frequencyLayout(y.view({B, R, C, T}).permute({0, 2, 1, 3}));
    }
    for (const auto& layer : *layers)
        x = layer->as<DConvLayerImpl>()->forward(x, pass);
    return x;
}

// --- The frequency embedding's table ---------------------------------------------------------------------

EmbeddingImpl::EmbeddingImpl(int64_t count, int64_t dim)
{
    weight = register_parameter("weight", torch::empty({count, dim})); // loaded, as ConvImpl's
}

ScaledEmbeddingImpl::ScaledEmbeddingImpl(int64_t count, int64_t dim)
{
    embedding = register_module("embedding", Embedding(count, dim));
}

} // namespace stemcrate::model
