#pragma once
// ForwardState: one worker's mutable state for HDemucs forward passes (whisper.cpp's context/state split:
// the prepared model is immutable and shared by every worker; each worker passes its own state). It holds
// what depends on the input's shape and is worth keeping between passes of one shape: oneDNN's Winograd
// plans with their packed weights (cpu/WinogradConv.h), the STFT's windows and the iSTFT's window envelopes.
// A CUDA worker's captured graphs are its GraphedForward (cuda/GraphedForward.h), kept beside its state.
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

    // The periodic Hann window of `nfft` samples divided by `divisor`, of `dtype` on `device`: computed by a
    // plain loop on the host and uploaded on the first use. Made on a GPU by torch::hann_window, its range,
    // cosine and arithmetic launches load kernel modules on a cold process (10-30 ms each on a slow host,
    // which every thread's first launches wait behind, BENCHMARKS.md), and a captured graph would run them
    // again on every replay; made by libtorch's CPU operators, they cost the pass 20-30 ms of host time.
    const at::Tensor& window(int64_t nfft, double divisor, at::ScalarType dtype, const at::Device& device);

private:
    std::uint64_t m_preparation = 0;
    std::map<const WinogradConv*, std::unique_ptr<WinogradPlans>> m_winograd;
    std::map<std::tuple<int64_t, int, int>, at::Tensor> m_envelopes; // (length, device type, index)
    // (nfft, divisor, dtype, device type, index)
    std::map<std::tuple<int64_t, double, int, int, int>, at::Tensor> m_windows;
};

} // namespace stemcrate::model
