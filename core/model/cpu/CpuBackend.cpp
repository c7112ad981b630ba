#include "model/cpu/CpuBackend.h"

#include "model/ForwardState.h"
#include "model/HDemucsConfig.h"
#include "model/cpu/ElementwiseCpu.h"
#include "model/cpu/LstmCpu.h"
#include "model/cpu/ParallelGemm.h"
#include "model/cpu/WinogradConv.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace stemcrate::model {

namespace {

// A contiguous copy of a CPU tensor in memory of its own, outside the tensor cache's arena: for weights in
// another layout, made once and kept (in the arena they would count as working set and split its free
// space, see LstmCpu.h).
torch::Tensor persistentCopy(const torch::Tensor& t)
{
    const size_t bytes = static_cast<size_t>(t.numel()) * t.element_size();
    void* data = std::malloc(std::max<size_t>(bytes, 1));
    TORCH_CHECK(data, "HDemucs: out of memory for ", bytes, " bytes of weights");
    torch::Tensor out = torch::from_blob(
        data, t.sizes(), [](void* p) { std::free(p); }, t.options());
    out.copy_(t);
    return out;
}

bool cpuFloat(const torch::Tensor& x)
{
    return x.is_cpu() && x.scalar_type() == torch::kFloat32;
}

class CpuBackend final : public Backend
{
public:
    PreparedConv prepareConv(const ConvSpec& s, const at::Tensor& weight,
                             const at::Tensor& bias) const override
    {
        PreparedConv p;
        p.spec = s;
        p.weight = weight;
        p.bias = bias;
        // On the CPU the layouts live outside the tensor cache's arena; elsewhere (the libtorch path on a
        // CUDA device) they are plain tensors on the device.
        auto keep = [&](const torch::Tensor& t) {
            return weight.is_cpu() ? persistentCopy(t) : t.contiguous();
        };
        if (s.transposed && s.kernel % s.stride == 0)
            p.tapMajor = keep(
                weight.view({s.in, s.out, s.kernel}).permute({0, 2, 1}).reshape({s.in, s.kernel * s.out}));
        if (s.twoD && s.square) {
            p.middleRow = keep(weight.narrow(2, s.padding, 1));
            if (cpuFloat(weight) && s.kernel == 3 && s.stride == 1 && s.padding == 1 && s.dilation == 1)
                p.winograd = WinogradConv::create(weight, bias);
        }
        return p;
    }

    PreparedLstm prepareLstm(const torch::nn::LSTM& lstm) const override
    {
        PreparedLstm p;
        p.weights = lstm->all_weights();
        p.layers = lstm->options.num_layers();
        if (cpuFloat(p.weights.front()))
            p.cpu = LstmCpuWeights::of(lstm);
        return p;
    }

    // libtorch's own: cuDNN's buffer for CUDA weights (at::lstm runs them, with the fused kernels off),
    // nothing for the CPU's.
    void placeLstm(torch::nn::LSTM& lstm) const override { lstm->flatten_parameters(); }

    at::Tensor timeLayout(const at::Tensor& x) const override
    {
        return x.dim() == 4 ? x.view({x.size(0), -1, x.size(3)}) : x;
    }

    at::Tensor frequencyLayout(const at::Tensor& x) const override { return x; }

    bool addsNextSkip() const override { return false; }

    NormalisedSpectrum normaliseSpectrum(const at::Tensor& z, at::ScalarType dtype) const override
    {
        const int64_t B = z.size(0), C = z.size(1), Fq = z.size(2), T = z.size(3);
        NormalisedSpectrum out;
        torch::Tensor x = torch::view_as_real(z).permute({0, 1, 4, 2, 3}).reshape({B, C * 2, Fq, T});
        out.mean = x.mean({1, 2, 3}, true);
        out.std = x.std({1, 2, 3}, /*unbiased*/ true, true);
        x = (x - out.mean) / (1e-5 + out.std);
        // Channels-last: the frequency branch's convolutions are faster in it (oneDNN), and its DConv rows
        // become contiguous (DConvImpl::forward).
        out.x = x.to(dtype).contiguous(torch::MemoryFormat::ChannelsLast);
        return out;
    }

    at::Tensor waveforms(const HDemucsConfig& config, const NormalisedSpectrum& spectrum,
                         const at::Tensor& decoded, const at::Tensor& time, const at::Tensor& timeMean,
                         const at::Tensor& timeStd, int64_t length, ForwardState& state) const override
    {
        const int64_t B = decoded.size(0), S = static_cast<int64_t>(config.sources.size());
        const torch::Tensor freqOut = ispec(config, decoded, spectrum.mean, spectrum.std, length, state);
        const torch::Tensor xt = time.to(torch::kFloat32).view({B, S, -1, length});
        return xt * timeStd.unsqueeze(1) + timeMean.unsqueeze(1) + freqOut;
    }

