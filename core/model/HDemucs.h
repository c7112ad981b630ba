#pragma once
// HDemucs as libtorch modules, a 1:1 port of torchaudio.models.HDemucs (torchaudio/models/_hdemucs.py).
// Module and parameter names follow torchaudio's attribute paths (freq_encoder.0.dconv.layers.0.3.lstm...),
// so a torchaudio state_dict loads key for key (see Checkpoint.h).
//
// Internal to core: includes torch. Ownership: a module holds its own parameters; after loading they are
// treated as immutable and one module may serve several threads under torch::InferenceMode.
// Units: input [batch, audioChannels, frames] at the model's sample rate; output
// [batch, sources, audioChannels, frames].

#include "model/HDemucsConfig.h"

#include <torch/nn/module.h>
#include <torch/nn/modules/container/modulelist.h>

#include <map>
#include <mutex>
#include <tuple>

namespace stemcrate::model {

class HDemucsImpl : public torch::nn::Module
{
public:
    explicit HDemucsImpl(HDemucsConfig config = HDemucsConfig::high());

    // mix: float32. Output: float32.
    torch::Tensor forward(const torch::Tensor& mix);

    // Runs the encoder/decoder stack in `dtype` (e.g. torch::kBFloat16 on CUDA); converts the parameters.
    // STFT and normalisation stay in float32; with bfloat16 the BLSTMs do too.
    void setComputeDtype(torch::ScalarType dtype);

    const HDemucsConfig& config() const { return m_config; }

private:
    torch::Tensor spec(const torch::Tensor& x) const;
    torch::Tensor ispec(const torch::Tensor& decoded, const torch::Tensor& mean, const torch::Tensor& std,
                        int64_t length) const;
    // ispec() on CUDA with the time branch's output added: decoded * std + mean through the inverse STFT,
    // plus time * timeStd + timeMean. time: [B, S * C, length]; returns float32 [B, S * C, length].
    torch::Tensor ispecCuda(const torch::Tensor& decoded, const torch::Tensor& mean, const torch::Tensor& std,
                            int64_t length, const torch::Tensor& time, const torch::Tensor& timeMean,
                            const torch::Tensor& timeStd) const;
    // The iSTFT's window envelope for `length` output frames, on `device`; built once per length.
    torch::Tensor envelope(int64_t frames, int64_t start, int64_t length, torch::Device device) const;

    HDemucsConfig m_config;
    torch::nn::ModuleList m_freqEncoder{nullptr};
    torch::nn::ModuleList m_freqDecoder{nullptr};
    torch::nn::ModuleList m_timeEncoder{nullptr};
    torch::nn::ModuleList m_timeDecoder{nullptr};
    torch::ScalarType m_computeDtype = torch::kFloat32;
    torch::Tensor m_freqEmbWeight; // freq_emb.embedding.weight, [freqs, channels]; undefined when disabled
    mutable std::mutex m_envelopeMutex;
    mutable std::map<std::tuple<int64_t, int, int>, torch::Tensor>
        m_envelopes; // (length, device) -> envelope
};

TORCH_MODULE(HDemucs);

} // namespace stemcrate::model
