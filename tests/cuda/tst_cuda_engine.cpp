// The CUDA engine against references: each fused kernel (FusedCuda.h) against the libtorch operators it
// replaces, in float32 (tight) and float16/bfloat16 (their precision), over layouts and shapes that take the
// vectorised and the scalar paths; then the whole forward pass on CUDA against the same model on the CPU
// (float32, TF32 off) and float16 against float32. A plain program (the GPU machine has no Qt): prints
// every check, exits non-zero if any failed.

#include "CudaCheck.h"
#include "model/ForwardState.h"
#include "model/HDemucs.h"
#include "model/HDemucsLoader.h"
#include "model/cuda/FusedCuda.h"
#include "model/cuda/GraphedForward.h"

#include <c10/cuda/CUDACachingAllocator.h>
#include <torch/torch.h>
#include <torch/version.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

namespace fused = stemcrate::model::fused;
using stemcrate::cudatest::check;
using stemcrate::cudatest::expectClose;
using stemcrate::cudatest::relativeL2;
using stemcrate::model::HDemucs;

namespace {

double tolerance(torch::ScalarType t)
{
    return t == torch::kFloat32 ? 2e-6 : (t == torch::kFloat16 ? 2e-3 : 1.5e-2);
}

const char* name(torch::ScalarType t)
{
    return t == torch::kFloat32 ? "f32" : (t == torch::kFloat16 ? "f16" : "bf16");
}

torch::Tensor activate(const torch::Tensor& y, fused::Activation a)
{
    if (a == fused::Activation::Gelu)
        return torch::gelu(y);
    if (a == fused::Activation::Glu)
        return torch::glu(y, 1);
    return y;
}

// normAct against bias add + group_norm + activation + scale + residual, all in float32 on the GPU.
void testNormAct(torch::ScalarType dtype)
{
    const auto cuda = torch::TensorOptions().device(torch::kCUDA);
    struct Case
    {
        std::vector<int64_t> shape;
        bool channelsLast, perRow;
        int64_t groups;
        fused::Activation activation;
        bool scaleAndResidual;
    };
    const Case cases[] = {
        {{3, 12, 1001}, false, false, 1, fused::Activation::Gelu, false}, // contiguous, scalar path
        {{2, 48, 333}, false, false, 4, fused::Activation::Glu, true},    // contiguous, four groups
        {{2, 96, 7, 45}, true, false, 4, fused::Activation::Gelu, false}, // channels-last, per item
        {{2, 48, 5, 37}, true, true, 1, fused::Activation::Glu, true},    // DConv rows
        {{2, 12, 3, 50}, true, true, 1, fused::Activation::Gelu, false},  // 12 channels: 4-wide packs
        {{2, 24, 1, 77}, true, true, 1, fused::Activation::Glu, true},    // the time branch's rows
        {{2, 48, 5, 37}, false, true, 1, fused::Activation::Glu, true},   // DConv rows from a dense conv
        {{2, 16, 4, 9}, true, false, 0, fused::Activation::Gelu, false},  // no norm: bias + GELU
        {{2, 16, 4, 9}, true, false, 0, fused::Activation::None, false},  // bias only
    };
    for (const Case& c : cases) {
        const int64_t C = c.shape[1], outC = c.activation == fused::Activation::Glu ? C / 2 : C;
        torch::Tensor x = (torch::randn(c.shape, cuda) * 3 + 0.5).to(dtype);
        if (c.channelsLast)
            x = x.contiguous(torch::MemoryFormat::ChannelsLast);
        fused::NormAct op;
        op.convBias = (torch::randn({C}, cuda) * 0.5).to(dtype);
        op.groups = c.groups;
        if (c.groups) {
            op.weight = (torch::rand({C}, cuda) + 0.5).to(dtype);
            op.bias = (torch::randn({C}, cuda) * 0.2).to(dtype);
        }
        op.perRow = c.perRow;
        op.activation = c.activation;
        std::vector<int64_t> outShape = c.shape;
        outShape[1] = outC;
        if (c.scaleAndResidual) {
            op.scale = (torch::rand({outC}, cuda) * 0.2).to(dtype);
            op.residual = torch::randn(outShape, cuda).to(dtype);
            if (c.channelsLast)
                op.residual = op.residual.contiguous(torch::MemoryFormat::ChannelsLast);
        }
        const torch::Tensor got = fused::normAct(x, op);

        std::vector<int64_t> biasShape(c.shape.size(), 1);
        biasShape[1] = C;
        torch::Tensor y = x.to(torch::kFloat32) + op.convBias.to(torch::kFloat32).view(biasShape);
        if (c.groups) {
            const torch::Tensor w = op.weight.to(torch::kFloat32), b = op.bias.to(torch::kFloat32);
            if (c.perRow) { // GroupNorm(1) of every (b, r) row over its C x T values
                const int64_t B = y.size(0), R = y.size(2), T = y.size(3);
                y = torch::group_norm(y.permute({0, 2, 1, 3}).reshape({B * R, C, T}), 1, w, b, 1e-5)
                        .view({B, R, C, T})
                        .permute({0, 2, 1, 3});
            } else {
                y = torch::group_norm(y, c.groups, w, b, 1e-5);
            }
        }
        y = activate(y, c.activation);
        if (c.scaleAndResidual) {
            std::vector<int64_t> scaleShape(c.shape.size(), 1);
            scaleShape[1] = outC;
            y = op.residual.to(torch::kFloat32) + op.scale.to(torch::kFloat32).view(scaleShape) * y;
        }
        std::string what = std::string("normAct ") + name(dtype) + " " + c10::str(at::IntArrayRef(c.shape)) +
                           (c.channelsLast ? " CL" : "") + (c.perRow ? " rows" : "") + " groups " +
                           std::to_string(c.groups);
        expectClose(got, y, tolerance(dtype) * 2, what);
        // x's layout, except per-row normalisation of a dense x with several rows: channels-last (libtorch's
        // legacy cuDNN route returns such convolutions dense).
        const bool channelsLastOut = c.channelsLast || (c.perRow && c.shape[2] > 1);
        check(got.is_contiguous(channelsLastOut ? torch::MemoryFormat::ChannelsLast
                                                : torch::MemoryFormat::Contiguous),
              what + ": layout", 0, 0);
    }
}

// The frequency embedding folded into the last kernel of the first encoder layer: GLU, then + addend[f, c].
void testFrequencyAddend(torch::ScalarType dtype)
{
    const auto cuda = torch::TensorOptions().device(torch::kCUDA);
    const int64_t B = 2, C = 32, F = 6, T = 9;
    // Channels-last as cuDNN returns it, and dense as libtorch's legacy cuDNN route does.
    for (const bool channelsLast : {true, false}) {
        torch::Tensor x = (torch::randn({B, C, F, T}, cuda) * 2).to(dtype);
        if (channelsLast)
            x = x.contiguous(torch::MemoryFormat::ChannelsLast);
        fused::NormAct op;
        op.convBias = torch::randn({C}, cuda).to(dtype);
        op.activation = fused::Activation::Glu;
        op.frequencyAddend = torch::randn({F, C / 2}, cuda).to(dtype);
        const torch::Tensor got = fused::normAct(x, op);
        const torch::Tensor want =
            torch::glu(x.to(torch::kFloat32) + op.convBias.to(torch::kFloat32).view({1, C, 1, 1}), 1) +
            op.frequencyAddend.to(torch::kFloat32).t().view({1, C / 2, F, 1});
        expectClose(got, want, tolerance(dtype) * 2,
                    std::string("normAct frequency addend ") + name(dtype) +
                        (channelsLast ? " CL" : " dense"));
    }
}

// The local attention's weights against torchaudio's expression (scale, decay kernel, mask, softmax over t).
void testAttentionWeights(torch::ScalarType dtype)
{
    const auto cuda = torch::TensorOptions().device(torch::kCUDA);
    const int64_t B = 2, H = 4, F = 4, T = 37, headChannels = 48;
    const torch::Tensor dots = (torch::randn({B, H, T, T}, cuda) * 8).to(dtype);
    const torch::Tensor decay = (torch::randn({B, H, F, T}, cuda) * 2).to(dtype);
    const double scale = 1.0 / std::sqrt(static_cast<double>(headChannels));
    const torch::Tensor got = fused::attentionWeights(dots, decay, scale);

    const torch::Tensor index = torch::arange(T, cuda);
    const torch::Tensor distance = (index.unsqueeze(1) - index.unsqueeze(0)).abs();
    const torch::Tensor decays = torch::arange(1, F + 1, cuda).view({F, 1, 1});
    const torch::Tensor kernel = -decays * distance / std::sqrt(static_cast<double>(F)); // [F, T, T]
    const torch::Tensor q = torch::sigmoid(decay.to(torch::kFloat32)) / 2;               // [B, H, F, T]
    torch::Tensor want = dots.to(torch::kFloat32) * scale +
                         (kernel.view({1, 1, F, T, T}) * q.unsqueeze(3)).sum(2); // fts,bhfs->bhts
    want.masked_fill_(torch::eye(T, cuda.dtype(torch::kBool)), -100);
    want = torch::softmax(want, 2);
    expectClose(got, want, tolerance(dtype) * 4, std::string("attentionWeights ") + name(dtype));
}

// overlapAdd of the GEMM columns against conv_transpose2d, cropped, with and without GELU; the 1-d case
// as [B, C, 1, L].
void testOverlapAdd(torch::ScalarType dtype)
{
    const auto cuda = torch::TensorOptions().device(torch::kCUDA);
    struct Case
    {
        int64_t B, Ci, Co, L, W, K, S, offset, trim;
        bool gelu, addend; // addend: the next decoder layer's skip, channels-last
    };
    const Case cases[] = {
        {2, 32, 16, 9, 5, 8, 4, 2, 2, true, true}, // frequency branch: [K, 1] along L, symmetric crop
        {2, 24, 12, 17, 1, 8, 4, 2, 5, false, false},
        {3, 16, 6, 11, 1, 4, 2, 0, 0, true, true}, // 6 channels: 2-wide packs
    };
    for (const Case& c : cases) {
        const torch::Tensor x =
            torch::randn({c.B, c.Ci, c.L, c.W}, cuda).to(dtype).contiguous(torch::MemoryFormat::ChannelsLast);
        const torch::Tensor weight =
            (torch::randn({c.Ci, c.Co, c.K, 1}, cuda) / std::sqrt(double(c.Ci))).to(dtype);
        const torch::Tensor bias = torch::randn({c.Co}, cuda).to(dtype);
        const int64_t full = (c.L - 1) * c.S + c.K, count = full - c.offset - c.trim;
        const torch::Tensor rows = x.permute({0, 2, 3, 1}).reshape({-1, c.Ci});
        const torch::Tensor w = weight.view({c.Ci, c.Co, c.K}).permute({0, 2, 1}).reshape({c.Ci, c.K * c.Co});
        const torch::Tensor skip = c.addend ? torch::randn({c.B, c.Co, count, c.W}, cuda)
                                                  .to(dtype)
                                                  .contiguous(torch::MemoryFormat::ChannelsLast)
                                            : torch::Tensor();
        const torch::Tensor got = fused::overlapAdd(torch::mm(rows, w), c.B, c.L, c.W, c.K / c.S, c.S, c.Co,
                                                    c.offset, count, bias, c.gelu, skip)
                                      .permute({0, 3, 1, 2});
        torch::Tensor want =
            torch::conv_transpose2d(x.to(torch::kFloat32).contiguous(), weight.to(torch::kFloat32),
                                    bias.to(torch::kFloat32), {c.S, 1})
                .slice(2, c.offset, c.offset + count);
        if (c.gelu)
            want = torch::gelu(want);
        if (c.addend)
            want = want + skip.to(torch::kFloat32);
        expectClose(got, want, tolerance(dtype) * 4,
                    std::string("overlapAdd ") + name(dtype) + " K " + std::to_string(c.K) + " S " +
                        std::to_string(c.S) + " W " + std::to_string(c.W) + " Co " + std::to_string(c.Co));
    }
}

// The iSTFT's two kernels against the libtorch expression ispec() runs on the CPU.
void testSpectrum(torch::ScalarType dtype)
{
    const auto cuda = torch::TensorOptions().device(torch::kCUDA);
    const int64_t B = 2, S = 4, C = 2, planes = S * C, nfft = 64, hl = 16, Fr = nfft / 2, T = 21;
    const int64_t frames = T + 4, length = (T - 1) * hl; // ends inside the frames, as in the model
    const torch::Tensor decoded =
        torch::randn({B, planes * 2, Fr, T}, cuda).to(dtype).contiguous(torch::MemoryFormat::ChannelsLast);
    const torch::Tensor mean = torch::randn({B}, cuda), std = torch::rand({B}, cuda) + 0.5;
    const torch::Tensor spectrum = fused::unpackSpectrum(decoded, planes, mean, std);

    torch::Tensor want = torch::zeros({B, S, C, frames, Fr + 1, 2}, cuda);
    want.slice(3, 2, T + 2)
        .slice(4, 0, Fr)
        .copy_((decoded.to(torch::kFloat32) * std.view({B, 1, 1, 1}) + mean.view({B, 1, 1, 1}))
                   .view({B, S, C, 2, Fr, T})
                   .permute({0, 1, 2, 5, 4, 3}));
    want.select(4, 0).select(-1, 1).zero_(); // no imaginary part at DC (CudaKernels.h)
    expectClose(torch::view_as_real(spectrum), want.view({B * planes, frames, Fr + 1, 2}), 1e-6,
                std::string("unpackSpectrum ") + name(dtype));

    // The encoder's input from a strided complex spectrogram (a slice, as spec() returns it).
    const torch::Tensor z = torch::randn({B, C, Fr + 1, T + 6}, cuda.dtype(torch::kComplexFloat))
                                .slice(2, 0, Fr)
                                .slice(3, 2, T + 2);
    const torch::Tensor zMean = torch::randn({B}, cuda), zStd = torch::rand({B}, cuda) + 0.5;
    const torch::Tensor normalised = fused::normaliseSpectrum(z, zMean, zStd, dtype);
    const torch::Tensor expectedInput =
        (torch::view_as_real(z).permute({0, 1, 4, 2, 3}).reshape({B, 2 * C, Fr, T}) -
         zMean.view({B, 1, 1, 1})) /
        (1e-5 + zStd.view({B, 1, 1, 1}));
    expectClose(normalised, expectedInput, tolerance(dtype), std::string("normaliseSpectrum ") + name(dtype));
    check(normalised.is_contiguous(torch::MemoryFormat::ChannelsLast) && normalised.scalar_type() == dtype,
          std::string("normaliseSpectrum ") + name(dtype) + ": channels-last, in the compute dtype", 0, 0);

    const torch::Tensor blocks = torch::fft_irfft(spectrum, nfft, -1, "ortho");
    const torch::Tensor window = torch::hann_window(nfft, cuda);
    const int64_t start = nfft / 2 + hl / 2 * 3;
    torch::Tensor ola = torch::zeros({B * planes, frames + 3, hl}, cuda);
    torch::Tensor env = torch::zeros({frames + 3, hl}, cuda);
    for (int64_t j = 0; j < nfft / hl; ++j) {
        ola.slice(1, j, j + frames)
            .add_(blocks.view({B * planes, frames, nfft / hl, hl}).select(2, j) *
                  window.view({nfft / hl, hl})[j]);
        env.slice(0, j, j + frames).add_(window.view({nfft / hl, hl})[j].square());
    }
    const torch::Tensor envelope = env.view({-1}).slice(0, start, start + length).contiguous();
    // The time branch's output as the model leaves it: channels-last [B, planes, 1, length], squeezed.
    const torch::Tensor time = torch::randn({B, planes, 1, length}, cuda)
                                   .to(dtype)
                                   .contiguous(torch::MemoryFormat::ChannelsLast)
                                   .squeeze(2);
    const torch::Tensor timeMean = torch::randn({B}, cuda), timeStd = torch::rand({B}, cuda) + 0.5;
    const torch::Tensor got =
        fused::overlapAddSpectrum(blocks, window, envelope, hl, start, length, time, timeMean, timeStd);
    const torch::Tensor expected =
        (ola.view({B * planes, -1}).slice(1, start, start + length) / envelope).view({B, planes, length}) +
        time.to(torch::kFloat32) * timeStd.view({B, 1, 1}) + timeMean.view({B, 1, 1});
    expectClose(got, expected, 1e-6, std::string("overlapAddSpectrum ") + name(dtype));
}

// Counts libtorch's warnings that cuDNN compacts an LSTM's weights on this call (at::lstm given weights that
// are not one buffer in its layout), from the thread that installs it (WarningHandlerGuard).
class CompactionWarnings : public c10::WarningHandler
{
public:
    void process(const c10::Warning& warning) override
    {
        if (warning.msg().find("contiguous chunk of memory") != std::string::npos)
            ++count;
    }
    int count = 0;
};

// The float16 LSTM recurrence against cuDNN: its error from cuDNN's float32 must be of the order of cuDNN's
// own float16 error (both round h to float16 every step). A batch too large for the GPU (the last case) goes
// to cuDNN with weights that are not in its layout: bidirectionalLstm lays out its own, so cuDNN never warns
// that it compacts them (which the reference's own calls with such weights must make it do).
void testLstm()
{
    const auto cuda = torch::TensorOptions().device(torch::kCUDA);
    CompactionWarnings warnings;
    const c10::WarningUtils::WarningHandlerGuard watching(&warnings);
    struct Case
    {
        int64_t steps, batch, features, hidden, layers;
    };
    const Case cases[] = {
        {200, 120, 192, 192, 2}, {200, 72, 384, 384, 2}, {37, 5, 48, 64, 1}, {3, 70000, 16, 32, 2}};
    check(fused::lstmRunsFused(cuda.dtype(torch::kFloat16), 192) &&
              !fused::lstmRunsFused(cuda.dtype(torch::kFloat32), 192),
          "lstmRunsFused: float16 on this GPU, not float32", 1, 1);
    for (const Case& c : cases) {
        std::vector<at::Tensor> weights;
        for (int64_t layer = 0; layer < c.layers; ++layer)
            for (int direction = 0; direction < 2; ++direction) {
                const int64_t in = layer == 0 ? c.features : 2 * c.hidden;
                const double scale = 1.0 / std::sqrt(static_cast<double>(c.hidden));
                weights.push_back((torch::rand({4 * c.hidden, in}, cuda) * 2 - 1) * scale);
                weights.push_back((torch::rand({4 * c.hidden, c.hidden}, cuda) * 2 - 1) * scale);
                weights.push_back((torch::rand({4 * c.hidden}, cuda) * 2 - 1) * scale);
                weights.push_back((torch::rand({4 * c.hidden}, cuda) * 2 - 1) * scale);
            }
        const torch::Tensor x = torch::randn({c.steps, c.batch, c.features}, cuda);
        const auto cudnn = [&](torch::ScalarType dtype) {
            std::vector<at::Tensor> w;
            for (const auto& t : weights)
                w.push_back(t.to(dtype));
            const at::Tensor zero = torch::zeros({2 * c.layers, c.batch, c.hidden}, cuda.dtype(dtype));
            return std::get<0>(
                       at::lstm(x.to(dtype), {zero, zero}, w, true, c.layers, 0.0, false, true, false))
                .to(torch::kFloat32);
        };
        std::vector<at::Tensor> half;
        for (const auto& t : weights)
            half.push_back(t.to(torch::kFloat16));
        const int before = warnings.count;
        const torch::Tensor want = cudnn(torch::kFloat32);
        const double cudnnHalf = relativeL2(cudnn(torch::kFloat16), want);
        const int referenceWarnings = warnings.count - before;
        const torch::Tensor got = fused::bidirectionalLstm(x.to(torch::kFloat16), half, c.layers);
        const std::string what = "bidirectionalLstm f16 steps " + std::to_string(c.steps) + " batch " +
                                 std::to_string(c.batch) + " hidden " + std::to_string(c.hidden) +
                                 " (cuDNN f16: " + std::to_string(cudnnHalf) + ")";
        expectClose(got, want, 2 * cudnnHalf + 1e-3, what);
        check(referenceWarnings > 0 && warnings.count == before + referenceWarnings,
              what + ": cuDNN warned of compaction for the reference's weights only", warnings.count - before,
              referenceWarnings);
    }
}

// One pass with a state of its own (the tests change the model's preparation between passes).
torch::Tensor pass(HDemucs& model, const torch::Tensor& x)
{
    stemcrate::model::ForwardState state;
    return model->forward(x, state);
}

// Deterministic weights with activations of a sane scale: convolution and linear weights ~ 1/sqrt(fan-in),
// norm weights around 1, LayerScale 0.1, other vectors small.
void randomise(HDemucs& model)
{
    torch::NoGradGuard noGrad;
    torch::manual_seed(1234);
    for (auto& p : model->named_parameters()) {
        torch::Tensor t = p.value();
        const std::string& key = p.key();
        if (t.dim() >= 2) {
            const double fanIn = static_cast<double>(t.numel() / t.size(0));
            t.copy_(torch::randn(t.sizes()) / std::sqrt(fanIn));
        } else if (key.find("scale") != std::string::npos) {
            t.fill_(0.1);
        } else if (key.find("norm") != std::string::npos && key.size() > 6 &&
                   key.compare(key.size() - 6, 6, "weight") == 0) {
            t.copy_(torch::rand(t.sizes()) + 0.5);
        } else {
            t.copy_(torch::randn(t.sizes()) * 0.05);
        }
    }
}

// The whole pass on CUDA against the CPU engine (which test_model_parity holds to torchaudio), with a
// float64 pass on the CPU as the judge: (1) in float64 CUDA and CPU agree (the same arithmetic, rounding
// negligible); (2) CUDA's float32 is as close to the float64 pass as the CPU's float32 is; (3) the fused
// kernels and libtorch's operators agree; (4) float16 keeps every source within 40 dB of float32.
void testForward(const std::string& label, HDemucs cpu, HDemucs gpu, bool withHalf)
{
    // prepare() lays the LSTMs' weights out for cuDNN wherever cuDNN runs them (float32 and float64, and
    // bfloat16's float32 BLSTMs), so no pass makes it compact them.
    CompactionWarnings warnings;
    const c10::WarningUtils::WarningHandlerGuard watching(&warnings);
    cpu->eval();
    cpu->prepare(torch::kCPU);
    gpu->eval();
    // prepare() picks the backend: with the fused kernels switched off, libtorch's operators.
    fused::setEnabled(false);
    gpu->prepare(torch::kCUDA);
    torch::InferenceMode inference;

    torch::manual_seed(99);
    const torch::Tensor mix = torch::randn({2, 2, 44100 * 3}) * 0.2;
    const torch::Tensor cpu32 = pass(cpu, mix);
    const torch::Tensor plain = pass(gpu, mix.to(torch::kCUDA)).cpu();
    fused::setEnabled(true);
    gpu->prepare(torch::kCUDA);
    const torch::Tensor cuda32 = pass(gpu, mix.to(torch::kCUDA)).cpu();
    expectClose(cuda32, plain, 1e-5,
                "forward float32 " + label + ", CUDA fused against libtorch's operators");

    // Before any reduced-precision pass: those round the weights, which a float64 pass would then inherit.
    cpu->prepare(torch::kCPU, torch::kFloat64);
    gpu->prepare(torch::kCUDA, torch::kFloat64);
    const torch::Tensor cpu64 = pass(cpu, mix);
    const torch::Tensor cuda64 =
        pass(gpu, mix.to(torch::kCUDA)).cpu(); // libtorch's operators (no fused float64)
    const double cpuError = relativeL2(cpu32, cpu64), cudaError = relativeL2(cuda32, cpu64);
    std::printf("     %s: float32 against float64: CPU %.3g, CUDA %.3g\n", label.c_str(), cpuError,
                cudaError);
    expectClose(cuda64, cpu64, 1e-5, "forward float64 " + label + ", CUDA against CPU (the same arithmetic)");
    check(cudaError <= 3 * cpuError + 1e-6,
          "forward float32 " + label + ", CUDA's error from float64 (vs 3x CPU's + 1e-6)", cudaError,
          3 * cpuError + 1e-6);

    if (withHalf) {
        // Reduced precision against float32, per source: float16 (the CUDA default) on this input and on a
        // single window of an odd length (padding, the last partial batch, narrower vector paths), and
        // bfloat16 (its BLSTMs stay float32; 39-40 dB on the checkpoint in the last run).
        const auto checkSnr = [&](const torch::Tensor& ref, const torch::Tensor& out, double limit,
                                  const std::string& what) {
            for (int64_t s = 0; s < ref.size(1); ++s) {
                const torch::Tensor r = ref.select(1, s), o = out.select(1, s);
                const double snr = 10 * std::log10(r.square().sum().item<double>() /
                                                   std::max((o - r).square().sum().item<double>(), 1e-30));
                check(snr >= limit, what + " " + label + ", source " + std::to_string(s) + " SNR dB", snr,
                      limit);
            }
        };
        const torch::Tensor odd = torch::randn({1, 2, 101379}) * 0.2;
        gpu->prepare(torch::kCUDA, torch::kFloat32);
        const torch::Tensor odd32 = pass(gpu, odd.to(torch::kCUDA)).cpu();
        gpu->prepare(torch::kCUDA, torch::kFloat16);
        checkSnr(cuda32, pass(gpu, mix.to(torch::kCUDA)).cpu(), 40.0, "forward float16 against float32");
        checkSnr(odd32, pass(gpu, odd.to(torch::kCUDA)).cpu(), 40.0,
                 "forward float16 against float32, one window of 101379 frames,");
        gpu->prepare(torch::kCUDA, torch::kBFloat16);
        checkSnr(cuda32, pass(gpu, mix.to(torch::kCUDA)).cpu(), 28.0, "forward bfloat16 against float32");
    }
    check(warnings.count == 0, "forward " + label + ": passes where cuDNN compacted the LSTM weights",
          warnings.count, 0);
}

// GraphedForward (what the Separator runs on a GPU): an eager pass, then a captured graph replayed; every
// call returns the eager pass's output for its own input, and the GPU memory held at the peak stays about
// one pass's worth (the eager pass's cached blocks are released before the capture).
void testGraphedForward(HDemucs model)
{
    model->eval();
    model->prepare(torch::kCUDA, torch::kFloat16);
    torch::InferenceMode inference;
    stemcrate::model::ForwardState state, graphedState; // the eager passes', the graph's
    namespace allocator = c10::cuda::CUDACachingAllocator;
    torch::manual_seed(7);
    std::vector<torch::Tensor> inputs, expected;
    for (int i = 0; i < 4; ++i)
        inputs.push_back((torch::randn({3, 2, 44100 * 4}) * 0.2).to(torch::kCUDA));

    allocator::emptyCache();
    allocator::resetPeakStats(0);
    for (const torch::Tensor& x : inputs)
        expected.push_back(model->forward(x, state).cpu());
    torch::cuda::synchronize();
    const double eagerPeak = double(allocator::getDeviceStats(0).reserved_bytes[0].peak);

    allocator::emptyCache();
    allocator::resetPeakStats(0);
    stemcrate::model::GraphedForward graphed;
    for (size_t i = 0; i < inputs.size(); ++i) {
        const torch::Tensor out = graphed.run(model, graphedState, inputs[i]).cpu();
        // Not bit-exact: the statistics passes sum with atomics, in any order. A stale or wrong input is off
        // by ~1.
        expectClose(out, expected[i], 1e-3,
                    "graphed forward float16, call " + std::to_string(i + 1) +
                        " against the eager pass on its input");
    }
    check(graphed.replays() == 3 && graphed.failure().empty(),
          "graphed forward: calls 2-4 replay the graph (" + graphed.failure() + ")", graphed.replays(), 3);
    const double graphedPeak = double(allocator::getDeviceStats(0).reserved_bytes[0].peak);
    std::printf("     GPU memory reserved at the peak: eager %.0f MB, graphed %.0f MB\n",
                eagerPeak / 1048576.0, graphedPeak / 1048576.0);
    check(graphedPeak <= 1.3 * eagerPeak, "graphed forward: peak GPU memory (vs 1.3x the eager pass's), MB",
          graphedPeak / 1048576.0, 1.3 * eagerPeak / 1048576.0);
}

// GraphedForward::capture with its convolutions planned on other threads (cuda/ConvPlanners.h), as the
// Separator's load captures: every convolution of the capture was planned by the dry pass (no miss), the
// replays return the eager pass's output for their input, and with no planner threads the capturing thread
// plans them itself, with the same result.
void testPlannedCapture(HDemucs model)
{
    model->eval();
    model->prepare(torch::kCUDA, torch::kFloat16);
    torch::InferenceMode inference;
    torch::manual_seed(11);
    std::vector<torch::Tensor> inputs, expected;
    stemcrate::model::ForwardState eagerState;
    for (int i = 0; i < 3; ++i) {
        inputs.push_back((torch::randn({2, 2, 44100 * 3}) * 0.2).to(torch::kCUDA));
        expected.push_back(model->forward(inputs.back(), eagerState).cpu());
    }
    for (const int threads : {4, 0}) {
        stemcrate::model::GraphedForward::setPlanThreads(threads);
        stemcrate::model::GraphedForward graphed;
        stemcrate::model::ForwardState state;
        const std::string label = "planned capture, " + std::to_string(threads) + " planner threads";
        // On a thread of its own, as the loader's model thread: the plans are that thread's and the
        // planners'.
        bool captured = false;
        std::thread([&] {
            torch::InferenceMode inner;
            captured = graphed.capture(model, state, torch::zeros_like(inputs[0]), {});
        }).join();
        const stemcrate::model::GraphedForward::Planning planning = graphed.planning();
        check(captured && graphed.failure().empty(), label + ": captured (" + graphed.failure() + ")",
              captured ? 1 : 0, 1);
        check(planning.threads == threads && planning.failure.empty(),
              label + ": planned on that many threads (" + planning.failure + ")", planning.threads, threads);
        if (threads > 0) {
            check(planning.convolutions >= 20, label + ": distinct convolutions planned ahead (>= 20)",
                  planning.convolutions, 20);
            check(planning.misses == 0, label + ": capture launches not planned ahead", planning.misses, 0);
        }
        for (size_t i = 0; i < inputs.size(); ++i)
            expectClose(graphed.run(model, state, inputs[i]).cpu(), expected[i], 1e-3,
                        label + ", replay " + std::to_string(i + 1) + " against the eager pass on its input");
        check(graphed.replays() == static_cast<int>(inputs.size()), label + ": every call a replay",
              graphed.replays(), static_cast<int>(inputs.size()));
    }
    stemcrate::model::GraphedForward::setPlanThreads(-1); // the default again
}

// Two identical models (built outside inference mode, as the loader builds them) with randomise()'s weights.
std::pair<HDemucs, HDemucs> randomPair(const stemcrate::model::HDemucsConfig& config)
{
    HDemucs a(config), b(config);
    randomise(a);
    randomise(b);
    return {a, b};
}

} // namespace

