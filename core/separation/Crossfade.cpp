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

} // namespace stemcrate::separation