    at::Tensor conv(const PreparedConv& c, const at::Tensor& x, ForwardState& state) const override
    {
        return forward(c, x, true, state);
    }

    at::Tensor convAct(const PreparedConv& c, const at::Tensor& x, NormAct after, const at::Tensor& inject,
                       ForwardState& state) const override
    {
        const torch::Tensor addend = after.frequencyAddend;
        after.frequencyAddend = torch::Tensor();
        torch::Tensor y;
        if (after.convBias.defined()) {
            TORCH_CHECK(!inject.defined(), "HDemucs: an injection with the bias in the norm");
            y = normAct(forward(c, x, false, state), after);
        } else {
            y = forward(c, x, true, state);
            if (inject.defined()) {
                TORCH_CHECK(inject.size(-1) == y.size(-1), "HDemucs: injection shapes do not align");
                y = y + (inject.dim() == 3 && y.dim() == 4 ? inject.unsqueeze(2) : inject);
            }
            y = activate(y, after);
        }
        if (addend.defined()) {
            TORCH_CHECK(y.dim() == 4 && y.size(2) == addend.size(0),
                        "HDemucs: frequency embedding height mismatch");
            y = y + addend.t().unsqueeze(0).unsqueeze(-1); // broadcast over batch and time
        }
        return y;
    }

    at::Tensor convRowsAct(const PreparedConv& c, const at::Tensor& x, const NormAct& after) const override
    {
        return normAct(forwardRows(c, x), after);
    }

    at::Tensor addConvAct(const PreparedConv& c, const at::Tensor& x, const at::Tensor& skip,
                          const NormAct& after, ForwardState& state) const override
    {
        // Without a norm, the sum, the Winograd rewrite and GLU in one go where they can.
        if (!after.groups && after.activation == Activation::Glu && c.winograd && x.size(2) != 1) {
            const torch::Tensor y = c.winograd->forwardAddGlu(x, skip, state.winogradPlans(*c.winograd));
            if (y.defined())
                return y;
        }
        return convAct(c, skip.defined() ? x + skip : x, after, {}, state);
    }

    at::Tensor transposedAct(const PreparedConv& c, const at::Tensor& y, const NormAct& norm, int64_t offset,
                             int64_t count, bool gelu, const at::Tensor& nextSkip) const override
    {
        TORCH_CHECK(!nextSkip.defined(), "HDemucs: the CPU backend adds each skip in its own layer");
        const ConvSpec& s = c.spec;
        if (!norm.groups && cpuFloat(y) &&
            c.tapMajor.defined()) // the GEMM, then taps, bias, crop, GELU in one
            return transposedOverlapAdd(c, y, offset, count, gelu);
        torch::Tensor z = transposedFull(c, y);
        // With a norm, GELU goes with it (it commutes with the crop below).
        const bool geluDone = norm.groups && gelu;
        if (norm.groups) {
            NormAct op = norm;
            op.activation = geluDone ? Activation::Gelu : Activation::None;
            z = normAct(z, op);
        }
        z = z.slice(s.twoD ? -2 : -1, offset, offset + count);
        if (gelu && s.twoD) // the next layer's convolutions want channels-last; GELU is fastest on it dense
            z = z.contiguous(torch::MemoryFormat::ChannelsLast);
        return gelu && !geluDone ? model::gelu(z) : z;
    }

    at::Tensor lstm(const PreparedLstm& l, const at::Tensor& x) const override
    {
        if (l.cpu && cpuFloat(x))
            return lstmForwardCpu(*l.cpu, x);
        const int64_t hidden = l.weights[1].size(1); // weight_hh_l0: [4H, H]
        const torch::Tensor h0 = torch::zeros({2 * l.layers, x.size(1), hidden}, x.options());
        return std::get<0>(torch::lstm(x, {h0, h0}, l.weights, /*has_biases*/ true, l.layers, /*dropout*/ 0.0,
                                       /*train*/ false, /*bidirectional*/ true, /*batch_first*/ false));
    }

