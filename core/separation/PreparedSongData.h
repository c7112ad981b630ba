#pragma once
// What a PreparedSong holds. Internal to core/separation (includes torch): Separator.cpp fills it on the
// CPU, DeviceSong.cpp on a GPU. Units: frames.

#include "common/AudioBuffer.h"
#include "separation/PreparedSong.h"
#include "separation/Windowing.h"

#include <ATen/core/Tensor.h>

#include <vector>

namespace stemcrate::separation {

struct PreparedSong::Impl
{
    const void* preparedBy = nullptr; // the Separator's state that made it (launch() takes only its own)
    int64_t frames = 0;
    int channels = 0; // the mix's: 1 or 2
    WindowPlan plan;
    // The CPU's normalisation of the mix (Demucs': mean and standard deviation + 1e-8 of the mono mix).
    float mean = 0.0f;
    float scale = 1.0f;
    // Separator::separate(mix) prepares in place: the windows are cut from the caller's mix as the batches
    // run (an hour-long track's windows are not all held at once). Borrowed for that one call.
    const AudioBuffer* mix = nullptr;
    // prepare() on the CPU: each batch's windows [count, 2, W], normalised and zero-padded, in order.
    std::vector<at::Tensor> batches;
    // prepare() on a GPU (DeviceSong::prepare): the mix [channels, frames] in device memory, its upload
    // complete, in a side stream's memory (launch() records its own stream's use before reading it); or,
    // while the batch shape's CUDA graph may still be captured, a host copy that launch() uploads.
    at::Tensor deviceMix;
    AudioBuffer ownedMix;
};

} // namespace stemcrate::separation
