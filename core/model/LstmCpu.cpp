#include "model/LstmCpu.h"

#include "model/ParallelGemm.h"

#include <ATen/Parallel.h>
#include <torch/torch.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

// The recurrence is compiled for several instruction sets and picked at run time (GCC function multi-
// versioning), so the default build stays portable (no -march=native) and still uses AVX2/AVX-512.
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__)
#define STEMCRATE_CLONES __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#else
#define STEMCRATE_CLONES
#endif

namespace stemcrate::model {

namespace {

// exp(x) for the gate activations: Cody-Waite range reduction and the Cephes expf polynomial (about 2 ulp),
// written branch-free so the loops that call it vectorise.
inline float expApprox(float x)
{
    x = std::min(std::max(x, -87.0f), 87.0f);
    constexpr float kRound = 12582912.0f; // 1.5 * 2^23: adding and subtracting it rounds to an integer
    const float n = (x * 1.44269504088896341f + kRound) - kRound;
    float r = x - n * 0.693359375f;
    r = r + n * 2.12194440e-4f;
    float p = 1.9875691500e-4f;
    p = p * r + 1.3981999507e-3f;
    p = p * r + 8.3334519073e-3f;
    p = p * r + 4.1665795894e-2f;
    p = p * r + 1.6666665459e-1f;
    p = p * r + 5.0000001201e-1f;
    p = p * r * r + r + 1.0f;
    const std::int32_t bits = (static_cast<std::int32_t>(n) + 127) << 23;
    float scale;
    std::memcpy(&scale, &bits, sizeof scale);
    return p * scale;
}

inline float sigmoidApprox(float x)
{
    return 1.0f / (1.0f + expApprox(-x));
}

inline float tanhApprox(float x)
{
    return 2.0f / (1.0f + expApprox(-2.0f * x)) - 1.0f;
}

// One direction of one layer. gx: [steps, batch, 4H], the input projection plus both biases. wt: [H, 4H],
// the recurrent weight transposed. out: row (t, b) at out + (t * batch + b) * outStride, H values.
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
                const float i = sigmoidApprox(gb[j]);
                const float f = sigmoidApprox(gb[hidden + j]);
                const float z = tanhApprox(gb[2 * hidden + j]);
                const float o = sigmoidApprox(gb[3 * hidden + j]);
                const float cj = f * cb[j] + i * z;
                cb[j] = cj;
                const float hj = o * tanhApprox(cj);
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
