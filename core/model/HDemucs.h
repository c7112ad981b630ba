#pragma once
// HDemucs as libtorch modules, a 1:1 port of torchaudio.models.HDemucs (torchaudio/models/_hdemucs.py).
// Module and parameter names follow torchaudio's attribute paths (freq_encoder.0.dconv.layers.0.3.lstm...),
// so a torchaudio state_dict loads key for key (see Checkpoint.h). The layers are HDemucsLayers.h; the
// device kernels they run are a Backend (Backend.h: cpu/, cuda/).
//
// Internal to core: includes torch. Ownership: the module holds its parameters. Lifecycle: construct, load
// the weights (loadStateDict), then prepare(device, dtype) once: it moves and converts the weights and
// builds every layout the device's kernels read. From then on the module is immutable: any number of
// threads may run forward() at once, each with its own ForwardState (no locks; the state holds the
// shape-dependent plans). Changing a weight afterwards needs prepare() again, with no pass running.
// Units: input [batch, audioChannels, frames] at the model's sample rate; output
// [batch, sources, audioChannels, frames].

#include "model/HDemucsConfig.h"

#include <torch/nn/module.h>
#include <torch/nn/modules/container/modulelist.h>

#include <cstdint>

namespace stemcrate::model {

class Backend;
class ForwardState;

class HDemucsImpl : public torch::nn::Module
{
public:
    explicit HDemucsImpl(HDemucsConfig config = HDemucsConfig::high());

    // Moves the weights to `device` and runs the encoder/decoder stack in `dtype` (e.g. torch::kHalf on
    // CUDA; STFT and normalisation stay float32, and with bfloat16 the BLSTMs do too), picks the device's
    // backend and builds its weight layouts. Call before forward(), again after any change of the weights
    // (or of fused::setEnabled), never during a pass.
    void prepare(torch::Device device, torch::ScalarType dtype = torch::kFloat32);
    // prepare() for a model whose weights are about to be overwritten in place (loadStateDict's inPlace, then
    // refreshPrepared()): every parameter and buffer becomes uninitialised memory of its prepared device and
    // dtype instead of being copied there, and the layouts are built from that. The loader's warm-up model
    // on a GPU: its random initialisation went up to the device (335 MB, pageable) beside the checkpoint's
    // upload, on the cold first song's path, to be overwritten. Passes before the overwrite compute garbage
    // (NaN included) on the right shapes and addresses: enough for plans and a CUDA graph's capture.
    void prepareWithoutValues(torch::Device device, torch::ScalarType dtype);
    // After prepare(), once the parameters were overwritten in place (loadStateDict's inPlace): rebuilds what
    // prepare() derived from them in the memory it already has, so every tensor of the prepared model keeps
    // its address and a CUDA graph captured on it stays valid. Same thread rules as prepare(). Device
    // layouts only (the CPU's packed Winograd weights throw: prepare() again instead).
    void refreshPrepared();

    // mix: float32 on the prepared device. Output: float32. Under torch::InferenceMode or NoGradGuard.
    torch::Tensor forward(const torch::Tensor& mix, ForwardState& state) const;

    const HDemucsConfig& config() const { return m_config; }

private:
    torch::Tensor spec(const torch::Tensor& x, ForwardState& state) const;

    HDemucsConfig m_config;
    torch::nn::ModuleList m_freqEncoder{nullptr};
    torch::nn::ModuleList m_freqDecoder{nullptr};
    torch::nn::ModuleList m_timeEncoder{nullptr};
    torch::nn::ModuleList m_timeDecoder{nullptr};
    torch::Tensor m_freqEmbWeight; // freq_emb.embedding.weight, [freqs, channels]; undefined when disabled

    // Made by prepare(), then immutable.
    const Backend* m_backend = nullptr;
    std::uint64_t m_preparation = 0; // unique per prepare() (ForwardState::follow)
    torch::ScalarType m_computeDtype = torch::kFloat32;
    torch::Tensor m_freqEmbedding; // freq_emb_scale * embedding: [freqs, channels]; undefined when disabled
};

TORCH_MODULE(HDemucs);

} // namespace stemcrate::model