// argv[1], optional: a torchaudio HDemucs checkpoint for the whole-model comparison.
int main(int argc, char** argv)
{
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // every check in the log even if a later one aborts
    if (!torch::cuda::is_available()) {
        std::printf("FAIL no CUDA device\n");
        return 1;
    }
    // References in true float32: libtorch lets cuDNN's convolutions and RNNs use TF32 by default (2.9 and
    // later keep a precision per operator family, which the older switches do not all reach).
    at::globalContext().setAllowTF32CuDNN(false);
    at::globalContext().setAllowTF32CuBLAS(false);
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 9)
    for (const auto op : {at::Float32Op::CONV, at::Float32Op::RNN, at::Float32Op::MATMUL})
        at::globalContext().setFloat32Precision(at::Float32Backend::CUDA, op, at::Float32Precision::IEEE);
#endif
    for (const auto dtype : {torch::kFloat32, torch::kFloat16, torch::kBFloat16}) {
        testNormAct(dtype);
        testFrequencyAddend(dtype);
        testAttentionWeights(dtype);
        testOverlapAdd(dtype);
        testSpectrum(dtype);
    }
    testLstm();
    // Without the LSTMs and the attention first: what differs there is only convolutions, norms and FFTs.
    stemcrate::model::HDemucsConfig plainConfig;
    plainConfig.dconvLstm = plainConfig.dconvAttn = plainConfig.depth;
    auto [plainCpu, plainGpu] = randomPair(plainConfig);
    testForward("(random weights, no LSTM or attention)", plainCpu, plainGpu, false);
    stemcrate::model::HDemucsConfig lstmConfig;
    lstmConfig.dconvAttn = lstmConfig.depth;
    auto [lstmCpu, lstmGpu] = randomPair(lstmConfig);
    testForward("(random weights, no attention)", lstmCpu, lstmGpu, false);
    stemcrate::model::HDemucsConfig attentionConfig;
    attentionConfig.dconvLstm = attentionConfig.depth;
    auto [attentionCpu, attentionGpu] = randomPair(attentionConfig);
    testForward("(random weights, no LSTM)", attentionCpu, attentionGpu, false);
    testGraphedForward(randomPair({}).first);
    testPlannedCapture(randomPair({}).first);
    if (argc > 1) { // torchaudio's initialisation, as test_model_parity uses
        auto cpu = stemcrate::model::loadHDemucs(argv[1]), gpu = stemcrate::model::loadHDemucs(argv[1]);
        if (!cpu || !gpu) {
            check(false, std::string("loading ") + argv[1], 0, 0);
        } else {
            testForward("(checkpoint)", cpu.value().module, gpu.value().module, true);
        }
    } else {
        auto [cpu, gpu] = randomPair({});
        testForward("(random weights)", cpu, gpu, true);
    }
    std::printf("%d failure(s)\n", stemcrate::cudatest::failures());
    return stemcrate::cudatest::failures() == 0 ? 0 : 1;
}
