// HDemucs's structure and forward pass, as torchaudio's HDemucs.__init__ and forward(). The layers are
// HDemucsLayers.cpp / HDemucsCoders.cpp; what runs on the device is the Backend that prepare() picks
// (cpu/CpuBackend: the CPU's kernels, BENCHMARKS.md; cuda/CudaBackend: fused CUDA kernels). Where the
// Python branches on tensor rank, this port branches on the layer's configuration instead (which is what
// the rank encodes), so every call with the same input shape runs the same code path.
// CPU parity: test_model_parity; the CUDA backend against the CPU's: tests/cuda (test_cuda_engine).

#include "model/HDemucs.h"

#include "model/Backend.h"
#include "model/ForwardState.h"
#include "model/HDemucsLayers.h"

#include <ATen/record_function.h>
#include <torch/nn/functional/padding.h>
#include <torch/torch.h>

#include <algorithm>
#include <atomic>
#include <string>
#include <tuple>
#include <vector>

#define STEMCRATE_SCOPE(name) RECORD_FUNCTION(name, std::vector<c10::IValue>())

namespace stemcrate::model {

namespace F = torch::nn::functional;

namespace {

torch::Tensor pad1dReflect(torch::Tensor x, int64_t left, int64_t right)
{
    // torch's reflect padding needs the input longer than the padding; torchaudio zero-extends first.
    const int64_t length = x.size(-1);
    const int64_t maxPad = std::max(left, right);
    if (length <= maxPad)
        x = F::pad(x, F::PadFuncOptions({0, maxPad - length + 1}));
    return F::pad(x, F::PadFuncOptions({left, right}).mode(torch::kReflect));
}

// Calls visit(tensor, type) for every parameter and buffer of `module` and its children, `type` being the
// one the tensor takes in a model of `dtype`: floating tensors get it, others keep theirs.
template <class Visit> void forEachTensor(torch::nn::Module& module, torch::ScalarType dtype, Visit&& visit)
{
    const auto typeOf = [dtype](const torch::Tensor& t) {
        return t.is_floating_point() ? dtype : t.scalar_type();
    };
    for (torch::Tensor& t : module.parameters(true))
        visit(t, typeOf(t));
    for (torch::Tensor& t : module.buffers(true))
        visit(t, typeOf(t));
}

// Moves `module`'s tensors to `device` and converts the floating ones to `dtype`, as Module::to does, but
// without its overrides: torch::nn::LSTM's lays the weights out for cuDNN on every call, which on a cold
// process loads cuDNN's RNN code and fills and copies a buffer (55-70 ms of the model thread's preparation
// on an H100, BENCHMARKS.md) for LSTMs the fused float16 kernel runs. The backend lays them out where cuDNN
// runs them (Backend::placeLstm). Tensors already in place stay as they are. Off the CPU, a conversion to
// another dtype is made on the device after the upload: across devices it is made on the host first, one
// thread a tensor, which was 0.29 s of a cold start (BENCHMARKS.md).
void place(torch::nn::Module& module, torch::Device device, torch::ScalarType dtype)
{
    forEachTensor(module, dtype, [&](torch::Tensor& t, torch::ScalarType type) {
        const torch::Tensor placed = device.is_cpu() ? t.to(device, type) : t.to(device).to(type);
        if (!placed.is_same(t))
            t.set_data(placed);
    });
}

std::atomic<std::uint64_t> g_preparations{0};

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

void HDemucsImpl::prepareWithoutValues(torch::Device device, torch::ScalarType dtype)
{
    const torch::NoGradGuard noGrad;
    // Empty tensors on the device in their placed types: prepare() then finds them moved and converted, and
    // applies its own exceptions (float32 BLSTMs under bfloat16) as it always does.
    forEachTensor(*this, dtype, [&](torch::Tensor& t, torch::ScalarType type) {
        t.set_data(torch::empty(t.sizes(), t.options().device(device).dtype(type)));
    });
    prepare(device, dtype);
}

void HDemucsImpl::prepare(torch::Device device, torch::ScalarType dtype)
{
    const torch::NoGradGuard noGrad;
    place(*this, device, dtype);
    // With bfloat16 the BLSTMs keep float32 weights (see BLSTMImpl::forward).
    if (dtype == torch::kBFloat16)
        for (const auto& module : modules(false))
            if (auto* blstm = dynamic_cast<BLSTMImpl*>(module.get()))
                place(*blstm, device, torch::kFloat32);
    m_computeDtype = dtype;
    m_backend = &backendFor(torch::TensorOptions().device(device).dtype(dtype));
    for (const auto& module : modules(false)) {
        if (auto* conv = dynamic_cast<ConvImpl*>(module.get()))
            conv->prepare(*m_backend);
        else if (auto* blstm = dynamic_cast<BLSTMImpl*>(module.get()))
            blstm->prepare(*m_backend);
    }
    // torchaudio's freq_emb_scale * embedding, in its order of operations.
    m_freqEmbedding = m_freqEmbWeight.defined() ? m_config.freqEmb * (m_freqEmbWeight * m_config.embScale)
                                                : torch::Tensor();
    m_preparation = ++g_preparations;
}

void HDemucsImpl::refreshPrepared()
{
    TORCH_CHECK(m_backend, "HDemucs: prepare() the model before refreshPrepared()");
    const torch::NoGradGuard noGrad;
    for (const auto& module : modules(false)) {
        if (auto* conv = dynamic_cast<ConvImpl*>(module.get()))
            conv->refreshPrepared(*m_backend);
        else if (auto* blstm = dynamic_cast<BLSTMImpl*>(module.get()))
            blstm->refreshPrepared(*m_backend);
    }
    if (m_freqEmbedding.defined())
        m_freqEmbedding.copy_(m_config.freqEmb * (m_freqEmbWeight * m_config.embScale));
}

torch::Tensor HDemucsImpl::spec(const torch::Tensor& x, ForwardState& state) const
{
    const int64_t hl = m_config.hopLength();
    const int64_t nfft = m_config.nfft;
    const int64_t length = x.size(-1);
    const int64_t le = (length + hl - 1) / hl;
    const int64_t pad = hl / 2 * 3;
    const torch::Tensor padded = pad1dReflect(x, pad, pad + le * hl - length);

    const torch::Tensor flat = padded.reshape({-1, padded.size(-1)});
    const torch::Tensor& window = state.window(nfft, 1.0, flat.scalar_type(), flat.device());
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

torch::Tensor HDemucsImpl::forward(const torch::Tensor& mix, ForwardState& state) const
{
    TORCH_CHECK(m_backend, "HDemucs: prepare() the model before its forward pass");
    TORCH_CHECK(mix.dim() == 3, "HDemucs expects [batch, channels, frames]");
    TORCH_CHECK(mix.size(1) == m_config.audioChannels, "HDemucs: wrong number of audio channels");
    const Backend& k = *m_backend;
    state.follow(m_preparation);
    const Pass pass{k, state};
    const int64_t length = mix.size(-1);

    STEMCRATE_SCOPE("hdemucs");
    torch::Tensor z;
    {
        STEMCRATE_SCOPE("spec");
        z = spec(mix, state);
    }
    // The magnitude as real/imaginary channels [B, 2C, Fr, T], normalised per batch item. The network runs
    // in the compute dtype; spectrograms and normalisation stay in float32.
    const NormalisedSpectrum spectrum = k.normaliseSpectrum(z, m_computeDtype);
    torch::Tensor x = spectrum.x;

    const torch::Tensor meant = mix.mean({1, 2}, true);
    const torch::Tensor stdt = mix.std({1, 2}, true, true);
    torch::Tensor xt = k.timeLayout(((mix - meant) / (1e-5 + stdt)).to(m_computeDtype));

    std::vector<torch::Tensor> saved, savedT;
    std::vector<int64_t> lengths, lengthsT;
    const size_t timeLayers = m_timeEncoder->size();
    for (size_t idx = 0; idx < m_freqEncoder->size(); ++idx) {
        lengths.push_back(x.size(-1));
        torch::Tensor inject;
        if (idx < timeLayers) {
            lengthsT.push_back(xt.size(-1));
            auto tenc = m_timeEncoder->ptr(idx)->as<HEncLayerImpl>();
            STEMCRATE_SCOPE("time_encoder." + std::to_string(idx));
            xt = tenc->forward(xt, {}, {}, pass);
            if (!tenc->empty())
                savedT.push_back(xt);
            else
                inject = xt;
        }
        STEMCRATE_SCOPE("freq_encoder." + std::to_string(idx));
        // After the first layer, the frequency embedding: [F, C], F the layer's output height.
        const torch::Tensor embedding = idx == 0 ? m_freqEmbedding : torch::Tensor();
        x = m_freqEncoder->ptr(idx)->as<HEncLayerImpl>()->forward(x, inject, embedding, pass);
        saved.push_back(x);
    }

    x = torch::zeros_like(x);
    xt = torch::zeros_like(x);
    const size_t offset = m_freqDecoder->size() - m_timeDecoder->size();
    // Where the backend adds each decoder's next skip in the decoder before (Backend::addsNextSkip).
    const bool skipsAhead = k.addsNextSkip();
    bool skipAdded = false, skipAddedT = false;
    for (size_t idx = 0; idx < m_freqDecoder->size(); ++idx) {
        const torch::Tensor skip = skipAdded ? torch::Tensor() : saved.back();
        saved.pop_back();
        const torch::Tensor nextSkip = skipsAhead && !saved.empty() ? saved.back() : torch::Tensor();
        skipAdded = nextSkip.defined();
        torch::Tensor pre;
        {
            STEMCRATE_SCOPE("freq_decoder." + std::to_string(idx));
            std::tie(x, pre) = m_freqDecoder->ptr(idx)->as<HDecLayerImpl>()->forward(x, skip, lengths.back(),
                                                                                     nextSkip, pass);
        }
        lengths.pop_back();
        if (idx >= offset) {
            auto tdec = m_timeDecoder->ptr(idx - offset)->as<HDecLayerImpl>();
            STEMCRATE_SCOPE("time_decoder." + std::to_string(idx - offset));
            const int64_t lengthT = lengthsT.back();
            lengthsT.pop_back();
            torch::Tensor skipT;
            if (tdec->empty()) {
                // The branches split: the time decoder starts from the frequency decoder's input.
                TORCH_CHECK(pre.size(2) == 1, "HDemucs: unexpected shape before the time branch splits");
            } else {
                skipT = skipAddedT ? torch::Tensor() : savedT.back();
                savedT.pop_back();
            }
            const torch::Tensor nextSkipT = skipsAhead && !savedT.empty() ? savedT.back() : torch::Tensor();
            skipAddedT = nextSkipT.defined();
            xt = tdec->forward(tdec->empty() ? pre : xt, skipT, lengthT, nextSkipT, pass).first;
        }
    }

    {
        STEMCRATE_SCOPE("ispec");
        return k.waveforms(m_config, spectrum, x, xt, meant, stdt, length, state);
    }
}

} // namespace stemcrate::model
