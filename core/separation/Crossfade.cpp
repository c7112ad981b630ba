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

    const torch::Tensor denormalised = result.to(torch::kFloat32) * scale + mean;
    for (size_t b = 0; b < count; ++b) {
        const size_t k = first + b;
        // A window's weights depend only on whether it has neighbours: four shapes, uploaded once each.
        const int shape = (k > 0 ? 1 : 0) | (k + 1 < plan.count() ? 2 : 0);
        torch::Tensor& weights = tail.weightShapes[shape];
        if (!weights.defined()) {
            torch::Tensor host = torch::empty({W});
            float* w = host.data_ptr<float>();
            for (int64_t i = 0; i < W; ++i)
                w[i] = plan.weight(k, i);
            weights = host.to(result.device());
        }
        acc.narrow(2, plan.starts[k] - tail.from, W).addcmul_(denormalised[static_cast<int64_t>(b)], weights);
    }

    // Final frames go straight from the device into the stem buffers, one contiguous row per channel.
    const int64_t final = std::min(plan.finalUpTo(first + count - 1), end);
    if (final > tail.from) {
        const int64_t n = final - tail.from;
        for (size_t s = 0; s < out.audio.size(); ++s)
            for (int c = 0; c < kEngineChannels; ++c)
                torch::from_blob(out.audio[s].channel(c) + tail.from, {n})
                    .copy_(acc[static_cast<int64_t>(s)][c].narrow(0, 0, n));
    }
    tail.frames = acc.narrow(2, final - tail.from, end - final);
    tail.from = final;
}

} // namespace stemcrate::separation
