#include "model/cpu/LstmCpu.h"

#include "model/cpu/FastMath.h"
#include "model/cpu/ParallelGemm.h"

#include <ATen/Parallel.h>
#include <torch/torch.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace stemcrate::model {

namespace {

// Eight floats as one GCC vector: plain arithmetic on it compiles to AVX/AVX2 registers in the x86-64-v3 and
// v4 clones (Zen 4 runs 512-bit operations as two 256-bit halves anyway) and to SSE pairs otherwise.
typedef float Float8 __attribute__((vector_size(32)));
constexpr std::int64_t kLanes = 8;
constexpr std::int64_t kColumns = 4 * kLanes; // gate columns per register block

// Vector arguments and results in functions compiled for plain x86-64 draw GCC's ABI note (-Wpsabi); these
// are always inlined into the multiversioned loop, so no call ever passes a vector.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpsabi"
[[gnu::always_inline]] inline Float8 load8(const float* p)
{
    Float8 v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

[[gnu::always_inline]] inline void store8(float* p, Float8 v)
{
    std::memcpy(p, &v, sizeof v);
}

// g[b][r0, r0 + kColumns) += h[b] . wt[:, r0, r0 + kColumns) for NB batch rows: the 4 * NB partial sums stay
// in registers for the whole k loop (the plain loop loaded and stored them for every k, and was bound by
// that, not by the arithmetic). NB <= 3 keeps them and the weight row within 16 AVX2 registers.
template <int NB>
[[gnu::always_inline]] inline void gateBlock(const float* wt, const float* h, float* g, std::int64_t hidden,
                                             std::int64_t G, std::int64_t r0)
{
    Float8 acc[NB][4];
    for (int b = 0; b < NB; ++b)
        for (int j = 0; j < 4; ++j)
            acc[b][j] = load8(g + b * G + r0 + j * kLanes);
    for (std::int64_t k = 0; k < hidden; ++k) {
        const float* w = wt + k * G + r0;
        const Float8 w0 = load8(w), w1 = load8(w + kLanes), w2 = load8(w + 2 * kLanes),
                     w3 = load8(w + 3 * kLanes);
        for (int b = 0; b < NB; ++b) {
            const Float8 hk = Float8{} + h[b * hidden + k];
            acc[b][0] += hk * w0;
            acc[b][1] += hk * w1;
            acc[b][2] += hk * w2;
            acc[b][3] += hk * w3;
        }
    }
    for (int b = 0; b < NB; ++b)
        for (int j = 0; j < 4; ++j)
            store8(g + b * G + r0 + j * kLanes, acc[b][j]);
}

#pragma GCC diagnostic pop

// One direction of one layer. Compiled for several instruction sets, picked at run time (FastMath.h). gx:
// the input projection, row (t, b) at gx + (t * batch + b) * gxStride, 4H values; bias: both biases, 4H
// values, added here. wt: [H, 4H], the recurrent weight transposed. out: row (t, b) at out + (t * batch + b)
// * outStride, H values.
STEMCRATE_CLONES
void recurrence(const float* gx, std::int64_t gxStride, const float* bias, const float* wt, float* out,
                std::int64_t steps, std::int64_t batch, std::int64_t hidden, std::int64_t outStride,
                bool reverse)
{
    const std::int64_t G = 4 * hidden;
    std::vector<float> h(static_cast<size_t>(batch * hidden), 0.0f);
    std::vector<float> c(static_cast<size_t>(batch * hidden), 0.0f);
    std::vector<float> g(static_cast<size_t>(batch * G));
    const std::int64_t blocked = G / kColumns * kColumns; // columns done in register blocks
    for (std::int64_t step = 0; step < steps; ++step) {
        const std::int64_t t = reverse ? steps - 1 - step : step;
        for (std::int64_t b = 0; b < batch; ++b) {
            const float* in = gx + (t * batch + b) * gxStride;
            float* gb = g.data() + b * G;
            for (std::int64_t r = 0; r < G; ++r)
                gb[r] = in[r] + bias[r];
        }
        for (std::int64_t b0 = 0; b0 < batch; b0 += 3) {
            const float* hb = h.data() + b0 * hidden;
            float* gb = g.data() + b0 * G;
            for (std::int64_t r0 = 0; r0 < blocked; r0 += kColumns) {
                switch (std::min<std::int64_t>(3, batch - b0)) {
                case 3:
                    gateBlock<3>(wt, hb, gb, hidden, G, r0);
                    break;
                case 2:
                    gateBlock<2>(wt, hb, gb, hidden, G, r0);
                    break;
                default:
                    gateBlock<1>(wt, hb, gb, hidden, G, r0);
                    break;
                }
            }
        }
        // Columns past the last whole block (hidden sizes that are not a multiple of 8).
        for (std::int64_t k = 0; k < hidden && blocked < G; ++k) {
            const float* w = wt + k * G;
            for (std::int64_t b = 0; b < batch; ++b) {
                const float hk = h[static_cast<size_t>(b * hidden + k)];
                float* gb = g.data() + b * G;
                for (std::int64_t r = blocked; r < G; ++r)
                    gb[r] += hk * w[r];
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

namespace {

std::vector<float> floats(const torch::Tensor& t)
{
    const torch::Tensor c = t.to(torch::kFloat32).contiguous();
    return std::vector<float>(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
}

} // namespace

std::shared_ptr<const LstmCpuWeights> LstmCpuWeights::of(const torch::nn::LSTM& lstm)
{
    const auto& options = lstm->options;
    TORCH_CHECK(options.bidirectional() && !options.batch_first() && options.proj_size() == 0,
                "lstmForwardCpu: unsupported LSTM options");
    const torch::NoGradGuard noGrad;
    const auto params = lstm->named_parameters(/*recurse*/ false);
    auto weights = std::make_shared<LstmCpuWeights>();
    weights->hidden = options.hidden_size();
    for (std::int64_t layer = 0; layer < options.num_layers(); ++layer) {
        Layer l;
        std::vector<torch::Tensor> wih, bias;
        for (int d = 0; d < 2; ++d) {
            const std::string suffix = "_l" + std::to_string(layer) + (d ? "_reverse" : "");
            wih.push_back(params["weight_ih" + suffix]);
            bias.push_back(params["bias_ih" + suffix] + params["bias_hh" + suffix]);
            l.recurrentT[d] = floats(params["weight_hh" + suffix].t());
        }
        l.input = wih[0].size(1);
        l.inputT = floats(torch::cat(wih, 0).t());
        l.bias = floats(torch::cat(bias, 0));
        weights->layers.push_back(std::move(l));
    }
    return weights;
}

torch::Tensor lstmForwardCpu(const LstmCpuWeights& weights, const torch::Tensor& input)
{
    TORCH_CHECK(input.device().is_cpu() && input.scalar_type() == torch::kFloat32 && input.dim() == 3,
                "lstmForwardCpu: needs a [steps, batch, features] float32 CPU tensor");
    const std::int64_t steps = input.size(0), batch = input.size(1), hidden = weights.hidden;
    torch::Tensor x = input.contiguous();
    for (const LstmCpuWeights::Layer& layer : weights.layers) {
        TORCH_CHECK(x.size(2) == layer.input, "lstmForwardCpu: input features do not match");
        torch::Tensor out = torch::empty({steps, batch, 2 * hidden}, x.options());
        // Both directions' input projections in one GEMM: [steps * batch, 8H], the forward direction's 4H
        // columns first; the biases are added in the recurrence.
        const torch::Tensor inputT =
            torch::from_blob(const_cast<float*>(layer.inputT.data()), {layer.input, 8 * hidden}, x.options());
        const torch::Tensor gx = parallelMm(x.view({steps * batch, -1}), inputT);
        const float* gxData = gx.data_ptr<float>();
        float* outData = out.data_ptr<float>();
        at::parallel_for(0, 2, 1, [&](std::int64_t begin, std::int64_t end) {
            for (std::int64_t d = begin; d < end; ++d)
                recurrence(gxData + d * 4 * hidden, 8 * hidden, layer.bias.data() + d * 4 * hidden,
                           layer.recurrentT[d].data(), outData + d * hidden, steps, batch, hidden, 2 * hidden,
                           d == 1);
        });
        x = out;
    }
    return x;
}

} // namespace stemcrate::model