    at::Tensor attentionWeights(at::Tensor dots, const at::Tensor& decay, int64_t ndecay,
                                int64_t headChannels) const override
    {
        const int64_t T = dots.size(-1);
        const auto opts = dots.options();
        // Positions in float32 even when x is bfloat16, which holds integers exactly only up to 256.
        const torch::Tensor indexes = torch::arange(T, opts.dtype(torch::kFloat32));
        const torch::Tensor delta = indexes.unsqueeze(1) - indexes.unsqueeze(0);
        dots /= std::sqrt(static_cast<double>(headChannels));
        if (ndecay) {
            const torch::Tensor decays = torch::arange(1, ndecay + 1, opts.dtype(torch::kFloat32));
            const torch::Tensor decayQ = torch::sigmoid(decay) / 2;
            const torch::Tensor kernel =
                (-decays.view({-1, 1, 1}) * delta.abs() / std::sqrt(static_cast<double>(ndecay)))
                    .to(dots.scalar_type());
            for (int64_t f = 0; f < ndecay; ++f) // fts,bhfs->bhts
                dots.addcmul_(kernel[f], decayQ.select(2, f).unsqueeze(2));
        }
        dots.masked_fill_(torch::eye(T, opts.dtype(torch::kBool)), -100);
        return torch::softmax(dots, 2);
    }

private:
    // activation(norm(y)) (+ scale + residual) with the bias already in y.
    static torch::Tensor activate(const torch::Tensor& y, const NormAct& after)
    {
        if (after.groups || after.scale.defined() || after.residual.defined())
            return normAct(y, after);
        if (after.activation == Activation::Gelu)
            return model::gelu(y);
        if (after.activation == Activation::Glu)
            return model::glu(y);
        return y;
    }

    // A convolution that is not transposed, with or without its bias.
    static torch::Tensor forward(const PreparedConv& c, const torch::Tensor& x, bool withBias,
                                 ForwardState& state)
    {
        const ConvSpec& s = c.spec;
        TORCH_CHECK(!s.transposed, "HDemucs: a transposed convolution is transposedAct's");
        const torch::Tensor b = withBias ? c.bias : torch::Tensor();
        if (s.twoD && s.square) {
            // On a single frequency row (the last frequency layer) only the kernel's middle row meets data;
            // the others multiply zero padding. Same sum, a third of the work.
            if (x.size(2) == 1 && s.stride == 1 && s.padding * 2 + 1 == s.kernel)
                return torch::conv2d(x, c.middleRow, b, {1, 1}, std::vector<int64_t>{0, s.padding},
                                     {1, s.dilation});
            if (withBias && c.winograd && cpuFloat(x)) {
                if (torch::Tensor y = c.winograd->forward(x, state.winogradPlans(*c.winograd)); y.defined())
                    return y;
            }
            return torch::conv2d(x, c.weight, b, {s.stride, s.stride}, {s.padding, s.padding},
                                 {s.dilation, s.dilation});
        }
        if (s.twoD)
            return torch::conv2d(x, c.weight, b, {s.stride, 1}, {s.padding, 0}, {s.dilation, 1});
        // Pointwise convolutions that oneDNN runs badly are GEMMs: from a handful of channels over a long
        // sequence (oneDNN pads the channels to 16-wide blocks: 3x slower, BENCHMARKS.md), and the
        // attention's over a few hundred steps (its per-call weight reordering cost more than the product).
        if (s.kernel == 1 && s.stride == 1 && x.dim() == 3 && x.is_cpu() &&
            (s.in < 16 || x.size(2) <= 1024)) {
            if (x.size(0) == 1)
                return parallelMm(c.weight.squeeze(-1), x[0], withBias ? c.bias.view({-1, 1}) : b)
                    .unsqueeze(0);
            const torch::Tensor y = torch::matmul(c.weight.squeeze(-1), x);
            return withBias ? y.add_(c.bias.view({-1, 1})) : y;
        }
        return torch::conv1d(x, c.weight, b, s.stride, s.padding, s.dilation);
    }

    // A 1-d convolution over each row of channels-last [B, C, R, T], without its bias.
    static torch::Tensor forwardRows(const PreparedConv& c, const torch::Tensor& x)
    {
        const ConvSpec& s = c.spec;
        TORCH_CHECK(!s.twoD && !s.transposed && s.stride == 1, "HDemucs: not a row-wise convolution");
        if (s.kernel == 1) {
            const int64_t B = x.size(0), R = x.size(2), T = x.size(3);
            const torch::Tensor rows = x.permute({0, 2, 3, 1}).reshape({-1, s.in});
            return parallelMm(rows, c.weight.view({s.out, s.in}).t())
                .view({B, R, T, s.out})
                .permute({0, 3, 1, 2});
        }
        return torch::conv2d(x, c.weight.unsqueeze(2), {}, {1, 1}, std::vector<int64_t>{0, s.padding},
                             {1, s.dilation});
    }

