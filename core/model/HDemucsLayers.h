#pragma once
// HDemucs's layers as libtorch modules, one per class of torchaudio/models/_hdemucs.py (_HEncLayer,
// _HDecLayer, _DConv, _BLSTM, _LocalState, _LayerScale, _ScaledEmbedding) plus the convolutions and norms
// they hold. Children are registered under torchaudio's attribute names (conv, norm1, dconv.layers.0.3.lstm,
// ...) so that a state_dict loads key for key. Each forward() says what the layer computes; the kernels
// that compute it are the Backend's (Backend.h), given with the caller's ForwardState in a Pass.
//
// Internal to core/model (includes torch). prepare() builds a layer's kernel layouts once; after it the
// module is immutable and forward() may run on several threads at once, each with its own Pass.

#include "model/Backend.h"

#include <torch/nn/module.h>
#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/modules/rnn.h>

#include <cstdint>
#include <utility>

namespace stemcrate::model {

class ForwardState;

// What one forward pass runs with: the model's backend and the worker's state.
struct Pass
{
    const Backend& backend;
    ForwardState& state;
};

class ConvImpl : public torch::nn::Module
{
public:
    explicit ConvImpl(ConvSpec spec);
    void prepare(const Backend& backend);
    // After the weights were overwritten in place: the layouts prepare() derived, rebuilt in their own
    // memory.
    void refreshPrepared(const Backend& backend);
    const PreparedConv& prepared() const { return m_prepared; }
    // The output length along the axis of a transposed convolution over `length` positions.
    int64_t transposedLength(int64_t length) const { return (length - 1) * m_spec.stride + m_spec.kernel; }

    torch::Tensor weight;
    torch::Tensor bias;

private:
    ConvSpec m_spec;
    PreparedConv m_prepared;
};
TORCH_MODULE(Conv);

class GroupNormImpl : public torch::nn::Module
{
public:
    GroupNormImpl(int64_t groups, int64_t channels);
    // This norm, then `activation`, as one step after a convolution (Backend::convAct).
    NormAct op(Activation activation) const;

    torch::Tensor weight;
    torch::Tensor bias;

private:
    int64_t m_groups;
};
TORCH_MODULE(GroupNorm);

// `norm`'s op, or only `activation` where a layer has no norm.
NormAct normOp(const GroupNorm& norm, Activation activation);

class LayerScaleImpl : public torch::nn::Module
{
public:
    explicit LayerScaleImpl(int64_t channels);
    torch::Tensor scale;
};
TORCH_MODULE(LayerScale);

// Bidirectional 2-layer LSTM with a linear projection and a skip connection (torchaudio's _BLSTM).
class BLSTMImpl : public torch::nn::Module
{
public:
    explicit BLSTMImpl(int64_t dim);
    void prepare(const Backend& backend);
    void refreshPrepared(const Backend& backend); // as ConvImpl's
    torch::Tensor forward(const torch::Tensor& x, const Pass& pass);

    torch::nn::LSTM lstm{nullptr};
    torch::nn::Linear linear{nullptr};

private:
    PreparedLstm m_prepared;
};
TORCH_MODULE(BLSTM);

// Local attention with a learned, per-head decay penalty over time distance (torchaudio's _LocalState).
class LocalStateImpl : public torch::nn::Module
{
public:
    LocalStateImpl(int64_t channels, int64_t heads, int64_t ndecay);
    torch::Tensor forward(const torch::Tensor& x, const Pass& pass);

    Conv content{nullptr}, query{nullptr}, key{nullptr}, queryDecay{nullptr}, proj{nullptr};

private:
    int64_t m_heads;
    int64_t m_ndecay;
};
TORCH_MODULE(LocalState);

// One residual layer of a DConv branch: torchaudio's nn.Sequential, with children named by their index in it
// (conv 0, norm 1, gelu 2, [lstm 3], [attn], conv, norm, glu, scale).
class DConvLayerImpl : public torch::nn::Module
{
public:
    DConvLayerImpl(int64_t channels, int64_t hidden, int64_t dilation, bool lstm, bool attn);
    // x: [B, C, T]. Returns x plus the layer's output.
    torch::Tensor forward(const torch::Tensor& x, const Pass& pass);
    // x: channels-last [B, C, R, T]; the same layer applied to each of the B * R rows (torchaudio folds R
    // into the batch). Only for layers without LSTM and attention (rowWise()).
    torch::Tensor forwardRows(const torch::Tensor& x, const Pass& pass);
    bool rowWise() const { return !blstm && !localState; }

    Conv conv1{nullptr}, conv2{nullptr};
    GroupNorm norm1{nullptr}, norm2{nullptr};
    BLSTM blstm{nullptr};
    LocalState localState{nullptr};
    LayerScale scale{nullptr};

private:
    // The layer's end as one step: conv2's bias, norm2, GLU, LayerScale, plus x.
    NormAct residualOp(const torch::Tensor& x) const;
};
TORCH_MODULE(DConvLayer);

class DConvImpl : public torch::nn::Module
{
public:
    DConvImpl(int64_t channels, int compress, int depth, bool lstm, bool attn);
    // x: [B, C, T], or [B, C, R, T] with each of the B * R rows a sequence (the frequency branch; the time
    // branch on backends that run it as [B, C, 1, L]). Returns the same shape.
    torch::Tensor forward(torch::Tensor x, const Pass& pass);

    torch::nn::ModuleList layers{nullptr};

private:
    bool rowWise() const;
};
TORCH_MODULE(DConv);

// The options torchaudio's HDemucs gives each encoder/decoder layer.
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
    HEncLayerImpl(int64_t chin, int64_t chout, const LayerOptions& o, int64_t context, bool empty);
    bool empty() const { return m_empty; }
    // inject: undefined, or the time branch's output added after the convolution. frequencyAddend:
    // undefined, or [F, C] added to the output per (frequency, channel) (the frequency embedding).
    torch::Tensor forward(torch::Tensor x, const torch::Tensor& inject, const torch::Tensor& frequencyAddend,
                          const Pass& pass);

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
    HDecLayerImpl(int64_t chin, int64_t chout, const LayerOptions& o, int64_t context, bool empty, bool last);
    bool empty() const { return m_empty; }
    // Returns (output, the input of the final transposed convolution). skip: undefined for an empty layer,
    // or where the layer before added it already (Backend::addsNextSkip; then nextSkip, the next layer's
    // skip, is added to this one's output).
    std::pair<torch::Tensor, torch::Tensor> forward(torch::Tensor x, const torch::Tensor& skip,
                                                    int64_t length, const torch::Tensor& nextSkip,
                                                    const Pass& pass);

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
    EmbeddingImpl(int64_t count, int64_t dim);
    torch::Tensor weight;
};
TORCH_MODULE(Embedding);

class ScaledEmbeddingImpl : public torch::nn::Module
{
public:
    ScaledEmbeddingImpl(int64_t count, int64_t dim);
    Embedding embedding{nullptr};
};
TORCH_MODULE(ScaledEmbedding);

} // namespace stemcrate::model
