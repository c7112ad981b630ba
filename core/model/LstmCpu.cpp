#include "model/LstmCpu.h"

#include "model/FastMath.h"
#include "model/ParallelGemm.h"

#include <ATen/Parallel.h>
#include <torch/torch.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace stemcrate::model {

namespace {

// One direction of one layer. Compiled for several instruction sets, picked at run time (FastMath.h). gx:
// [steps, batch, 4H], the input projection plus both biases. wt: [H, 4H], the recurrent weight transposed.
// out: row (t, b) at out + (t * batch + b) * outStride, H values.
STEMCRATE_CLONES
void recurrence(const float* gx, const float* wt, float* out, std::int64_t steps, std::int64_t batch,
                std::int64_t hidden, std::int64_t outStride, bool reverse)
{
    const std::int64_t G = 4 * hidden;
    std::vector<float> h(static_cast<size_t>(batch * hidden), 0.0f);
    std::vector<float> c(static_cast<size_t>(batch * hidden), 0.0f);
    std::vector<float> g(static_cast<size_t>(batch * G));
    constexpr std::int64_t kBlock = 256; // gate columns per pass: the batch's partial sums stay in L1
    for (std::int64_t step = 0; step < steps; ++step) {
        const std::int64_t t = reverse ? steps - 1 - step : step;
        std::memcpy(g.data(), gx + t * batch * G, sizeof(float) * static_cast<size_t>(batch * G));
        for (std::int64_t r0 = 0; r0 < G; r0 += kBlock) {
            const std::int64_t rn = std::min(kBlock, G - r0);
            for (std::int64_t k = 0; k < hidden; ++k) {
                const float* w = wt + k * G + r0;
                for (std::int64_t b = 0; b < batch; ++b) {
                    const float hk = h[static_cast<size_t>(b * hidden + k)];
                    float* gb = g.data() + b * G + r0;
                    for (std::int64_t r = 0; r < rn; ++r)
                        gb[r] += hk * w[r];
                }
            }
        }
        for (std::int64_t b = 0; b < batch; ++b) {
            const float* gb = g.data() + b * G;
            float* hb = h.data() + b * hidden;
            float* cb = c.data() + b * hidden;
            float* ob = out + (t * batch + b) * outStride;
            for (std::int64_t j = 0; j < hidden; ++j) {
                const float i = fastmath::sigmoid(gb[j]);
                const float f = fastmath::sigmoid(gb[hidden + j]);
                const float z = fastmath::tanh(gb[2 * hidden + j]);
                const float o = fastmath::sigmoid(gb[3 * hidden + j]);
                const float cj = f * cb[j] + i * z;
                cb[j] = cj;
                const float hj = o * fastmath::tanh(cj);
                hb[j] = hj;
                ob[j] = hj;
            }
        }
    }
}

} // namespace

torch::Tensor lstmForwardCpu(const torch::nn::LSTM& lstm, const torch::Tensor& input)
{
    const auto& options = lstm->options;
    TORCH_CHECK(options.bidirectional() && !options.batch_first() && options.proj_size() == 0,
                "lstmForwardCpu: unsupported LSTM options");
    TORCH_CHECK(input.device().is_cpu() && input.scalar_type() == torch::kFloat32 && input.dim() == 3,
                "lstmForwardCpu: needs a [steps, batch, features] float32 CPU tensor");
    const std::int64_t steps = input.size(0), batch = input.size(1), hidden = options.hidden_size();
    const auto params = lstm->named_parameters(/*recurse*/ false);
    torch::Tensor x = input.contiguous();
    for (std::int64_t layer = 0; layer < options.num_layers(); ++layer) {
        torch::Tensor out = torch::empty({steps, batch, 2 * hidden}, x.options());
        torch::Tensor gx[2], wt[2];
        for (int d = 0; d < 2; ++d) {
            const std::string suffix = "_l" + std::to_string(layer) + (d ? "_reverse" : "");
            const torch::Tensor& wih = params["weight_ih" + suffix];
            const torch::Tensor bias = params["bias_ih" + suffix] + params["bias_hh" + suffix];
            gx[d] = parallelMm(x.view({steps * batch, -1}), wih.t(), bias);
            wt[d] = params["weight_hh" + suffix].t().contiguous();
        }
        float* outData = out.data_ptr<float>();
        at::parallel_for(0, 2, 1, [&](std::int64_t begin, std::int64_t end) {
            for (std::int64_t d = begin; d < end; ++d)
                recurrence(gx[d].data_ptr<float>(), wt[d].data_ptr<float>(), outData + d * hidden, steps,
                           batch, hidden, 2 * hidden, d == 1);
        });
        x = out;
    }
    return x;
}

} // namespace stemcrate::model