    // A transposed convolution (float32) cropped to [offset, offset + count) along its axis and through
    // GELU if asked: one GEMM, then one pass that adds the taps and the bias (model::overlapAdd), where the
    // GEMM with its bias broadcast, the tap-by-tap adds, the crop's copy and GELU were separate passes.
    // Frequency branch: y [B, C, L, W] (channels-last is cheapest), returns channels-last [B, Co, count, W].
    // Time branch: y [B, C, L], returns contiguous [B, Co, count].
    static torch::Tensor transposedOverlapAdd(const PreparedConv& c, const torch::Tensor& y, int64_t offset,
                                              int64_t count, bool gelu)
    {
        const bool time = y.dim() == 3;
        const int64_t B = y.size(0), Ci = y.size(1), L = y.size(2), W = time ? 1 : y.size(3);
        const int64_t Co = c.spec.out, S = c.spec.stride, K = c.spec.kernel;
        const torch::Tensor rows =
            (time ? y.permute({0, 2, 1}) : y.permute({0, 2, 3, 1})).reshape({B * L * W, Ci});
        const torch::Tensor out = model::overlapAdd(parallelMm(rows, c.tapMajor), B, L, W, K / S, S, Co,
                                                    offset, count, c.bias, gelu, time);
        return time ? out : out.view({B, count, W, Co}).permute({0, 3, 1, 2});
    }

    // The whole transposed convolution with its bias. Kernels a multiple of the stride (all of HDemucs's),
    // channels-last: one GEMM of the input rows [B * L * W, Ci] by the weight arranged [Ci, (r, s, co)],
    // then R = K / S shifted adds along the axis (libtorch's own kernel wants NCHW and col2im). The time
    // branch's [B, C, L] as [B, C, L, 1], returned as [B, C, L'].
    static torch::Tensor transposedFull(const PreparedConv& c, const torch::Tensor& input)
    {
        const ConvSpec& s = c.spec;
        if (!c.tapMajor.defined())
            return s.twoD ? torch::conv_transpose2d(input, c.weight, c.bias, {s.stride, 1})
                          : torch::conv_transpose1d(input, c.weight, c.bias, s.stride);
        const bool time = input.dim() == 3;
        const torch::Tensor x = time ? input.unsqueeze(-1) : input;
        const int64_t B = x.size(0), Ci = x.size(1), L = x.size(2), Tw = x.size(3);
        const int64_t Co = s.out, S = s.stride, R = s.kernel / S;
        const torch::Tensor rows = x.permute({0, 2, 3, 1}).reshape({B * L * Tw, Ci});
        // The bias joins the first tap as it is moved into place (in the GEMM, addmm would first have written
        // it across the whole product); the R - 1 rows only later taps reach start from it. Below 16 output
        // channels (the time branch's last layer) libtorch's broadcast add runs slowly on rows that short,
        // and the bias rides in the GEMM with the first tap instead.
        const torch::Tensor& bias = c.bias;
        const bool biasInGemm = Co < 16;
        const torch::Tensor gemmBias =
            biasInGemm ? torch::cat({bias.repeat({S}), torch::zeros({(R - 1) * S * Co}, bias.options())})
                       : torch::Tensor();
        const torch::Tensor y = parallelMm(rows, c.tapMajor, gemmBias).view({B, L, Tw, R, S, Co});
        torch::Tensor out = torch::empty({B, L + R - 1, S, Tw, Co}, x.options());
        torch::Tensor first = out.slice(1, 0, L);
        if (biasInGemm)
            first.copy_(y.select(3, 0).permute({0, 1, 3, 2, 4}));
        else
            at::add_out(first, y.select(3, 0).permute({0, 1, 3, 2, 4}), bias);
        if (R > 1)
            out.slice(1, L, L + R - 1).copy_(bias.expand({B, R - 1, S, Tw, Co}));
        for (int64_t r = 1; r < R; ++r)
            out.slice(1, r, r + L).add_(y.select(3, r).permute({0, 1, 3, 2, 4}));
        const torch::Tensor z = out.view({B, (L + R - 1) * S, Tw, Co}).permute({0, 3, 1, 2});
        return time ? z.squeeze(-1).contiguous() : z;
    }

