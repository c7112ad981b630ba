#pragma once
// ForwardState: one worker's mutable state for HDemucs forward passes (whisper.cpp's context/state split:
// the prepared model is immutable and shared by every worker; each worker passes its own state). It holds
// what depends on the input's shape and is worth keeping between passes of one shape: oneDNN's Winograd
// plans with their packed weights (cpu/WinogradConv.h) and the iSTFT's window envelopes. A CUDA worker's
// captured graphs are its GraphedForward (cuda/GraphedForward.h), kept beside its state.
//
// Not kept here: the CPU tensor cache (cpu/TensorCache.h). It is libtorch's one process-wide CPU
// allocator, thread-safe, whose blocks belong to whichever pass holds them.
//
// Ownership: the worker's. One thread at a time; any number of states may run passes of one model at once.
// A state follows the model it last ran: a pass of another model, or of the same model prepared again,
// starts it afresh. Internal to core/model (includes ATen's tensor type, not torch/torch.h).

#include <ATen/core/Tensor.h>

#include <cstdint>
#include <map>
#include <memory>
#include <tuple>

namespace stemcrate::model {

class WinogradConv;
class WinogradPlans;
struct HDemucsConfig;

class ForwardState
{
public:
    ForwardState();
    ~ForwardState();
    ForwardState(const ForwardState&) = delete;
    ForwardState& operator=(const ForwardState&) = delete;

    // Called by HDemucsImpl::forward with the preparation it runs (a number unique to one prepare() of one
    // model): a different one clears what the state holds for the one before.
    void follow(std::uint64_t preparation);

    // This worker's plans for `conv`, made on the first use.
    WinogradPlans& winogradPlans(const WinogradConv& conv);

    // The iSTFT's window envelope (the window's overlap-added square) over output samples [start,
    // start + length) of `frames` frames, float32 on `device`; built on the host and uploaded on the first
    // use for a length (a CUDA graph cannot capture a host copy).
    const at::Tensor& envelope(const HDemucsConfig& config, int64_t frames, int64_t start, int64_t length,
                               const at::Device& device);

private:
    std::uint64_t m_preparation = 0;
    std::map<const WinogradConv*, std::unique_ptr<WinogradPlans>> m_winograd;
    std::map<std::tuple<int64_t, int, int>, at::Tensor> m_envelopes; // (length, device type, index)
};

} // namespace stemcrate::model
