#include "separation/Crossfade.h"

#include <torch/torch.h>

#include <algorithm>

namespace stemcrate::separation {

void crossfadeOnHost(const at::Tensor& result, const WindowPlan& plan, size_t first, size_t count,
                     float scale, float mean, std::vector<float>& weights, Stems& out)
{
    // The weights are tabulated once per window so the inner loop is a multiply-add the compiler vectorises.
    const int64_t W = plan.windowFrames;
    const float* y = result.data_ptr<float>();
    const int64_t sources = static_cast<int64_t>(out.audio.size());
    for (size_t b = 0; b < count; ++b) {
        const size_t k = first + b;
        const int64_t start = plan.starts[k];
        const int64_t valid = std::min(W, plan.totalFrames - start);
        for (int64_t i = 0; i < valid; ++i)
            weights[static_cast<size_t>(i)] = plan.weight(k, i);
        for (int64_t s = 0; s < sources; ++s) {
            for (int c = 0; c < kEngineChannels; ++c) {
                const float* row = y + ((static_cast<int64_t>(b) * sources + s) * kEngineChannels + c) * W;
                float* target = out.audio[static_cast<size_t>(s)].channel(c) + start;
                for (int64_t i = 0; i < valid; ++i)
                    target[i] += weights[static_cast<size_t>(i)] * (row[i] * scale + mean);
            }
        }
    }
}

void crossfadeOnDevice(const at::Tensor& result, const WindowPlan& plan, size_t first, size_t count,
                       float scale, float mean, DeviceTail& tail, Stems& out)
{
    const int64_t W = plan.windowFrames;
    const int64_t end = plan.starts[first + count - 1] + W;
    torch::Tensor acc = torch::zeros({result.size(1), kEngineChannels, end - tail.from},
                                     result.options().dtype(torch::kFloat32));
    if (tail.frames.defined())
        acc.narrow(2, 0, tail.frames.size(2)).copy_(tail.frames);

    torch::Tensor weights = torch::empty({static_cast<int64_t>(count), 1, 1, W});
    float* w = weights.data_ptr<float>();
    for (size_t b = 0; b < count; ++b)
        for (int64_t i = 0; i < W; ++i)
            w[static_cast<int64_t>(b) * W + i] = plan.weight(first + b, i);
    const torch::Tensor weighted = (result.to(torch::kFloat32) * scale + mean) * weights.to(result.device());
    for (size_t b = 0; b < count; ++b)
        acc.narrow(2, plan.starts[first + b] - tail.from, W).add_(weighted[static_cast<int64_t>(b)]);

    const int64_t final = std::min(plan.finalUpTo(first + count - 1), end);
    if (final > tail.from) {
        const torch::Tensor ready = acc.narrow(2, 0, final - tail.from).to(torch::kCPU).contiguous();
        const int64_t n = ready.size(2);
        const float* src = ready.data_ptr<float>();
        for (size_t s = 0; s < out.audio.size(); ++s)
            for (int c = 0; c < kEngineChannels; ++c)
                std::copy_n(src + (static_cast<int64_t>(s) * kEngineChannels + c) * n, n,
                            out.audio[s].channel(c) + tail.from);
    }
    tail.frames = acc.narrow(2, final - tail.from, end - final);
    tail.from = final;
}

} // namespace stemcrate::separation
