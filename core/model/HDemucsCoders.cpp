// HDemucs's encoder and decoder layers (torchaudio's _HEncLayer and _HDecLayer), HDemucsLayers.h.

#include "model/HDemucsLayers.h"

#include <ATen/record_function.h>
#include <torch/nn/functional/padding.h>
#include <torch/torch.h>

#include <vector>

namespace stemcrate::model {

namespace F = torch::nn::functional;

HEncLayerImpl::HEncLayerImpl(int64_t chin, int64_t chout, const LayerOptions& o, int64_t context, bool empty)
    : m_freq(o.freq), m_stride(o.stride), m_empty(empty)
{
    const int64_t pad = o.pad ? o.kernel / 4 : 0;
    conv = register_module("conv", Conv(ConvSpec{chin, chout, o.kernel, o.stride, pad, 1, o.freq}));
    // torchaudio creates norm1 even for an empty layer (it is then unused), so its weights are in the
    // state_dict.
    if (o.norm)
        norm1 = register_module("norm1", GroupNorm(o.normGroups, chout));
    if (empty)
        return;
    rewrite = register_module(
        "rewrite", Conv(ConvSpec{chout, 2 * chout, 1 + 2 * context, 1, context, 1, o.freq, false, true}));
    if (o.norm)
        norm2 = register_module("norm2", GroupNorm(o.normGroups, 2 * chout));
    dconv = register_module("dconv", DConv(chout, o.dconvComp, o.dconvDepth, o.lstm, o.attn));
}

torch::Tensor HEncLayerImpl::forward(torch::Tensor x, const torch::Tensor& inject,
                                     const torch::Tensor& frequencyAddend, const Pass& pass)
{
    const Backend& k = pass.backend;
    if (!m_freq) {
        x = k.timeLayout(x);
        const int64_t length = x.size(-1);
        if (length % m_stride != 0)
            x = k.timeLayout(F::pad(x, F::PadFuncOptions({0, m_stride - length % m_stride})));
    }
    if (m_empty)
        return k.convAct(conv->prepared(), x, NormAct{}, {}, pass.state);
    // y = gelu(norm1(conv(x) + inject))
    torch::Tensor y = k.convAct(conv->prepared(), x, normOp(norm1, Activation::Gelu), inject, pass.state);
    {
        RECORD_FUNCTION("dconv", std::vector<c10::IValue>());
        y = dconv->forward(y, pass);
    }
    // glu(norm2(rewrite(y))), plus the frequency embedding where given.
    NormAct last = normOp(norm2, Activation::Glu);
    last.frequencyAddend = frequencyAddend;
    return k.convAct(rewrite->prepared(), y, last, {}, pass.state);
}

HDecLayerImpl::HDecLayerImpl(int64_t chin, int64_t chout, const LayerOptions& o, int64_t context, bool empty,
                             bool last)
    : m_freq(o.freq), m_empty(empty), m_last(last), m_chin(chin)
{
    if (o.pad) {
        TORCH_CHECK((o.kernel - o.stride) % 2 == 0, "HDemucs: kernel size and stride do not align");
        m_pad = (o.kernel - o.stride) / 2;
    }
    convTr = register_module(
        "conv_tr", Conv(ConvSpec{chin, chout, o.kernel, o.stride, 0, 1, o.freq, /*transposed*/ true}));
    if (o.norm)
        norm2 = register_module("norm2", GroupNorm(o.normGroups, chout));
    if (empty)
        return;
    rewrite = register_module(
        "rewrite", Conv(ConvSpec{chin, 2 * chin, 1 + 2 * context, 1, context, 1, o.freq, false, true}));
    if (o.norm)
        norm1 = register_module("norm1", GroupNorm(o.normGroups, 2 * chin));
}

std::pair<torch::Tensor, torch::Tensor> HDecLayerImpl::forward(torch::Tensor x, const torch::Tensor& skip,
                                                               int64_t length, const torch::Tensor& nextSkip,
                                                               const Pass& pass)
{
    const Backend& k = pass.backend;
    if (m_freq && x.dim() == 3)
        x = x.view({x.size(0), m_chin, -1, x.size(2)});
    // A time layer after the split gets the frequency branch's single row (torchaudio's pre[:, :, 0]).
    x = m_freq ? k.frequencyLayout(x) : k.timeLayout(x);
    torch::Tensor y = x;
    if (!m_empty) {
        // y = glu(norm1(rewrite(x + skip)))
        y = k.addConvAct(rewrite->prepared(), x, skip, normOp(norm1, Activation::Glu), pass.state);
    } else {
        TORCH_CHECK(!skip.defined(), "HDemucs: skip must be empty when the layer is empty");
    }
    // z = gelu(norm2(conv_tr(y))) cropped to the layer's output (no GELU after the last layer). The norm
    // sees the whole output, as in torchaudio, which crops after it; GELU commutes with the crop.
    const int64_t positions = m_freq ? y.size(2) : y.size(-1);
    const int64_t full = convTr->transposedLength(positions);
    const int64_t count = m_freq ? full - 2 * m_pad : length;
    const torch::Tensor z = k.transposedAct(convTr->prepared(), y, normOp(norm2, Activation::None), m_pad,
                                            count, !m_last, nextSkip);
    TORCH_CHECK(m_freq || z.size(-1) == length, "HDemucs: decoder output length mismatch");
    return {z, y};
}

} // namespace stemcrate::model