    // torchaudio's _ispec of the decoder's spectrum, denormalised: [B, S, C, length].
    static torch::Tensor ispec(const HDemucsConfig& config, const torch::Tensor& decoded,
                               const torch::Tensor& mean, const torch::Tensor& std, int64_t length,
                               ForwardState& state);
};

torch::Tensor CpuBackend::ispec(const HDemucsConfig& config, const torch::Tensor& decoded,
                                const torch::Tensor& mean, const torch::Tensor& std, int64_t length,
                                ForwardState& state)
{
    // decoded: the decoder's output [B, S * C * 2 (real, imaginary), Fr, T] in any layout (channels-last),
    // still normalised: the spectrum is decoded * std + mean. torchaudio pads one frequency bin on top and
    // two frames each side, then runs torch.istft (normalized, centred, periodic Hann). Here the inverse FFT
    // runs over frames laid out frame-major, and the overlap-add is four shifted multiply-adds (the hop is a
    // quarter of the FFT) instead of istft's col2im, which took a tenth of a CPU window (BENCHMARKS.md).
    const int64_t hl = config.hopLength();
    const int64_t nfft = config.nfft;
    const int64_t overlap = nfft / hl;
    const int64_t S = static_cast<int64_t>(config.sources.size()), C = config.audioChannels;
    const int64_t B = decoded.size(0), Fr = decoded.size(2), T = decoded.size(3);
    TORCH_CHECK(decoded.size(1) == S * C * 2, "HDemucs: unexpected decoder output channels");
    const torch::TensorOptions floats = decoded.options().dtype(torch::kFloat32);
    TORCH_CHECK(Fr + 1 == nfft / 2 + 1, "HDemucs: unexpected spectrogram height");
    const int64_t N = B * S * C, frames = T + 4;

    torch::Tensor z = torch::empty({B, S, C, frames, Fr + 1}, floats.dtype(torch::kComplexFloat));
    const torch::Tensor zr = torch::view_as_real(z); // [B, S, C, frames, Fr + 1, 2]
    zr.slice(3, 0, 2).zero_();
    zr.slice(3, T + 2, frames).zero_();
    zr.slice(3, 2, T + 2).select(4, Fr).zero_();
    const torch::Tensor inner = zr.slice(3, 2, T + 2).slice(4, 0, Fr); // [B, S, C, T, Fr, 2]
    if (!unpackSpectrum(decoded, mean, std, inner)) {                  // float32 on the CPU: one pass
        inner.copy_(torch::addcmul(mean, decoded.to(torch::kFloat32), std)
                        .view({B, S, C, 2, Fr, T})
                        .permute({0, 1, 2, 5, 4, 3}));
        // The inverse real FFT must ignore the DC bin's imaginary part (the decoder's spectrum is not
        // Hermitian); pocketfft does, cuFFT does not (cuda/CudaKernels.h, unpackSpectrum).
        if (!decoded.is_cpu())
            inner.select(4, 0).select(-1, 1).zero_();
    }
    z = z.view({N, frames, Fr + 1});
    const torch::Tensor window = state.window(nfft, 1.0, at::kFloat, decoded.device()).view({overlap, hl});
    torch::Tensor y = torch::empty({N, frames + overlap - 1, hl}, floats);
    // Row by row: the inverse FFT of the frames ("ortho": istft's "normalized"), then their overlap-add
    // while they are in cache.
    auto inverse = [&](int64_t r0, int64_t r1) {
        const torch::Tensor blocks =
            torch::fft_irfft(z.slice(0, r0, r1), nfft, -1, "ortho").view({r1 - r0, frames, overlap, hl});
        torch::Tensor rows = y.slice(0, r0, r1);
        rows.zero_();
        for (int64_t j = 0; j < overlap; ++j)
            rows.slice(1, j, j + frames).addcmul_(blocks.select(2, j), window[j]);
    };
    // On the CPU split over the threads (libtorch 1.13 runs pocketfft on one). Elsewhere in one go: worker
    // threads would not carry the caller's CUDA stream.
    if (z.is_cpu())
        forRowChunks(N, inverse);
    else
        inverse(0, N);
    // Centred: istft drops nfft / 2 samples; torchaudio's spec() padding adds hl / 2 * 3 more.
    const int64_t start = nfft / 2 + hl / 2 * 3;
    TORCH_CHECK(start + length <= y.size(1) * hl, "HDemucs: spectrogram too short for the output");
    const torch::Tensor& env = state.envelope(config, frames, start, length, decoded.device());
    return (y.view({N, -1}).slice(1, start, start + length) / env).view({B, S, C, length});
}

} // namespace

const Backend& cpuBackend()
{
    static const CpuBackend backend;
    return backend;
}

} // namespace stemcrate::model
